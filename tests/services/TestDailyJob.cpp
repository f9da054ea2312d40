// The daily run: birthdays at 12 and 18 end grants (idempotent, catching up), notices 30 days ahead,
// expiry and late marks (SPEC §3, §4).
#include "services/ServiceFixture.h"

#include "services/DailyJob.h"
#include "services/PatientService.h"
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

    // A patient born 29 February 2016, 17 in June 2033, whose parent enrolls then; the 18th birthday falls
    // in 2034, a common year, on the day `rule` says.
    static void leapDayTeenWithParent(TestDb& t, const QString& rule) {
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setSetting(QStringLiteral("birthday.leap_day_rule"), rule)
                    .ok());
        t.clock.set(la(2033, 6, 1));
        addPatient(t, QStringLiteral("100200"), QDate(2016, 2, 29), QStringLiteral("teen@example.net"));
        enrollOk(t,
                 parentForm(QStringLiteral("100200"), QDate(2033, 6, 1), QStringLiteral("mom@example.org")));
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
        leapDayTeenWithParent(t, rule);
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

    // A backlog larger than a batch: every grant still ends on its own birthday, in transactions of at most
    // a batch each, and the login left with nothing is terminated once.
    void aBacklogIsWorkedInSmallTransactions() {
        TestDb t;
        t.clock.set(la(2026, 1, 5));
        const int batch =
            t.db->dialect() == Dialect::Postgres ? DailyJob::CentralBatch : DailyJob::EmbeddedBatch;
        const int children = batch * 2 + batch / 2;
        QList<Patient> patients;
        for (int i = 0; i < children; ++i)
            patients.append(addPatient(t, QString::number(300000 + i), QDate(2014, 1, 6).addDays(i % 328)));
        const auto family = enrollOk(
            t, parentForm(patients.first().mrn, QDate(2026, 1, 5), QStringLiteral("mom@example.org")));
        GrantRepository grants(*t.db);
        for (int i = 1; i < children; ++i) {
            Grant g = grants.forUser(family.user.id).value().first();
            g.id = 0;
            g.patientId = patients.at(i).id;
            QVERIFY(grants.insert(g, QStringLiteral("specialist")).ok());
        }
        t.clock.set(la(2026, 12, 1));
        auto specialist = t.as(QStringLiteral("specialist"));
        DailyJob job(*specialist);
        QList<int> seen;
        job.setProgress([&seen](const QString& step, int done) {
            if (step == QCoreApplication::translate("Services", "Ending access at 12 and 18"))
                seen.append(done);
        });
        auto r = job.run(nullptr);
        if (!r)
            QFAIL(qPrintable(r.error().message));
        QCOMPARE(r->grantsEnded, children); // the last birthday is 2026-11-29
        // One transaction per batch: the count grows by at most a batch each time.
        QCOMPARE(seen.size(), children / batch + 1);
        QCOMPARE(seen.last(), r->grantsEnded);
        for (qsizetype i = 1; i < seen.size(); ++i)
            QVERIFY(seen.at(i) - seen.at(i - 1) <= batch);
        QCOMPARE(r->usersTerminated, r->grantsEnded == children ? 1 : 0);
        // Each at the start of its own birthday in the hospital's zone.
        QHash<qint64, QDate> birthOf;
        for (const Patient& p : std::as_const(patients))
            birthOf.insert(p.id, p.birthDate);
        int onTheDay = 0;
        const QList<Grant> ended = grants.forUser(family.user.id).value();
        for (const Grant& g : ended) {
            if (g.isOpen())
                continue;
            const QDate twelve = birthOf.value(g.patientId).addYears(12);
            QCOMPARE(g.endedAt, QDateTime(twelve, QTime(0, 0), losAngeles()).toUTC());
            ++onTheDay;
        }
        QCOMPARE(onTheDay, r->grantsEnded);
        QCOMPARE(job.run(nullptr)->grantsEnded, 0);
    }

    // A child-bracket grant that began on or after the 12th birthday is not that birthday's to end.
    void aGrantThatBeganAfterTheBirthdayIsNotEndedByIt_data() {
        QTest::addColumn<QDateTime>("started");
        QTest::addColumn<bool>("ended");
        // Born 2014-06-10: turns 12 on 2026-06-10.
        QTest::newRow("began the day before") << la(2026, 6, 9, 12) << true;
        QTest::newRow("began on the birthday, late evening") << la(2026, 6, 10, 23, 30) << false;
        QTest::newRow("began the day after") << la(2026, 6, 11, 0, 30) << false;
        QTest::newRow("began a month after") << la(2026, 7, 10) << false;
    }

    void aGrantThatBeganAfterTheBirthdayIsNotEndedByIt() {
        QFETCH(QDateTime, started);
        QFETCH(bool, ended);
        TestDb t;
        t.clock.set(la(2026, 1, 5));
        addPatient(t, QStringLiteral("100200"), QDate(2015, 2, 1));
        const Patient turned = addPatient(t, QStringLiteral("100201"), QDate(2014, 6, 10));
        const auto family = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 1, 5), QStringLiteral("mom@example.org")));
        GrantRepository grants(*t.db);
        Grant g = grants.forUser(family.user.id).value().first();
        g.id = 0;
        g.patientId = turned.id;
        g.startedAt = started;
        QVERIFY(grants.insert(g, QStringLiteral("specialist")).ok());
        t.clock.set(la(2026, 12, 1));
        QCOMPARE(run(t).grantsEnded, ended ? 1 : 0);
        QCOMPARE(grants.open(family.user.id, turned.id).value().has_value(), !ended);
    }

    void upcomingComesInPagesWithATotal() {
        TestDb t;
        t.clock.set(la(2026, 12, 1));
        QStringList mrns;
        // Five children turn 12 from 3 to 7 December, a sixth in January (outside the 30 days).
        for (int i = 0; i < 6; ++i) {
            const QString mrn = QString::number(100300 + i);
            addPatient(t, mrn, i < 5 ? QDate(2014, 12, 7 - i) : QDate(2015, 1, 20));
            enrollOk(t, parentForm(mrn, QDate(2026, 11, 30), QStringLiteral("parent%1@example.org").arg(i),
                                   QStringLiteral("Padre%1").arg(QChar(u'A' + i))));
        }
        auto specialist = t.as(QStringLiteral("specialist"));
        DailyJob job(*specialist);
        QCOMPARE(job.upcomingCount(30).value(), 5);
        QList<QDate> dates;
        for (int offset = 0; offset < 6; offset += 2) {
            auto page = job.upcoming(30, 2, offset);
            QVERIFY(page.ok());
            QCOMPARE(page->size(), offset < 4 ? 2 : 1);
            for (const UpcomingTransition& u : page.value())
                dates.append(u.date);
        }
        QCOMPARE(dates, (QList<QDate>{QDate(2026, 12, 3), QDate(2026, 12, 4), QDate(2026, 12, 5),
                                      QDate(2026, 12, 6), QDate(2026, 12, 7)}));
        QCOMPARE(job.upcomingPatients(30).value(), qMakePair(qint64(5), qint64(0)));
        QCOMPARE(job.upcomingPatients(90).value(), qMakePair(qint64(6), qint64(0)));
        QCOMPARE(job.upcoming(30, 0, 0).error().rule, QStringLiteral("input.page"));
    }

    void upcomingLeapDayBirthday_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("days");
        QTest::addColumn<QDate>("listed"); // null: not on the list
        // Born 2016-02-29, so the 18th birthday falls in 2034, a common year.
        QTest::newRow("feb28, two days ahead") << "feb28" << QDate(2034, 2, 27) << 2 << QDate(2034, 2, 28);
        QTest::newRow("mar1, two days ahead") << "mar1" << QDate(2034, 2, 27) << 2 << QDate(2034, 3, 1);
        QTest::newRow("mar1, one day ahead: not yet") << "mar1" << QDate(2034, 2, 27) << 1 << QDate();
        QTest::newRow("mar1, on 1 March itself") << "mar1" << QDate(2034, 3, 1) << 0 << QDate(2034, 3, 1);
        QTest::newRow("feb28, on 1 March: already past") << "feb28" << QDate(2034, 3, 1) << 0 << QDate();
    }

    void upcomingLeapDayBirthday() {
        QFETCH(QString, rule);
        QFETCH(QDate, today);
        QFETCH(int, days);
        QFETCH(QDate, listed);
        TestDb t;
        leapDayTeenWithParent(t, rule);
        t.clock.set(QDateTime(today, QTime(8, 0), losAngeles()).toUTC());
        auto specialist = t.as(QStringLiteral("specialist"));
        DailyJob job(*specialist);
        auto list = job.upcoming(days);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), listed.isValid() ? 1 : 0);
        QCOMPARE(job.upcomingCount(days).value(), listed.isValid() ? 1 : 0);
        if (listed.isValid())
            QCOMPARE(list->first().date, listed);
    }

    // The list follows a corrected birth date at once, in both directions.
    void aCorrectedBirthDateMovesTheBirthday() {
        TestDb t;
        t.clock.set(la(2026, 12, 1));
        addPatient(t, QStringLiteral("100200"), QDate(2015, 3, 1));
        enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 30), QStringLiteral("mom@example.org")));
        auto specialist = t.as(QStringLiteral("specialist"));
        DailyJob job(*specialist);
        QCOMPARE(job.upcomingCount(30).value(), 0);
        PatientChanges c;
        c.birthDate = QStringLiteral("2014-12-20");
        QVERIFY(PatientService(*t.as(QStringLiteral("specialist"))).update(QStringLiteral("100200"), c).ok());
        auto list = job.upcoming(30);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().date, QDate(2026, 12, 20));
        c.birthDate = QStringLiteral("2015-02-01");
        QVERIFY(PatientService(*t.as(QStringLiteral("specialist"))).update(QStringLiteral("100200"), c).ok());
        QCOMPARE(job.upcomingCount(30).value(), 0);
        QCOMPARE(job.upcomingCount(90).value(), 1);
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

    // Expiries and late marks change a batch at a time, each batch its own transaction with an audit event
    // per invitation: every one is changed once, and the chain stays whole.
    void expiriesAndLateMarksGoABatchAtATime() {
        TestDb t; // Tuesday 2026-11-24 09:00
        QList<QString> sent;
        for (int i = 0; i < 7; ++i) {
            const QString mrn = QString::number(100200 + i);
            addPatient(t, mrn, QDate(2017, 3, 2).addDays(i));
            const auto e =
                enrollOk(t, parentForm(mrn, QDate(2026, 11, 24),
                                       QStringLiteral("parent%1@example.org").arg(i), QStringLiteral("Ana")));
            if (i < 4) {
                sendAndReadToken(t, e.user.username);
                sent.append(e.user.username);
            }
        }
        auto specialist = t.as(QStringLiteral("specialist"));
        DailyJob job(*specialist);
        job.setSweepBatchSize(2);
        QHash<QString, QList<int>> seen;
        job.setProgress([&seen](const QString& step, int done) { seen[step].append(done); });
        t.clock.set(la(2026, 12, 24, 9, 0));
        auto r = job.run(nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r->invitationsExpired, 4);
        QCOMPARE(r->invitationsMarkedLate, 3);
        QCOMPARE(seen.value(QCoreApplication::translate("Services", "Expiring invitations")),
                 (QList<int>{2, 4, 4}));
        QCOMPARE(seen.value(QCoreApplication::translate("Services", "Marking late invitations")),
                 (QList<int>{2, 3}));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'expired' AND "
                                        "row_version > 1 AND updated_by = 'specialist'")),
                 4);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'queued' AND "
                                        "late_marked_at = '2026-12-24T17:00:00.000Z'")),
                 3);
        QCOMPARE(t.count(QStringLiteral("SELECT count(DISTINCT record_id) FROM audit_events WHERE action = "
                                        "'invitation.expired'")),
                 4);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'invitation.late'")), 3);
        auto v = AuditLog(*t.db).verify();
        QVERIFY(v.ok() && v->intact);
        auto again = job.run(nullptr);
        QVERIFY(again.ok());
        QCOMPARE(again->invitationsExpired, 0);
        QCOMPARE(again->invitationsMarkedLate, 0);
    }
};

QTEST_GUILESS_MAIN(TestDailyJob)
#include "TestDailyJob.moc"
