// Age on the hospital's calendar date: brackets, 12th/18th birthday edges, 29 February and time zones.
#include "core/AgeRules.h"

#include <QTest>

using namespace pd;

Q_DECLARE_METATYPE(pd::Bracket)
Q_DECLARE_METATYPE(pd::LeapDayRule)

namespace {

const QTimeZone LA(QByteArrayLiteral("America/Los_Angeles"));

QDateTime utc(const char* iso) {
    // Parsed with an explicit Z: a wall time read in the machine's zone could fall in its DST gap.
    return QDateTime::fromString(QString::fromLatin1(iso) + QLatin1Char('Z'), Qt::ISODate).toUTC();
}

} // namespace

class TestAgeRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void names();
    void leapDayRuleNames_data();
    void leapDayRuleNames();

    void bracketForAge_data();
    void bracketForAge();

    void ageOn_data();
    void ageOn();

    void birthdayEdgesInLosAngeles_data();
    void birthdayEdgesInLosAngeles();

    void localDate_data();
    void localDate();
    void startOfLocalDay_data();
    void startOfLocalDay();
    void invalidInputs();

    void leapDayBirthday_data();
    void leapDayBirthday();

    void nthBirthday_data();
    void nthBirthday();

    void nextTransition_data();
    void nextTransition();
};

void TestAgeRules::initTestCase() {
    QVERIFY2(LA.isValid(), "the tz database must know America/Los_Angeles");
}

void TestAgeRules::names() {
    QCOMPARE(bracketName(Bracket::Child), QStringLiteral("child"));
    QCOMPARE(bracketName(Bracket::Adolescent), QStringLiteral("adolescent"));
    QCOMPARE(bracketName(Bracket::Adult), QStringLiteral("adult"));
    QVERIFY(!bracketDisplayName(Bracket::Child).isEmpty());
    QVERIFY(bracketDisplayName(Bracket::Child) != bracketDisplayName(Bracket::Adolescent));
    QVERIFY(bracketDisplayName(Bracket::Adolescent) != bracketDisplayName(Bracket::Adult));
    QCOMPARE(leapDayRuleName(LeapDayRule::Feb28), QStringLiteral("feb28"));
    QCOMPARE(leapDayRuleName(LeapDayRule::Mar1), QStringLiteral("mar1"));
}

void TestAgeRules::leapDayRuleNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<LeapDayRule>("rule");

    QTest::newRow("feb28") << QStringLiteral("feb28") << true << LeapDayRule::Feb28;
    QTest::newRow("mar1") << QStringLiteral("mar1") << true << LeapDayRule::Mar1;
    QTest::newRow("typed with caps and spaces") << QStringLiteral(" Mar1 ") << true << LeapDayRule::Mar1;
    QTest::newRow("empty is unknown") << QString() << false << LeapDayRule::Feb28;
    QTest::newRow("feb29 is unknown") << QStringLiteral("feb29") << false << LeapDayRule::Feb28;
    QTest::newRow("march1 is unknown") << QStringLiteral("march1") << false << LeapDayRule::Feb28;
}

void TestAgeRules::leapDayRuleNames() {
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(LeapDayRule, rule);
    const auto parsed = leapDayRuleFromName(name);
    QCOMPARE(parsed.has_value(), known);
    if (known) {
        QCOMPARE(*parsed, rule);
        QCOMPARE(leapDayRuleFromName(leapDayRuleName(*parsed)), parsed);
    }
}

void TestAgeRules::bracketForAge_data() {
    QTest::addColumn<int>("age");
    QTest::addColumn<Bracket>("bracket");

    QTest::newRow("newborn is a child") << 0 << Bracket::Child;
    QTest::newRow("11 is a child") << 11 << Bracket::Child;
    QTest::newRow("12 is an adolescent") << 12 << Bracket::Adolescent;
    QTest::newRow("17 is an adolescent") << 17 << Bracket::Adolescent;
    QTest::newRow("18 is an adult") << 18 << Bracket::Adult;
    QTest::newRow("25 is an adult") << 25 << Bracket::Adult;
}

void TestAgeRules::bracketForAge() {
    QFETCH(int, age);
    QFETCH(Bracket, bracket);
    QCOMPARE(AgeRules::bracketForAge(age), bracket);
}

