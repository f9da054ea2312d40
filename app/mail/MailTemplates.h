// E-mail templates per kind and language, kept as resources (:/mail/<language>/<kind>.txt|.html).
#pragma once

#include "mail/Layer.h"

#include "mail/MimeMessage.h"

#include <QHash>
#include <QStringList>

#include "core/Result.h"

namespace pd::MailTemplates {

// Kinds: "invitation", "reissue", "transition_12", "transition_18", "deactivation", "email_changed",
// "consent_rejected", "consent_reminder".
QStringList kinds();
// Languages with a full set of templates, e.g. {"en", "es"}.
QStringList languages();

// Renders one message. `language` falls back to "en" when no template exists for it.
// {{name}} placeholders are replaced by `vars` (HTML-escaped in the HTML part); a placeholder with
// no value is an Internal error ("mail.template"), as is an unknown kind.
// The .txt file's first line is "Subject: ...", then a blank line, then the body.
Result<MailContent> render(const QString& kind, const QString& language, const QHash<QString, QString>& vars);

} // namespace pd::MailTemplates
