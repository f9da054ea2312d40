// Builds RFC 5322 / MIME messages: multipart/alternative (text + HTML), UTF-8 throughout.
#pragma once

#include "mail/Layer.h"

#include "core/Records.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pd {

struct MailContent {
    QString subject;
    QString text; // plain-text part
    QString html; // HTML part saying the same thing
};

namespace MimeMessage {

// "<32 hex random chars@domain>"; the domain is taken from the sender's address.
QString newMessageId(const QString& senderAddress);

// The whole message, CRLF line endings, every line ≤ 78 characters: From, To, Subject (RFC 2047
// base64 when not ASCII), Date (RFC 5322 form of `date`, UTC offset +0000), Message-ID,
// MIME-Version, multipart/alternative with text/plain and text/html parts in UTF-8,
// quoted-printable.
QByteArray build(const MailAddress& from, const MailAddress& to, const MailContent& content,
                 const QDateTime& date, const QString& messageId);

QByteArray encodeQuotedPrintable(const QByteArray& utf8); // CRLF lines, soft breaks at ≤ 76
QByteArray decodeQuotedPrintable(const QByteArray& encoded);
QByteArray encodeHeaderWord(const QString& text); // RFC 2047 when needed, else ASCII as is

} // namespace MimeMessage
} // namespace pd
