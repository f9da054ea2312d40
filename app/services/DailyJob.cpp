#include "services/DailyJob.h"
#include "core/Log.h"

#include "mail/MimeMessage.h"
#include "services/ConsentExpiry.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include "core/FailPoint.h"
#include "core/Secrets.h"
#include "mail/MailTransport.h"
#include "mail/SmtpTransport.h"
#include "services/AdminService.h"
#include "services/InvitationService.h"
#include "services/MailRendering.h"
#include "store/GrantRepository.h"
#include "store/InvitationRepository.h"
#include "store/OutboxRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <QUuid>

namespace pd {

namespace {

// The birthday that ends this grant: 12 for grants from a child-bracket enrollment, 18 for a proxy's grant
// from an adolescent one. Adult grants (the patient's own, an adult's proxy consent, a guardianship) and a
// grant that started on or after the birthday are not ended by age.
// `correcting`: the birth date was just corrected, so a birthday before the grant began still ends it (the
// grant was made for an age group the patient had already left).
std::optional<AgeRules::Transition> endingTransition(const Grant& g, const QDate& birthDate,
                                                     const Policy& policy, bool correcting = false) {
    std::optional<AgeRules::Transition> t;
    if (g.bracket == QLatin1String("child"))
        t = AgeRules::Transition{
            AgeRules::AdolescentAge,
            AgeRules::nthBirthday(birthDate, AgeRules::AdolescentAge, policy.leapDayRule)};
    else if (g.bracket == QLatin1String("adolescent") && g.relationship != QLatin1String("self") &&
             g.basis != QLatin1String("guardianship"))
        t = AgeRules::Transition{AgeRules::AdultAge,
                                 AgeRules::nthBirthday(birthDate, AgeRules::AdultAge, policy.leapDayRule)};
    if (t && !correcting && t->date <= AgeRules::localDate(g.startedAt, policy.zone))
        return std::nullopt;
    return t;
}

} // namespace

QString mailDropFolder(const Policy& policy, const Database& db) {
    if (!policy.mailDropFolder.isEmpty())
        return policy.mailDropFolder;
    // Beside the embedded file; a server's address is no folder, so the central database needs the setting.
    if (db.dialect() == Dialect::Postgres)
        return QString();
    return QFileInfo(db.location()).absoluteDir().filePath(QStringLiteral("mail"));
}

Result<QString> smtpPassword(const Policy& policy) {
    if (qEnvironmentVariableIsSet("PORTALDESK_SMTP_PASSWORD"))
        return qEnvironmentVariable("PORTALDESK_SMTP_PASSWORD");
    if (policy.smtpPasswordFile.isEmpty())
        return QString();
    QFile file(policy.smtpPasswordFile);
#ifdef Q_OS_UNIX
    // A password anyone on the machine can read is no secret: refuse it rather than use it.
    if (file.exists() && (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return Error::unavailable(QStringLiteral("mail.password_file"),
                                  QCoreApplication::translate(
                                      "Services",
                                      "The SMTP password file %1 can be read by others; make it readable by "
                                      "its owner only (chmod 600).")
                                      .arg(policy.smtpPasswordFile));
#endif
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(
            QStringLiteral("mail.password_file"),
            QCoreApplication::translate("Services", "Can't read the SMTP password file %1: %2")
                .arg(policy.smtpPasswordFile, file.errorString()));
    QByteArray bytes = file.readAll();
    QString password = QString::fromUtf8(bytes).trimmed();
    bytes.fill('\0');
    return password;
}

Result<std::unique_ptr<MailTransport>> makeTransport(const Policy& policy, const Database& db) {
    if (policy.mailTransport == QLatin1String("file"))
        return std::unique_ptr<MailTransport>(
            std::make_unique<FileDropTransport>(mailDropFolder(policy, db)));
    if (policy.mailTransport == QLatin1String("smtp")) {
        SmtpSettings s;
        s.host = policy.smtpHost;
        s.port = policy.smtpPort;
        s.tls = SmtpSettings::tlsFromName(policy.smtpTls).value_or(SmtpSettings::Tls::StartTls);
        s.user = policy.smtpUser;
        s.caFile = policy.smtpCaFile;
        s.pinnedSha256 = policy.smtpPinnedSha256;
        s.timeoutMs = policy.smtpTimeoutSeconds * 1000;
        if (!s.user.isEmpty()) {
            auto password = smtpPassword(policy);
            if (!password)
                return password.error();
            s.password = password.value();
        }
        return std::unique_ptr<MailTransport>(std::make_unique<SmtpTransport>(s));
    }
    return Error::unavailable(
        QStringLiteral("mail.transport"),
        QCoreApplication::translate(
            "Services", "Mail transport \"%1\" is not available in this build; set mail.transport to file.")
            .arg(policy.mailTransport));
}

QString mailDropFolder(const ServiceContext& ctx, const Policy& policy) {
    return mailDropFolder(policy, ctx.db());
}

Result<std::unique_ptr<MailTransport>> configuredTransport(const ServiceContext& ctx) {
    auto policy = ctx.policy();
    if (!policy)
        return policy.error();
    return makeTransport(policy.value(), ctx.db());
}

Result<DailyReport> DailyJob::run() {
    if (m_ctx.db().dialect() == Dialect::Postgres)
        return run(nullptr); // the mail service sends there
    auto transport = configuredTransport(m_ctx);
    if (!transport)
        return transport.error();
    return run(transport->get());
}

Result<DispatchReport> MailDispatcher::send(int limit) {
    auto transport = configuredTransport(m_ctx);
    if (!transport)
        return transport.error();
    return dispatch(**transport, limit);
}

Result<DailyReport> DailyJob::run(MailTransport* transport) {
    // Its own service account runs it every night; an HIM specialist may run it by hand.
    if (!m_ctx.has(Role::DailyJob))
        PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "The daily run")));
    auto locked = m_ctx.db().tryJobLock(Database::DailyJobLockKey);
    if (!locked)
        return locked.error();
    if (!locked.value())
        return Error::conflict(QStringLiteral("daily.running"),
                               QCoreApplication::translate(
                                   "Services", "The daily run is already going on another workstation; "
                                               "this one did nothing. Each step is done once either way."));
    struct Unlock {
        Database& db;
        ~Unlock() { db.releaseJobLock(Database::DailyJobLockKey); }
    } unlock{m_ctx.db()};
    qCDebug(lcDaily, "started on the %s database",
            m_ctx.db().dialect() == Dialect::Postgres ? "central" : "embedded");
    DailyReport report;
    auto expired = expireInvitations();
    if (!expired)
        return expired.error();
    report.invitationsExpired = expired.value();
    auto transitions = runTransitions();
    if (!transitions)
        return transitions.error();
    report.grantsEnded = transitions->first;
    report.usersTerminated = transitions->second;
    auto notices = queueTransitionNotices();
    if (!notices)
        return notices.error();
    report.noticesQueued = notices.value();
    auto consents = runConsentExpiry();
    if (!consents)
        return consents.error();
    report.consentsExpired = consents->first;
    report.consentRemindersQueued = consents->second;
    auto late = markLateInvitations();
    if (!late)
        return late.error();
    report.invitationsMarkedLate = late.value();
    report.mailByService = m_ctx.db().dialect() == Dialect::Postgres;
    if (transport && !report.mailByService) {
        auto sent = MailDispatcher(m_ctx).dispatch(*transport);
        if (!sent)
            return sent.error();
        report.mailSent = sent->sent;
        report.mailRetrying = sent->retrying;
        report.mailFailed = sent->failed;
    }
    // Every run leaves the log's head outside the database, so deleting its newest events shows later.
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    auto anchored = AdminService::writeAnchor(m_ctx, policy.value());
    if (anchored) {
        report.anchoredEventId = anchored->anchor.id;
        report.anchorFile = anchored->file;
    } else {
        report.anchorError = anchored.error().message;
    }
    return report;
}

