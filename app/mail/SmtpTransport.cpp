#include "mail/SmtpTransport.h"
#include "core/Log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>

#include <optional>
#include <utility>

namespace pd {

namespace {

// Whether a 5xx reply at a step is final for the message. Only the steps about this message (RCPT TO,
// DATA, the message itself) are; a refusal before them (the greeting, EHLO, STARTTLS, AUTH, MAIL FROM)
// is the server's or the settings' problem, and the message waits until that is fixed.
enum class Refusal { Retry, Final };

// One conversation; every failure becomes the Error send() returns.
class Session {
public:
    Session(const SmtpSettings& s, QSslSocket& socket)
        : m_s(s)
        , m_socket(socket) {}

    Error unavailable(const QString& why) const {
        return Error::unavailable(
            QStringLiteral("mail.unavailable"),
            QCoreApplication::translate("Smtp", "The mail server %1 can't take the message now: %2")
                .arg(m_s.host + QLatin1Char(':') + QString::number(m_s.port), why));
    }

    Error fromReply(const SmtpReply& r, const QString& step, Refusal refusal) const {
        if (r.code >= 500 && refusal == Refusal::Final)
            return Error::validation(
                QStringLiteral("mail.rejected"),
                QCoreApplication::translate("Smtp", "The mail server refused the message at %1: %2")
                    .arg(step, r.text()));
        return unavailable(
            QCoreApplication::translate("Smtp", "it answered %1 with \"%2\"").arg(step, r.text()));
    }

    // Waits `timeoutMs` (the settings' timeout when negative) for each line of the reply.
    Result<SmtpReply> read(const QString& step, int timeoutMs = -1) {
        if (timeoutMs < 0)
            timeoutMs = m_s.timeoutMs;
        SmtpReply r;
        for (;;) {
            while (!m_socket.canReadLine()) {
                if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                    return unavailable(
                        QCoreApplication::translate("Smtp", "the connection closed during %1").arg(step));
                if (!m_socket.waitForReadyRead(timeoutMs) && !m_socket.canReadLine())
                    return unavailable(
                        m_socket.error() == QAbstractSocket::SocketTimeoutError
                            ? QCoreApplication::translate("Smtp", "no answer to %1 within %2 seconds")
                                  .arg(step)
                                  .arg(timeoutMs / 1000)
                            : QCoreApplication::translate("Smtp", "the connection closed during %1")
                                  .arg(step));
            }
            switch (addReplyLine(m_socket.readLine(), &r)) {
            case SmtpReplyLine::Unreadable:
                return unavailable(
                    QCoreApplication::translate("Smtp", "an unreadable answer to %1").arg(step));
            case SmtpReplyLine::Last:
                // The code only: a reply's text can quote an address.
                qCDebug(lcSmtp, "%s: %d", qPrintable(step), r.code);
                return r;
            case SmtpReplyLine::More:
                break;
            }
        }
    }

    Status write(const QByteArray& data, const QString& step) {
        m_socket.write(data);
        while (m_socket.bytesToWrite() > 0) {
            if (!m_socket.waitForBytesWritten(m_s.timeoutMs))
                return unavailable(QCoreApplication::translate("Smtp", "could not send %1: %2")
                                       .arg(step, m_socket.errorString()));
        }
        return {};
    }

    // Sends a command and expects a reply in the 2xx/3xx class given.
    Result<SmtpReply> command(const QByteArray& line, const QString& step, int expectedClass,
                              Refusal refusal = Refusal::Retry) {
        PD_TRY(write(line + "\r\n", step));
        return expect(step, expectedClass, refusal);
    }

