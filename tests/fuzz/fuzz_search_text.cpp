// What staff type into the search box, and the names it is matched against: folding, the query, the
// index body and its keys. Terms hold letters and digits only (nothing in them is query syntax), and a
// body and its keys stay within what the central database keeps in a row.
#include "FuzzSupport.h"

#include "core/SearchText.h"

using namespace pd;

namespace {

// Letters and digits only, a surrogate pair counting as one character.
bool lettersAndDigits(const QString& word) {
    for (qsizetype i = 0; i < word.size(); ++i) {
        const QChar c = word.at(i);
        if (c.isHighSurrogate() && i + 1 < word.size() && word.at(i + 1).isLowSurrogate()) {
            if (!QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, word.at(i + 1))))
                return false;
            ++i;
        } else if (!c.isLetterOrNumber()) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input = pd::fuzz::bytes(data, size);
    // UTF-8 as typed, and the raw bytes as UTF-16 (lone surrogates and all) for what else may come in.
    QString utf16;
    for (qsizetype i = 0; i + 1 < input.size(); i += 2)
        utf16 += QChar(char16_t(uchar(input.at(i)) | uchar(input.at(i + 1)) << 8));
    for (const QString& text : {QString::fromUtf8(input), utf16}) {
        for (const QString& w : SearchText::words(text)) {
            PD_FUZZ_CHECK(!w.isEmpty());
            PD_FUZZ_CHECK(lettersAndDigits(w));
        }
        const QString digits = SearchText::phoneDigits(text);
        for (const QChar c : digits)
            PD_FUZZ_CHECK(c >= QLatin1Char('0') && c <= QLatin1Char('9'));

        const SearchText::Query q = SearchText::parse(text);
        PD_FUZZ_CHECK(!q.exactKey.contains(QLatin1Char(' ')));
        QStringList distinct = q.terms;
        PD_FUZZ_CHECK(distinct.removeDuplicates() == 0);
        if (q.wholeNumber)
            PD_FUZZ_CHECK(q.terms.size() == 1 && q.terms.first().size() >= 10);
        QStringList patterns;
        for (const QString& term : q.terms) {
            PD_FUZZ_CHECK(!term.isEmpty() && lettersAndDigits(term));
            patterns.append(SearchText::pattern(term, patterns.size() % 2 == 0));
            patterns.append(SearchText::pattern(term, false));
        }
        PD_FUZZ_CHECK(SearchText::pairKeys(patterns).size() <= 6);
        (void)SearchText::signatureMask(patterns);

        // The text as the fields of one person: the body keeps to its length, and with its keys to
        // the bytes a row holds, or holds the overflow key instead.
        const QStringList fields = text.split(QLatin1Char(','));
        const QString body = SearchText::indexBody(fields, fields.last());
        PD_FUZZ_CHECK(body.size() <= SearchText::MaxBodyLength);
        PD_FUZZ_CHECK(body.endsWith(QLatin1String("  ")));
        const QString keys = SearchText::pairKeysOf(body);
        const QString overflow = SearchText::overflowKey() + QLatin1String("  ");
        PD_FUZZ_CHECK(keys == overflow ||
                      body.toUtf8().size() + keys.toUtf8().size() <= SearchText::MaxEntryBytes);
        (void)SearchText::signature(body);
    }
    return 0;
}
