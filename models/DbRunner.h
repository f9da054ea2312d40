// Runs service calls on one worker thread that owns the database connection, so the UI thread never
// runs SQL. Each call gets a fresh ServiceContext for the signed-in staff member and returns a QFuture.
#pragma once

#include "Clock.h"
#include "Database.h"
#include "Records.h"
#include "ServiceContext.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace pd {

class DbRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbRunner)

public:
    struct Config {
        QString location; // SQLite file (empty = the default file)
        int busyTimeoutMs = 10000;
        std::shared_ptr<const Clock> clock;
        QString workstation;
    };

    explicit DbRunner(Config config, QObject* parent = nullptr);
    ~DbRunner() override;

    void setStaff(const StaffMember& staff);
    StaffMember staff() const;
    const Config& config() const { return m_config; }

    // Runs `fn(const ServiceContext&)` on the worker; `fn` returns a Result<T>. A database that can't be
    // opened comes back as that Result's error.
    template <typename Fn> auto run(Fn fn) -> QFuture<std::invoke_result_t<Fn, const ServiceContext&>> {
        using R = std::invoke_result_t<Fn, const ServiceContext&>;
        return post<R>([this, fn = std::move(fn)](Database& db) mutable {
            ServiceContext ctx(db, *m_config.clock, staff(), m_config.workstation);
            return fn(ctx);
        });
    }

    // Runs `fn(Database&, const Clock&)` on the worker: opening, migrating, first use.
    template <typename Fn> auto runDb(Fn fn) -> QFuture<std::invoke_result_t<Fn, Database&, const Clock&>> {
        using R = std::invoke_result_t<Fn, Database&, const Clock&>;
        return post<R>([this, fn = std::move(fn)](Database& db) mutable { return fn(db, *m_config.clock); });
    }

    // Calls made and not yet finished; tests wait for zero.
    int pending() const;

signals:
    // Emitted on the UI thread after a call that changed data finished, so open views reload.
    void dataChanged();
    void pendingChanged(int pending);

public:
    // For callers that changed data (the dialogs): tells every view to reload.
    void notifyChanged() { emit dataChanged(); }

private:
    template <typename R> QFuture<R> post(std::function<R(Database&)> work) {
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        started();
        enqueue([this, promise, work = std::move(work)]() {
            Result<Database*> db = database();
            if (!db)
                promise->addResult(R(db.error()));
            else
                promise->addResult(work(*db.value()));
            promise->finish();
            finished();
        });
        return future;
    }

    void enqueue(std::function<void()> task);
    Result<Database*> database(); // worker thread only
    void started();
    void finished();

    Config m_config;
    QThread m_thread;
    QObject* m_worker = nullptr;    // lives on m_thread
    std::unique_ptr<Database> m_db; // worker thread only
    mutable QMutex m_mutex;
    StaffMember m_staff;
    int m_pending = 0;
};

// Calls `callback(result)` on `receiver`'s thread when `future` is ready; nothing happens if the receiver
// is gone by then.
template <typename T, typename F> void onReady(QObject* receiver, const QFuture<T>& future, F callback) {
    auto* watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, callback = std::move(callback)]() mutable {
                         const QFuture<T> f = watcher->future();
                         watcher->deleteLater();
                         if (!f.isCanceled() && f.resultCount() > 0)
                             callback(f.result());
                     });
    watcher->setFuture(future);
}

} // namespace pd
