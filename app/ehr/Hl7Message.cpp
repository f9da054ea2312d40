#include "ehr/Hl7Message.h"

#include <algorithm>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringDecoder>

namespace pd::hl7 {

namespace {

Error refused(const char* rule, const QString& message) {
    return Error::validation(QString::fromLatin1(rule), message);
}

QString decodeBytes(const QByteArray& bytes, Charset charset) {
    return charset == Charset::Latin1 ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
}

bool isDelimiter(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && !std::isalnum(u);
}

// The first line of the bytes, up to CR or LF.
QByteArray firstLine(const QByteArray& bytes) {
    qsizetype end = 0;
    while (end < bytes.size() && bytes.at(end) != '\r' && bytes.at(end) != '\n')
        ++end;
    return bytes.left(end);
}

QByteArray withoutBom(const QByteArray& bytes) {
    qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (start < bytes.size() && (bytes.at(start) == '\r' || bytes.at(start) == '\n' ||
                                    bytes.at(start) == ' ' || bytes.at(start) == '\t'))
        ++start;
    return bytes.mid(start);
}

// Table 0357's names of the error codes an ACK carries.
QString errorCodeName(const QString& code) {
    static const QHash<QString, QString> names = {
        {QStringLiteral("0"), QStringLiteral("Message accepted")},
        {QStringLiteral("100"), QStringLiteral("Segment sequence error")},
        {QStringLiteral("101"), QStringLiteral("Required field missing")},
        {QStringLiteral("102"), QStringLiteral("Data type error")},
        {QStringLiteral("103"), QStringLiteral("Table value not found")},
        {QStringLiteral("200"), QStringLiteral("Unsupported message type")},
        {QStringLiteral("201"), QStringLiteral("Unsupported event code")},
        {QStringLiteral("202"), QStringLiteral("Unsupported processing id")},
        {QStringLiteral("203"), QStringLiteral("Unsupported version id")},
        {QStringLiteral("204"), QStringLiteral("Unknown key identifier")},
        {QStringLiteral("205"), QStringLiteral("Duplicate key identifier")},
        {QStringLiteral("206"), QStringLiteral("Application record locked")},
        {QStringLiteral("207"), QStringLiteral("Application internal error")},
    };
    return names.value(code, names.value(QStringLiteral("207")));
}

QString timestamp(const QDateTime& now) {
    return now.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QStringLiteral("+0000");
}

// MSA and ERR for an acknowledgement; `id` is the acknowledged MSH-10 as sent.
QString ackBody(AckCode code, const QString& id, const AckDetail& detail, const Separators& seps) {
    const QString f = seps.field;
    const QString c = seps.component;
    const char* ackCode = code == AckCode::Accept ? "AA" : code == AckCode::Error ? "AE" : "AR";
    QString out = QStringLiteral("MSA") + f + QLatin1String(ackCode) + f + id;
    if (!detail.text.isEmpty())
        out += f + escape(detail.text, seps);
    out += QLatin1Char('\r');
    if (code != AckCode::Accept) {
        const QString errorCode =
            detail.errorCode.isEmpty()
                ? (code == AckCode::Reject ? QStringLiteral("207") : QStringLiteral("102"))
                : detail.errorCode;
        QString location = detail.location;
        location.replace(QLatin1Char('^'), seps.component);
        out += QStringLiteral("ERR") + f + f + location + f + errorCode + c + errorCodeName(errorCode) + c +
               QStringLiteral("HL70357") + f + QStringLiteral("E") + f + f + f + f +
               escape(detail.text, seps) + QLatin1Char('\r');
    }
    return out;
}

} // namespace

qsizetype Field::repetitionCount() const {
    return m_raw.isEmpty() ? 0 : m_raw.count(m_seps.repetition) + 1;
}

Field Field::repetition(qsizetype index) const {
    return Field(m_raw.section(m_seps.repetition, int(index), int(index)), m_seps, m_charset);
}

bool Field::componentIsNull(int component) const {
    const QString rep = m_raw.section(m_seps.repetition, 0, 0);
    return rep.section(m_seps.component, component - 1, component - 1) == QLatin1String("\"\"");
}

QString Field::component(int component, int subcomponent) const {
    const QString rep = m_raw.section(m_seps.repetition, 0, 0);
    const QString comp = rep.section(m_seps.component, component - 1, component - 1);
    const QString sub = comp.section(m_seps.subcomponent, subcomponent - 1, subcomponent - 1);
    if (sub == QLatin1String("\"\""))
        return QString();
    QString out;
    out.reserve(sub.size());
    for (qsizetype i = 0; i < sub.size(); ++i) {
        const QChar ch = sub.at(i);
        if (ch != m_seps.escape) {
            out += ch;
            continue;
        }
        const qsizetype end = sub.indexOf(m_seps.escape, i + 1);
        if (end < 0) { // an unfinished escape is text
            out += sub.mid(i);
            break;
        }
        const QString seq = sub.mid(i + 1, end - i - 1);
        if (seq == QLatin1String("F"))
            out += m_seps.field;
        else if (seq == QLatin1String("S"))
            out += m_seps.component;
        else if (seq == QLatin1String("T"))
            out += m_seps.subcomponent;
        else if (seq == QLatin1String("R"))
            out += m_seps.repetition;
        else if (seq == QLatin1String("E"))
            out += m_seps.escape;
        else if (seq == QLatin1String(".br"))
            out += QLatin1Char('\n');
        else if (seq.startsWith(QLatin1Char('X')) && seq.size() % 2 == 1 && seq.size() > 1) {
            const QByteArray bytes = QByteArray::fromHex(seq.mid(1).toLatin1());
            out += decodeBytes(bytes, m_charset);
        } else if (seq == QLatin1String("H") || seq == QLatin1String("N") ||
                   seq.startsWith(QLatin1Char('.')) || seq.startsWith(QLatin1Char('Z')) ||
                   seq.startsWith(QLatin1Char('C')) || seq.startsWith(QLatin1Char('M'))) {
            // Highlighting, formatting and character-set switches carry no text.
        } else {
            out += sub.mid(i, end - i + 1);
        }
        i = end;
    }
    return out;
}

Field Segment::field(int number) const {
    if (m_header) {
        if (number == 1)
            return Field(QString(m_seps.field), m_seps, m_charset);
        return Field(m_fields.value(number - 1), m_seps, m_charset);
    }
    return Field(m_fields.value(number), m_seps, m_charset);
}

int Segment::fieldCount() const {
    return int(m_fields.size()) - (m_header ? 0 : 1);
}

Segment Message::segment(const QString& name, int occurrence) const {
    int seen = 0;
    for (const Segment& s : m_segments) {
        if (s.name() == name && seen++ == occurrence)
            return s;
    }
    Segment none;
    none.m_seps = m_seps;
    none.m_charset = m_charset;
    return none;
}

bool Message::has(const QString& name) const {
    return std::any_of(m_segments.cbegin(), m_segments.cend(),
                       [&](const Segment& s) { return s.name() == name; });
}

QString Message::messageType() const {
    return segment(QStringLiteral("MSH")).field(9).component(1).trimmed().toUpper();
}

QString Message::triggerEvent() const {
    return segment(QStringLiteral("MSH")).field(9).component(2).trimmed().toUpper();
}

QString Message::controlId() const {
    return segment(QStringLiteral("MSH")).field(10).text().trimmed();
}

QString Message::version() const {
    return segment(QStringLiteral("MSH")).field(12).component(1).trimmed();
}

Result<Message> Message::parse(const QByteArray& input) {
    if (input.size() > MaxMessageBytes)
        return refused("hl7.too_large", QCoreApplication::translate(
                                            "Feed", "The message is %1 bytes; messages over %2 bytes are "
                                                    "refused.")
                                            .arg(input.size())
                                            .arg(MaxMessageBytes));
    const QByteArray bytes = withoutBom(input);
    if (!bytes.startsWith("MSH") || bytes.size() < 8 || !isDelimiter(bytes.at(3)))
        return refused("hl7.no_header", QCoreApplication::translate(
                                            "Feed", "This is not an HL7 v2 message: it must begin with an "
                                                    "MSH segment and its field separator."));
    Message m;
    const char fieldSep = bytes.at(3);
    const QByteArray header = firstLine(bytes);
    const QList<QByteArray> headerFields = header.split(fieldSep);
    const QByteArray encoding = headerFields.value(1);
    bool distinct = encoding.size() == 4 || encoding.size() == 5;
    for (qsizetype i = 0; distinct && i < encoding.size(); ++i)
        distinct = isDelimiter(encoding.at(i)) && encoding.at(i) != fieldSep &&
                   encoding.indexOf(encoding.at(i)) == i;
    if (!distinct)
        return refused("hl7.encoding_characters",
                       QCoreApplication::translate("Feed",
                                                   "MSH-2 must hold four distinct encoding characters, "
                                                   "such as ^~\\&."));
    m.m_seps.field = QLatin1Char(fieldSep);
    m.m_seps.component = QLatin1Char(encoding.at(0));
    m.m_seps.repetition = QLatin1Char(encoding.at(1));
    m.m_seps.escape = QLatin1Char(encoding.at(2));
    m.m_seps.subcomponent = QLatin1Char(encoding.at(3));

    // MSH-18 is read from the bytes, before they are decoded with it.
    const QByteArray charsetField =
        headerFields.value(17).split(encoding.at(1)).value(0).split(encoding.at(0)).value(0);
    const QString charsetName = QString::fromLatin1(charsetField).trimmed().toUpper();
    if (charsetName.isEmpty() || charsetName == QLatin1String("ASCII"))
        m.m_charset = Charset::Ascii;
    else if (charsetName == QLatin1String("8859/1"))
        m.m_charset = Charset::Latin1;
    else if (charsetName == QLatin1String("UNICODE UTF-8") || charsetName == QLatin1String("UNICODE") ||
             charsetName == QLatin1String("UTF-8"))
        m.m_charset = Charset::Utf8;
    else
        return refused("hl7.charset", QCoreApplication::translate(
                                          "Feed", "MSH-18 names the character set %1; PortalDesk reads "
                                                  "ASCII, 8859/1 and UNICODE UTF-8.")
                                          .arg(charsetName.left(40)));

    QString text;
    if (m.m_charset == Charset::Latin1) {
        text = QString::fromLatin1(bytes);
    } else {
        // Senders that leave MSH-18 empty often send UTF-8 anyway; anything else would be guessed.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = decoder.decode(bytes);
        if (decoder.hasError())
            return refused(
                "hl7.charset_mismatch",
                m.m_charset == Charset::Utf8
                    ? QCoreApplication::translate("Feed", "The message is not valid UTF-8, as MSH-18 "
                                                          "says it is.")
                    : QCoreApplication::translate("Feed", "The message holds characters that are not "
                                                          "ASCII; MSH-18 must name its character "
                                                          "set."));
    }

    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    static const QRegularExpression segmentName(QStringLiteral("^[A-Z][A-Z0-9]{2}$"));
    const QStringList lines = text.split(lineBreak);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        Segment s;
        s.m_fields = line.split(m.m_seps.field);
        s.m_seps = m.m_seps;
        s.m_charset = m.m_charset;
        s.m_header = m.m_segments.isEmpty();
        if (!segmentName.match(s.m_fields.first()).hasMatch())
            return refused("hl7.segment", QCoreApplication::translate(
                                              "Feed", "Segment %1 has no valid name (\"%2\"); a "
                                                      "segment begins with three capitals or digits.")
                                              .arg(m.m_segments.size() + 1)
                                              .arg(s.m_fields.first().left(20)));
        m.m_segments.append(s);
    }
    const Segment msh = m.m_segments.first();
    if (msh.field(9).component(1).trimmed().isEmpty())
        return refused("hl7.message_type",
                       QCoreApplication::translate("Feed", "MSH-9, the message type, is empty."));
    if (m.controlId().isEmpty())
        return refused("hl7.control_id",
                       QCoreApplication::translate("Feed", "MSH-10, the message control ID, is empty."));
    return m;
}

