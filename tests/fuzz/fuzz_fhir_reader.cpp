// FHIR R4 from the EHR: a Bundle or NDJSON of Patient resources, read from memory. Every record is read
// or refused; a refusal names a "fhir." rule, and a read one has its MRN.
#include "FuzzSupport.h"
#include "RecordText.h"

#include <QBuffer>

using namespace pd;
using namespace pd::hl7;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pd::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const AdtSettings settings[] = {{QString(), QTimeZone("America/Los_Angeles")},
                                           {QStringLiteral("CHLA"), QTimeZone("America/Los_Angeles")}};
    QByteArray input = pd::fuzz::bytes(data, size);
    QBuffer file(&input);
    file.open(QIODevice::ReadOnly);
    FhirReader reader(file, settings[size % 2]);
    if (const Status started = reader.start(); !started) {
        PD_FUZZ_CHECK(started.error().rule.startsWith(QLatin1String("fhir.")));
        return 0;
    }
    FileRecord r;
    qint64 count = 0;
    qint64 previousLine = 0;
    while (reader.next(&r)) {
        // A Bundle's entries and NDJSON's lines each take bytes of the file.
        PD_FUZZ_CHECK(++count <= qint64(size));
        PD_FUZZ_CHECK(r.line > previousLine);
        PD_FUZZ_CHECK(reader.position() >= 0 && reader.position() <= qint64(size));
        previousLine = r.line;
        if (r.error) {
            PD_FUZZ_CHECK(r.error->rule.startsWith(QLatin1String("fhir.")));
        } else if (!r.skipped) {
            PD_FUZZ_CHECK(!r.record.patient.mrn.isEmpty());
            PD_FUZZ_CHECK(r.record.controlId.size() <= 199);
            if (r.record.action == FeedAction::Merge)
                PD_FUZZ_CHECK(!r.record.priorMrn.isEmpty());
        }
        (void)pd::fuzz::recordText(r);
    }
    return 0;
}