Result<QPair<int, int>> DailyJob::runConsentExpiry() {
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const int size = sweepBatchSize();
    // A consent whose grant ended leaves the list; one looked at without a grant to end is counted once.
    auto ended =
        inBatches(QCoreApplication::translate("Services", "Ending expired proxy consents"), size,
                  [&]() -> Result<QPair<int, int>> { return endExpiredConsents(m_ctx, *policy, size); });
    if (!ended)
        return ended.error();
    auto reminded = inBatches(
        QCoreApplication::translate("Services", "Reminding patients of proxy consents that end"), size,
        [&]() -> Result<QPair<int, int>> { return remindEndingConsents(m_ctx, *policy, size); });
    if (!reminded)
        return reminded.error();
    return qMakePair(ended.value(), reminded.value());
}

Result<int> DailyJob::inBatches(const QString& step, int size,
                                const std::function<Result<QPair<int, int>>()>& batch) {
    int done = 0;
    QElapsedTimer took;
    took.start();
    // Small transactions, each whole: another workstation's write waits for one batch at most, and a run
    // that stops part-way leaves the rest for the next.
    for (;;) {
        Transaction tx(m_ctx.db());
        PD_TRY(tx.begin());
        auto r = batch();
        if (!r)
            return r.error();
        PD_TRY(tx.commit());
        FailPoint::hit("daily.batch_committed");
        done += r->second;
        progress(step, done);
        if (r->first < size) {
            qCDebug(lcDaily, "%s: %d in %lld ms", qPrintable(step), done, took.elapsed());
            return done;
        }
    }
}

