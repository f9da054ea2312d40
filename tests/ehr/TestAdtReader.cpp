// What an ADT message says about a patient (README, "Patients from the EHR"): the mapping of each field,
// an empty field leaving a value alone, "" clearing it, the triggers used and ignored, and what is refused.
#include "ehr/AdtReader.h"

#include <QTest>

using namespace pd;
using namespace pd::hl7;

namespace {

const AdtSettings LosAngeles{QString(), QTimeZone("America/Los_Angeles")};

// The v2.5.1 standard's register example, with the event and PID given.
QByteArray message(const QByteArray& trigger, const QByteArray& pid, const QByteArray& extra = {}) {
    return "MSH|^~\\&|ADT1|GOOD HEALTH HOSPITAL|GHH LAB, INC.|GOOD HEALTH "
           "HOSPITAL|198808181126|SECURITY|ADT^" +
           trigger + "^ADT_A01|MSG00001|P|2.5.1\r" + "EVN|" + trigger + "|200708181123\r" + pid + "\r" +
           extra;
}

const QByteArray StandardPid = "PID|1||PATID1234^5^M11^ADT1^MR^GOOD HEALTH "
                               "HOSPITAL~123456789^^^USSSA^SS||EVERYMAN^ADAM^A^III||19610615|M||"
                               "2106-3|2222 HOME STREET^^GREENSBORO^NC^27401-1020|GL|(555) "
                               "555-2004|(555)555-2004||S||PATID12345001^2^M10^"
                               "ADT1^AN^A|444333333|987654^NC";

// A PID segment for MRN 100200 with one more field set.
QByteArray pidWith(int field, const QByteArray& value) {
    QList<QByteArray> pid = QByteArray("PID|1||100200^^^CHLA^MR").split('|');
    while (pid.size() <= field)
        pid.append(QByteArray());
    pid[field] = value;
    return pid.join('|');
}

AdtReading read(const QByteArray& bytes, const AdtSettings& settings = LosAngeles) {
    auto m = Message::parse(bytes);
    if (!m)
        qFatal("unparsed: %s", qPrintable(m.error().message));
    return readAdt(*m, settings);
}

QString show(const std::optional<QString>& v) {
    return v ? QStringLiteral("=") + *v : QStringLiteral("(left alone)");
}

} // namespace

class TestAdtReader : public QObject {
    Q_OBJECT

private slots:
    void theStandardsRegisterExample() {
        const AdtReading r = read(message("A01", StandardPid));
        QVERIFY(!r.error);
        QVERIFY(!r.ignored);
        QCOMPARE(r.record.action, FeedAction::Register);
        QCOMPARE(r.record.source, QStringLiteral("ADT1^GOOD HEALTH HOSPITAL"));
        QCOMPARE(r.record.controlId, QStringLiteral("MSG00001"));
        QCOMPARE(r.record.trigger, QStringLiteral("ADT^A01"));
        // EVN-2 in the hospital's zone (Los Angeles, summer time in August).
        QCOMPARE(r.record.eventAt, QDateTime(QDate(2007, 8, 18), QTime(18, 23), QTimeZone::utc()));
        const FeedPatient& p = r.record.patient;
        QCOMPARE(p.mrn, QStringLiteral("PATID1234")); // the MR identifier, not the SSN beside it
        QCOMPARE(show(p.familyName), QStringLiteral("=EVERYMAN"));
        QCOMPARE(show(p.givenName), QStringLiteral("=ADAM"));
        QCOMPARE(show(p.birthDate), QStringLiteral("=1961-06-15"));
        QCOMPARE(show(p.sex), QStringLiteral("=male"));
        QCOMPARE(show(p.phone), QStringLiteral("=(555) 555-2004"));
        QCOMPARE(show(p.email), QStringLiteral("=")); // PID-13 sent without one: none on file
        QCOMPARE(show(p.language), QStringLiteral("(left alone)"));
        QVERIFY(!p.deceased.has_value());
    }