void TestAgeRules::ageOn_data() {
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<int>("age");

    const QDate b(2014, 6, 15);
    QTest::newRow("day of birth") << b << b << 0;
    QTest::newRow("before birth") << b << QDate(2014, 6, 14) << -1;
    QTest::newRow("day before 1st birthday") << b << QDate(2015, 6, 14) << 0;
    QTest::newRow("1st birthday") << b << QDate(2015, 6, 15) << 1;
    QTest::newRow("day before 12th birthday") << b << QDate(2026, 6, 14) << 11;
    QTest::newRow("12th birthday") << b << QDate(2026, 6, 15) << 12;
    QTest::newRow("day after 12th birthday") << b << QDate(2026, 6, 16) << 12;
    QTest::newRow("day before 18th birthday") << b << QDate(2032, 6, 14) << 17;
    QTest::newRow("18th birthday") << b << QDate(2032, 6, 15) << 18;
    QTest::newRow("day after 18th birthday") << b << QDate(2032, 6, 16) << 18;
    QTest::newRow("31 December birth, 1 January next") << QDate(2013, 12, 31) << QDate(2014, 1, 1) << 0;
}

void TestAgeRules::ageOn() {
    QFETCH(QDate, birth);
    QFETCH(QDate, on);
    QFETCH(int, age);
    QCOMPARE(AgeRules::ageOn(birth, on, LeapDayRule::Feb28), age);
    QCOMPARE(AgeRules::ageOn(birth, on, LeapDayRule::Mar1), age);
}

// The bracket is decided by the calendar date in Los Angeles of the instant, whatever the machine's zone.
// Birth date 2014-01-20: 12th birthday Tue 2026-01-20 (PST, UTC-8); born 2008-07-10: 18th birthday
// Mon 2026-07-10 (PDT, UTC-7).
void TestAgeRules::birthdayEdgesInLosAngeles_data() {
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QDate>("localDay");
    QTest::addColumn<Bracket>("bracket");

    const QDate winter(2014, 1, 20);
    QTest::newRow("12th: day before, 00:30 local")
        << winter << utc("2026-01-19T08:30:00") << QDate(2026, 1, 19) << Bracket::Child;
    QTest::newRow("12th: day before, 23:30 local")
        << winter << utc("2026-01-20T07:30:00") << QDate(2026, 1, 19) << Bracket::Child;
    QTest::newRow("12th: last second before local midnight (07:59Z)")
        << winter << utc("2026-01-20T07:59:59") << QDate(2026, 1, 19) << Bracket::Child;
    QTest::newRow("12th: local midnight (08:00Z)")
        << winter << utc("2026-01-20T08:00:00") << QDate(2026, 1, 20) << Bracket::Adolescent;
    QTest::newRow("12th: birthday, 00:30 local")
        << winter << utc("2026-01-20T08:30:00") << QDate(2026, 1, 20) << Bracket::Adolescent;
    QTest::newRow("12th: birthday, 23:30 local")
        << winter << utc("2026-01-21T07:30:00") << QDate(2026, 1, 20) << Bracket::Adolescent;
    QTest::newRow("12th: day after, 00:30 local")
        << winter << utc("2026-01-21T08:30:00") << QDate(2026, 1, 21) << Bracket::Adolescent;
    QTest::newRow("12th: day after, 23:30 local")
        << winter << utc("2026-01-22T07:30:00") << QDate(2026, 1, 21) << Bracket::Adolescent;
    QTest::newRow("12th: UTC date is the birthday, LA is not yet")
        << winter << utc("2026-01-20T03:00:00") << QDate(2026, 1, 19) << Bracket::Child;

    const QDate summer(2008, 7, 10);
    QTest::newRow("18th: day before, 00:30 local")
        << summer << utc("2026-07-09T07:30:00") << QDate(2026, 7, 9) << Bracket::Adolescent;
    QTest::newRow("18th: day before, 23:30 local")
        << summer << utc("2026-07-10T06:30:00") << QDate(2026, 7, 9) << Bracket::Adolescent;
    QTest::newRow("18th: last second before local midnight (06:59Z)")
        << summer << utc("2026-07-10T06:59:59") << QDate(2026, 7, 9) << Bracket::Adolescent;
    QTest::newRow("18th: local midnight (07:00Z)")
        << summer << utc("2026-07-10T07:00:00") << QDate(2026, 7, 10) << Bracket::Adult;
    QTest::newRow("18th: birthday, 00:30 local")
        << summer << utc("2026-07-10T07:30:00") << QDate(2026, 7, 10) << Bracket::Adult;
    QTest::newRow("18th: birthday, 23:30 local")
        << summer << utc("2026-07-11T06:30:00") << QDate(2026, 7, 10) << Bracket::Adult;
    QTest::newRow("18th: day after, 00:30 local")
        << summer << utc("2026-07-11T07:30:00") << QDate(2026, 7, 11) << Bracket::Adult;
    QTest::newRow("18th: day after, 23:30 local")
        << summer << utc("2026-07-12T06:30:00") << QDate(2026, 7, 11) << Bracket::Adult;
    QTest::newRow("18th: instant given in Tokyo time")
        << summer << QDateTime(QDate(2026, 7, 10), QTime(15, 30), QTimeZone(QByteArrayLiteral("Asia/Tokyo")))
        << QDate(2026, 7, 9) << Bracket::Adolescent;
}

