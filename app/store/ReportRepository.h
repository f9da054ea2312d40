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

    enum class InvitationTime { Sent, Activated, Expired };
    // How many invitations were sent, activated or expired (as their status is now) in each range
    // [bounds[i], bounds[i + 1]), counted by the database from an index; `bounds` ascend.
    Result<QList<int>> invitationsByRange(InvitationTime which, const QList<QDateTime>& bounds);
    // Of the invitations sent in [from, to): how many were activated, and the median hours from sending
    // to activation (-1 when none was).
    Result<QPair<int, double>> activationOfSent(const QDateTime& from, const QDateTime& to);
    // The requests received in each range [bounds[i], bounds[i + 1]), counted by the database from an
    // index: how many, and how they stand at `now` (met by their due time, late, open and not yet due).
    Result<QList<RequestCounts>> requestsByRange(const QList<QDateTime>& bounds, const QDateTime& now);

private:
    Database& m_db;
};

} // namespace pd
