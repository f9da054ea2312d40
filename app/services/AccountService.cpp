#include "services/AccountService.h"
#include "mail/MimeMessage.h"
#include "services/Birthdays.h"
#include "services/DisplayText.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/InvitationRepository.h"
#include "store/SearchRepository.h"

#include "core/FailPoint.h"
#include "core/Validation.h"
#include "services/InvitationService.h"
#include "services/PatientService.h"
#include "services/RestrictionService.h"
#include "store/GrantRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>

namespace pd {

QStringList AccountService::deactivationReasons() {
    return {QStringLiteral("suspected_compromise"), QStringLiteral("family_request"),
            QStringLiteral("duplicate"), QStringLiteral("deceased"), QStringLiteral("other")};
}

Result<UserStory> AccountService::show(const QString& userName) {
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto user = findPortalUser(m_ctx.db(), userName);
    if (!user)
        return user.error();
    UserStory story;
    story.user = user.value();
    auto grants = GrantRepository(m_ctx.db()).forUser(story.user.id);
    if (!grants)
        return grants.error();
    story.grants = grants.value();
    PatientRepository patients(m_ctx.db());
    for (const Grant& g : std::as_const(story.grants)) {
        auto p = patients.byId(g.patientId);
        if (!p)
            return p.error();
        if (p->has_value())
            story.patientMrns.insert(g.patientId, (*p)->mrn);
    }
    auto invitations = InvitationRepository(m_ctx.db()).forUser(story.user.id);
    if (!invitations)
        return invitations.error();
    story.invitations = invitations.value();
    if (!m_ctx.has(Role::Specialist)) {
        story.user.email = maskEmail(story.user.email);
        Birthdays::hide(story.user);
        for (Invitation& i : story.invitations) {
            i.email = maskEmail(i.email);
            Birthdays::hide(i);
        }
        for (Grant& g : story.grants)
            Birthdays::hide(g);
    }
    PD_TRY(m_ctx.audit(QStringLiteral("portal_user.opened"), QStringLiteral("portal_user"), story.user.id, 0,
                       story.user.id));
    PD_TRY(tx.commit());
    return story;
}

bool closedByDeath(const PortalUser& user) {
    return user.status == QLatin1String("deactivated") &&
           user.deactivationReason == QLatin1String("deceased");
}

Role reopensWith(const PortalUser& user) {
    return user.deactivationReason == QLatin1String("suspected_compromise") ? Role::Supervisor
                                                                            : Role::Specialist;
}

Error deactivatedLoginRefusal(const QString& rulePrefix, const PortalUser& user) {
    if (closedByDeath(user))
        return Error::validation(
            rulePrefix + QStringLiteral(".login_deceased"),
            QCoreApplication::translate("Services",
                                        "The login %1 (%2) on this address was closed because its holder "
                                        "died. It is never reopened, and no second login is made on its "
                                        "address; a supervisor takes back a death recorded in error.")
                .arg(user.username, user.email));
    return Error::validation(
        rulePrefix + QStringLiteral(".login_deactivated"),
        QCoreApplication::translate(
            "Services", "The login %1 (%2) on this address was deactivated (%3), and this does not "
                        "reopen it. %4 reopens it first with a new invitation and a new PIN "
                        "(Reissue with a new PIN), confirming the access that comes back; then try "
                        "again.")
            .arg(user.username, user.email, DisplayText::deactivationReason(user.deactivationReason),
                 reopensWith(user) == Role::Supervisor
                     ? QCoreApplication::translate("Services",
                                                   "After a suspected compromise, an HIM supervisor")
                     : QCoreApplication::translate("Services", "An HIM specialist")));
}

Result<PortalUser> AccountService::reverseDeath(const QString& userKey, const QString& note) {
    PD_TRY(m_ctx.require(Role::Supervisor,
                         QCoreApplication::translate("Services", "Taking back a death recorded in error")));
    auto text = Validation::note(note, QCoreApplication::translate("Services", "Note"));
    if (!text)
        return text.error();
    if (text->isEmpty())
        return Error::validation(
            QStringLiteral("death.note_required"),
            QCoreApplication::translate("Services", "Say in a note how the death was found to be an error."));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto found = findPortalUser(m_ctx.db(), userKey);
    if (!found)
        return found.error();
    PortalUser user = found.value();
    if (!closedByDeath(user))
        return Error::validation(QStringLiteral("death.not_recorded"),
                                 QCoreApplication::translate("Services",
                                                             "%1 was not closed because its holder "
                                                             "died; there is nothing to take back.")
                                     .arg(user.username));
    if (user.kind == QLatin1String("patient") && user.patientId != 0) {
        auto patient = PatientRepository(m_ctx.db()).byId(user.patientId);
        if (!patient)
            return patient.error();
        if (patient->has_value() && (*patient)->deceasedAt.isValid())
            return Error::validation(QStringLiteral("death.reported_by_ehr"),
                                     QCoreApplication::translate(
                                         "Services",
                                         "The EHR still reports the death of %1's patient; the EHR corrects "
                                         "it, and the record is then listed for review.")
                                         .arg(user.username));
    }
    const qint64 patientId = patientOf(m_ctx.db(), user);
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        auto done = m_ctx.db().callDoor(QStringLiteral("portal_user_reverse_death"),
                                        {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                         {QStringLiteral("user"), user.id},
                                         {QStringLiteral("patient"), patientId},
                                         {QStringLiteral("note"), text.value()}});
        if (!done)
            return done.error();
    } else {
        PortalUser changed = user;
        changed.statusReason = QStringLiteral("death_reversed");
        changed.deactivationReason = QStringLiteral("other");
        changed.deactivationNote = text.value();
        PD_TRY(PortalUserRepository(m_ctx.db()).update(changed, m_ctx.now(), m_ctx.staff().name));
        PD_TRY(m_ctx.audit(QStringLiteral("portal_user.death_reversed"), QStringLiteral("portal_user"),
                           user.id, patientId, user.id, {{QStringLiteral("note"), text.value()}}));
    }
    auto reread = PortalUserRepository(m_ctx.db()).byId(user.id);
    if (!reread)
        return reread.error();
    PD_TRY(tx.commit());
    return reread->value_or(user);
}

