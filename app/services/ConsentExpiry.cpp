#include "services/ConsentExpiry.h"

#include "services/DailyJob.h"
#include "services/InvitationService.h"
#include "store/ConsentRepository.h"
#include "store/Database.h"
#include "store/GrantRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

namespace pd {

QDate consentEndsOn(const Policy& policy, const QDate& approvedOn, const QString& kind) {
    if (policy.consentExpiryMonths <= 0 || kind != QLatin1String("adult_proxy") || !approvedOn.isValid())
        return {};
    return approvedOn.addMonths(policy.consentExpiryMonths); // QDate clamps to the month's last day
}

Result<QPair<int, int>> endExpiredConsents(const ServiceContext& ctx, const Policy& policy, int limit) {
    const QDate today = ctx.today(policy);
    auto due = ConsentRepository(ctx.db()).ending(QDate(1900, 1, 1), today, limit);
    if (!due)
        return due.error();
    GrantRepository grants(ctx.db());
    QList<qint64> touched;
    int ended = 0;
    for (const Consent& c : std::as_const(due.value())) {
        auto grant = grants.byId(c.grantId);
        if (!grant)
            return grant.error();
        if (!grant->has_value() || !(*grant)->isOpen())
            continue;
        // Ended at the start of its day, however many nights later the run catches up.
        const QDateTime endedAt = QDateTime(c.endsOn, QTime(0, 0), policy.zone).toUTC();
        PD_TRY(endGrant(
            ctx, **grant, endedAt, QStringLiteral("consent_expired"),
            {{QStringLiteral("end_reason"), QStringLiteral("consent_expired")},
             {QStringLiteral("consent"), c.id},
             {QStringLiteral("ends_on"), c.endsOn.toString(Qt::ISODate)},
             {QStringLiteral("rule"), QStringLiteral("an adult's proxy consent ends on the day fixed "
                                                     "at its approval")}}));
        ++ended;
        if (!touched.contains(c.portalUserId))
            touched.append(c.portalUserId);
    }
    auto terminated = terminateLoginsWithoutGrant(ctx, touched);
    if (!terminated)
        return terminated.error();
    return qMakePair(int(due->size()), ended);
}

Result<QPair<int, int>> remindEndingConsents(const ServiceContext& ctx, const Policy& policy, int limit) {
    const QDate today = ctx.today(policy);
    ConsentRepository consents(ctx.db());
    auto due = consents.remindersDue(today.addDays(policy.consentReminderDays), limit);
    if (!due)
        return due.error();
    PatientRepository patients(ctx.db());
    PortalUserRepository users(ctx.db());
    const QDateTime now = ctx.now();
    int queued = 0;
    for (Consent c : std::as_const(due.value())) {
        auto patient = patients.byId(c.patientId);
        if (!patient)
            return patient.error();
        auto own = users.ownLoginOf(c.patientId);
        if (!own)
            return own.error();
        const Patient p = patient->value_or(Patient{});
        const bool ownOpen = own->has_value() && (*own)->status != QLatin1String("deactivated") &&
                             (*own)->status != QLatin1String("terminated");
        const QString to = ownOpen ? (*own)->email : p.email;
        qint64 outboxId = 0;
        if (!to.isEmpty() && !p.deceasedAt.isValid()) {
            ServiceContext::Mail mail;
            mail.kind = QStringLiteral("consent_reminder");
            mail.language = p.language;
            mail.to = {p.fullName(), to};
            mail.portalUserId = ownOpen ? (*own)->id : 0;
            mail.patientId = p.id;
            mail.vars.insert(QStringLiteral("proxy_name"), c.proxyName());
            mail.vars.insert(QStringLiteral("ends_on"), familyDate(c.endsOn, mailLanguage(p.language)));
            auto id = ctx.enqueueMail(policy, mail);
            if (!id)
                return id.error();
            outboxId = id.value();
            ++queued;
        }
        PD_TRY(consents.markReminded(c, now, ctx.staff().name));
        PD_TRY(ctx.audit(QStringLiteral("consent.reminded"), QStringLiteral("consent"), c.id, c.patientId,
                         c.portalUserId,
                         {{QStringLiteral("ends_on"), c.endsOn.toString(Qt::ISODate)},
                          {QStringLiteral("sent"), outboxId != 0}}));
    }
    return qMakePair(int(due->size()), queued);
}

} // namespace pd
