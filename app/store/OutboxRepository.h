// The transactional outbox: mail written with the change that causes it, sent later.
#pragma once

#include "store/Layer.h"

#include "core/Records.h"
#include "store/Database.h"

#include <optional>

namespace pd {

class OutboxRepository final {
public:
    explicit OutboxRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const OutboxMessage& message);
    // Claims up to `limit` pending messages due by `now` for `worker`; claims older than half an hour
    // are taken over (their dispatcher died). On PostgreSQL rows another dispatcher is claiming are
    // skipped, never waited for or claimed twice.
    Result<QList<OutboxMessage>> claimDue(const QDateTime& now, const QString& worker, int limit);
    // Stamps the claim afresh just before its message goes; false when the claim is no longer this
    // worker's (it went stale and another sender took the message), and the message must not be sent.
    Result<bool> renewClaim(qint64 id, const QDateTime& now, const QString& worker);
    // These change a message only while `worker` still holds its claim.
    Status markSent(qint64 id, const QDateTime& at, const QString& worker);
    Status markRetry(qint64 id, const QString& error, const QDateTime& nextAttempt, const QString& worker);
    Status markFailed(qint64 id, const QString& error, const QString& worker);
    // A claimed message that must not go after all (its invitation was revoked meanwhile).
    Status markCancelled(qint64 id, const QString& why, const QString& worker);
    // Gives back a claimed message that was not tried.
    Status release(qint64 id, const QString& worker);
    Result<QList<OutboxMessage>> list(const QString& status, int limit);
    Result<int> waitingCount();
    // Cancels mail not yet handed to the mail server: what is queued for these logins, and the age-rule
    // notices about this patient.
    Result<int> cancelPending(const QList<qint64>& portalUserIds, qint64 noticesOfPatientId,
                              const QString& why);
    // How many messages for these logins wait for the mail server.
    Result<int> pendingFor(const QList<qint64>& portalUserIds);
    // Cancels the waiting age-rule notices about these grants (the grants ended before their birthday).
    Result<int> cancelNotices(const QList<qint64>& grantIds, const QString& why);
    // Whether a message for the invitation is waiting for the mail server or being sent now.
    Result<bool> waitingForInvitation(qint64 invitationId);
    // One message with its template values (and a legacy stored body, empty once sent).
    Result<std::optional<OutboxMessage>> byId(qint64 id);

private:
    Database& m_db;
};

} // namespace pd