Result<int> DailyJob::sweepInvitations(const QString& step, const QString& serverStep,
                                       const InvitationSweep& sweep, const InvitationEvent& event) {
    InvitationRepository invitations(m_ctx.db());
    const int size = sweepBatchSize();
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        return inBatches(step, size, [&]() -> Result<QPair<int, int>> {
            auto changed = m_ctx.db().callDoorRows(QStringLiteral("invitations_sweep"),
                                                   {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                                    {QStringLiteral("step"), serverStep},
                                                    {QStringLiteral("limit"), size}});
            if (!changed)
                return changed.error();
            return qMakePair(int(changed->size()), int(changed->size()));
        });
    }
    return inBatches(step, size, [&]() -> Result<QPair<int, int>> {
        auto changed = sweep(invitations, size);
        if (!changed)
            return changed.error();
        QList<AuditEvent> events;
        events.reserve(changed->size());
        for (const Invitation& inv : changed.value()) {
            const QPair<QString, QJsonObject> e = event(inv);
            events.append(m_ctx.auditEvent(e.first, QStringLiteral("invitation"), inv.id, 0, inv.portalUserId,
                                           e.second));
        }
        PD_TRY(m_ctx.auditAll(events));
        return qMakePair(int(changed->size()), int(changed->size()));
    });
}

Result<int> DailyJob::expireInvitations() {
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    return sweepInvitations(
        QCoreApplication::translate("Services", "Expiring invitations"), QStringLiteral("expire"),
        [now, by](InvitationRepository& r, int size) { return r.expireDue(now, size, by); },
        [](const Invitation& inv) {
            return qMakePair(
                QStringLiteral("invitation.expired"),
                QJsonObject{{QStringLiteral("expires_at"), DbTime::toDb(inv.expiresAt).toString()}});
        });
}

Result<QPair<int, int>> DailyJob::runTransitions() {
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    GrantRepository grants(m_ctx.db());
    AgeEndingQuery page;
    page.through = m_ctx.today(policy.value());
    page.limit = batchSize();
    int terminated = 0;
    auto ended = inBatches(QCoreApplication::translate("Services", "Ending access at 12 and 18"), page.limit,
                           [&]() -> Result<QPair<int, int>> {
                               auto candidates = grants.ageEnding(page);
                               if (!candidates)
                                   return candidates.error();
                               auto done = applyTransitions(m_ctx, policy.value(), candidates.value());
                               if (!done)
                                   return done.error();
                               terminated += done->second;
                               if (!candidates->isEmpty()) {
                                   page.afterDate = candidates->last().ageEndsOn;
                                   page.afterId = candidates->last().grant.id;
                               }
                               return qMakePair(int(candidates->size()), done->first);
                           });
    if (!ended)
        return ended.error();
    return qMakePair(ended.value(), terminated);
}

