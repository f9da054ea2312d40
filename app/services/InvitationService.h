// Invitations: send, reissue, revoke, list, and the portal's activation (SPEC §4).
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

#include <optional>

namespace pd {

struct SentInvitation {
    Invitation invitation;
    PortalUser user;
    qint64 outboxId = 0;
    qint64 revokedId = 0; // reissue: the invitation it replaced, if one was live
};

struct ReissueRequest {
    QString user;
    bool newPin = false;
    QString verifiedBy; // how the caller's identity was checked; required with a new PIN
    // A deactivated login reopens with the access the staff member confirmed, grant by grant: the ids of
    // the grants that come back (of reopening()'s, those that may). Required for a deactivated login.
    std::optional<QList<qint64>> restoreGrants = std::nullopt;
};

// An open grant of a deactivated login, and whether it may come back when the login reopens: not when a
// 12th or 18th birthday has ended it since, or the patient died.
struct ReopenGrant {
    Grant grant;
    QString patientMrn;
    QString patientName;
    bool mayComeBack = false;
    QString why; // translated: why it may not
};

struct ActivationOutcome {
    PortalUser user;
    Invitation invitation;
};

class InvitationService final {
public:
    explicit InvitationService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    Result<SentInvitation> sendNow(const QString& user);
    // A new token and window; the live invitation, if any, is revoked in the same transaction.
    Result<SentInvitation> reissue(const ReissueRequest& request, const QString& newPin);
    // The grants a deactivated login's reissue would bring back, for the staff member to confirm.
    Result<QList<ReopenGrant>> reopening(const QString& user);
    Result<Invitation> revoke(const QString& user);
    Result<QList<InvitationRow>> list(InvitationFilter filter, const QString& mrn);
    // How many the same filter finds, all pages together.
    Result<qint64> count(InvitationFilter filter, const QString& mrn);
    // The portal's side: a live token and the right PIN make the login active.
    Result<ActivationOutcome> activate(const QString& token, const QString& pin);

private:
    const ServiceContext& m_ctx;
};

// Revokes a live invitation for `reason` (reissued, deactivated, email_changed, terminated, staff) and audits
// it, inside the caller's transaction. Returns the revoked invitation.
Result<Invitation> revokeInvitation(const ServiceContext& ctx, Invitation invitation, const QString& reason,
                                    qint64 patientId);

// Revokes the login's live invitation, if it has one (inside the caller's transaction).
Result<std::optional<Invitation>> revokeLiveInvitation(const ServiceContext& ctx, qint64 portalUserId,
                                                       const QString& reason, qint64 patientId);

// Ends an open grant for `reason` at `endedAt`, with its grant.ended event (`details`), inside the caller's
// transaction. On the central database a staff member's goes through the server's grant_end(), which checks
// the rule and writes the event; the EHR feed's login and the embedded file write it here.
Status endGrant(const ServiceContext& ctx, const Grant& grant, const QDateTime& endedAt,
                const QString& reason, const QJsonObject& details);

// Writes `user`, whose status the caller set to deactivated or terminated (with its reason and, for a
// deactivation, who reported it and how they were verified), and the event (`details`, with `before`, the
// status it had). On the central database a staff member's goes through portal_user_close(), which checks
// the rule (a terminated login has no open grant left) and writes the event itself.
Status closeLogin(const ServiceContext& ctx, const PortalUser& user, const QString& before, qint64 patientId,
                  const QJsonObject& details);

// Gives a queued invitation its token and window and queues its e-mail (inside the caller's transaction).
Result<qint64> sendInvitation(const ServiceContext& ctx, const Policy& policy, Invitation& invitation,
                              const PortalUser& user, const QString& mailKind);

} // namespace pd
