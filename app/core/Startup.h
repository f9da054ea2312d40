// What both programs do first: no core dumps (they could hold a PIN in clear), quiet diagnostics unless a
// developer asks (PORTALDESK_DEBUG=1), and the names settings and data folders are filed under.
#pragma once

namespace pd::Startup {

// Call before the application object exists.
void hardenProcess();
// Call once the application object exists.
void identify(const char* version);

} // namespace pd::Startup
