// Crash injection for tests: when PORTALDESK_FAILPOINT names this point the process dies on the spot,
// as a power cut would, so tests can show a half-done operation leaves nothing behind.
#pragma once

namespace pd::FailPoint {

void hit(const char* name);

} // namespace pd::FailPoint
