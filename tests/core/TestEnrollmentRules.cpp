// Which enrollment form each age bracket takes, and the access level it gives (SPEC §2, §3).
#include "core/EnrollmentRules.h"

#include <QTest>

using namespace pd;

Q_DECLARE_METATYPE(pd::Bracket)
Q_DECLARE_METATYPE(pd::FormKind)
Q_DECLARE_METATYPE(pd::AccessLevel)

class TestEnrollmentRules : public QObject {
    Q_OBJECT

private slots:
    void names();
    void formKindFromName_data();
    void formKindFromName();

    void check_data();
    void check();
    void refusalsExplainThemselves();
};

void TestEnrollmentRules::names() {
    QCOMPARE(formKindName(FormKind::Parent), QStringLiteral("parent"));
    QCOMPARE(formKindName(FormKind::Patient), QStringLiteral("patient"));
    QCOMPARE(accessLevelName(AccessLevel::Full), QStringLiteral("full"));
    QCOMPARE(accessLevelName(AccessLevel::Limited), QStringLiteral("limited"));
}

void TestEnrollmentRules::formKindFromName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<FormKind>("kind");

    QTest::newRow("parent") << QStringLiteral("parent") << true << FormKind::Parent;
    QTest::newRow("patient") << QStringLiteral("patient") << true << FormKind::Patient;
    QTest::newRow("caps and spaces") << QStringLiteral(" Patient ") << true << FormKind::Patient;
    QTest::newRow("guardian is not a form kind") << QStringLiteral("guardian") << false << FormKind::Parent;
    QTest::newRow("empty") << QString() << false << FormKind::Parent;
}

void TestEnrollmentRules::formKindFromName() {
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(FormKind, kind);
    const auto parsed = pd::formKindFromName(name);
    QCOMPARE(parsed.has_value(), known);
    if (known)
        QCOMPARE(*parsed, kind);
}

void TestEnrollmentRules::check_data() {
    QTest::addColumn<Bracket>("signedIn");
    QTest::addColumn<Bracket>("today");
    QTest::addColumn<FormKind>("form");
    QTest::addColumn<bool>("parentOnFile");
    QTest::addColumn<bool>("supervisor");
    QTest::addColumn<QString>("rule"); // empty: accepted
    QTest::addColumn<AccessLevel>("level");

    const auto C = Bracket::Child;
    const auto T = Bracket::Adolescent;
    const auto A = Bracket::Adult;
    const auto Pa = FormKind::Parent;
    const auto Pt = FormKind::Patient;
    const auto Full = AccessLevel::Full;
    const auto Lim = AccessLevel::Limited;
    const QString ok;

    // Child 0–11: parent/guardian form → full; a patient form is refused.
    QTest::newRow("child, parent form: full") << C << C << Pa << false << false << ok << Full;
    QTest::newRow("child, patient form: refused")
        << C << C << Pt << false << false << QStringLiteral("enrollment.patient_form_under_12") << Full;
    QTest::newRow("child, patient form: an override does not help")
        << C << C << Pt << true << true << QStringLiteral("enrollment.patient_form_under_12") << Full;

    // Adolescent 12–17: parent form → limited; the patient's own form needs a parent form or an override.
    QTest::newRow("adolescent, parent form: limited") << T << T << Pa << false << false << ok << Lim;
    QTest::newRow("adolescent, patient form with parent form on file: full")
        << T << T << Pt << true << false << ok << Full;
    QTest::newRow("adolescent, patient form with supervisor override: full")
        << T << T << Pt << false << true << ok << Full;
    QTest::newRow("adolescent, patient form alone: refused")
        << T << T << Pt << false << false << QStringLiteral("enrollment.adolescent_needs_parent") << Full;

    // Adult 18+: patient form → full; a proxy only through a proxy consent.
    QTest::newRow("adult, patient form: full") << A << A << Pt << false << false << ok << Full;
    QTest::newRow("adult, parent form: refused")
        << A << A << Pa << false << false << QStringLiteral("enrollment.parent_form_adult") << Full;
    QTest::newRow("adult, parent form: an override does not help")
        << A << A << Pa << true << true << QStringLiteral("enrollment.parent_form_adult") << Full;

    // Signed before the 12th or 18th birthday: new forms for today's bracket, checked before anything else.
    QTest::newRow("signed as child, 12 today, parent form")
        << C << T << Pa << false << false << QStringLiteral("enrollment.bracket_changed") << Full;
    QTest::newRow("signed as child, 12 today, patient form")
        << C << T << Pt << true << true << QStringLiteral("enrollment.bracket_changed") << Full;
    QTest::newRow("signed as adolescent, 18 today, patient form")
        << T << A << Pt << true << false << QStringLiteral("enrollment.bracket_changed") << Full;
    QTest::newRow("signed as adolescent, 18 today, parent form")
        << T << A << Pa << false << false << QStringLiteral("enrollment.bracket_changed") << Full;
    QTest::newRow("signed as child, adult today")
        << C << A << Pa << false << false << QStringLiteral("enrollment.bracket_changed") << Full;
}

void TestEnrollmentRules::check() {
    QFETCH(Bracket, signedIn);
    QFETCH(Bracket, today);
    QFETCH(FormKind, form);
    QFETCH(bool, parentOnFile);
    QFETCH(bool, supervisor);
    QFETCH(QString, rule);
    QFETCH(AccessLevel, level);

    EnrollmentFacts facts;
    facts.bracketWhenSigned = signedIn;
    facts.bracketToday = today;
    facts.form = form;
    facts.parentFormOnFile = parentOnFile;
    facts.supervisorOverride = supervisor;

    const Result<AccessLevel> r = EnrollmentRules::check(facts);
    if (rule.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().rule));
        QCOMPARE(r.value(), level);
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Validation);
        QCOMPARE(r.error().rule, rule);
        QVERIFY(!r.error().message.isEmpty());
    }
}

void TestEnrollmentRules::refusalsExplainThemselves() {
    EnrollmentFacts child;
    child.form = FormKind::Patient;
    const auto under12 = EnrollmentRules::check(child);
    QVERIFY(!under12.ok());
    QVERIFY(under12.error().message.contains(QStringLiteral("under 12")));
    QVERIFY(under12.error().message.contains(QStringLiteral("parent or guardian")));

    EnrollmentFacts turned12;
    turned12.bracketWhenSigned = Bracket::Child;
    turned12.bracketToday = Bracket::Adolescent;
    const auto changed = EnrollmentRules::check(turned12);
    QVERIFY(!changed.ok());
    QVERIFY(changed.error().message.contains(QStringLiteral("12th birthday")));

    EnrollmentFacts turned18;
    turned18.bracketWhenSigned = Bracket::Adolescent;
    turned18.bracketToday = Bracket::Adult;
    turned18.form = FormKind::Patient;
    const auto changed18 = EnrollmentRules::check(turned18);
    QVERIFY(!changed18.ok());
    QVERIFY(changed18.error().message.contains(QStringLiteral("18th birthday")));

    EnrollmentFacts adult;
    adult.bracketWhenSigned = adult.bracketToday = Bracket::Adult;
    adult.form = FormKind::Parent;
    const auto proxy = EnrollmentRules::check(adult);
    QVERIFY(!proxy.ok());
    QVERIFY(proxy.error().message.contains(QStringLiteral("proxy consent")));
}

QTEST_GUILESS_MAIN(TestEnrollmentRules)
#include "TestEnrollmentRules.moc"
