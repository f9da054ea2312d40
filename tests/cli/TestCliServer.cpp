// portaldesk-cli on the central database: set up by the database's administrator, staff logins made
// and ended by supervisors, each person acting as the login they signed in with.
#include "cli/CliRunner.h"
#include "support/PgCluster.h"

#include <QDir>
#include <QJsonArray>
#include <QScopeGuard>
#include <QTemporaryDir>

using namespace pd::test;

namespace {

const QByteArray SuePassword = "sue's long passphrase";
const QByteArray SamPassword = "sam's long passphrase";

} // namespace

class TestCliServer : public QObject {
    Q_OBJECT

    QString m_database;

    QString address(const QString& login) const {
        const PgCluster& pg = PgCluster::shared();
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable")
            .arg(login)
            .arg(pg.port())
            .arg(m_database);
    }

    // The password comes in PGPASSWORD, as a scheduler's secret store would hand it over. The shared
    // database is a training one, so that its clock can be pinned (--now).
    CliResult run(const QString& login, const QByteArray& password, const QStringList& args,
                  const QByteArray& input = {}) {
        return runOn(address(login),
                     QStringList{QStringLiteral("--now"), QStringLiteral("2026-11-24T09:00:00")} + args,
                     password, input);
    }

    CliResult runOn(const QString& location, const QStringList& args, const QByteArray& password,
                    const QByteArray& input = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PORTALDESK_LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(password));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PORTALDESK_CLI), QStringList{QStringLiteral("--db"), location} + args);
        if (!p.waitForStarted(10000))
            qFatal("portaldesk-cli did not start");
        p.write(input + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("portaldesk-cli did not finish");
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    CliResult admin(const QStringList& args, const QByteArray& input = {}) {
        return run(PgCluster::shared().adminUser(), PgCluster::shared().adminPassword().toUtf8(), args,
                   input);
    }

private slots:
    void initTestCase() {
        if (qEnvironmentVariable("PORTALDESK_TEST_DB") != QLatin1String("postgresql"))
            QSKIP("the central database's own test");
        PgCluster& pg = PgCluster::shared();
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        m_database = QStringLiteral("cli_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(pg.createDatabase(m_database));
    }

    void theAdministratorSetsUpAndAddsTheFirstSupervisor() {
        const CliResult init = admin({QStringLiteral("init"), QStringLiteral("--training")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        // Whatever the newest migration is: every compiled-in one was applied (TestDatabase counts them).
        QVERIFY2(init.out.contains(QRegularExpression(QStringLiteral("schema version [1-9][0-9]*\\)"))),
                 qPrintable(init.out));
        const CliResult sue = admin({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("sue"),
                                     QStringLiteral("--role"), QStringLiteral("him_supervisor")},
                                    SuePassword);
        QVERIFY2(sue.exitCode == 0, qPrintable(sue.err));
    }

    void aSupervisorAddsStaffWithPasswordsOfTheirOwn() {
        const CliResult weak = run(QStringLiteral("sue"), SuePassword,
                                   {QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("sam"),
                                    QStringLiteral("--role"), QStringLiteral("support_agent")},
                                   "short");
        QCOMPARE(weak.exitCode, 3);
        QVERIFY(weak.err.contains(QStringLiteral("12 characters")));
        const CliResult sam = run(QStringLiteral("sue"), SuePassword,
                                  {QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("sam"),
                                   QStringLiteral("--role"), QStringLiteral("support_agent")},
                                  SamPassword);
        QVERIFY2(sam.exitCode == 0, qPrintable(sam.err));
        const CliResult patient =
            run(QStringLiteral("sue"), SuePassword,
                {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--mrn"),
                 QStringLiteral("600001"), QStringLiteral("--given"), QStringLiteral("Sofía"),
                 QStringLiteral("--family"), QStringLiteral("Hernández"), QStringLiteral("--birth-date"),
                 QStringLiteral("2017-05-14"), QStringLiteral("--email"),
                 QStringLiteral("familia.hernandez@example.org")});
        QVERIFY2(patient.exitCode == 0, qPrintable(patient.err));
    }

    void anAgentSeesMaskedDetailsAndCantManageStaff() {
        const CliResult found = run(QStringLiteral("sam"), SamPassword,
                                    {QStringLiteral("search"), QStringLiteral("familia.hern")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY(found.out.contains(QStringLiteral("Hernández")));
        QVERIFY(!found.out.contains(QStringLiteral("familia.hernandez@")));
        const CliResult add = run(QStringLiteral("sam"), SamPassword,
                                  {QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("eve"),
                                   QStringLiteral("--role"), QStringLiteral("him_supervisor")},
                                  "a long enough password");
        QCOMPARE(add.exitCode, 6);
        const CliResult other = run(QStringLiteral("sam"), SamPassword,
                                    {QStringLiteral("--staff"), QStringLiteral("sue"),
                                     QStringLiteral("staff"), QStringLiteral("list")});
        QCOMPARE(other.exitCode, 6);
        QVERIFY(other.err.contains(QStringLiteral("you act as the login you signed in with")));
    }

    void wrongPasswordsAndBadAddressesAreClear() {
        const CliResult wrong =
            run(QStringLiteral("sam"), "not it", {QStringLiteral("search"), QStringLiteral("600001")});
        QCOMPARE(wrong.exitCode, 6);
        QVERIFY(wrong.err.contains(QStringLiteral("did not accept the sign-in of sam")));
        QVERIFY(!wrong.err.contains(QStringLiteral("not it")));

        QProcess p;
        p.start(QStringLiteral(PORTALDESK_CLI),
                {QStringLiteral("--db"), QStringLiteral("postgresql://sam@127.0.0.1:1/x?sslmode=sometimes"),
                 QStringLiteral("search"), QStringLiteral("x")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(
            QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("sslmode must be one of")));

        // Nothing listens on port 1.
        QProcess q;
        q.start(QStringLiteral(PORTALDESK_CLI),
                {QStringLiteral("--db"),
                 QStringLiteral("postgresql://sam@127.0.0.1:1/x?sslmode=disable&connect_timeout=2"),
                 QStringLiteral("search"), QStringLiteral("x")});
        QVERIFY(q.waitForFinished(30000));
        QCOMPARE(q.exitCode(), 7);
        QVERIFY(QString::fromUtf8(q.readAllStandardError()).contains(QStringLiteral("can't be reached")));

        // No sslmode means verify-full: without the server's CA, refused before connecting.
        QProcess r;
        r.start(QStringLiteral(PORTALDESK_CLI),
                {QStringLiteral("--db"), QStringLiteral("postgresql://sam@db.example.org/x"),
                 QStringLiteral("search"), QStringLiteral("x")});
        QVERIFY(r.waitForFinished(30000));
        QCOMPARE(r.exitCode(), 3);
        const QString why = QString::fromUtf8(r.readAllStandardError());
        QVERIFY2(why.contains(QStringLiteral("verify-full")) && why.contains(QStringLiteral("sslrootcert")),
                 qPrintable(why));
    }

    // The daily job's system service (portaldesk-daily.service) signs in as a service account of its own,
    // with the password in a libpq password file that systemd hands over (PGPASSFILE), never in the
    // environment; that account runs the daily job and nothing else.
    void theDailyServiceSignsInWithAPasswordFile() {
        const QByteArray password = "the daily job's long passphrase";
        const CliResult added =
            run(QStringLiteral("sue"), SuePassword,
                {QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("portaldesk-daily"),
                 QStringLiteral("--role"), QStringLiteral("daily_job")},
                password);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QTemporaryDir dir;
        const QString passFile = dir.filePath(QStringLiteral("pgpass"));
        QFile pgpass(passFile);
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(QStringLiteral("127.0.0.1:%1:%2:portaldesk-daily:")
                         .arg(PgCluster::shared().port())
                         .arg(m_database)
                         .toUtf8() +
                     password + '\n');
        pgpass.close();
        const auto daily = [&](const QStringList& command = {QStringLiteral("daily")}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("PGPASSWORD"));
            env.insert(QStringLiteral("PGPASSFILE"), passFile);
            env.insert(QStringLiteral("PORTALDESK_LANGUAGE"), QStringLiteral("en"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(PORTALDESK_CLI),
                    QStringList{QStringLiteral("--db"), address(QStringLiteral("portaldesk-daily")),
                                QStringLiteral("--now"), QStringLiteral("2026-11-25T00:15:00")} +
                        command);
            p.closeWriteChannel();
            if (!p.waitForFinished(60000))
                qFatal("portaldesk-cli did not finish");
            return CliResult{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                             QString::fromUtf8(p.readAllStandardError())};
        };
        // libpq ignores a password file others can read, as the service's credential never is.
        QVERIFY(
            pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const CliResult refused = daily();
        QCOMPARE(refused.exitCode, 6);
        QVERIFY2(refused.err.contains(QStringLiteral("password")), qPrintable(refused.err));
        QVERIFY(pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const CliResult ran = daily();
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(ran.out.contains(QStringLiteral("queued for the mail service")));
        for (const QStringList& desk :
             {QStringList{QStringLiteral("search"), QStringLiteral("lopez")},
              QStringList{QStringLiteral("transitions"), QStringLiteral("upcoming")},
              QStringList{QStringLiteral("audit"), QStringLiteral("anchor")},
              QStringList{QStringLiteral("mail"), QStringLiteral("send")}}) {
            const CliResult other = daily(desk);
            QCOMPARE(other.exitCode, 6);
            QVERIFY2(other.err.contains(QStringLiteral("daily job's service account")),
                     qPrintable(other.err));
        }
    }

    void aDisabledLoginCantSignIn() {
        const CliResult off =
            run(QStringLiteral("sue"), SuePassword,
                {QStringLiteral("staff"), QStringLiteral("disable"), QStringLiteral("sam")});
        QVERIFY2(off.exitCode == 0, qPrintable(off.err));
        const CliResult sam =
            run(QStringLiteral("sam"), SamPassword, {QStringLiteral("search"), QStringLiteral("600001")});
        QCOMPARE(sam.exitCode, 6);
    }

    void aLiveDatabaseKeepsTheServersClock() {
        PgCluster& pg = PgCluster::shared();
        const QString name = QStringLiteral("live_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(pg.createDatabase(name));
        const auto dropLive = qScopeGuard([&pg, name] { pg.dropDatabase(name); });
        const QString live = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable")
                                 .arg(pg.adminUser())
                                 .arg(pg.port())
                                 .arg(name);
        const QByteArray password = pg.adminPassword().toUtf8();

        const CliResult init = runOn(live, {QStringLiteral("init")}, password);
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const QDateTime serverNow = QDateTime::currentDateTimeUtc(); // the cluster runs on this machine

        // A workstation's --now would end families' access for real: refused, and nothing runs.
        const CliResult future = runOn(live,
                                       {QStringLiteral("--now"), QStringLiteral("2045-01-01T09:00:00"),
                                        QStringLiteral("daily"), QStringLiteral("--no-mail")},
                                       password);
        QCOMPARE(future.exitCode, 6);
        QVERIFY2(future.err.contains(QStringLiteral("is a live one")) &&
                     future.err.contains(QStringLiteral("init --training")),
                 qPrintable(future.err));
        // Nor does a live database turn into a training one.
        const CliResult training =
            runOn(live, {QStringLiteral("init"), QStringLiteral("--training")}, password);
        QCOMPARE(training.exitCode, 6);
        QVERIFY2(training.err.contains(QStringLiteral("is a live database, not a training one")),
                 qPrintable(training.err));

        // Without --now it works, and the log's times are the server's.
        const CliResult daily = runOn(live, {QStringLiteral("daily"), QStringLiteral("--no-mail")}, password);
        QVERIFY2(daily.exitCode == 0, qPrintable(daily.err));
        const CliResult log = runOn(
            live, {QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list")}, password);
        QVERIFY2(log.exitCode == 0, qPrintable(log.err));
        const QJsonArray events =
            QJsonDocument::fromJson(log.out.toUtf8()).object().value(QStringLiteral("events")).toArray();
        QVERIFY2(!events.isEmpty(), qPrintable(log.out));
        for (const QJsonValue& e : events) {
            const QDateTime at =
                QDateTime::fromString(e.toObject().value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
            QVERIFY2(at.isValid() && qAbs(at.secsTo(serverNow)) < 600, qPrintable(log.out));
        }
        // Mail claims are stamped and aged by the same clock: whatever time a workstation gives, the live
        // database answers with its own (a training database keeps the given one).
        const QDateTime claimAt = QDateTime::fromString(
            pg.scalar(QStringLiteral("SELECT server_now('2045-01-01T09:00:00.000Z')"), name).toString(),
            Qt::ISODateWithMs);
        QVERIFY2(claimAt.isValid() && qAbs(claimAt.secsTo(serverNow)) < 600, qPrintable(claimAt.toString()));
        const QDateTime staleFrom = QDateTime::fromString(
            pg.scalar(QStringLiteral("SELECT server_now('2045-01-01T09:00:00.000Z', 1800)"), name).toString(),
            Qt::ISODateWithMs);
        QVERIFY(qAbs(staleFrom.secsTo(claimAt) - 1800) < 60);
        QCOMPARE(
            pg.scalar(QStringLiteral("SELECT server_now('2045-01-01T09:00:00.000Z')"), m_database).toString(),
            QStringLiteral("2045-01-01T09:00:00.000Z"));
    }

    // On the central database the desks queue and the mail service sends: a supervisor's "mail send" is
    // refused, the service's account can do nothing else, and "mail serve" delivers until it is stopped.
    void theMailServiceSendsWhatTheDesksQueue() {
        QTemporaryDir drop;
        QVERIFY(drop.isValid());
        const QByteArray MiaPassword = "the mail service's passphrase";
        const CliResult mia = run(QStringLiteral("sue"), SuePassword,
                                  {QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("mia"),
                                   QStringLiteral("--role"), QStringLiteral("mailer")},
                                  MiaPassword);
        QVERIFY2(mia.exitCode == 0, qPrintable(mia.err));
        QCOMPARE(run(QStringLiteral("sue"), SuePassword,
                     {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("mail.drop_folder"),
                      drop.path()})
                     .exitCode,
                 0);
        const CliResult enrolled =
            run(QStringLiteral("sue"), SuePassword,
                {QStringLiteral("enroll"), QStringLiteral("--mrn"), QStringLiteral("600001"),
                 QStringLiteral("--form"), QStringLiteral("parent"), QStringLiteral("--signed"),
                 QStringLiteral("2026-11-24"), QStringLiteral("--given"), QStringLiteral("Rosa"),
                 QStringLiteral("--family"), QStringLiteral("Hernández"), QStringLiteral("--email"),
                 QStringLiteral("rosa.hernandez@example.org")},
                "580417");
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
        const CliResult queued =
            run(QStringLiteral("sue"), SuePassword,
                {QStringLiteral("invitation"), QStringLiteral("send-now"), QStringLiteral("rosa.hernandez")});
        QVERIFY2(queued.exitCode == 0, qPrintable(queued.err));

        const CliResult desk =
            run(QStringLiteral("sue"), SuePassword, {QStringLiteral("mail"), QStringLiteral("send")});
        QCOMPARE(desk.exitCode, 6);
        QVERIFY2(desk.err.contains(QStringLiteral("mail is sent by the mail service")), qPrintable(desk.err));
        const CliResult nosy =
            run(QStringLiteral("mia"), MiaPassword,
                {QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("600001")});
        QCOMPARE(nosy.exitCode, 6);
        QVERIFY2(nosy.err.contains(QStringLiteral("mail service's account")), qPrintable(nosy.err));

        QProcess service;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PORTALDESK_LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(MiaPassword));
        service.setProcessEnvironment(env);
        service.start(QStringLiteral(PORTALDESK_CLI),
                      {QStringLiteral("--db"), address(QStringLiteral("mia")), QStringLiteral("--now"),
                       QStringLiteral("2026-11-24T09:05:00"), QStringLiteral("mail"), QStringLiteral("serve"),
                       QStringLiteral("--every"), QStringLiteral("1")});
        QVERIFY(service.waitForStarted(10000));
        const auto stop = qScopeGuard([&service] {
            if (service.state() != QProcess::NotRunning) {
                service.kill();
                service.waitForFinished(5000);
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(QDir(drop.path()).entryList({QStringLiteral("*.eml")}, QDir::Files).size(),
                                  1, 30000);
        service.terminate(); // SIGTERM, as systemd stops it
        QVERIFY(service.waitForFinished(15000));
        const QString said = QString::fromUtf8(service.readAllStandardOutput());
        QCOMPARE(service.exitCode(), 0);
        QVERIFY2(said.contains(QStringLiteral("Stopped. Sent 1,")), qPrintable(said));

        // The server marked the invitation sent, by its clock, in the service's name.
        const CliResult list = run(QStringLiteral("sue"), SuePassword,
                                   {QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list"),
                                    QStringLiteral("--record"), QStringLiteral("invitation")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        bool sentByService = false;
        for (const QJsonValue& e :
             QJsonDocument::fromJson(list.out.toUtf8()).object().value(QStringLiteral("events")).toArray()) {
            const QJsonObject o = e.toObject();
            sentByService |=
                o.value(QStringLiteral("action")).toString() == QLatin1String("invitation.sent") &&
                o.value(QStringLiteral("staff")).toString() == QLatin1String("mia");
        }
        QVERIFY2(sentByService, qPrintable(list.out));
    }

    void cleanupTestCase() {
        if (!m_database.isEmpty())
            PgCluster::shared().dropDatabase(m_database);
    }
};

QTEST_GUILESS_MAIN(TestCliServer)
#include "TestCliServer.moc"
