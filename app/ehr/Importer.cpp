#include "ehr/Importer.h"

#include "ehr/RecordReaders.h"
#include "services/Batch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace pd::hl7 {

namespace {

// Records go in batches of a few hundred, or what 50 ms allow (more on the embedded database), so that
// another workstation's write never waits long behind an import; a batch's lines go out once it is
// committed.
class Run {
public:
    Run(const ServiceContext& ctx, ImportReport& report, const Importer::LineFn& onLine,
        const Importer::ProgressFn& onProgress)
        : m_batch(ctx)
        , m_report(report)
        , m_onLine(onLine)
        , m_onProgress(onProgress) {
        m_progressTimer.start();
    }

    Status step() {
        if (!m_batch.open()) {
            PD_TRY(m_batch.begin());
            m_batchTimer.start();
        }
        return {};
    }

    Status add(ImportLine line, bool ignored) {
        ++m_pendingRead;
        if (line.refused)
            ++m_pendingRefused;
        else if (ignored)
            ++m_pendingIgnored;
        else
            ++m_pendingApplied;
        m_pending.append(std::move(line));
        return {};
    }

    // Commits once the batch holds a few hundred records or 50 ms of work.
    Status settle() {
        const Batch::Limits limits = m_batch.limits();
        if (m_pending.size() >= limits.records || m_batchTimer.elapsed() >= limits.milliseconds)
            return commit();
        return {};
    }

    Status commit() {
        PD_TRY(m_batch.commit());
        m_report.read += m_pendingRead;
        m_report.applied += m_pendingApplied;
        m_report.ignored += m_pendingIgnored;
        m_report.refused += m_pendingRefused;
        for (const ImportLine& l : std::as_const(m_pending)) {
            if (l.refused && m_report.refusals.size() < 1000)
                m_report.refusals.append(l);
            if (m_onLine)
                m_onLine(l);
        }
        m_pending.clear();
        m_pendingRead = m_pendingApplied = m_pendingIgnored = m_pendingRefused = 0;
        return {};
    }

    // The database went away: the uncommitted batch is gone and will be imported again.
    void stop(const QString& where, const Error& why) {
        m_pending.clear();
        m_report.stopped = why;
        m_report.stoppedAt = where;
    }

    void progress(qint64 position, qint64 size, bool last = false) {
        if (!m_onProgress || (!last && m_progressTimer.elapsed() - m_shownAt < 200))
            return;
        m_shownAt = m_progressTimer.elapsed();
        m_onProgress(m_report.read + m_pendingRead, position, size);
    }

private:
    Batch m_batch;
    ImportReport& m_report;
    const Importer::LineFn& m_onLine;
    const Importer::ProgressFn& m_onProgress;
    QElapsedTimer m_batchTimer;
    QElapsedTimer m_progressTimer;
    qint64 m_shownAt = -1000;
    QList<ImportLine> m_pending;
    qint64 m_pendingRead = 0, m_pendingApplied = 0, m_pendingIgnored = 0, m_pendingRefused = 0;
};

QString codeName(AckCode code) {
    return code == AckCode::Accept  ? QStringLiteral("AA")
           : code == AckCode::Error ? QStringLiteral("AE")
                                    : QStringLiteral("AR");
}

bool isSystemError(const Error& e) {
    return e.kind == ErrorKind::Unavailable || e.kind == ErrorKind::Internal ||
           e.kind == ErrorKind::NotPermitted;
}

Result<std::unique_ptr<QFile>> openFile(const QString& path) {
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error::validation(
            QStringLiteral("import.file"),
            QCoreApplication::translate("Feed", "Can't read %1: %2").arg(path, file->errorString()));
    return file;
}

// The records of a file, a chunk at a time: new patients in a chunk go in together.
template <typename Reader>
Status applyRecords(const ServiceContext& ctx, Reader& reader, qint64 fileSize, const QString& name, Run& run,
                    const std::atomic<bool>* cancel, ImportReport& report) {
    constexpr qsizetype ChunkRecords = 100;
    PatientFeedService feed(ctx);
    QList<FileRecord> chunk;
    bool more = true;
    while (more) {
        chunk.clear();
        FileRecord item;
        while (chunk.size() < ChunkRecords && (more = reader.next(&item)))
            chunk.append(item);
        if (chunk.isEmpty())
            break;
        const auto whereOf = [&name](const FileRecord& r) {
            return QStringLiteral("%1:%2").arg(name).arg(r.line);
        };
        if (cancel && *cancel) {
            report.cancelled = true;
            return {};
        }
        if (auto s = run.step(); !s) {
            run.stop(whereOf(chunk.first()), s.error());
            return {};
        }
        QList<FeedRecord> records;
        for (const FileRecord& r : std::as_const(chunk)) {
            if (!r.skipped && !r.error)
                records.append(r.record);
        }
        const QList<Result<FeedOutcome>> outcomes = feed.applyAll(records);
        qsizetype next = 0;
        for (const FileRecord& r : std::as_const(chunk)) {
            ImportLine line{whereOf(r),
                            QCoreApplication::translate("Feed", "applied"),
                            r.key.isEmpty() ? r.record.patient.mrn : r.key,
                            QString(),
                            QString(),
                            false};
            if (r.skipped) {
                line.outcome = QCoreApplication::translate("Feed", "skipped");
                line.text = QCoreApplication::translate("Feed", "not a Patient");
            } else if (r.error) {
                line.refused = true;
                line.outcome = QCoreApplication::translate("Feed", "refused");
                line.text = r.error->message;
                line.rule = r.error->rule;
            } else {
                const Result<FeedOutcome>& applied = outcomes.at(next++);
                if (!applied && isSystemError(applied.error())) {
                    run.stop(line.where, applied.error());
                    return {};
                }
                if (!applied) {
                    line.refused = true;
                    line.outcome = QCoreApplication::translate("Feed", "refused");
                    line.text = applied.error().message;
                    line.rule = applied.error().rule;
                } else {
                    line.text = describe(applied.value(), line.key);
                }
            }
            if (auto s = run.add(line, r.skipped); !s) {
                run.stop(line.where, s.error());
                return {};
            }
        }
        if (auto s = run.settle(); !s) {
            run.stop(whereOf(chunk.last()), s.error());
            return {};
        }
        run.progress(reader.position(), fileSize);
    }
    return {};
}

} // namespace

