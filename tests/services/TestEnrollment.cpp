// Enrollment follows the forms of the patient's bracket (SPEC §2) and creates login, grant and invitation.
#include "services/ServiceFixture.h"

#include "store/GrantRepository.h"

using namespace pd;
using namespace pd::test;

class TestEnrollment : public QObject {
    Q_OBJECT

private slots:
    void formsPerBracket_data() {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("form");
        QTest::addColumn<bool>("parentFirst");
        QTest::addColumn<QString>("level"); // empty = refused
        QTest::addColumn<QString>("rule");
        // The clock is 2026-11-24 in Los Angeles.
        QTest::newRow("child 9: parent form gives full access")
            << QDate(2017, 3, 2) << "parent" << false << "full"
            << "";
        QTest::newRow("child 11 (turns 12 tomorrow): patient form refused")
            << QDate(2014, 11, 25) << "patient" << false << ""
            << "enrollment.patient_form_under_12";
        QTest::newRow("adolescent 12 today: parent form gives limited access")
            << QDate(2014, 11, 24) << "parent" << false << "limited"
            << "";
        QTest::newRow("adolescent 15: own form without a parent form refused")
            << QDate(2011, 5, 5) << "patient" << false << ""
            << "enrollment.adolescent_needs_parent";
        QTest::newRow("adolescent 15: own form after the parent's gives full access")
            << QDate(2011, 5, 5) << "patient" << true << "full"
            << "";
        QTest::newRow("adult 18 today: patient form gives full access")
            << QDate(2008, 11, 24) << "patient" << false << "full"
            << "";
        QTest::newRow("adult 17 turning 18 tomorrow: parent form still limited")
            << QDate(2008, 11, 25) << "parent" << false << "limited"
            << "";
        QTest::newRow("adult 30: parent form refused") << QDate(1996, 1, 1) << "parent" << false << ""
                                                       << "enrollment.parent_form_adult";
    }

