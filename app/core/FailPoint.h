// Crash injection for tests: when PORTALDESK_FAILPOINT names this point the process dies on the spot,
// as a power cut would, so tests can show a half-done operation leaves nothing behind. In-process tests
// may instead set a hook that runs at every point (to stop a database server mid-operation, say).
#pragma once

#include <functional>

namespace pd::FailPoint {

void hit(const char* name);
void setHook(std::function<void(const char*)> hook); // an empty function removes it

} // namespace pd::FailPoint
