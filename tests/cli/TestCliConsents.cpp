// consent submit / list / show / approve / reject / revoke and report, through the real portaldesk-cli.
#include "cli/CliRunner.h"

#include <QJsonArray>

using namespace pd::test;

class TestCliConsents : public QObject {
    Q_OBJECT

    QTemporaryDir m_files;

    QString writeFile(const QString& name, const QByteArray& content) {
        QFile f(m_files.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(name));
        f.write(content);
        return f.fileName();
    }

    QStringList submit(const QString& document, const QString& signedBy = "Lucía Torres") {
        return {"consent",       "submit",         "--mrn",
                "400100",        "--proxy-email",  "jorge.torres@example.org",
                "--proxy-given", "Jorge",          "--proxy-family",
                "Torres",        "--relationship", "parent",
                "--signed",      "2026-11-20",     "--signed-by",
                signedBy,        "--document",     document};
    }

private slots:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void aConsentFromFilingToRevocation() {
        Cli cli;
        QCOMPARE(cli.run({"patient", "add", "--mrn", "400100", "--given", "Lucía", "--family", "Torres",
                          "--birth-date", "2005-04-04", "--email", "lucia.torres@example.org"})
                     .exitCode,
                 0);
        const QString pdf = writeFile("consent.pdf", "%PDF-1.4\n% a scanned form\n%%EOF\n");
        const CliResult filed = cli.json(submit(pdf), "604817");
        QVERIFY2(filed.exitCode == 0, qPrintable(filed.err));
        const int id = filed.json().value("consent").toObject().value("id").toInt();
        QVERIFY(id > 0);

        const CliResult listed = cli.run({"consent", "list", "--status", "submitted"});
        QVERIFY(listed.out.contains("jorge.torres@example.org"));

        const QJsonObject shown = cli.json({"consent", "show", QString::number(id)}).json();
        QVERIFY(shown.value("approvable").toBool());
        QStringList checks;
        for (const QJsonValue& c : shown.value("checks").toArray())
            checks << c.toObject().value("check").toString() + "=" + c.toObject().value("result").toString();
        QVERIFY2(checks.contains("signed_after_18=pass"), qPrintable(checks.join(' ')));
        QVERIFY(checks.contains("signer_is_patient=pass"));
        QVERIFY(checks.contains("document_intact=pass"));

        const CliResult approved = cli.json({"consent", "approve", QString::number(id)});
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        QVERIFY(approved.json().value("invitation_id").toInt() > 0);
        // The proxy's invitation goes out like any other, with the PIN from the form.
        QCOMPARE(cli.run({"invitation", "send-now", "jorge.torres"}).exitCode, 0);
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0);
        const QString token = cli.newTokenFor("jorge.torres@example.org");
        QVERIFY(!token.isEmpty());
        QCOMPARE(cli.run({"activate", "--token", token}, "604817").exitCode, 0);

        // Approved once: a second decision is a conflict.
        QCOMPARE(cli.run({"consent", "reject", QString::number(id), "--reason", "late"}).exitCode, 4);
        const CliResult revoked = cli.run({"consent", "revoke", QString::number(id)});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
        QCOMPARE(cli.sql("SELECT end_reason FROM access_grants WHERE basis = 'consent'"),
                 QStringLiteral("consent_revoked"));
    }

    void aConsentSignedBySomeoneElseIsRejectedWithANotice() {
        Cli cli;
        QCOMPARE(cli.run({"patient", "add", "--mrn", "400100", "--given", "Lucía", "--family", "Torres",
                          "--birth-date", "2005-04-04", "--email", "lucia.torres@example.org"})
                     .exitCode,
                 0);
        const QString png =
            writeFile("consent.png", QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(64, '\0'));
        const CliResult filed = cli.json(submit(png, "Jorge Torres"), "604817");
        QCOMPARE(filed.exitCode, 0);
        const QString id = QString::number(filed.json().value("consent").toObject().value("id").toInt());
        const CliResult approve = cli.run({"consent", "approve", id});
        QCOMPARE(approve.exitCode, 3);
        QVERIFY(approve.err.contains("not by the patient"));
        QCOMPARE(cli.run({"consent", "reject", id}).exitCode, 3); // a reason is needed
        QCOMPARE(cli.run({"consent", "reject", id, "--reason", "Signed by the father"}).exitCode, 0);
        QCOMPARE(cli.sql("SELECT count(*) FROM outbox WHERE kind = 'consent_rejected'"), QStringLiteral("1"));
    }

    void badFormsAreRefusedClearly_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("words");
        QTest::newRow("no such file") << "/nonexistent/form.pdf"
                                      << "can't be read";
        QTest::newRow("not a scan") << "notes.txt"
                                    << "PDF, PNG or JPEG";
    }
    void badFormsAreRefusedClearly() {
        QFETCH(QString, file);
        QFETCH(QString, words);
        Cli cli;
        QCOMPARE(cli.run({"patient", "add", "--mrn", "400100", "--given", "Lucía", "--family", "Torres",
                          "--birth-date", "2005-04-04"})
                     .exitCode,
                 0);
        const QString path = file.startsWith('/') ? file : writeFile(file, "just some notes\n");
        const CliResult r = cli.run(submit(path), "604817");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(words), qPrintable(r.err));
        QCOMPARE(cli.sql("SELECT count(*) FROM consents"), QStringLiteral("0"));
    }

    void reportCountsTheWeeks() {
        Cli cli;
        QCOMPARE(
            cli.enrollChild("400200", "Mateo", "Nguyen", "2016-02-03", "Linh", "linh.nguyen@example.org"),
            QString());
        QCOMPARE(cli.run({"invitation", "send-now", "linh.nguyen"}).exitCode, 0);
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0); // sent once the mail server accepted it
        const QJsonObject r = cli.json({"report", "--weeks", "4"}).json();
        QCOMPARE(r.value("sent").toInt(), 1);
        QCOMPARE(r.value("weeks").toArray().size(), 4);
        QVERIFY(r.value("median_hours_to_activation").isNull());
        QCOMPARE(cli.run({"report", "--weeks", "0"}).exitCode, 3);
        QCOMPARE(cli.run({"report"}, {}, "sam").exitCode, 6); // support agents don't read reports
    }
};

QTEST_GUILESS_MAIN(TestCliConsents)
#include "TestCliConsents.moc"
