// What a login can see of a patient, and why (SPEC §9): withheld categories, the limited set, grant
// levels, ended grants, the age rules as of today, and login statuses.
#include "core/Policy.h"
#include "core/Visibility.h"

#include <QTest>

using namespace pd;
using namespace pd::Visibility;

Q_DECLARE_METATYPE(pd::LeapDayRule)
Q_DECLARE_METATYPE(pd::Grant)

namespace {

QStringList codes(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* c : list)
        out.append(QString::fromLatin1(c));
    return out;
}

const QTimeZone LA(QByteArrayLiteral("America/Los_Angeles"));
const QDate Today(2026, 11, 24);

QDateTime laTime(int y, int m, int d, int hh = 9) {
    return QDateTime(QDate(y, m, d), QTime(hh, 0), LA).toUTC();
}

// A birth date giving `age` on Today, well away from any birthday.
QDate bornAged(int age) {
    return QDate(Today.year() - age, 6, 15);
}

Grant grant(const QString& level, const QString& bracket,
            const QString& relationship = QStringLiteral("parent"),
            const QString& basis = QStringLiteral("enrollment"), QDateTime started = laTime(2026, 7, 1)) {
    Grant g;
    g.id = 1;
    g.portalUserId = 10;
    g.patientId = 20;
    g.level = level;
    g.bracket = bracket;
    g.relationship = relationship;
    g.basis = basis;
    g.startedAt = started;
    return g;
}

Grant ended(Grant g, const QString& reason, QDateTime at = laTime(2026, 3, 2, 0)) {
    g.endedAt = at;
    g.endReason = reason;
    return g;
}

Facts facts(const QDate& birth, const QList<Grant>& grants,
            const QString& status = QStringLiteral("active")) {
    Facts f;
    f.login.id = 10;
    f.login.username = QStringLiteral("maria.lopez");
    f.login.kind = QStringLiteral("proxy");
    f.login.status = status;
    f.patient.id = 20;
    f.patient.mrn = QStringLiteral("100200");
    f.patient.birthDate = birth;
    f.grants = grants;
    f.today = Today;
    f.zone = LA;
    return f;
}

Facts ownFacts(const QDate& birth, const QList<Grant>& grants = {},
               const QString& status = QStringLiteral("active")) {
    Facts f = facts(birth, grants, status);
    f.login.kind = QStringLiteral("patient");
    f.login.patientId = f.patient.id;
    return f;
}

CategoryRow row(const Explanation& e, const QString& category) {
    for (const CategoryRow& r : e.rows) {
        if (r.category == category)
            return r;
    }
    qFatal("no row for %s", qPrintable(category));
}

QString bracketOfAge(int age) {
    return bracketName(AgeRules::bracketForAge(age));
}

} // namespace

class TestVisibility : public QObject {
    Q_OBJECT

private slots:
    void categories();
    void categoryDisplayNames();

    void bracketLevelCategoryEnding_data();
    void bracketLevelCategoryEnding();

    void withheldNeverVisible_data();
    void withheldNeverVisible();

    void limitedSetFromTheSetting_data();
    void limitedSetFromTheSetting();
    void limitedSetSetting_data();
    void limitedSetSetting();

    void ageRulesAsOfToday_data();
    void ageRulesAsOfToday();

    void loginStatuses_data();
    void loginStatuses();

    void ownLogin_data();
    void ownLogin();

    void decidingGrant_data();
    void decidingGrant();

    void reasonsReadLikeTheRules();
    void summaries_data();
    void summaries();
};

