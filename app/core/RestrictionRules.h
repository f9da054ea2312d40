// Whom an access restriction bars (SPEC section 8): the person it names, by given plus family name with
// accents, case and punctuation aside ("José O'Brien" is "jose obrien"), or by the mailbox of an address
// (case, Unicode form and a "+tag" aside). Pure functions; the central database folds names the same way
// in its own trigger (a finer fold: it never matches where these don't).
#pragma once

#include "core/Rows.h"

#include <QString>
#include <QStringList>

namespace pd::RestrictionRules {

QStringList reasons(); // court_order, custody_order, protective_order, other

// The name as a restriction compares it: the words of given and family name, folded, one space apart.
QString personKey(const QString& given, const QString& family);

// How a person matches a restriction: not at all, by name, by address, or both.
enum class Match { None, Name, Email, Both };
Match match(const Restriction& r, const QString& given, const QString& family, const QString& email);
inline bool matches(const Restriction& r, const QString& given, const QString& family, const QString& email) {
    return match(r, given, family, email) != Match::None;
}

// The first restriction in force on `today` that bars this person, if any.
const Restriction* barring(const QList<Restriction>& restrictions, const QDate& today, const QString& given,
                           const QString& family, const QString& email);

} // namespace pd::RestrictionRules
