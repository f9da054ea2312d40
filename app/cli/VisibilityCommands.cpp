// visibility USER MRN: what that login can see of that patient's record, and why (SPEC §9).
#include "cli/CliContext.h"

#include "services/VisibilityService.h"

#include <QCoreApplication>

namespace pd::CliCommands {

namespace {

QString yesNo(bool visible) {
    return visible ? QCoreApplication::translate("Cli", "yes") : QCoreApplication::translate("Cli", "no");
}

// Pads to `width` characters; a longer text keeps its length and pushes the next column along.
QString cell(const QString& text, int width) {
    return text.leftJustified(width, QLatin1Char(' '));
}

} // namespace

Status visibility(CliContext& c) {
    auto answer = VisibilityService(*c.services).explain(c.args.word(0), c.args.word(1));
    if (!answer)
        return answer.error();
    const PortalUser& u = answer->login;
    const Patient& p = answer->patient;
    const Visibility::Explanation& e = answer->explanation;

    QJsonArray grants;
    for (int i = 0; i < e.grants.size(); ++i) {
        const Visibility::GrantView& g = e.grants.at(i);
        QJsonObject j = CliJson::grant(g.grant);
        j.insert(QStringLiteral("state"), Visibility::grantStateName(g.state));
        j.insert(QStringLiteral("ended_on"),
                 g.endedOn.isValid() ? QJsonValue(g.endedOn.toString(Qt::ISODate)) : QJsonValue());
        j.insert(QStringLiteral("effective_end_reason"),
                 g.endReason.isEmpty() ? QJsonValue() : QJsonValue(g.endReason));
        j.insert(QStringLiteral("deciding"), e.hasDecidingGrant && i == 0);
        grants.append(j);
    }
    QJsonArray categories;
    for (const Visibility::CategoryRow& r : e.rows)
        categories.append(QJsonObject{{QStringLiteral("category"), r.category},
                                      {QStringLiteral("name"), r.displayName},
                                      {QStringLiteral("withheld"), r.withheld},
                                      {QStringLiteral("visible"), r.visible},
                                      {QStringLiteral("rule"), Visibility::ruleName(r.rule)},
                                      {QStringLiteral("reason"), r.reason}});
    c.json = QJsonObject{{QStringLiteral("user"), CliJson::user(u)},
                         {QStringLiteral("patient"), CliJson::patient(p)},
                         {QStringLiteral("today"), answer->today.toString(Qt::ISODate)},
                         {QStringLiteral("age"), e.age >= 0 ? QJsonValue(e.age) : QJsonValue()},
                         {QStringLiteral("bracket"), bracketName(e.bracket)},
                         {QStringLiteral("own_login"), e.ownLogin},
                         {QStringLiteral("rule"), Visibility::ruleName(e.rule)},
                         {QStringLiteral("visible_count"), e.visibleCount},
                         {QStringLiteral("summary"), e.summary},
                         {QStringLiteral("limited_set"), QJsonArray::fromStringList(answer->limitedSet)},
                         {QStringLiteral("grants"), grants},
                         {QStringLiteral("categories"), categories}};

    QJsonArray restrictions;
    for (const Restriction& r : std::as_const(answer->restrictions))
        restrictions.append(CliJson::restriction(r));
    c.json.insert(QStringLiteral("restrictions"), restrictions);
    c.json.insert(QStringLiteral("barred_by"),
                  answer->barredBy ? QJsonValue(answer->barredBy) : QJsonValue());
    restrictionBanner(c, answer->restrictions, answer->today, p.mrn);
    if (answer->barredBy)
        c.line(QCoreApplication::translate("Cli",
                                           "%1 is the person restriction #%2 bars: they see nothing of this "
                                           "record, and nothing gives them access while it is in force.")
                   .arg(u.fullName())
                   .arg(answer->barredBy));
    if (e.age >= 0)
        c.line(QCoreApplication::translate("Cli",
                                           "Login %1 (%2, %3, %4) and patient %5 (%6), %7 years old, %8, "
                                           "on %9")
                   .arg(u.username, u.fullName(), u.kind, u.status, p.mrn, p.fullName())
                   .arg(e.age)
                   .arg(bracketDisplayName(e.bracket), answer->today.toString(Qt::ISODate)));
    else
        c.line(QCoreApplication::translate("Cli", "Login %1 (%2, %3, %4) and patient %5 (%6), %7, on %8")
                   .arg(u.username, u.fullName(), u.kind, u.status, p.mrn, p.fullName(),
                        bracketDisplayName(e.bracket), answer->today.toString(Qt::ISODate)));
    c.line(e.summary);
    c.json.insert(QStringLiteral("consent_ends_on"),
                  answer->consentEndsOn.isValid() ? QJsonValue(answer->consentEndsOn.toString(Qt::ISODate))
                                                  : QJsonValue());
    if (answer->consentEndsOn.isValid())
        c.line(QCoreApplication::translate("Cli",
                                           "Access from the patient's proxy consent ends on %1, unless the "
                                           "patient signs a new one.")
                   .arg(answer->consentEndsOn.toString(Qt::ISODate)));
    c.line(QCoreApplication::translate("Cli", "Access considered:"));
    if (e.grants.isEmpty())
        c.line(QCoreApplication::translate("Cli", "  none (the patient's own login)"));
    for (int i = 0; i < e.grants.size(); ++i) {
        const Visibility::GrantView& g = e.grants.at(i);
        QString s = QStringLiteral("  %1  %2  ").arg(g.grant.level, -8).arg(g.grant.relationship, -9) +
                    QCoreApplication::translate("Cli", "since %1").arg(c.localDate(g.grant.startedAt));
        if (g.state == Visibility::GrantState::Ended)
            s += QCoreApplication::translate("Cli", "  ENDED %1 (%2)")
                     .arg(g.endedOn.toString(Qt::ISODate), g.endReason);
        else if (g.state == Visibility::GrantState::EndedByAgeRule)
            s +=
                QCoreApplication::translate("Cli", "  ENDED %1 (%2; the nightly run has not recorded it yet)")
                    .arg(g.endedOn.toString(Qt::ISODate), g.endReason);
        if (e.hasDecidingGrant && i == 0 && e.grants.size() > 1)
            s += QCoreApplication::translate("Cli", "  ← decides");
        c.line(s);
    }
    constexpr int NameWidth = 46;
    constexpr int VisibleWidth = 8;
    constexpr int RuleWidth = 19;
    c.line(cell(QCoreApplication::translate("Cli", "Category"), NameWidth) + QLatin1Char(' ') +
           cell(QCoreApplication::translate("Cli", "Visible"), VisibleWidth) + QLatin1Char(' ') +
           cell(QCoreApplication::translate("Cli", "Rule"), RuleWidth) + QLatin1Char(' ') +
           QCoreApplication::translate("Cli", "Why"));
    for (const Visibility::CategoryRow& r : e.rows)
        c.line(cell(r.displayName, NameWidth) + QLatin1Char(' ') + cell(yesNo(r.visible), VisibleWidth) +
               QLatin1Char(' ') + cell(Visibility::ruleName(r.rule), RuleWidth) + QLatin1Char(' ') +
               r.reason);
    return {};
}

} // namespace pd::CliCommands