void TestVisibility::categories() {
    QCOMPARE(portalCategories(),
             codes({"messages", "virtual_visits", "lab_results", "imaging_reports", "prescription_renewals",
                    "appointments", "clinical_documents", "return_to_school_notes", "allergies",
                    "immunizations", "medications"}));
    QCOMPARE(withheldCategories(),
             codes({"sti_results", "hepatitis_results", "hiv_results", "pregnancy_birth_control",
                    "substance_treatment", "genetics", "pathology"}));
    QCOMPARE(allCategories(), portalCategories() + withheldCategories());
    for (const QString& code : defaultLimitedSet())
        QVERIFY2(isPortalCategory(code), qPrintable(code));
    QCOMPARE(defaultLimitedSet().size(), 7);
    for (const char* notLimited : {"lab_results", "imaging_reports", "clinical_documents", "virtual_visits"})
        QVERIFY(!defaultLimitedSet().contains(QString::fromLatin1(notLimited)));
    for (const QString& code : withheldCategories()) {
        QVERIFY(isWithheldCategory(code));
        QVERIFY(!isPortalCategory(code));
    }
    // Every rule has a stable code in the spec's style.
    QCOMPARE(ruleName(Rule::WithheldCategory), QStringLiteral("withheld_category"));
    QCOMPARE(ruleName(Rule::LoginNotActive), QStringLiteral("login_not_active"));
    QCOMPARE(ruleName(Rule::OwnLoginUnder12), QStringLiteral("own_login_under_12"));
    QCOMPARE(ruleName(Rule::OwnRecord), QStringLiteral("own_record"));
    QCOMPARE(ruleName(Rule::NoGrant), QStringLiteral("no_grant"));
    QCOMPARE(ruleName(Rule::GrantEnded), QStringLiteral("grant_ended"));
    QCOMPARE(ruleName(Rule::AgeRulePending), QStringLiteral("age_rule_pending"));
    QCOMPARE(ruleName(Rule::FullAccess), QStringLiteral("full_access"));
    QCOMPARE(ruleName(Rule::LimitedSet), QStringLiteral("limited_set"));
    QCOMPARE(grantStateName(GrantState::Open), QStringLiteral("open"));
    QCOMPARE(grantStateName(GrantState::Ended), QStringLiteral("ended"));
    QCOMPARE(grantStateName(GrantState::EndedByAgeRule), QStringLiteral("age_rule_pending"));
}

void TestVisibility::categoryDisplayNames() {
    QSet<QString> names;
    for (const QString& code : allCategories()) {
        const QString name = categoryDisplayName(code);
        QVERIFY2(name != code && !name.isEmpty(), qPrintable(code));
        names.insert(name);
    }
    QCOMPARE(names.size(), allCategories().size());
    QCOMPARE(categoryDisplayName(QStringLiteral("lab_results")), QStringLiteral("Lab results"));
    QCOMPARE(categoryDisplayName(QStringLiteral("clinical_documents")),
             QStringLiteral("Clinical documents and post-visit information"));
    QCOMPARE(categoryDisplayName(QStringLiteral("no_such")), QStringLiteral("no_such"));
}

// Every bracket × level × category × how the grant stands (open, or each end reason).
void TestVisibility::bracketLevelCategoryEnding_data() {
    QTest::addColumn<int>("age");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("endReason"); // empty = open
    QTest::addColumn<QString>("category");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<QString>("rule");

    const QStringList reasons = {QString(),
                                 QStringLiteral("age_12"),
                                 QStringLiteral("age_18"),
                                 QStringLiteral("deactivated"),
                                 QStringLiteral("revoked"),
                                 QStringLiteral("restricted"),
                                 QStringLiteral("consent_revoked")};
    for (const int age : {7, 14, 25}) {
        for (const char* level : {"full", "limited"}) {
            for (const QString& reason : reasons) {
                for (const QString& category : allCategories()) {
                    bool visible = false;
                    QString rule;
                    if (isWithheldCategory(category)) {
                        rule = QStringLiteral("withheld_category");
                    } else if (!reason.isEmpty()) {
                        rule = QStringLiteral("grant_ended");
                    } else if (QLatin1String(level) == QLatin1String("full")) {
                        visible = true;
                        rule = QStringLiteral("full_access");
                    } else {
                        visible = defaultLimitedSet().contains(category);
                        rule = QStringLiteral("limited_set");
                    }
                    QTest::addRow("%s %d, %s, %s: %s", qPrintable(bracketOfAge(age)), age, level,
                                  reason.isEmpty() ? "open" : qPrintable(QStringLiteral("ended ") + reason),
                                  qPrintable(category))
                        << age << QString::fromLatin1(level) << reason << category << visible << rule;
                }
            }
        }
    }
}

