// Sends one message over SMTP on a QSslSocket: EHLO, STARTTLS or implicit TLS with certificate checks,
// AUTH PLAIN/LOGIN, pipelining when offered, dot-stuffing, and a timeout on every step. Blocking: it runs
// on the desktop's mail worker thread or in the CLI, never on a UI thread.
#pragma once

#include "mail/Layer.h"

#include "mail/MailTransport.h"

#include <QStringList>

namespace pd {

struct SmtpSettings {
    enum class Tls { None, StartTls, Implicit };

    QString host;
    quint16 port = 587;
    Tls tls = Tls::StartTls;
    QString user;     // empty: no AUTH
    QString password; // never stored in the database
    QString caFile;   // extra CA certificates (PEM) trusted besides the system's
    // SHA-256 (hex) of a server certificate a supervisor chose to accept although it does not verify.
    QString pinnedSha256;
    QString helloName; // EHLO name; empty = this machine's name
    int timeoutMs = 30000;
    // The wait for the server's reply once the whole message was sent: it may check the message for
    // viruses and spam first, so this wait is longer than the other steps' (RFC 5321 §4.5.3.2.6).
    int dataTimeoutMs = 10 * 60 * 1000;

    static std::optional<Tls> tlsFromName(const QString& name); // none | starttls | tls
};

class SmtpTransport final : public MailTransport {
public:
    explicit SmtpTransport(SmtpSettings settings);
    // Ok once the server accepted the message (250 after the data). Unavailable ("mail.unavailable") when
    // trying again later may work: no connection, a timeout, a 4xx reply, a certificate that does not
    // verify, the connection lost before the server confirmed, and a 5xx reply before the message's
    // recipient was named (the greeting, EHLO, STARTTLS, AUTH, MAIL FROM: a problem of the server or of
    // the settings, not of this message). Validation ("mail.rejected") for a 5xx reply to RCPT TO, DATA
    // or the message itself, with the server's words, and for a message SMTP can't carry.
    Status send(const OutgoingMail& mail) override;

    // What the server said it can do in its last EHLO reply (tests read it).
    const QStringList& capabilities() const { return m_capabilities; }

private:
    SmtpSettings m_settings;
    QStringList m_capabilities;
};

// A server's reply (RFC 5321 §4.2): the code of its last line and each line's text after the code.
struct SmtpReply {
    int code = 0;
    QStringList lines;
    QString text() const; // "250 first line second line"
};

// What one line the server sent does to a reply: Last when it ends it (no "-" after the code), More
// when another line follows, Unreadable when it is no reply line (under three characters once
// trimmed, or no number first).
enum class SmtpReplyLine { More, Last, Unreadable };
SmtpReplyLine addReplyLine(const QByteArray& line, SmtpReply* reply);
// The first reply in `bytes`, read line by line (each ended by LF) as from the connection: the bytes it
// took; 0 when they end before the reply does, -1 at an unreadable line.
qsizetype parseSmtpReply(const QByteArray& bytes, SmtpReply* reply);

// Lines of `raw` with CRLF endings and a leading dot doubled, ending with the "." line (RFC 5321 §4.5.2).
QByteArray dotStuff(const QByteArray& raw);

} // namespace pd
