// HL7 v2 as the EHR's interface engine sends it: one message parsed, its fields read, read as ADT and
// acknowledged (an ACK must always parse again and echo MSH-10); the same bytes as a file of messages,
// read a few bytes at a time.
#include "FuzzSupport.h"

#include "ehr/AdtReader.h"
#include "ehr/Hl7Message.h"

using namespace pd;
using namespace pd::hl7;

namespace {

const QDateTime& now() {
    static const QDateTime at(QDate(2026, 12, 1), QTime(16, 30), QTimeZone::utc());
    return at;
}

const AdtSettings& settings(bool withAuthority) {
    static const AdtSettings plain{QString(), QTimeZone("America/Los_Angeles")};
    static const AdtSettings chla{QStringLiteral("CHLA"), QTimeZone("America/Los_Angeles")};
    return withAuthority ? chla : plain;
}

// Every accessor on the first segments and fields; bounded, whatever the message holds.
void readFields(const Message& m) {
    int segments = 0;
    for (const Segment& s : m.segments()) {
        if (++segments > 40)
            break;
        const int count = std::min(s.fieldCount(), 40);
        for (int f = 1; f <= count; ++f) {
            const Field field = s.field(f);
            (void)field.isNull();
            const qsizetype repetitions = std::min<qsizetype>(field.repetitionCount(), 8);
            for (qsizetype r = 0; r < repetitions; ++r) {
                const Field rep = field.repetition(r);
                for (int c = 1; c <= 8; ++c) {
                    (void)rep.componentIsNull(c);
                    for (int sub = 1; sub <= 3; ++sub)
                        (void)rep.component(c, sub);
                }
            }
            if (f <= 8) {
                const QString text = field.text();
                (void)dateTime(text, settings(false).zone);
                (void)date(text);
            }
        }
    }
}

void checkAck(const QByteArray& ack, const QString& acknowledgedId) {
    auto parsed = Message::parse(ack);
    PD_FUZZ_CHECK(parsed.ok());
    PD_FUZZ_CHECK(parsed->messageType() == QLatin1String("ACK"));
    PD_FUZZ_CHECK(parsed->controlId() == QLatin1String("PD-ACK-1"));
    PD_FUZZ_CHECK(parsed->segments().size() >= 2);
    const Segment msa = parsed->segment(QStringLiteral("MSA"));
    PD_FUZZ_CHECK(msa.name() == QLatin1String("MSA"));
    PD_FUZZ_CHECK(msa.field(2).raw() == acknowledgedId);
}

void readMessage(const QByteArray& bytes, bool withAuthority) {
    auto m = Message::parse(bytes);
    if (!m) {
        PD_FUZZ_CHECK(m.error().rule.startsWith(QLatin1String("hl7.")));
        const AckDetail detail{m.error().message, QStringLiteral("102"), QString()};
        const QByteArray ack = acknowledgeUnreadable(bytes, detail, now(), QStringLiteral("PD-ACK-1"));
        auto parsed = Message::parse(ack);
        PD_FUZZ_CHECK(parsed.ok());
        PD_FUZZ_CHECK(parsed->segment(QStringLiteral("MSA")).field(1).raw() == QLatin1String("AE"));
        return;
    }
    PD_FUZZ_CHECK(!m->segments().isEmpty());
    PD_FUZZ_CHECK(m->segments().first().name() == QLatin1String("MSH"));
    PD_FUZZ_CHECK(!m->messageType().isEmpty());
    PD_FUZZ_CHECK(!m->controlId().isEmpty());
    readFields(*m);

    const AdtReading reading = readAdt(*m, settings(withAuthority));
    if (reading.error) {
        PD_FUZZ_CHECK(!reading.error->rule.isEmpty());
    } else if (!reading.ignored) {
        PD_FUZZ_CHECK(!reading.record.patient.mrn.isEmpty());
        if (reading.record.action == FeedAction::Merge)
            PD_FUZZ_CHECK(!reading.record.priorMrn.isEmpty() &&
                          reading.record.priorMrn != reading.record.patient.mrn);
    }
    const AckCode code = reading.error ? AckCode::Error : AckCode::Accept;
    const QString id = m->segment(QStringLiteral("MSH")).field(10).raw();
    checkAck(acknowledge(*m, code, reading.detail, now(), QStringLiteral("PD-ACK-1")), id);
    checkAck(acknowledge(*m, AckCode::Reject, {}, now(), QStringLiteral("PD-ACK-1")), id);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pd::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input = pd::fuzz::bytes(data, size);
    readMessage(input, size % 2 == 1);

    // The same bytes as a file of messages, handed over a few bytes at a time.
    pd::fuzz::ChunkedDevice file(input, 1 + qint64(size % 31));
    MessageReader reader(file);
    QByteArray message;
    qint64 line = 0;
    qint64 previousLine = 0;
    int count = 0;
    while (reader.next(&message, &line)) {
        PD_FUZZ_CHECK(++count <= qsizetype(size) + 1);
        PD_FUZZ_CHECK(!message.isEmpty());
        PD_FUZZ_CHECK(line > previousLine);
        PD_FUZZ_CHECK(reader.position() <= qint64(size));
        previousLine = line;
        if (count <= 8)
            readMessage(message, false);
    }
    return 0;
}
