// HL7 v2 messages as the EHR's interface engine sends them (v2.3–2.8): parsing, values, and the ACK.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace pd::hl7 {

// Larger messages are refused before they are read: an ADT message is a few kilobytes.
inline constexpr qsizetype MaxMessageBytes = 1024 * 1024;

// The delimiters a message declares in MSH-1 and MSH-2.
struct Separators {
    QChar field = QLatin1Char('|');
    QChar component = QLatin1Char('^');
    QChar repetition = QLatin1Char('~');
    QChar escape = QLatin1Char('\\');
    QChar subcomponent = QLatin1Char('&');
};

// The character sets of MSH-18 PortalDesk reads.
enum class Charset { Ascii, Latin1, Utf8 };

// One field of one segment, as sent (escaped), with its repetitions, components and subcomponents.
// Positions are 1-based as the standard numbers them; repetitions are 0-based.
class Field {
public:
    Field() = default;
    Field(QString raw, const Separators& separators, Charset charset)
        : m_raw(std::move(raw))
        , m_seps(separators)
        , m_charset(charset) {}

    // Nothing was sent: the receiver leaves its value alone.
    bool isEmpty() const { return m_raw.isEmpty(); }
    // "" was sent: the receiver clears its value.
    bool isNull() const { return m_raw == QLatin1String("\"\""); }
    const QString& raw() const { return m_raw; }

    qsizetype repetitionCount() const;
    Field repetition(qsizetype index) const;
    // The unescaped text of one component (and subcomponent) of the first repetition; "" for a null one.
    QString component(int component, int subcomponent = 1) const;
    bool componentIsNull(int component) const;
    // Component 1, subcomponent 1.
    QString text() const { return component(1); }

private:
    QString m_raw;
    Separators m_seps;
    Charset m_charset = Charset::Utf8;
};

class Segment {
public:
    QString name() const { return m_fields.value(0); }
    // MSH-1 is the field separator itself and MSH-2 the encoding characters, as the standard counts.
    Field field(int number) const;
    int fieldCount() const;

private:
    friend class Message;
    QStringList m_fields; // [0] is the name; for MSH, [1] is MSH-2
    Separators m_seps;
    Charset m_charset = Charset::Utf8;
    bool m_header = false;
};

class Message {
public:
    // Reads one message: MSH first, delimiters from MSH-1/2, the character set from MSH-18 (ASCII,
    // 8859/1 or UNICODE UTF-8), segments ended by CR, LF or CRLF. Refusals are validation errors
    // with rules "hl7.*".
    static Result<Message> parse(const QByteArray& bytes);

    const Separators& separators() const { return m_seps; }
    Charset charset() const { return m_charset; }
    const QList<Segment>& segments() const { return m_segments; }
    // The first segment with that name, or an empty one.
    Segment segment(const QString& name, int occurrence = 0) const;
    bool has(const QString& name) const;
    // MSH-9.1, MSH-9.2 ("ADT", "A08"), MSH-10, MSH-12.1.
    QString messageType() const;
    QString triggerEvent() const;
    QString controlId() const;
    QString version() const;

private:
    Message() = default;
    Separators m_seps;
    Charset m_charset = Charset::Utf8;
    QList<Segment> m_segments;
};

// Escapes text for a field of a message with these delimiters.
QString escape(const QString& text, const Separators& seps);

// An HL7 date or date/time (YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]); with no offset it is local
// time in `zone`. A date alone reads as its midnight. Invalid text gives a null QDateTime.
QDateTime dateTime(const QString& text, const QTimeZone& zone);
// The date part of an HL7 date or date/time (PID-7); null when it is not a real day.
QDate date(const QString& text);

// MSA-1.
enum class AckCode { Accept, Error, Reject };

struct AckDetail {
    QString text;      // MSA-3 and ERR-8: why, in words
    QString errorCode; // ERR-3, HL7 table 0357 ("101" required field missing, "207" internal…)
    QString location;  // ERR-2: "PID^1^7"
};

// The acknowledgement of `message` (v2.5 §2.9, original mode): MSH with sender and receiver swapped,
// MSA with MSH-10, and ERR when not accepted. Encoded in the message's own character set.
QByteArray acknowledge(const Message& message, AckCode code, const AckDetail& detail, const QDateTime& now,
                       const QString& controlId);
// The acknowledgement of bytes that are no message at all: AE, with the control ID if one can be read.
QByteArray acknowledgeUnreadable(const QByteArray& bytes, const AckDetail& detail, const QDateTime& now,
                                 const QString& controlId);

// Reads a file of messages one after another (optionally wrapped in FHS/BHS batch segments), each
// beginning with its MSH segment, at constant memory whatever the file's size.
class MessageReader final {
public:
    explicit MessageReader(QIODevice& in)
        : m_in(in) {}
    // The next message, and the line it begins on (1-based); false at the end of the file.
    bool next(QByteArray* message, qint64* line);
    // How far into the file the reader is, for progress.
    qint64 position() const { return m_consumed; }

private:
    bool nextLine(QByteArray* line);
    QIODevice& m_in;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    qint64 m_consumed = 0;
    qint64 m_lineNumber = 0;
    QByteArray m_pending; // the MSH line that ended the previous message
    qint64 m_pendingLine = 0;
    bool m_atStart = true;
    char m_lastBreak = 0;
};

} // namespace pd::hl7
