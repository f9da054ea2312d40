// Bad input gets a clear message and the right exit code, and leaves nothing half-written.
#include "cli/CliRunner.h"

#include <QJsonArray>

using namespace pd::test;

class TestCliBadInput : public QObject {
    Q_OBJECT

    Cli* m_cli = nullptr;

    // What the database holds, so a refused command can be shown to have written nothing.
    QString snapshot() {
        return m_cli->sql(QStringLiteral(
            "SELECT (SELECT count(*) FROM patients) || '/' || (SELECT count(*) FROM portal_users) || '/' || "
            "(SELECT count(*) FROM access_grants) || '/' || (SELECT count(*) FROM invitations) || '/' || "
            "(SELECT count(*) FROM enrollments) || '/' || (SELECT count(*) FROM outbox) || '/' || "
            "(SELECT group_concat(status) FROM portal_users)"));
    }

private slots:
    void initTestCase() {
        m_cli = new Cli;
        QCOMPARE(m_cli
                     ->run({"patient", "add", "--mrn", "100200", "--given", "Ana", "--family", "López",
                            "--birth-date", "2017-03-02"})
                     .exitCode,
                 0);
        QCOMPARE(m_cli
                     ->run({"enroll", "--mrn", "100200", "--form", "parent", "--signed", "2026-11-20",
                            "--given", "María", "--family", "López", "--email", "maria.lopez@example.org"},
                           "482913")
                     .exitCode,
                 0);
    }

    void cleanupTestCase() { delete m_cli; }

