#include "core/SearchText.h"

#include <algorithm>

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

// Lower-case Latin letters that carry a mark, which folding always takes off: the first 64 make a key's
// letters (six bits each), the last one the overflow key. Fixed: stored keys depend on them.
const QString KeyLetters = QStringLiteral(
    "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f1"
    "\u00f2\u00f3\u00f4\u00f5\u00f6\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff\u0101\u0103\u0105\u0107\u0109"
    "\u010b\u010d\u010f\u0113\u0115\u0117\u0119\u011b\u011d\u011f\u0121\u0123\u0125\u0129\u012b\u012d"
    "\u012f\u0135\u0137\u013a\u013c\u013e\u0144\u0146\u0148\u014d\u014f\u0151\u0155\u0157\u0159\u015b"
    "\u017e");

bool isKeyLetter(QChar c) {
    return c.unicode() >= 0x00e0 && KeyLetters.contains(c);
}

// Starts of the words of e-mail providers, top-level domains and the documentation domain, which nearly
// every body holds: keys with them would be long lists, and many. They take no part in pairs, in bodies
// and in searches alike (a search with one of them looks its other words' keys up, if any). No given or
// family name starts so often with them.
bool inEveryAddress(QStringView start) {
    static const QStringList starts = {QStringLiteral("com"), QStringLiteral("org"), QStringLiteral("net"),
                                       QStringLiteral("gov"), QStringLiteral("exa"), QStringLiteral("gma"),
                                       QStringLiteral("hot"), QStringLiteral("out"), QStringLiteral("icl"),
                                       QStringLiteral("aol"), QStringLiteral("msn")};
    return starts.contains(start);
}

// A word's start for pair keys: its first three UTF-16 units, when it has three and a letter.
QString pairStart(QStringView word) {
    if (word.size() < 3 || isKeyLetter(word.front()) || inEveryAddress(word.left(3)))
        return {};
    const bool hasLetter = std::any_of(word.cbegin(), word.cend(), [](QChar c) { return !c.isDigit(); });
    return hasLetter ? word.left(3).toString() : QString();
}

// The key for two starts, whichever order they come in: FNV-1a over their UTF-16 units, so it is the same
// on every machine and Qt version.
QString keyFor(const QString& a, const QString& b) {
    const QString& first = a < b ? a : b;
    const QString& second = a < b ? b : a;
    quint32 h = 2166136261u;
    const auto mix = [&h](char16_t unit) {
        h ^= unit;
        h *= 16777619u;
    };
    for (QChar c : first)
        mix(c.unicode());
    mix(0x1);
    for (QChar c : second)
        mix(c.unicode());
    const quint32 code = h % (64 * 64 * 64);
    return QString(KeyLetters.at(code >> 12)) + KeyLetters.at((code >> 6) & 63) + KeyLetters.at(code & 63);
}

QStringList keysFor(const QStringList& starts) {
    QStringList keys;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        for (qsizetype j = i + 1; j < starts.size(); ++j) {
            const QString key = keyFor(starts.at(i), starts.at(j));
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    return keys;
}

qsizetype utf8Bytes(QStringView text) {
    qsizetype bytes = 0;
    for (QChar c : text)
        bytes += c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 ? 2 : c.isSurrogate() ? 2 : 3;
    return bytes;
}

} // namespace

QString overflowKey() {
    return QString(3, KeyLetters.back());
}

QString pairKeysOf(const QString& body) {
    QStringList starts;
    for (const QStringView word : QStringView(body).split(u' ', Qt::SkipEmptyParts)) {
        const QString start = pairStart(word);
        if (!start.isEmpty() && !starts.contains(start))
            starts.append(start);
    }
    const QStringList keys = starts.size() <= MaxPairStarts ? keysFor(starts) : QStringList{overflowKey()};
    QString out = QStringLiteral(""); // empty, not null, for a body with one start or none
    for (const QString& key : keys)
        out += key + Separator;
    if (utf8Bytes(body) + utf8Bytes(out) > MaxEntryBytes)
        return overflowKey() + Separator;
    return out;
}

QStringList pairKeys(const QStringList& patterns) {
    QStringList starts;
    for (const QString& p : patterns) {
        if (!p.startsWith(Separator))
            continue;
        const QString start = pairStart(QStringView(p).mid(Separator.size()));
        if (!start.isEmpty() && !starts.contains(start) && starts.size() < MaxTypedStarts)
            starts.append(start);
    }
    return starts.size() < 2 ? QStringList() : keysFor(starts);
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
    for (const QStringView word : QStringView(body).split(u' ', Qt::SkipEmptyParts)) {
        if (!isKeyLetter(word.front())) // pair keys start no word anyone types
            bits |= startBit(word);
    }
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
