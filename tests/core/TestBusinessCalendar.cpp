// Business days, HIM hours and federal holidays in the hospital's zone; due times for requests (SPEC §5).
#include "core/BusinessCalendar.h"

#include <QTest>

#include <algorithm>

using namespace pd;

namespace {

const QTimeZone LA(QByteArrayLiteral("America/Los_Angeles"));

QDateTime utc(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso) + QLatin1Char('Z'), Qt::ISODate).toUTC();
}

QDateTime la(const char* iso) {
    const QDateTime wall = QDateTime::fromString(QString::fromLatin1(iso) + QLatin1Char('Z'), Qt::ISODate);
    return QDateTime(wall.date(), wall.time(), LA);
}

QDate d(const char* iso) {
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TestBusinessCalendar : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void federalHolidays_data();
    void federalHolidays();
    void elevenHolidaysEveryYear();
    void newYearObservedInPreviousYear();

    void businessDays_data();
    void businessDays();
    void nextBusinessDay_data();
    void nextBusinessDay();

    void dueAt_data();
    void dueAt();
    void dueAtCustomHours();
    void dueAtInvalid();

    void hospitalTable_data();
    void hospitalTable();
    void latestTableEditWins();
};

void TestBusinessCalendar::initTestCase() {
    QVERIFY2(LA.isValid(), "the tz database must know America/Los_Angeles");
}

void TestBusinessCalendar::federalHolidays_data() {
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QDate>("actual");
    QTest::addColumn<QDate>("observed");

    const auto row = [](int year, const char* name, const char* actual, const char* observed) {
        QTest::addRow("%d %s", year, name) << year << QString::fromLatin1(name) << d(actual) << d(observed);
    };
    row(2026, "New Year's Day", "2026-01-01", "2026-01-01");
    row(2026, "Martin Luther King Jr. Day", "2026-01-19", "2026-01-19");
    row(2026, "Washington's Birthday", "2026-02-16", "2026-02-16");
    row(2026, "Memorial Day", "2026-05-25", "2026-05-25");
    row(2026, "Juneteenth National Independence Day", "2026-06-19", "2026-06-19");
    row(2026, "Independence Day", "2026-07-04", "2026-07-03"); // Saturday → Friday
    row(2026, "Labor Day", "2026-09-07", "2026-09-07");
    row(2026, "Columbus Day", "2026-10-12", "2026-10-12");
    row(2026, "Veterans Day", "2026-11-11", "2026-11-11");
    row(2026, "Thanksgiving Day", "2026-11-26", "2026-11-26");
    row(2026, "Christmas Day", "2026-12-25", "2026-12-25");

    row(2027, "New Year's Day", "2027-01-01", "2027-01-01");
    row(2027, "Martin Luther King Jr. Day", "2027-01-18", "2027-01-18");
    row(2027, "Washington's Birthday", "2027-02-15", "2027-02-15");
    row(2027, "Memorial Day", "2027-05-31", "2027-05-31"); // 31 May is itself the last Monday
    row(2027, "Juneteenth National Independence Day", "2027-06-19", "2027-06-18"); // Saturday → Friday
    row(2027, "Independence Day", "2027-07-04", "2027-07-05");                     // Sunday → Monday
    row(2027, "Labor Day", "2027-09-06", "2027-09-06");
    row(2027, "Columbus Day", "2027-10-11", "2027-10-11");
    row(2027, "Veterans Day", "2027-11-11", "2027-11-11");
    row(2027, "Thanksgiving Day", "2027-11-25", "2027-11-25");
    row(2027, "Christmas Day", "2027-12-25", "2027-12-24"); // Saturday → Friday

    row(2028, "New Year's Day", "2028-01-01", "2027-12-31"); // Saturday → Friday of the year before
    row(2028, "Veterans Day", "2028-11-11", "2028-11-10");
}