QString escape(const QString& text, const Separators& seps) {
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        if (ch == seps.escape)
            out += seps.escape + QStringLiteral("E") + seps.escape;
        else if (ch == seps.field)
            out += seps.escape + QStringLiteral("F") + seps.escape;
        else if (ch == seps.component)
            out += seps.escape + QStringLiteral("S") + seps.escape;
        else if (ch == seps.subcomponent)
            out += seps.escape + QStringLiteral("T") + seps.escape;
        else if (ch == seps.repetition)
            out += seps.escape + QStringLiteral("R") + seps.escape;
        else if (ch == QLatin1Char('\r') || ch == QLatin1Char('\n'))
            out += QLatin1Char(' ');
        else
            out += ch;
    }
    return out;
}

QDateTime dateTime(const QString& text, const QTimeZone& zone) {
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const auto number = [&](int group, int fallback) {
        return m.captured(group).isEmpty() ? fallback : m.captured(group).toInt();
    };
    const QDate d(number(1, 0), number(2, 1), number(3, 1));
    const QTime t(number(4, 0), number(5, 0), number(6, 0),
                  m.captured(7).isEmpty() ? 0
                                          : m.captured(7).left(3).leftJustified(3, QLatin1Char('0')).toInt());
    if (!d.isValid() || !t.isValid())
        return {};
    if (!m.captured(8).isEmpty()) {
        const QString off = m.captured(8);
        const int hours = off.mid(1, 2).toInt();
        const int minutes = off.mid(3, 2).toInt();
        if (hours > 14 || minutes > 59)
            return {};
        const int seconds = (hours * 3600 + minutes * 60) * (off.startsWith(QLatin1Char('-')) ? -1 : 1);
        return QDateTime(d, t, QTimeZone(seconds)).toUTC();
    }
    return QDateTime(d, t, zone).toUTC();
}

