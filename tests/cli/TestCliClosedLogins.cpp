// Logins that stay closed, from the command line: a deactivated login reopens with "invitation reissue
// --new-pin --restore", naming the access that comes back; one closed by its holder's death stays closed
// until a supervisor's "user reverse-death".
#include "cli/CliRunner.h"

#include <QJsonArray>

using namespace pd::test;

class TestCliClosedLogins : public QObject {
    Q_OBJECT

    void deactivated(Cli& cli, const QString& reason) {
        QCOMPARE(cli.enrollChild("100600", "Leo", "Ruiz", "2019-05-05", "Rosa", "rosa@example.org"),
                 QString());
        const auto r = cli.run({"user", "deactivate", "rosa@example.org", "--reason", reason, "--reported-by",
                                "her sister", "--verified-by", "DOB + MRN"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

private slots:
    void reopeningNamesTheAccessThatComesBack() {
        Cli cli;
        deactivated(cli, "family_request");
        const QString grant = cli.sql(QStringLiteral("SELECT id FROM access_grants"));
        const auto unconfirmed =
            cli.run({"invitation", "reissue", "rosa@example.org", "--new-pin", "--verified-by", "photo ID"},
                    "590271");
        QCOMPARE(unconfirmed.exitCode, 3);
        QVERIFY2(unconfirmed.err.contains("grant " + grant + ": MRN 100600 (Leo Ruiz), full access"),
                 qPrintable(unconfirmed.err));
        QCOMPARE(cli.run({"invitation", "reissue", "rosa@example.org", "--new-pin", "--verified-by",
                          "photo ID", "--restore", "twelve"},
                         "590271")
                     .exitCode,
                 3);
        const auto back = cli.run({"invitation", "reissue", "rosa@example.org", "--new-pin", "--verified-by",
                                   "photo ID", "--restore", grant},
                                  "590271");
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
        QCOMPARE(cli.sql(QStringLiteral("SELECT status FROM portal_users")), QStringLiteral("pending"));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM access_grants WHERE ended_at IS NULL")),
                 QStringLiteral("1"));
    }

    void aSiblingsEnrollmentNamesTheWayBack() {
        Cli cli;
        deactivated(cli, "suspected_compromise");
        const auto r = cli.run({"enroll", "--mrn", "100600", "--form", "parent", "--signed", "2026-11-20",
                                "--given", "Rosa", "--family", "Ruiz", "--email", "ROSA@example.org"},
                               "482913");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("HIM supervisor reopens it first"), qPrintable(r.err));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM portal_users")), QStringLiteral("1"));
    }

    void aDeathIsFinalUntilASupervisorTakesItBack() {
        Cli cli;
        deactivated(cli, "deceased");
        const QString grant = cli.sql(QStringLiteral("SELECT id FROM access_grants"));
        const QStringList reopen{"invitation",    "reissue",  "rosa@example.org", "--new-pin",
                                 "--verified-by", "photo ID", "--restore",        grant};
        QCOMPARE(cli.run(reopen, "590271", "admin").exitCode, 3);
        QCOMPARE(cli.run({"user", "reverse-death", "rosa@example.org", "--note", "she called"}).exitCode, 6);
        QCOMPARE(cli.run({"user", "reverse-death", "rosa@example.org"}, {}, "admin").exitCode, 3);
        const auto taken =
            cli.json({"user", "reverse-death", "rosa@example.org", "--note", "she called"}, {}, "admin");
        QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
        QCOMPARE(taken.json().value("user").toObject().value("status").toString(),
                 QStringLiteral("deactivated"));
        const auto back = cli.run(reopen, "590271");
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    }
};

QTEST_GUILESS_MAIN(TestCliClosedLogins)
#include "TestCliClosedLogins.moc"
