// The diagnostics' categories, off unless asked for: QT_LOGGING_RULES="portaldesk.daily.debug=true" (or
// PORTALDESK_DEBUG=1 for all of them). Whatever is logged under them is the program's own working: steps,
// counts, times, reply codes, record ids. Never a PIN, token, password, message body, name, MRN, birth
// date, address or phone number, nor an error text that could quote one (a server's reply, a database's
// detail): log its code instead.
#pragma once

#include <QLoggingCategory>

namespace pd {

Q_DECLARE_LOGGING_CATEGORY(lcStore) // portaldesk.store: databases opened, migrations, failed statements
Q_DECLARE_LOGGING_CATEGORY(lcMail)  // portaldesk.mail: outbox rounds, each message's outcome by id
Q_DECLARE_LOGGING_CATEGORY(lcSmtp)  // portaldesk.smtp: the conversation's steps and reply codes
Q_DECLARE_LOGGING_CATEGORY(lcDaily) // portaldesk.daily: the daily job's steps, counts and times
Q_DECLARE_LOGGING_CATEGORY(lcFeed)  // portaldesk.feed: connections, messages' types and acknowledgements
Q_DECLARE_LOGGING_CATEGORY(lcUi)    // portaldesk.ui: sign-in, pages loaded and how long they took

} // namespace pd