void TestVisibility::bracketLevelCategoryEnding() {
    QFETCH(int, age);
    QFETCH(QString, level);
    QFETCH(QString, endReason);
    QFETCH(QString, category);
    QFETCH(bool, visible);
    QFETCH(QString, rule);

    // The grant was given in the patient's bracket of today, so no age rule is due yet.
    const QString basis = age >= 18 ? QStringLiteral("consent") : QStringLiteral("enrollment");
    Grant g = grant(level, bracketOfAge(age), QStringLiteral("parent"), basis);
    if (!endReason.isEmpty())
        g = ended(g, endReason);
    const Explanation e = explain(facts(bornAged(age), {g}));
    QCOMPARE(e.age, age);
    QCOMPARE(e.rows.size(), allCategories().size());
    const CategoryRow r = row(e, category);
    QCOMPARE(r.visible, visible);
    QCOMPARE(ruleName(r.rule), rule);
    QCOMPARE(r.displayName, categoryDisplayName(category));
    QVERIFY(!r.reason.isEmpty());
    if (!endReason.isEmpty() && !r.withheld)
        QVERIFY2(r.reason.startsWith(QStringLiteral("Access ended on 2026-03-02")), qPrintable(r.reason));
}

void TestVisibility::withheldNeverVisible_data() {
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("category");
    const QStringList who = {
        QStringLiteral("patient's own login, 15"), QStringLiteral("patient's own login, 30"),
        QStringLiteral("parent of a 7-year-old, full"), QStringLiteral("legal guardian of an adult, full"),
        QStringLiteral("parent of a teen, every category in the limited set")};
    for (const QString& w : who) {
        for (const QString& category : withheldCategories())
            QTest::addRow("%s: %s", qPrintable(w), qPrintable(category)) << w << category;
    }
}

void TestVisibility::withheldNeverVisible() {
    QFETCH(QString, who);
    QFETCH(QString, category);
    Facts f;
    if (who.startsWith(QStringLiteral("patient's own login, 15")))
        f = ownFacts(bornAged(15),
                     {grant(QStringLiteral("full"), QStringLiteral("adolescent"), QStringLiteral("self"))});
    else if (who.startsWith(QStringLiteral("patient's own login, 30")))
        f = ownFacts(bornAged(30),
                     {grant(QStringLiteral("full"), QStringLiteral("adult"), QStringLiteral("self"))});
    else if (who.startsWith(QStringLiteral("parent of a 7")))
        f = facts(bornAged(7), {grant(QStringLiteral("full"), QStringLiteral("child"))});
    else if (who.startsWith(QStringLiteral("legal guardian")))
        f = facts(bornAged(30),
                  {grant(QStringLiteral("full"), QStringLiteral("adolescent"), QStringLiteral("guardian"),
                         QStringLiteral("guardianship"), laTime(2010, 1, 1))});
    else {
        f = facts(bornAged(14), {grant(QStringLiteral("limited"), QStringLiteral("adolescent"))});
        f.limitedSet = portalCategories();
    }
    const Explanation e = explain(f);
    const CategoryRow r = row(e, category);
    QVERIFY(r.withheld);
    QVERIFY(!r.visible);
    QCOMPARE(r.rule, Rule::WithheldCategory);
    QVERIFY2(r.reason.contains(QStringLiteral("never shows")), qPrintable(r.reason));
    // ... while the rest of the portal does show for every one of them.
    QCOMPARE(e.visibleCount, portalCategories().size());
}

