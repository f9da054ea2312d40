#include "services/VisibilityService.h"

#include "core/RestrictionRules.h"
#include "mail/MimeMessage.h"
#include "services/Birthdays.h"
#include "services/RestrictionService.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/InvitationRepository.h"
#include "store/SearchRepository.h"

#include "services/PatientService.h"
#include "store/ConsentRepository.h"
#include "store/GrantRepository.h"

#include <QCoreApplication>

namespace pd {

Result<VisibilityAnswer> VisibilityService::explain(const QString& userKey, const QString& mrn) {
    // Every staff role answers families' questions; the role only decides what is masked.
    PD_TRY(m_ctx.require(Role::SupportAgent,
                         QCoreApplication::translate("Services", "Explaining what a login can see")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto user = findPortalUser(m_ctx.db(), userKey);
    if (!user)
        return user.error();
    auto patient = findPatient(m_ctx.db(), mrn);
    if (!patient)
        return patient.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();

    auto all = GrantRepository(m_ctx.db()).forUser(user->id);
    if (!all)
        return all.error();
    Visibility::Facts facts;
    facts.login = user.value();
    facts.patient = patient.value();
    for (const Grant& g : std::as_const(all.value())) {
        if (g.patientId == patient->id)
            facts.grants.append(g);
    }
    const bool ownLogin = user->kind == QLatin1String("patient") && user->patientId == patient->id;
    if (facts.grants.isEmpty() && !ownLogin)
        return Error::notFound(QStringLiteral("visibility.no_relation"),
                               QCoreApplication::translate("Services",
                                                           "%1 has never held access to patient %2 and is "
                                                           "not the patient's own login.")
                                   .arg(user->username, patient->mrn));
    facts.today = m_ctx.today(policy.value());
    facts.zone = policy->zone;
    facts.leapDayRule = policy->leapDayRule;
    facts.limitedSet = policy->limitedCategories;
    facts.hideBirthdays = Birthdays::hidden(m_ctx);
    if (!facts.patient.birthDate.isValid()) {
        auto ages = Birthdays::ageFacts(m_ctx, policy.value(), facts.patient, facts.grants);
        if (!ages)
            return ages.error();
        facts.bracketToday = ages->bracket;
        facts.ageRuleDue = ages->dueGrants;
    }
    if (facts.hideBirthdays) {
        Birthdays::hide(facts.login);
        for (Grant& g : facts.grants)
            Birthdays::hide(g);
    }

    VisibilityAnswer answer;
    answer.explanation = Visibility::explain(facts);
    answer.login = facts.login;
    answer.patient = facts.patient;
    answer.today = facts.today;
    answer.limitedSet = facts.limitedSet;
    auto restrictions = restrictionsOf(m_ctx, patient->id);
    if (!restrictions)
        return restrictions.error();
    for (const Restriction& r : std::as_const(restrictions.value())) {
        if (r.isActiveOn(facts.today))
            answer.restrictions.append(r);
    }
    // Whom they bar is decided on what the staff member's role reads (an agent: the name, and the grants a
    // restriction ended).
    if (const Restriction* r = RestrictionRules::barring(answer.restrictions, facts.today, user->givenName,
                                                         user->familyName, user->email))
        answer.barredBy = r->id;
    for (const Grant& g : std::as_const(facts.grants)) {
        if (answer.barredBy == 0 && g.endReason == QLatin1String("restricted") &&
            !answer.restrictions.isEmpty())
            answer.barredBy = answer.restrictions.constFirst().id;
    }
    for (const Grant& g : std::as_const(facts.grants)) {
        if (!g.isOpen() || g.basis != QLatin1String("consent"))
            continue;
        auto ends = ConsentRepository(m_ctx.db()).endsOnOfGrant(g.id);
        if (!ends)
            return ends.error();
        answer.consentEndsOn = ends.value();
    }
    if (!m_ctx.has(Role::Specialist)) {
        answer.masked = true;
        answer.login.email = maskEmail(answer.login.email);
        answer.patient.email = maskEmail(answer.patient.email);
        answer.patient.phone = maskPhone(answer.patient.phone);
        answer.patient.birthDate = QDate();
    }
    PD_TRY(m_ctx.audit(QStringLiteral("visibility.opened"), QStringLiteral("patient"), patient->id,
                       patient->id, user->id,
                       {{QStringLiteral("username"), user->username},
                        {QStringLiteral("rule"), Visibility::ruleName(answer.explanation.rule)}}));
    PD_TRY(tx.commit());
    return answer;
}

} // namespace pd