Result<DeactivateOutcome> AccountService::deactivate(const DeactivateRequest& in) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Deactivating a login")));
    if (!deactivationReasons().contains(in.reason))
        return Error::validation(QStringLiteral("deactivate.reason"),
                                 QCoreApplication::translate("Services", "Reason must be one of: %1.")
                                     .arg(deactivationReasons().join(QStringLiteral(", "))));
    auto note = Validation::note(in.note, QCoreApplication::translate("Services", "Note"));
    if (!note)
        return note.error();
    if (in.reason == QLatin1String("other") && note->isEmpty())
        return Error::validation(
            QStringLiteral("deactivate.note_required"),
            QCoreApplication::translate(
                "Services", "Say in a note why the login is deactivated when the reason is \"other\"."));
    auto reported = Validation::note(in.reportedBy, QCoreApplication::translate("Services", "Reported by"));
    if (!reported)
        return reported.error();
    auto verified =
        Validation::note(in.verifiedBy, QCoreApplication::translate("Services", "Identity verification"));
    if (!verified)
        return verified.error();
    if (reported->size() > Validation::MaxNameLength || verified->size() > Validation::MaxNameLength)
        return Error::validation(
            QStringLiteral("input.text"),
            QCoreApplication::translate("Services",
                                        "Reported by and identity verification are at most %1 characters.")
                .arg(Validation::MaxNameLength));

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto userR = findPortalUser(m_ctx.db(), in.user);
    if (!userR)
        return userR.error();
    PortalUser user = userR.value();
    if (user.status == QLatin1String("deactivated"))
        return Error::validation(
            QStringLiteral("deactivate.already"),
            QCoreApplication::translate("Services", "%1 was already deactivated on %2 UTC.")
                .arg(user.username, user.statusChangedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    const qint64 patientId = patientOf(m_ctx.db(), user);
    DeactivateOutcome out;

    auto revoked = revokeLiveInvitation(m_ctx, user.id, QStringLiteral("deactivated"), patientId);
    if (!revoked)
        return revoked.error();
    if (revoked->has_value())
        out.revokedInvitations.append((*revoked)->id);
    FailPoint::hit("deactivate.after_revoke");

    const QString before = user.status;
    user.status = QStringLiteral("deactivated");
    user.statusReason = in.reason;
    user.statusChangedAt = now;
    user.deactivationReason = in.reason;
    user.reportedBy = reported.value();
    user.verifiedBy = verified.value();
    user.deactivationNote = note.value();
    PD_TRY(closeLogin(m_ctx, user, before, patientId,
                      {{QStringLiteral("reason"), in.reason},
                       {QStringLiteral("reported_by"), user.reportedBy},
                       {QStringLiteral("verified_by"), user.verifiedBy},
                       {QStringLiteral("note"), user.deactivationNote}}));
    ++user.rowVersion;
    FailPoint::hit("deactivate.after_user");

    ServiceContext::Mail mail;
    mail.kind = QStringLiteral("deactivation");
    mail.language = user.language;
    mail.to = {user.fullName(), user.email};
    mail.portalUserId = user.id;
    mail.vars.insert(QStringLiteral("reason"), in.reason);
    auto outboxId = m_ctx.enqueueMail(policy.value(), mail);
    if (!outboxId)
        return outboxId.error();
    out.noticeOutboxId = outboxId.value();
    FailPoint::hit("deactivate.before_commit");
    PD_TRY(tx.commit());
    out.user = user;
    return out;
}

Result<PortalUser> AccountService::update(const UserUpdate& in) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Changing a login's contact details")));
    QString email;
    if (!in.email.isEmpty()) {
        auto v = Validation::email(in.email);
        if (!v)
            return v.error();
        email = v.value();
    }
    QString language;
    if (!in.language.isEmpty()) {
        auto v = validLanguage(in.language);
        if (!v)
            return v.error();
        language = v.value();
    }
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto userR = findPortalUser(m_ctx.db(), in.user);
    if (!userR)
        return userR.error();
    PortalUser user = userR.value();
    if (in.expectedVersion != 0)
        user.rowVersion = in.expectedVersion;
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    const qint64 patientId = patientOf(m_ctx.db(), user);
    const PortalUser before = user;
    const bool emailChanged = !email.isEmpty() && email != user.email;
    if (!email.isEmpty())
        user.email = email;
    // A new address must not make the login a person a restriction bars from a record it opens.
    if (emailChanged)
        PD_TRY(refuseIfRestricted(m_ctx, policy.value(), user));
    if (!language.isEmpty())
        user.language = language;
    PD_TRY(PortalUserRepository(m_ctx.db()).update(user, now, by));
    ++user.rowVersion;
    QJsonObject details;
    if (emailChanged)
        details.insert(QStringLiteral("email"), QJsonObject{{QStringLiteral("before"), before.email},
                                                            {QStringLiteral("after"), user.email}});
    if (before.language != user.language)
        details.insert(QStringLiteral("language"), QJsonObject{{QStringLiteral("before"), before.language},
                                                               {QStringLiteral("after"), user.language}});
    PD_TRY(m_ctx.audit(QStringLiteral("portal_user.updated"), QStringLiteral("portal_user"), user.id,
                       patientId, user.id, details));

    if (emailChanged) {
        auto revoked = revokeLiveInvitation(m_ctx, user.id, QStringLiteral("email_changed"), patientId);
        if (!revoked)
            return revoked.error();
        // A login not yet active gets a fresh invitation to the new address, with the PIN from the form.
        auto latest = InvitationRepository(m_ctx.db()).latestFor(user.id);
        if (!latest)
            return latest.error();
        if (user.status == QLatin1String("pending") && latest->has_value() &&
            m_ctx.db().dialect() == Dialect::Postgres) {
            // The server's function makes it, with the PIN it keeps from the desks.
            auto row = m_ctx.db().callDoor(QStringLiteral("invitation_queue"),
                                           {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                            {QStringLiteral("user"), user.id},
                                            {QStringLiteral("patient"), patientId},
                                            {QStringLiteral("previous"), true}});
            if (!row)
                return row.error();
        } else if (user.status == QLatin1String("pending") && latest->has_value()) {
            const Invitation& old = **latest;
            auto calendar = m_ctx.calendar(policy.value());
            if (!calendar)
                return calendar.error();
            Invitation fresh;
            fresh.portalUserId = user.id;
            fresh.enrollmentId = old.enrollmentId;
            fresh.replacesId = old.id;
            fresh.email = user.email;
            fresh.pinHash = old.pinHash;
            fresh.status = QStringLiteral("queued");
            fresh.queuedAt = now;
            fresh.dueAt = calendar->dueAt(now, policy->sendWithinBusinessDays);
            fresh.createdBy = by;
            auto id = InvitationRepository(m_ctx.db()).insert(fresh);
            if (!id)
                return id.error();
            PD_TRY(m_ctx.audit(QStringLiteral("invitation.queued"), QStringLiteral("invitation"), id.value(),
                               patientId, user.id, {{QStringLiteral("email"), fresh.email}}));
        }
        ServiceContext::Mail mail;
        mail.kind = QStringLiteral("email_changed");
        mail.language = user.language;
        mail.to = {user.fullName(), before.email};
        mail.portalUserId = user.id;
        PD_TRY(m_ctx.enqueueMail(policy.value(), mail));
    }
    PD_TRY(tx.commit());
    return user;
}

} // namespace pd