Result<QPair<int, int>> applyTransitions(const ServiceContext& ctx, const Policy& policy,
                                         const QList<GrantWithBirthDate>& candidates,
                                         const QJsonObject& cause) {
    const QDate today = ctx.today(policy);
    const QDateTime now = ctx.now();
    const QString by = ctx.staff().name;
    GrantRepository grants(ctx.db());

    int ended = 0;
    QSet<qint64> touchedUsers;
    for (const GrantWithBirthDate& c : candidates) {
        const auto t = endingTransition(c.grant, c.birthDate, policy, !cause.isEmpty());
        if (!t || t->date > today)
            continue;
        // The grant ends on the birthday itself, however late the run that notices it.
        const QDateTime endedAt = cause.isEmpty() ? AgeRules::startOfLocalDay(t->date, policy.zone) : now;
        const QString reason =
            t->age == AgeRules::AdolescentAge ? QStringLiteral("age_12") : QStringLiteral("age_18");
        QJsonObject details{
            {QStringLiteral("end_reason"), reason},
            {QStringLiteral("rule"), t->age == AgeRules::AdolescentAge
                                         ? QStringLiteral("child-bracket access ends on the 12th birthday")
                                         : QStringLiteral("proxy access ends on the 18th birthday")},
            {QStringLiteral("birthday"), t->date.toString(Qt::ISODate)}};
        addDetails(details, cause);
        PD_TRY(endGrant(ctx, c.grant, endedAt, reason, details));
        touchedUsers.insert(c.grant.portalUserId);
        ++ended;
    }

    auto terminated = terminateLoginsWithoutGrant(ctx, touchedUsers.values());
    if (!terminated)
        return terminated.error();
    return qMakePair(ended, int(terminated->size()));
}

Result<QList<qint64>> terminateLoginsWithoutGrant(const ServiceContext& ctx, QList<qint64> ids) {
    const QDateTime now = ctx.now();
    const QString by = ctx.staff().name;
    GrantRepository grants(ctx.db());
    PortalUserRepository users(ctx.db());
    QList<qint64> terminated;
    std::sort(ids.begin(), ids.end());
    for (qint64 id : std::as_const(ids)) {
        auto open = grants.openCountForUser(id);
        if (!open)
            return open.error();
        if (open.value() > 0)
            continue;
        auto user = users.byId(id);
        if (!user)
            return user.error();
        if (!user->has_value() || (*user)->status == QLatin1String("deactivated") ||
            (*user)->status == QLatin1String("terminated"))
            continue;
        PortalUser u = **user;
        PD_TRY(revokeLiveInvitation(ctx, u.id, QStringLiteral("terminated"), 0));
        const QString before = u.status;
        u.status = QStringLiteral("terminated");
        u.statusReason = QStringLiteral("no_open_grant");
        u.statusChangedAt = now;
        PD_TRY(closeLogin(
            ctx, u, before, 0,
            {{QStringLiteral("rule"), QStringLiteral("a login left with no access grant is terminated")}}));
        terminated.append(u.id);
    }
    return terminated;
}

namespace {

// The hospital's settings, and the query for birthdays in the next `days` days.
struct UpcomingScope {
    Policy policy;
    AgeEndingQuery query;
};

Result<UpcomingScope> upcomingScope(const ServiceContext& ctx, int days) {
    // Each row is a birthday: HIM staff's worklist, not support agents' (SPEC section 6); and the daily
    // job's, for its notices.
    if (!ctx.has(Role::DailyJob))
        PD_TRY(ctx.require(Role::Specialist, QCoreApplication::translate(
                                                 "Services", "Listing the 12th and 18th birthdays ahead")));
    if (days < 0 || days > 3660)
        return Error::validation(
            QStringLiteral("input.days"),
            QCoreApplication::translate("Services", "Days must be a whole number from 0 to 3660."));
    auto policy = ctx.policy();
    if (!policy)
        return policy.error();
    UpcomingScope s{policy.value(), {}};
    s.query.from = ctx.today(s.policy);
    s.query.through = s.query.from.addDays(days);
    s.query.leapDayMar1 = s.policy.leapDayRule == LeapDayRule::Mar1;
    return s;
}

// The rows of a page of grants, with their patients and logins read a page at a time.
Result<QList<UpcomingTransition>> upcomingRows(const ServiceContext& ctx, const Policy& policy,
                                               const QList<GrantWithBirthDate>& grants) {
    QList<qint64> patientIds, userIds;
    for (const GrantWithBirthDate& c : grants) {
        patientIds.append(c.grant.patientId);
        userIds.append(c.grant.portalUserId);
    }
    auto patients = PatientRepository(ctx.db()).byIds(patientIds);
    if (!patients)
        return patients.error();
    auto users = PortalUserRepository(ctx.db()).byIds(userIds);
    if (!users)
        return users.error();
    QHash<qint64, Patient> patientById;
    for (const Patient& p : patients.value())
        patientById.insert(p.id, p);
    QHash<qint64, PortalUser> userById;
    for (const PortalUser& u : users.value())
        userById.insert(u.id, u);
    QList<UpcomingTransition> out;
    for (const GrantWithBirthDate& c : grants) {
        const auto t = endingTransition(c.grant, c.birthDate, policy);
        const auto p = patientById.constFind(c.grant.patientId);
        const auto u = userById.constFind(c.grant.portalUserId);
        if (!t || p == patientById.constEnd() || u == userById.constEnd())
            continue;
        out.append({t->date, t->age, p.value(), u.value(), c.grant, c.noticeQueued});
    }
    return out;
}

} // namespace