void TestAgeRules::birthdayEdgesInLosAngeles() {
    QFETCH(QDate, birth);
    QFETCH(QDateTime, instant);
    QFETCH(QDate, localDay);
    QFETCH(Bracket, bracket);

    const QDate day = AgeRules::localDate(instant, LA);
    QCOMPARE(day, localDay);
    QCOMPARE(AgeRules::bracketOn(birth, day, LeapDayRule::Feb28), bracket);
    QCOMPARE(AgeRules::bracketOn(birth, day, LeapDayRule::Mar1), bracket);
}

void TestAgeRules::localDate_data() {
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");

    QTest::newRow("LA winter, before midnight")
        << utc("2026-01-01T07:59:59") << QByteArray("America/Los_Angeles") << QDate(2025, 12, 31);
    QTest::newRow("LA winter, midnight")
        << utc("2026-01-01T08:00:00") << QByteArray("America/Los_Angeles") << QDate(2026, 1, 1);
    QTest::newRow("LA summer, before midnight")
        << utc("2026-06-01T06:59:59") << QByteArray("America/Los_Angeles") << QDate(2026, 5, 31);
    QTest::newRow("LA summer, midnight")
        << utc("2026-06-01T07:00:00") << QByteArray("America/Los_Angeles") << QDate(2026, 6, 1);
    QTest::newRow("LA spring-forward day")
        << utc("2026-03-08T10:30:00") << QByteArray("America/Los_Angeles") << QDate(2026, 3, 8);
    QTest::newRow("LA fall-back day, second 01:30")
        << utc("2026-11-01T09:30:00") << QByteArray("America/Los_Angeles") << QDate(2026, 11, 1);
    QTest::newRow("Tokyo is a day ahead")
        << utc("2026-01-01T15:00:00") << QByteArray("Asia/Tokyo") << QDate(2026, 1, 2);
    QTest::newRow("UTC") << utc("2026-01-01T23:59:59") << QByteArray("UTC") << QDate(2026, 1, 1);
}

void TestAgeRules::localDate() {
    QFETCH(QDateTime, instant);
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QCOMPARE(AgeRules::localDate(instant, QTimeZone(zone)), date);
}

void TestAgeRules::startOfLocalDay_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("start");

    QTest::newRow("LA winter") << QDate(2026, 1, 20) << QByteArray("America/Los_Angeles")
                               << utc("2026-01-20T08:00:00");
    QTest::newRow("LA summer") << QDate(2026, 7, 10) << QByteArray("America/Los_Angeles")
                               << utc("2026-07-10T07:00:00");
    QTest::newRow("LA spring-forward day")
        << QDate(2026, 3, 8) << QByteArray("America/Los_Angeles") << utc("2026-03-08T08:00:00");
    QTest::newRow("LA day after spring-forward")
        << QDate(2026, 3, 9) << QByteArray("America/Los_Angeles") << utc("2026-03-09T07:00:00");
    QTest::newRow("LA fall-back day")
        << QDate(2026, 11, 1) << QByteArray("America/Los_Angeles") << utc("2026-11-01T07:00:00");
    QTest::newRow("Tokyo") << QDate(2026, 1, 20) << QByteArray("Asia/Tokyo") << utc("2026-01-19T15:00:00");
}

void TestAgeRules::startOfLocalDay() {
    QFETCH(QDate, date);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, start);

    const QDateTime got = AgeRules::startOfLocalDay(date, QTimeZone(zone));
    QCOMPARE(got, start);
    QCOMPARE(got.timeSpec(), Qt::UTC);
    QCOMPARE(AgeRules::localDate(got, QTimeZone(zone)), date);
    QCOMPARE(AgeRules::localDate(got.addSecs(-1), QTimeZone(zone)), date.addDays(-1));
}

