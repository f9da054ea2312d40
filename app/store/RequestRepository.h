// Family requests (SPEC §5): insert, look up, the worklist ordered by due time, resolve with optimistic
// locking, and the audit events a resolution may point at.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <optional>

namespace pd {

class RequestRepository final {
public:
    explicit RequestRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const FamilyRequest& request, const QDateTime& at, const QString& by);
    Result<std::optional<RequestRow>> byId(qint64 id);
    // Ordered by due time (then id), soonest first.
    Result<QList<RequestRow>> list(const RequestFilter& filter);
    // How many requests the filter finds, all pages together.
    Result<qint64> count(const RequestFilter& filter);
    // Writes the status and resolution fields when `request.rowVersion` still matches; Conflict names who
    // changed it and when.
    Status update(const FamilyRequest& request, const QDateTime& at, const QString& by);

    // The audit event with this id, if this connection may read it.
    Result<std::optional<AuditedAction>> auditedAction(qint64 eventId);
    // The newest audit event that changed the record (openings are not changes).
    Result<std::optional<AuditedAction>> latestChangeTo(const QString& recordType, const QString& recordId);

private:
    Database& m_db;
};

} // namespace pd
