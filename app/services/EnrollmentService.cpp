#include "services/EnrollmentService.h"
#include "mail/MimeMessage.h"
#include "services/AccountService.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SearchRepository.h"

#include "core/FailPoint.h"
#include "core/PinPolicy.h"
#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/PatientService.h"
#include "services/RestrictionService.h"
#include "store/GrantRepository.h"
#include "store/InvitationRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>

namespace pd {

namespace {

Error sharedEmail(const QString& whose) {
    return Error::validation(
        QStringLiteral("enrollment.shared_email"),
        QCoreApplication::translate(
            "Services", "This e-mail address is already %1. Separate logins need separate addresses "
                        "(shared credentials); only a supervisor's override with a written reason allows it.")
            .arg(whose));
}

} // namespace

Result<QString> makeUsername(Database& db, const QString& email) {
    QString base;
    for (const QChar c : email.section(QLatin1Char('@'), 0, 0).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
            c == QLatin1Char('_') || c == QLatin1Char('-'))
            base += c;
    }
    if (base.size() < 2)
        base = QStringLiteral("user");
    base.truncate(40);
    PortalUserRepository users(db);
    for (int n = 1; n < 10000; ++n) {
        const QString candidate = n == 1 ? base : base + QString::number(n);
        auto taken = users.usernameTaken(candidate);
        if (!taken)
            return taken.error();
        if (!taken.value())
            return candidate;
    }
    return Error::internal(QStringLiteral("user.username"),
                           QCoreApplication::translate("Services", "No free username could be made."));
}

Result<QueuedAccess> queueAccessInvitation(const ServiceContext& ctx, const Policy& policy, PortalUser user,
                                           qint64 patientId, qint64 enrollmentId, const QString& pinHash,
                                           qint64 consentId) {
    QueuedAccess out;
    const QDateTime now = ctx.now();
    const QString by = ctx.staff().name;
    // A login that is already active needs no invitation; one with a live invitation keeps it.
    InvitationRepository invitations(ctx.db());
    auto live = invitations.liveFor(user.id);
    if (!live)
        return live.error();
    if (user.status == QLatin1String("active")) {
        out.note = QCoreApplication::translate(
                       "Services", "%1 already has an active login; access to this patient was added to it.")
                       .arg(user.username);
    } else if (live->has_value()) {
        out.invitationId = (*live)->id;
        out.dueAt = (*live)->dueAt;
        out.note = QCoreApplication::translate(
                       "Services", "%1 already has a live invitation; it now also opens this patient.")
                       .arg(user.username);
    } else if (ctx.db().dialect() == Dialect::Postgres) {
        // The server's function makes it, reopening a closed login, by its own calendar and clock.
        QJsonObject p{{QStringLiteral("ctx"), ctx.serverContext()},
                      {QStringLiteral("user"), user.id},
                      {QStringLiteral("patient"), patientId},
                      {QStringLiteral("enrollment"), enrollmentId}};
        if (consentId != 0)
            p.insert(QStringLiteral("consent"), consentId);
        else
            p.insert(QStringLiteral("pin_hash"), pinHash);
        auto row = ctx.db().callDoor(QStringLiteral("invitation_queue"), p);
        if (!row)
            return row.error();
        out.invitationId = row->value(0).toLongLong();
        out.dueAt = DbTime::instant(row->value(1));
        if (row->value(2).toBool()) {
            auto reread = PortalUserRepository(ctx.db()).byId(user.id);
            if (!reread)
                return reread.error();
            user = reread->value_or(user);
        }
    } else {
        if (user.status != QLatin1String("pending")) {
            PortalUser changed = user;
            changed.status = QStringLiteral("pending");
            changed.statusReason = QStringLiteral("re-enrolled");
            changed.statusChangedAt = now;
            PD_TRY(PortalUserRepository(ctx.db()).update(changed, now, by));
            PD_TRY(ctx.audit(
                QStringLiteral("portal_user.reopened"), QStringLiteral("portal_user"), user.id, patientId,
                user.id, {{QStringLiteral("from"), user.status}, {QStringLiteral("to"), changed.status}}));
            ++changed.rowVersion;
            user = changed;
        }
        auto calendar = ctx.calendar(policy);
        if (!calendar)
            return calendar.error();
        Invitation inv;
        inv.portalUserId = user.id;
        inv.enrollmentId = enrollmentId;
        inv.email = user.email;
        inv.pinHash = pinHash;
        inv.status = QStringLiteral("queued");
        inv.queuedAt = now;
        inv.dueAt = calendar->dueAt(now, policy.sendWithinBusinessDays);
        inv.createdBy = by;
        auto invId = invitations.insert(inv);
        if (!invId)
            return invId.error();
        out.invitationId = invId.value();
        out.dueAt = inv.dueAt;
        PD_TRY(ctx.audit(QStringLiteral("invitation.queued"), QStringLiteral("invitation"), out.invitationId,
                         patientId, user.id,
                         {{QStringLiteral("email"), inv.email},
                          {QStringLiteral("due_at"), DbTime::toDb(inv.dueAt).toString()}}));
    }
    out.user = user;
    return out;
}

