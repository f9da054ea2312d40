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
    // Sent invitations whose window has closed by `now`, oldest first, at most `limit`.
    Result<QList<Invitation>> expirable(const QDateTime& now, int limit);
    // Queued invitations past their due time that were not yet marked late, oldest first, at most `limit`.
    Result<QList<Invitation>> lateUnmarked(const QDateTime& now, int limit);
    // How many invitations the filter finds, all pages together.
    Result<qint64> count(const InvitationFilter& filter);
    // Writes every mutable field when `invitation.rowVersion` still matches.
    Status update(const Invitation& invitation, const QDateTime& at, const QString& by);

private:
    Result<QList<Invitation>> many(const QString& sql, const QVariant& value);
    Database& m_db;
};

} // namespace pd