void TestAgeRules::invalidInputs() {
    QVERIFY(!AgeRules::localDate(QDateTime(), LA).isValid());
    QVERIFY(!AgeRules::startOfLocalDay(QDate(), LA).isValid());
    QCOMPARE(AgeRules::ageOn(QDate(), QDate(2026, 1, 1), LeapDayRule::Feb28), -1);
    QCOMPARE(AgeRules::ageOn(QDate(2014, 1, 1), QDate(), LeapDayRule::Feb28), -1);
    QVERIFY(!AgeRules::nthBirthday(QDate(), 12, LeapDayRule::Feb28).isValid());
    QVERIFY(!AgeRules::nextTransition(QDate(), QDate(2026, 1, 1), LeapDayRule::Feb28).has_value());
}

// Born 29 February: in a common year the birthday is 28 February (privacy first) or 1 March (setting);
// in a leap year it is the true date under either rule.
void TestAgeRules::leapDayBirthday_data() {
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<LeapDayRule>("rule");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<int>("age");
    QTest::addColumn<Bracket>("bracket");

    // Born 2012-02-29: 12 in 2024 (a leap year), 18 in 2030 (a common year).
    const QDate b2012(2012, 2, 29);
    QTest::newRow("leap year, feb28 rule: 28 Feb is still 11")
        << b2012 << LeapDayRule::Feb28 << QDate(2024, 2, 28) << 11 << Bracket::Child;
    QTest::newRow("leap year, feb28 rule: 29 Feb turns 12")
        << b2012 << LeapDayRule::Feb28 << QDate(2024, 2, 29) << 12 << Bracket::Adolescent;
    QTest::newRow("leap year, mar1 rule: 28 Feb is still 11")
        << b2012 << LeapDayRule::Mar1 << QDate(2024, 2, 28) << 11 << Bracket::Child;
    QTest::newRow("leap year, mar1 rule: 29 Feb turns 12")
        << b2012 << LeapDayRule::Mar1 << QDate(2024, 2, 29) << 12 << Bracket::Adolescent;

    QTest::newRow("common year, feb28 rule: 27 Feb is still 17")
        << b2012 << LeapDayRule::Feb28 << QDate(2030, 2, 27) << 17 << Bracket::Adolescent;
    QTest::newRow("common year, feb28 rule: 28 Feb turns 18")
        << b2012 << LeapDayRule::Feb28 << QDate(2030, 2, 28) << 18 << Bracket::Adult;
    QTest::newRow("common year, feb28 rule: 1 Mar is 18")
        << b2012 << LeapDayRule::Feb28 << QDate(2030, 3, 1) << 18 << Bracket::Adult;
    QTest::newRow("common year, mar1 rule: 28 Feb is still 17")
        << b2012 << LeapDayRule::Mar1 << QDate(2030, 2, 28) << 17 << Bracket::Adolescent;
    QTest::newRow("common year, mar1 rule: 1 Mar turns 18")
        << b2012 << LeapDayRule::Mar1 << QDate(2030, 3, 1) << 18 << Bracket::Adult;

    const QDate b2016(2016, 2, 29); // 12 in 2028 (leap)
    QTest::newRow("born 2016-02-29, common year 2027, feb28 rule: 28 Feb turns 11")
        << b2016 << LeapDayRule::Feb28 << QDate(2027, 2, 28) << 11 << Bracket::Child;
    QTest::newRow("born 2016-02-29, common year 2027, mar1 rule: 28 Feb is still 10")
        << b2016 << LeapDayRule::Mar1 << QDate(2027, 2, 28) << 10 << Bracket::Child;
    QTest::newRow("born 2016-02-29, 12th birthday in leap 2028")
        << b2016 << LeapDayRule::Feb28 << QDate(2028, 2, 29) << 12 << Bracket::Adolescent;
    QTest::newRow("born 2016-02-29, day before 12th in leap 2028")
        << b2016 << LeapDayRule::Feb28 << QDate(2028, 2, 28) << 11 << Bracket::Child;
}

void TestAgeRules::leapDayBirthday() {
    QFETCH(QDate, birth);
    QFETCH(LeapDayRule, rule);
    QFETCH(QDate, on);
    QFETCH(int, age);
    QFETCH(Bracket, bracket);
    QCOMPARE(AgeRules::ageOn(birth, on, rule), age);
    QCOMPARE(AgeRules::bracketOn(birth, on, rule), bracket);
}