void TestBusinessCalendar::federalHolidays() {
    QFETCH(int, year);
    QFETCH(QString, name);
    QFETCH(QDate, actual);
    QFETCH(QDate, observed);

    const QList<Holiday> list = BusinessCalendar::federalHolidays(year);
    const auto it =
        std::find_if(list.cbegin(), list.cend(), [&](const Holiday& h) { return h.name == name; });
    QVERIFY2(it != list.cend(), qPrintable(name));
    QCOMPARE(it->actual, actual);
    QCOMPARE(it->date, observed);

    const BusinessCalendar cal(LA);
    QVERIFY(cal.isHoliday(observed));
    QVERIFY(!cal.isBusinessDay(observed));
    if (actual != observed) {
        // The weekend day itself is not what closes the hospital; the observed weekday is.
        QVERIFY(!cal.isHoliday(actual));
        QVERIFY(!cal.isBusinessDay(actual));
    }
}

void TestBusinessCalendar::elevenHolidaysEveryYear() {
    for (int year = 2024; year <= 2035; ++year) {
        const QList<Holiday> list = BusinessCalendar::federalHolidays(year);
        QCOMPARE(list.size(), 11);
        for (const Holiday& h : list) {
            QVERIFY(h.actual.isValid());
            QCOMPARE(h.actual.year(), year);
            QVERIFY2(h.date.dayOfWeek() <= Qt::Friday, qPrintable(h.name));
            QVERIFY(qAbs(h.actual.daysTo(h.date)) <= 1);
            QVERIFY(!h.name.isEmpty());
        }
    }
}

void TestBusinessCalendar::newYearObservedInPreviousYear() {
    const BusinessCalendar cal(LA);
    QVERIFY(cal.isHoliday(d("2027-12-31")));
    QVERIFY(!cal.isBusinessDay(d("2027-12-31")));
    // 2027's own list doesn't hold it; 2028's does.
    for (const Holiday& h : BusinessCalendar::federalHolidays(2027))
        QVERIFY(h.date != d("2027-12-31"));
    QVERIFY(cal.isBusinessDay(d("2027-12-30")));
    QCOMPARE(cal.nextBusinessDay(d("2027-12-30")), d("2028-01-03"));
}

void TestBusinessCalendar::businessDays_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("business");

    QTest::newRow("ordinary Monday") << d("2026-01-12") << true;
    QTest::newRow("ordinary Friday") << d("2026-01-16") << true;
    QTest::newRow("Saturday") << d("2026-01-17") << false;
    QTest::newRow("Sunday") << d("2026-01-18") << false;
    QTest::newRow("MLK Day") << d("2026-01-19") << false;
    QTest::newRow("Thanksgiving") << d("2026-11-26") << false;
    QTest::newRow("Friday after Thanksgiving is not a federal holiday") << d("2026-11-27") << true;
    QTest::newRow("Christmas Eve 2026 is a working Thursday") << d("2026-12-24") << true;
    QTest::newRow("Christmas Eve 2027 is the observed Christmas") << d("2027-12-24") << false;
    QTest::newRow("DST starts (Sunday)") << d("2026-03-08") << false;
    QTest::newRow("Monday after DST starts") << d("2026-03-09") << true;
    QTest::newRow("invalid date") << QDate() << false;
}

void TestBusinessCalendar::businessDays() {
    QFETCH(QDate, date);
    QFETCH(bool, business);
    QCOMPARE(BusinessCalendar(LA).isBusinessDay(date), business);
}