QDate date(const QString& text) {
    const QString t = text.trimmed();
    if (t.size() < 8 || !dateTime(t, QTimeZone::utc()).isValid())
        return {};
    return QDate::fromString(t.left(8), QStringLiteral("yyyyMMdd"));
}

QByteArray acknowledge(const Message& message, AckCode code, const AckDetail& detail, const QDateTime& now,
                       const QString& controlId) {
    const Separators& seps = message.separators();
    const Segment msh = message.segment(QStringLiteral("MSH"));
    const QString f = seps.field;
    const QString encoding = QString(seps.component) + seps.repetition + seps.escape + seps.subcomponent;
    const QString self = msh.field(5).raw().isEmpty() ? QStringLiteral("PORTALDESK") : msh.field(5).raw();
    QStringList fields = {QStringLiteral("MSH"),
                          encoding,
                          self,
                          msh.field(6).raw(),
                          msh.field(3).raw(),
                          msh.field(4).raw(),
                          timestamp(now),
                          QString(),
                          QStringLiteral("ACK") + seps.component + escape(message.triggerEvent(), seps) +
                              seps.component + QStringLiteral("ACK"),
                          escape(controlId, seps),
                          msh.field(11).raw().isEmpty() ? QStringLiteral("P") : msh.field(11).raw(),
                          msh.field(12).raw().isEmpty() ? QStringLiteral("2.5.1") : msh.field(12).raw()};
    if (!msh.field(18).raw().isEmpty()) {
        while (fields.size() < 17)
            fields.append(QString());
        fields.append(msh.field(18).raw());
    }
    const QString out = fields.join(f) + QLatin1Char('\r') + ackBody(code, msh.field(10).raw(), detail, seps);
    return message.charset() == Charset::Latin1 ? out.toLatin1() : out.toUtf8();
}

