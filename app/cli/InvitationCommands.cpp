// invitation list/send-now/reissue/revoke, activate, transitions, daily, mail.
#include "cli/CliContext.h"
#include "cli/ProgressLine.h"
#include "services/AdminService.h"

#include "core/Secrets.h"
#include "services/DailyJob.h"
#include "services/InvitationService.h"
#include "services/SystemLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>

namespace pd::CliCommands {

namespace {

void reportSent(CliContext& c, const SentInvitation& s) {
    c.json =
        QJsonObject{{QStringLiteral("user"), CliJson::user(s.user)},
                    {QStringLiteral("invitation"), CliJson::invitation(s.invitation)},
                    {QStringLiteral("revoked"), s.revokedId == 0 ? QJsonValue() : QJsonValue(s.revokedId)}};
    if (s.revokedId != 0)
        c.line(QCoreApplication::translate("Cli", "Invitation #%1 was revoked.").arg(s.revokedId));
    c.line(
        QCoreApplication::translate("Cli",
                                    "Invitation #%1 for %2 goes to %3 with the next mail run; its %n day(s) "
                                    "start when the mail server accepts it.",
                                    nullptr, c.policy.invitationExpiryDays)
            .arg(s.invitation.id)
            .arg(s.user.username, s.invitation.email));
}

} // namespace

Status invitationList(CliContext& c) {
    InvitationFilter f;
    f.status = c.args.option(QStringLiteral("status"));
    f.dueOnly = c.args.has(QStringLiteral("due"));
    f.lateOnly = c.args.has(QStringLiteral("late"));
    auto page = c.page();
    if (!page)
        return page.error();
    f.limit = page->limit;
    f.offset = page->offset;
    InvitationService invitations(*c.services);
    auto rows = invitations.list(f, c.args.option(QStringLiteral("mrn")));
    if (!rows)
        return rows.error();
    auto total = invitations.count(f, c.args.option(QStringLiteral("mrn")));
    if (!total)
        return total.error();
    QJsonArray list;
    for (const InvitationRow& r : rows.value()) {
        QJsonObject j = CliJson::invitation(r.invitation);
        j.insert(QStringLiteral("username"), r.username);
        j.insert(QStringLiteral("name"), r.userName);
        const bool late =
            r.invitation.status == QLatin1String("queued") && r.invitation.dueAt < c.clock->nowUtc();
        j.insert(QStringLiteral("late"), late);
        list.append(j);
        QString when = r.invitation.status == QLatin1String("queued")
                           ? QCoreApplication::translate("Cli", "due %1").arg(c.local(r.invitation.dueAt)) +
                                 (late ? QCoreApplication::translate("Cli", "  LATE") : QString())
                           : QCoreApplication::translate("Cli", "sent %1, expires %2")
                                 .arg(c.local(r.invitation.sentAt), c.local(r.invitation.expiresAt));
        c.line(QStringLiteral("#%1  %2  %3  %4  %5")
                   .arg(r.invitation.id, 4)
                   .arg(r.username, -24)
                   .arg(r.invitation.status, -15)
                   .arg(r.invitation.email, when));
    }
    if (list.isEmpty())
        c.line(QCoreApplication::translate("Cli", "No invitations match."));
    c.pageSummary(page.value(), list.size(), total.value());
    c.json.insert(QStringLiteral("invitations"), list);
    return {};
}

Status invitationSendNow(CliContext& c) {
    auto s = InvitationService(*c.services).sendNow(c.args.word(0));
    if (!s)
        return s.error();
    reportSent(c, s.value());
    return {};
}

Status invitationReissue(CliContext& c) {
    ReissueRequest r;
    r.user = c.args.word(0);
    r.newPin = c.args.has(QStringLiteral("new-pin"));
    r.verifiedBy = c.args.option(QStringLiteral("verified-by"));
    // A deactivated login's access comes back grant by grant: --restore 12,15 or --restore none.
    if (c.args.has(QStringLiteral("restore"))) {
        const QString list = c.args.option(QStringLiteral("restore")).trimmed();
        QList<qint64> ids;
        if (list != QLatin1String("none")) {
            for (const QString& part : list.split(QLatin1Char(','))) {
                bool ok = false;
                const qint64 id = part.trimmed().toLongLong(&ok);
                if (!ok || id <= 0)
                    return Error::validation(QStringLiteral("input.restore"),
                                             QCoreApplication::translate(
                                                 "Cli", "--restore takes grant numbers separated by commas "
                                                        "(12,15), or none."));
                ids.append(id);
            }
        }
        r.restoreGrants = ids;
    }
    QString pin;
    if (r.newPin) {
        if (r.verifiedBy.trimmed().isEmpty())
            return Error::validation(
                QStringLiteral("reissue.verification_required"),
                QCoreApplication::translate(
                    "Cli", "A new PIN is set only after the caller's identity is verified; say how with "
                           "--verified-by (for example \"DOB + MRN\")."));
        pin = readPin(QCoreApplication::translate("Cli", "New temporary PIN: "));
    }
    auto s = InvitationService(*c.services).reissue(r, pin);
    Secrets::wipe(pin);
    if (!s)
        return s.error();
    reportSent(c, s.value());
    return {};
}

Status invitationRevoke(CliContext& c) {
    auto inv = InvitationService(*c.services).revoke(c.args.word(0));
    if (!inv)
        return inv.error();
    c.json.insert(QStringLiteral("invitation"), CliJson::invitation(inv.value()));
    c.line(QCoreApplication::translate("Cli", "Invitation #%1 revoked.").arg(inv->id));
    return {};
}

Status activate(CliContext& c) {
    if (!c.args.has(QStringLiteral("token")))
        return Error::validation(QStringLiteral("input.missing"),
                                 QCoreApplication::translate("Cli", "activate needs --token."));
    QString pin = readPin(QCoreApplication::translate("Cli", "Temporary PIN: "));
    auto out = InvitationService(*c.services).activate(c.args.option(QStringLiteral("token")), pin);
    Secrets::wipe(pin);
    if (!out)
        return out.error();
    c.json = QJsonObject{{QStringLiteral("user"), CliJson::user(out->user)},
                         {QStringLiteral("invitation"), CliJson::invitation(out->invitation)}};
    c.line(QCoreApplication::translate("Cli", "Activated: %1 can now sign in to the portal.")
               .arg(out->user.username));
    return {};
}

Status transitionsUpcoming(CliContext& c) {
    bool ok = true;
    const int days =
        c.args.has(QStringLiteral("days")) ? c.args.option(QStringLiteral("days")).toInt(&ok) : 30;
    if (!ok)
        return Error::validation(QStringLiteral("input.days"),
                                 QCoreApplication::translate("Cli", "--days must be a whole number."));
    auto page = c.page();
    if (!page)
        return page.error();
    DailyJob job(*c.services);
    auto list = job.upcoming(days, page->limit, page->offset);
    if (!list)
        return list.error();
    auto total = job.upcomingCount(days);
    if (!total)
        return total.error();
    QJsonArray rows;
    for (const UpcomingTransition& t : list.value()) {
        rows.append(QJsonObject{
            {QStringLiteral("date"), t.date.toString(Qt::ISODate)},
            {QStringLiteral("age"), t.age},
            {QStringLiteral("end_reason"), t.age == 12 ? QStringLiteral("age_12") : QStringLiteral("age_18")},
            {QStringLiteral("mrn"), t.patient.mrn},
            {QStringLiteral("patient"), t.patient.fullName()},
            {QStringLiteral("username"), t.user.username},
            {QStringLiteral("level"), t.grant.level},
            {QStringLiteral("notice_queued"), t.noticeQueued}});
        c.line(QStringLiteral("%1  %2  %3 %4  %5  %6")
                   .arg(t.date.toString(Qt::ISODate))
                   .arg(t.age == 12 ? QStringLiteral("age_12") : QStringLiteral("age_18"))
                   .arg(t.patient.mrn, t.patient.fullName(), t.user.username,
                        t.noticeQueued ? QCoreApplication::translate("Cli", "notice queued")
                                       : QCoreApplication::translate("Cli", "no notice yet")));
    }
    if (rows.isEmpty())
        c.line(QCoreApplication::translate("Cli", "No transitions in the next %n day(s).", nullptr, days));
    c.pageSummary(page.value(), rows.size(), total.value());
    c.json.insert(QStringLiteral("transitions"), rows);
    return {};
}

Status daily(CliContext& c) {
    DailyJob job(*c.services);
    ProgressLine progress;
    job.setProgress([&progress](const QString& step, int done) {
        progress.show(QCoreApplication::translate("Cli", "%1: %L2").arg(step).arg(done));
    });
    // --no-mail leaves the mail in the outbox, for `mail send` (or another machine's run) to send.
    auto r = c.args.has(QStringLiteral("no-mail")) ? job.run(nullptr) : job.run();
    progress.finish();
    // The run's summary, one JSON line in the system log (the journal under systemd): counts and the
    // failure's rule only, never a message that could name a family.
    QJsonObject summary{{QStringLiteral("event"), QStringLiteral("portaldesk.daily")},
                        {QStringLiteral("at"), c.clock->nowUtc().toString(Qt::ISODate)},
                        {QStringLiteral("ok"), bool(r)}};
    if (!r) {
        summary.insert(QStringLiteral("error"),
                       QJsonObject{{QStringLiteral("kind"), errorKindName(r.error().kind)},
                                   {QStringLiteral("rule"), r.error().rule}});
        SystemLog::notice(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
        return r.error();
    }
    c.json = QJsonObject{{QStringLiteral("invitations_expired"), r->invitationsExpired},
                         {QStringLiteral("grants_ended"), r->grantsEnded},
                         {QStringLiteral("users_terminated"), r->usersTerminated},
                         {QStringLiteral("notices_queued"), r->noticesQueued},
                         {QStringLiteral("consents_expired"), r->consentsExpired},
                         {QStringLiteral("consent_reminders_queued"), r->consentRemindersQueued},
                         {QStringLiteral("invitations_marked_late"), r->invitationsMarkedLate},
                         {QStringLiteral("mail_sent"), r->mailSent},
                         {QStringLiteral("mail_retrying"), r->mailRetrying},
                         {QStringLiteral("mail_failed"), r->mailFailed},
                         {QStringLiteral("mail_by_service"), r->mailByService},
                         {QStringLiteral("anchored_event"), r->anchoredEventId},
                         {QStringLiteral("anchor_file"), r->anchorFile}};
    for (auto it = c.json.constBegin(); it != c.json.constEnd(); ++it) {
        if (it.key() != QLatin1String("anchor_file"))
            summary.insert(it.key(), it.value());
    }
    if (!r->anchorError.isEmpty())
        summary.insert(QStringLiteral("anchor_failed"), true);
    SystemLog::notice(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    if (!r->anchorError.isEmpty())
        return Error::unavailable(QStringLiteral("audit.anchor_failed"),
                                  QCoreApplication::translate("Cli",
                                                              "The day's work is done, but the audit log's "
                                                              "head was not anchored: %1")
                                      .arg(r->anchorError));
    c.line(QCoreApplication::translate("Cli", "Invitations expired: %1").arg(r->invitationsExpired));
    c.line(QCoreApplication::translate("Cli", "Grants ended at 12 or 18: %1").arg(r->grantsEnded));
    c.line(
        QCoreApplication::translate("Cli", "Logins terminated (no access left): %1").arg(r->usersTerminated));
    c.line(QCoreApplication::translate("Cli", "Transition notices queued: %1").arg(r->noticesQueued));
    c.line(
        QCoreApplication::translate("Cli", "Proxy consents ended on their day: %1").arg(r->consentsExpired));
    c.line(QCoreApplication::translate("Cli", "Patients reminded of a proxy consent that ends: %1")
               .arg(r->consentRemindersQueued));
    c.line(QCoreApplication::translate("Cli", "Invitations marked late: %1").arg(r->invitationsMarkedLate));
    if (r->mailByService)
        c.line(QCoreApplication::translate("Cli", "Mail: queued for the mail service (\"mail serve\"), "
                                                  "which sends on the central database."));
    else
        c.line(QCoreApplication::translate("Cli", "Mail sent: %1, waiting to retry: %2, failed: %3")
                   .arg(r->mailSent)
                   .arg(r->mailRetrying)
                   .arg(r->mailFailed));
    c.line(r->anchorFile.isEmpty()
               ? QCoreApplication::translate("Cli", "Audit log anchored at event %1 (system log).")
                     .arg(r->anchoredEventId)
               : QCoreApplication::translate("Cli", "Audit log anchored at event %1 (system log and %2).")
                     .arg(r->anchoredEventId)
                     .arg(r->anchorFile));
    return {};
}

Status mailSend(CliContext& c) {
    auto r = MailDispatcher(*c.services).send();
    if (!r)
        return r.error();
    c.json = QJsonObject{{QStringLiteral("sent"), r->sent},
                         {QStringLiteral("retrying"), r->retrying},
                         {QStringLiteral("failed"), r->failed},
                         {QStringLiteral("errors"), QJsonArray::fromStringList(r->errors)}};
    if (c.policy.mailTransport == QLatin1String("file"))
        c.json.insert(QStringLiteral("folder"), mailDropFolder(*c.services, c.policy));
    c.line(QCoreApplication::translate("Cli", "Mail sent: %1, waiting to retry: %2, failed: %3")
               .arg(r->sent)
               .arg(r->retrying)
               .arg(r->failed));
    if (c.policy.mailTransport == QLatin1String("file"))
        c.line(QCoreApplication::translate("Cli", "Messages are written to %1")
                   .arg(mailDropFolder(*c.services, c.policy)));
    for (const QString& e : std::as_const(r->errors))
        c.line(QStringLiteral("  ") + e);
    return (r->failed > 0 || r->retrying > 0) && r->sent == 0
               ? Status(Error::unavailable(QStringLiteral("mail.unavailable"), r->errors.value(0)))
               : Status();
}

Status mailServe(CliContext& c) {
    PD_TRY(MailDispatcher::mayDispatch(*c.services));
    int every = 30;
    if (c.args.has(QStringLiteral("every"))) {
        bool ok = false;
        every = c.args.option(QStringLiteral("every")).toInt(&ok);
        if (!ok || every < 1 || every > 3600)
            return Error::validation(
                QStringLiteral("input.every"),
                QCoreApplication::translate("Cli", "--every is a number of seconds from 1 to 3600."));
    }
    ProgressLine::write(stdout, QCoreApplication::translate("Cli", "Sending mail from %1 every %2 seconds. "
                                                                   "Stop with Ctrl+C or SIGTERM.")
                                        .arg(c.policy.mailTransport == QLatin1String("file")
                                                 ? mailDropFolder(*c.services, c.policy)
                                                 : c.policy.smtpHost)
                                        .arg(every) +
                                    QLatin1Char('\n'));
    watchStopSignals();
    DispatchReport total;
    QElapsedTimer sinceRound;
    bool first = true;
    // A round is a few dozen messages, so a stop is never long in coming; the database or the relay going
    // away ends a round, not the service: the next one tries again.
    while (!stopSignalled()) {
        if (first || sinceRound.hasExpired(qint64(every) * 1000)) {
            first = false;
            sinceRound.start();
            auto r = MailDispatcher(*c.services).send(50);
            if (!r) {
                ProgressLine::write(
                    stderr, QStringLiteral("%1  %2\n").arg(c.local(c.services->now()), r.error().message));
            } else if (r->sent + r->retrying + r->failed > 0) {
                total.sent += r->sent;
                total.retrying += r->retrying;
                total.failed += r->failed;
                ProgressLine::write(
                    stdout, QStringLiteral("%1  ").arg(c.local(c.services->now())) +
                                QCoreApplication::translate("Cli", "sent %1, waiting to retry %2, failed %3")
                                    .arg(r->sent)
                                    .arg(r->retrying)
                                    .arg(r->failed) +
                                QLatin1Char('\n'));
                if (r->sent == 50)
                    first = true; // more are due: the next round starts at once
            }
        }
        QThread::msleep(100);
    }
    c.json = QJsonObject{{QStringLiteral("sent"), total.sent},
                         {QStringLiteral("retrying"), total.retrying},
                         {QStringLiteral("failed"), total.failed}};
    c.line(QCoreApplication::translate("Cli", "Stopped. Sent %L1, waiting to retry %L2, failed %L3.")
               .arg(total.sent)
               .arg(total.retrying)
               .arg(total.failed));
    return {};
}

Status mailTest(CliContext& c) {
    const QString to = c.args.option(QStringLiteral("to"));
    if (to.isEmpty())
        return Error::validation(QStringLiteral("input.to"),
                                 QCoreApplication::translate("Cli", "Say where to send it: --to ADDRESS."));
    auto sent = AdminService(*c.services).sendTestMessage(to);
    if (!sent)
        return sent.error();
    c.json = QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("message_id"), sent.value()}};
    c.line(QCoreApplication::translate("Cli", "Test message accepted for %1 (%2).").arg(to, sent.value()));
    return {};
}

Status mailList(CliContext& c) {
    auto list = AdminService(*c.services).outbox(c.args.option(QStringLiteral("status")), 200);
    if (!list)
        return list.error();
    QJsonArray rows;
    for (const OutboxMessage& m : list.value()) {
        rows.append(CliJson::outbox(m));
        c.line(QStringLiteral("#%1  %2  %3  %4  %5")
                   .arg(m.id, 4)
                   .arg(m.status, -8)
                   .arg(m.kind, -14)
                   .arg(m.recipient, m.status == QLatin1String("sent") ? c.local(m.sentAt) : m.lastError));
    }
    if (rows.isEmpty())
        c.line(QCoreApplication::translate("Cli", "The outbox is empty."));
    c.json.insert(QStringLiteral("messages"), rows);
    return {};
}

} // namespace pd::CliCommands
