// Signing in on the embedded file proves who you are: each staff member's own password, a supervisor's
// one-time passwords that must be changed, and a lock after too many wrong passwords in a row.
#include "services/ServiceFixture.h"

#include "services/StaffPasswords.h"

#include <QSqlQuery>

using namespace pd;
using namespace pd::test;

namespace {

Result<PasswordSignIn> signInAs(TestDb& t, const QString& name, const QString& password,
                                const Clock* at = nullptr) {
    return signInWithPassword(*t.db, at ? *at : t.clock, QStringLiteral("ws"), name, password);
}

} // namespace

class TestStaffSignIn : public QObject {
    Q_OBJECT

private slots:
    void init() {
        if (onPostgres())
            QSKIP("the central database's server checks each login's own password");
    }

    void theRightPasswordSignsIn() {
        TestDb t;
        auto in = signInAs(t, QStringLiteral("specialist"), staffPassword());
        QVERIFY2(in.ok(), in.ok() ? "" : qPrintable(in.error().message));
        QCOMPARE(in->staff.role, QStringLiteral("him_specialist"));
        QVERIFY(!in->mustChange);
    }

    void anUnknownNameAndAWrongPasswordGetTheSameAnswer_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password")
            << QStringLiteral("specialist") << QStringLiteral("desk-test-passwore");
        QTest::newRow("unknown name") << QStringLiteral("nobody") << staffPassword();
        QTest::newRow("another's password is no use")
            << QStringLiteral("nobody") << QStringLiteral("desk-test-password ");
        QTest::newRow("empty") << QStringLiteral("specialist") << QString();
        QTest::newRow("SQL in the name") << QStringLiteral("x' OR '1'='1") << QStringLiteral("x' OR '1'='1");
    }

    void anUnknownNameAndAWrongPasswordGetTheSameAnswer() {
        QFETCH(QString, name);
        QFETCH(QString, password);
        TestDb t;
        auto in = signInAs(t, name, password);
        QVERIFY(!in.ok());
        QCOMPARE(in.error().rule, QStringLiteral("staff.sign_in"));
        QCOMPARE(in.error().message, QStringLiteral("That name and password don't match."));
    }

    void theHashIsKeptNeverThePassword() {
        TestDb t;
        QSqlQuery q(t.db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM staff WHERE name = 'specialist'")) &&
                q.next());
        QVERIFY(q.value(0).toString().startsWith(QLatin1String("scrypt$")));
        QVERIFY(!q.value(0).toString().contains(staffPassword()));
    }

    void wrongPasswordsInARowLockTheSignIn_data() {
        QTest::addColumn<QString>("attempts"); // the setting; empty for the default
        QTest::addColumn<int>("lockingAttempt");
        QTest::newRow("default: the fifth") << QString() << 5;
        QTest::newRow("set to three") << QStringLiteral("3") << 3;
        QTest::newRow("set to one") << QStringLiteral("1") << 1;
    }

    void wrongPasswordsInARowLockTheSignIn() {
        QFETCH(QString, attempts);
        QFETCH(int, lockingAttempt);
        TestDb t;
        if (!attempts.isEmpty())
            QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                        .setSetting(QStringLiteral("security.sign_in_attempts"), attempts)
                        .ok());
        for (int i = 1; i < lockingAttempt; ++i)
            QCOMPARE(signInAs(t, QStringLiteral("agent"), QStringLiteral("not the password")).error().rule,
                     QStringLiteral("staff.sign_in"));
        auto locking = signInAs(t, QStringLiteral("agent"), QStringLiteral("not the password"));
        QCOMPARE(locking.error().rule, QStringLiteral("staff.locked"));
        // Locked: even the right password waits, and the message says until when (15 minutes, local time).
        auto waiting = signInAs(t, QStringLiteral("agent"), staffPassword());
        QCOMPARE(waiting.error().rule, QStringLiteral("staff.locked"));
        QVERIFY2(waiting.error().message.contains(QLatin1String("2026-11-24 09:15")),
                 qPrintable(waiting.error().message));
        // Others are not locked.
        QVERIFY(signInAs(t, QStringLiteral("specialist"), staffPassword()).ok());
        // After the lock's minutes the right password works again, and the count starts afresh.
        FixedClock later(t.clock.nowUtc().addSecs(15 * 60 + 1));
        QVERIFY(signInAs(t, QStringLiteral("agent"), staffPassword(), &later).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT failed_sign_ins FROM staff WHERE name = 'agent'")), 0);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM audit_events WHERE action = 'staff.sign_in_locked'")),
                 1);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM audit_events WHERE action = 'staff.sign_in_failed'")),
                 lockingAttempt - 1);
    }

    void aRightPasswordEndsTheRunOfWrongOnes() {
        TestDb t;
        for (int i = 0; i < 4; ++i)
            QVERIFY(!signInAs(t, QStringLiteral("agent"), QStringLiteral("not the password")).ok());
        QVERIFY(signInAs(t, QStringLiteral("agent"), staffPassword()).ok());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(signInAs(t, QStringLiteral("agent"), QStringLiteral("not the password")).error().rule,
                     QStringLiteral("staff.sign_in"));
    }

    void aOneTimePasswordIsChangedAtTheFirstSignIn() {
        TestDb t;
        auto boss = t.as(QStringLiteral("supervisor"));
        QVERIFY(AdminService(*boss)
                    .addStaff(QStringLiteral("lee"), QStringLiteral("Lee Chan"),
                              QStringLiteral("support_agent"), QStringLiteral("one-time-password-1"))
                    .ok());
        auto first = signInAs(t, QStringLiteral("lee"), QStringLiteral("one-time-password-1"));
        QVERIFY(first.ok());
        QVERIFY(first->mustChange);
        QCOMPARE(changeOwnPassword(*t.db, t.clock, QStringLiteral("ws"), QStringLiteral("lee"),
                                   QStringLiteral("one-time-password-1"),
                                   QStringLiteral("one-time-password-1"))
                     .error()
                     .rule,
                 QStringLiteral("staff.password"));
        QVERIFY(changeOwnPassword(*t.db, t.clock, QStringLiteral("ws"), QStringLiteral("lee"),
                                  QStringLiteral("one-time-password-1"),
                                  QStringLiteral("chosen-by-them-2026"))
                    .ok());
        auto second = signInAs(t, QStringLiteral("lee"), QStringLiteral("chosen-by-them-2026"));
        QVERIFY(second.ok());
        QVERIFY(!second->mustChange);
        QCOMPARE(signInAs(t, QStringLiteral("lee"), QStringLiteral("one-time-password-1")).error().rule,
                 QStringLiteral("staff.sign_in"));
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM audit_events WHERE action = 'staff.password_changed'")),
                 1);
    }

    void aSupervisorsOneTimePasswordLiftsALock() {
        TestDb t;
        for (int i = 0; i < 5; ++i)
            (void)signInAs(t, QStringLiteral("agent"), QStringLiteral("not the password"));
        QCOMPARE(signInAs(t, QStringLiteral("agent"), staffPassword()).error().rule,
                 QStringLiteral("staff.locked"));
        QCOMPARE(AdminService(*t.as(QStringLiteral("specialist")))
                     .setOneTimePassword(QStringLiteral("agent"), QStringLiteral("a-new-one-time-pw"))
                     .error()
                     .kind,
                 ErrorKind::NotPermitted);
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setOneTimePassword(QStringLiteral("agent"), QStringLiteral("a-new-one-time-pw"))
                    .ok());
        auto in = signInAs(t, QStringLiteral("agent"), QStringLiteral("a-new-one-time-pw"));
        QVERIFY(in.ok());
        QVERIFY(in->mustChange);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'staff.password_set'")),
            1);
    }

    void passwordRules_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("ok");
        QTest::newRow("twelve characters") << QStringLiteral("abcdefghijkl") << true;
        QTest::newRow("any script") << QStringLiteral("contraseña-segura") << true;
        QTest::newRow("eleven characters") << QStringLiteral("abcdefghijk") << false;
        QTest::newRow("the sign-in name inside") << QStringLiteral("i-am-agent-2026") << false;
        QTest::newRow("a control character") << QStringLiteral("abcdef\tghijkl") << false;
        QTest::newRow("over 200 characters") << QString(201, QLatin1Char('x')) << false;
    }

    void passwordRules() {
        QFETCH(QString, password);
        QFETCH(bool, ok);
        const Status s = checkStaffPassword(QStringLiteral("agent"), password);
        QCOMPARE(s.ok(), ok);
        if (!ok)
            QCOMPARE(s.error().rule, QStringLiteral("staff.password"));
    }

    void withoutAPasswordNobodySignsIn() {
        TestDb t;
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .addStaff(QStringLiteral("kim"), QString(), QStringLiteral("him_specialist"), QString())
                    .ok());
        QCOMPARE(signInAs(t, QStringLiteral("kim"), QString()).error().rule,
                 QStringLiteral("staff.no_password"));
        QCOMPARE(signInAs(t, QStringLiteral("kim"), QStringLiteral("anything at all")).error().rule,
                 QStringLiteral("staff.no_password"));
        // The first password is set once, by whoever sets the database up; after that only a supervisor's
        // one-time password or the owner's own change replaces it.
        QVERIFY(setFirstPassword(*t.db, t.clock, QStringLiteral("ws"), QStringLiteral("kim"),
                                 QStringLiteral("initial secret 2026"))
                    .ok());
        QCOMPARE(setFirstPassword(*t.db, t.clock, QStringLiteral("ws"), QStringLiteral("kim"),
                                  QStringLiteral("someone else's try"))
                     .error()
                     .rule,
                 QStringLiteral("staff.password_set"));
        QVERIFY(signInAs(t, QStringLiteral("kim"), QStringLiteral("initial secret 2026")).ok());
    }

    void aDisabledStaffMemberIsRefusedEvenWithTheRightPassword() {
        TestDb t;
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor"))).disableStaff(QStringLiteral("agent")).ok());
        QCOMPARE(signInAs(t, QStringLiteral("agent"), staffPassword()).error().rule,
                 QStringLiteral("staff.disabled"));
    }
};

QTEST_MAIN(TestStaffSignIn)
#include "TestStaffSignIn.moc"
