// A process that dies in the middle of an operation leaves all of it or none of it.
#include "cli/CliRunner.h"
#include "support/PgCluster.h"

#include <QScopeGuard>

#include <QJsonArray>

using namespace pd::test;

class TestCliCrash : public QObject {
    Q_OBJECT

    // Counts of everything an operation could touch, and the live state of the family's login.
    static QString state(Cli& cli) {
        return cli.sql(QStringLiteral(
            "SELECT (SELECT count(*) FROM patients) || '/' || (SELECT count(*) FROM portal_users) || '/' || "
            "(SELECT count(*) FROM access_grants) || '/' || (SELECT count(*) FROM enrollments) || '/' || "
            "(SELECT count(*) FROM invitations) || '/' || (SELECT count(*) FROM outbox) || '/' || "
            "(SELECT count(*) FROM audit_events) || '/' || "
            "(SELECT group_concat(status, ',') FROM (SELECT status FROM invitations ORDER BY id)) || '/' || "
            "(SELECT group_concat(status, ',') FROM (SELECT status FROM portal_users ORDER BY id))"));
    }

    // A parent's enrollment of a patient already on file, and a reissue with a new PIN (each reads a PIN).
    static QStringList enrollRosa(const char* mrn, const char* family, const char* email) {
        return {"enroll",  "--mrn", mrn,        "--form", "parent",  "--signed", "2026-11-20",
                "--given", "Rosa",  "--family", family,   "--email", email};
    }
    static QStringList reissueWithNewPin() {
        return {"invitation", "reissue", "maria.lopez", "--new-pin", "--verified-by", "DOB + MRN"};
    }

    static bool onServer() {
        return qEnvironmentVariable("PORTALDESK_TEST_DB") == QLatin1String("postgresql");
    }

    int m_databases = 0;

private slots:
    void init() {
        // The failpoints and the nightly run's resumption are the embedded file's tests; the kill loop
        // runs on both.
        if (onServer() && QByteArray(QTest::currentTestFunction()) != "aKillAtAnyMomentLeavesNoHalfState")
            QSKIP("the embedded file's test");
    }

    void crashLeavesNothingHalfDone_data() {
        QTest::addColumn<QString>("failpoint");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        const QStringList enroll = enrollRosa("100201", "Pérez", "rosa.perez@example.org");
        const QStringList addPatient = {"patient", "add",      "--mrn", "100300",       "--given",
                                        "Lucía",   "--family", "Pérez", "--birth-date", "2016-02-01"};
        const QStringList reissue = reissueWithNewPin();
        const QStringList deactivate = {"user", "deactivate", "maria.lopez", "--reason",
                                        "suspected_compromise"};
        QTest::newRow("patient add, before commit")
            << "patient_add.before_commit" << addPatient << QByteArray();
        QTest::newRow("enroll, after the login") << "enroll.after_user" << enroll << QByteArray("580417");
        QTest::newRow("enroll, after the grant") << "enroll.after_grant" << enroll << QByteArray("580417");
        QTest::newRow("enroll, before commit") << "enroll.before_commit" << enroll << QByteArray("580417");
        QTest::newRow("send now, before commit")
            << "send_now.before_commit" << QStringList{"invitation", "send-now", "jose.perez"}
            << QByteArray();
        QTest::newRow("reissue, after revoking the old one")
            << "reissue.after_revoke" << reissue << QByteArray("580417");
        QTest::newRow("reissue, before commit") << "reissue.before_commit" << reissue << QByteArray("580417");
        QTest::newRow("deactivate, after revoking")
            << "deactivate.after_revoke" << deactivate << QByteArray();
        QTest::newRow("deactivate, after the login") << "deactivate.after_user" << deactivate << QByteArray();
        QTest::newRow("deactivate, before commit")
            << "deactivate.before_commit" << deactivate << QByteArray();
    }

    void crashLeavesNothingHalfDone() {
        QFETCH(QString, failpoint);
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        Cli cli;
        // One family with a sent invitation, and a second patient whose family has a queued one.
        QCOMPARE(cli.enrollChild("100200", "Ana", "López", "2017-03-02", "María", "maria.lopez@example.org"),
                 QString());
        QCOMPARE(cli.enrollChild("100201", "Luis", "Pérez", "2018-04-04", "José", "jose.perez@example.org"),
                 QString());
        QCOMPARE(cli.run({"invitation", "send-now", "maria.lopez"}).exitCode, 0);
        const QString before = state(cli);

        cli.setEnv(QStringLiteral("PORTALDESK_FAILPOINT"), failpoint);
        const CliResult crashed = cli.run(args, input);
        QCOMPARE(crashed.exitCode, 99);
        QCOMPARE(state(cli), before);
        cli.clearEnv(QStringLiteral("PORTALDESK_FAILPOINT"));
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);

