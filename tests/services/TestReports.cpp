// The HIM leads' dashboard, counted from what the services did on a moving clock: weeks start on Monday in
// the hospital's zone, rates and medians come from the invitations themselves.
#include "services/ServiceFixture.h"

#include "services/ReportService.h"
#include "services/RequestService.h"

using namespace pd;
using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {

// A family's request received at `received` (hospital time, ISO text), logged as it arrives; resolved at
// `resolvedAt` unless that is null. The clock is left where the last step put it.
qint64 logRequest(TestDb& t, const QString& received, const QDateTime& resolvedAt = {}) {
    t.clock.set(QDateTime(QDate::fromString(received.left(10), Qt::ISODate),
                          QTime::fromString(received.mid(11), Qt::ISODate), losAngeles())
                    .toUTC()
                    .addSecs(60));
    NewRequest r;
    r.kind = QStringLiteral("other");
    r.note = QStringLiteral("Asked how to see lab results");
    r.received = received;
    auto added = RequestService(*t.as(QStringLiteral("agent"))).add(r);
    if (!added)
        qFatal("add request: %s", qPrintable(added.error().message));
    if (resolvedAt.isValid()) {
        t.clock.set(resolvedAt);
        auto done = RequestService(*t.as(QStringLiteral("specialist")))
                        .resolve({added->request.id, QStringLiteral("Explained by phone."), {}, 0});
        if (!done)
            qFatal("resolve request: %s", qPrintable(done.error().message));
    }
    return added->request.id;
}

// The weeks add up to the period's totals, field by field.
void compareSums(const Dashboard& d) {
    WeekFigures sum;
    for (const WeekFigures& w : d.weeks) {
        sum.sent += w.sent;
        sum.activated += w.activated;
        sum.expired += w.expired;
        sum.requests += w.requests;
        sum.requestsMet += w.requestsMet;
        sum.requestsLate += w.requestsLate;
        sum.requestsOpen += w.requestsOpen;
        QCOMPARE(w.requestsMet + w.requestsLate + w.requestsOpen, w.requests);
    }
    QCOMPARE(sum.sent, d.sent);
    QCOMPARE(sum.activated, d.activated);
    QCOMPARE(sum.expired, d.expired);
    QCOMPARE(sum.requests, d.requests);
    QCOMPARE(sum.requestsMet, d.requestsMet);
    QCOMPARE(sum.requestsLate, d.requestsLate);
    QCOMPARE(sum.requestsOpen, d.requestsOpen);
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT

private slots:
    void weeksRatesAndMedian() {
        TestDb t;
        // Monday 2026-11-09: three families enrolled and sent; two activate, one 30 and one 54 hours later.
        t.clock.set(la(2026, 11, 9, 9, 0));
        QStringList tokens;
        for (int i = 0; i < 3; ++i) {
            const QString mrn = QStringLiteral("70000%1").arg(i);
            addPatient(t, mrn, QDate(2016, 1, 1).addDays(i));
            const QString email = QStringLiteral("parent%1@example.org").arg(i);
            enrollOk(t, parentForm(mrn, QDate(2026, 11, 9), email));
            tokens << sendAndReadToken(t, QStringLiteral("parent%1").arg(i));
        }
        auto portal = t.as(QStringLiteral("portal"));
        t.clock.set(la(2026, 11, 10, 15, 0));
        QVERIFY(InvitationService(*portal).activate(tokens[0], QStringLiteral("482913")).ok());
        t.clock.set(la(2026, 11, 11, 15, 0));
        QVERIFY(InvitationService(*portal).activate(tokens[1], QStringLiteral("482913")).ok());
        // A patient turning 12 within 30 days, and one turning 18 within 90.
        addPatient(t, QStringLiteral("700010"), QDate(2014, 12, 15));
        enrollOk(t,
                 parentForm(QStringLiteral("700010"), QDate(2026, 11, 1), QStringLiteral("p10@example.org")));
        addPatient(t, QStringLiteral("700011"), QDate(2009, 1, 20));
        enrollOk(t,
                 parentForm(QStringLiteral("700011"), QDate(2026, 11, 1), QStringLiteral("p11@example.org")));

        t.clock.set(la(2026, 11, 24, 10, 0)); // a Tuesday
        auto ctx = t.as(QStringLiteral("specialist"));
        auto d = ReportService(*ctx).dashboard(4);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->from, QDate(2026, 11, 2)); // four Mondays back, this week included
        QCOMPARE(d->weeks.size(), 4);
        QCOMPARE(d->weeks[1].weekStart, QDate(2026, 11, 9));
        QCOMPARE(d->weeks[1].sent, 3);
        QCOMPARE(d->weeks[1].activated, 2);
        QCOMPARE(d->sent, 3);
        QCOMPARE(d->activatedOfSent, 2);
        QCOMPARE(qRound(d->activationRate * 1000), 667);
        QCOMPARE(d->medianHoursToActivation, 42.0); // (30 + 54) / 2
        QCOMPARE(d->turning12In30Days, 1);
        QCOMPARE(d->turning18In90Days, 1);
        QCOMPARE(d->turning18In30Days, 0);

        const QList<QStringList> table = ReportService::table(d.value());
        QCOMPARE(table.size(), 1 + 4 + 1); // header, weeks, total
        QCOMPARE(table.last().at(1), QStringLiteral("3"));
        QVERIFY(ReportService::html(d.value(), QStringLiteral("Children's Hospital"))
                    .contains(QStringLiteral("66.7%")));
    }

    void aWeekIsTheHospitalsWeek() {
        TestDb t;
        // Sunday 2026-11-08 23:30 in Los Angeles is already Monday in UTC: it counts in the week before.
        t.clock.set(la(2026, 11, 8, 23, 30));
        addPatient(t, QStringLiteral("700001"), QDate(2016, 1, 1));
        enrollOk(
            t, parentForm(QStringLiteral("700001"), QDate(2026, 11, 8), QStringLiteral("anna@example.org")));
        sendAndReadToken(t, QStringLiteral("anna"));
        t.clock.set(la(2026, 11, 24, 10, 0));
        auto d = ReportService(*t.as(QStringLiteral("specialist"))).dashboard(4);
        QVERIFY(d.ok());
        QCOMPARE(d->weeks[0].weekStart, QDate(2026, 11, 2));
        QCOMPARE(d->weeks[0].sent, 1);
        QCOMPARE(d->weeks[1].sent, 0);
    }

    void nothingYetIsSaidPlainly() {
        TestDb t;
        auto d = ReportService(*t.as(QStringLiteral("specialist"))).dashboard(12);
        QVERIFY(d.ok());
        QCOMPARE(d->sent, 0);
        QCOMPARE(d->activationRate, 0.0);
        QCOMPARE(d->medianHoursToActivation, -1.0);
        QVERIFY(
            ReportService::html(d.value(), QStringLiteral("H")).contains(QStringLiteral("none activated")));
    }

    // The report is read on Tuesday 24 November 2026, 10:00 in Los Angeles, over four weeks: those of
    // Mondays 2, 9, 16 and 23 November (weeks 0 to 3). Requests are due 2 business days of HIM hours
    // (07:00–16:00) after they arrive; Wednesday 11 November is Veterans Day.
    void aRequestCountsInTheWeekItWasReceived_data() {
        QTest::addColumn<QString>("received");
        QTest::addColumn<QDateTime>("resolvedAt"); // null: still open
        QTest::addColumn<int>("week");             // -1: outside the period
        QTest::addColumn<QString>("standing");     // met | late | open
        QTest::newRow("resolved before its due time (Fri 10:00): met")
            << u"2026-11-10T10:00:00"_s << la(2026, 11, 12, 9) << 1 << u"met"_s;
        QTest::newRow("resolved at its due time to the minute: met")
            << u"2026-11-10T10:00:00"_s << la(2026, 11, 13, 10) << 1 << u"met"_s;
        QTest::newRow("resolved after its due time: late, in the week it came in")
            << u"2026-11-10T10:00:00"_s << la(2026, 11, 16, 9) << 1 << u"late"_s;
        QTest::newRow("still open past its due time: late")
            << u"2026-11-10T10:00:00"_s << QDateTime() << 1 << u"late"_s;
        QTest::newRow("still open, not yet due (Wed 10:00): open")
            << u"2026-11-23T10:00:00"_s << QDateTime() << 3 << u"open"_s;
        QTest::newRow("resolved this week, before its due time: met")
            << u"2026-11-23T10:00:00"_s << la(2026, 11, 24, 8) << 3 << u"met"_s;
        QTest::newRow("Sunday 23:30 in Los Angeles (Monday in UTC): the week before")
            << u"2026-11-15T23:30:00"_s << la(2026, 11, 17, 12) << 1 << u"met"_s;
        QTest::newRow("Monday 00:00 opens its week")
            << u"2026-11-16T00:00:00"_s << QDateTime() << 2 << u"late"_s;
        QTest::newRow("the first week's Monday 00:00 is in the period")
            << u"2026-11-02T00:00:00"_s << la(2026, 11, 3, 9) << 0 << u"met"_s;
        QTest::newRow("received before the period: not counted")
            << u"2026-11-01T23:59:00"_s << la(2026, 11, 2, 9) << -1 << u"met"_s;
    }
    void aRequestCountsInTheWeekItWasReceived() {
        QFETCH(QString, received);
        QFETCH(QDateTime, resolvedAt);
        QFETCH(int, week);
        QFETCH(QString, standing);
        TestDb t;
        logRequest(t, received, resolvedAt);
        t.clock.set(la(2026, 11, 24, 10, 0));
        auto d = ReportService(*t.as(QStringLiteral("specialist"))).dashboard(4);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->weeks.size(), 4);
        for (int w = 0; w < 4; ++w) {
            const WeekFigures& f = d->weeks.at(w);
            const int here = w == week ? 1 : 0;
            QCOMPARE(f.requests, here);
            QCOMPARE(f.requestsMet, standing == u"met"_s ? here : 0);
            QCOMPARE(f.requestsLate, standing == u"late"_s ? here : 0);
            QCOMPARE(f.requestsOpen, standing == u"open"_s ? here : 0);
        }
        compareSums(d.value());
        // The desk's table and the printed one carry the week's figures.
        const QList<QStringList> table = ReportService::table(d.value());
        QCOMPARE(table.first().mid(4), (QStringList{u"Requests"_s, u"Met on time"_s, u"Late"_s}));
        QCOMPARE(table.last().at(4), QString::number(week >= 0 ? 1 : 0));
    }

    void theWeeksAddUpToTheTotals() {
        TestDb t;
        // Invitations sent in two weeks, one activated.
        t.clock.set(la(2026, 11, 3, 9, 0));
        addPatient(t, u"700001"_s, QDate(2016, 1, 1));
        enrollOk(t, parentForm(u"700001"_s, QDate(2026, 11, 3), u"anna@example.org"_s));
        const QString token = sendAndReadToken(t, u"anna"_s);
        t.clock.set(la(2026, 11, 17, 9, 0));
        addPatient(t, u"700002"_s, QDate(2016, 1, 2));
        enrollOk(t, parentForm(u"700002"_s, QDate(2026, 11, 17), u"bruno@example.org"_s));
        sendAndReadToken(t, u"bruno"_s);
        t.clock.set(la(2026, 11, 18, 9, 0));
        QVERIFY(InvitationService(*t.as(u"portal"_s)).activate(token, u"482913"_s).ok());
        // Requests in three weeks, every standing.
        logRequest(t, u"2026-11-03T08:00:00"_s, la(2026, 11, 4, 9));
        logRequest(t, u"2026-11-04T08:00:00"_s, la(2026, 11, 12, 9));
        logRequest(t, u"2026-11-10T10:00:00"_s);
        logRequest(t, u"2026-11-12T10:00:00"_s, la(2026, 11, 13, 9));
        logRequest(t, u"2026-11-23T10:00:00"_s);
        logRequest(t, u"2026-11-24T08:00:00"_s);

        t.clock.set(la(2026, 11, 24, 10, 0));
        auto d = ReportService(*t.as(QStringLiteral("specialist"))).dashboard(4);
        QVERIFY(d.ok());
        QCOMPARE(d->requests, 6);
        QCOMPARE(d->requestsMet, 2);
        QCOMPARE(d->requestsLate, 2);
        QCOMPARE(d->requestsOpen, 2);
        QCOMPARE(d->weeks[0].requests, 2);
        QCOMPARE(d->weeks[0].requestsMet, 1);
        QCOMPARE(d->weeks[0].requestsLate, 1);
        QCOMPARE(d->weeks[1].requests, 2);
        QCOMPARE(d->weeks[2].requests, 0);
        QCOMPARE(d->weeks[3].requestsOpen, 2);
        QCOMPARE(d->sent, 2);
        QCOMPARE(d->activated, 1);
        compareSums(d.value());
        const QList<QStringList> table = ReportService::table(d.value());
        QCOMPARE(table.last(), (QStringList{u"Total"_s, u"2"_s, u"1"_s, u"0"_s, u"6"_s, u"2"_s, u"2"_s}));
    }

    // A report of this week alone counts it as any other.
    void aOneWeekReport() {
        TestDb t;
        t.clock.set(la(2026, 11, 23, 9, 0));
        addPatient(t, u"700001"_s, QDate(2016, 1, 1));
        enrollOk(t, parentForm(u"700001"_s, QDate(2026, 11, 23), u"anna@example.org"_s));
        sendAndReadToken(t, u"anna"_s);
        logRequest(t, u"2026-11-23T10:00:00"_s);
        t.clock.set(la(2026, 11, 24, 10, 0));
        auto d = ReportService(*t.as(QStringLiteral("specialist"))).dashboard(1);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->weeks.size(), 1);
        QCOMPARE(d->weeks[0].weekStart, QDate(2026, 11, 23));
        QCOMPARE(d->weeks[0].sent, 1);
        QCOMPARE(d->weeks[0].requests, 1);
        QCOMPARE(d->weeks[0].requestsOpen, 1);
        compareSums(d.value());
    }

    void badPeriodsAndRolesAreRefused() {
        TestDb t;
        QCOMPARE(ReportService(*t.as(QStringLiteral("specialist"))).dashboard(0).error().rule,
                 QStringLiteral("report.weeks"));
        QCOMPARE(ReportService(*t.as(QStringLiteral("specialist"))).dashboard(105).error().rule,
                 QStringLiteral("report.weeks"));
        QCOMPARE(ReportService(*t.as(QStringLiteral("agent"))).dashboard(4).error().kind,
                 ErrorKind::NotPermitted);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "TestReports.moc"
