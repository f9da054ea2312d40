// The daily run: birthdays at 12 and 18 end grants (idempotent, catching up), notices 30 days ahead,
// expiry and late marks (SPEC §3, §4).
#include "services/ServiceFixture.h"

#include "services/DailyJob.h"
#include "store/GrantRepository.h"
#include "store/PortalUserRepository.h"

using namespace pd;
using namespace pd::test;

class TestDailyJob : public QObject {
    Q_OBJECT

    DailyReport run(TestDb& t) {
        auto r = DailyJob(*t.as(QStringLiteral("specialist"))).run(nullptr);
        if (!r)
            qFatal("daily: %s", qPrintable(r.error().message));
        return r.value();
    }

    QString userStatus(TestDb& t, qint64 id) {
        return PortalUserRepository(*t.db).byId(id).value().value().status;
    }

private slots:
    void twelfthBirthdayEndsChildAccess_data() {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<bool>("ended");
        // Born 2014-12-10: turns 12 on 2026-12-10 in Los Angeles.
        QTest::newRow("day before, 23:30 LA") << la(2026, 12, 9, 23, 30) << false;
        QTest::newRow("day before, last UTC instant (07:59Z)")
            << QDateTime(QDate(2026, 12, 10), QTime(7, 59, 59), QTimeZone::utc()) << false;
        QTest::newRow("birthday, first UTC instant (08:00Z)")
            << QDateTime(QDate(2026, 12, 10), QTime(8, 0), QTimeZone::utc()) << true;
        QTest::newRow("birthday, 00:30 LA") << la(2026, 12, 10, 0, 30) << true;
        QTest::newRow("birthday, 23:30 LA") << la(2026, 12, 10, 23, 30) << true;
        QTest::newRow("day after") << la(2026, 12, 11, 9, 0) << true;
    }