// The hospital's setting decides what a teen's proxy sees.
void TestVisibility::limitedSetFromTheSetting_data() {
    QTest::addColumn<QString>("setting"); // empty = not set (the default)
    QTest::addColumn<QStringList>("visible");
    QTest::newRow("default") << QString()
                             << codes({"messages", "prescription_renewals", "appointments",
                                       "return_to_school_notes", "allergies", "immunizations",
                                       "medications"});
    QTest::newRow("only appointments") << "appointments" << codes({"appointments"});
    QTest::newRow("lab results added")
        << "appointments,lab_results" << codes({"lab_results", "appointments"});
    QTest::newRow("spaces, case and repeats tolerated")
        << " Messages , LAB_RESULTS,messages " << codes({"messages", "lab_results"});
    QTest::newRow("every portal category") << portalCategories().join(QLatin1Char(',')) << portalCategories();
}

void TestVisibility::limitedSetFromTheSetting() {
    QFETCH(QString, setting);
    QFETCH(QStringList, visible);
    QHash<QString, QString> values;
    if (!setting.isNull())
        values.insert(QStringLiteral("portal.limited_categories"), setting);
    const Policy policy = Policy::fromValues(values);
    Facts f = facts(bornAged(14), {grant(QStringLiteral("limited"), QStringLiteral("adolescent"))});
    f.limitedSet = policy.limitedCategories;
    const Explanation e = explain(f);
    QStringList seen;
    for (const CategoryRow& r : e.rows) {
        if (r.visible)
            seen.append(r.category);
        if (!r.withheld)
            QCOMPARE(r.rule, Rule::LimitedSet);
    }
    QCOMPARE(seen, visible);
    QCOMPARE(e.visibleCount, visible.size());
}

void TestVisibility::limitedSetSetting_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("rule");    // of parseLimitedSet
    QTest::addColumn<QString>("mention"); // in the message
    QTest::newRow("the default") << defaultLimitedSet().join(QLatin1Char(',')) << true << QString()
                                 << QString();
    QTest::newRow("one category") << "lab_results" << true << QString() << QString();
    QTest::newRow("a withheld category can't be added")
        << "appointments,hiv_results" << false << "visibility.withheld_category"
        << "hiv_results";
    QTest::newRow("pathology is withheld too") << "pathology" << false << "visibility.withheld_category"
                                               << "pathology";
    QTest::newRow("unknown code") << "appointments,lab_reslts" << false << "visibility.unknown_category"
                                  << "lab_reslts";
    QTest::newRow("display names are not codes") << "Lab results" << false << "visibility.unknown_category"
                                                 << "lab results";
    QTest::newRow("empty") << "" << false << "visibility.empty_limited_set" << QString();
    QTest::newRow("only commas") << " , ," << false << "visibility.empty_limited_set" << QString();
}

void TestVisibility::limitedSetSetting() {
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    QFETCH(QString, rule);
    QFETCH(QString, mention);
    const auto parsed = parseLimitedSet(value);
    QCOMPARE(parsed.ok(), accepted);
    const Status checked = Policy::validate(QStringLiteral("portal.limited_categories"), value);
    QCOMPARE(checked.ok(), accepted);
    if (!accepted) {
        QCOMPARE(parsed.error().rule, rule);
        QCOMPARE(checked.error().rule, QStringLiteral("settings.value"));
        QVERIFY2(checked.error().message.contains(mention), qPrintable(checked.error().message));
        // A value that slipped into the table anyway falls back to the default.
        QCOMPARE(Policy::fromValues({{QStringLiteral("portal.limited_categories"), value}}).limitedCategories,
                 parseLimitedSet(defaultLimitedSet().join(QLatin1Char(','))).value());
    }
    bool listed = false;
    for (const SettingSpec& spec : Policy::catalog()) {
        if (spec.key == QLatin1String("portal.limited_categories")) {
            listed = true;
            QCOMPARE(spec.defaultValue,
                     QStringLiteral("appointments,immunizations,allergies,medications,"
                                    "prescription_renewals,return_to_school_notes,messages"));
            QVERIFY(!spec.description.isEmpty());
        }
    }
    QVERIFY(listed);
}

