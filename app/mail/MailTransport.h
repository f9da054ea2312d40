// Where an outgoing message goes: the file drop of the embedded default, or SMTP.
#pragma once

#include "mail/Layer.h"

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace pd {

struct OutgoingMail {
    QString messageId; // stable across retries: "<...@domain>"
    QString from;      // envelope sender
    QString to;        // envelope recipient
    QByteArray raw;    // the whole RFC 5322 message
};

class MailTransport {
public:
    virtual ~MailTransport() = default;
    // Ok when the message was accepted; Unavailable ("mail.unavailable") for a failure worth retrying,
    // Validation ("mail.rejected") for a permanent refusal.
    virtual Status send(const OutgoingMail& mail) = 0;
};

// Writes each message as "<message-id without brackets>.eml" into a folder, atomically; sending the
// same Message-ID again rewrites the same file, so a retry never makes a second copy.
class FileDropTransport final : public MailTransport {
public:
    explicit FileDropTransport(QString folder);
    Status send(const OutgoingMail& mail) override;
    const QString& folder() const { return m_folder; }

private:
    QString m_folder;
};

} // namespace pd
