// The HIM leads' dashboard, counted from what the services did on a moving clock: weeks start on Monday in
// the hospital's zone, rates and medians come from the invitations themselves.
#include "services/ServiceFixture.h"

#include "services/ReportService.h"

using namespace pd;
using namespace pd::test;

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