// The 12th and 18th birthdays end grants as of today, whether or not the nightly run has caught up.
void TestVisibility::ageRulesAsOfToday_data() {
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("grantBracket");
    QTest::addColumn<QString>("relationship");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QDateTime>("started");
    QTest::addColumn<LeapDayRule>("leap");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("endReason"); // as the explanation reads it; empty = still open
    QTest::addColumn<QDate>("endedOn");

    const QString en = QStringLiteral("enrollment");
    const QDateTime early = laTime(2020, 1, 10);
    QTest::newRow("child grant, the day before the 12th birthday: full")
        << QDate(2014, 11, 25) << Today << "child"
        << "parent" << en << "full" << early << LeapDayRule::Feb28 << "full_access" << QString() << QDate();
    QTest::newRow("child grant, on the 12th birthday: ended by the age rule")
        << QDate(2014, 11, 24) << Today << "child"
        << "parent" << en << "full" << early << LeapDayRule::Feb28 << "age_rule_pending"
        << "age_12" << QDate(2026, 11, 24);
    QTest::newRow("child grant, 12th birthday months ago and no nightly run since")
        << QDate(2014, 3, 2) << Today << "child"
        << "guardian" << en << "full" << early << LeapDayRule::Feb28 << "age_rule_pending"
        << "age_12" << QDate(2026, 3, 2);
    QTest::newRow("child grant, patient now 19: the 12th birthday ended it")
        << QDate(2007, 5, 1) << Today << "child"
        << "parent" << en << "full" << laTime(2012, 1, 10) << LeapDayRule::Feb28 << "age_rule_pending"
        << "age_12" << QDate(2019, 5, 1);
    QTest::newRow("child-bracket grant that began on the 12th birthday is not ended by it")
        << QDate(2014, 11, 24) << Today << "child"
        << "parent" << en << "full" << laTime(2026, 11, 24) << LeapDayRule::Feb28 << "full_access"
        << QString() << QDate();
    QTest::newRow("teen's parent, the day before the 18th birthday: limited")
        << QDate(2008, 11, 25) << Today << "adolescent"
        << "parent" << en << "limited" << early << LeapDayRule::Feb28 << "limited_set" << QString()
        << QDate();
    QTest::newRow("teen's parent, on the 18th birthday: ended by the age rule")
        << QDate(2008, 11, 24) << Today << "adolescent"
        << "parent" << en << "limited" << early << LeapDayRule::Feb28 << "age_rule_pending"
        << "age_18" << QDate(2026, 11, 24);
    QTest::newRow("legal guardian by court papers: not ended at 18")
        << QDate(2008, 11, 24) << Today << "adolescent"
        << "guardian"
        << "guardianship"
        << "full" << early << LeapDayRule::Feb28 << "full_access" << QString() << QDate();
    QTest::newRow("adult proxy consent: no age rule")
        << QDate(2001, 1, 1) << Today << "adult"
        << "parent"
        << "consent"
        << "full" << early << LeapDayRule::Feb28 << "full_access" << QString() << QDate();
    QTest::newRow("29 February, common year, feb28 rule: 18 on 28 February")
        << QDate(2008, 2, 29) << QDate(2026, 2, 28) << "adolescent"
        << "parent" << en << "limited" << early << LeapDayRule::Feb28 << "age_rule_pending"
        << "age_18" << QDate(2026, 2, 28);
    QTest::newRow("29 February, common year, mar1 rule: still 17 on 28 February")
        << QDate(2008, 2, 29) << QDate(2026, 2, 28) << "adolescent"
        << "parent" << en << "limited" << early << LeapDayRule::Mar1 << "limited_set" << QString() << QDate();
    QTest::newRow("29 February, common year, mar1 rule: 18 on 1 March")
        << QDate(2008, 2, 29) << QDate(2026, 3, 1) << "adolescent"
        << "parent" << en << "limited" << early << LeapDayRule::Mar1 << "age_rule_pending"
        << "age_18" << QDate(2026, 3, 1);
}