Result<QList<UpcomingTransition>> DailyJob::upcoming(int days, int limit, int offset) {
    PD_TRY(checkPage(limit, offset));
    auto scope = upcomingScope(m_ctx, days);
    if (!scope)
        return scope.error();
    scope->query.limit = limit;
    scope->query.offset = offset;
    auto grants = GrantRepository(m_ctx.db()).ageEnding(scope->query);
    if (!grants)
        return grants.error();
    return upcomingRows(m_ctx, scope->policy, grants.value());
}

Result<qint64> DailyJob::upcomingCount(int days) {
    auto scope = upcomingScope(m_ctx, days);
    if (!scope)
        return scope.error();
    return GrantRepository(m_ctx.db()).ageEndingCount(scope->query);
}

Result<QPair<qint64, qint64>> DailyJob::upcomingPatients(int days) {
    auto scope = upcomingScope(m_ctx, days);
    if (!scope)
        return scope.error();
    return GrantRepository(m_ctx.db()).ageEndingPatients(scope->query);
}

Result<int> DailyJob::queueTransitionNotices() {
    auto scope = upcomingScope(m_ctx, 0);
    if (!scope)
        return scope.error();
    AgeEndingQuery& query = scope->query;
    const QDate today = query.from;
    // Not on the birthday itself: that day's run ends the grant instead.
    query.from = today.addDays(1);
    query.through = today.addDays(scope->policy.transitionNoticeDays);
    query.withoutNotice = true;
    query.limit = batchSize();
    return inBatches(
        QCoreApplication::translate("Services", "Queuing birthday notices"), query.limit,
        [&]() -> Result<QPair<int, int>> {
            auto grants = GrantRepository(m_ctx.db()).ageEnding(query);
            if (!grants)
                return grants.error();
            auto list = upcomingRows(m_ctx, scope->policy, grants.value());
            if (!list)
                return list.error();
            int queued = 0;
            for (const UpcomingTransition& t : list.value()) {
                if (t.noticeQueued || t.date <= today || t.user.status == QLatin1String("deactivated") ||
                    t.user.status == QLatin1String("terminated"))
                    continue;
                ServiceContext::Mail mail;
                mail.kind = t.age == AgeRules::AdolescentAge ? QStringLiteral("transition_12")
                                                             : QStringLiteral("transition_18");
                mail.language = t.user.language;
                mail.to = {t.user.fullName(), t.user.email};
                mail.portalUserId = t.user.id;
                mail.vars.insert(QStringLiteral("patient_given_name"), t.patient.givenName);
                mail.vars.insert(QStringLiteral("transition_date"), familyDate(t.date, t.user.language));
                auto outboxId = m_ctx.enqueueMail(scope->policy, mail);
                if (!outboxId)
                    return outboxId.error();
                PD_TRY(GrantRepository(m_ctx.db())
                           .recordNotice(t.grant.id, t.age, t.date, outboxId.value(), m_ctx.now()));
                PD_TRY(m_ctx.audit(QStringLiteral("transition.notice_queued"), QStringLiteral("grant"),
                                   t.grant.id, t.patient.id, t.user.id,
                                   {{QStringLiteral("age"), t.age},
                                    {QStringLiteral("date"), t.date.toString(Qt::ISODate)}}));
                ++queued;
            }
            if (!grants->isEmpty()) {
                query.afterDate = grants->last().ageEndsOn;
                query.afterId = grants->last().grant.id;
            }
            return qMakePair(int(grants->size()), queued);
        });
}