        // The same command, run again, does the whole thing.
        const CliResult again = cli.run(args, input);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(state(cli) != before);
        QCOMPARE(cli.sql(QStringLiteral(
                     "SELECT count(*) FROM invitations WHERE status IN ('queued','sent','delivery_failed') "
                     "GROUP BY portal_user_id HAVING count(*) > 1")),
                 QString());
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);
    }

    // SIGKILL at any moment of enroll, reissue, sending or the nightly run leaves no half-state: after each
    // kill the file is whole, the audit chain verifies, no login is left without its grant, no invitation
    // counts as sent before its message was accepted, every expiry is audited once; and running the work
    // again finishes it, each message once.
    void aKillAtAnyMomentLeavesNoHalfState_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("enroll") << enrollRosa("100202", "Díaz", "rosa.diaz@example.org")
                                << QByteArray("580417");
        QTest::newRow("reissue") << reissueWithNewPin() << QByteArray("580417");
        QTest::newRow("send") << QStringList{"mail", "send"} << QByteArray();
        QTest::newRow("daily") << QStringList{"daily"} << QByteArray();
    }

    // The same on the central database: its own functions and the mail service, killed at any moment.
    void aKillAtAnyMomentLeavesNoHalfState() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        std::unique_ptr<Cli> made;
        QString database;
        if (onServer()) {
            PgCluster& pg = PgCluster::shared();
            QVERIFY2(pg.ok(), qPrintable(pg.error()));
            database =
                QStringLiteral("crash_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_databases);
            QVERIFY(pg.createDatabase(database));
            made = std::make_unique<Cli>(QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable")
                                             .arg(pg.adminUser())
                                             .arg(pg.port())
                                             .arg(database),
                                         pg.adminPassword(), pg.binDirectory() + QStringLiteral("/psql"));
        } else {
            made = std::make_unique<Cli>();
        }
        const auto drop = qScopeGuard([&database] {
            if (!database.isEmpty())
                PgCluster::shared().dropDatabase(database);
        });
        Cli& cli = *made;
        // On the central database only the mail service's account sends; the owner acts for it.
        const QString sender = cli.onServer() ? QStringLiteral("mailer") : QStringLiteral("maria");
        const QString actor = args.first() == QLatin1String("mail") ? sender : QStringLiteral("maria");
        const QString admin = cli.onServer() ? QString() : QStringLiteral("admin");
        QCOMPARE(cli.enrollChild("100200", "Ana", "López", "2017-03-02", "María", "maria.lopez@example.org"),
                 QString());
        QCOMPARE(cli.enrollChild("100201", "Luis", "Pérez", "2018-04-04", "José", "jose.perez@example.org"),
                 QString());
        QCOMPARE(cli.run({"patient", "add", "--mrn", "100202", "--given", "Eva", "--family", "Díaz",
                          "--birth-date", "2019-05-05"})
                     .exitCode,
                 0);
        QCOMPARE(cli.run({"invitation", "send-now", "maria.lopez"}).exitCode, 0);
        QCOMPARE(cli.run({"invitation", "send-now", "jose.perez"}).exitCode, 0);
        const auto invariants = [&cli, &admin](const QString& when) {
            if (!cli.onServer())
                QCOMPARE(cli.sql(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QVERIFY2(cli.run({"audit", "verify"}, {}, admin).exitCode == 0, qPrintable(when));
            QCOMPARE(cli.sql(QStringLiteral(
                         "SELECT count(*) FROM portal_users u WHERE u.kind = 'proxy' AND NOT "
                         "EXISTS (SELECT 1 FROM access_grants g WHERE g.portal_user_id = u.id)")),
                     QStringLiteral("0"));
            QCOMPARE(
                cli.sql(QStringLiteral("SELECT count(*) FROM invitations i WHERE i.status = 'sent' AND "
                                       "(i.token_hash IS NULL OR NOT EXISTS (SELECT 1 FROM outbox o WHERE "
                                       "o.invitation_id = i.id AND o.status = 'sent'))")),
                QStringLiteral("0"));
            QCOMPARE(cli.sql(QStringLiteral(
                         "SELECT (SELECT count(*) FROM invitations WHERE status = 'expired') - "
                         "(SELECT count(*) FROM audit_events WHERE action = 'invitation.expired')")),
                     QStringLiteral("0"));
        };
        // Kills spread over the command's life: before it opens the file, in the middle, after it is done.
        int killed = 0;
        // (A command on the central database takes longer: a connection, and a round trip per statement.)
        const int step = cli.onServer() ? 40 : 20;
        for (int killAt = 0; killAt <= 15 * step; killAt += step) {
            if (cli.runKilledAfter(args, input, actor, killAt).exitCode == -1)
                ++killed;
            invariants(QStringLiteral("killed after %1 ms").arg(killAt));
        }
        qInfo("%d of 16 runs killed before they finished", killed);
        QVERIFY(killed > 0);
        // Run again, and a sender half an hour later takes over any claim a killed sender left: all done,
        // nothing waiting, each message's file written once.
        const CliResult again = cli.run(args, input, actor);
        QVERIFY2(again.exitCode == 0 || again.exitCode == 4, qPrintable(again.err)); // 4: enrolled already
        cli.setNow(QStringLiteral("2026-11-24T09:31:00"));
        QCOMPARE(cli.run({"mail", "send"}, {}, sender).exitCode, 0);
        invariants(QStringLiteral("after finishing"));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending') "
                                        "AND next_attempt_at <= '2026-11-24T17:31:00.000Z'")),
                 QStringLiteral("0"));
        QCOMPARE(
            cli.sql(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent'")),
            QString::number(QDir(cli.mailFolder()).entryList({QStringLiteral("*.eml")}, QDir::Files).size()));
    }

    // The nightly run works in small transactions: stopped after its first batch, it has done that batch
    // whole (audited, the chain intact), and the next run does the rest, nothing twice.
    void aStoppedDailyRunResumes() {
        Cli cli;
        QCOMPARE(cli.enrollChild("100200", "Ana", "López", "2017-03-02", "María", "maria.lopez@example.org"),
                 QString());
        // 650 families whose invitation window closed last week (more than a batch of 500), and 150
        // whose invitation is overdue.
        const QString seed = QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 800) "
            "INSERT INTO portal_users (username, email, given_name, family_name, language, kind, status, "
            "created_at, created_by, updated_at, updated_by) SELECT 'family' || i, 'family' || i || "
            "'@example.org', 'Rosa', 'Pérez', 'es', 'proxy', 'pending', '2026-11-01T17:00:00.000Z', 'maria', "
            "'2026-11-01T17:00:00.000Z', 'maria' FROM n; "
            "INSERT INTO invitations (portal_user_id, email, token_hash, pin_hash, status, queued_at, "
            "due_at, "
            "sent_at, expires_at, created_by, updated_at, updated_by) SELECT id, email, "
            "CASE WHEN substr(username, 7) + 0 <= 650 THEN 'token' || id END, 'x', "
            "CASE WHEN substr(username, 7) + 0 <= 650 THEN 'sent' ELSE 'queued' END, "
            "'2026-11-01T17:00:00.000Z', '2026-11-04T17:00:00.000Z', "
            "CASE WHEN substr(username, 7) + 0 <= 650 THEN '2026-11-02T17:00:00.000Z' END, "
            "CASE WHEN substr(username, 7) + 0 <= 650 THEN '2026-11-20T17:00:00.000Z' END, 'maria', "
            "'2026-11-01T17:00:00.000Z', 'maria' FROM portal_users WHERE username LIKE 'family%';");
        QCOMPARE(cli.sql(seed), QString());
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM invitations")), QStringLiteral("801"));

        cli.setEnv(QStringLiteral("PORTALDESK_FAILPOINT"), QStringLiteral("daily.batch_committed"));
        QCOMPARE(cli.run({"daily"}).exitCode, 99);
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'expired'")),
                 QStringLiteral("500"));
        QCOMPARE(
            cli.sql(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'invitation.expired'")),
            QStringLiteral("500"));
        cli.clearEnv(QStringLiteral("PORTALDESK_FAILPOINT"));
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);

        const auto done = cli.json({"daily"});
        QCOMPARE(done.exitCode, 0);
        QCOMPARE(done.json().value(QStringLiteral("invitations_expired")).toInt(), 150);
        QCOMPARE(done.json().value(QStringLiteral("invitations_marked_late")).toInt(), 150);
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'expired'")),
                 QStringLiteral("650"));
        QCOMPARE(
            cli.sql(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'invitation.expired'")),
            QStringLiteral("650"));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM invitations WHERE late_marked_at IS NOT NULL")),
                 QStringLiteral("150"));
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);

        // The worklists page: 150 late, 40 at a time, with the total.
        const auto page = cli.json({"invitation", "list", "--late", "--limit", "40", "--offset", "120"});
        QCOMPARE(page.exitCode, 0);
        QCOMPARE(page.json().value(QStringLiteral("total")).toInt(), 150);
        QCOMPARE(page.json().value(QStringLiteral("invitations")).toArray().size(), 30);
        const CliResult text = cli.run({"invitation", "list", "--late", "--limit", "40"});
        QVERIFY2(text.out.contains(QStringLiteral("Rows 1–40 of 150; --offset 40 for the next.")),
                 qPrintable(text.out));
        QCOMPARE(cli.run({"invitation", "list", "--limit", "0"}).exitCode, 3);
        QCOMPARE(cli.run({"invitation", "list", "--offset", "-1"}).exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestCliCrash)
#include "TestCliCrash.moc"