Result<EnrollOutcome> EnrollmentService::enroll(const EnrollRequest& in, const QString& pin) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Enrolling")));
    const auto form = formKindFromName(in.form);
    if (!form)
        return Error::validation(
            QStringLiteral("input.form"),
            QCoreApplication::translate("Services", "The form must be parent or patient."));
    auto signedOn = Validation::isoDate(in.signedOn, QCoreApplication::translate("Services", "Date signed"));
    if (!signedOn)
        return signedOn.error();
    const bool overriding = !in.overrideReason.trimmed().isEmpty();
    if (overriding) {
        PD_TRY(m_ctx.require(Role::Supervisor, QCoreApplication::translate("Services", "An override")));
        auto reason =
            Validation::note(in.overrideReason, QCoreApplication::translate("Services", "Override reason"));
        if (!reason)
            return reason.error();
    }
    QString relationship = *form == FormKind::Patient
                               ? QStringLiteral("self")
                               : (in.relationship.isEmpty() ? QStringLiteral("parent") : in.relationship);
    if (*form == FormKind::Parent && relationship != QLatin1String("parent") &&
        relationship != QLatin1String("guardian") && relationship != QLatin1String("family"))
        return Error::validation(
            QStringLiteral("input.relationship"),
            QCoreApplication::translate("Services", "Relationship must be parent, guardian or family."));

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto patientR = findPatient(m_ctx.db(), in.mrn);
    if (!patientR)
        return patientR.error();
    const Patient& patient = patientR.value();
    auto policyR = m_ctx.policy();
    if (!policyR)
        return policyR.error();
    const Policy& policy = policyR.value();
    const QDate today = m_ctx.today(policy);

    if (signedOn.value() > today)
        return Error::validation(
            QStringLiteral("enrollment.signed_in_future"),
            QCoreApplication::translate("Services", "The form's signing date %1 is after today (%2).")
                .arg(signedOn->toString(Qt::ISODate), today.toString(Qt::ISODate)));
    if (signedOn.value() < patient.birthDate)
        return Error::validation(
            QStringLiteral("enrollment.signed_before_birth"),
            QCoreApplication::translate("Services",
                                        "The form's signing date is before the patient's birth date."));

    // Who is enrolling.
    QString given = in.givenName, family = in.familyName, email = in.email;
    if (*form == FormKind::Patient) {
        given = given.isEmpty() ? patient.givenName : given;
        family = family.isEmpty() ? patient.familyName : family;
        email = email.isEmpty() ? patient.email : email;
    }
    auto givenV = Validation::name(given, QCoreApplication::translate("Services", "Given name"));
    if (!givenV)
        return givenV.error();
    auto familyV = Validation::name(family, QCoreApplication::translate("Services", "Family name"));
    if (!familyV)
        return familyV.error();
    if (email.isEmpty())
        return Error::validation(
            QStringLiteral("enrollment.email_required"),
            QCoreApplication::translate("Services", "An e-mail address is needed to send the invitation."));
    auto emailV = Validation::email(email);
    if (!emailV)
        return emailV.error();
    auto language = validLanguage(in.language.isEmpty() ? patient.language : in.language);
    if (!language)
        return language.error();
    PD_TRY(refuseIfRestricted(m_ctx, policy, patient, givenV.value(), familyV.value(), emailV.value()));

    // The form rules of the patient's bracket.
    GrantRepository grants(m_ctx.db());
    auto patientGrants = grants.forPatient(patient.id);
    if (!patientGrants)
        return patientGrants.error();
    EnrollmentFacts facts;
    facts.bracketWhenSigned = AgeRules::bracketOn(patient.birthDate, signedOn.value(), policy.leapDayRule);
    facts.bracketToday = AgeRules::bracketOn(patient.birthDate, today, policy.leapDayRule);
    facts.form = *form;
    facts.supervisorOverride = overriding;
    for (const Grant& g : std::as_const(patientGrants.value()))
        facts.parentFormOnFile =
            facts.parentFormOnFile || (g.isOpen() && g.relationship != QLatin1String("self") &&
                                       g.bracket == QLatin1String("adolescent"));
    auto level = EnrollmentRules::check(facts);
    if (!level)
        return level.error();
    PD_TRY(PinPolicy::check(pin, patient.birthDate));

    // Separate logins: the enrollee's address must not be someone else's on this patient.
    PortalUserRepository users(m_ctx.db());
    auto holders = users.forPatient(patient.id);
    if (!holders)
        return holders.error();
    auto sameAddress = users.byEmail(emailV.value());
    if (!sameAddress)
        return sameAddress.error();
    // A deactivated login is reopened on purpose, with a new PIN, never by an enrollment; nor is a second
    // login made on its address.
    for (const PortalUser& u : std::as_const(sameAddress.value())) {
        if (u.status == QLatin1String("deactivated"))
            return deactivatedLoginRefusal(QStringLiteral("enrollment"), u);
    }
    std::optional<PortalUser> user;
    if (*form == FormKind::Patient) {
        auto own = users.ownLoginOf(patient.id);
        if (!own)
            return own.error();
        if (own->has_value() && (*own)->status == QLatin1String("deactivated"))
            return deactivatedLoginRefusal(QStringLiteral("enrollment"), **own);
        user = own.value();
        for (const PortalUser& h : std::as_const(holders.value())) {
            if (h.kind == QLatin1String("proxy") && sameMailbox(h.email, emailV.value()) && !overriding)
                return sharedEmail(QCoreApplication::translate(
                                       "Services", "used by %1, who holds proxy access to this patient")
                                       .arg(h.fullName()));
        }
    } else {
        const bool patientHasOwnLogin = facts.bracketToday != Bracket::Child;
        if (patientHasOwnLogin && sameMailbox(emailV.value(), patient.email) && !overriding)
            return sharedEmail(QCoreApplication::translate("Services", "the patient's own"));
        for (const PortalUser& h : std::as_const(holders.value())) {
            if (!sameMailbox(h.email, emailV.value()) || overriding)
                continue;
            if (h.kind == QLatin1String("patient"))
                return sharedEmail(
                    QCoreApplication::translate("Services", "the patient's own login address"));
            if (h.givenName.compare(givenV.value(), Qt::CaseInsensitive) != 0 ||
                h.familyName.compare(familyV.value(), Qt::CaseInsensitive) != 0)
                return sharedEmail(
                    QCoreApplication::translate("Services", "used by %1 for this patient").arg(h.fullName()));
        }
        // The same person enrolling for a sibling keeps one login.
        for (const PortalUser& u : std::as_const(sameAddress.value())) {
            if (u.kind == QLatin1String("proxy") &&
                u.givenName.compare(givenV.value(), Qt::CaseInsensitive) == 0 &&
                u.familyName.compare(familyV.value(), Qt::CaseInsensitive) == 0)
                user = u;
        }
    }

    EnrollOutcome out;
    out.level = accessLevelName(level.value());
    out.bracket = bracketName(facts.bracketToday);
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;

    if (!user) {
        PortalUser u;
        auto username = makeUsername(m_ctx.db(), emailV.value());
        if (!username)
            return username.error();
        u.username = username.value();
        u.email = emailV.value();
        u.givenName = givenV.value();
        u.familyName = familyV.value();
        u.language = language.value();
        u.kind = *form == FormKind::Patient ? QStringLiteral("patient") : QStringLiteral("proxy");
        u.patientId = *form == FormKind::Patient ? patient.id : 0;
        u.status = QStringLiteral("pending");
        auto id = users.insert(u, now, by);
        if (!id)
            return id.error();
        u.id = id.value();
        u.rowVersion = 1;
        user = u;
        out.newLogin = true;
        PD_TRY(m_ctx.audit(QStringLiteral("portal_user.created"), QStringLiteral("portal_user"), u.id,
                           patient.id, u.id,
                           {{QStringLiteral("username"), u.username}, {QStringLiteral("kind"), u.kind}}));
    }
    FailPoint::hit("enroll.after_user");

    auto openGrant = grants.open(user->id, patient.id);
    if (!openGrant)
        return openGrant.error();
    if (openGrant->has_value())
        return Error::conflict(
            QStringLiteral("enrollment.already_enrolled"),
            QCoreApplication::translate("Services", "%1 already has %2 access to this patient.")
                .arg(user->username, (*openGrant)->level));

    Enrollment e;
    e.patientId = patient.id;
    e.portalUserId = user->id;
    e.form = formKindName(*form);
    e.relationship = relationship;
    e.signedOn = signedOn.value();
    e.bracket = bracketName(facts.bracketWhenSigned);
    e.overrideReason = overriding ? in.overrideReason.trimmed() : QString();
    e.createdAt = now;
    e.createdBy = by;
    auto enrollmentId = grants.insertEnrollment(e);
    if (!enrollmentId)
        return enrollmentId.error();
    out.enrollmentId = enrollmentId.value();
    PD_TRY(m_ctx.audit(QStringLiteral("enrollment.created"), QStringLiteral("enrollment"), out.enrollmentId,
                       patient.id, user->id,
                       {{QStringLiteral("form"), e.form},
                        {QStringLiteral("bracket"), e.bracket},
                        {QStringLiteral("signed_on"), e.signedOn.toString(Qt::ISODate)},
                        {QStringLiteral("override_reason"), e.overrideReason}}));

    Grant g;
    g.portalUserId = user->id;
    g.patientId = patient.id;
    g.level = out.level;
    g.basis = QStringLiteral("enrollment");
    g.enrollmentId = out.enrollmentId;
    g.bracket = out.bracket;
    g.relationship = relationship;
    g.startedAt = now;
    auto grantId = grants.insert(g, by);
    if (!grantId)
        return grantId.error();
    out.grantId = grantId.value();
    PD_TRY(m_ctx.audit(
        QStringLiteral("grant.created"), QStringLiteral("grant"), out.grantId, patient.id, user->id,
        {{QStringLiteral("level"), g.level}, {QStringLiteral("relationship"), g.relationship}}));
    FailPoint::hit("enroll.after_grant");

    const QString pinHash = Secrets::hashPin(pin);
    if (pinHash.isEmpty())
        return Error::internal(
            QStringLiteral("crypto.failed"),
            QCoreApplication::translate("Services", "The PIN could not be protected; nothing was saved."));
    auto access = queueAccessInvitation(m_ctx, policy, *user, patient.id, out.enrollmentId, pinHash);
    if (!access)
        return access.error();
    user = access->user;
    out.invitationId = access->invitationId;
    out.dueAt = access->dueAt;
    out.note = access->note;
    out.user = *user;
    FailPoint::hit("enroll.before_commit");
    PD_TRY(tx.commit());
    return out;
}

} // namespace pd
