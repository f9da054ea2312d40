// Patients in files: CSV as spreadsheets save it (BOM, CRLF, quotes) and FHIR R4 as EHRs export it (a
// Bundle, or NDJSON), each record read on its own and a bad one reported by its line.
#include "ehr/RecordReaders.h"
#include "support/ChunkedDevice.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace pd;
using namespace pd::hl7;
using pd::test::ChunkedDevice;

namespace {

const AdtSettings LosAngeles{QString(), QTimeZone("America/Los_Angeles")};

struct Read {
    QList<FileRecord> records;
    std::optional<Error> startError;
};

template <typename Reader> Read readAll(QByteArray bytes, Reader&& make) {
    Read out;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    auto reader = make(buffer);
    if (auto s = reader.start(); !s) {
        out.startError = s.error();
        return out;
    }
    FileRecord r;
    while (reader.next(&r))
        out.records.append(r);
    return out;
}

Read csv(const QByteArray& bytes) {
    return readAll(bytes, [](QIODevice& d) { return CsvReader(d, QTimeZone("America/Los_Angeles")); });
}

Read fhir(const QByteArray& bytes) {
    return readAll(bytes, [](QIODevice& d) { return FhirReader(d, LosAngeles); });
}

QString show(const std::optional<QString>& v) {
    return v ? *v : QStringLiteral("(left alone)");
}

} // namespace

class TestRecordReaders : public QObject {
    Q_OBJECT

private slots:
    void csvAsSpreadsheetsSaveIt() {
        const QByteArray file =
            "\xEF\xBB\xBFmrn,given_name,family_name,birth_date,sex,language,email,phone\r\n"
            "100200,Sofía,Hernández-López,2015-03-12,F,Spanish,,\"(323) 361-2330\"\r\n"
            "\r\n"
            "100201,\"Ana \"\"Anita\"\"\",\"López, Jr.\",2016-01-02,female,es,ana@example.org,\r\n"
            "100202,\"Two\nLines\",Nguyễn,2017-05-06,,vi,,\r\n"
            "100203,Kim,,,,,,";
        const Read r = csv(file);
        QVERIFY(!r.startError);
        QCOMPARE(r.records.size(), 4);
        const FeedPatient& a = r.records.at(0).record.patient;
        QCOMPARE(a.mrn, QStringLiteral("100200"));
        QCOMPARE(show(a.givenName), QStringLiteral("Sofía"));
        QCOMPARE(show(a.sex), QStringLiteral("female"));
        QCOMPARE(show(a.language), QStringLiteral("es"));
        QCOMPARE(show(a.email), QStringLiteral("(left alone)"));
        QCOMPARE(show(a.phone), QStringLiteral("(323) 361-2330"));
        QCOMPARE(r.records.at(0).line, 2);
        const FeedPatient& b = r.records.at(1).record.patient;
        QCOMPARE(show(b.givenName), QStringLiteral("Ana \"Anita\""));
        QCOMPARE(show(b.familyName), QStringLiteral("López, Jr."));
        QCOMPARE(r.records.at(1).line, 4); // after the blank line
        QCOMPARE(show(r.records.at(2).record.patient.givenName), QStringLiteral("Two\nLines"));
        QCOMPARE(r.records.at(2).line, 5);
        QCOMPARE(r.records.at(3).line, 7); // the quoted line break counts
        QCOMPARE(show(r.records.at(3).record.patient.familyName), QStringLiteral("(left alone)"));
        for (const FileRecord& rec : r.records)
            QVERIFY(!rec.error);
    }

    void csvRowsThatAreRefused_data() {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("rule");
        QTest::newRow("too few values") << QByteArray("100200,Ana") << "csv.row";
        QTest::newRow("too many values") << QByteArray("100200,Ana,López,2015-01-01,x") << "csv.row";
        QTest::newRow("no MRN") << QByteArray(",Ana,López,2015-01-01") << "csv.no_mrn";
        QTest::newRow("a quote never closed") << QByteArray("100200,\"Ana,López,2015-01-01") << "csv.row";
        QTest::newRow("not UTF-8") << QByteArray("100200,An\xE1,López,2015-01-01") << "csv.row";
    }
    void csvRowsThatAreRefused() {
        QFETCH(QByteArray, row);
        QFETCH(QString, rule);
        const Read r = csv("mrn,given_name,family_name,birth_date\n100100,Eva,Kim,2015-02-02\n" + row +
                           "\n100300,Leo,Park,2014-04-04\n");
        QVERIFY(!r.startError);
        QVERIFY(r.records.size() >= 2);
        QVERIFY(!r.records.first().error);
        QCOMPARE(r.records.at(1).line, 3);
        QVERIFY(r.records.at(1).error);
        QCOMPARE(r.records.at(1).error->rule, rule);
        QVERIFY(!r.records.at(1).error->message.isEmpty());
    }