QByteArray acknowledgeUnreadable(const QByteArray& bytes, const AckDetail& detail, const QDateTime& now,
                                 const QString& controlId) {
    Separators seps;
    QString id;
    const QByteArray clean = withoutBom(bytes.left(4096));
    if (clean.startsWith("MSH") && clean.size() > 4 && isDelimiter(clean.at(3))) {
        const QList<QByteArray> fields = firstLine(clean).split(clean.at(3));
        // MSH-10 is the ninth field after the name; only its plain characters are echoed back.
        for (const char c : fields.value(9)) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_')
                id += QLatin1Char(c);
        }
    }
    const QString f = seps.field;
    const QString out = QStringLiteral("MSH") + f + QStringLiteral("^~\\&") + f +
                        QStringLiteral("PORTALDESK") + f + f + f + f + timestamp(now) + f + f +
                        QStringLiteral("ACK") + f + escape(controlId, seps) + f + QStringLiteral("P") + f +
                        QStringLiteral("2.5.1") + QLatin1Char('\r') +
                        ackBody(AckCode::Error, id.left(199), detail, seps);
    return out.toUtf8();
}

bool MessageReader::nextLine(QByteArray* line) {
    for (;;) {
        qsizetype end = m_offset;
        while (end < m_buffer.size() && m_buffer.at(end) != '\r' && m_buffer.at(end) != '\n')
            ++end;
        if (end < m_buffer.size() || (m_in.atEnd() && m_offset < m_buffer.size())) {
            const char brk = end < m_buffer.size() ? m_buffer.at(end) : 0;
            *line = m_buffer.mid(m_offset, end - m_offset);
            const qsizetype used = std::min(end + 1, m_buffer.size()) - m_offset;
            m_offset += used;
            m_consumed += used;
            // CRLF is one line end: the LF after a CR counts no new line.
            const bool secondHalf = line->isEmpty() && m_lastBreak == '\r' && brk == '\n';
            m_lastBreak = brk;
            if (secondHalf)
                continue;
            ++m_lineNumber;
            return true;
        }
        if (m_in.atEnd())
            return false;
        // What is left moves to the front and the next piece is appended in place, no larger than the device
        // has ready: a pipe's small reads neither set aside 64 KiB each nor copy the whole line each time.
        m_buffer.remove(0, m_offset);
        m_offset = 0;
        m_buffer.append(m_in.read(std::clamp<qint64>(m_in.bytesAvailable(), 4096, 64 * 1024)));
        // A "line" longer than any message can be is no HL7; hand it on so that it is refused.
        if (m_buffer.size() > MaxMessageBytes + 1) {
            *line = m_buffer.left(MaxMessageBytes + 1);
            m_consumed += m_buffer.size();
            m_buffer.clear();
            ++m_lineNumber;
            return true;
        }
    }
}

