#include "core/RestrictionRules.h"

#include "core/SearchText.h"
#include "core/Validation.h"

namespace pd::RestrictionRules {

QStringList reasons() {
    return {QStringLiteral("court_order"), QStringLiteral("custody_order"),
            QStringLiteral("protective_order"), QStringLiteral("other")};
}

QString personKey(const QString& given, const QString& family) {
    return SearchText::words(given + QLatin1Char(' ') + family).join(QLatin1Char(' '));
}

Match match(const Restriction& r, const QString& given, const QString& family, const QString& email) {
    const QString key = personKey(r.givenName, r.familyName);
    const bool byName = !key.isEmpty() && key == personKey(given, family);
    const bool byEmail = !r.email.trimmed().isEmpty() && !email.trimmed().isEmpty() &&
                         Validation::canonicalMailbox(r.email) == Validation::canonicalMailbox(email);
    if (byName && byEmail)
        return Match::Both;
    if (byName)
        return Match::Name;
    return byEmail ? Match::Email : Match::None;
}

const Restriction* barring(const QList<Restriction>& restrictions, const QDate& today, const QString& given,
                           const QString& family, const QString& email) {
    for (const Restriction& r : restrictions) {
        if (r.isActiveOn(today) && matches(r, given, family, email))
            return &r;
    }
    return nullptr;
}

} // namespace pd::RestrictionRules
