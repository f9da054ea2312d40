#include "services/InvitationService.h"
#include "mail/MimeMessage.h"
#include "services/AccountService.h"
#include "services/Birthdays.h"
#include "services/DisplayText.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/InvitationRepository.h"
#include "store/SearchRepository.h"
#include "store/SettingsRepository.h"

#include "core/FailPoint.h"
#include "core/PinPolicy.h"
#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/DailyJob.h"
#include "services/MailRendering.h"
#include "services/PatientService.h"
#include "services/RestrictionService.h"
#include "store/GrantRepository.h"
#include "store/OutboxRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {

QString stamp(const QDateTime& t) {
    return DbTime::toDb(t).toString();
}

// The given names of the patients this login opens, for the e-mail's greeting.
Result<QString> patientNames(Database& db, qint64 portalUserId) {
    auto grants = GrantRepository(db).forUser(portalUserId);
    if (!grants)
        return grants.error();
    QStringList names;
    PatientRepository patients(db);
    for (const Grant& g : std::as_const(grants.value())) {
        if (!g.isOpen())
            continue;
        auto p = patients.byId(g.patientId);
        if (!p)
            return p.error();
        if (p->has_value() && !names.contains((*p)->givenName))
            names.append((*p)->givenName);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

Result<Invitation> revokeInvitation(const ServiceContext& ctx, Invitation inv, const QString& reason,
                                    qint64 patientId) {
    if (ctx.db().dialect() == Dialect::Postgres) {
        // The server's function revokes the login's live invitation and writes the event.
        auto row = ctx.db().callDoor(QStringLiteral("invitation_revoke"),
                                     {{QStringLiteral("ctx"), ctx.serverContext()},
                                      {QStringLiteral("user"), inv.portalUserId},
                                      {QStringLiteral("reason"), reason},
                                      {QStringLiteral("patient"), patientId}});
        if (!row)
            return row.error();
        auto now = InvitationRepository(ctx.db()).byId(inv.id);
        if (!now)
            return now.error();
        return now->value_or(inv);
    }
    const QString was = inv.status;
    inv.status = QStringLiteral("revoked");
    inv.revokedAt = ctx.now();
    inv.revokeReason = reason;
    PD_TRY(InvitationRepository(ctx.db()).update(inv, ctx.now(), ctx.staff().name));
    ++inv.rowVersion;
    PD_TRY(ctx.audit(QStringLiteral("invitation.revoked"), QStringLiteral("invitation"), inv.id, patientId,
                     inv.portalUserId, {{QStringLiteral("reason"), reason}, {QStringLiteral("was"), was}}));
    return inv;
}

namespace {

// A staff member's change on the central database goes through its functions, and so does the daily job's;
// the feed's login has narrower grants of its own.
bool throughServer(const ServiceContext& ctx) {
    return ctx.db().dialect() == Dialect::Postgres && (ctx.has(Role::Specialist) || ctx.has(Role::DailyJob));
}

} // namespace

Status endGrant(const ServiceContext& ctx, const Grant& grant, const QDateTime& endedAt,
                const QString& reason, const QJsonObject& details) {
    if (throughServer(ctx)) {
        auto row = ctx.db().callDoor(QStringLiteral("grant_end"),
                                     {{QStringLiteral("ctx"), ctx.serverContext()},
                                      {QStringLiteral("grant"), grant.id},
                                      {QStringLiteral("reason"), reason},
                                      {QStringLiteral("ended_at"), DbTime::toDb(endedAt).toString()},
                                      {QStringLiteral("details"), details}});
        if (!row)
            return row.error();
        return {};
    }
    PD_TRY(GrantRepository(ctx.db()).end(grant, endedAt, reason, ctx.now(), ctx.staff().name));
    return ctx.audit(QStringLiteral("grant.ended"), QStringLiteral("grant"), grant.id, grant.patientId,
                     grant.portalUserId, details);
}

Status closeLogin(const ServiceContext& ctx, const PortalUser& user, const QString& before, qint64 patientId,
                  const QJsonObject& details) {
    const bool deactivated = user.status == QLatin1String("deactivated");
    if (throughServer(ctx)) {
        auto row = ctx.db().callDoor(
            QStringLiteral("portal_user_close"),
            {{QStringLiteral("ctx"), ctx.serverContext()},
             {QStringLiteral("user"), user.id},
             {QStringLiteral("patient"), patientId},
             {QStringLiteral("to"), user.status},
             {QStringLiteral("reason"), deactivated ? user.deactivationReason : user.statusReason},
             {QStringLiteral("reported_by"), user.reportedBy},
             {QStringLiteral("verified_by"), user.verifiedBy},
             {QStringLiteral("note"), user.deactivationNote}});
        if (!row)
            return row.error();
        return {};
    }
    PD_TRY(PortalUserRepository(ctx.db()).update(user, ctx.now(), ctx.staff().name));
    QJsonObject all{{QStringLiteral("from"), before}};
    addDetails(all, details);
    return ctx.audit(deactivated ? QStringLiteral("portal_user.deactivated")
                                 : QStringLiteral("portal_user.terminated"),
                     QStringLiteral("portal_user"), user.id, patientId, user.id, all);
}

Result<std::optional<Invitation>> revokeLiveInvitation(const ServiceContext& ctx, qint64 portalUserId,
                                                       const QString& reason, qint64 patientId) {
    auto live = InvitationRepository(ctx.db()).liveFor(portalUserId);
    if (!live)
        return live.error();
    if (!live->has_value())
        return std::optional<Invitation>();
    auto revoked = revokeInvitation(ctx, **live, reason, patientId);
    if (!revoked)
        return revoked.error();
    return std::optional<Invitation>(revoked.value());
}

Result<qint64> sendInvitation(const ServiceContext& ctx, const Policy& policy, Invitation& inv,
                              const PortalUser& user, const QString& mailKind) {
    // The link is made when the message goes, and the invitation counts as sent (its window starting)
    // when the mail server accepts it: see renderForSending and MailDispatcher.
    inv.email = user.email;
    auto names = patientNames(ctx.db(), user.id);
    if (!names)
        return names.error();
    ServiceContext::Mail mail;
    mail.kind = mailKind;
    mail.language = user.language;
    mail.to = {user.fullName(), user.email};
    mail.portalUserId = user.id;
    mail.invitationId = inv.id;
    mail.vars.insert(QStringLiteral("patient_given_name"), names.value());
    return ctx.enqueueMail(policy, mail);
}

namespace {

// What the workstation proposes for an invitation's e-mail on the central database: its Message-ID, sender,
// language and subject (for lists). The server's function takes the address and the family's names from
// the database.
Result<QJsonObject> serverMailFields(const ServiceContext& ctx, const Policy& policy, const PortalUser& user,
                                     const QString& kind) {
    auto names = patientNames(ctx.db(), user.id);
    if (!names)
        return names.error();
    ServiceContext::Mail mail;
    mail.kind = kind;
    mail.language = user.language;
    mail.to = {user.fullName(), user.email};
    mail.portalUserId = user.id;
    mail.invitationId = -1; // an invitation's message: its link is made at sending
    mail.vars.insert(QStringLiteral("patient_given_name"), names.value());
    auto m = ctx.prepareMail(policy, mail);
    if (!m)
        return m.error();
    return QJsonObject{{QStringLiteral("ctx"), ctx.serverContext()}, {QStringLiteral("user"), user.id},
                       {QStringLiteral("message_id"), m->messageId}, {QStringLiteral("sender"), m->sender},
                       {QStringLiteral("language"), m->language},    {QStringLiteral("subject"), m->subject}};
}

} // namespace

Result<RenderedMail> renderForSending(const ServiceContext& ctx, const Policy& policy,
                                      const OutboxMessage& m) {
    RenderedMail out;
    if (!m.raw.isEmpty()) {
        out.raw = m.raw; // queued by an earlier version, rendered then
        return out;
    }
    QHash<QString, QString> vars;
    const QJsonObject stored = QJsonDocument::fromJson(m.vars.toUtf8()).object();
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
        vars.insert(it.key(), it.value().toString());
    const QDateTime now = ctx.now();
    if (m.invitationId != 0) {
        auto token = InvitationRepository(ctx.db()).issueToken(m.invitationId);
        if (!token)
            return token.error();
        if (token->isEmpty()) {
            out.cancelled = true;
            return out;
        }
        out.expiresAt = now.toTimeZone(policy.zone).addDays(policy.invitationExpiryDays).toUTC();
        vars.insert(QStringLiteral("activation_link"), policy.activationUrl + token.value());
        vars.insert(QStringLiteral("expiry_date"),
                    familyDate(AgeRules::localDate(out.expiresAt, policy.zone), m.language));
        Secrets::wipe(token.value());
    }
    auto content = renderMail(policy, m.kind, m.language, vars);
    if (m.invitationId != 0)
        Secrets::wipe(vars[QStringLiteral("activation_link")]);
    if (!content)
        return content.error();
    out.raw = MimeMessage::build({policy.senderName, m.sender},
                                 {vars.value(QStringLiteral("recipient_name")), m.recipient}, content.value(),
                                 now, m.messageId);
    Secrets::wipe(content->text);
    Secrets::wipe(content->html);
    return out;
}

Result<SentInvitation> InvitationService::sendNow(const QString& userName) {
    PD_TRY(
        m_ctx.require(Role::SupportAgent, QCoreApplication::translate("Services", "Sending an invitation")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto user = findPortalUser(m_ctx.db(), userName);
    if (!user)
        return user.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    InvitationRepository invitations(m_ctx.db());
    auto live = invitations.liveFor(user->id);
    if (!live)
        return live.error();
    if (!live->has_value())
        return Error::validation(
            QStringLiteral("invitation.none_queued"),
            QCoreApplication::translate("Services",
                                        "%1 has no invitation waiting to be sent; reissue one instead.")
                .arg(user->username));
    Invitation inv = **live;
    if (inv.status == QLatin1String("sent"))
        return Error::validation(
            QStringLiteral("invitation.already_sent"),
            QCoreApplication::translate(
                "Services", "%1's invitation was already sent on %2 UTC; reissue it for a new link.")
                .arg(user->username, inv.sentAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    auto waiting = OutboxRepository(m_ctx.db()).waitingForInvitation(inv.id);
    if (!waiting)
        return waiting.error();
    if (waiting.value())
        return Error::validation(QStringLiteral("invitation.in_the_mail"),
                                 QCoreApplication::translate(
                                     "Services",
                                     "%1's invitation is already waiting for the mail server; it counts as "
                                     "sent once the server accepts it.")
                                     .arg(user->username));
    SentInvitation out;
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        // The server's own function queues it, to the address on file, with its audit event.
        auto fields = serverMailFields(m_ctx, policy.value(), user.value(), QStringLiteral("invitation"));
        if (!fields)
            return fields.error();
        auto row = m_ctx.db().callDoor(QStringLiteral("invitation_mail"), fields.value());
        if (!row)
            return row.error();
        auto now = invitations.byId(inv.id);
        if (!now)
            return now.error();
        FailPoint::hit("send_now.before_commit");
        PD_TRY(tx.commit());
        out.invitation = now->value_or(inv);
        out.user = user.value();
        out.outboxId = row->value(1).toLongLong();
        return out;
    }
    auto outboxId = sendInvitation(m_ctx, policy.value(), inv, user.value(), QStringLiteral("invitation"));
    if (!outboxId)
        return outboxId.error();
    PD_TRY(invitations.update(inv, m_ctx.now(), m_ctx.staff().name));
    ++inv.rowVersion;
    PD_TRY(m_ctx.audit(QStringLiteral("invitation.mail_queued"), QStringLiteral("invitation"), inv.id,
                       patientOf(m_ctx.db(), user.value()), user->id,
                       {{QStringLiteral("email"), inv.email}}));
    FailPoint::hit("send_now.before_commit");
    PD_TRY(tx.commit());
    out.invitation = inv;
    out.user = user.value();
    out.outboxId = outboxId.value();
    return out;
}

namespace {

// The open grants of a deactivated login, each with whether it may come back today.
Result<QList<ReopenGrant>> reopenGrants(const ServiceContext& ctx, const Policy& policy,
                                        const PortalUser& user) {
    auto grants = GrantRepository(ctx.db()).forUser(user.id);
    if (!grants)
        return grants.error();
    QList<ReopenGrant> out;
    PatientRepository patients(ctx.db());
    for (const Grant& g : std::as_const(grants.value())) {
        if (!g.isOpen())
            continue;
        auto patient = patients.byId(g.patientId);
        if (!patient)
            return patient.error();
        if (!patient->has_value())
            continue;
        const Patient& p = **patient;
        ReopenGrant r{g, p.mrn, p.fullName(), true, QString()};
        if (p.deceasedAt.isValid()) {
            r.mayComeBack = false;
            r.why = QCoreApplication::translate("Services", "the patient died");
        } else {
            auto ages = Birthdays::ageFacts(ctx, policy, p, {g});
            if (!ages)
                return ages.error();
            if (ages->dueGrants.contains(g.id)) {
                r.mayComeBack = false;
                r.why = g.bracket == QLatin1String("child")
                            ? QCoreApplication::translate("Services", "the 12th birthday has ended it")
                            : QCoreApplication::translate("Services", "the 18th birthday has ended it");
            }
        }
        out.append(r);
    }
    return out;
}

// A new PIN refused for holding the birth date, as one of the tries at it (Birthdays::checkTries).
Status recordPinRefusal(const ServiceContext& ctx, const PortalUser& user, qint64 patientId) {
    return ctx.audit(QStringLiteral("identity.pin_refused"), QStringLiteral("portal_user"), user.id,
                     patientId, user.id, {{QStringLiteral("rule"), QStringLiteral("pin.birth_date")}});
}

} // namespace

Result<SentInvitation> InvitationService::reissue(const ReissueRequest& request, const QString& newPin) {
    PD_TRY(m_ctx.require(Role::SupportAgent,
                         QCoreApplication::translate("Services", "Reissuing an invitation")));
    if (request.newPin) {
        auto how = Validation::note(request.verifiedBy,
                                    QCoreApplication::translate("Services", "Identity verification"));
        if (!how || how->isEmpty())
            return Error::validation(
                QStringLiteral("reissue.verification_required"),
                QCoreApplication::translate(
                    "Services", "A new PIN is set only after the caller's identity is verified; say how "
                                "(for example \"DOB + MRN\" or \"photo ID in person\")."));
    }
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto userR = findPortalUser(m_ctx.db(), request.user);
    if (!userR)
        return userR.error();
    PortalUser user = userR.value();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    PD_TRY(refuseIfRestricted(m_ctx, policy.value(), user));

    if (user.status == QLatin1String("active"))
        return Error::validation(
            QStringLiteral("reissue.already_active"),
            QCoreApplication::translate("Services",
                                        "%1 already activated the login; there is nothing to reissue.")
                .arg(user.username));
    if (user.status == QLatin1String("terminated"))
        return Error::validation(
            QStringLiteral("reissue.terminated"),
            QCoreApplication::translate(
                "Services", "%1's login ended at an age transition; the family must re-enroll with the forms "
                            "for the patient's age.")
                .arg(user.username));
    QList<Grant> notRestored; // a deactivated login's access the staff member did not bring back
    if (user.status == QLatin1String("deactivated")) {
        if (closedByDeath(user))
            return Error::validation(QStringLiteral("reissue.login_deceased"),
                                     QCoreApplication::translate(
                                         "Services",
                                         "%1 was closed because its holder died: it is never reopened, with "
                                         "the PIN on file or a new one. A supervisor takes back a death "
                                         "recorded in error.")
                                         .arg(user.username));
        PD_TRY(m_ctx.require(
            reopensWith(user),
            reopensWith(user) == Role::Supervisor
                ? QCoreApplication::translate(
                      "Services", "Bringing back a login deactivated after a suspected compromise")
                : QCoreApplication::translate("Services", "Bringing back a deactivated login")));
        if (!request.newPin)
            return Error::validation(
                QStringLiteral("reissue.deactivated_needs_new_pin"),
                QCoreApplication::translate(
                    "Services", "%1 was deactivated; coming back takes a new invitation with a new PIN.")
                    .arg(user.username));
        auto candidates = reopenGrants(m_ctx, policy.value(), user);
        if (!candidates)
            return candidates.error();
        QStringList listed;
        QSet<qint64> restorable;
        for (const ReopenGrant& r : std::as_const(candidates.value())) {
            if (r.mayComeBack)
                restorable.insert(r.grant.id);
            listed << (r.mayComeBack
                           ? QCoreApplication::translate("Services", "grant %1: MRN %2 (%3), %4 access")
                                 .arg(r.grant.id)
                                 .arg(r.patientMrn, r.patientName, DisplayText::level(r.grant.level))
                           : QCoreApplication::translate("Services", "grant %1: MRN %2 (%3) does not "
                                                                     "come back: %4")
                                 .arg(r.grant.id)
                                 .arg(r.patientMrn, r.patientName, r.why));
        }
        if (!candidates->isEmpty() && !request.restoreGrants)
            return Error::validation(QStringLiteral("reissue.confirm_grants"),
                                     QCoreApplication::translate(
                                         "Services", "Reopening %1 brings back only the access you confirm, "
                                                     "grant by grant: %2. Say which come back.")
                                         .arg(user.username, listed.join(QStringLiteral("; "))));
        const QList<qint64> restore = request.restoreGrants.value_or(QList<qint64>());
        for (qint64 id : restore) {
            if (!restorable.contains(id))
                return Error::validation(
                    QStringLiteral("reissue.grant_not_restorable"),
                    QCoreApplication::translate("Services", "Grant %1 can't come back with %2's login: %3.")
                        .arg(id)
                        .arg(user.username, listed.join(QStringLiteral("; "))));
        }
        for (const ReopenGrant& r : std::as_const(candidates.value())) {
            if (r.mayComeBack && !restore.contains(r.grant.id))
                notRestored.append(r.grant);
        }
    }

    InvitationRepository invitations(m_ctx.db());
    auto previousR = invitations.latestFor(user.id);
    if (!previousR)
        return previousR.error();
    if (!previousR->has_value())
        return Error::notFound(
            QStringLiteral("invitation.none"),
            QCoreApplication::translate("Services", "%1 has never had an invitation; enroll first.")
                .arg(user.username));
    Invitation previous = **previousR;
    const qint64 patientId = patientOf(m_ctx.db(), user);

    if (request.newPin) {
        PD_TRY(PinPolicy::check(newPin, QDate()));
        // A support agent can't see the birth date the PIN is checked against, and a refusal would tell it
        // them: each one is recorded and counts as a try at the birth date (Birthdays::checkTries). On the
        // central database the agent's login can't read it at all, and the server checks.
        const bool hidden = Birthdays::hidden(m_ctx);
        if (hidden && patientId)
            PD_TRY(Birthdays::checkTries(m_ctx, policy.value(), patientId));
        auto patient = PatientRepository(m_ctx.db()).byId(patientId);
        if (!patient)
            return patient.error();
        const QDate born = patient->has_value() ? (*patient)->birthDate : QDate();
        if (auto bad = PinPolicy::check(newPin, born); !bad) {
            if (hidden) {
                PD_TRY(recordPinRefusal(m_ctx, user, patientId));
                PD_TRY(tx.commit());
            }
            return bad.error();
        }
    }

    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    SentInvitation out;
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        // The server's own function does it all, with its checks and audit events; only the new PIN's
        // hash is made here, where it was typed.
        auto fields = serverMailFields(m_ctx, policy.value(), user, QStringLiteral("reissue"));
        if (!fields)
            return fields.error();
        QJsonObject p = fields.value();
        if (request.newPin) {
            QString pinHash = Secrets::hashPin(newPin);
            if (pinHash.isEmpty())
                return Error::internal(QStringLiteral("crypto.failed"),
                                       QCoreApplication::translate(
                                           "Services", "The PIN could not be protected; nothing was saved."));
            p.insert(QStringLiteral("pin_hash"), pinHash);
            p.insert(QStringLiteral("verified_by"), request.verifiedBy.trimmed());
            // Checked against the birth date there, and never kept.
            p.insert(QStringLiteral("pin"), newPin);
        }
        if (user.status == QLatin1String("deactivated")) {
            QJsonArray keep;
            for (qint64 id : request.restoreGrants.value_or(QList<qint64>()))
                keep.append(id);
            p.insert(QStringLiteral("keep_grants"), keep);
        }
        auto row = m_ctx.db().callDoor(QStringLiteral("invitation_reissue"), p);
        if (!row)
            return row.error();
        if (row->value(3).toString() == QLatin1String("pin.birth_date")) {
            // The server recorded the refusal as a try at the birth date; it is kept.
            PD_TRY(tx.commit());
            return PinPolicy::birthDateError();
        }
        FailPoint::hit("reissue.after_revoke"); // done on the server, not yet committed
        const qint64 newId = row->value(0).toLongLong();
        auto made = invitations.byId(newId);
        if (!made)
            return made.error();
        auto reread = findPortalUser(m_ctx.db(), request.user);
        if (!reread)
            return reread.error();
        FailPoint::hit("reissue.before_commit");
        PD_TRY(tx.commit());
        out.invitation = made->value_or(Invitation{});
        out.user = reread.value();
        out.revokedId = row->value(1).toLongLong();
        out.outboxId = row->value(2).toLongLong();
        return out;
    }
    if (previous.isLive()) {
        auto revoked = revokeInvitation(m_ctx, previous, QStringLiteral("reissued"), patientId);
        if (!revoked)
            return revoked.error();
        out.revokedId = revoked->id;
    }
    FailPoint::hit("reissue.after_revoke");

    if (user.status == QLatin1String("deactivated")) {
        for (const Grant& g : std::as_const(notRestored))
            PD_TRY(endGrant(m_ctx, g, now, QStringLiteral("deactivated"),
                            {{QStringLiteral("end_reason"), QStringLiteral("deactivated")},
                             {QStringLiteral("cause"), QStringLiteral("not_restored")}}));
        PortalUser changed = user;
        changed.status = QStringLiteral("pending");
        changed.statusReason = QStringLiteral("reissued");
        changed.statusChangedAt = now;
        PD_TRY(PortalUserRepository(m_ctx.db()).update(changed, now, by));
        PD_TRY(m_ctx.audit(QStringLiteral("portal_user.reopened"), QStringLiteral("portal_user"), user.id,
                           patientId, user.id,
                           {{QStringLiteral("from"), user.status}, {QStringLiteral("to"), changed.status}}));
        ++changed.rowVersion;
        user = changed;
    }

    Invitation inv;
    inv.portalUserId = user.id;
    inv.enrollmentId = previous.enrollmentId;
    inv.replacesId = previous.id;
    inv.email = user.email;
    inv.pinHash = request.newPin ? Secrets::hashPin(newPin) : previous.pinHash;
    if (inv.pinHash.isEmpty())
        return Error::internal(
            QStringLiteral("crypto.failed"),
            QCoreApplication::translate("Services", "The PIN could not be protected; nothing was saved."));
    inv.pinVerifiedBy = request.newPin ? request.verifiedBy.trimmed() : QString();
    inv.status = QStringLiteral("queued");
    inv.queuedAt = now;
    inv.dueAt = now;
    inv.createdBy = by;
    auto id = invitations.insert(inv);
    if (!id)
        return id.error();
    inv.id = id.value();
    inv.rowVersion = 1;
    auto outboxId = sendInvitation(m_ctx, policy.value(), inv, user, QStringLiteral("reissue"));
    if (!outboxId)
        return outboxId.error();
    PD_TRY(m_ctx.audit(
        QStringLiteral("invitation.reissued"), QStringLiteral("invitation"), inv.id, patientId, user.id,
        {{QStringLiteral("replaces"), previous.id},
         {QStringLiteral("pin"), request.newPin ? QStringLiteral("new") : QStringLiteral("kept")},
         {QStringLiteral("verified_by"), inv.pinVerifiedBy},
         {QStringLiteral("email"), inv.email}}));
    FailPoint::hit("reissue.before_commit");
    PD_TRY(tx.commit());
    out.invitation = inv;
    out.user = user;
    out.outboxId = outboxId.value();
    return out;
}

Result<QList<ReopenGrant>> InvitationService::reopening(const QString& userKey) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Bringing back a deactivated login")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto user = findPortalUser(m_ctx.db(), userKey);
    if (!user)
        return user.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    auto out = reopenGrants(m_ctx, policy.value(), user.value());
    if (!out)
        return out.error();
    PD_TRY(tx.commit());
    return out;
}

Result<Invitation> InvitationService::revoke(const QString& userName) {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Revoking an invitation")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto user = findPortalUser(m_ctx.db(), userName);
    if (!user)
        return user.error();
    InvitationRepository invitations(m_ctx.db());
    auto live = invitations.liveFor(user->id);
    if (!live)
        return live.error();
    if (!live->has_value())
        return Error::validation(
            QStringLiteral("invitation.none_live"),
            QCoreApplication::translate("Services", "%1 has no live invitation to revoke.")
                .arg(user->username));
    auto revoked =
        revokeInvitation(m_ctx, **live, QStringLiteral("staff"), patientOf(m_ctx.db(), user.value()));
    if (!revoked)
        return revoked.error();
    PD_TRY(tx.commit());
    return revoked.value();
}

namespace {

Result<InvitationFilter> checkedFilter(const ServiceContext& ctx, InvitationFilter filter,
                                       const QString& mrn) {
    static const QStringList statuses = {QStringLiteral("queued"),          QStringLiteral("sent"),
                                         QStringLiteral("delivery_failed"), QStringLiteral("activated"),
                                         QStringLiteral("expired"),         QStringLiteral("locked"),
                                         QStringLiteral("revoked")};
    if (!filter.status.isEmpty() && !statuses.contains(filter.status))
        return Error::validation(QStringLiteral("input.status"),
                                 QCoreApplication::translate("Services", "Status must be one of: %1.")
                                     .arg(statuses.join(QStringLiteral(", "))));
    if (!mrn.isEmpty()) {
        auto patient = findPatient(ctx.db(), mrn);
        if (!patient)
            return patient.error();
        filter.patientId = patient->id;
    }
    PD_TRY(checkPage(filter.limit, filter.offset));
    filter.now = ctx.now();
    return filter;
}

} // namespace

Result<QList<InvitationRow>> InvitationService::list(InvitationFilter filter, const QString& mrn) {
    auto checked = checkedFilter(m_ctx, std::move(filter), mrn);
    if (!checked)
        return checked.error();
    auto rows = InvitationRepository(m_ctx.db()).list(checked.value());
    if (rows && !m_ctx.has(Role::Specialist)) {
        for (InvitationRow& r : rows.value()) {
            r.invitation.email = maskEmail(r.invitation.email);
            r.mailError = maskMailReply(r.mailError);
            Birthdays::hide(r.invitation);
        }
    }
    return rows;
}

Result<qint64> InvitationService::count(InvitationFilter filter, const QString& mrn) {
    auto checked = checkedFilter(m_ctx, std::move(filter), mrn);
    if (!checked)
        return checked.error();
    return InvitationRepository(m_ctx.db()).count(checked.value());
}

Result<ActivationOutcome> InvitationService::activate(const QString& rawToken, const QString& pin) {
    const QString token = rawToken.trimmed();
    if (token.isEmpty() || token.size() > 200)
        return Error::validation(
            QStringLiteral("activation.bad_link"),
            QCoreApplication::translate("Services", "This activation link is not valid."));

    if (m_ctx.db().dialect() == Dialect::Postgres) {
        // Staff logins can't see the hashes a link is checked against: the portal's own login does it.
        SettingsRepository settings(m_ctx.db());
        auto owner = settings.signedInAsOwner();
        if (!owner)
            return owner.error();
        auto role = owner.value() ? Result<QString>(QString()) : settings.serverRole();
        if (!role)
            return role.error();
        if (!role->isEmpty())
            return Error::notPermitted(
                QStringLiteral("activation.portal_only"),
                QCoreApplication::translate("Services",
                                            "On the central database activation links are checked by the "
                                            "portal's own login (a member of portaldesk_portal), not by "
                                            "staff or service logins."));
    }
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    InvitationRepository invitations(m_ctx.db());
    auto found = invitations.byTokenHash(Secrets::sha256Hex(token.toLatin1()));
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("activation.bad_link"),
                               QCoreApplication::translate("Services", "This activation link is not valid."));
    Invitation inv = **found;
    auto userR = PortalUserRepository(m_ctx.db()).byId(inv.portalUserId);
    if (!userR)
        return userR.error();
    if (!userR->has_value())
        return Error::notFound(QStringLiteral("activation.bad_link"),
                               QCoreApplication::translate("Services", "This activation link is not valid."));
    PortalUser user = **userR;
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();
    const qint64 patientId = patientOf(m_ctx.db(), user);

    if (inv.status == QLatin1String("revoked"))
        return Error::validation(
            QStringLiteral("activation.revoked"),
            inv.revokeReason == QLatin1String("reissued")
                ? QCoreApplication::translate(
                      "Services",
                      "This invitation was replaced by a newer one; use the link in the newest e-mail.")
                : QCoreApplication::translate("Services",
                                              "This invitation was withdrawn; call HIM for a new one."));
    if (inv.status == QLatin1String("activated"))
        return Error::validation(QStringLiteral("activation.used"),
                                 QCoreApplication::translate(
                                     "Services", "This invitation was already used to activate the login."));
    if (inv.status == QLatin1String("locked"))
        return Error::validation(
            QStringLiteral("activation.locked"),
            QCoreApplication::translate(
                "Services", "This invitation is locked after too many wrong PINs; call HIM for a new one."));
    if (inv.status == QLatin1String("expired"))
        return Error::validation(
            QStringLiteral("activation.expired"),
            QCoreApplication::translate("Services", "This invitation expired on %1; call HIM for a new one.")
                .arg(AgeRules::localDate(inv.expiresAt, policy->zone).toString(Qt::ISODate)));
    // Only a sent invitation opens: one still waiting for the mail server, or whose message the server
    // refused (delivery_failed), never does.
    if (inv.status != QLatin1String("sent") || user.status == QLatin1String("deactivated") ||
        user.status == QLatin1String("terminated"))
        return Error::validation(QStringLiteral("activation.not_live"),
                                 QCoreApplication::translate("Services", "This invitation can't be used."));

    if (now >= inv.expiresAt) {
        // Record what the daily job would have, so the list shows the truth; then refuse.
        inv.status = QStringLiteral("expired");
        PD_TRY(invitations.update(inv, now, QStringLiteral("portal")));
        PD_TRY(m_ctx.audit(QStringLiteral("invitation.expired"), QStringLiteral("invitation"), inv.id,
                           patientId, user.id, {{QStringLiteral("expires_at"), stamp(inv.expiresAt)}}));
        PD_TRY(tx.commit());
        return Error::validation(
            QStringLiteral("activation.expired"),
            QCoreApplication::translate("Services", "This invitation expired on %1; call HIM for a new one.")
                .arg(AgeRules::localDate(inv.expiresAt, policy->zone).toString(Qt::ISODate)));
    }

    // A birthday may have ended this login's access since the last daily run: apply the age rules first.
    auto candidates = GrantRepository(m_ctx.db()).openTransitionCandidates(user.id);
    if (!candidates)
        return candidates.error();
    auto aged = applyTransitions(m_ctx, policy.value(), candidates.value());
    if (!aged)
        return aged.error();
    if (aged->second > 0) {
        PD_TRY(tx.commit());
        return Error::validation(
            QStringLiteral("activation.access_ended"),
            QCoreApplication::translate("Services", "This login's access ended on the patient's birthday "
                                                    "(the portal's age rules); the family must re-enroll "
                                                    "with the forms for the patient's age."));
    }

    if (!Secrets::verifyPin(pin, inv.pinHash)) {
        ++inv.failedAttempts;
        const bool lock = inv.failedAttempts >= policy->lockoutAttempts;
        if (lock)
            inv.status = QStringLiteral("locked");
        PD_TRY(invitations.update(inv, now, QStringLiteral("portal")));
        PD_TRY(
            m_ctx.audit(lock ? QStringLiteral("invitation.locked") : QStringLiteral("invitation.wrong_pin"),
                        QStringLiteral("invitation"), inv.id, patientId, user.id,
                        {{QStringLiteral("failed_attempts"), inv.failedAttempts}}));
        PD_TRY(tx.commit());
        if (lock)
            return Error::validation(
                QStringLiteral("activation.locked"),
                QCoreApplication::translate(
                    "Services",
                    "Wrong PIN. The invitation is now locked after %1 wrong PINs; call HIM for a new one.")
                    .arg(inv.failedAttempts));
        return Error::validation(QStringLiteral("activation.wrong_pin"),
                                 QCoreApplication::translate("Services", "Wrong PIN; %n attempt(s) left.",
                                                             nullptr,
                                                             policy->lockoutAttempts - inv.failedAttempts));
    }

    inv.status = QStringLiteral("activated");
    inv.activatedAt = now;
    PD_TRY(invitations.update(inv, now, QStringLiteral("portal")));
    ++inv.rowVersion;
    user.status = QStringLiteral("active");
    user.statusReason.clear();
    user.statusChangedAt = now;
    user.activatedAt = now;
    PD_TRY(PortalUserRepository(m_ctx.db()).update(user, now, QStringLiteral("portal")));
    ++user.rowVersion;
    PD_TRY(m_ctx.audit(QStringLiteral("invitation.activated"), QStringLiteral("invitation"), inv.id,
                       patientId, user.id, {{QStringLiteral("username"), user.username}}));
    PD_TRY(tx.commit());
    return ActivationOutcome{user, inv};
}

} // namespace pd
