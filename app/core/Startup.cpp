#include "core/Startup.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace pd::Startup {

void hardenProcess() {
#ifdef Q_OS_UNIX
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
#endif
}

void identify(const char* version) {
    // Staff read plain messages; the store's diagnostics are for developers.
    if (qEnvironmentVariableIsEmpty("PORTALDESK_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("portaldesk.*=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("PortalDesk"));
    // macOS files settings by domain: org.portaldesk.PortalDesk, the bundle's id.
    QCoreApplication::setOrganizationDomain(QStringLiteral("portaldesk.org"));
    QCoreApplication::setApplicationName(QStringLiteral("PortalDesk"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(version));
}

} // namespace pd::Startup
