#include "DbRunner.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QSysInfo>

namespace pd {

DbRunner::DbRunner(Config config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    if (!m_config.clock)
        m_config.clock = std::make_shared<SystemClock>();
    if (m_config.workstation.isEmpty())
        m_config.workstation = QSysInfo::machineHostName();
    if (m_config.workstation.isEmpty())
        m_config.workstation = QStringLiteral("workstation");
    m_thread.setObjectName(QStringLiteral("portaldesk-db"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DbRunner::~DbRunner() {
    // The connection is closed on the thread that opened it; calls still queued are dropped
    // (their futures are cancelled) and everything already running finishes first.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DbRunner::setStaff(const StaffMember& staff) {
    QMutexLocker lock(&m_mutex);
    m_staff = staff;
}

StaffMember DbRunner::staff() const {
    QMutexLocker lock(&m_mutex);
    return m_staff;
}

int DbRunner::pending() const {
    QMutexLocker lock(&m_mutex);
    return m_pending;
}

void DbRunner::enqueue(std::function<void()> task) {
    QMetaObject::invokeMethod(m_worker, std::move(task), Qt::QueuedConnection);
}

Result<Database*> DbRunner::database() {
    if (!m_db) {
        auto opened = Database::open(m_config.location, m_config.busyTimeoutMs);
        if (!opened)
            return opened.error();
        m_db = std::move(opened.value());
    }
    return m_db.get();
}

void DbRunner::started() {
    int now = 0;
    {
        QMutexLocker lock(&m_mutex);
        now = ++m_pending;
    }
    emit pendingChanged(now);
}

void DbRunner::finished() {
    int now = 0;
    {
        QMutexLocker lock(&m_mutex);
        now = --m_pending;
    }
    // Reported on the runner's own thread (the UI's), in order with the results.
    QMetaObject::invokeMethod(
        this, [this, now] { emit pendingChanged(now); }, Qt::QueuedConnection);
}

} // namespace pd
