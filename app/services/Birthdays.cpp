#include "services/Birthdays.h"

#include "core/Visibility.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace pd::Birthdays {

namespace {

bool ageRule(const QString& endReason) {
    return endReason == QLatin1String("age_12") || endReason == QLatin1String("age_18");
}

} // namespace

bool hidden(const ServiceContext& ctx) {
    return !ctx.has(Role::Specialist);
}

Result<AgeFacts> ageFacts(const ServiceContext& ctx, const Policy& policy, const Patient& patient,
                          const QList<Grant>& grants) {
    AgeFacts facts;
    if (patient.birthDate.isValid()) {
        const QDate today = ctx.today(policy);
        facts.bracket = AgeRules::bracketOn(patient.birthDate, today, policy.leapDayRule);
        for (const Grant& g : grants) {
            const auto t =
                Visibility::endingTransition(g, patient.birthDate, policy.zone, policy.leapDayRule);
            if (g.isOpen() && t && t->date <= today)
                facts.dueGrants.insert(g.id);
        }
        return facts;
    }
    if (ctx.db().dialect() != Dialect::Postgres)
        return Error::internal(
            QStringLiteral("patient.no_birth_date"),
            QCoreApplication::translate("Services", "MRN %1 has no birth date on record.").arg(patient.mrn));
    auto row =
        ctx.db().callDoor(QStringLiteral("patient_age_facts"), {{QStringLiteral("ctx"), ctx.serverContext()},
                                                                {QStringLiteral("patient"), patient.id}});
    if (!row)
        return row.error();
    const QJsonObject o = QJsonDocument::fromJson(row->value(0).toString().toUtf8()).object();
    facts.bracket = bracketFromName(o.value(QLatin1String("bracket")).toString()).value_or(Bracket::Child);
    for (const QJsonValue& id : o.value(QLatin1String("age_rule_due")).toArray())
        facts.dueGrants.insert(id.toInteger());
    return facts;
}

void hide(Grant& grant) {
    if (!ageRule(grant.endReason) || grant.endedAt.isNull())
        return;
    grant.endedAt = QDateTime();
    grant.endedDateHidden = true;
}

void hide(PortalUser& user) {
    if (user.status == QLatin1String("terminated"))
        user.statusChangedAt = QDateTime();
}

void hide(Invitation& invitation) {
    if (invitation.revokeReason == QLatin1String("terminated"))
        invitation.revokedAt = QDateTime();
}

void hide(AuditEvent& event) {
    const QString& a = event.action;
    const bool corrected = event.details.contains(QLatin1String("\"birth_date\"")) ||
                           event.details.contains(QLatin1String("\"corrected_from\""));
    const bool birthday =
        (a == QLatin1String("grant.ended") && (event.details.contains(QLatin1String("\"age_12\"")) ||
                                               event.details.contains(QLatin1String("\"age_18\"")))) ||
        a == QLatin1String("transition.notice_queued") || a == QLatin1String("portal_user.terminated") ||
        (a == QLatin1String("invitation.revoked") && event.details.contains(QLatin1String("\"terminated\"")));
    if (!corrected && !birthday)
        return;
    QJsonObject d = QJsonDocument::fromJson(event.details.toUtf8()).object();
    const auto mask = [](QJsonObject o) {
        if (o.contains(QLatin1String("birth_date")))
            o.insert(QStringLiteral("birth_date"), QStringLiteral("••••-••-••"));
        return o;
    };
    for (const char* key : {"before", "after"}) {
        const QString k = QString::fromLatin1(key);
        if (d.value(k).isObject())
            d.insert(k, mask(d.value(k).toObject()));
    }
    if (d.contains(QLatin1String("corrected_from")))
        d.insert(QStringLiteral("corrected_from"), QStringLiteral("••••-••-••"));
    if (birthday) {
        event.at = QDateTime();
        event.hash.clear();
        event.prevHash.clear();
        for (const char* key : {"birthday", "date"}) {
            if (d.contains(QLatin1String(key)))
                d.insert(QString::fromLatin1(key), QString());
        }
    }
    event.details = QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
}

QStringList tryActions() {
    return {QStringLiteral("identity.checked"), QStringLiteral("identity.pin_refused")};
}

Status checkTries(const ServiceContext& ctx, const Policy& policy, qint64 patientId) {
    auto tries = AuditLog(ctx.db()).countSince(patientId, tryActions(), ctx.now().addSecs(-3600));
    if (!tries)
        return tries.error();
    if (tries.value() >= policy.identityChecksPerHour)
        return Error::validation(QStringLiteral("identity.throttled"),
                                 QCoreApplication::translate(
                                     "Services",
                                     "This patient's birth date was tried %n time(s) in the last hour, the "
                                     "most identity.checks_per_hour allows. Verify the caller another way "
                                     "(photo ID in person) or try again later.",
                                     nullptr, int(tries.value())));
    return {};
}

} // namespace pd::Birthdays
