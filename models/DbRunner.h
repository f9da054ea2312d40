// Runs service calls on one worker thread that owns the database connection, so the UI thread never
// runs SQL. Each call gets a fresh ServiceContext for the signed-in staff member and returns a QFuture.
#pragma once

#include "core/Clock.h"
#include "core/Records.h"
#include "services/Connection.h"
#include "services/ServiceContext.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <atomic>
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
        bool pinnedClock = false; // a --now: refused by a live central database, which keeps its own
        QString workstation;
    };

    explicit DbRunner(Config config, QObject* parent = nullptr);
    // Waits only for the call running now: calls still queued finish without a result, unrun.
    ~DbRunner() override;

    // For an owner that goes away while a call may still be running (a slow mail server): from now on
    // calls finish without a result, unrun; the connection is closed on the worker once the running call
    // is done, and the runner deletes itself after its thread ended. The UI thread never waits. The
    // runner must have no parent; the owner lets go of it (`m_runner.release()->shutdownLater()`).
    void shutdownLater();

    void setStaff(const StaffMember& staff);
    StaffMember staff() const;

    // The central database: the next call opens the connection as this login with this password (kept
    // in memory only, for reconnecting); an empty login closes it (signing out).
    void setLogin(const QString& login, const QString& password);
    // Signs in as `other` is signed in (a second runner for slow work, such as mail).
    void setLoginFrom(const DbRunner& other);
    // The configured server address with `login` as its user.
    QString loginLocation(const QString& login) const;
    const Config& config() const { return m_config; }

    // Runs `fn(const ServiceContext&)` on the worker; `fn` returns a Result<T>. A database that can't be
    // opened comes back as that Result's error. It acts as the staff member signed in now, when the call
    // is made, even if another signs in before the worker gets to it.
    template <typename Fn> auto run(Fn fn) -> QFuture<std::invoke_result_t<Fn, const ServiceContext&>> {
        using R = std::invoke_result_t<Fn, const ServiceContext&>;
        return post<R>([this, staff = staff(), fn = std::move(fn)](Connection& connection) mutable {
            ServiceContext ctx(connection, *m_clock, staff, m_config.workstation);
            return fn(ctx);
        });
    }

    // Runs `fn(Connection&, const Clock&)` on the worker: starting up (StartupService) before anyone
    // is signed in.
    template <typename Fn> auto runDb(Fn fn) -> QFuture<std::invoke_result_t<Fn, Connection&, const Clock&>> {
        using R = std::invoke_result_t<Fn, Connection&, const Clock&>;
        return post<R>(
            [this, fn = std::move(fn)](Connection& connection) mutable { return fn(connection, *m_clock); });
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
    // A call made or still queued once the runner is stopping finishes without a result (callers check
    // resultCount(); onReady() does).
    template <typename R> QFuture<R> post(std::function<R(Connection&)> work) {
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        if (m_stopping.load()) {
            promise->finish();
            return future;
        }
        started();
        enqueue([this, promise, work = std::move(work)]() {
            if (!m_stopping.load()) {
                Result<Connection*> db = database();
                if (!db)
                    promise->addResult(R(db.error()));
                else
                    promise->addResult(work(*db.value()));
            }
            promise->finish();
            finished();
        });
        return future;
    }

    void enqueue(std::function<void()> task);
    void postShutdown();            // queues closing the connection and ending the thread, once
    Result<Connection*> database(); // worker thread only
    void started();
    void finished();

    Config m_config;
    QThread m_thread;
    QObject* m_worker = nullptr;          // lives on m_thread
    std::unique_ptr<Connection> m_db;     // worker thread only
    std::shared_ptr<const Clock> m_clock; // worker thread only: the clock m_db works by
    mutable QMutex m_mutex;
    StaffMember m_staff;
    QString m_login;         // guarded by m_mutex
    QString m_password;      // guarded by m_mutex
    int m_loginSerial = 0;   // guarded by m_mutex; bumped by setLogin()
    int m_openedSerial = -1; // worker thread only: the login m_db was opened with
    int m_pending = 0;
    std::atomic<bool> m_stopping{false};
    bool m_shutdownPosted = false; // the owner's thread only
};

// Calls `callback(result)` on `receiver`'s thread when `future` is ready; nothing happens if the receiver
// is gone by then, or if the future finished without a result (cancelled, or its runner stopped first).
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