Result<int> DailyJob::markLateInvitations() {
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    return sweepInvitations(
        QCoreApplication::translate("Services", "Marking late invitations"), QStringLiteral("late"),
        [now, by](InvitationRepository& r, int size) { return r.markLate(now, size, by); },
        [](const Invitation& inv) {
            return qMakePair(QStringLiteral("invitation.late"),
                             QJsonObject{{QStringLiteral("due_at"), DbTime::toDb(inv.dueAt).toString()}});
        });
}

int DailyJob::batchSize() const {
    return m_ctx.db().dialect() == Dialect::Postgres ? CentralBatch : EmbeddedBatch;
}

int DailyJob::sweepBatchSize() const {
    if (m_sweepBatch > 0)
        return m_sweepBatch;
    return m_ctx.db().dialect() == Dialect::Postgres ? CentralSweepBatch : EmbeddedSweepBatch;
}

void DailyJob::progress(const QString& step, int done) const {
    if (m_progress)
        m_progress(step, done);
}

Status MailDispatcher::mayDispatch(const ServiceContext& ctx) {
    if (ctx.db().dialect() != Dialect::Postgres || ctx.has(Role::Mailer))
        return {};
    const auto mine = roleFromName(ctx.staff().role);
    return Error::notPermitted(
        QStringLiteral("role.required"),
        QCoreApplication::translate(
            "Services", "On the central database mail is sent by the mail service (\"portaldesk-cli mail "
                        "serve\", signed in as a mail service account), not by %1 (%2).")
            .arg(ctx.staff().name, mine ? roleDisplayName(*mine) : ctx.staff().role));
}