std::optional<ImportKind> importKindOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("hl7") || suffix == QLatin1String("txt"))
        return ImportKind::Hl7;
    if (suffix == QLatin1String("ndjson") || suffix == QLatin1String("json"))
        return ImportKind::Fhir;
    if (suffix == QLatin1String("csv"))
        return ImportKind::Csv;
    return std::nullopt;
}

Importer::Importer(const ServiceContext& ctx)
    : m_ctx(ctx) {}

Result<ImportReport> Importer::run(ImportKind kind, const QStringList& paths, const LineFn& onLine,
                                   const ProgressFn& onProgress, const std::atomic<bool>* cancel) {
    PD_TRY(PatientFeedService(m_ctx).mayApply());
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    ImportReport report;
    Run run(m_ctx, report, onLine, onProgress);
    FeedProcessor processor(m_ctx);
    for (const QString& path : paths) {
        auto file = openFile(path);
        if (!file)
            return file.error();
        const QString name = QFileInfo(path).fileName();
        if (kind == ImportKind::Hl7) {
            MessageReader reader(**file);
            QByteArray bytes;
            qint64 line = 0;
            while (reader.next(&bytes, &line)) {
                const QString where = QStringLiteral("%1:%2").arg(name).arg(line);
                if (cancel && *cancel) {
                    report.cancelled = true;
                    break;
                }
                if (auto s = run.step(); !s) {
                    run.stop(where, s.error());
                    break;
                }
                const Processed r = processor.process(bytes);
                if (r.code == AckCode::Reject) {
                    run.stop(where,
                             Error::unavailable(r.rule.isEmpty() ? QStringLiteral("db.unavailable") : r.rule,
                                                r.text));
                    break;
                }
                if (auto s = run.add(
                        {where, codeName(r.code), r.controlId, r.text, r.rule, r.code == AckCode::Error},
                        r.ignored);
                    !s) {
                    run.stop(where, s.error());
                    break;
                }
                if (auto s = run.settle(); !s) {
                    run.stop(where, s.error());
                    break;
                }
                run.progress(reader.position(), (*file)->size());
            }
        } else if (kind == ImportKind::Fhir) {
            FhirReader reader(**file, {policy->feedMrnAuthority, policy->zone});
            PD_TRY(reader.start());
            PD_TRY(applyRecords(m_ctx, reader, (*file)->size(), name, run, cancel, report));
        } else {
            CsvReader reader(**file, policy->zone);
            PD_TRY(reader.start());
            PD_TRY(applyRecords(m_ctx, reader, (*file)->size(), name, run, cancel, report));
        }
        if (report.stopped)
            return report;
        if (auto s = run.commit(); !s) {
            run.stop(name, s.error());
            return report;
        }
        if (report.cancelled)
            break; // the progress stays where the stop came
        run.progress((*file)->size(), (*file)->size(), true);
    }
    return report;
}

} // namespace pd::hl7
