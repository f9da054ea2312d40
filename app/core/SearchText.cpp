#include "core/SearchText.h"

namespace pd::SearchText {

namespace {

const QString Separator = QStringLiteral("  ");

// Letters that carry no combining mark to drop, written the way staff type them on an English keyboard.
QString plainLetter(QChar c) {
    switch (c.unicode()) {
    case 0x0111: // đ
    case 0x00F0: // ð
        return QStringLiteral("d");
    case 0x0142: // ł
        return QStringLiteral("l");
    case 0x00F8: // ø
        return QStringLiteral("o");
    case 0x00E6: // æ
        return QStringLiteral("ae");
    case 0x0153: // œ
        return QStringLiteral("oe");
    case 0x00DF: // ß
        return QStringLiteral("ss");
    case 0x0131: // dotless ı
        return QStringLiteral("i");
    case 0x00FE: // þ
        return QStringLiteral("th");
    case 0x0127: // ħ
        return QStringLiteral("h");
    default:
        return QString(c);
    }
}

bool isApostrophe(char32_t c) {
    return c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x60 || c == 0x00B4 || c == 0x055A;
}

} // namespace

QStringList words(const QString& text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString kept;
    kept.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        const QChar c = decomposed.at(i);
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
            cat == QChar::Mark_Enclosing)
            continue;
        kept.append(c);
    }
    // Hangul syllables and other scripts come back together; then case and the non-decomposing letters.
    const QString folded = kept.normalized(QString::NormalizationForm_C).toCaseFolded();
    QStringList out;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            out.append(word);
        word.clear();
    };
    for (auto it = folded.cbegin(); it != folded.cend(); ++it) {
        char32_t code = it->unicode();
        if (it->isHighSurrogate() && it + 1 != folded.cend() && (it + 1)->isLowSurrogate()) {
            code = QChar::surrogateToUcs4(*it, *(it + 1));
            if (QChar::isLetterOrNumber(code)) {
                word.append(*it).append(*(it + 1));
            } else {
                flush();
            }
            ++it;
            continue;
        }
        if (isApostrophe(code))
            continue;
        if (it->isLetterOrNumber())
            word.append(plainLetter(*it));
        else
            flush();
    }
    flush();
    return out;
}

QString phoneDigits(const QString& text) {
    QString digits;
    for (QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
    }
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
        digits.remove(0, 1);
    return digits;
}

QString indexBody(const QStringList& fields, const QString& phone) {
    QString body;
    const auto add = [&body](const QString& word) {
        if (body.size() + Separator.size() + word.size() + Separator.size() <= MaxBodyLength)
            body += Separator + word;
    };
    // A word that doesn't fit is left out; a shorter one after it (the phone's digits) still goes in.
    for (const QString& field : fields) {
        for (const QString& w : words(field))
            add(w);
    }
    const QString digits = phoneDigits(phone);
    if (!digits.isEmpty())
        add(digits);
    return body + Separator;
}

namespace {

// The bit for a word that starts with these characters (code points, not UTF-16 units).
qint64 startBit(QStringView word) {
    const QList<uint> points = word.left(4).toUcs4();
    if (points.size() < 2)
        return 0;
    return qint64(1) << ((quint64(points.at(0)) * 31 + points.at(1)) % 63);
}

} // namespace

qint64 signature(const QString& body) {
    qint64 bits = 0;
    for (const QStringView word : QStringView(body).split(u' ', Qt::SkipEmptyParts))
        bits |= startBit(word);
    return bits;
}

qint64 signatureMask(const QStringList& patterns) {
    qint64 bits = 0;
    for (const QString& p : patterns) {
        if (p.startsWith(Separator))
            bits |= startBit(QStringView(p).mid(Separator.size()));
    }
    return bits;
}

Query parse(const QString& text) {
    Query q;
    const QString trimmed = text.simplified();
    if (trimmed.isEmpty())
        return q;
    if (!trimmed.contains(QLatin1Char(' ')))
        q.exactKey = trimmed;
    // Only digits and the punctuation of phone numbers: one number, in whatever format it was typed.
    static const QString phoneChars = QStringLiteral("0123456789 ()+-./");
    bool phoneLike = true;
    int digitCount = 0;
    for (QChar c : trimmed) {
        if (!phoneChars.contains(c)) {
            phoneLike = false;
            break;
        }
        if (c.isDigit())
            ++digitCount;
    }
    if (phoneLike && digitCount >= 3) {
        q.terms = {phoneDigits(trimmed)};
        q.wholeNumber = q.terms.first().size() >= 10;
        return q;
    }
    for (const QString& w : words(trimmed)) {
        if (!q.terms.contains(w))
            q.terms.append(w);
    }
    return q;
}

QString pattern(const QString& term, bool wordStart) {
    return wordStart || term.size() < 3 ? Separator + term : term;
}

} // namespace pd::SearchText