    Result<SmtpReply> expect(const QString& step, int expectedClass, Refusal refusal = Refusal::Retry) {
        auto r = read(step);
        if (!r)
            return r.error();
        if (r->code / 100 != expectedClass)
            return fromReply(r.value(), step, refusal);
        return r;
    }

private:
    const SmtpSettings& m_s;
    QSslSocket& m_socket;
};

// RFC 5321 §4.5.3.1.6: at most 998 characters on a line of the data, not counting its CRLF (a doubled
// leading dot counts). `wire` is what dotStuff() made.
bool linesFit(const QByteArray& wire) {
    constexpr qsizetype maxLine = 998;
    qsizetype start = 0;
    while (start < wire.size()) {
        qsizetype end = wire.indexOf("\r\n", start);
        if (end < 0)
            end = wire.size();
        if (end - start > maxLine)
            return false;
        start = end + 2;
    }
    return true;
}

bool isAscii(const QString& s) {
    for (QChar c : s) {
        if (c.unicode() > 127)
            return false;
    }
    return true;
}

} // namespace

QString SmtpReply::text() const {
    return QString::number(code) + QLatin1Char(' ') + lines.join(QLatin1Char(' '));
}

SmtpReplyLine addReplyLine(const QByteArray& received, SmtpReply* reply) {
    const QByteArray line = received.trimmed();
    if (line.size() < 3)
        return SmtpReplyLine::Unreadable;
    bool ok = false;
    const int code = line.left(3).toInt(&ok);
    if (!ok)
        return SmtpReplyLine::Unreadable;
    reply->code = code;
    reply->lines.append(QString::fromUtf8(line.mid(4)));
    return line.size() == 3 || line.at(3) != '-' ? SmtpReplyLine::Last : SmtpReplyLine::More;
}

qsizetype parseSmtpReply(const QByteArray& bytes, SmtpReply* reply) {
    *reply = SmtpReply();
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            return 0;
        switch (addReplyLine(bytes.mid(start, end + 1 - start), reply)) {
        case SmtpReplyLine::Unreadable:
            return -1;
        case SmtpReplyLine::Last:
            return end + 1;
        case SmtpReplyLine::More:
            break;
        }
        start = end + 1;
    }
}

std::optional<SmtpSettings::Tls> SmtpSettings::tlsFromName(const QString& name) {
    if (name == QLatin1String("none"))
        return Tls::None;
    if (name == QLatin1String("starttls"))
        return Tls::StartTls;
    if (name == QLatin1String("tls"))
        return Tls::Implicit;
    return std::nullopt;
}

QByteArray dotStuff(const QByteArray& raw) {
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 40 + 8);
    qsizetype start = 0;
    while (start < raw.size()) {
        qsizetype end = raw.indexOf('\n', start);
        if (end < 0)
            end = raw.size();
        QByteArray line = raw.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith('.'))
            out += '.';
        out += line + "\r\n";
        start = end + 1;
    }
    out += ".\r\n";
    return out;
}

SmtpTransport::SmtpTransport(SmtpSettings settings)
    : m_settings(std::move(settings)) {
    if (m_settings.helloName.isEmpty())
        m_settings.helloName =
            QSysInfo::machineHostName().isEmpty() ? QStringLiteral("localhost") : QSysInfo::machineHostName();
}

