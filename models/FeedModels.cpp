#include "models/FeedModels.h"

#include "services/DisplayText.h"
#include "services/PatientService.h"

#include <QCoreApplication>
#include <QPointer>

namespace pd {

namespace {

QList<RowsModel<FeedMessageRow>::Column> refusedColumns(const QTimeZone& zone) {
    using R = FeedMessageRow;
    return {
        textColumn<R>(QCoreApplication::translate("FeedModels", "Received"),
                      [zone](const R& r) { return QVariant(DisplayText::localTime(r.receivedAt, zone)); }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "Message"),
                      [](const R& r) { return QVariant(r.trigger + QLatin1Char(' ') + r.controlId); }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "MRN"),
                      [](const R& r) { return QVariant(r.mrn); }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "Tries"),
                      [](const R& r) { return QVariant(r.attempts); }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "Why it was refused"),
                      [](const R& r) { return QVariant(r.reason); }),
    };
}

QList<RowsModel<MergeRow>::Column> mergeColumns(const QTimeZone& zone) {
    using R = MergeRow;
    return {
        textColumn<R>(QCoreApplication::translate("FeedModels", "Held since"),
                      [zone](const R& r) { return QVariant(DisplayText::localTime(r.createdAt, zone)); }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "Prior record"),
                      [](const R& r) {
                          return QVariant(r.priorName + QStringLiteral(" (") + r.priorMrn + QLatin1Char(')'));
                      }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "Into"),
                      [](const R& r) {
                          return QVariant(r.survivorName + QStringLiteral(" (") + r.survivorMrn +
                                          QLatin1Char(')'));
                      }),
        textColumn<R>(QCoreApplication::translate("FeedModels", "Why it waits"),
                      [](const R& r) { return QVariant(r.conflicts.join(QLatin1Char(' '))); }),
    };
}

} // namespace

RefusedMessagesModel::RefusedMessagesModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<FeedMessageRow>(refusedColumns(zone), parent)
    , m_runner(runner) {}

void RefusedMessagesModel::reload() {
    load(
        [this](int offset, int limit) {
            return m_runner.run([offset, limit](const ServiceContext& ctx) {
                return PatientFeedService(ctx).refused(limit, offset);
            });
        },
        PageSize);
}

HeldMergesModel::HeldMergesModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<MergeRow>(mergeColumns(zone), parent)
    , m_runner(runner) {}

void HeldMergesModel::reload() {
    load(
        [this](int offset, int limit) {
            return m_runner.run([offset, limit](const ServiceContext& ctx) {
                return PatientFeedService(ctx).heldMerges(limit, offset);
            });
        },
        200);
}

ReviewPatientsModel::ReviewPatientsModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<Patient>(
          {
              textColumn<Patient>(
                  QCoreApplication::translate("FeedModels", "Listed since"),
                  [zone](const Patient& p) { return QVariant(DisplayText::localTime(p.reviewSince, zone)); }),
              textColumn<Patient>(QCoreApplication::translate("FeedModels", "MRN"),
                                  [](const Patient& p) { return QVariant(p.mrn); }),
              textColumn<Patient>(QCoreApplication::translate("FeedModels", "Patient"),
                                  [](const Patient& p) { return QVariant(p.fullName()); }),
              textColumn<Patient>(
                  QCoreApplication::translate("FeedModels", "Why"),
                  [](const Patient& p) { return QVariant(DisplayText::reviewReason(p.reviewReason)); }),
          },
          parent)
    , m_runner(runner) {}

void ReviewPatientsModel::reload() {
    load(
        [this](int offset, int limit) {
            return m_runner.run([offset, limit](const ServiceContext& ctx) {
                return PatientService(ctx).toReview(limit, offset);
            });
        },
        PageSize,
        [this] {
            return m_runner.run(
                [](const ServiceContext& ctx) { return PatientService(ctx).toReviewCount(); });
        });
}

QFuture<Result<Patient>> markPatientReviewed(DbRunner& runner, const Patient& listed, const QString& note) {
    return runner.run([mrn = listed.mrn, since = listed.reviewSince, note](const ServiceContext& ctx) {
        return PatientService(ctx).markReviewed(mrn, note, since);
    });
}

QFuture<Result<FeedDeskState>> loadFeedDeskState(DbRunner& runner) {
    return runner.run([](const ServiceContext& ctx) -> Result<FeedDeskState> {
        PatientFeedService feed(ctx);
        FeedDeskState s;
        auto last = feed.lastReceived();
        if (!last)
            return last.error();
        s.lastReceived = last.value();
        auto refused = feed.refusedCount();
        if (!refused)
            return refused.error();
        s.refused = refused.value();
        auto held = feed.heldMergeCount();
        if (!held)
            return held.error();
        s.heldMerges = held.value();
        return s;
    });
}

QFuture<Result<hl7::Processed>> retryRefusedMessage(DbRunner& runner, qint64 id) {
    return runner.run([id](const ServiceContext& ctx) -> Result<hl7::Processed> {
        auto row = PatientFeedService(ctx).refusedMessage(id);
        if (!row)
            return row.error();
        return hl7::FeedProcessor(ctx).process(row->raw);
    });
}

ImportJob::ImportJob(const DbRunner& runner, QObject* parent)
    : QObject(parent)
    , m_runner(std::make_unique<DbRunner>(runner.config())) {
    m_runner->setStaff(runner.staff());
    m_runner->setLoginFrom(runner);
}

ImportJob::~ImportJob() {
    // A large file may still be going: it stops after the record in hand, on its own thread.
    m_cancel = true;
    m_runner.release()->shutdownLater();
}

void ImportJob::start(hl7::ImportKind kind, const QString& path) {
    if (m_running)
        return;
    m_running = true;
    m_cancel = false;
    QPointer<ImportJob> self(this);
    auto flag = m_cancelFlag;
    onReady(this, m_runner->run([kind, path, self, flag](const ServiceContext& ctx) {
        // Progress crosses to the UI thread as a queued call; a job gone by then hears nothing.
        const auto onProgress = [self](qint64 read, qint64 position, qint64 size) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, read, position, size] {
                    if (self)
                        emit self->progress(read, position, size);
                },
                Qt::QueuedConnection);
        };
        return hl7::Importer(ctx).run(kind, {path}, {}, onProgress, flag.get());
    }),
            [this](const Result<hl7::ImportReport>& report) {
                m_running = false;
                if (report)
                    emit finished(report.value());
                else
                    emit failed(report.error().message);
            });
}

} // namespace pd