void TestVisibility::ageRulesAsOfToday() {
    QFETCH(QDate, birth);
    QFETCH(QDate, today);
    QFETCH(QString, grantBracket);
    QFETCH(QString, relationship);
    QFETCH(QString, basis);
    QFETCH(QString, level);
    QFETCH(QDateTime, started);
    QFETCH(LeapDayRule, leap);
    QFETCH(QString, rule);
    QFETCH(QString, endReason);
    QFETCH(QDate, endedOn);

    Facts f = facts(birth, {grant(level, grantBracket, relationship, basis, started)});
    f.today = today;
    f.leapDayRule = leap;
    const Explanation e = explain(f);
    QCOMPARE(ruleName(e.rule), rule);
    QVERIFY(e.hasDecidingGrant);
    const GrantView& g = e.grants.first();
    QCOMPARE(g.state, endReason.isEmpty() ? GrantState::Open : GrantState::EndedByAgeRule);
    QCOMPARE(g.endReason, endReason);
    QCOMPARE(g.endedOn, endedOn);
    const CategoryRow r = row(e, QStringLiteral("appointments"));
    QCOMPARE(ruleName(r.rule), rule);
    if (!endReason.isEmpty()) {
        QVERIFY(!r.visible);
        const QString birthday =
            endReason == QLatin1String("age_12") ? QStringLiteral("12th") : QStringLiteral("18th");
        QVERIFY2(r.reason.startsWith(QStringLiteral("Access ended on %1 at the patient's %2 birthday")
                                         .arg(endedOn.toString(Qt::ISODate), birthday)),
                 qPrintable(r.reason));
        QVERIFY2(r.reason.contains(QStringLiteral("nightly run has not recorded")), qPrintable(r.reason));
        QCOMPARE(e.visibleCount, 0);
    } else {
        QVERIFY(r.visible);
    }
    // The same birthday, once the nightly run has recorded it, reads as an ended grant.
    if (!endReason.isEmpty()) {
        Grant recorded = grant(level, grantBracket, relationship, basis, started);
        recorded = ended(recorded, endReason, AgeRules::startOfLocalDay(endedOn, LA));
        f.grants = {recorded};
        const Explanation after = explain(f);
        QCOMPARE(after.rule, Rule::GrantEnded);
        QCOMPARE(after.grants.first().endedOn, endedOn);
        QVERIFY(!row(after, QStringLiteral("appointments")).reason.contains(QStringLiteral("nightly")));
    }
}

void TestVisibility::loginStatuses_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("endReason"); // of the proxy's only grant; empty = open
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("reasonHas");
    QTest::newRow("active") << "active" << QString() << "full_access"
                            << "includes";
    QTest::newRow("pending: not activated yet") << "pending" << QString() << "login_not_active"
                                                << "not been activated";
    QTest::newRow("deactivated") << "deactivated" << QString() << "login_not_active"
                                 << "deactivated on 2026-10-05";
    QTest::newRow("terminated") << "terminated" << QString() << "login_not_active"
                                << "terminated on 2026-10-05";
    QTest::newRow("terminated after the 12th birthday: the ended grant is the reason") << "terminated"
                                                                                       << "age_12"
                                                                                       << "grant_ended"
                                                                                       << "12th birthday";
    QTest::newRow("pending but the grant was revoked: activating would not help") << "pending"
                                                                                  << "revoked"
                                                                                  << "grant_ended"
                                                                                  << "revoked";
}

