// portaldesk-cli: every staff operation and the daily jobs, for schedulers, scripts and tests.
#include "CliApp.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTALDESK_VERSION));
    return pd::runCli(QCoreApplication::arguments());
}