Result<DispatchReport> MailDispatcher::dispatch(MailTransport& transport, int limit) {
    PD_TRY(mayDispatch(m_ctx));
    DispatchReport report;
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    // A relay that limits its senders: each message starts no sooner than its share of the minute.
    const qint64 spacingNs = policy->mailMaxPerMinute > 0 ? 60'000'000'000LL / policy->mailMaxPerMinute : 0;
    QElapsedTimer pace;
    pace.start();
    qint64 nextAt = 0;
    OutboxRepository outbox(m_ctx.db());
    const bool central = m_ctx.db().dialect() == Dialect::Postgres;
    const auto invitationMailResult = [this](const OutboxMessage& m, const QString& outcome) -> Status {
        auto row = m_ctx.db().callDoor(QStringLiteral("invitation_mail_result"),
                                       {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                        {QStringLiteral("outbox"), m.id},
                                        {QStringLiteral("outcome"), outcome}});
        if (!row)
            return row.error();
        return {};
    };
    // Each round claims under its own name, so a mark from a round that lost its claim changes nothing.
    const QString worker = m_ctx.workstation() + QLatin1Char('/') +
                           QString::number(QCoreApplication::applicationPid()) + QLatin1Char('/') +
                           QUuid::createUuid().toString(QUuid::Id128).left(8);
    static const int backoffMinutes[] = {1, 5, 15, 60};
    // Small batches: what is claimed is sent soon after, long before another dispatcher would count the
    // claim as abandoned.
    constexpr int BatchSize = 10;
    int handled = 0;
    while (handled < limit) {
        QList<OutboxMessage> batch;
        {
            Transaction tx(m_ctx.db());
            PD_TRY(tx.begin());
            auto claimed = outbox.claimDue(m_ctx.now(), worker, std::min(BatchSize, limit - handled));
            if (!claimed)
                return claimed.error();
            batch = claimed.value();
            PD_TRY(tx.commit());
        }
        if (batch.isEmpty())
            break;
        handled += int(batch.size());
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const OutboxMessage& m = batch.at(i);
            // Rendered now, with today's settings; an invitation gets a new link, whose token is kept
            // (hashed) before the message leaves.
            RenderedMail rendered;
            {
                Transaction tx(m_ctx.db());
                PD_TRY(tx.begin());
                // A slow relay can outlast a batch's claims: each message's is renewed as it goes, and one
                // another sender took over meanwhile is left to that sender.
                auto mine = outbox.renewClaim(m.id, m_ctx.now(), worker);
                if (!mine)
                    return mine.error();
                if (!mine.value()) {
                    PD_TRY(tx.commit());
                    continue;
                }
                auto r = renderForSending(m_ctx, policy.value(), m);
                if (!r)
                    return r.error();
                rendered = std::move(r.value());
                if (rendered.cancelled)
                    PD_TRY(outbox.markCancelled(
                        m.id, QStringLiteral("the invitation no longer waits for this message"), worker));
                PD_TRY(tx.commit());
            }
            if (rendered.cancelled)
                continue;
            // The pace is kept where the message leaves, whatever rendering took.
            if (spacingNs > 0) {
                if (const qint64 wait = nextAt - pace.nsecsElapsed(); wait > 0)
                    QThread::usleep(static_cast<unsigned long>(wait / 1000));
                nextAt = std::max(nextAt, pace.nsecsElapsed()) + spacingNs;
            }
            const Status sent = transport.send({m.messageId, m.sender, m.recipient, rendered.raw});
            Secrets::wipe(rendered.raw);
            Transaction tx(m_ctx.db());
            PD_TRY(tx.begin());
            bool stopRound = false;
            InvitationRepository invitations(m_ctx.db());
            if (sent) {
                // Sent means accepted by the mail server: an invitation's window starts now.
                const QDateTime at = m_ctx.now();
                PD_TRY(outbox.markSent(m.id, at, worker));
                if (m.invitationId != 0 && central) {
                    // The server starts the window by its own clock and writes the event.
                    auto marked = invitationMailResult(m, QStringLiteral("sent"));
                    if (!marked)
                        return marked.error();
                } else if (m.invitationId != 0) {
                    const QDateTime expires =
                        at.toTimeZone(policy->zone).addDays(policy->invitationExpiryDays).toUTC();
                    auto marked = invitations.markSent(m.invitationId, at, expires, m_ctx.staff().name);
                    if (!marked)
                        return marked.error();
                    if (marked.value())
                        PD_TRY(m_ctx.audit(QStringLiteral("invitation.sent"), QStringLiteral("invitation"),
                                           m.invitationId, 0, m.portalUserId,
                                           {{QStringLiteral("email"), m.recipient},
                                            {QStringLiteral("expires_at"), DbTime::toDb(expires).toString()},
                                            {QStringLiteral("message_id"), m.messageId}}));
                }
                ++report.sent;
                qCDebug(lcMail, "outbox %lld (%s): sent", m.id, qPrintable(m.kind));
            } else if (sent.error().kind == ErrorKind::Unavailable && m.attempts < 28) {
                const int minutes = m.attempts <= 4 ? backoffMinutes[std::max(0, m.attempts - 1)] : 60;
                PD_TRY(outbox.markRetry(m.id, sent.error().message, m_ctx.now().addSecs(60LL * minutes),
                                        worker));
                if (m.invitationId != 0) { // the next try makes a new link; this one dies
                    if (central)
                        PD_TRY(invitationMailResult(m, QStringLiteral("retry")));
                    else
                        PD_TRY(
                            invitations.mailNotSent(m.invitationId, false, m_ctx.now(), m_ctx.staff().name));
                }
                report.errors.append(sent.error().message);
                ++report.retrying;
                qCDebug(lcMail, "outbox %lld (%s): try %d failed (%s), next in %d minutes", m.id,
                        qPrintable(m.kind), m.attempts, qPrintable(sent.error().rule), minutes);
                // The server is away or busy: the rest of this batch goes back untried, as it was.
                for (qsizetype j = i + 1; j < batch.size(); ++j)
                    PD_TRY(outbox.release(batch.at(j).id, worker));
                stopRound = true;
            } else {
                PD_TRY(outbox.markFailed(m.id, sent.error().message, worker));
                if (m.invitationId != 0) {
                    if (central)
                        PD_TRY(invitationMailResult(m, QStringLiteral("failed")));
                    else
                        PD_TRY(
                            invitations.mailNotSent(m.invitationId, true, m_ctx.now(), m_ctx.staff().name));
                }
                PD_TRY(m_ctx.audit(
                    QStringLiteral("mail.failed"), QStringLiteral("outbox"), m.id, 0, m.portalUserId,
                    {{QStringLiteral("error"), sent.error().message}, {QStringLiteral("kind"), m.kind}}));
                report.errors.append(sent.error().message);
                ++report.failed;
                qCDebug(lcMail, "outbox %lld (%s): refused (%s)", m.id, qPrintable(m.kind),
                        qPrintable(sent.error().rule));
            }
            PD_TRY(tx.commit());
            if (stopRound)
                return report;
        }
    }
    return report;
}

} // namespace pd
