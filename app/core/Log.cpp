#include "core/Log.h"

namespace pd {

Q_LOGGING_CATEGORY(lcStore, "portaldesk.store")
Q_LOGGING_CATEGORY(lcMail, "portaldesk.mail")
Q_LOGGING_CATEGORY(lcSmtp, "portaldesk.smtp")
Q_LOGGING_CATEGORY(lcDaily, "portaldesk.daily")
Q_LOGGING_CATEGORY(lcFeed, "portaldesk.feed")
Q_LOGGING_CATEGORY(lcUi, "portaldesk.ui")

} // namespace pd
