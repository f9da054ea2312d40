// The database or the mail drop going away mid-operation: a clear "unavailable", nothing lost or half-done.
#include "cli/CliRunner.h"

#include <QFile>
#include <QJsonArray>

using namespace pd::test;

class TestCliFaults : public QObject {
    Q_OBJECT

private slots:
    void databaseHeldByAnotherWriterIsUnavailableThenWorks() {
        Cli cli;
        // Another program holds the write lock, as a stuck workstation would.
        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {cli.dbPath()});
        QVERIFY(holder.waitForStarted());
        holder.write(
            "BEGIN IMMEDIATE;\nINSERT INTO settings VALUES ('x', 'y', 'z', 'w');\nSELECT 'locked';\n");
        QVERIFY(holder.waitForReadyRead(10000));
        cli.setEnv(QStringLiteral("PORTALDESK_BUSY_TIMEOUT_MS"), QStringLiteral("300"));

        const CliResult r = cli.run({"patient", "add", "--mrn", "100200", "--given", "Ana", "--family",
                                     "López", "--birth-date", "2017-03-02"});
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains(QStringLiteral("unavailable")), qPrintable(r.err));

        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM patients")), QStringLiteral("0"));
        QCOMPARE(cli.run({"patient", "add", "--mrn", "100200", "--given", "Ana", "--family", "López",
                          "--birth-date", "2017-03-02"})
                     .exitCode,
                 0);
    }

    void mailDropThatGoesAwayKeepsTheMessageForLater() {
        Cli cli;
        QCOMPARE(cli.enrollChild("100200", "Ana", "López", "2017-03-02", "María", "maria.lopez@example.org"),
                 QString());
        QCOMPARE(cli.run({"invitation", "send-now", "maria.lopez"}).exitCode, 0);
        // The drop folder's path is taken by a file: nothing can be written there.
        const QString blocked = cli.mailFolder() + QStringLiteral("-blocked");
        QFile blocker(blocked);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QCOMPARE(
            cli.run({"settings", "set", "mail.drop_folder", blocked}, {}, QStringLiteral("admin")).exitCode,
            0);

        const CliResult down = cli.run({"mail", "send"});
        QCOMPARE(down.exitCode, 7);
        QVERIFY(!down.err.isEmpty());
        const auto waiting = cli.json({"mail", "list", "--status", "pending"})
                                 .json()
                                 .value(QStringLiteral("messages"))
                                 .toArray();
        QCOMPARE(waiting.size(), 1);
        QVERIFY(!waiting.first().toObject().value(QStringLiteral("last_error")).toString().isEmpty());

        // Back again: the retry goes out once it is due, and only once.
        QVERIFY(QFile::remove(blocked));
        cli.setNow(QStringLiteral("2026-11-24T09:10:00"));
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0);
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0);
        QCOMPARE(QDir(blocked).entryList({QStringLiteral("*.eml")}).size(), 1);
        QCOMPARE(cli.sql(QStringLiteral("SELECT status || '/' || attempts FROM outbox")),
                 QStringLiteral("sent/2"));
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "TestCliFaults.moc"
