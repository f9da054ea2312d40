// The machine's own log, outside anything PortalDesk stores: syslog (and so the journal) on Linux, the
// Event Log on Windows, the unified log (os_log) on macOS.
#pragma once

#include <QString>

namespace pd::SystemLog {

// Writes one notice line under the name "portaldesk". Best effort: a machine without a log loses it.
void notice(const QString& line);

} // namespace pd::SystemLog
