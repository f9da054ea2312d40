#include "services/SystemLog.h"

#include <QByteArray>

#if defined(Q_OS_WIN)
#include <windows.h>
#elif defined(Q_OS_MACOS)
#include <os/log.h>
#else
#include <syslog.h>
#endif

namespace pd::SystemLog {

void notice(const QString& line) {
#if defined(Q_OS_WIN)
    HANDLE source = RegisterEventSourceW(nullptr, L"PortalDesk");
    if (!source)
        return;
    const std::wstring text = line.toStdWString();
    LPCWSTR strings[] = {text.c_str()};
    ReportEventW(source, EVENTLOG_INFORMATION_TYPE, 0, 1, nullptr, 1, 0, strings, nullptr);
    DeregisterEventSource(source);
#elif defined(Q_OS_MACOS)
    const QByteArray text = line.toUtf8();
    os_log(OS_LOG_DEFAULT, "%{public}s", text.constData());
#else
    // PORTALDESK_SYSLOG_ECHO also copies the line to standard error (LOG_PERROR), for whoever runs the job
    // by hand and for tests.
    const QByteArray text = line.toUtf8();
    const int echo = qEnvironmentVariableIsSet("PORTALDESK_SYSLOG_ECHO") ? LOG_PERROR : 0;
    openlog("portaldesk", LOG_PID | echo, LOG_USER);
    syslog(LOG_NOTICE, "%s", text.constData());
    closelog();
#endif
}

} // namespace pd::SystemLog