void TestVisibility::loginStatuses() {
    QFETCH(QString, status);
    QFETCH(QString, endReason);
    QFETCH(QString, rule);
    QFETCH(QString, reasonHas);
    Grant g = grant(QStringLiteral("full"), QStringLiteral("child"));
    if (!endReason.isEmpty())
        g = ended(g, endReason);
    Facts f = facts(bornAged(7), {g}, status);
    f.login.statusChangedAt = laTime(2026, 10, 5, 23); // late evening in Los Angeles, next day in UTC
    const Explanation e = explain(f);
    QCOMPARE(ruleName(e.rule), rule);
    for (const CategoryRow& r : e.rows) {
        if (r.withheld)
            continue;
        QCOMPARE(ruleName(r.rule), rule);
        QCOMPARE(r.visible, rule == QLatin1String("full_access"));
        QVERIFY2(r.reason.contains(reasonHas), qPrintable(r.reason));
    }
}

void TestVisibility::ownLogin_data() {
    QTest::addColumn<int>("age");
    QTest::addColumn<QString>("selfGrantEnd"); // "none" = no grant row; empty = open
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("visibleCount");
    QTest::newRow("teen's own login sees everything but the withheld") << 15 << QString() << "active"
                                                                       << "own_record" << 11;
    QTest::newRow("adult's own login, 18 today") << 18 << QString() << "active"
                                                 << "own_record" << 11;
    QTest::newRow("adult's own login with no grant row") << 30 << "none"
                                                         << "active"
                                                         << "own_record" << 11;
    QTest::newRow("own login not activated yet") << 15 << QString() << "pending"
                                                 << "login_not_active" << 0;
    QTest::newRow("own login deactivated") << 15 << QString() << "deactivated"
                                           << "login_not_active" << 0;
    QTest::newRow("own grant revoked") << 15 << "revoked"
                                       << "active"
                                       << "grant_ended" << 0;
    QTest::newRow("a child has no login of their own") << 9 << "none"
                                                       << "active"
                                                       << "own_login_under_12" << 0;
}

void TestVisibility::ownLogin() {
    QFETCH(int, age);
    QFETCH(QString, selfGrantEnd);
    QFETCH(QString, status);
    QFETCH(QString, rule);
    QFETCH(int, visibleCount);
    QList<Grant> grants;
    if (selfGrantEnd != QLatin1String("none")) {
        Grant g = grant(QStringLiteral("full"), bracketOfAge(age), QStringLiteral("self"),
                        QStringLiteral("enrollment"), laTime(2026, 7, 1));
        if (!selfGrantEnd.isEmpty())
            g = ended(g, selfGrantEnd, laTime(2026, 8, 1));
        grants.append(g);
    }
    const Explanation e = explain(ownFacts(age == 18 ? Today.addYears(-18) : bornAged(age), grants, status));
    QVERIFY(e.ownLogin);
    QCOMPARE(ruleName(e.rule), rule);
    QCOMPARE(e.visibleCount, visibleCount);
    for (const QString& code : withheldCategories())
        QVERIFY(!row(e, code).visible);
}

// A login may hold several grants to one patient over time; the one in force decides.
void TestVisibility::decidingGrant_data() {
    QTest::addColumn<QList<Grant>>("grants");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("decidingLevel");
    const Grant childFull = grant(QStringLiteral("full"), QStringLiteral("child"), QStringLiteral("parent"),
                                  QStringLiteral("enrollment"), laTime(2016, 1, 4));
    const Grant teenLimited = grant(QStringLiteral("limited"), QStringLiteral("adolescent"));
    QTest::newRow("no grant at all") << QList<Grant>() << "no_grant" << QString();
    QTest::newRow("re-enrolled after the 12th birthday: the new limited grant decides")
        << QList<Grant>({ended(childFull, QStringLiteral("age_12"), laTime(2024, 6, 15, 0)), teenLimited})
        << "limited_set"
        << "limited";
    QTest::newRow("12th birthday not yet recorded, already re-enrolled: limited")
        << QList<Grant>({childFull, teenLimited}) << "limited_set"
        << "limited";
    QTest::newRow("two ended grants: the latest end explains")
        << QList<Grant>({ended(childFull, QStringLiteral("age_12"), laTime(2024, 6, 15, 0)),
                         ended(teenLimited, QStringLiteral("restricted"), laTime(2026, 9, 9))})
        << "grant_ended"
        << "limited";
}

