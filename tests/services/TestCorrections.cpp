// Correcting a patient's record (SPEC §11a): the fields change with an audit event, and a birth-date
// correction re-applies the age rules at once, never reopening what they ended.
#include "services/ServiceFixture.h"

#include "services/DailyJob.h"
#include "store/GrantRepository.h"
#include "store/PortalUserRepository.h"

using namespace pd;
using namespace pd::test;

class TestCorrections : public QObject {
    Q_OBJECT

    static PatientChanges birthDate(const QString& date) {
        PatientChanges c;
        c.birthDate = date;
        return c;
    }

private slots:
    // A child enrolled by a parent (today 2026-11-24); the EHR's date was wrong.
    void aBirthDateCorrectionAppliesTheAgeRulesAtOnce_data() {
        QTest::addColumn<QString>("corrected");
        QTest::addColumn<bool>("ended");
        QTest::addColumn<QString>("reason");
        QTest::newRow("still 9: nothing ends") << "2017-05-01" << false << QString();
        QTest::newRow("11, turning 12 tomorrow: nothing ends yet") << "2014-11-25" << false << QString();
        QTest::newRow("12 today: the child-bracket grant ends") << "2014-11-24" << true << "age_12";
        QTest::newRow("really 13: the child-bracket grant ends") << "2013-06-01" << true << "age_12";
        QTest::newRow("really 19: ends as at 12") << "2007-06-01" << true << "age_12";
    }
    void aBirthDateCorrectionAppliesTheAgeRulesAtOnce() {
        QFETCH(QString, corrected);
        QFETCH(bool, ended);
        QFETCH(QString, reason);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 20), QStringLiteral("mom@example.org")));
        auto ctx = t.as(QStringLiteral("specialist"));
        auto r = PatientService(*ctx).update(QStringLiteral("100200"), birthDate(corrected));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->changed, QStringList{QStringLiteral("birth_date")});
        QCOMPARE(r->grantsEnded, ended ? 1 : 0);
        const Grant g = GrantRepository(*t.db).forUser(e.user.id).value().first();
        QCOMPARE(g.isOpen(), !ended);
        if (ended) {
            QCOMPARE(g.endReason, reason);
            QCOMPARE(g.endedAt, t.clock.nowUtc()); // now, not on a birthday already past
            QCOMPARE(PortalUserRepository(*t.db).byId(e.user.id).value()->status,
                     QStringLiteral("terminated"));
            QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'grant.ended' "
                                            "AND details LIKE '%birth_date_corrected%'")),
                     1);
        }
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.updated'")), 1);
        // The nightly run finds nothing left to do.
        auto daily = DailyJob(*ctx).run(nullptr);
        QVERIFY(daily.ok());
        QCOMPARE(daily->grantsEnded, 0);
    }

    // Ended at 12 under a wrong date, the patient turns out to be 10: nothing reopens by itself.
    void youngerNeverReopensAccess() {
        TestDb t;
        addPatient(t, QStringLiteral("100201"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 20), QStringLiteral("dad@example.org")));
        auto ctx = t.as(QStringLiteral("specialist"));
        QVERIFY(PatientService(*ctx)
                    .update(QStringLiteral("100201"), birthDate(QStringLiteral("2013-01-01")))
                    .ok());
        auto back =
            PatientService(*ctx).update(QStringLiteral("100201"), birthDate(QStringLiteral("2016-01-01")));
        QVERIFY(back.ok());
        QVERIFY(back->needsReview);
        QCOMPARE(back->grantsEnded, 0);
        QVERIFY(!GrantRepository(*t.db).forUser(e.user.id).value().first().isOpen());
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM audit_events WHERE action = 'patient.review_needed'")),
                 1);
        auto story = PatientService(*ctx).show(QStringLiteral("100201"));
        QVERIFY(story.ok());
        QCOMPARE(story->patient.birthDate, QDate(2016, 1, 1));
        // Listed for review until a specialist has looked; marking it reviewed reopens nothing.
        QCOMPARE(story->patient.reviewReason, QStringLiteral("younger_after_correction"));
        auto listed = PatientService(*ctx).toReview();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().mrn, QStringLiteral("100201"));
        QCOMPARE(PatientService(*ctx).toReviewCount().value(), 1);
        QCOMPARE(PatientService(*t.as(QStringLiteral("agent"))).toReview().error().kind,
                 ErrorKind::NotPermitted);
        auto reviewed = PatientService(*ctx).markReviewed(
            QStringLiteral("100201"), QStringLiteral("Called the father: new forms for a child under 12."));
        QVERIFY(reviewed.ok());
        QVERIFY(reviewed->reviewReason.isEmpty());
        QCOMPARE(PatientService(*ctx).toReviewCount().value(), 0);
        QVERIFY(!GrantRepository(*t.db).forUser(e.user.id).value().first().isOpen());
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.reviewed' AND "
                                   "details LIKE '%younger_after_correction%'")),
            1);
        QCOMPARE(PatientService(*ctx).markReviewed(QStringLiteral("100201"), QString()).error().rule,
                 QStringLiteral("review.not_listed"));
        // A later edit from a dialog opened after the review is no conflict.
        PatientChanges later;
        later.expectedVersion = reviewed->rowVersion;
        later.phone = QStringLiteral("(323) 555-0101");
        QVERIFY(PatientService(*ctx).update(QStringLiteral("100201"), later).ok());
        // Listed again later: a note written against the first listing is refused, not filed on the second.
        const QDateTime firstListed = story->patient.reviewSince;
        t.clock.set(t.clock.nowUtc().addSecs(3600));
        QVERIFY(PatientService(*ctx)
                    .update(QStringLiteral("100201"), birthDate(QStringLiteral("2013-01-01")))
                    .ok());
        QVERIFY(PatientService(*ctx)
                    .update(QStringLiteral("100201"), birthDate(QStringLiteral("2016-01-01")))
                    .ok());
        QCOMPARE(PatientService(*ctx).toReviewCount().value(), 1);
        QCOMPARE(PatientService(*ctx)
                     .markReviewed(QStringLiteral("100201"), QStringLiteral("late"), firstListed)
                     .error()
                     .rule,
                 QStringLiteral("review.relisted"));
        // Listed once more while still waiting: the first listing (its reason and time) stands.
        const QDateTime waiting = PatientService(*ctx).toReview()->first().reviewSince;
        t.clock.set(t.clock.nowUtc().addSecs(3600));
        QVERIFY(PatientService(*ctx)
                    .update(QStringLiteral("100201"), birthDate(QStringLiteral("2013-01-01")))
                    .ok());
        QVERIFY(PatientService(*ctx)
                    .update(QStringLiteral("100201"), birthDate(QStringLiteral("2016-01-01")))
                    .ok());
        QCOMPARE(PatientService(*ctx).toReview()->first().reviewSince, waiting);
        QVERIFY(
            PatientService(*ctx).markReviewed(QStringLiteral("100201"), QStringLiteral("done"), waiting).ok());
    }

    void badCorrectionsChangeNothing_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("rule");
        QTest::newRow("malformed date") << "birth_date"
                                        << "2017-02-30"
                                        << "input.date";
        QTest::newRow("birth in the future") << "birth_date"
                                             << "2027-01-01"
                                             << "patient.birth_in_future";
        QTest::newRow("e-mail without @") << "email"
                                          << "ana.example.org"
                                          << "input.email";
        QTest::newRow("name of 5,000 characters")
            << "given" << QString(5000, QLatin1Char('a')) << "input.name";
        QTest::newRow("unknown sex") << "sex"
                                     << "x"
                                     << "input.sex";
        QTest::newRow("not a language") << "language"
                                        << "'; DROP TABLE patients;--"
                                        << "input.language";
    }
    void badCorrectionsChangeNothing() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, rule);
        TestDb t;
        addPatient(t, QStringLiteral("100202"), QDate(2017, 3, 2), QStringLiteral("ana@example.org"));
        PatientChanges c;
        if (field == QLatin1String("birth_date"))
            c.birthDate = value;
        else if (field == QLatin1String("email"))
            c.email = value;
        else if (field == QLatin1String("given"))
            c.givenName = value;
        else if (field == QLatin1String("sex"))
            c.sex = value;
        else
            c.language = value;
        const qint64 events = t.count(QStringLiteral("SELECT count(*) FROM audit_events"));
        auto r = PatientService(*t.as(QStringLiteral("specialist"))).update(QStringLiteral("100202"), c);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Validation);
        QVERIFY2(r.error().rule.startsWith(rule.section(QLatin1Char('.'), 0, 0)), qPrintable(r.error().rule));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events")), events);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients WHERE birth_date = '2017-03-02' AND "
                                        "email = 'ana@example.org' AND given_name = 'Ana'")),
                 1);
    }

    // A corrected name is found at once, and the old spelling no longer.
    void aCorrectedNameIsFoundAtOnce() {
        TestDb t;
        addPatient(t, QStringLiteral("100203"), QDate(2017, 3, 2));
        auto ctx = t.as(QStringLiteral("specialist"));
        PatientChanges c;
        c.familyName = QStringLiteral("Hernández-Ruiz");
        QVERIFY(PatientService(*ctx).update(QStringLiteral("100203"), c).ok());
        QCOMPARE(PatientService(*ctx).search(QStringLiteral("hernandez ruiz"))->size(), 1);
        QCOMPARE(PatientService(*ctx).search(QStringLiteral("lopez ana"))->size(), 0);
    }

    void twoEditorsNeverOverwriteEachOther() {
        TestDb t;
        const Patient p = addPatient(t, QStringLiteral("100204"), QDate(2017, 3, 2));
        auto ctx = t.as(QStringLiteral("specialist"));
        PatientChanges first;
        first.phone = QStringLiteral("(323) 555-0100");
        first.expectedVersion = p.rowVersion;
        QVERIFY(PatientService(*ctx).update(QStringLiteral("100204"), first).ok());
        PatientChanges second;
        second.phone = QStringLiteral("(323) 555-0199");
        second.expectedVersion = p.rowVersion; // the same page, opened before the first save
        auto r = PatientService(*ctx).update(QStringLiteral("100204"), second);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Conflict);
    }

    void agentsMayNotCorrectAndSeeNoBirthDatesInTheTimeline() {
        TestDb t;
        addPatient(t, QStringLiteral("100205"), QDate(2017, 3, 2));
        auto agent = t.as(QStringLiteral("agent"));
        auto refused =
            PatientService(*agent).update(QStringLiteral("100205"), birthDate(QStringLiteral("2016-03-02")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::NotPermitted);
        QVERIFY(PatientService(*t.as(QStringLiteral("specialist")))
                    .update(QStringLiteral("100205"), birthDate(QStringLiteral("2016-03-02")))
                    .ok());
        auto story = PatientService(*agent).show(QStringLiteral("100205"));
        QVERIFY(story.ok());
        for (const AuditEvent& e : story->timeline) {
            QVERIFY2(!e.details.contains(QStringLiteral("2016-03-02")), qPrintable(e.details));
            QVERIFY2(!e.details.contains(QStringLiteral("2017-03-02")), qPrintable(e.details));
        }
    }
};

QTEST_GUILESS_MAIN(TestCorrections)
#include "TestCorrections.moc"