    // Which patient value one PID field gives (an empty PID field leaves the value alone).
    void fields_data() {
        QTest::addColumn<int>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, int field, const char* value, const char* which,
                            const char* expected) {
            QTest::newRow(name) << field << QByteArray(value) << QString::fromLatin1(which)
                                << QString::fromUtf8(expected);
        };
        row("legal name among others", 5, "Sofi^Sofia^^^^^N~Hernández-López^Sofía^María^^^^L", "given",
            "=Sofía");
        row("legal family name", 5, "Sofi^Sofia^^^^^N~Hernández-López^Sofía^María^^^^L", "family",
            "=Hernández-López");
        row("first name when none is legal", 5, "Nguyễn^Thị Mai", "family", "=Nguyễn");
        row("surname subcomponents", 5, "van der Berg&van der&Berg^Anna", "family", "=van der Berg");
        row("empty name left alone", 5, "", "given", "(left alone)");
        row("birth date with a time", 7, "201503120815", "birth", "=2015-03-12");
        row("sex F", 8, "F", "sex", "=female");
        row("sex U", 8, "U", "sex", "=unknown");
        row("sex X", 8, "X", "sex", "=other");
        row("sex \"\" clears to unknown", 8, "\"\"", "sex", "=unknown");
        row("e-mail as XTN NET Internet", 13, "^NET^Internet^sofia@example.org", "email",
            "=sofia@example.org");
        row("e-mail and phone", 13, "^PRN^PH^^1^323^3612330~^NET^Internet^ana@example.org", "phone",
            "=323 3612330");
        row("the phone beside an e-mail", 13, "(323) 361-2330^PRN^PH~^NET^Internet^ana@example.org", "email",
            "=ana@example.org");
        row("\"\" clears the e-mail", 13, "\"\"", "email", "=");
        row("\"\" clears the phone", 13, "\"\"", "phone", "=");
        row("contacts left alone", 13, "", "email", "(left alone)");
        row("language ISO 639-1", 15, "es^Spanish^ISO639", "language", "=es");
        row("language ISO 639-2", 15, "SPA^Spanish^HL70296", "language", "=es");
        row("language by name", 15, "^Armenian", "language", "=hy");
        row("language \"\" is English", 15, "\"\"", "language", "=en");
        row("language left alone", 15, "", "language", "(left alone)");
    }
    void fields() {
        QFETCH(int, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, which);
        QFETCH(QString, expected);
        const AdtReading r = read(message("A08", pidWith(field, value)));
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->message) : "");
        const FeedPatient& p = r.record.patient;
        const QHash<QString, std::optional<QString>> values = {
            {QStringLiteral("given"), p.givenName},   {QStringLiteral("family"), p.familyName},
            {QStringLiteral("birth"), p.birthDate},   {QStringLiteral("sex"), p.sex},
            {QStringLiteral("email"), p.email},       {QStringLiteral("phone"), p.phone},
            {QStringLiteral("language"), p.language},
        };
        QCOMPARE(show(values.value(which)), expected);
    }

    void death_data() {
        QTest::addColumn<QByteArray>("at");        // PID-29
        QTest::addColumn<QByteArray>("indicator"); // PID-30
        QTest::addColumn<QString>("deceased");     // yes | no | (left alone)
        QTest::addColumn<QDateTime>("when");
        const QDateTime at(QDate(2026, 11, 30), QTime(22, 15), QTimeZone::utc());
        QTest::newRow("Y with a time") << QByteArray("202611301415") << QByteArray("Y") << "yes" << at;
        QTest::newRow("Y alone") << QByteArray() << QByteArray("Y") << "yes" << QDateTime();
        QTest::newRow("a time alone") << QByteArray("202611301415") << QByteArray() << "yes" << at;
        QTest::newRow("N") << QByteArray() << QByteArray("N") << "no" << QDateTime();
        QTest::newRow("\"\" takes it back")
            << QByteArray("\"\"") << QByteArray("\"\"") << "no" << QDateTime();
        QTest::newRow("nothing said") << QByteArray() << QByteArray() << "(left alone)" << QDateTime();
    }
    void death() {
        QFETCH(QByteArray, at);
        QFETCH(QByteArray, indicator);
        QFETCH(QString, deceased);
        QFETCH(QDateTime, when);
        QList<QByteArray> pid = pidWith(30, indicator).split('|');
        pid[29] = at;
        const AdtReading r = read(message("A08", pid.join('|')));
        QVERIFY(!r.error);
        const auto& d = r.record.patient.deceased;
        QCOMPARE(d ? (*d ? QStringLiteral("yes") : QStringLiteral("no")) : QStringLiteral("(left alone)"),
                 deceased);
        QCOMPARE(r.record.patient.deceasedAt, when);
    }

    void triggers_data() {
        QTest::addColumn<QByteArray>("trigger");
        QTest::addColumn<QString>("use"); // register | update | merge | ignored
        for (const char* t : {"A01", "A04", "A05", "A28"})
            QTest::newRow(t) << QByteArray(t) << "register";
        for (const char* t : {"A08", "A31"})
            QTest::newRow(t) << QByteArray(t) << "update";
        QTest::newRow("A40") << QByteArray("A40") << "merge";
        for (const char* t : {"A02", "A03", "A11", "A13", "A23"})
            QTest::newRow(t) << QByteArray(t) << "ignored";
    }
    void triggers() {
        QFETCH(QByteArray, trigger);
        QFETCH(QString, use);
        const AdtReading r = read(message(trigger, StandardPid, "MRG|PATID0001^^^ADT1^MR\r"));
        QVERIFY(!r.error);
        const QString got = r.ignored                                 ? QStringLiteral("ignored")
                            : r.record.action == FeedAction::Register ? QStringLiteral("register")
                            : r.record.action == FeedAction::Update   ? QStringLiteral("update")
                                                                      : QStringLiteral("merge");
        QCOMPARE(got, use);
    }

    void theStandardsMergeExample() {
        const QByteArray bytes =
            "MSH|^~\\&|REGADT|MCM|RSP1P8|MCM|200301051530|SEC|ADT^A40^ADT_A39|00000003|P|2.5.1\r"
            "EVN|A40|200301051530\r"
            "PID|||MR1^^^XYZ^MR||EVERYWOMAN^EVE|||||||||||||ACCT1\r"
            "MRG|MR2^^^XYZ^MR||ACCT1\r";
        const AdtReading r = read(bytes);
        QVERIFY(!r.error);
        QCOMPARE(r.record.action, FeedAction::Merge);
        QCOMPARE(r.record.patient.mrn, QStringLiteral("MR1"));
        QCOMPARE(r.record.priorMrn, QStringLiteral("MR2"));
        QCOMPARE(r.record.source, QStringLiteral("REGADT^MCM"));
    }

    void theAssigningAuthorityPicksTheMrn() {
        const QByteArray pid = "PID|1||555^^^OTHERHOSP^MR~100200^^^CHLA^MR||Lopez^Ana||20150312";
        QCOMPARE(read(message("A08", pid)).record.patient.mrn, QStringLiteral("555"));
        const AdtReading chla =
            read(message("A08", pid), {QStringLiteral("CHLA"), QTimeZone("America/Los_Angeles")});
        QCOMPARE(chla.record.patient.mrn, QStringLiteral("100200"));
        const AdtReading none =
            read(message("A08", pid), {QStringLiteral("KAISER"), QTimeZone("America/Los_Angeles")});
        QVERIFY(none.error);
        QCOMPARE(none.error->rule, QStringLiteral("feed.no_mrn"));
    }

    // Content errors: refused with the rule, where it is, and HL7's code, nothing of the message taken.
    void refusals_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("code");
        const auto row = [](const char* name, const QByteArray& bytes, const char* rule, const char* location,
                            const char* code) {
            QTest::newRow(name) << bytes << QString::fromLatin1(rule) << QString::fromLatin1(location)
                                << QString::fromLatin1(code);
        };
        row("not ADT", "MSH|^~\\&|LAB|X|||20261201||ORU^R01|1|P|2.5.1\rPID|1||1^^^X^MR\r", "feed.not_adt",
            "MSH^1^9", "200");
        row("version 2.2", "MSH|^~\\&|EHR|X|||20261201||ADT^A08|1|P|2.2\rPID|1||1^^^X^MR\r", "feed.version",
            "MSH^1^12", "203");
        row("no trigger", "MSH|^~\\&|EHR|X|||20261201||ADT|1|P|2.5\rPID|1||1^^^X^MR\r", "feed.no_trigger",
            "MSH^1^9", "101");
        row("no PID", "MSH|^~\\&|EHR|X|||20261201||ADT^A08|1|P|2.5\rEVN|A08\r", "feed.no_pid", "PID", "100");
        row("no MR identifier", message("A08", "PID|1||123456789^^^USSSA^SS"), "feed.no_mrn", "PID^1^3",
            "101");
        row("MRN with a quote", message("A08", "PID|1||1' OR '1'='1^^^X^MR"), "feed.bad_mrn", "PID^1^3",
            "102");
        row("name cleared", message("A08", "PID|1||1^^^X^MR||\"\""), "feed.name_cleared", "PID^1^5", "102");
        row("family name alone", message("A08", "PID|1||1^^^X^MR||Lopez"), "feed.name_incomplete", "PID^1^5",
            "101");
        row("over-long name", message("A08", "PID|1||1^^^X^MR||" + QByteArray(150, 'a') + "^Ana"),
            "feed.bad_name", "PID^1^5", "102");
        row("birth date cleared", message("A08", "PID|1||1^^^X^MR||||\"\""), "feed.birth_cleared", "PID^1^7",
            "102");
        row("birth date 31 February", message("A08", "PID|1||1^^^X^MR||||20150231"), "feed.bad_birth_date",
            "PID^1^7", "102");
        row("birth year only", message("A08", "PID|1||1^^^X^MR||||2015"), "feed.bad_birth_date", "PID^1^7",
            "102");
        row("sex Q", message("A08", "PID|1||1^^^X^MR|||||Q"), "feed.bad_sex", "PID^1^8", "103");
        row("bad e-mail", message("A08", "PID|1||1^^^X^MR||||||||||^NET^Internet^not-an-address"),
            "feed.bad_email", "PID^1^13", "102");
        row("language Klingon", message("A08", "PID|1||1^^^X^MR||||||||||||Klingon language"),
            "feed.bad_language", "PID^1^15", "103");
        row("death indicator maybe", message("A08", pidWith(30, "?")), "feed.bad_death_indicator", "PID^1^30",
            "103");
        row("event time garbled",
            "MSH|^~\\&|EHR|X|||20261201||ADT^A08|1|P|2.5\rEVN|A08|yesterday\rPID|1||1^^^X^MR\r",
            "feed.bad_event_time", "EVN^1^2", "102");
        row("merge without MRG", message("A40", "PID|1||1^^^X^MR"), "feed.no_mrg", "MRG", "100");
        row("merge into itself", message("A40", "PID|1||1^^^X^MR", "MRG|1^^^X^MR\r"), "feed.merge_self",
            "MRG^1^1", "102");
    }
    void refusals() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, rule);
        QFETCH(QString, location);
        QFETCH(QString, code);
        const AdtReading r = read(bytes);
        QVERIFY(r.error);
        QCOMPARE(r.error->rule, rule);
        QCOMPARE(r.error->kind, ErrorKind::Validation);
        QVERIFY(!r.error->message.isEmpty());
        QCOMPARE(r.detail.location, location);
        QCOMPARE(r.detail.errorCode, code);
    }

    void languageCodes_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("es") << "es"
                            << "es";
        QTest::newRow("SPA") << "SPA"
                             << "es";
        QTest::newRow("Español") << "Español"
                                 << "es";
        QTest::newRow("zh-Hant") << "zh-Hant"
                                 << "zh-hant";
        QTest::newRow("Cantonese") << "Cantonese"
                                   << "yue";
        QTest::newRow("SQL") << "'; DROP TABLE patients;--"
                             << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void languageCodes() {
        QFETCH(QString, value);
        QFETCH(QString, code);
        QCOMPARE(languageCode(value), code);
    }
};

QTEST_GUILESS_MAIN(TestAdtReader)
#include "TestAdtReader.moc"
