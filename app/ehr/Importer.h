// Files of patients from the EHR (HL7 v2 messages, FHIR, CSV) applied as a whole: streamed at constant
// memory, committed in short batches with each record a step of its own, reported line by line, with
// progress and a way to stop. `import` in the CLI and File ▸ Import… in the desktop run this.
#pragma once

#include "ehr/FeedProcessor.h"

#include <atomic>
#include <functional>
#include <optional>

namespace pd::hl7 {

enum class ImportKind { Hl7, Fhir, Csv };

// By the file's name: .hl7/.txt HL7 v2, .ndjson/.json FHIR, .csv CSV.
std::optional<ImportKind> importKindOf(const QString& path);

struct ImportLine {
    QString where;   // "file:line"
    QString outcome; // AA | AE (messages); applied | refused | skipped (records)
    QString key;     // MSH-10, "Patient/id" or the MRN
    QString text;
    QString rule;
    bool refused = false;
};

struct ImportReport {
    qint64 read = 0;
    qint64 applied = 0;
    qint64 ignored = 0; // messages ignored, records skipped
    qint64 refused = 0;
    QList<ImportLine> refusals;   // the first thousand
    bool cancelled = false;       // stopped by the user after the last committed batch
    std::optional<Error> stopped; // the database went away: what was committed stays
    QString stoppedAt;
};

class Importer final {
public:
    using LineFn = std::function<void(const ImportLine&)>;
    // Records read, bytes read of this file, its size.
    using ProgressFn = std::function<void(qint64 read, qint64 position, qint64 size)>;

    explicit Importer(const ServiceContext& ctx);

    // Lines come after their batch is committed, so a line saying "applied" was. Progress comes at most
    // five times a second. `cancel` is looked at between records; what was applied before stays. Errors
    // are about the files themselves (unreadable, not of that kind, no permission).
    Result<ImportReport> run(ImportKind kind, const QStringList& paths, const LineFn& onLine = {},
                             const ProgressFn& onProgress = {}, const std::atomic<bool>* cancel = nullptr);

private:
    const ServiceContext& m_ctx;
};

} // namespace pd::hl7
