// The raw times the HIM leads' dashboard is counted from; the counting (weeks in the hospital's zone,
// rates, medians) is done by the service.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

namespace pd {

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