bool MessageReader::next(QByteArray* message, qint64* line) {
    message->clear();
    *line = 0;
    if (!m_pending.isEmpty()) {
        *message = m_pending + '\r';
        *line = m_pendingLine;
        m_pending.clear();
    }
    QByteArray text;
    while (nextLine(&text)) {
        if (m_atStart) {
            if (text.startsWith("\xEF\xBB\xBF"))
                text = text.mid(3);
            m_atStart = false;
        }
        if (text.trimmed().isEmpty())
            continue;
        if (text.startsWith("FHS") || text.startsWith("BHS") || text.startsWith("BTS") ||
            text.startsWith("FTS")) {
            if (!message->isEmpty())
                return true;
            continue;
        }
        if (text.startsWith("MSH") && !message->isEmpty()) {
            m_pending = text;
            m_pendingLine = m_lineNumber;
            return true;
        }
        if (message->isEmpty())
            *line = m_lineNumber;
        *message += text;
        *message += '\r';
        if (message->size() > MaxMessageBytes + 1) {
            // Read on to the next message without keeping this one; parse() refuses it by its size.
            while (nextLine(&text)) {
                if (text.startsWith("MSH")) {
                    m_pending = text;
                    m_pendingLine = m_lineNumber;
                    break;
                }
            }
            return true;
        }
    }
    return !message->isEmpty();
}

} // namespace pd::hl7
