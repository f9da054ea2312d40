// portaldesk-cli: every staff operation and the daily jobs, for schedulers, scripts and tests.
#include "CliApp.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // Staff read plain messages; the store's diagnostics are for developers (PORTALDESK_DEBUG=1).
    if (qEnvironmentVariableIsEmpty("PORTALDESK_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("portaldesk.*=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTALDESK_VERSION));
    return pd::runCli(QCoreApplication::arguments());
}