    void refusedClearlyAndNothingWritten_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<int>("exitCode");
        const QString longName(5000, QLatin1Char('a'));
        const QStringList add = {"patient", "add", "--mrn", "100999", "--given", "Ana", "--family", "Ruiz"};
        const QStringList enroll = {"enroll",  "--mrn", "100200",   "--form", "parent",
                                    "--given", "José",  "--family", "López"};
        QTest::newRow("birth date 30 February")
            << (add + QStringList{"--birth-date", "2026-02-30"}) << QByteArray() << "maria" << 3;
        QTest::newRow("birth date short form")
            << (add + QStringList{"--birth-date", "26-1-1"}) << QByteArray() << "maria" << 3;
        QTest::newRow("birth date in words")
            << (add + QStringList{"--birth-date", "tomorrow"}) << QByteArray() << "maria" << 3;
        QTest::newRow("birth date in the future")
            << (add + QStringList{"--birth-date", "2027-01-01"}) << QByteArray() << "maria" << 3;
        QTest::newRow("patient e-mail without @")
            << (add + QStringList{"--birth-date", "2017-01-01", "--email", "ana.example.org"}) << QByteArray()
            << "maria" << 3;
        QTest::newRow("5,000-character name")
            << QStringList{"patient", "add",      "--mrn", "100999",       "--given",
                           longName,  "--family", "Ruiz",  "--birth-date", "2017-01-01"}
            << QByteArray() << "maria" << 3;
        QTest::newRow("MRN already used")
            << QStringList{"patient", "add",      "--mrn", "100200",       "--given",
                           "Otra",    "--family", "Niña",  "--birth-date", "2016-01-01"}
            << QByteArray() << "maria" << 4;
        QTest::newRow("MRN with SQL")
            << QStringList{"patient",      "add",       "--mrn",    "1'; DROP TABLE patients;--",
                           "--given",      "A",         "--family", "B",
                           "--birth-date", "2016-01-01"}
            << QByteArray() << "maria" << 3;
        QTest::newRow("enroll: unknown MRN")
            << QStringList{"enroll",  "--mrn", "999999",   "--form", "parent",  "--signed",     "2026-11-20",
                           "--given", "A",     "--family", "B",      "--email", "a@example.org"}
            << QByteArray("482913") << "maria" << 5;
        QTest::newRow("enroll: signed date malformed")
            << (enroll + QStringList{"--signed", "2026/11/20", "--email", "jose@example.org"})
            << QByteArray("482913") << "maria" << 3;
        QTest::newRow("enroll: e-mail without @")
            << (enroll + QStringList{"--signed", "2026-11-20", "--email", "jose.example.org"})
            << QByteArray("482913") << "maria" << 3;
        QTest::newRow("enroll: weak PIN")
            << (enroll + QStringList{"--signed", "2026-11-20", "--email", "jose@example.org"})
            << QByteArray("1234") << "maria" << 3;
        QTest::newRow("enroll: PIN with letters")
            << (enroll + QStringList{"--signed", "2026-11-20", "--email", "jose@example.org"})
            << QByteArray("48a913") << "maria" << 3;
        QTest::newRow("enroll: patient form for a child")
            << QStringList{"enroll",   "--mrn",      "100200",  "--form",         "patient",
                           "--signed", "2026-11-20", "--email", "ana@example.org"}
            << QByteArray("482913") << "maria" << 3;
        QTest::newRow("enroll: by a support agent")
            << (enroll + QStringList{"--signed", "2026-11-20", "--email", "jose@example.org"})
            << QByteArray("482913") << "sam" << 6;
        QTest::newRow("send-now: unknown user")
            << QStringList{"invitation", "send-now", "nobody@example.org"} << QByteArray() << "maria" << 5;
        QTest::newRow("reissue: unknown user")
            << QStringList{"invitation", "reissue", "'; DROP TABLE portal_users;--"} << QByteArray()
            << "maria" << 5;
        QTest::newRow("reissue: new PIN without verification")
            << QStringList{"invitation", "reissue", "maria.lopez", "--new-pin"} << QByteArray("580417")
            << "maria" << 3;
        QTest::newRow("revoke: by a support agent")
            << QStringList{"invitation", "revoke", "maria.lopez"} << QByteArray() << "sam" << 6;
        QTest::newRow("deactivate: unknown reason")
            << QStringList{"user", "deactivate", "maria.lopez", "--reason", "because"} << QByteArray()
            << "maria" << 3;
        QTest::newRow("deactivate: by a support agent")
            << QStringList{"user", "deactivate", "maria.lopez", "--reason", "duplicate"} << QByteArray()
            << "sam" << 6;
        QTest::newRow("deactivate: 5,000-character note")
            << QStringList{"user", "deactivate", "maria.lopez", "--reason", "other", "--note", longName}
            << QByteArray() << "maria" << 3;
        QTest::newRow("show: unknown MRN")
            << QStringList{"patient", "show", "424242"} << QByteArray() << "maria" << 5;
        QTest::newRow("activate: forged token")
            << QStringList{"activate", "--token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
            << QByteArray("482913") << "portal" << 5;
        QTest::newRow("transitions: days not a number")
            << QStringList{"transitions", "upcoming", "--days", "soon"} << QByteArray() << "maria" << 3;
        QTest::newRow("settings: unknown zone")
            << QStringList{"settings", "set", "hospital.zone", "Mars/Olympus"} << QByteArray() << "admin"
            << 3;
        QTest::newRow("settings: by a specialist")
            << QStringList{"settings", "set", "invitation.expiry_days", "10"} << QByteArray() << "maria" << 6;
        QTest::newRow("unknown staff member")
            << QStringList{"patient", "show", "100200"} << QByteArray() << "mallory" << 6;
        QTest::newRow("unknown command")
            << QStringList{"patient", "delete", "100200"} << QByteArray() << "maria" << 2;
        QTest::newRow("unknown option")
            << QStringList{"patient", "show", "100200", "--everything"} << QByteArray() << "maria" << 2;
        QTest::newRow("missing value")
            << QStringList{"invitation", "list", "--status"} << QByteArray() << "maria" << 2;
    }

