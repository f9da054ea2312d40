// HL7 v2 as interface engines send it: delimiters from MSH-1/2, escapes, repetitions, components,
// "" as a null, MSH-18 character sets, any segment ending, the 1 MB limit, and the ACK we answer with.
#include "ehr/Hl7Message.h"
#include "ehr/MllpFramer.h"
#include "support/ChunkedDevice.h"

#include <QBuffer>
#include <QTest>

using namespace pd;
using namespace pd::hl7;

namespace {

QByteArray adt(const QByteArray& pid, const QByteArray& charset = {}, const QByteArray& end = "\r") {
    QByteArray msh =
        "MSH|^~\\&|EPIC|CHLA|PORTALDESK|CHLA|20261201083000-0800||ADT^A08^ADT_A01|MSG00001|P|2.5.1";
    if (!charset.isEmpty())
        msh += "||||||" + charset;
    return msh + end + "EVN|A08|20261201083000-0800" + end + pid + end;
}

} // namespace

class TestHl7Message : public QObject {
    Q_OBJECT

private slots:
    // Which value a position of PID reads as, for one PID segment.
    void values_data() {
        QTest::addColumn<QByteArray>("pid");
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("repetition");
        QTest::addColumn<int>("component");
        QTest::addColumn<int>("subcomponent");
        QTest::addColumn<QString>("value");
        const auto row = [](const char* name, const char* pid, int f, int r, int c, int s,
                            const char* value) {
            QTest::newRow(name) << QByteArray(pid) << f << r << c << s << QString::fromUtf8(value);
        };
        row("component 1", "PID|1||123^^^CHLA^MR||Hernandez^Sofia", 5, 0, 1, 1, "Hernandez");
        row("component 2", "PID|1||123^^^CHLA^MR||Hernandez^Sofia", 5, 0, 2, 1, "Sofia");
        row("missing component", "PID|1||123^^^CHLA^MR||Hernandez", 5, 0, 3, 1, "");
        row("subcomponent", "PID|1||123^^^CHLA&1.2.3&ISO^MR", 3, 0, 4, 2, "1.2.3");
        row("second repetition", "PID|1||999^^^SSA^SS~123^^^CHLA^MR", 3, 1, 5, 1, "MR");
        row("second repetition's id", "PID|1||999^^^SSA^SS~123^^^CHLA^MR", 3, 1, 1, 1, "123");
        row("\\F\\ is the field separator", "PID|1||1||A\\F\\B", 5, 0, 1, 1, "A|B");
        row("\\S\\ is the component separator", "PID|1||1||A\\S\\B", 5, 0, 1, 1, "A^B");
        row("\\T\\ is the subcomponent separator", "PID|1||1||Smith \\T\\ Jones", 5, 0, 1, 1,
            "Smith & Jones");
        row("\\R\\ is the repetition separator", "PID|1||1||A\\R\\B", 5, 0, 1, 1, "A~B");
        row("\\E\\ is the escape character", "PID|1||1||A\\E\\B", 5, 0, 1, 1, "A\\B");
        row("\\Xhh\\ in UTF-8", "PID|1||1||Hern\\XC3A1\\ndez", 5, 0, 1, 1, "Hernández");
        row("\\Xhh\\ ASCII", "PID|1||1||\\X41\\na", 5, 0, 1, 1, "Ana");
        row("highlighting carries no text", "PID|1||1||\\H\\Ana\\N\\", 5, 0, 1, 1, "Ana");
        row("unfinished escape is text", "PID|1||1||Ana\\F", 5, 0, 1, 1, "Ana\\F");
        row("unknown escape is kept", "PID|1||1||A\\Q\\B", 5, 0, 1, 1, "A\\Q\\B");
        row("\"\" reads as empty", "PID|1||1||\"\"", 5, 0, 1, 1, "");
        row("UTF-8 letters", "PID|1||1||Nguyễn^Thị", 5, 0, 1, 1, "Nguyễn");
        row("Korean", "PID|1||1||김^민준", 5, 0, 2, 1, "민준");
        row("beyond the last field", "PID|1||1", 30, 0, 1, 1, "");
    }
    void values() {
        QFETCH(QByteArray, pid);
        QFETCH(int, field);
        QFETCH(int, repetition);
        QFETCH(int, component);
        QFETCH(int, subcomponent);
        QFETCH(QString, value);
        auto m = Message::parse(adt(pid, "UNICODE UTF-8"));
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        const Field f = m->segment(QStringLiteral("PID")).field(field).repetition(repetition);
        QCOMPARE(f.component(component, subcomponent), value);
    }

