#include "FailPoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace pd::FailPoint {

void hit(const char* name) {
    static const QByteArray wanted = qgetenv("PORTALDESK_FAILPOINT");
    if (!wanted.isEmpty() && wanted == name) {
        std::fprintf(stderr, "failpoint %s: stopping the process\n", name);
        std::fflush(stderr);
        std::_Exit(99);
    }
}

} // namespace pd::FailPoint
