// Enrollment: a signed form becomes a login, a grant at the bracket's level and a queued invitation.
#pragma once

#include "core/EnrollmentRules.h"
#include "services/ServiceContext.h"

namespace pd {

struct EnrollRequest {
    QString mrn;
    QString form;      // parent | patient
    QString signedOn;  // YYYY-MM-DD
    QString givenName; // the enrollee; a patient form defaults to the patient's own
    QString familyName;
    QString email;
    QString relationship; // parent | guardian | family (parent forms)
    QString language;
    QString overrideReason; // a supervisor's written reason (emancipated minor, shared e-mail)
};

struct EnrollOutcome {
    qint64 enrollmentId = 0;
    qint64 grantId = 0;
    qint64 invitationId = 0; // 0 when the login was already active (a sibling's parent, say)
    PortalUser user;
    bool newLogin = false;
    QString level;
    QString bracket;
    QDateTime dueAt;
    QString note; // why no new invitation was queued, if none was
};

class EnrollmentService final {
public:
    explicit EnrollmentService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // The PIN is used only to make its hash; the caller wipes its copy.
    Result<EnrollOutcome> enroll(const EnrollRequest& request, const QString& pin);

private:
    const ServiceContext& m_ctx;
};

// A free username from an e-mail address's local part ("ana.lopez", "ana.lopez2", …).
// What a new grant's login needs to get in: nothing when it is active, its live invitation when it has one,
// else a new invitation queued (due within the policy's business days) with `pinHash`, reopening a
// deactivated or terminated login first. Call inside the operation's transaction.
struct QueuedAccess {
    PortalUser user;         // as it is afterwards
    qint64 invitationId = 0; // 0 when the login is active
    QDateTime dueAt;
    QString note; // what happened, for the staff member (empty for a new invitation)
};
// `consentId`: the PIN is that approved consent's (which the central database keeps from the desks).
Result<QueuedAccess> queueAccessInvitation(const ServiceContext& ctx, const Policy& policy, PortalUser user,
                                           qint64 patientId, qint64 enrollmentId, const QString& pinHash,
                                           qint64 consentId = 0);

Result<QString> makeUsername(Database& db, const QString& email);

} // namespace pd
