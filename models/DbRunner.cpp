#include "models/DbRunner.h"

#include "core/Secrets.h"
#include "services/StartupService.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QSysInfo>
#include <QUrl>

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
    // Calls still queued finish without running; only the one running now is waited for. The
    // connection is closed on the thread that opened it.
    m_stopping = true;
    postShutdown();
    m_thread.wait();
}

void DbRunner::shutdownLater() {
    if (m_shutdownPosted)
        return;
    m_stopping = true;
    Q_ASSERT(!parent());
    connect(&m_thread, &QThread::finished, this, &QObject::deleteLater);
    postShutdown();
}

void DbRunner::postShutdown() {
    if (m_shutdownPosted)
        return;
    m_shutdownPosted = true;
    // After every call queued so far (they finish unrun), on the worker.
    enqueue([this] {
        m_db.reset();
        m_thread.quit();
    });
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

void DbRunner::setLogin(const QString& login, const QString& password) {
    QMutexLocker lock(&m_mutex);
    m_login = login;
    Secrets::wipe(m_password);
    m_password = password;
    ++m_loginSerial;
}

void DbRunner::setLoginFrom(const DbRunner& other) {
    QString login;
    QString password;
    {
        QMutexLocker lock(&other.m_mutex);
        login = other.m_login;
        password = other.m_password;
    }
    setLogin(login, password);
    Secrets::wipe(password);
}

QString DbRunner::loginLocation(const QString& login) const {
    QUrl url(m_config.location);
    url.setUserName(login);
    return url.toString(QUrl::FullyEncoded);
}

Result<Connection*> DbRunner::database() {
    QString location = m_config.location;
    QString password;
    if (isServerLocation(location)) {
        QString login;
        int serial = 0;
        {
            QMutexLocker lock(&m_mutex);
            login = m_login;
            password = m_password;
            serial = m_loginSerial;
        }
        if (serial != m_openedSerial) {
            m_db.reset();
            m_openedSerial = serial;
        }
        if (login.isEmpty())
            return Error::notPermitted(
                QStringLiteral("db.no_login"),
                QCoreApplication::translate("DbRunner", "Sign in to work on the central database."));
        location = loginLocation(login);
    }
    if (!m_db) {
        auto opened = StartupService::open(location, m_config.busyTimeoutMs, password);
        Secrets::wipe(password);
        if (!opened)
            return opened.error();
        // A live central database keeps the server's clock; a pinned one (--now) is refused there.
        auto clock = StartupService(*opened.value(), *m_config.clock)
                         .workingClock(m_config.clock, m_config.pinnedClock);
        if (!clock)
            return clock.error();
        m_db = std::move(opened.value());
        m_clock = clock.value();
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