void TestBusinessCalendar::nextBusinessDay_data() {
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("next");

    QTest::newRow("Monday → Tuesday") << d("2026-01-12") << d("2026-01-13");
    QTest::newRow("Friday → Monday") << d("2026-01-09") << d("2026-01-12");
    QTest::newRow("Saturday → Monday") << d("2026-01-10") << d("2026-01-12");
    QTest::newRow("Friday before MLK → Tuesday") << d("2027-01-15") << d("2027-01-19");
    QTest::newRow("Wednesday before Thanksgiving → Friday") << d("2026-11-25") << d("2026-11-27");
    QTest::newRow("Thursday before observed Independence Day → Monday") << d("2026-07-02") << d("2026-07-06");
    QTest::newRow("Friday before observed Independence Day 2027 → Tuesday")
        << d("2027-07-02") << d("2027-07-06");
    QTest::newRow("Thursday before observed Juneteenth 2027 → Monday") << d("2027-06-17") << d("2027-06-21");
    QTest::newRow("Thursday before observed Christmas 2027 → Monday") << d("2027-12-23") << d("2027-12-27");
}

void TestBusinessCalendar::nextBusinessDay() {
    QFETCH(QDate, from);
    QFETCH(QDate, next);
    QCOMPARE(BusinessCalendar(LA).nextBusinessDay(from), next);
}

