// `import hl7` and the Feed desk from the command line: a file of the EHR's messages, each applied on its
// own, a line per message, exit 3 when any was refused with the others applied, and safe to run again.
#include "cli/CliRunner.h"

#include <QFile>
#include <QJsonArray>

using namespace pd::test;

namespace {

QByteArray adt(const QByteArray& trigger, const QByteArray& id, const QByteArray& pid) {
    return "MSH|^~\\&|EPIC|CHLA|PORTALDESK|CHLA|20261124080000||ADT^" + trigger + "|" + id +
           "|P|2.5.1\rEVN|" + trigger + "|20261124080000\r" + pid + "\r";
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestCliFeed : public QObject {
    Q_OBJECT

private slots:
private slots:
    // A correction that makes a patient younger lists them for review, until a specialist marks it done.
    void aPatientListedForReviewIsMarkedReviewed() {
        Cli cli;
        QCOMPARE(cli.enrollChild("100200", "Ana", "López", "2017-03-02", "María", "maria.lopez@example.org"),
                 QString());
        QCOMPARE(cli.run({"patient", "update", "100200", "--birth-date", "2013-01-01"}).exitCode, 0);
        QCOMPARE(cli.run({"patient", "update", "100200", "--birth-date", "2016-01-01"}).exitCode, 0);
        const CliResult listed = cli.run({"patient", "reviews"});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains("100200") &&
                     listed.out.contains("younger after a birth-date correction"),
                 qPrintable(listed.out));
        QVERIFY(cli.run({"patient", "show", "100200"}).out.contains("LISTED FOR REVIEW"));
        QCOMPARE(cli.json({"patient", "reviews"}).json().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(cli.run({"patient", "reviews"}, {}, QStringLiteral("sam")).exitCode, 6);
        const CliResult done = cli.run({"patient", "reviewed", "100200", "--note", "New forms sent."});
        QCOMPARE(done.exitCode, 0);
        QVERIFY(done.out.contains("off the review list"));
        QVERIFY(cli.run({"patient", "reviews"}).out.contains("No patient is listed for review."));
        const CliResult again = cli.run({"patient", "reviewed", "100200"});
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.err.contains("not listed for review"));
    }

    // The EHR feed's service account imports and listens, and does nothing else.
    void theFeedsAccountRunsTheFeedOnly() {
        Cli cli;
        cli.setNow("2026-11-24T09:00:00");
        QCOMPARE(
            cli.run({"staff", "add", "ehr-feed", "--role", "ehr_feed"}, {}, QStringLiteral("admin")).exitCode,
            0);
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, "patients.csv", "mrn,given_name,family_name,birth_date\n100300,Ana,López,2015-03-12\n");
        const CliResult imported = cli.run({"import", "csv", path}, {}, QStringLiteral("ehr-feed"));
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains("1 record"), qPrintable(imported.out));
        for (const QStringList& desk :
             {QStringList{"search", "lopez"}, QStringList{"patient", "show", "100300"},
              QStringList{"invitation", "list"}, QStringList{"daily"}, QStringList{"feed", "refused"}}) {
            const CliResult r = cli.run(desk, {}, QStringLiteral("ehr-feed"));
            QCOMPARE(r.exitCode, 6);
            QVERIFY2(r.err.contains("service account"), qPrintable(r.err));
        }
        // Its records are the desk's to find.
        QVERIFY(cli.run({"search", "lopez"}).out.contains("100300"));
    }

    void importAppliesEachMessageAndReportsTheRefused() {
        Cli cli;
        cli.setNow("2026-11-24T09:00:00");
        QTemporaryDir dir;
        // LF line ends, as a file saved on a workstation often has them.
        QByteArray file = adt("A04", "M1", "PID|1||100200^^^CHLA^MR||Hernández-López^Sofía||20150312|F") +
                          adt("A04", "M2", "PID|1||100201^^^CHLA^MR||Nguyễn^Minh||20301312|M") +
                          adt("A03", "M3", "PID|1||100200^^^CHLA^MR") +
                          adt("A08", "M4", "PID|1||100200^^^CHLA^MR||||||||||^NET^Internet^mama@example.org");
        file.replace('\r', '\n');
        const QString path = writeFile(dir, "adt.hl7", file);

        const CliResult r = cli.run({"import", "hl7", path});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QRegularExpression("adt.hl7:1  AA  M1  MRN 100200 registered")),
                 qPrintable(r.out));
        QVERIFY(
            r.out.contains(QRegularExpression("adt.hl7:4  AE  M2  PID-7 \"20301312\" is not a birth date")));
        QVERIFY(r.out.contains(QRegularExpression("adt.hl7:7  AA  M3  ADT\\^A03 is not used")));
        QVERIFY(r.out.contains(QRegularExpression("adt.hl7:10  AA  M4  MRN 100200 updated: email")));
        QVERIFY(r.out.contains("4 messages: 2 applied, 1 ignored, 1 refused."));
        QVERIFY(r.err.contains("1 message refused; the others were applied"));
        QVERIFY(r.err.contains("4 messages read (100%)"));

        const CliResult shown = cli.run({"patient", "show", "100200"});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("Sofía Hernández-López"));
        QVERIFY(shown.out.contains("mama@example.org"));

        // The refused message waits on the Feed desk.
        const CliResult desk = cli.json({"feed", "refused"});
        QCOMPARE(desk.exitCode, 0);
        QCOMPARE(desk.json().value("total").toInt(), 1);
        const QJsonObject waiting = desk.json().value("refused").toArray().first().toObject();
        QCOMPARE(waiting.value("control_id").toString(), QString("M2"));
        QCOMPARE(waiting.value("rule").toString(), QString("feed.bad_birth_date"));

        // Run again: nothing is applied twice, and the refused one is refused again.
        const CliResult again = cli.json({"import", "hl7", path});
        QCOMPARE(again.exitCode, 3);
        QCOMPARE(again.json().value("applied").toInt(), 2); // acknowledged as applied before
        const CliResult audit =
            cli.json({"audit", "list", "--record", "patient", "--limit", "100"}, {}, "admin");
        int added = 0;
        for (const auto& e : audit.json().value("events").toArray())
            added += e.toObject().value("action").toString() == "patient.added" ? 1 : 0;
        QCOMPARE(added, 1);

        // Dismissed, it leaves the desk.
        const qint64 id = qint64(waiting.value("id").toDouble());
        QCOMPARE(cli.run({"feed", "dismiss", QString::number(id)}).exitCode, 0);
        QCOMPARE(cli.json({"feed", "refused"}).json().value("total").toInt(), 0);
    }

    void aMergeLeadsThePriorMrnToTheSurvivor() {
        Cli cli;
        cli.setNow("2026-11-24T09:00:00");
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "merge.hl7",
                      adt("A04", "M1", "PID|1||100500^^^CHLA^MR||Rivera^Mateo||20180704|M") +
                          adt("A04", "M2", "PID|1||100501^^^CHLA^MR||Rivera^Mateo||20180704|M") +
                          adt("A40", "M3", "PID|1||100500^^^CHLA^MR") + "MRG|100501^^^CHLA^MR\r");
        const CliResult r = cli.run({"import", "hl7", path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("MRN 100501 merged into it"), qPrintable(r.out));
        const CliResult shown = cli.run({"patient", "show", "100501"});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains("MRN 100501 was merged into MRN 100500 by the EHR; showing MRN 100500."),
                 qPrintable(shown.out));
        QVERIFY(shown.out.contains("Patient 100500  Mateo Rivera"));
        QVERIFY(shown.out.contains("This record (MRN 100501) was merged into MRN 100500."));
        const CliResult held = cli.json({"merge", "list"});
        QCOMPARE(held.exitCode, 0);
        QCOMPARE(held.json().value("total").toInt(), 0);
        QCOMPARE(cli.run({"merge", "resolve", "99"}).exitCode, 5);
    }

    void importCsvAndFhirFiles() {
        Cli cli;
        cli.setNow("2026-11-24T09:00:00");
        QTemporaryDir dir;
        const QString csv = writeFile(dir, "patients.csv",
                                      "\xEF\xBB\xBFmrn,given_name,family_name,birth_date,sex,language\r\n"
                                      "100200,Sofía,\"Hernández-López\",2015-03-12,F,es\r\n"
                                      "100201,Bruno,Díaz,2031-01-01,M,es\r\n"
                                      "100202,Minh\r\n"
                                      "100203,Lucía,Mendoza,2011-03-05,F,spa\r\n");
        const CliResult r = cli.run({"import", "csv", csv});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains("patients.csv:2  applied  100200  MRN 100200 registered."),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("patients.csv:3  refused  100201  Birth date 2031-01-01 is after today"));
        QVERIFY(
            r.out.contains("patients.csv:4  refused  -  The row has 2 values; the header has 6 columns."));
        QVERIFY(r.out.contains("patients.csv:5  applied  100203"));
        QVERIFY(r.out.contains("4 records: 2 applied, 0 skipped, 2 refused."));
        QVERIFY(r.err.contains("2 records refused; the others were applied."));
        // Again: nothing new is written.
        const CliResult again = cli.run({"import", "csv", csv});
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.out.contains("MRN 100200: nothing differed."));

        const QString ndjson = writeFile(
            dir, "Patient.ndjson",
            "{\"resourceType\":\"Patient\",\"id\":\"a\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":"
            "\"MR\"}]},"
            "\"value\":\"100200\"}],\"telecom\":[{\"system\":\"email\",\"value\":\"maria@example.org\"}]}\n"
            "{\"resourceType\":\"Patient\",\"id\":\"b\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":"
            "\"MR\"}]},"
            "\"value\":\"100203\"}],\"deceasedBoolean\":true}\n");
        const CliResult f = cli.run({"import", "fhir", ndjson});
        QCOMPARE(f.exitCode, 0);
        QVERIFY2(f.out.contains("Patient.ndjson:1  applied  Patient/a  MRN 100200 updated: email."),
                 qPrintable(f.out));
        QVERIFY(f.out.contains("Recorded as deceased"));
        QVERIFY(f.out.contains("2 records: 2 applied, 0 skipped, 0 refused."));
        QVERIFY(cli.run({"patient", "show", "100203"}).out.contains("DECEASED"));
        QCOMPARE(cli.run({"import", "fhir", csv}).exitCode, 3); // a CSV is no FHIR
    }

    void importRefusesWhatIsNoFileOfMessages() {
        Cli cli;
        QTemporaryDir dir;
        const QString path = writeFile(dir, "patients.json", "{\"resourceType\": \"Bundle\"}\n");
        const CliResult r = cli.run({"import", "hl7", path});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.contains("AE"));
        QVERIFY(r.out.contains("not an HL7 v2 message"));
        QCOMPARE(cli.run({"import", "hl7", dir.filePath("missing.hl7")}).exitCode, 3);
        QCOMPARE(cli.run({"import", "hl7"}).exitCode, 2);
    }

    void onlyHimStaffImport() {
        Cli cli;
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "adt.hl7", adt("A04", "M1", "PID|1||100200^^^CHLA^MR||Lopez^Ana||20150312|F"));
        const CliResult r = cli.run({"import", "hl7", path}, {}, "sam");
        QCOMPARE(r.exitCode, 6);
        QVERIFY(r.err.contains("HIM"));
        QCOMPARE(cli.run({"feed", "refused"}, {}, "sam").exitCode, 6);
    }
};

QTEST_GUILESS_MAIN(TestCliFeed)
#include "TestCliFeed.moc"
