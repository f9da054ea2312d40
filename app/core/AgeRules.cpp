#include "core/AgeRules.h"

#include <QCoreApplication>

namespace pd {

QString bracketName(Bracket bracket) {
    switch (bracket) {
    case Bracket::Child:
        return QStringLiteral("child");
    case Bracket::Adolescent:
        return QStringLiteral("adolescent");
    case Bracket::Adult:
        return QStringLiteral("adult");
    }
    return QStringLiteral("child");
}

std::optional<Bracket> bracketFromName(const QString& name) {
    for (Bracket b : {Bracket::Child, Bracket::Adolescent, Bracket::Adult}) {
        if (bracketName(b) == name)
            return b;
    }
    return std::nullopt;
}

QString bracketDisplayName(Bracket bracket) {
    switch (bracket) {
    case Bracket::Child:
        return QCoreApplication::translate("AgeRules", "Child (0–11)");
    case Bracket::Adolescent:
        return QCoreApplication::translate("AgeRules", "Adolescent (12–17)");
    case Bracket::Adult:
        return QCoreApplication::translate("AgeRules", "Adult (18+)");
    }
    return QCoreApplication::translate("AgeRules", "Child (0–11)");
}

std::optional<LeapDayRule> leapDayRuleFromName(const QString& name) {
    // Settings are typed by people; tolerate case and stray spaces, nothing else.
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("feb28"))
        return LeapDayRule::Feb28;
    if (n == QLatin1String("mar1"))
        return LeapDayRule::Mar1;
    return std::nullopt;
}

QString leapDayRuleName(LeapDayRule rule) {
    switch (rule) {
    case LeapDayRule::Feb28:
        return QStringLiteral("feb28");
    case LeapDayRule::Mar1:
        return QStringLiteral("mar1");
    }
    return QStringLiteral("feb28");
}

namespace AgeRules {

QDate localDate(const QDateTime& instant, const QTimeZone& zone) {
    if (!instant.isValid() || !zone.isValid())
        return {};
    return instant.toTimeZone(zone).date();
}

QDateTime startOfLocalDay(QDate date, const QTimeZone& zone) {
    if (!date.isValid() || !zone.isValid())
        return {};
    // startOfDay, not QTime(0, 0): in zones whose clocks jump at midnight that hour does not exist.
    return date.startOfDay(zone).toUTC();
}

QDate birthdayInYear(QDate birthDate, int year, LeapDayRule rule) {
    if (!birthDate.isValid())
        return {};
    if (birthDate.month() == 2 && birthDate.day() == 29 && !QDate::isLeapYear(year))
        return rule == LeapDayRule::Feb28 ? QDate(year, 2, 28) : QDate(year, 3, 1);
    return QDate(year, birthDate.month(), birthDate.day());
}

QDate nthBirthday(QDate birthDate, int years, LeapDayRule rule) {
    if (!birthDate.isValid())
        return {};
    return birthdayInYear(birthDate, birthDate.year() + years, rule);
}

int ageOn(QDate birthDate, QDate onDate, LeapDayRule rule) {
    if (!birthDate.isValid() || !onDate.isValid() || onDate < birthDate)
        return -1;
    int age = onDate.year() - birthDate.year();
    if (onDate < birthdayInYear(birthDate, onDate.year(), rule))
        --age;
    return age;
}

Bracket bracketForAge(int age) {
    if (age >= AdultAge)
        return Bracket::Adult;
    if (age >= AdolescentAge)
        return Bracket::Adolescent;
    return Bracket::Child;
}

Bracket bracketOn(QDate birthDate, QDate onDate, LeapDayRule rule) {
    return bracketForAge(ageOn(birthDate, onDate, rule));
}

std::optional<Transition> nextTransition(QDate birthDate, QDate onDate, LeapDayRule rule) {
    if (!birthDate.isValid() || !onDate.isValid())
        return std::nullopt;
    for (const int age : {AdolescentAge, AdultAge}) {
        const QDate date = nthBirthday(birthDate, age, rule);
        if (date > onDate)
            return Transition{age, date};
    }
    return std::nullopt;
}

} // namespace AgeRules
} // namespace pd