Status SmtpTransport::send(const OutgoingMail& mail) {
    const SmtpSettings& s = m_settings;
    if (s.host.isEmpty())
        return Error::unavailable(
            QStringLiteral("mail.not_configured"),
            QCoreApplication::translate("Smtp", "No mail server is set (setting mail.smtp_host)."));
    // Checked before connecting, so a message SMTP can't carry is never half-sent.
    const QByteArray body = dotStuff(mail.raw);
    if (!linesFit(body))
        return Error::validation(
            QStringLiteral("mail.rejected"),
            QCoreApplication::translate("Smtp", "A line of the message is longer than SMTP allows."));
    // An address is one line of the conversation: a line break in it would start a command of its own.
    for (const QString& address : {mail.from, mail.to}) {
        if (address.isEmpty() || address.contains(QLatin1Char('\r')) || address.contains(QLatin1Char('\n')) ||
            address.contains(QLatin1Char('<')) || address.contains(QLatin1Char('>')) ||
            address.contains(QChar(0)))
            return Error::validation(QStringLiteral("mail.rejected"),
                                     QCoreApplication::translate(
                                         "Smtp", "The envelope address \"%1\" can't be sent: it holds a line "
                                                 "break or angle brackets.")
                                         .arg(QString(address)
                                                  .replace(QLatin1Char('\r'), QStringLiteral("\\r"))
                                                  .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
                                                  .left(120)));
    }
    QSslSocket socket;
    Session session(s, socket);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!s.caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(s.caFile, QSsl::Pem);
        if (extra.isEmpty())
            return session.unavailable(
                QCoreApplication::translate("Smtp", "the CA file %1 holds no certificate").arg(s.caFile));
        // Setting the list (rather than adding to it) keeps the system's CAs: adding would turn off the
        // loading of the system's certificates on demand.
        tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + extra);
    }
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(s.host);
    QString tlsProblem;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&](const QList<QSslError>& errors) {
        // Only the certificate a supervisor pinned may pass without verifying.
        const QByteArray digest = socket.peerCertificate().digest(QCryptographicHash::Sha256).toHex();
        if (!s.pinnedSha256.isEmpty() && digest == s.pinnedSha256.toLatin1().toLower()) {
            socket.ignoreSslErrors(errors);
            return;
        }
        QStringList why;
        for (const QSslError& e : errors)
            why.append(e.errorString());
        tlsProblem = why.join(QStringLiteral("; "));
    });

    const auto tlsFailure = [&]() {
        return session.unavailable(
            QCoreApplication::translate(
                "Smtp", "its certificate was not accepted (%1); check mail.smtp_host and mail.smtp_ca_file")
                .arg(tlsProblem.isEmpty() ? socket.errorString() : tlsProblem));
    };

    qCDebug(lcSmtp, "connecting to %s port %d (%s)", qPrintable(s.host), int(s.port),
            s.tls == SmtpSettings::Tls::Implicit   ? "implicit TLS"
            : s.tls == SmtpSettings::Tls::StartTls ? "STARTTLS"
                                                   : "no TLS");
    if (s.tls == SmtpSettings::Tls::Implicit) {
        socket.connectToHostEncrypted(s.host, s.port);
        if (!socket.waitForEncrypted(s.timeoutMs))
            return socket.state() == QAbstractSocket::ConnectedState || !tlsProblem.isEmpty()
                       ? tlsFailure()
                       : session.unavailable(socket.errorString());
    } else {
        socket.connectToHost(s.host, s.port);
        if (!socket.waitForConnected(s.timeoutMs))
            return session.unavailable(socket.errorString());
    }
    PD_TRY(session.expect(QCoreApplication::translate("Smtp", "the greeting"), 2));
    const QByteArray ehlo = "EHLO " + s.helloName.toUtf8();
    auto hello = session.command(ehlo, QStringLiteral("EHLO"), 2);
    if (!hello)
        return hello.error();
    m_capabilities = hello->lines.mid(1);

    const auto offers = [this](const char* what) {
        for (const QString& c : std::as_const(m_capabilities)) {
            if (c.section(QLatin1Char(' '), 0, 0).compare(QLatin1String(what), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (s.tls == SmtpSettings::Tls::StartTls) {
        if (!offers("STARTTLS"))
            return session.unavailable(QCoreApplication::translate(
                "Smtp", "it does not offer STARTTLS, and mail is never sent in clear when "
                        "TLS is set"));
        PD_TRY(session.command("STARTTLS", QStringLiteral("STARTTLS"), 2));
        // Anything already waiting was sent in clear before the encryption: whoever put it there could
        // answer for the server once it is encrypted (a STARTTLS injection, CVE-2011-0411).
        if (socket.bytesAvailable() > 0)
            return session.unavailable(QCoreApplication::translate(
                "Smtp", "it sent more than its answer to STARTTLS before the encryption began, which "
                        "may be someone tampering with the connection (STARTTLS injection); nothing "
                        "was sent"));
        socket.startClientEncryption();
        if (!socket.waitForEncrypted(s.timeoutMs))
            return tlsFailure();
        hello = session.command(ehlo, QStringLiteral("EHLO"), 2);
        if (!hello)
            return hello.error();
        m_capabilities = hello->lines.mid(1);
    }

    if (!s.user.isEmpty()) {
        // A password in clear could be read on the way: only to this machine's own relay.
        if (!socket.isEncrypted() && !socket.peerAddress().isLoopback())
            return session.unavailable(QCoreApplication::translate(
                "Smtp", "signing in over a connection that is not encrypted is refused except to this "
                        "machine; set mail.smtp_tls to starttls or tls"));
        // A refused sign-in is a matter for the settings (or the server): the message waits.
        const auto signInFailed = [&](const Error& e) {
            return session.unavailable(
                QCoreApplication::translate("Smtp", "signing in as %1 failed (%2)").arg(s.user, e.message));
        };
        QString mechanisms;
        for (const QString& c : std::as_const(m_capabilities)) {
            if (c.startsWith(QLatin1String("AUTH"), Qt::CaseInsensitive))
                mechanisms += c.mid(4).toUpper() + QLatin1Char(' ');
        }
        if (mechanisms.contains(QLatin1String(" PLAIN"))) {
            QByteArray plain =
                QByteArray(1, '\0') + s.user.toUtf8() + QByteArray(1, '\0') + s.password.toUtf8();
            const QByteArray token = plain.toBase64();
            plain.fill('\0');
            auto r = session.command("AUTH PLAIN " + token, QStringLiteral("AUTH"), 2);
            if (!r)
                return signInFailed(r.error());
        } else if (mechanisms.contains(QLatin1String(" LOGIN"))) {
            const std::pair<QByteArray, int> steps[] = {
                {"AUTH LOGIN", 3}, {s.user.toUtf8().toBase64(), 3}, {s.password.toUtf8().toBase64(), 2}};
            for (const auto& [line, expected] : steps) {
                auto r = session.command(line, QStringLiteral("AUTH"), expected);
                if (!r)
                    return signInFailed(r.error());
            }
        } else {
            return session.unavailable(QCoreApplication::translate(
                "Smtp", "it offers no sign-in this program can use (PLAIN or LOGIN)"));
        }
    }

    // Our messages are 7-bit (quoted-printable, RFC 2047); addresses in other scripts need SMTPUTF8.
    QByteArray mailFrom = "MAIL FROM:<" + mail.from.toUtf8() + ">";
    if (!isAscii(mail.from) || !isAscii(mail.to)) {
        if (!offers("SMTPUTF8"))
            return Error::validation(
                QStringLiteral("mail.rejected"),
                QCoreApplication::translate("Smtp",
                                            "The mail server can't take an address written in another script "
                                            "(it does not offer SMTPUTF8): %1")
                    .arg(mail.to));
        mailFrom += " SMTPUTF8";
    }
    bool eightBit = false;
    for (char c : mail.raw)
        eightBit = eightBit || (static_cast<unsigned char>(c) > 127);
    if (eightBit && offers("8BITMIME"))
        mailFrom += " BODY=8BITMIME";
    const QByteArray rcptTo = "RCPT TO:<" + mail.to.toUtf8() + ">";

    if (offers("PIPELINING")) {
        PD_TRY(session.write(mailFrom + "\r\n" + rcptTo + "\r\nDATA\r\n", QStringLiteral("MAIL")));
        auto a = session.expect(QStringLiteral("MAIL FROM"), 2);
        auto b = session.expect(QStringLiteral("RCPT TO"), 2, Refusal::Final);
        auto c = session.expect(QStringLiteral("DATA"), 3, Refusal::Final);
        for (const auto* r : {&a, &b, &c}) {
            if (!*r)
                return r->error();
        }
    } else {
        PD_TRY(session.command(mailFrom, QStringLiteral("MAIL FROM"), 2));
        PD_TRY(session.command(rcptTo, QStringLiteral("RCPT TO"), 2, Refusal::Final));
        PD_TRY(session.command("DATA", QStringLiteral("DATA"), 3, Refusal::Final));
    }
    PD_TRY(session.write(body, QCoreApplication::translate("Smtp", "the message")));
    // The server may check the whole message before it answers: this wait is the longer one.
    auto accepted =
        session.read(QCoreApplication::translate("Smtp", "the end of the message"), s.dataTimeoutMs);
    if (!accepted)
        return session.unavailable(
            QCoreApplication::translate("Smtp",
                                        "the server did not confirm the message (%1); it will be sent again")
                .arg(accepted.error().message));
    if (accepted->code / 100 != 2)
        return session.fromReply(
            accepted.value(), QCoreApplication::translate("Smtp", "the end of the message"), Refusal::Final);
    (void)session.command("QUIT", QStringLiteral("QUIT"), 2);
    socket.disconnectFromHost();
    return {};
}

} // namespace pd
