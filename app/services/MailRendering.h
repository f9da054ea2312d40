// Rendering the outbox's messages: for the services' own .cpp files only (the mail layer stays out of
// the headers the desktop includes).
#pragma once

#include "core/Policy.h"
#include "core/Records.h"
#include "mail/MimeMessage.h"

#include <QHash>

namespace pd {

class ServiceContext;

// Renders a template with the hospital's own values (name, portal, HIM phone and hours) from `policy`.
Result<MailContent> renderMail(const Policy& policy, const QString& kind, const QString& language,
                               QHash<QString, QString> vars);

// The message as it goes to the mail server now: its template with the values it was queued with, the
// policy of today, and for an invitation a fresh activation link, good until `expiresAt`. The link's
// token is made here (on the central database, by the server), only its hash is kept, and the invitation
// must still be waiting to go ("queued"); if it is not, the result is empty. A message queued before
// messages were rendered at sending carries its own body.
struct RenderedMail {
    QByteArray raw;
    QDateTime expiresAt;    // an invitation's, as the message states it
    bool cancelled = false; // its invitation no longer waits for it
};
Result<RenderedMail> renderForSending(const ServiceContext& ctx, const Policy& policy,
                                      const OutboxMessage& m);

} // namespace pd