    void csvHeaders_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("no mrn column") << QByteArray("given_name,family_name\nAna,López\n");
        QTest::newRow("unknown column") << QByteArray("mrn,ssn\n1,123-45-6789\n");
        QTest::newRow("a column twice") << QByteArray("mrn,email,email\n1,a@b.org,c@d.org\n");
    }
    void csvHeaders() {
        QFETCH(QByteArray, file);
        const Read r = csv(file);
        QVERIFY(r.startError);
        QCOMPARE(r.startError->rule, QStringLiteral("csv.header"));
    }

    // A file handed over a byte or two at a time (a pipe) reads as it does from memory.
    void csvInSmallReads_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBFmrn,given_name\r\n100200,\"Sofía\"\r\n");
        // A tool that adds its own mark to a file that had one.
        QTest::newRow("byte-order mark twice")
            << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBFmrn,given_name\r\n100200,\"Sofía\"\r\n");
        QTest::newRow("quotes and line breaks")
            << QByteArray("mrn,given_name\r\n\"100200\",\"Ana \"\"Anita\"\"\r\nLine\"\r\n\r\n100201,Kim");
    }
    void csvInSmallReads() {
        QFETCH(QByteArray, file);
        const Read whole = csv(file);
        QVERIFY(!whole.startError);
        for (const qint64 chunk : {1, 2}) {
            ChunkedDevice device(file, chunk);
            CsvReader reader(device, QTimeZone("America/Los_Angeles"));
            const Status started = reader.start();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
            FileRecord r;
            for (const FileRecord& expected : whole.records) {
                QVERIFY(reader.next(&r));
                QCOMPARE(r.line, expected.line);
                QCOMPARE(r.record.patient.mrn, expected.record.patient.mrn);
                QCOMPARE(show(r.record.patient.givenName), show(expected.record.patient.givenName));
            }
            QVERIFY(!reader.next(&r));
        }
    }

    void aFhirBundle() {
        QFile file(QFINDTESTDATA("data/patients-bundle.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bundle = file.readAll();
        const Read r = fhir(bundle);
        QVERIFY2(!r.startError, r.startError ? qPrintable(r.startError->message) : "");
        QCOMPARE(r.records.size(), 5);
        const FeedRecord& a = r.records.at(0).record;
        QCOMPARE(a.patient.mrn, QStringLiteral("100200"));
        QCOMPARE(a.controlId, QStringLiteral("Patient/p1/3"));
        QCOMPARE(a.eventAt, QDateTime(QDate(2026, 11, 24), QTime(16, 0), QTimeZone::utc()));
        QCOMPARE(show(a.patient.familyName), QStringLiteral("Hernández-López"));
        QCOMPARE(show(a.patient.givenName), QStringLiteral("Sofía"));
        QCOMPARE(show(a.patient.birthDate), QStringLiteral("2015-03-12"));
        QCOMPARE(show(a.patient.sex), QStringLiteral("female"));
        QCOMPARE(show(a.patient.phone), QStringLiteral("(323) 361-2330"));
        QCOMPARE(show(a.patient.email), QStringLiteral("maria@example.org"));
        QCOMPARE(show(a.patient.language), QStringLiteral("es"));
        QVERIFY(r.records.at(1).skipped);
        const FeedRecord& dead = r.records.at(2).record;
        QCOMPARE(dead.patient.deceased, std::optional<bool>(true));
        QCOMPARE(dead.patient.deceasedAt, QDateTime(QDate(2026, 11, 30), QTime(22, 15), QTimeZone::utc()));
        QCOMPARE(show(dead.patient.familyName), QStringLiteral("(left alone)")); // absent: left alone
        const FeedRecord& merge = r.records.at(3).record;
        QCOMPARE(merge.action, FeedAction::Merge);
        QCOMPARE(merge.priorMrn, QStringLiteral("100202"));
        QCOMPARE(merge.patient.mrn, QStringLiteral("100200"));
        QVERIFY(r.records.at(4).error);
        QCOMPARE(r.records.at(4).error->rule, QStringLiteral("fhir.bad_birth_date"));
        QCOMPARE(r.records.at(4).line, 5);
    }

    void ndjsonFromABulkExport() {
        const QByteArray ndjson = "{\"resourceType\":\"Patient\",\"id\":\"a\",\"identifier\":[{\"type\":{"
                                  "\"coding\":[{\"code\":\"MR\"}]},"
                                  "\"value\":\"100300\"}],\"name\":[{\"family\":\"Kim\",\"given\":[\"Min-"
                                  "jun\"]}],\"birthDate\":\"2012-08-09\"}\n"
                                  "{\"resourceType\":\"Patient\", broken\n"
                                  "\n"
                                  "{\"resourceType\":\"Patient\",\"id\":\"c\",\"identifier\":[{\"value\":"
                                  "\"SSN-1\"},{\"value\":\"x\"}]}\n"
                                  "{\"resourceType\":\"Patient\",\"id\":\"d\",\"identifier\":[{\"type\":{"
                                  "\"coding\":[{\"code\":\"MR\"}]},"
                                  "\"value\":\"100301\"}],\"gender\":\"f\"}\n";
        const Read r = fhir(ndjson);
        QVERIFY(!r.startError);
        QCOMPARE(r.records.size(), 4);
        QVERIFY(!r.records.at(0).error);
        QCOMPARE(show(r.records.at(0).record.patient.givenName), QStringLiteral("Min-jun"));
        QCOMPARE(r.records.at(1).line, 2);
        QCOMPARE(r.records.at(1).error->rule, QStringLiteral("fhir.not_json"));
        QCOMPARE(r.records.at(2).line, 4);
        QCOMPARE(r.records.at(2).error->rule, QStringLiteral("fhir.no_mrn"));
        QCOMPARE(r.records.at(3).error->rule, QStringLiteral("fhir.bad_gender"));
    }

    // A resource longer than the reader's chunks is read whole; one past the line limit is refused by
    // line, and the next line is read as the next resource.
    void ndjsonLinesLongAndOverLong() {
        const QByteArray padding(20000, 'x');
        QByteArray ndjson =
            "{\"resourceType\":\"Patient\",\"id\":\"" + padding +
            "\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"MR\"}]},\"value\":\"100300\"}],"
            "\"name\":[{\"family\":\"Kim\",\"given\":[\"Min-jun\"]}],\"birthDate\":\"2012-08-09\"}\n";
        const Read r = fhir(ndjson);
        QCOMPARE(r.records.size(), 1);
        QVERIFY(!r.records.at(0).error);
        QCOMPARE(show(r.records.at(0).record.patient.givenName), QStringLiteral("Min-jun"));

        const QByteArray overLong = ndjson + "{\"resourceType\":\"Patient\",\"id\":\"" +
                                    QByteArray(int(FhirReader::MaxLineBytes), 'y') + "\"}\n" + ndjson;
        const Read o = fhir(overLong);
        QVERIFY(!o.startError);
        QVERIFY(o.records.size() >= 3);
        QVERIFY(!o.records.first().error);
        QCOMPARE(o.records.at(1).error->rule, QStringLiteral("fhir.not_json"));
        QCOMPARE(o.records.at(1).line, 2);
        QVERIFY(!o.records.constLast().error);
        QCOMPARE(show(o.records.constLast().record.patient.givenName), QStringLiteral("Min-jun"));
    }

    void filesThatAreNoFhir_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("rule");
        QTest::newRow("HL7 v2") << QByteArray("MSH|^~\\&|EPIC\r") << "fhir.not_json";
        QTest::newRow("a Patient over many lines")
            << QByteArray("{\n\"resourceType\": \"Patient\"\n}\n") << "fhir.not_bundle";
        QTest::newRow("truncated Bundle")
            << QByteArray("{\"resourceType\": \"Bundle\", \"entry\": [") << "fhir.not_json";
    }
    void filesThatAreNoFhir() {
        QFETCH(QByteArray, file);
        QFETCH(QString, rule);
        const Read r = fhir(file);
        QVERIFY(r.startError);
        QCOMPARE(r.startError->rule, rule);
    }
};

QTEST_GUILESS_MAIN(TestRecordReaders)
#include "TestRecordReaders.moc"