    void formsPerBracket() {
        QFETCH(QDate, birth);
        QFETCH(QString, form);
        QFETCH(bool, parentFirst);
        QFETCH(QString, level);
        QFETCH(QString, rule);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), birth, QStringLiteral("teen@example.net"));
        const QDate signedOn(2026, 11, 24);
        if (parentFirst)
            enrollOk(t, parentForm(QStringLiteral("100200"), signedOn, QStringLiteral("mom@example.org")));
        const EnrollRequest r =
            form == QLatin1String("parent")
                ? parentForm(QStringLiteral("100200"), signedOn, QStringLiteral("dad@example.org"),
                             QStringLiteral("José"))
                : patientForm(QStringLiteral("100200"), signedOn, QStringLiteral("teen@example.net"));
        const qint64 grantsBefore = t.count(QStringLiteral("SELECT count(*) FROM access_grants"));
        auto out = EnrollmentService(*t.as(QStringLiteral("specialist"))).enroll(r, QStringLiteral("482913"));
        if (level.isEmpty()) {
            QVERIFY(!out.ok());
            QCOMPARE(out.error().rule, rule);
            QCOMPARE(out.error().kind, ErrorKind::Validation);
            QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants")), grantsBefore);
            return;
        }
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().message));
        QCOMPARE(out->level, level);
        QVERIFY(out->invitationId > 0);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM invitations WHERE status = 'queued' AND token_hash IS NULL")),
                 grantsBefore + 1);
    }

    void formSignedBeforeTheBirthdayIsRefusedAfterIt() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2014, 11, 20)); // turned 12 four days ago
        auto out = EnrollmentService(*t.as(QStringLiteral("specialist")))
                       .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 15),
                                          QStringLiteral("mom@example.org")),
                               QStringLiteral("482913"));
        QVERIFY(!out.ok());
        QCOMPARE(out.error().rule, QStringLiteral("enrollment.bracket_changed"));
    }

    void invitationIsDueWithinTwoBusinessDays() {
        TestDb t;
        t.clock.set(la(2026, 11, 25, 10, 0)); // Wednesday before Thanksgiving
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto out = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 25), QStringLiteral("mom@example.org")));
        // Thursday is Thanksgiving, Friday counts: due Monday 10:00.
        QCOMPARE(out.dueAt, la(2026, 11, 30, 10, 0));
    }

    void pinRulesApply_data() {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("rule");
        QTest::newRow("too short") << "123"
                                   << "pin.format";
        QTest::newRow("all same") << "7777"
                                  << "pin.all_same";
        QTest::newRow("straight run") << "3456"
                                      << "pin.straight_run";
        QTest::newRow("birth year") << "2017"
                                    << "pin.birth_date";
        QTest::newRow("birth MMDD") << "0302"
                                    << "pin.birth_date";
    }

    void pinRulesApply() {
        QFETCH(QString, pin);
        QFETCH(QString, rule);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        auto out = EnrollmentService(*t.as(QStringLiteral("specialist")))
                       .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                          QStringLiteral("mom@example.org")),
                               pin);
        QVERIFY(!out.ok());
        QCOMPARE(out.error().rule, rule);
        QVERIFY(!out.error().message.contains(pin));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users")), 0);
    }

    void pinIsStoredOnlyAsASaltedHash() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        enrollOk(t,
                 parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")),
                 QStringLiteral("482913"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE pin_hash LIKE 'scrypt$%' "
                                        "AND pin_hash NOT LIKE '%482913%'")),
                 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE details LIKE '%482913%'")),
                 0);
    }

    void siblingsShareOneLogin() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        addPatient(t, QStringLiteral("100201"), QDate(2019, 8, 9));
        const auto first = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        const auto second = enrollOk(
            t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        QCOMPARE(second.user.id, first.user.id);
        QVERIFY(!second.newLogin);
        QCOMPARE(second.invitationId, first.invitationId); // the live invitation now opens both
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE ended_at IS NULL")), 2);
    }

    void sharedEmailNeedsASupervisorsOverride() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2011, 5, 5), QStringLiteral("teen@example.net"));
        auto refused = EnrollmentService(*t.as(QStringLiteral("specialist")))
                           .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                              QStringLiteral("teen@example.net")),
                                   QStringLiteral("482913"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().rule, QStringLiteral("enrollment.shared_email"));

        // The same mailbox written with other capitals is the same address.
        auto capitals = EnrollmentService(*t.as(QStringLiteral("specialist")))
                            .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                               QStringLiteral("Teen@Example.NET")),
                                    QStringLiteral("482913"));
        QCOMPARE(capitals.error().rule, QStringLiteral("enrollment.shared_email"));

        EnrollRequest r =
            parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("teen@example.net"));
        r.overrideReason = QStringLiteral("family has one address; reviewed with the parent");
        auto bySpecialist =
            EnrollmentService(*t.as(QStringLiteral("specialist"))).enroll(r, QStringLiteral("482913"));
        QVERIFY(!bySpecialist.ok());
        QCOMPARE(bySpecialist.error().kind, ErrorKind::NotPermitted);
        auto bySupervisor =
            EnrollmentService(*t.as(QStringLiteral("supervisor"))).enroll(r, QStringLiteral("482913"));
        QVERIFY2(bySupervisor.ok(), bySupervisor.ok() ? "" : qPrintable(bySupervisor.error().message));
    }

    void sharedEmailIsOneMailboxHoweverWritten_data() {
        QTest::addColumn<QString>("patientEmail");
        QTest::addColumn<QString>("proxyEmail");
        QTest::addColumn<bool>("shared");
        QTest::newRow("same") << QStringLiteral("teen@example.net") << QStringLiteral("teen@example.net")
                              << true;
        QTest::newRow("capitals") << QStringLiteral("teen@example.net") << QStringLiteral("Teen@Example.NET")
                                  << true;
        QTest::newRow("plus tag") << QStringLiteral("teen@example.net")
                                  << QStringLiteral("teen+parent@example.net") << true;
        QTest::newRow("accent composed or not")
            << QStringLiteral("jos\u00E9@example.net") << QStringLiteral("JOSE\u0301@example.net") << true;
        QTest::newRow("another mailbox")
            << QStringLiteral("teen@example.net") << QStringLiteral("teen.mom@example.net") << false;
    }

    void sharedEmailIsOneMailboxHoweverWritten() {
        QFETCH(QString, patientEmail);
        QFETCH(QString, proxyEmail);
        QFETCH(bool, shared);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2011, 5, 5), patientEmail);
        auto out = EnrollmentService(*t.as(QStringLiteral("specialist")))
                       .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), proxyEmail),
                               QStringLiteral("482913"));
        QCOMPARE(out.ok(), !shared);
        if (shared)
            QCOMPARE(out.error().rule, QStringLiteral("enrollment.shared_email"));
    }

    void supportAgentsCannotEnroll() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        auto out = EnrollmentService(*t.as(QStringLiteral("agent")))
                       .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                          QStringLiteral("mom@example.org")),
                               QStringLiteral("482913"));
        QVERIFY(!out.ok());
        QCOMPARE(out.error().kind, ErrorKind::NotPermitted);
    }

    void enrollingTwiceIsAConflict() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        auto again = EnrollmentService(*t.as(QStringLiteral("specialist")))
                         .enroll(parentForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                            QStringLiteral("mom@example.org")),
                                 QStringLiteral("482913"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM enrollments")), 1);
    }
};

QTEST_GUILESS_MAIN(TestEnrollment)
#include "TestEnrollment.moc"
