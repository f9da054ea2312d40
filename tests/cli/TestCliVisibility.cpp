// visibility USER MRN from the command line (SPEC §9, §12): the table for people, --json in the spec's words,
// a birthday the nightly run has not reached, and the exit codes of look-ups that fail.
#include "cli/CliRunner.h"

#include <QJsonArray>

using namespace pd::test;

namespace {

QJsonObject category(const QJsonObject& doc, const QString& code) {
    const QJsonArray rows = doc.value(QStringLiteral("categories")).toArray();
    for (const QJsonValue& v : rows) {
        if (v.toObject().value(QStringLiteral("category")).toString() == code)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestCliVisibility : public QObject {
    Q_OBJECT

    // Enrolled with the parent form, invitation sent and activated.
    void activeFamily(Cli& cli, const QString& mrn, const QString& birth, const QString& email) {
        QCOMPARE(cli.enrollChild(mrn, "Leo", "Ruiz", birth, "Rosa", email), QString());
        QCOMPARE(cli.run({"invitation", "send-now", email}).exitCode, 0);
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0);
        const QString token = cli.newTokenFor(email);
        QCOMPARE(token.size(), 43);
        const auto activated = cli.run({"activate", "--token", token}, "482913", QStringLiteral("portal"));
        QVERIFY2(activated.exitCode == 0, qPrintable(activated.err));
    }

private slots:
    void teensParentAsATable() {
        Cli cli;
        activeFamily(cli, "100300", "2012-06-15", "rosa@example.org");
        const auto r = cli.run({"visibility", "rosa@example.org", "100300"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("patient 100300 (Leo Ruiz), 14 years old, Adolescent (12–17), on 2026-11-24"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("Limited access: sees 7 of the 11 portal categories"));
        QVERIFY(r.out.contains(QRegularExpression("\\n  limited\\s+parent\\s+since 2026-11-24")));
        QVERIFY(r.out.contains(QRegularExpression("\\nCategory\\s+Visible\\s+Rule\\s+Why\\n")));
        QVERIFY2(
            r.out.contains(QRegularExpression(
                "\\nLab results\\s+no\\s+limited_set\\s+Proxies of a patient aged 12–17 see only the limited "
                "set; lab results are not in it\\.\\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression("\\nImmunizations\\s+yes\\s+limited_set\\s+")));
        QVERIFY(r.out.contains(QRegularExpression("\\nHIV results\\s+no\\s+withheld_category\\s+")));
    }

    void teensParentAsJson() {
        Cli cli;
        activeFamily(cli, "100300", "2012-06-15", "rosa@example.org");
        const auto r = cli.json({"visibility", "rosa", "100300"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value("rule").toString(), QStringLiteral("limited_set"));
        QCOMPARE(doc.value("bracket").toString(), QStringLiteral("adolescent"));
        QCOMPARE(doc.value("age").toInt(), 14);
        QCOMPARE(doc.value("today").toString(), QStringLiteral("2026-11-24"));
        QCOMPARE(doc.value("own_login").toBool(), false);
        QCOMPARE(doc.value("visible_count").toInt(), 7);
        QCOMPARE(doc.value("user").toObject().value("status").toString(), QStringLiteral("active"));
        QCOMPARE(doc.value("patient").toObject().value("mrn").toString(), QStringLiteral("100300"));
        QCOMPARE(doc.value("limited_set").toArray().size(), 7);
        QCOMPARE(doc.value("categories").toArray().size(), 18);
        const QJsonObject lab = category(doc, "lab_results");
        QCOMPARE(lab.value("visible").toBool(), false);
        QCOMPARE(lab.value("withheld").toBool(), false);
        QCOMPARE(lab.value("rule").toString(), QStringLiteral("limited_set"));
        QCOMPARE(lab.value("name").toString(), QStringLiteral("Lab results"));
        QCOMPARE(lab.value("reason").toString(),
                 QStringLiteral(
                     "Proxies of a patient aged 12–17 see only the limited set; lab results are not in it."));
        QCOMPARE(category(doc, "messages").value("visible").toBool(), true);
        const QJsonObject hiv = category(doc, "hiv_results");
        QCOMPARE(hiv.value("withheld").toBool(), true);
        QCOMPARE(hiv.value("rule").toString(), QStringLiteral("withheld_category"));
        const QJsonArray grants = doc.value("grants").toArray();
        QCOMPARE(grants.size(), 1);
        QCOMPARE(grants.at(0).toObject().value("level").toString(), QStringLiteral("limited"));
        QCOMPARE(grants.at(0).toObject().value("state").toString(), QStringLiteral("open"));
        QCOMPARE(grants.at(0).toObject().value("deciding").toBool(), true);
    }

    void twelfthBirthdayBeforeTheNightlyRun() {
        Cli cli;
        activeFamily(cli, "100400", "2014-11-30", "ana.m@example.org");
        QCOMPARE(cli.json({"visibility", "ana.m@example.org", "100400"}).json().value("rule").toString(),
                 QStringLiteral("full_access"));
        cli.setNow("2026-12-02T08:00:00");
        const auto r = cli.json({"visibility", "ana.m@example.org", "100400"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value("rule").toString(), QStringLiteral("age_rule_pending"));
        QCOMPARE(doc.value("visible_count").toInt(), 0);
        const QJsonObject g = doc.value("grants").toArray().at(0).toObject();
        QCOMPARE(g.value("state").toString(), QStringLiteral("age_rule_pending"));
        QCOMPARE(g.value("effective_end_reason").toString(), QStringLiteral("age_12"));
        QCOMPARE(g.value("ended_on").toString(), QStringLiteral("2026-11-30"));
        QCOMPARE(g.value("open").toBool(), true); // the records still say open until the nightly run
        QVERIFY(category(doc, "appointments")
                    .value("reason")
                    .toString()
                    .startsWith("Access ended on 2026-11-30 at the patient's 12th birthday"));

        QCOMPARE(cli.run({"daily"}).exitCode, 0);
        const QJsonObject after = cli.json({"visibility", "ana.m@example.org", "100400"}).json();
        QCOMPARE(after.value("rule").toString(), QStringLiteral("grant_ended"));
        QCOMPARE(after.value("grants").toArray().at(0).toObject().value("end_reason").toString(),
                 QStringLiteral("age_12"));
        const auto text = cli.run({"visibility", "ana.m@example.org", "100400"});
        QVERIFY2(text.out.contains("ENDED 2026-11-30 (age_12)"), qPrintable(text.out));
    }

    void supportAgentsSeeItMasked() {
        Cli cli;
        activeFamily(cli, "100300", "2012-06-15", "rosa@example.org");
        const auto r = cli.json({"visibility", "rosa", "100300"}, {}, QStringLiteral("sam"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value("user").toObject().value("email").toString(), QStringLiteral("r•••@example.org"));
        QVERIFY(doc.value("patient").toObject().value("birth_date").isNull());
        QCOMPARE(doc.value("rule").toString(), QStringLiteral("limited_set"));
    }

    void lookUpsThatFail_data() {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("rule");
        QTest::newRow("unknown user")
            << QStringList{"visibility", "nobody@example.org", "100300"} << 5 << "user.not_found";
        QTest::newRow("unknown MRN") << QStringList{"visibility", "rosa", "999999"} << 5
                                     << "patient.not_found";
        QTest::newRow("no tie to that patient")
            << QStringList{"visibility", "rosa", "100500"} << 5 << "visibility.no_relation";
        QTest::newRow("MRN missing") << QStringList{"visibility", "rosa"} << 2 << QString();
    }

    void lookUpsThatFail() {
        QFETCH(QStringList, words);
        QFETCH(int, exitCode);
        QFETCH(QString, rule);
        Cli cli;
        activeFamily(cli, "100300", "2012-06-15", "rosa@example.org");
        QCOMPARE(cli.run({"patient", "add", "--mrn", "100500", "--given", "Eva", "--family", "Ruiz",
                          "--birth-date", "2015-02-02"})
                     .exitCode,
                 0);
        const auto r = cli.json(words);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.isEmpty());
        if (!rule.isEmpty())
            QCOMPARE(r.json().value("error").toObject().value("rule").toString(), rule);
    }

    void listedInTheUsage() {
        Cli cli;
        const auto r = cli.run({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("visibility USER MRN"));
    }
};

QTEST_GUILESS_MAIN(TestCliVisibility)
#include "TestCliVisibility.moc"
