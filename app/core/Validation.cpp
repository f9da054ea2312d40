#include "core/Validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace pd::Validation {

namespace {

constexpr int MaxEchoLength = 60;
constexpr int MaxEmailLocalLength = 64;
constexpr int MaxDomainLabelLength = 63;
constexpr int MinPhoneDigits = 7;
constexpr int MaxPhoneDigits = 15;
constexpr int MaxOffsetMinutes = 14 * 60;

int codePointCount(const QString& s) {
    return static_cast<int>(s.toUcs4().size());
}

// Bidirectional overrides and isolates reorder what staff see on screen; a name carrying them can
// be made to look like someone else's.
bool isBidiControl(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isForbiddenControl(char32_t c, bool allowNewline) {
    if (allowNewline && c == U'\n')
        return false;
    const QChar::Category cat = QChar::category(c);
    return cat == QChar::Other_Control || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph ||
           cat == QChar::Other_Surrogate || isBidiControl(c) || c == 0xFFFD;
}

bool hasForbiddenControl(const QString& s, bool allowNewline) {
    if (!QStringView(s).isValidUtf16())
        return true;
    for (const char32_t c : s.toUcs4()) {
        if (isForbiddenControl(c, allowNewline))
            return true;
    }
    return false;
}

// What a message may safely repeat of the input: no control characters, and never a whole pasted page.
QString echo(const QString& value) {
    QList<uint> cps = value.toUcs4();
    for (uint& c : cps) {
        if (isForbiddenControl(c, false) || c == U'\n')
            c = 0xFFFD;
    }
    if (cps.size() > MaxEchoLength) {
        cps.resize(MaxEchoLength - 1);
        cps.append(0x2026);
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()), cps.size());
}

Error nameError(const QString& message) {
    return Error::validation(QStringLiteral("input.name"), message);
}
Error emailError(const QString& message) {
    return Error::validation(QStringLiteral("input.email"), message);
}
Error phoneError(const QString& message) {
    return Error::validation(QStringLiteral("input.phone"), message);
}
Error mrnError(const QString& message) {
    return Error::validation(QStringLiteral("input.mrn"), message);
}
Error dateError(const QString& message) {
    return Error::validation(QStringLiteral("input.date"), message);
}
Error dateTimeError(const QString& message) {
    return Error::validation(QStringLiteral("input.datetime"), message);
}
Error textError(const QString& message) {
    return Error::validation(QStringLiteral("input.text"), message);
}

bool isAsciiDigit(QChar c) {
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}
bool isAsciiLetter(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isDomainLabel(const QString& label) {
    if (label.isEmpty() || label.size() > MaxDomainLabelLength || label.front() == QLatin1Char('-') ||
        label.back() == QLatin1Char('-'))
        return false;
    // Internationalised domains are allowed in their Unicode form; punctuation other than '-' is not.
    for (const QChar c : label) {
        if (!(c.isLetterOrNumber() || c.isMark() || c == QLatin1Char('-')))
            return false;
    }
    return true;
}

bool isLocalPartChar(QChar c) {
    // RFC 5322 "specials" are refused: they almost always mean a display name or a list was pasted
    // ("Ana <ana@example.org>", "a@x.org, b@y.org") rather than a quoted local part.
    static const QString specials = QStringLiteral("\"(),:;<>[\\]@");
    return !c.isSpace() && !specials.contains(c) && c.category() != QChar::Other_Control;
}

} // namespace

Result<QString> name(const QString& value, const QString& field) {
    const QString v = value.normalized(QString::NormalizationForm_C).trimmed();
    if (v.isEmpty())
        return nameError(
            QCoreApplication::translate("Validation",
                                        "%1 is empty; type the name as it appears on the patient's record.")
                .arg(field));
    if (hasForbiddenControl(v, false)) {
        return nameError(QCoreApplication::translate(
                             "Validation", "%1 contains a control character (such as a tab or line break); "
                                           "retype it without pasting.")
                             .arg(field));
    }
    const int length = codePointCount(v);
    if (length > MaxNameLength) {
        return nameError(
            QCoreApplication::translate("Validation", "%1 is too long: %2 characters, at most %3.")
                .arg(field)
                .arg(length)
                .arg(MaxNameLength));
    }
    bool hasLetter = false;
    for (const char32_t c : v.toUcs4())
        hasLetter = hasLetter || QChar::isLetter(c);
    if (!hasLetter)
        return nameError(
            QCoreApplication::translate("Validation", "%1 \"%2\" has no letters in it.").arg(field, echo(v)));
    return v;
}

Result<QString> email(const QString& value) {
    const QString v = value.normalized(QString::NormalizationForm_C).trimmed();
    if (v.isEmpty())
        return emailError(QCoreApplication::translate("Validation", "The e-mail address is empty."));
    if (v.size() > MaxEmailLength) {
        return emailError(QCoreApplication::translate(
                              "Validation", "The e-mail address \"%1\" is too long: at most %2 characters.")
                              .arg(echo(v))
                              .arg(MaxEmailLength));
    }
    bool invisible = !QStringView(v).isValidUtf16();
    for (const char32_t c : v.toUcs4()) {
        // Format characters include the direction marks and overrides that make one address look like
        // another, the zero-width joiners and the tag characters.
        const QChar::Category category = QChar::category(c);
        invisible = invisible || QChar::isSpace(c) || category == QChar::Other_Control ||
                    category == QChar::Other_Format;
    }
    if (invisible) {
        return emailError(
            QCoreApplication::translate(
                "Validation", "The e-mail address \"%1\" contains a space or another invisible character.")
                .arg(echo(v)));
    }
    if (v.count(QLatin1Char('@')) != 1) {
        return emailError(QCoreApplication::translate(
                              "Validation", "The e-mail address \"%1\" must contain exactly one \"@\".")
                              .arg(echo(v)));
    }
    const qsizetype at = v.indexOf(QLatin1Char('@'));
    const QString local = v.left(at);
    const QString domain = v.mid(at + 1).toLower();
    if (local.isEmpty())
        return emailError(QCoreApplication::translate(
                              "Validation", "The e-mail address \"%1\" has nothing before the \"@\".")
                              .arg(echo(v)));
    if (local.size() > MaxEmailLocalLength) {
        return emailError(
            QCoreApplication::translate(
                "Validation", "The e-mail address \"%1\" has more than %2 characters before the \"@\".")
                .arg(echo(v))
                .arg(MaxEmailLocalLength));
    }
    bool localOk = !local.startsWith(QLatin1Char('.')) && !local.endsWith(QLatin1Char('.')) &&
                   !local.contains(QLatin1String(".."));
    for (const QChar c : local)
        localOk = localOk && isLocalPartChar(c);
    if (!localOk) {
        return emailError(QCoreApplication::translate(
                              "Validation",
                              "The part before the \"@\" in \"%1\" has characters an e-mail address "
                              "can't use there.")
                              .arg(echo(v)));
    }
    const QStringList labels = domain.split(QLatin1Char('.'));
    bool domainOk = labels.size() >= 2;
    for (const QString& label : labels)
        domainOk = domainOk && isDomainLabel(label);
    if (!domainOk) {
        return emailError(QCoreApplication::translate(
                              "Validation", "The part after the \"@\" in \"%1\" isn't a domain name like "
                                            "example.org.")
                              .arg(echo(v)));
    }
    return QString(local + QLatin1Char('@') + domain);
}

QString canonicalMailbox(const QString& address) {
    const QString folded = address.trimmed().normalized(QString::NormalizationForm_C).toCaseFolded();
    const qsizetype at = folded.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return folded;
    QString local = folded.left(at);
    if (const qsizetype plus = local.indexOf(QLatin1Char('+')); plus > 0)
        local.truncate(plus);
    return local + folded.mid(at);
}

Result<QString> phone(const QString& value) {
    const QString v = value.simplified();
    if (v.isEmpty())
        return phoneError(QCoreApplication::translate("Validation", "The phone number is empty."));
    if (v.size() > MaxPhoneLength) {
        return phoneError(QCoreApplication::translate(
                              "Validation", "The phone number \"%1\" is too long: at most %2 characters.")
                              .arg(echo(v))
                              .arg(MaxPhoneLength));
    }
    static const QString punctuation = QStringLiteral("()-. ");
    int digits = 0;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const QChar c = v.at(i);
        if (isAsciiDigit(c))
            ++digits;
        else if (!(punctuation.contains(c) || (c == QLatin1Char('+') && i == 0))) {
            return phoneError(
                QCoreApplication::translate("Validation",
                                            "The phone number \"%1\" may contain only digits 0–9, a leading "
                                            "\"+\", spaces, and ( ) - .")
                    .arg(echo(v)));
        }
    }
    if (digits < MinPhoneDigits || digits > MaxPhoneDigits) {
        return phoneError(
            QCoreApplication::translate("Validation",
                                        "The phone number \"%1\" has %2 digits; a phone number has %3 to %4.")
                .arg(echo(v))
                .arg(digits)
                .arg(MinPhoneDigits)
                .arg(MaxPhoneDigits));
    }
    return v;
}

