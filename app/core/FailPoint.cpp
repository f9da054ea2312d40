#include "core/FailPoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace pd::FailPoint {

namespace {
std::function<void(const char*)>& hook() {
    static std::function<void(const char*)> h;
    return h;
}
} // namespace

void setHook(std::function<void(const char*)> h) {
    hook() = std::move(h);
}

void hit(const char* name) {
    if (hook())
        hook()(name);
    static const QByteArray wanted = qgetenv("PORTALDESK_FAILPOINT");
    if (!wanted.isEmpty() && wanted == name) {
        std::fprintf(stderr, "failpoint %s: stopping the process\n", name);
        std::fflush(stderr);
        std::_Exit(99);
    }
}

} // namespace pd::FailPoint
