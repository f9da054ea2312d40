// The raw times the HIM leads' dashboard is counted from; the counting (weeks in the hospital's zone,
// rates, medians) is done by the service.
#pragma once

#include "Database.h"

namespace pd {

struct InvitationTimes {
    QDateTime sentAt;
    QDateTime activatedAt;
    QDateTime expiresAt;
    QString status;
};

struct RequestTimes {
    QDateTime receivedAt;
    QDateTime dueAt;
    QDateTime resolvedAt;
    QString status;
};

class ReportRepository final {
public:
    explicit ReportRepository(Database& db)
        : m_db(db) {}

    // Invitations sent, activated or expired in [from, to).
    Result<QList<InvitationTimes>> invitations(const QDateTime& from, const QDateTime& to);
    // Requests received in [from, to).
    Result<QList<RequestTimes>> requests(const QDateTime& from, const QDateTime& to);

private:
    Database& m_db;
};

} // namespace pd
