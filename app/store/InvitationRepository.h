// Invitations: the activation e-mails, stored with hashed token and PIN only.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <optional>

namespace pd {

class InvitationRepository final {
public:
    explicit InvitationRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const Invitation& invitation);
    Result<std::optional<Invitation>> byId(qint64 id);
    Result<std::optional<Invitation>> byTokenHash(const QString& tokenHash);
    Result<std::optional<Invitation>> liveFor(qint64 portalUserId);
    Result<std::optional<Invitation>> latestFor(qint64 portalUserId);
    Result<QList<Invitation>> forUser(qint64 portalUserId);
    Result<QList<InvitationRow>> list(const InvitationFilter& filter);
    // Expires the sent invitations whose window has closed by `now`, oldest first, at most `limit`, in one
    // statement, and returns them as they now are (by id).
    Result<QList<Invitation>> expireDue(const QDateTime& now, int limit, const QString& by);
    // Marks late the queued invitations past their due time not yet marked, oldest first, at most `limit`,
    // in one statement, and returns them as they now are (by id).
    Result<QList<Invitation>> markLate(const QDateTime& now, int limit, const QString& by);
    // How many invitations the filter finds, all pages together.
    Result<qint64> count(const InvitationFilter& filter);
    // A new activation token for a queued invitation about to be mailed: made from the server's random
    // source on the central database (pgcrypto), from OpenSSL's here; only its hash is kept, replacing any
    // earlier one. Empty when the invitation no longer waits to be mailed.
    Result<QString> issueToken(qint64 invitationId);
    // The mail server accepted the invitation's message at `at`: sent, and its window starts. False when it
    // was no longer waiting (revoked meanwhile, or marked by an earlier try).
    Result<bool> markSent(qint64 invitationId, const QDateTime& at, const QDateTime& expiresAt,
                          const QString& by);
    // The message did not go: its token dies; `failed` also marks the invitation delivery_failed.
    Status mailNotSent(qint64 invitationId, bool failed, const QDateTime& at, const QString& by);
    // Writes every mutable field when `invitation.rowVersion` still matches.
    Status update(const Invitation& invitation, const QDateTime& at, const QString& by);

private:
    Result<QList<Invitation>> sweep(const QString& set, const QString& due, const QString& order,
                                    const QDateTime& now, int limit, const QString& by);
    Result<QList<Invitation>> many(const QString& sql, const QVariant& value);
    Database& m_db;
};

} // namespace pd
