// The transactional outbox: mail written with the change that causes it, sent later.
#pragma once

#include "Database.h"
#include "Records.h"

#include <optional>

namespace pd {

class OutboxRepository final {
public:
    explicit OutboxRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const OutboxMessage& message);
    // Claims up to `limit` pending messages due by `now` for `worker`; claims older than 10 minutes
    // (a dispatcher that died) are taken over.
    Result<QList<OutboxMessage>> claimDue(const QDateTime& now, const QString& worker, int limit);
    // Sent: the stored message is dropped, since it may carry an activation link.
    Status markSent(qint64 id, const QDateTime& at);
    Status markRetry(qint64 id, const QString& error, const QDateTime& nextAttempt);
    Status markFailed(qint64 id, const QString& error);
    Result<QList<OutboxMessage>> list(const QString& status, int limit);
    Result<int> waitingCount();
    // One message with its stored body (empty once sent).
    Result<std::optional<OutboxMessage>> byId(qint64 id);

private:
    Database& m_db;
};

} // namespace pd
