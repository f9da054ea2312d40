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

class AccountService final {
public:
    explicit AccountService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    Result<UserStory> show(const QString& user);
    Result<DeactivateOutcome> deactivate(const DeactivateRequest& request);
    // A new address revokes the live invitation, queues a fresh one when the login is not active yet,
    // and tells the old address.
    Result<PortalUser> update(const UserUpdate& request);

    static QStringList deactivationReasons();

private:
    const ServiceContext& m_ctx;
};

} // namespace pd
