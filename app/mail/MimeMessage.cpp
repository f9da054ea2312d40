#include "mail/MimeMessage.h"

#include "core/Secrets.h"

#include <QList>

#include <array>

namespace pd::MimeMessage {

namespace {

constexpr qsizetype MaxHeaderLine = 78;
constexpr qsizetype MaxQpLine = 76;
// "=?UTF-8?B?" + 56 base64 characters + "?=" is 68 characters: short enough that even the first
// word after "Subject: " stays within 78, and well under RFC 2047's 75-character limit.
constexpr qsizetype MaxEncodedWordBytes = 42;

const QByteArray Crlf = QByteArrayLiteral("\r\n");

bool isPrintableAscii(char16_t c) {
    return c >= 0x20 && c <= 0x7e;
}

// Header values come from templates and from staff-typed names: collapsing every run of whitespace
// (CR and LF included) to one space is what keeps a value from smuggling in a header of its own.
QString headerText(const QString& value) {
    return value.simplified();
}

// RFC 2047 words hold whole characters, so the UTF-8 is cut between code points, never inside one.
QList<QByteArray> encodedWords(const QString& text) {
    QList<QByteArray> words;
    QByteArray chunk;
    const auto flush = [&] {
        if (!chunk.isEmpty())
            words.append(QByteArray("=?UTF-8?B?" + chunk.toBase64() + "?="));
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QByteArray utf8 = text.mid(i, length).toUtf8();
        if (chunk.size() + utf8.size() > MaxEncodedWordBytes)
            flush();
        chunk += utf8;
        i += length;
    }
    flush();
    return words;
}

bool needsEncoding(const QString& text) {
    for (const QChar c : text) {
        if (!isPrintableAscii(c.unicode()))
            return true;
    }
    // Plain text that looks like an encoded word would be decoded by the reader; a run too long to
    // fold would break the 78-character line limit.
    if (text.contains(QLatin1StringView("=?")))
        return true;
    for (const QStringView word : QStringView(text).split(u' ')) {
        if (word.size() > MaxHeaderLine - 12)
            return true;
    }
    return false;
}

// Splits an encodeHeaderWord() result back into the pieces the folder may break between.
QList<QByteArray> headerTokens(const QString& text) {
    QList<QByteArray> tokens;
    for (const QByteArray& token : encodeHeaderWord(text).split(' ')) {
        if (!token.isEmpty())
            tokens.append(token);
    }
    return tokens;
}

// "Name: token token ..." folded before a token whenever the line would pass 78 characters.
QByteArray foldHeader(const QByteArray& name, const QList<QByteArray>& tokens) {
    QByteArray out = name + ':';
    qsizetype lineLength = out.size();
    for (const QByteArray& token : tokens) {
        if (lineLength + 1 + token.size() > MaxHeaderLine && lineLength > name.size() + 1) {
            out += Crlf;
            lineLength = 0;
        }
        out += ' ' + token;
        lineLength += 1 + token.size();
    }
    return out + Crlf;
}

bool isAtext(char16_t c) {
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

QList<QByteArray> displayNameTokens(const QString& name) {
    if (name.isEmpty())
        return {};
    if (needsEncoding(name))
        return headerTokens(name);
    bool plainPhrase = true;
    for (const QChar c : name) {
        if (c != u' ' && !isAtext(c.unicode()))
            plainPhrase = false;
    }
    if (plainPhrase)
        return name.toLatin1().split(' ');
    // Specials such as "," or "." need a quoted-string; a long one is encoded instead, because
    // a quoted-string can't be folded safely.
    QByteArray quoted = name.toLatin1();
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    quoted = '"' + quoted + '"';
    if (quoted.size() > MaxHeaderLine - 12) {
        QList<QByteArray> tokens;
        for (const QByteArray& word : encodedWords(name))
            tokens.append(word);
        return tokens;
    }
    return {quoted};
}

QByteArray addrSpec(const QString& address) {
    QString cleaned;
    for (const QChar c : address) {
        if (isPrintableAscii(c.unicode()) && c != u' ' && c != u'<' && c != u'>')
            cleaned += c;
    }
    return cleaned.toLatin1();
}

QByteArray addressHeader(const QByteArray& name, const MailAddress& address) {
    QList<QByteArray> tokens = displayNameTokens(headerText(address.name));
    const QByteArray spec = addrSpec(address.address);
    if (tokens.isEmpty())
        tokens.append(spec);
    else
        tokens.append(QByteArray('<' + spec + '>'));
    return foldHeader(name, tokens);
}

// RFC 5322 section 3.3 with English names, whatever the workstation's locale.
QByteArray rfc5322Date(const QDateTime& date) {
    static constexpr std::array<const char*, 7> Days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<const char*, 12> Months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = (date.isValid() ? date : QDateTime::currentDateTimeUtc()).toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(Days[static_cast<size_t>(d.dayOfWeek() - 1)]) + ", " +
           QByteArray::number(d.day()).rightJustified(2, '0') + ' ' +
           Months[static_cast<size_t>(d.month() - 1)] + ' ' + QByteArray::number(d.year()) + ' ' +
           QByteArray::number(t.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.second()).rightJustified(2, '0') + " +0000";
}

QByteArray messageIdHeaderValue(const QString& messageId) {
    QByteArray id = addrSpec(messageId);
    if (!id.startsWith('<'))
        id.prepend('<');
    if (!id.endsWith('>'))
        id.append('>');
    return id;
}

QByteArray newBoundary() {
    // "=_" can't occur in quoted-printable output, so no body line can be mistaken for the boundary.
    return "=_PortalDesk_" + Secrets::randomBytes(12).toHex();
}

QByteArray bodyPart(const QByteArray& contentType, const QString& body) {
    return "Content-Type: " + contentType + "; charset=utf-8" + Crlf +
           "Content-Transfer-Encoding: quoted-printable" + Crlf + Crlf + encodeQuotedPrintable(body.toUtf8());
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

QString newMessageId(const QString& senderAddress) {
    const qsizetype at = senderAddress.lastIndexOf(u'@');
    QString domain;
    if (at >= 0) {
        for (const QChar c : senderAddress.mid(at + 1).toLower()) {
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-')
                domain += c;
        }
    }
    if (domain.isEmpty())
        domain = QStringLiteral("portaldesk.invalid");
    return u'<' + QString::fromLatin1(Secrets::randomBytes(16).toHex()) + u'@' + domain + u'>';
}

QByteArray build(const MailAddress& from, const MailAddress& to, const MailContent& content,
                 const QDateTime& date, const QString& messageId) {
    const QByteArray boundary = newBoundary();
    QByteArray out;
    out += addressHeader("From", from);
    out += addressHeader("To", to);
    out += foldHeader("Subject", headerTokens(headerText(content.subject)));
    out += "Date: " + rfc5322Date(date) + Crlf;
    out += "Message-ID: " + messageIdHeaderValue(messageId) + Crlf;
    out += "MIME-Version: 1.0" + Crlf;
    out += foldHeader("Content-Type", {QByteArrayLiteral("multipart/alternative;"),
                                       QByteArray("boundary=\"" + boundary + '"')});
    out += Crlf;
    out += "This is a multi-part message in MIME format." + Crlf;
    out += Crlf + "--" + boundary + Crlf;
    out += bodyPart("text/plain", content.text);
    out += Crlf + "--" + boundary + Crlf;
    out += bodyPart("text/html", content.html);
    out += Crlf + "--" + boundary + "--" + Crlf;
    return out;
}

QByteArray encodeQuotedPrintable(const QByteArray& utf8) {
    static constexpr char Hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 3);
    qsizetype lineLength = 0;

    const auto append = [&](const QByteArray& piece) {
        // Keep room for the "=" of a soft break at the end of every wrapped line.
        if (lineLength + piece.size() > MaxQpLine - 1) {
            out += "=\r\n";
            lineLength = 0;
        }
        out += piece;
        lineLength += piece.size();
    };
    const auto escaped = [](unsigned char c) {
        const std::array<char, 3> triplet{'=', Hex[c >> 4], Hex[c & 0x0f]};
        return QByteArray(triplet.data(), 3);
    };

    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < utf8.size() && utf8.at(i + 1) == '\n')
                ++i;
            out += Crlf;
            lineLength = 0;
            continue;
        }
        const bool atLineEnd = i + 1 == utf8.size() || utf8.at(i + 1) == '\r' || utf8.at(i + 1) == '\n';
        // A character that does not fit on the line starts the next one, after a soft break.
        const bool atLineStart = lineLength == 0 || lineLength + 1 > MaxQpLine - 1;
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !atLineEnd);
        // A lone "." ends an SMTP DATA section and "From " at a line start gets mangled by mbox tools.
        if (atLineStart && (c == '.' || (c == 'F' && utf8.mid(i, 5) == "From ")))
            literal = false;
        append(literal ? QByteArray(1, static_cast<char>(c)) : escaped(c));
    }
    return out;
}