// Two business days of HIM time (Mon–Fri 07:00–16:00 Los Angeles) from arrival, or from the next opening.
void TestBusinessCalendar::dueAt_data() {
    QTest::addColumn<QDateTime>("received");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDateTime>("due");

    QTest::newRow("Mon 10:00 → Wed 10:00") << la("2026-01-12T10:00:00") << 2 << la("2026-01-14T10:00:00");
    QTest::newRow("Mon 10:00 is 18:00Z → Wed 18:00Z")
        << utc("2026-01-12T18:00:00") << 2 << utc("2026-01-14T18:00:00");
    QTest::newRow("Tue 07:00 opening → Wed 16:00 close")
        << la("2026-01-13T07:00:00") << 2 << la("2026-01-14T16:00:00");
    QTest::newRow("Tue 07:00:30 → Thu 07:00:30")
        << la("2026-01-13T07:00:30") << 2 << la("2026-01-15T07:00:30");
    QTest::newRow("Mon 06:59 before opening → Tue 16:00")
        << la("2026-01-12T06:59:00") << 2 << la("2026-01-13T16:00:00");
    QTest::newRow("Mon 00:30 before opening → Tue 16:00")
        << la("2026-01-12T00:30:00") << 2 << la("2026-01-13T16:00:00");
    QTest::newRow("Mon 15:59:59 → Wed 15:59:59")
        << la("2026-01-12T15:59:59") << 2 << la("2026-01-14T15:59:59");
    QTest::newRow("Mon 16:00 closing → Wed 16:00")
        << la("2026-01-12T16:00:00") << 2 << la("2026-01-14T16:00:00");
    QTest::newRow("Mon 23:30 after hours → Wed 16:00")
        << la("2026-01-12T23:30:00") << 2 << la("2026-01-14T16:00:00");
    QTest::newRow("Fri 16:30 → Tue 16:00") << la("2026-01-09T16:30:00") << 2 << la("2026-01-13T16:00:00");
    QTest::newRow("Fri 07:00 opening → Mon 16:00")
        << la("2026-01-09T07:00:00") << 2 << la("2026-01-12T16:00:00");
    QTest::newRow("Fri 16:00 closing → Tue 16:00")
        << la("2026-01-09T16:00:00") << 2 << la("2026-01-13T16:00:00");
    QTest::newRow("Fri 15:00 → Tue 15:00") << la("2026-01-09T15:00:00") << 2 << la("2026-01-13T15:00:00");
    QTest::newRow("Sat noon → Tue 16:00") << la("2026-01-10T12:00:00") << 2 << la("2026-01-13T16:00:00");
    QTest::newRow("Sun 23:59 → Tue 16:00") << la("2026-01-11T23:59:00") << 2 << la("2026-01-13T16:00:00");
    QTest::newRow("Fri 16:30 before MLK Monday → Wed 16:00")
        << la("2027-01-15T16:30:00") << 2 << la("2027-01-20T16:00:00");
    QTest::newRow("Fri 10:00 before MLK Monday → Wed 10:00")
        << la("2027-01-15T10:00:00") << 2 << la("2027-01-20T10:00:00");
    QTest::newRow("on MLK Day itself → Wed 16:00")
        << la("2027-01-18T09:00:00") << 2 << la("2027-01-20T16:00:00");
    QTest::newRow("Thanksgiving week: Wed 10:00 → Mon 10:00 (Fri is open)")
        << la("2026-11-25T10:00:00") << 2 << la("2026-11-30T10:00:00");
    QTest::newRow("Thanksgiving week: Wed 10:00, one day → Fri 10:00")
        << la("2026-11-25T10:00:00") << 1 << la("2026-11-27T10:00:00");
    QTest::newRow("on Thanksgiving → Mon 16:00")
        << la("2026-11-26T10:00:00") << 2 << la("2026-11-30T16:00:00");
    QTest::newRow("Independence Day on a Saturday: Thu 2 July 10:00 → Tue 10:00 (Fri observed)")
        << la("2026-07-02T10:00:00") << 2 << la("2026-07-07T10:00:00");
    QTest::newRow("on Saturday 4 July 2026 itself → Tue 16:00")
        << la("2026-07-04T10:00:00") << 2 << la("2026-07-07T16:00:00");
    QTest::newRow("Independence Day on a Sunday: Fri 2 July 2027 10:00 → Wed 10:00 (Mon observed)")
        << la("2027-07-02T10:00:00") << 2 << la("2027-07-07T10:00:00");
    QTest::newRow("on observed Independence Day → Tue 16:00")
        << la("2026-07-03T09:00:00") << 2 << la("2026-07-07T16:00:00");
    QTest::newRow("Thu before observed Christmas 2027 → Tue 10:00")
        << la("2027-12-23T10:00:00") << 2 << la("2027-12-28T10:00:00");
    QTest::newRow("Thu before New Year observed on 31 Dec → Tue 4 Jan")
        << la("2027-12-30T10:00:00") << 2 << la("2028-01-04T10:00:00");

    // Clocks change in Los Angeles: spring forward Sun 2026-03-08, fall back Sun 2026-11-01.
    QTest::newRow("DST spring: Fri 10:00 PST → Tue 10:00 PDT")
        << utc("2026-03-06T18:00:00") << 2 << utc("2026-03-10T17:00:00");
    QTest::newRow("DST spring: Sat → Tue 16:00 PDT")
        << utc("2026-03-07T20:00:00") << 2 << utc("2026-03-10T23:00:00");
    QTest::newRow("DST spring: Sun 03:30 PDT, just after the jump")
        << utc("2026-03-08T10:30:00") << 2 << utc("2026-03-10T23:00:00");
    QTest::newRow("DST spring: Mon 06:30 PDT (13:30Z) is before opening")
        << utc("2026-03-09T13:30:00") << 2 << utc("2026-03-10T23:00:00");
    QTest::newRow("DST spring: Mon 14:30Z is 07:30 PDT, open")
        << utc("2026-03-09T14:30:00") << 2 << utc("2026-03-11T14:30:00");
    QTest::newRow("DST spring: Fri 15:30 PST → Tue 15:30 PDT")
        << utc("2026-03-06T23:30:00") << 2 << utc("2026-03-10T22:30:00");
    QTest::newRow("DST spring: Fri 16:00 PST closing → Tue 16:00 PDT")
        << utc("2026-03-07T00:00:00") << 2 << utc("2026-03-10T23:00:00");
    QTest::newRow("DST spring: Mon 07:00 PDT opening (14:00Z) → Tue 16:00 PDT")
        << utc("2026-03-09T14:00:00") << 2 << utc("2026-03-10T23:00:00");
    QTest::newRow("DST fall: Fri 06:59 PDT before opening → Mon 16:00 PST")
        << utc("2026-10-30T13:59:00") << 2 << utc("2026-11-03T00:00:00");
    QTest::newRow("DST fall: Mon 07:00 PST opening (15:00Z) → Tue 16:00 PST")
        << utc("2026-11-02T15:00:00") << 2 << utc("2026-11-04T00:00:00");
    QTest::newRow("DST fall: Fri 10:00 PDT → Tue 10:00 PST")
        << utc("2026-10-30T17:00:00") << 2 << utc("2026-11-03T18:00:00");
    QTest::newRow("DST fall: first 01:30 Sunday → Tue 16:00 PST")
        << utc("2026-11-01T08:30:00") << 2 << utc("2026-11-04T00:00:00");
    QTest::newRow("DST fall: second 01:30 Sunday → Tue 16:00 PST")
        << utc("2026-11-01T09:30:00") << 2 << utc("2026-11-04T00:00:00");
    QTest::newRow("DST fall: Fri 15:30 PDT → Tue 15:30 PST")
        << utc("2026-10-30T22:30:00") << 2 << utc("2026-11-03T23:30:00");

    QTest::newRow("received written in Tokyo time")
        << QDateTime(QDate(2026, 1, 13), QTime(3, 0), QTimeZone(QByteArrayLiteral("Asia/Tokyo"))) << 2
        << la("2026-01-14T10:00:00");
    QTest::newRow("UTC date already Tuesday, LA still Monday 17:00")
        << utc("2026-01-13T01:00:00") << 2 << la("2026-01-14T16:00:00");

    QTest::newRow("zero days, open: now") << la("2026-01-12T10:00:00") << 0 << la("2026-01-12T10:00:00");
    QTest::newRow("zero days, Saturday: Monday opening")
        << la("2026-01-10T10:00:00") << 0 << la("2026-01-12T07:00:00");
    QTest::newRow("one day from opening: same day's close")
        << la("2026-01-13T07:00:00") << 1 << la("2026-01-13T16:00:00");
    QTest::newRow("five days over MLK Day: Mon 10:00 → Tue 10:00")
        << la("2026-01-12T10:00:00") << 5 << la("2026-01-20T10:00:00");
}