Result<QString> mrn(const QString& value) {
    const QString v = value.trimmed();
    if (v.isEmpty())
        return mrnError(QCoreApplication::translate("Validation", "The MRN is empty."));
    bool ok = v.size() <= MaxMrnLength;
    for (const QChar c : v)
        ok = ok && (isAsciiDigit(c) || isAsciiLetter(c) || c == QLatin1Char('-'));
    if (!ok) {
        return mrnError(QCoreApplication::translate(
                            "Validation", "The MRN \"%1\" must be 1 to %2 letters (A–Z), digits or \"-\".")
                            .arg(echo(v))
                            .arg(MaxMrnLength));
    }
    return v;
}

Result<QDate> isoDate(const QString& value, const QString& field) {
    const QString v = value.trimmed();
    if (v.isEmpty())
        return dateError(
            QCoreApplication::translate("Validation", "%1 is empty; use YYYY-MM-DD.").arg(field));
    static const QRegularExpression shape(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    if (!shape.match(v).hasMatch()) {
        return dateError(
            QCoreApplication::translate("Validation",
                                        "%1 \"%2\" is not in the form YYYY-MM-DD (for example 2014-03-09).")
                .arg(field, echo(v)));
    }
    const QDate date = QDate::fromString(v, Qt::ISODate);
    if (!date.isValid())
        return dateError(
            QCoreApplication::translate("Validation", "%1 \"%2\" is not a real date; use YYYY-MM-DD.")
                .arg(field, echo(v)));
    return date;
}

Result<QDateTime> isoDateTime(const QString& value, const QTimeZone& zone, const QString& field) {
    const QString v = value.trimmed();
    if (v.isEmpty())
        return dateTimeError(
            QCoreApplication::translate("Validation", "%1 is empty; use YYYY-MM-DDThh:mm:ss.").arg(field));
    static const QRegularExpression shape(QStringLiteral(
        "^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?"
        "(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))?$"));
    const QRegularExpressionMatch m = shape.match(v);
    if (!m.hasMatch()) {
        return dateTimeError(
            QCoreApplication::translate("Validation",
                                        "%1 \"%2\" is not a date and time in the form YYYY-MM-DDThh:mm:ss "
                                        "(for example 2026-11-24T09:00:00, optionally ending in Z or "
                                        "+hh:mm).")
                .arg(field, echo(v)));
    }
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    const int hour = m.captured(2).toInt();
    const int minute = m.captured(3).toInt();
    const int second = m.captured(4).isEmpty() ? 0 : m.captured(4).toInt();
    const int msec =
        m.captured(5).isEmpty() ? 0 : m.captured(5).leftJustified(3, QLatin1Char('0'), true).toInt();
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid()) {
        return dateTimeError(
            QCoreApplication::translate("Validation", "%1 \"%2\" is not a real date and time.")
                .arg(field, echo(v)));
    }

    if (!m.captured(6).isEmpty())
        return QDateTime(date, time, QTimeZone::utc()).toUTC();
    if (!m.captured(7).isEmpty()) {
        const int offsetMinutes = m.captured(8).toInt() * 60 + m.captured(9).toInt();
        if (m.captured(9).toInt() > 59 || offsetMinutes > MaxOffsetMinutes) {
            return dateTimeError(
                QCoreApplication::translate("Validation",
                                            "%1 \"%2\" has a time-zone offset outside -14:00 to +14:00.")
                    .arg(field, echo(v)));
        }
        const int sign = m.captured(7) == QLatin1String("-") ? -1 : 1;
        return QDateTime(date, time, QTimeZone(sign * offsetMinutes * 60)).toUTC();
    }

    if (!zone.isValid()) {
        return dateTimeError(
            QCoreApplication::translate("Validation",
                                        "%1 \"%2\" has no time-zone offset and the hospital's time zone is "
                                        "not set; add Z or +hh:mm.")
                .arg(field, echo(v)));
    }
    const QDateTime local(date, time, zone);
    // Qt moves a wall-clock time that falls in a spring-forward gap; such a time never happened.
    if (!local.isValid() || local.date() != date || local.time() != time) {
        return dateTimeError(
            QCoreApplication::translate("Validation",
                                        "%1 \"%2\" does not exist in the hospital's time zone (the clocks "
                                        "moved forward then).")
                .arg(field, echo(v)));
    }
    return local.toUTC();
}

Result<QString> note(const QString& value, const QString& field) {
    QString v = value.normalized(QString::NormalizationForm_C);
    v.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    v.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    v = v.trimmed();
    if (hasForbiddenControl(v, true)) {
        return textError(QCoreApplication::translate(
                             "Validation", "%1 contains a control character (such as a tab); only letters, "
                                           "punctuation, spaces and line breaks are allowed.")
                             .arg(field));
    }
    const int length = codePointCount(v);
    if (length > MaxNoteLength) {
        return textError(
            QCoreApplication::translate("Validation", "%1 is too long: %2 characters, at most %3.")
                .arg(field)
                .arg(length)
                .arg(MaxNoteLength));
    }
    return v;
}

} // namespace pd::Validation