    void twelfthBirthdayEndsChildAccess() {
        QFETCH(QDateTime, when);
        QFETCH(bool, ended);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2014, 12, 10));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        t.clock.set(when);
        const DailyReport r = run(t);
        QCOMPARE(r.grantsEnded, ended ? 1 : 0);
        auto grants = GrantRepository(*t.db).forUser(e.user.id).value();
        QCOMPARE(grants.first().isOpen(), !ended);
        if (ended) {
            QCOMPARE(grants.first().endReason, QStringLiteral("age_12"));
            // The grant ends on the birthday itself, at local midnight.
            QCOMPARE(grants.first().endedAt, la(2026, 12, 10, 0, 0));
            QCOMPARE(userStatus(t, e.user.id), QStringLiteral("terminated"));
            QCOMPARE(
                t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status IN ('queued','sent')")),
                0);
        }
    }

    void eighteenthBirthdayEndsProxyAccessButNotThePatients() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2008, 12, 10), QStringLiteral("teen@example.net"));
        const auto parent = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        const auto teen = enrollOk(t, patientForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                                  QStringLiteral("teen@example.net")));
        QCOMPARE(parent.level, QStringLiteral("limited"));
        t.clock.set(la(2026, 12, 10, 6, 0));
        QCOMPARE(run(t).grantsEnded, 1);
        QCOMPARE(GrantRepository(*t.db).forUser(parent.user.id).value().first().endReason,
                 QStringLiteral("age_18"));
        QVERIFY(GrantRepository(*t.db).forUser(teen.user.id).value().first().isOpen());
        QCOMPARE(userStatus(t, parent.user.id), QStringLiteral("terminated"));
        QCOMPARE(userStatus(t, teen.user.id), QStringLiteral("pending"));
    }

    void adultGrantsAreNotEndedByAge() {
        TestDb t;
        const Patient adult =
            addPatient(t, QStringLiteral("100200"), QDate(2000, 6, 1), QStringLiteral("adult@example.net"));
        const auto own = enrollOk(t, patientForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                                 QStringLiteral("adult@example.net")));
        // A proxy through the adult's consent, granted long after the 18th birthday; the same parent also
        // holds a child grant for a younger sibling who turns 12 in June.
        addPatient(t, QStringLiteral("100201"), QDate(2015, 6, 1));
        const auto proxy = enrollOk(
            t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        Grant consent;
        consent.portalUserId = proxy.user.id;
        consent.patientId = adult.id;
        consent.level = QStringLiteral("full");
        consent.basis = QStringLiteral("consent");
        consent.bracket = QStringLiteral("adult");
        consent.relationship = QStringLiteral("parent");
        consent.startedAt = t.clock.nowUtc();
        QVERIFY(GrantRepository(*t.db).insert(consent, QStringLiteral("specialist")).ok());
        t.clock.advanceDays(400);
        QCOMPARE(run(t).grantsEnded, 1); // only the sibling's child grant, at its 12th birthday
        QVERIFY(GrantRepository(*t.db).forUser(own.user.id).value().first().isOpen());
        QVERIFY(GrantRepository(*t.db).open(proxy.user.id, adult.id).value().has_value());
    }

    void aLoginWithAnotherChildStaysActive() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2014, 12, 10));
        addPatient(t, QStringLiteral("100201"), QDate(2019, 4, 1));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        enrollOk(
            t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        t.clock.set(la(2026, 12, 10, 9, 0));
        const DailyReport r = run(t);
        QCOMPARE(r.grantsEnded, 1);
        QCOMPARE(r.usersTerminated, 0);
        QCOMPARE(userStatus(t, e.user.id), QStringLiteral("pending"));
    }

    void runIsIdempotentAndCatchesUpMissedDays() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2014, 12, 10));
        addPatient(t, QStringLiteral("100201"), QDate(2014, 12, 12));
        enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        enrollOk(t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 24),
                               QStringLiteral("dad@example.org"), QStringLiteral("José")));
        // No run for a week: both birthdays are processed once, each ending on its own date.
        t.clock.set(la(2026, 12, 15, 9, 0));
        QCOMPARE(run(t).grantsEnded, 2);
        QCOMPARE(run(t).grantsEnded, 0);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM access_grants WHERE ended_at = '2026-12-12T08:00:00.000Z'")),
                 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'grant.ended'")),
                 2);
        auto v = AuditLog(*t.db).verify();
        QVERIFY(v.ok() && v->intact);
    }

    void leapDayBirthdays_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<bool>("ended");
        // Born 2016-02-29: the 12th birthday falls in 2028 (a leap year); the 18th in 2034 (common).
        QTest::newRow("leap year: 28 Feb is still 11") << "feb28" << la(2028, 2, 28, 12, 0) << false;
        QTest::newRow("leap year: 29 Feb turns 12") << "feb28" << la(2028, 2, 29, 0, 30) << true;
    }

    void leapDayBirthdays() {
        QFETCH(QString, rule);
        QFETCH(QDateTime, when);
        QFETCH(bool, ended);
        TestDb t;
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setSetting(QStringLiteral("birthday.leap_day_rule"), rule)
                    .ok());
        t.clock.set(la(2027, 6, 1));
        addPatient(t, QStringLiteral("100200"), QDate(2016, 2, 29));
        enrollOk(t,
                 parentForm(QStringLiteral("100200"), QDate(2027, 6, 1), QStringLiteral("mom@example.org")));
        t.clock.set(when);
        QCOMPARE(run(t).grantsEnded, ended ? 1 : 0);
    }

    void leapDayBirthdayInACommonYear_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("endsOn");
        QTest::newRow("feb28 (default, privacy first)") << "feb28" << QDate(2034, 2, 28);
        QTest::newRow("mar1") << "mar1" << QDate(2034, 3, 1);
    }

    void leapDayBirthdayInACommonYear() {
        QFETCH(QString, rule);
        QFETCH(QDate, endsOn);
        TestDb t;
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setSetting(QStringLiteral("birthday.leap_day_rule"), rule)
                    .ok());
        t.clock.set(la(2033, 6, 1));
        addPatient(t, QStringLiteral("100200"), QDate(2016, 2, 29), QStringLiteral("teen@example.net"));
        enrollOk(t,
                 parentForm(QStringLiteral("100200"), QDate(2033, 6, 1), QStringLiteral("mom@example.org")));
        t.clock.set(QDateTime(endsOn.addDays(-1), QTime(23, 30), losAngeles()).toUTC());
        QCOMPARE(run(t).grantsEnded, 0);
        t.clock.set(QDateTime(endsOn, QTime(0, 30), losAngeles()).toUTC());
        QCOMPARE(run(t).grantsEnded, 1);
    }

    void noticeGoesThirtyDaysAheadOnce() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2015, 1, 20)); // turns 12 on 2027-01-20
        enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        t.clock.set(la(2026, 12, 20, 6, 0)); // 31 days before
        QCOMPARE(run(t).noticesQueued, 0);
        t.clock.set(la(2026, 12, 21, 6, 0)); // 30 days before
        QCOMPARE(run(t).noticesQueued, 1);
        t.clock.set(la(2026, 12, 22, 6, 0));
        QCOMPARE(run(t).noticesQueued, 0);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM outbox WHERE kind = 'transition_12' AND language = 'es'")),
                 1);
        auto upcoming = DailyJob(*t.as(QStringLiteral("specialist"))).upcoming(30);
        QVERIFY(upcoming.ok());
        QCOMPARE(upcoming->size(), 1);
        QCOMPARE(upcoming->first().date, QDate(2027, 1, 20));
        QVERIFY(upcoming->first().noticeQueued);
    }

    void sentInvitationsExpireAndQueuedOnesAreMarkedLate() {
        TestDb t; // Tuesday 2026-11-24 09:00
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        addPatient(t, QStringLiteral("100201"), QDate(2018, 3, 2));
        const auto sent = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        enrollOk(t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 24),
                               QStringLiteral("dad@example.org"), QStringLiteral("José")));
        sendAndReadToken(t, sent.user.username);
        t.clock.set(la(2026, 11, 27, 9, 0)); // due Friday 09:00 (Thanksgiving Thursday)
        QCOMPARE(run(t).invitationsMarkedLate, 0);
        t.clock.set(la(2026, 11, 27, 9, 1));
        QCOMPARE(run(t).invitationsMarkedLate, 1);
        QCOMPARE(run(t).invitationsMarkedLate, 0);
        t.clock.set(la(2026, 12, 24, 9, 0));
        QCOMPARE(run(t).invitationsExpired, 1);
    }
};

QTEST_GUILESS_MAIN(TestDailyJob)
#include "TestDailyJob.moc"