void TestBusinessCalendar::dueAt() {
    QFETCH(QDateTime, received);
    QFETCH(int, days);
    QFETCH(QDateTime, due);

    const BusinessCalendar cal(LA);
    const QDateTime got = cal.dueAt(received, days);
    QCOMPARE(got.timeSpec(), Qt::UTC);
    QCOMPARE(got, due.toUTC());
}

void TestBusinessCalendar::dueAtCustomHours() {
    const BusinessCalendar cal(LA, QTime(8, 30), QTime(17, 0));
    QCOMPARE(cal.openTime(), QTime(8, 30));
    QCOMPARE(cal.closeTime(), QTime(17, 0));
    QCOMPARE(cal.zone(), LA);
    QCOMPARE(cal.dueAt(la("2026-01-09T16:30:00"), 2), la("2026-01-13T16:30:00").toUTC());
    QCOMPARE(cal.dueAt(la("2026-01-09T17:30:00"), 2), la("2026-01-13T17:00:00").toUTC());
    QCOMPARE(cal.dueAt(la("2026-01-12T08:00:00"), 2), la("2026-01-13T17:00:00").toUTC());

    // The same rules on another hospital's calendar.
    const QTimeZone tokyo(QByteArrayLiteral("Asia/Tokyo"));
    const BusinessCalendar tk(tokyo);
    QCOMPARE(tk.dueAt(QDateTime(QDate(2026, 1, 9), QTime(16, 30), tokyo), 2),
             QDateTime(QDate(2026, 1, 13), QTime(16, 0), tokyo).toUTC());
}

void TestBusinessCalendar::dueAtInvalid() {
    QVERIFY(!BusinessCalendar(LA).dueAt(QDateTime(), 2).isValid());
}