void TestAgeRules::nthBirthday_data() {
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<int>("years");
    QTest::addColumn<LeapDayRule>("rule");
    QTest::addColumn<QDate>("date");

    QTest::newRow("ordinary 12th") << QDate(2014, 6, 15) << 12 << LeapDayRule::Feb28 << QDate(2026, 6, 15);
    QTest::newRow("ordinary 18th") << QDate(2014, 6, 15) << 18 << LeapDayRule::Mar1 << QDate(2032, 6, 15);
    QTest::newRow("leap birth, 12th in leap year")
        << QDate(2012, 2, 29) << 12 << LeapDayRule::Feb28 << QDate(2024, 2, 29);
    QTest::newRow("leap birth, 18th in common year, feb28")
        << QDate(2012, 2, 29) << 18 << LeapDayRule::Feb28 << QDate(2030, 2, 28);
    QTest::newRow("leap birth, 18th in common year, mar1")
        << QDate(2012, 2, 29) << 18 << LeapDayRule::Mar1 << QDate(2030, 3, 1);
    QTest::newRow("28 Feb birth is never moved")
        << QDate(2012, 2, 28) << 18 << LeapDayRule::Mar1 << QDate(2030, 2, 28);
}

void TestAgeRules::nthBirthday() {
    QFETCH(QDate, birth);
    QFETCH(int, years);
    QFETCH(LeapDayRule, rule);
    QFETCH(QDate, date);
    QCOMPARE(AgeRules::nthBirthday(birth, years, rule), date);
    QCOMPARE(AgeRules::birthdayInYear(birth, birth.year() + years, rule), date);
    QCOMPARE(AgeRules::ageOn(birth, date, rule), years);
    QCOMPARE(AgeRules::ageOn(birth, date.addDays(-1), rule), years - 1);
}

void TestAgeRules::nextTransition_data() {
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<LeapDayRule>("rule");
    QTest::addColumn<int>("age"); // 0: none
    QTest::addColumn<QDate>("date");

    const QDate b(2014, 6, 15);
    QTest::newRow("child: next is the 12th")
        << b << QDate(2020, 1, 1) << LeapDayRule::Feb28 << 12 << QDate(2026, 6, 15);
    QTest::newRow("day before 12th") << b << QDate(2026, 6, 14) << LeapDayRule::Feb28 << 12
                                     << QDate(2026, 6, 15);
    QTest::newRow("on the 12th: strictly after, so the 18th")
        << b << QDate(2026, 6, 15) << LeapDayRule::Feb28 << 18 << QDate(2032, 6, 15);
    QTest::newRow("adolescent: next is the 18th")
        << b << QDate(2030, 1, 1) << LeapDayRule::Feb28 << 18 << QDate(2032, 6, 15);
    QTest::newRow("on the 18th: none left") << b << QDate(2032, 6, 15) << LeapDayRule::Feb28 << 0 << QDate();
    QTest::newRow("adult: none") << b << QDate(2040, 1, 1) << LeapDayRule::Feb28 << 0 << QDate();
    QTest::newRow("before birth: the 12th")
        << b << QDate(2010, 1, 1) << LeapDayRule::Feb28 << 12 << QDate(2026, 6, 15);
    QTest::newRow("leap birth, feb28 rule")
        << QDate(2012, 2, 29) << QDate(2025, 1, 1) << LeapDayRule::Feb28 << 18 << QDate(2030, 2, 28);
    QTest::newRow("leap birth, mar1 rule")
        << QDate(2012, 2, 29) << QDate(2025, 1, 1) << LeapDayRule::Mar1 << 18 << QDate(2030, 3, 1);
    QTest::newRow("leap birth, mar1 rule, on 28 Feb the 18th is still ahead")
        << QDate(2012, 2, 29) << QDate(2030, 2, 28) << LeapDayRule::Mar1 << 18 << QDate(2030, 3, 1);
    QTest::newRow("leap birth, feb28 rule, on 28 Feb it has happened")
        << QDate(2012, 2, 29) << QDate(2030, 2, 28) << LeapDayRule::Feb28 << 0 << QDate();
}

void TestAgeRules::nextTransition() {
    QFETCH(QDate, birth);
    QFETCH(QDate, on);
    QFETCH(LeapDayRule, rule);
    QFETCH(int, age);
    QFETCH(QDate, date);

    const auto next = AgeRules::nextTransition(birth, on, rule);
    QCOMPARE(next.has_value(), age != 0);
    if (next) {
        QCOMPARE(next->age, age);
        QCOMPARE(next->date, date);
        QVERIFY(AgeRules::bracketOn(birth, next->date.addDays(-1), rule) !=
                AgeRules::bracketOn(birth, next->date, rule));
    }
}

QTEST_GUILESS_MAIN(TestAgeRules)
#include "TestAgeRules.moc"