void TestVisibility::decidingGrant() {
    QFETCH(QList<Grant>, grants);
    QFETCH(QString, rule);
    QFETCH(QString, decidingLevel);
    const Explanation e = explain(facts(bornAged(14), grants));
    QCOMPARE(ruleName(e.rule), rule);
    QCOMPARE(e.grants.size(), grants.size());
    QCOMPARE(e.hasDecidingGrant, !grants.isEmpty());
    if (e.hasDecidingGrant)
        QCOMPARE(e.grants.first().grant.level, decidingLevel);
}

void TestVisibility::reasonsReadLikeTheRules() {
    const Explanation teen =
        explain(facts(bornAged(14), {grant(QStringLiteral("limited"), QStringLiteral("adolescent"))}));
    QCOMPARE(row(teen, QStringLiteral("lab_results")).reason,
             QStringLiteral(
                 "Proxies of a patient aged 12–17 see only the limited set; lab results are not in it."));
    QCOMPARE(
        row(teen, QStringLiteral("immunizations")).reason,
        QStringLiteral("Proxies of a patient aged 12–17 see only the limited set; immunizations are in it."));
    QCOMPARE(
        row(teen, QStringLiteral("hiv_results")).reason,
        QStringLiteral("The portal never shows HIV results, to anyone: the hospital withholds this sensitive "
                       "category."));

    const Explanation afterTwelve =
        explain(facts(QDate(2014, 3, 2),
                      {ended(grant(QStringLiteral("full"), QStringLiteral("child"), QStringLiteral("parent"),
                                   QStringLiteral("enrollment"), laTime(2020, 1, 1)),
                             QStringLiteral("age_12"), AgeRules::startOfLocalDay(QDate(2026, 3, 2), LA))}));
    QCOMPARE(
        row(afterTwelve, QStringLiteral("appointments")).reason,
        QStringLiteral("Access ended on 2026-03-02 at the patient's 12th birthday. The family must re-enroll "
                       "with the adolescent forms."));

    const Explanation child =
        explain(facts(bornAged(7), {grant(QStringLiteral("full"), QStringLiteral("child"))}));
    QCOMPARE(row(child, QStringLiteral("lab_results")).reason,
             QStringLiteral("Proxies of a patient aged 0–11 have full access, which includes lab results."));

    const Explanation none = explain(facts(bornAged(7), {}));
    QCOMPARE(row(none, QStringLiteral("messages")).reason,
             QStringLiteral("This login holds no access grant to this patient."));
}

void TestVisibility::summaries_data() {
    QTest::addColumn<int>("age");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("summary");
    QTest::newRow("child, full") << 7 << "full"
                                 << "Full access: sees all 11 portal categories; the 7 withheld sensitive "
                                    "categories are never shown.";
    QTest::newRow("teen, limited") << 14 << "limited"
                                   << "Limited access: sees 7 of the 11 portal categories (the hospital's "
                                      "limited set); the 7 withheld sensitive categories are never shown.";
    QTest::newRow("no grant")
        << 14 << QString()
        << "Sees nothing of this patient. This login holds no access grant to this patient.";
}

void TestVisibility::summaries() {
    QFETCH(int, age);
    QFETCH(QString, level);
    QFETCH(QString, summary);
    QList<Grant> grants;
    if (!level.isEmpty())
        grants.append(grant(level, bracketOfAge(age)));
    QCOMPARE(explain(facts(bornAged(age), grants)).summary, summary);
}

QTEST_GUILESS_MAIN(TestVisibility)
#include "TestVisibility.moc"