void TestBusinessCalendar::hospitalTable_data() {
    QTest::addColumn<QList<QDate>>("closed");
    QTest::addColumn<QList<QDate>>("open");
    QTest::addColumn<QDateTime>("received");
    QTest::addColumn<QDateTime>("due");

    QTest::newRow("Friday after Thanksgiving closed → Tue 10:00")
        << QList<QDate>{d("2026-11-27")} << QList<QDate>{} << la("2026-11-25T10:00:00")
        << la("2026-12-01T10:00:00");
    QTest::newRow("open on Thanksgiving → Fri 10:00")
        << QList<QDate>{} << QList<QDate>{d("2026-11-26")} << la("2026-11-25T10:00:00")
        << la("2026-11-27T10:00:00");
    QTest::newRow("Columbus Day open → Tue 10:00 counts Monday")
        << QList<QDate>{} << QList<QDate>{d("2026-10-12")} << la("2026-10-09T10:00:00")
        << la("2026-10-13T10:00:00");
    QTest::newRow("Columbus Day as federal holiday → Wed 10:00")
        << QList<QDate>{} << QList<QDate>{} << la("2026-10-09T10:00:00") << la("2026-10-14T10:00:00");
    QTest::newRow("closed Christmas Eve 2026, Wed after hours → Tue 29 16:00")
        << QList<QDate>{d("2026-12-24")} << QList<QDate>{} << la("2026-12-23T17:00:00")
        << la("2026-12-29T16:00:00");
    QTest::newRow("hospital closed Monday, received at its opening → Wed 16:00")
        << QList<QDate>{d("2026-01-12")} << QList<QDate>{} << la("2026-01-12T07:00:00")
        << la("2026-01-14T16:00:00");
    QTest::newRow("open on observed Independence Day 2026 → Thu 10:00 is due Mon 10:00")
        << QList<QDate>{} << QList<QDate>{d("2026-07-03")} << la("2026-07-02T10:00:00")
        << la("2026-07-06T10:00:00");
    QTest::newRow("open on Thanksgiving, received at its opening → Fri 16:00")
        << QList<QDate>{} << QList<QDate>{d("2026-11-26")} << la("2026-11-26T07:00:00")
        << la("2026-11-27T16:00:00");
    QTest::newRow("an open Saturday is still a weekend")
        << QList<QDate>{} << QList<QDate>{d("2026-01-10")} << la("2026-01-09T16:30:00")
        << la("2026-01-13T16:00:00");
}

void TestBusinessCalendar::hospitalTable() {
    QFETCH(QList<QDate>, closed);
    QFETCH(QList<QDate>, open);
    QFETCH(QDateTime, received);
    QFETCH(QDateTime, due);

    BusinessCalendar cal(LA);
    for (const QDate& c : closed) {
        cal.addClosedDay(c);
        QVERIFY(cal.isHoliday(c));
        QVERIFY(!cal.isBusinessDay(c));
    }
    for (const QDate& o : open)
        cal.addOpenDay(o);
    QCOMPARE(cal.dueAt(received, 2), due.toUTC());
}

void TestBusinessCalendar::latestTableEditWins() {
    BusinessCalendar cal(LA);
    const QDate thanksgiving = d("2026-11-26");
    cal.addOpenDay(thanksgiving);
    QVERIFY(!cal.isHoliday(thanksgiving));
    QVERIFY(cal.isBusinessDay(thanksgiving));
    cal.addClosedDay(thanksgiving);
    QVERIFY(cal.isHoliday(thanksgiving));
    QVERIFY(!cal.isBusinessDay(thanksgiving));

    const QDate friday = d("2026-11-27");
    cal.addClosedDay(friday);
    QVERIFY(!cal.isBusinessDay(friday));
    cal.addOpenDay(friday);
    QVERIFY(cal.isBusinessDay(friday));

    // The edits are the calendar's own: a fresh one still has the federal table.
    QVERIFY(!BusinessCalendar(LA).isBusinessDay(thanksgiving));
}

QTEST_GUILESS_MAIN(TestBusinessCalendar)
#include "TestBusinessCalendar.moc"
