// A CSV file of patients as spreadsheets and EHR exports write it, read from memory at once and again a
// few bytes at a time: the records (their lines, values and refusals) must not depend on how the bytes
// arrived, and every read ends.
#include "FuzzSupport.h"
#include "RecordText.h"

#include <QBuffer>

using namespace pd;
using namespace pd::hl7;

namespace {

// The records of a file, or the refusal of its header as the only entry.
QStringList readAll(QIODevice& in, qint64 size) {
    CsvReader reader(in, QTimeZone("America/Los_Angeles"));
    const Status started = reader.start();
    if (!started) {
        PD_FUZZ_CHECK(started.error().rule == QLatin1String("csv.header"));
        return {started.error().message};
    }
    QStringList out;
    FileRecord r;
    qint64 previousLine = 0;
    qint64 previousPosition = 0;
    while (reader.next(&r)) {
        // Each record takes at least one byte, so a file has fewer records than bytes.
        PD_FUZZ_CHECK(out.size() < size);
        PD_FUZZ_CHECK(r.line > previousLine);
        PD_FUZZ_CHECK(reader.position() > previousPosition && reader.position() <= size);
        previousLine = r.line;
        previousPosition = reader.position();
        if (!r.error) {
            PD_FUZZ_CHECK(!r.record.patient.mrn.isEmpty() && r.key == r.record.patient.mrn);
            PD_FUZZ_CHECK(r.record.action == FeedAction::Register);
        } else {
            PD_FUZZ_CHECK(r.error->rule.startsWith(QLatin1String("csv.")));
        }
        out.append(pd::fuzz::recordText(r));
    }
    PD_FUZZ_CHECK(!reader.next(&r));
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pd::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    QByteArray input = pd::fuzz::bytes(data, size);
    QBuffer whole(&input);
    whole.open(QIODevice::ReadOnly);
    const QStringList expected = readAll(whole, input.size());

    // Pieces of 1 to 31 bytes, by the input's length, so that the boundaries fall everywhere.
    pd::fuzz::ChunkedDevice chunked(input, 1 + qint64(size % 31));
    const QStringList got = readAll(chunked, input.size());
    if (got != expected)
        std::fprintf(stderr, "read at once:\n%s\nin pieces of %d:\n%s\n",
                     qPrintable(expected.join(QLatin1Char('\n'))), int(1 + size % 31),
                     qPrintable(got.join(QLatin1Char('\n'))));
    PD_FUZZ_CHECK(got == expected);
    return 0;
}