QByteArray decodeQuotedPrintable(const QByteArray& encoded) {
    // Hard line breaks come back as "\n", the way QString text holds them; trailing blanks that a
    // transport may have added are dropped, as RFC 2045 asks.
    QByteArray out;
    out.reserve(encoded.size());
    const QList<QByteArray> lines = encoded.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QByteArray line = lines.at(n);
        if (line.endsWith('\r'))
            line.chop(1);
        while (!line.isEmpty() && (line.endsWith(' ') || line.endsWith('\t')))
            line.chop(1);
        bool soft = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const char c = line.at(i);
            if (c != '=') {
                out += c;
                continue;
            }
            if (i + 1 == line.size()) {
                soft = true;
                break;
            }
            const int high = i + 2 < line.size() ? hexValue(line.at(i + 1)) : -1;
            const int low = i + 2 < line.size() ? hexValue(line.at(i + 2)) : -1;
            if (high < 0 || low < 0) {
                out += c; // not an escape: keep it, as RFC 2045 suggests for robustness
                continue;
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        }
        if (!soft && n + 1 < lines.size())
            out += '\n';
    }
    return out;
}

QByteArray encodeHeaderWord(const QString& text) {
    if (!needsEncoding(text))
        return text.toLatin1();
    return encodedWords(text).join(' ');
}

} // namespace pd::MimeMessage
