// The EHR feed in the desktop: the refused messages and held merges the Feed desk lists, and an import
// of a file run on a worker of its own with its progress, so the pages stay live while it runs.
#pragma once

#include "ehr/Importer.h"
#include "models/RowsModel.h"
#include "services/PatientFeedService.h"

#include <QTimeZone>

#include <atomic>
#include <memory>

namespace pd {

class RefusedMessagesModel final : public RowsModel<FeedMessageRow> {
public:
    RefusedMessagesModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    void reload();

    static constexpr int PageSize = 200;

private:
    DbRunner& m_runner;
};

class HeldMergesModel final : public RowsModel<MergeRow> {
public:
    HeldMergesModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    void reload();

private:
    DbRunner& m_runner;
};

// Patients listed for review (a correction made them younger, the EHR took a death back), longest waiting
// first, a page at a time with how many there are.
class ReviewPatientsModel final : public RowsModel<Patient> {
public:
    ReviewPatientsModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    void reload();

    static constexpr int PageSize = 200;

private:
    DbRunner& m_runner;
};

// Takes the patient off the review list with the reviewer's note.
QFuture<Result<Patient>> markPatientReviewed(DbRunner& runner, const Patient& listed, const QString& note);

// What the desk's header says: when the feed last spoke, and how many messages and merges wait.
struct FeedDeskState {
    QDateTime lastReceived;
    qint64 refused = 0;
    qint64 heldMerges = 0;
};
QFuture<Result<FeedDeskState>> loadFeedDeskState(DbRunner& runner);
// Applies a refused message again, as the listener would; the words of what happened.
QFuture<Result<hl7::Processed>> retryRefusedMessage(DbRunner& runner, qint64 id);

class ImportJob final : public QObject {
    Q_OBJECT

public:
    // Its own worker and connection, acting as `runner`'s staff member.
    explicit ImportJob(const DbRunner& runner, QObject* parent = nullptr);
    ~ImportJob() override;

    void start(hl7::ImportKind kind, const QString& path);
    // Stops after the record in hand; what was applied stays.
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 read, qint64 position, qint64 size);
    void finished(const pd::hl7::ImportReport& report);
    void failed(const QString& message);

private:
    std::unique_ptr<DbRunner> m_runner;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    std::atomic<bool>& m_cancel = *m_cancelFlag;
    bool m_running = false;
};

} // namespace pd