    void emptyAndNullDiffer() {
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR||Hernandez^Sofia||\"\"||||||||"));
        QVERIFY(m.ok());
        const Segment pid = m->segment(QStringLiteral("PID"));
        QVERIFY(pid.field(7).isNull());
        QVERIFY(!pid.field(7).isEmpty());
        QVERIFY(pid.field(8).isEmpty());
        QVERIFY(!pid.field(8).isNull());
        QVERIFY(pid.field(40).isEmpty());
        QCOMPARE(pid.field(3).repetitionCount(), 1);
    }

    void header() {
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR"));
        QVERIFY(m.ok());
        QCOMPARE(m->messageType(), QStringLiteral("ADT"));
        QCOMPARE(m->triggerEvent(), QStringLiteral("A08"));
        QCOMPARE(m->controlId(), QStringLiteral("MSG00001"));
        QCOMPARE(m->version(), QStringLiteral("2.5.1"));
        const Segment msh = m->segment(QStringLiteral("MSH"));
        QCOMPARE(msh.field(1).raw(), QStringLiteral("|"));
        QCOMPARE(msh.field(2).raw(), QStringLiteral("^~\\&"));
        QCOMPARE(msh.field(3).text(), QStringLiteral("EPIC"));
        QCOMPARE(m->segments().size(), 3);
    }

    void otherDelimiters() {
        // Delimiters are whatever MSH-1 and MSH-2 say, not the usual ones.
        const QByteArray bytes = "MSH!@#$%!EPIC!CHLA!!!20261201!!ADT@A04!X1!P!2.3\r"
                                 "PID!1!!123@@@CHLA@MR!!Hern$S$andez@Sofia#Alias@Sofi%a\r";
        auto m = Message::parse(bytes);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        QCOMPARE(m->separators().field, QLatin1Char('!'));
        QCOMPARE(m->separators().component, QLatin1Char('@'));
        QCOMPARE(m->separators().repetition, QLatin1Char('#'));
        QCOMPARE(m->separators().escape, QLatin1Char('$'));
        QCOMPARE(m->separators().subcomponent, QLatin1Char('%'));
        const Field name = m->segment(QStringLiteral("PID")).field(5);
        QCOMPARE(name.component(1), QStringLiteral("Hern@andez"));
        QCOMPARE(name.component(2), QStringLiteral("Sofia"));
        QCOMPARE(name.repetitionCount(), 2);
        QCOMPARE(name.repetition(1).component(2, 2), QStringLiteral("a"));
        QCOMPARE(m->triggerEvent(), QStringLiteral("A04"));
    }

    void segmentEndings_data() {
        QTest::addColumn<QByteArray>("end");
        QTest::newRow("CR, as the standard says") << QByteArray("\r");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
    }
    void segmentEndings() {
        QFETCH(QByteArray, end);
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR||Hernandez^Sofia", {}, end));
        QVERIFY(m.ok());
        QCOMPARE(m->segments().size(), 3);
        QCOMPARE(m->segment(QStringLiteral("PID")).field(5).component(2), QStringLiteral("Sofia"));
    }

    void charsets_data() {
        QTest::addColumn<QByteArray>("charset"); // MSH-18
        QTest::addColumn<QByteArray>("family");  // PID-5.1 as bytes on the wire
        QTest::addColumn<QString>("read");       // empty: refused
        QTest::addColumn<QString>("rule");
        QTest::newRow("UNICODE UTF-8") << QByteArray("UNICODE UTF-8") << QByteArray("Hern\xC3\xA1ndez")
                                       << QStringLiteral("Hernández") << QString();
        QTest::newRow("8859/1") << QByteArray("8859/1") << QByteArray("Hern\xE1ndez")
                                << QStringLiteral("Hernández") << QString();
        QTest::newRow("ASCII") << QByteArray("ASCII") << QByteArray("Hernandez")
                               << QStringLiteral("Hernandez") << QString();
        QTest::newRow("none given, UTF-8 sent")
            << QByteArray() << QByteArray("Hern\xC3\xA1ndez") << QStringLiteral("Hernández") << QString();
        QTest::newRow("none given, Latin-1 sent") << QByteArray() << QByteArray("Hern\xE1ndez") << QString()
                                                  << QStringLiteral("hl7.charset_mismatch");
        QTest::newRow("UTF-8 said, Latin-1 sent") << QByteArray("UNICODE UTF-8") << QByteArray("Hern\xE1ndez")
                                                  << QString() << QStringLiteral("hl7.charset_mismatch");
        QTest::newRow("a set PortalDesk does not read")
            << QByteArray("ISO IR87") << QByteArray("Yamada") << QString() << QStringLiteral("hl7.charset");
        QTest::newRow("repeated MSH-18: the first is the message's")
            << QByteArray("8859/1~ISO IR87") << QByteArray("Mu\xF1oz") << QStringLiteral("Muñoz")
            << QString();
    }
    void charsets() {
        QFETCH(QByteArray, charset);
        QFETCH(QByteArray, family);
        QFETCH(QString, read);
        QFETCH(QString, rule);
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR||" + family + "^Sofia", charset));
        if (!rule.isEmpty()) {
            QVERIFY(!m.ok());
            QCOMPARE(m.error().rule, rule);
            QVERIFY(!m.error().message.isEmpty());
            return;
        }
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        QCOMPARE(m->segment(QStringLiteral("PID")).field(5).component(1), read);
    }

    void latin1Escapes() {
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR||Mu\\XF1\\oz^Sofia", "8859/1"));
        QVERIFY(m.ok());
        QCOMPARE(m->segment(QStringLiteral("PID")).field(5).component(1), QStringLiteral("Muñoz"));
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("rule");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("hl7.no_header");
        QTest::newRow("no MSH") << QByteArray("PID|1||123\r") << QStringLiteral("hl7.no_header");
        QTest::newRow("JSON") << QByteArray("{\"resourceType\":\"Patient\"}")
                              << QStringLiteral("hl7.no_header");
        QTest::newRow("letter as field separator")
            << QByteArray("MSHA^~\\&A") << QStringLiteral("hl7.no_header");
        QTest::newRow("three encoding characters") << QByteArray("MSH|^~\\|EPIC||||||ADT^A08|1|P|2.5\r")
                                                   << QStringLiteral("hl7.encoding_characters");
        QTest::newRow("repeated encoding character") << QByteArray("MSH|^^\\&|EPIC||||||ADT^A08|1|P|2.5\r")
                                                     << QStringLiteral("hl7.encoding_characters");
        QTest::newRow("no message type")
            << QByteArray("MSH|^~\\&|EPIC|||||||1|P|2.5\r") << QStringLiteral("hl7.message_type");
        QTest::newRow("no control ID")
            << QByteArray("MSH|^~\\&|EPIC||||||ADT^A08||P|2.5\r") << QStringLiteral("hl7.control_id");
        QTest::newRow("garbled segment name")
            << QByteArray("MSH|^~\\&|EPIC||||||ADT^A08|1|P|2.5\rpid|1||123\r")
            << QStringLiteral("hl7.segment");
        QTest::newRow("SQL in a segment")
            << QByteArray("MSH|^~\\&|EPIC||||||ADT^A08|1|P|2.5\r'; DROP TABLE x;--\r")
            << QStringLiteral("hl7.segment");
        QByteArray huge = adt("PID|1||123^^^CHLA^MR||Hernandez^Sofia");
        huge += "NTE|1||" + QByteArray(MaxMessageBytes, 'x') + "\r";
        QTest::newRow("over 1 MB") << huge << QStringLiteral("hl7.too_large");
    }
    void refusals() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, rule);
        auto m = Message::parse(bytes);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().rule, rule);
        QCOMPARE(m.error().kind, ErrorKind::Validation);
        QVERIFY(!m.error().message.isEmpty());
    }

    void justUnderTheLimitIsRead() {
        QByteArray big = adt("PID|1||123^^^CHLA^MR||Hernandez^Sofia");
        big += "NTE|1||" + QByteArray(MaxMessageBytes - big.size() - 8, 'x') + "\r";
        QCOMPARE(big.size(), MaxMessageBytes);
        QVERIFY(Message::parse(big).ok());
    }

    void dateTimes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // empty: not a date/time
        QTest::newRow("with offset") << QStringLiteral("20261201083000-0800")
                                     << QStringLiteral("2026-12-01T16:30:00Z");
        QTest::newRow("no offset: the hospital's zone")
            << QStringLiteral("202612010830") << QStringLiteral("2026-12-01T16:30:00Z");
        QTest::newRow("summer time in the hospital's zone")
            << QStringLiteral("20260701083000") << QStringLiteral("2026-07-01T15:30:00Z");
        QTest::newRow("fraction of a second")
            << QStringLiteral("20261201083000.1234+0000") << QStringLiteral("2026-12-01T08:30:00.123Z");
        QTest::newRow("day only") << QStringLiteral("20261201") << QStringLiteral("2026-12-01T08:00:00Z");
        QTest::newRow("year only") << QStringLiteral("2026") << QStringLiteral("2026-01-01T08:00:00Z");
        QTest::newRow("no such month") << QStringLiteral("20261301") << QString();
        QTest::newRow("no such hour") << QStringLiteral("2026120125") << QString();
        QTest::newRow("letters") << QStringLiteral("2026-12-01") << QString();
        QTest::newRow("offset out of range") << QStringLiteral("202612010830+2500") << QString();
    }
    void dateTimes() {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const QDateTime at = dateTime(text, QTimeZone("America/Los_Angeles"));
        if (utc.isEmpty()) {
            QVERIFY(!at.isValid());
            return;
        }
        QCOMPARE(at, QDateTime::fromString(utc, Qt::ISODateWithMs));
    }

    void birthDates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::newRow("day") << QStringLiteral("20150312") << QDate(2015, 3, 12);
        QTest::newRow("with a time") << QStringLiteral("201503120815") << QDate(2015, 3, 12);
        QTest::newRow("leap day") << QStringLiteral("20120229") << QDate(2012, 2, 29);
        QTest::newRow("not a leap year") << QStringLiteral("20150229") << QDate();
        QTest::newRow("year and month only") << QStringLiteral("201503") << QDate();
        QTest::newRow("empty") << QString() << QDate();
    }
    void birthDates() {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QCOMPARE(hl7::date(text), date);
    }

    void acceptAck() {
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR"));
        QVERIFY(m.ok());
        const QByteArray ack = acknowledge(*m, AckCode::Accept, {},
                                           QDateTime(QDate(2026, 12, 1), QTime(16, 30), QTimeZone::utc()),
                                           QStringLiteral("PD1"));
        const QList<QByteArray> segments = ack.split('\r');
        QCOMPARE(segments.value(0), QByteArray("MSH|^~\\&|PORTALDESK|CHLA|EPIC|CHLA|20261201163000+0000||"
                                               "ACK^A08^ACK|PD1|P|2.5.1"));
        QCOMPARE(segments.value(1), QByteArray("MSA|AA|MSG00001"));
        QCOMPARE(segments.value(2), QByteArray());
        // The ACK is itself a message the sender can read.
        auto back = Message::parse(ack);
        QVERIFY(back.ok());
        QCOMPARE(back->messageType(), QStringLiteral("ACK"));
        QCOMPARE(back->segment(QStringLiteral("MSA")).field(2).text(), QStringLiteral("MSG00001"));
    }

    void errorAck_data() {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("msa1");
        QTest::addColumn<QString>("err3");
        QTest::newRow("content error")
            << int(AckCode::Error) << QStringLiteral("AE") << QStringLiteral("101");
        QTest::newRow("system error, retry")
            << int(AckCode::Reject) << QStringLiteral("AR") << QStringLiteral("207");
    }
    void errorAck() {
        QFETCH(int, code);
        QFETCH(QString, msa1);
        QFETCH(QString, err3);
        auto m = Message::parse(adt("PID|1||123^^^CHLA^MR", "8859/1"));
        QVERIFY(m.ok());
        const AckDetail detail{QStringLiteral("PID-7 | the birth date ^ is missing: Muñoz"), err3,
                               QStringLiteral("PID^1^7")};
        const QByteArray ack =
            acknowledge(*m, AckCode(code), detail, QDateTime::currentDateTimeUtc(), QStringLiteral("PD2"));
        // Answered in the sender's own character set.
        QVERIFY(ack.contains("Mu\xF1oz"));
        auto back = Message::parse(ack);
        QVERIFY2(back.ok(), ack.constData());
        const Segment msa = back->segment(QStringLiteral("MSA"));
        QCOMPARE(msa.field(1).text(), msa1);
        QCOMPARE(msa.field(2).text(), QStringLiteral("MSG00001"));
        QCOMPARE(msa.field(3).text(), detail.text);
        const Segment err = back->segment(QStringLiteral("ERR"));
        QCOMPARE(err.field(2).component(1), QStringLiteral("PID"));
        QCOMPARE(err.field(2).component(3), QStringLiteral("7"));
        QCOMPARE(err.field(3).component(1), err3);
        QCOMPARE(err.field(3).component(3), QStringLiteral("HL70357"));
        QCOMPARE(err.field(4).text(), QStringLiteral("E"));
        QCOMPARE(err.field(8).text(), detail.text);
    }

    void unreadableAck() {
        const QByteArray ack = acknowledgeUnreadable("MSH|^~|EPIC||||||ADT^A08|CTRL-9|P|2.5\r",
                                                     {QStringLiteral("bad"), QStringLiteral("102"), {}},
                                                     QDateTime::currentDateTimeUtc(), QStringLiteral("PD3"));
        auto back = Message::parse(ack);
        QVERIFY(back.ok());
        QCOMPARE(back->segment(QStringLiteral("MSA")).field(1).text(), QStringLiteral("AE"));
        QCOMPARE(back->segment(QStringLiteral("MSA")).field(2).text(), QStringLiteral("CTRL-9"));
        const QByteArray none = acknowledgeUnreadable("\x01\x02garbage", {QStringLiteral("bad"), {}, {}},
                                                      QDateTime::currentDateTimeUtc(), QStringLiteral("PD4"));
        QVERIFY(Message::parse(none).ok());
    }

    void mllpFrames() {
        MllpFramer framer(MaxMessageBytes);
        const QByteArray one = adt("PID|1||1");
        const QByteArray two = adt("PID|1||2");
        // Two frames in one read, a stray line end between them.
        framer.feed(MllpFramer::wrap(one) + "\n" + MllpFramer::wrap(two));
        QVERIFY(framer.hasFrame());
        QCOMPARE(framer.take().bytes, one);
        QCOMPARE(framer.take().bytes, two);
        QVERIFY(!framer.hasFrame());
        // One frame, a byte at a time.
        const QByteArray wrapped = MllpFramer::wrap(one);
        for (qsizetype i = 0; i + 2 < wrapped.size(); ++i) {
            framer.feed(wrapped.mid(i, 1));
            QVERIFY(!framer.hasFrame());
        }
        framer.feed(wrapped.right(2));
        QVERIFY(framer.hasFrame());
        const auto f = framer.take();
        QCOMPARE(f.bytes, one);
        QVERIFY(!f.oversized && !f.cut);
        QVERIFY(!framer.inFrame());
    }

    void mllpOversizedAndCut() {
        MllpFramer framer(1000);
        framer.feed(QByteArray(1, MllpFramer::StartBlock) + "MSH|^~\\&|" + QByteArray(5000, 'x'));
        QVERIFY(!framer.hasFrame());
        framer.feed(QByteArray(1, MllpFramer::EndBlock) + "\r");
        auto big = framer.take();
        QVERIFY(big.oversized);
        QVERIFY(big.bytes.startsWith("MSH|"));
        QVERIFY(big.bytes.size() <= 4096);
        // A frame broken off by the next one's start is not taken for whole.
        framer.feed(QByteArray(1, MllpFramer::StartBlock) + "MSH|^~\\&|EP" + MllpFramer::wrap("MSH|^~\\&|B"));
        auto cut = framer.take();
        QVERIFY(cut.cut);
        auto next = framer.take();
        QVERIFY(!next.cut);
        QCOMPARE(next.bytes, QByteArray("MSH|^~\\&|B"));
    }

    void fileOfMessages_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QList<qint64>>("lines"); // where each message begins
        const QByteArray a = "MSH|^~\\&|EPIC||||||ADT^A04|1|P|2.5";
        const QByteArray b = "MSH|^~\\&|EPIC||||||ADT^A08|2|P|2.5";
        const QByteArray pid = "PID|1||1";
        QTest::newRow("CR") << a + "\r" + pid + "\r" + b + "\r" + pid + "\r" << QList<qint64>{1, 3};
        QTest::newRow("LF") << a + "\n" + pid + "\n" + b + "\n" + pid + "\n" << QList<qint64>{1, 3};
        QTest::newRow("CRLF, BOM, blank lines")
            << "\xEF\xBB\xBF" + a + "\r\n" + pid + "\r\n\r\n" + b + "\r\n" + pid << QList<qint64>{1, 4};
        QTest::newRow("batch segments")
            << "FHS|^~\\&\rBHS|^~\\&\r" + a + "\r" + pid + "\r" + b + "\r" + pid + "\rBTS|2\rFTS|1\r"
            << QList<qint64>{3, 5};
    }
    void fileOfMessages() {
        QFETCH(QByteArray, file);
        QFETCH(QList<qint64>, lines);
        QBuffer buffer(&file);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        MessageReader reader(buffer);
        QByteArray message;
        qint64 line = 0;
        QList<QByteArray> ids;
        QList<qint64> starts;
        while (reader.next(&message, &line)) {
            auto m = Message::parse(message);
            QVERIFY2(m.ok(), message.constData());
            QCOMPARE(m->segments().size(), 2);
            ids << m->controlId().toLatin1();
            starts << line;
        }
        QCOMPARE(ids, (QList<QByteArray>{"1", "2"}));
        QCOMPARE(starts, lines);
        QCOMPARE(reader.position(), qint64(file.size()));

        // The same from a pipe that gives three bytes a read: the same messages, from the same lines.
        test::ChunkedDevice pipe(file, 3);
        MessageReader trickled(pipe);
        QList<QByteArray> pipedIds;
        QList<qint64> pipedStarts;
        while (trickled.next(&message, &line)) {
            auto m = Message::parse(message);
            QVERIFY2(m.ok(), message.constData());
            pipedIds << m->controlId().toLatin1();
            pipedStarts << line;
        }
        QCOMPARE(pipedIds, ids);
        QCOMPARE(pipedStarts, starts);
    }
};

QTEST_GUILESS_MAIN(TestHl7Message)
#include "TestHl7Message.moc"
