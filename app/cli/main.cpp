// portaldesk-cli: every staff operation and the daily jobs, for schedulers, scripts and tests.
#include "CliApp.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

int main(int argc, char* argv[]) {
#ifdef Q_OS_UNIX
    // A core dump could hold a PIN or an activation token in clear.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
#endif
    QCoreApplication app(argc, argv);
    // Staff read plain messages; the store's diagnostics are for developers (PORTALDESK_DEBUG=1).
    if (qEnvironmentVariableIsEmpty("PORTALDESK_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("portaldesk.*=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTALDESK_VERSION));
    return pd::runCli(QCoreApplication::arguments());
}