    void refusedClearlyAndNothingWritten() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, staff);
        QFETCH(int, exitCode);
        const QString before = snapshot();
        const CliResult r = m_cli->run(args, input, staff);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.trimmed().isEmpty());
        QVERIFY2(r.err.size() < 1000, qPrintable(r.err.left(200))); // a sentence, not an echo of the input
        for (const char* leak : {"SQLITE", "syntax error", "constraint failed", "QSqlQuery"})
            QVERIFY2(!r.err.contains(QLatin1String(leak), Qt::CaseInsensitive), qPrintable(r.err));
        QCOMPARE(snapshot(), before);
        QCOMPARE(m_cli->sql(QStringLiteral("SELECT count(*) FROM patients")), QStringLiteral("1"));
    }

    void messagesFollowTheStaffMembersLanguage() {
        Cli cli;
        cli.setEnv(QStringLiteral("PORTALDESK_LANGUAGE"), QStringLiteral("es"));
        const CliResult r = cli.run({"patient", "add", "--mrn", "100999", "--given", "Ana", "--family",
                                     "Ruiz", "--birth-date", "2026-02-30"});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QString::fromUtf8("no es una fecha real")), qPrintable(r.err));
    }

    void badClockIsRefused() {
        Cli cli;
        cli.setNow(QStringLiteral("2026-13-01T09:00"));
        const CliResult r = cli.run({"invitation", "list"});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("--now")));
    }

    void namesInAnyScriptRoundTripAndAreFound_data() {
        QTest::addColumn<QString>("mrn");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("search");
        QTest::newRow("Spanish") << "200001" << QString::fromUtf8("José") << QString::fromUtf8("Ñúñez")
                                 << QString::fromUtf8("úñe");
        QTest::newRow("Armenian") << "200002" << QString::fromUtf8("Արամ") << QString::fromUtf8("Սարգսյան")
                                  << QString::fromUtf8("Սարգ");
        QTest::newRow("Korean") << "200003" << QString::fromUtf8("민준") << QString::fromUtf8("김")
                                << QString::fromUtf8("민준");
        QTest::newRow("Chinese") << "200004" << QString::fromUtf8("小明") << QString::fromUtf8("王")
                                 << QString::fromUtf8("小明");
        QTest::newRow("SQL as a name is just a name")
            << "200005" << QStringLiteral("'; DROP TABLE patients;--") << QStringLiteral("O'Brien")
            << QStringLiteral("DROP TABLE");
    }

    void namesInAnyScriptRoundTripAndAreFound() {
        QFETCH(QString, mrn);
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, search);
        const CliResult added = m_cli->run({"patient", "add", "--mrn", mrn, "--given", given, "--family",
                                            family, "--birth-date", "2016-05-05"});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const auto shown =
            m_cli->json({"patient", "show", mrn}).json().value(QStringLiteral("patient")).toObject();
        QCOMPARE(shown.value(QStringLiteral("given_name")).toString(), given);
        QCOMPARE(shown.value(QStringLiteral("family_name")).toString(), family);
        const auto found = m_cli->json({"search", search});
        QCOMPARE(found.exitCode, 0);
        bool hit = false;
        for (const auto v : found.json().value(QStringLiteral("results")).toArray())
            hit = hit || v.toObject().value(QStringLiteral("key")).toString() == mrn;
        QVERIFY2(hit, qPrintable(found.out));
        QCOMPARE(m_cli->sql(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'patients'")),
                 QStringLiteral("1"));
    }

    void sqlInASearchBoxIsText() {
        const CliResult r = m_cli->json({"search", "'; DROP TABLE patients;--"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_cli->sql(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'patients'")),
                 QStringLiteral("1"));
    }

    void databaseThatCannotBeOpenedIsUnavailable() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QProcess p;
        p.start(QStringLiteral(PORTALDESK_CLI),
                {"--db", dir.filePath(QStringLiteral("file/sub/x.sqlite")), "--staff", "a", "init"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 7);
        QVERIFY(!p.readAllStandardError().isEmpty());
    }

    void databaseNotSetUpNamesInit() {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(PORTALDESK_CLI),
                {"--db", dir.filePath(QStringLiteral("new.sqlite")), "--staff", "a", "patient", "show", "1"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 7);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("init")));
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "TestCliBadInput.moc"
