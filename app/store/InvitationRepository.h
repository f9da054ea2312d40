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
    // Writes every mutable field when `invitation.rowVersion` still matches.
    Status update(const Invitation& invitation, const QDateTime& at, const QString& by);

private:
    Result<QList<Invitation>> sweep(const QString& set, const QString& due, const QString& order,
                                    const QDateTime& now, int limit, const QString& by);
    Result<QList<Invitation>> many(const QString& sql, const QVariant& value);
    Database& m_db;
};

} // namespace pd
