// Search as staff type it: the folding both the index and the query go through, so accents, case,
// punctuation and word order don't matter (SPEC §11a). Pure functions; the store keeps the folded text.
#pragma once

#include <QString>
#include <QStringList>

namespace pd::SearchText {

// Letters and digits only, case-folded, without diacritics (NFD, combining marks dropped, NFC again,
// plus the letters that don't decompose: đ, ł, ø, æ, ß, …). Apostrophes join ("O'Brien" → "obrien");
// every other mark or symbol separates words ("Hernández-López" → "hernandez lopez").
QStringList words(const QString& text);
// A phone number's digits, without a leading US country code ("+1 (323) 361-2330" → "3233612330").
QString phoneDigits(const QString& text);

// What the index stores for one person: every word of every field, each after two spaces, so that a
// word's start can be matched by a trigram index ("  s", " so", " sof…"). At most MaxBodyLength
// characters, whole words only: the central database keeps the body in its key (a key row holds about
// 2,700 bytes), and only names that fold into many letters each (ligatures, compatibility characters)
// ever come near it.
inline constexpr qsizetype MaxBodyLength = 800;
QString indexBody(const QStringList& fields, const QString& phone = QString());

// Pair keys: names most families share are rare together ("zoe kim petrosyan"), and the words' own
// entries in a trigram index are long lists whose intersection costs more than the page. So the index also
// holds one key for every two word starts found together in a body: the first three characters of each
// word that has a letter, the two hashed into three letters that folding never leaves (accented ones), so
// no search term can match a key. A search with two such starts looks up their keys' short lists instead.
// A body with more than MaxPairStarts starts, or without room for its keys, holds the overflow key
// instead, and is a candidate for every pair.
inline constexpr qsizetype MaxPairStarts = 12;
// What a body and its keys may take in UTF-8 (the central database keeps the body in its key, at most
// 2,704 bytes a row; the embedded one keeps both in one column).
inline constexpr qsizetype MaxEntryBytes = 2500;
QString overflowKey();
// A body's pair keys, each followed by the separator: the central database keeps them beside the body,
// the embedded one after it.
QString pairKeysOf(const QString& body);
// The keys every body matching all these patterns holds (one for each two distinct word starts among the
// word-start patterns of three characters or more with a letter, the first MaxTypedStarts of them: six
// keys narrow a search enough); empty when there are fewer than two.
inline constexpr qsizetype MaxTypedStarts = 4;
QStringList pairKeys(const QStringList& patterns);

// Which pairs of letters start the body's words, as bits of a number (the first two characters of each
// word, hashed to one of 63 bits). The central database keeps it beside the body and looks at it before
// reading the body, so most people are passed over with one test of a number.
qint64 signature(const QString& body);
// The bits a body's signature must hold to match every pattern: one for each pattern that is the start of
// a word of two characters or more; none for the rest (they can be anywhere).
qint64 signatureMask(const QStringList& patterns);

// One query as the store runs it.
struct Query {
    QString exactKey; // the text as typed, trimmed, when it is one token: an MRN or username matched exactly
    // Every term must match somewhere. A term of three characters or more matches anywhere; a shorter one
    // only at the start of a word. Terms are letters and digits only: nothing in them is query syntax.
    QStringList terms;
    // A whole phone number (ten digits or more): found where a number starts, not inside a longer one.
    bool wholeNumber = false;
    bool isEmpty() const { return terms.isEmpty(); }
};
Query parse(const QString& text);

// The substring each term must be found as: anywhere (`wordStart` false, terms of 3+ characters) or at
// the start of a word (the index body's two-space separator in front).
QString pattern(const QString& term, bool wordStart);

} // namespace pd::SearchText
