// portaldesk-cli: every staff operation and the daily jobs, for schedulers, scripts and tests.
#include "cli/CliApp.h"
#include "core/Startup.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    pd::Startup::hardenProcess();
    QCoreApplication app(argc, argv);
    pd::Startup::identify(PORTALDESK_VERSION);
    return pd::runCli(QCoreApplication::arguments());
}
