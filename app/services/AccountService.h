// A login's own record: show it, change its address or language, deactivate it (SPEC §4, §5).
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

namespace pd {

struct DeactivateRequest {
    QString user;
    QString reason;     // suspected_compromise | family_request | duplicate | deceased | other
    QString reportedBy; // who called
    QString verifiedBy; // how their identity was checked
    QString note;       // required for "other"
};

struct DeactivateOutcome {
    PortalUser user;
    QList<qint64> revokedInvitations;
    qint64 noticeOutboxId = 0;
};

struct UserUpdate {
    QString user;
    QString email;           // empty = unchanged
    QString language;        // empty = unchanged
    int expectedVersion = 0; // 0 = the version read now (the CLI); the GUI passes what it showed
};

struct UserStory {
    PortalUser user;
    QList<Grant> grants;
    QList<Invitation> invitations;
    QHash<qint64, QString> patientMrns; // patient id → MRN, for the grants above
};

// A login closed because its holder died stays closed: no reissue, no new PIN, no enrollment or consent
// reuses it (SPEC section 5). A supervisor takes back a death recorded in error (reverseDeath).
bool closedByDeath(const PortalUser& user);
// The refusal of an enrollment or a consent whose address is a deactivated login's ("<prefix>.login_deceased"
// or "<prefix>.login_deactivated"): it names the login and the way to reopen it, and nothing reopens it.
Error deactivatedLoginRefusal(const QString& rulePrefix, const PortalUser& user);
// Who may reopen a deactivated login (with a new PIN): an HIM specialist, a supervisor after a suspected
// compromise.
Role reopensWith(const PortalUser& user);

class AccountService final {
public:
    explicit AccountService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    Result<UserStory> show(const QString& user);
    Result<DeactivateOutcome> deactivate(const DeactivateRequest& request);
    // A supervisor takes back a login's death recorded in error: the login stays deactivated ("other", with
    // the note), and reopens the usual way. Not a patient's own login while the EHR reports the death.
    Result<PortalUser> reverseDeath(const QString& user, const QString& note);
    // A new address revokes the live invitation, queues a fresh one when the login is not active yet,
    // and tells the old address.
    Result<PortalUser> update(const UserUpdate& request);

    static QStringList deactivationReasons();

private:
    const ServiceContext& m_ctx;
};

} // namespace pd
