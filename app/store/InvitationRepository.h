// Invitations: the activation e-mails, stored with hashed token and PIN only.
#pragma once

#include "Database.h"
#include "Records.h"

#include <optional>

namespace pd {

struct InvitationFilter {
    QString status;        // one status, or empty for all
    qint64 patientId = 0;  // invitations of logins with a grant to this patient
    bool dueOnly = false;  // queued, not yet late
    bool lateOnly = false; // queued and past due
    QDateTime now;         // for due/late
    int limit = 500;
    int offset = 0;
};

struct InvitationRow {
    Invitation invitation;
    QString username;
    QString userName;  // the holder's full name
    QString mrn;       // the patient the login is for: its own, or the first it holds a grant to
    QString mailError; // what the mail server last said about its e-mail, if it refused or failed
};

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
    // Sent invitations whose window has closed by `now`.
    Result<QList<Invitation>> expirable(const QDateTime& now);
    // Queued invitations past their due time that were not yet marked late.
    Result<QList<Invitation>> lateUnmarked(const QDateTime& now);
    // Writes every mutable field when `invitation.rowVersion` still matches.
    Status update(const Invitation& invitation, const QDateTime& at, const QString& by);

private:
    Result<QList<Invitation>> many(const QString& sql, const QVariant& value);
    Database& m_db;
};

} // namespace pd
