// Age brackets and transition dates, always on the calendar date in the hospital's zone (SPEC §2, §3).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace pd {

enum class Bracket { Child, Adolescent, Adult };
// How a 29 February birthday falls in a common year. Feb28 is privacy first: restrictions start
// no later than the true date.
enum class LeapDayRule { Feb28, Mar1 };

QString bracketName(Bracket bracket); // "child", "adolescent", "adult"
std::optional<Bracket> bracketFromName(const QString& name);
QString bracketDisplayName(Bracket bracket);                         // translated
std::optional<LeapDayRule> leapDayRuleFromName(const QString& name); // "feb28" | "mar1"
QString leapDayRuleName(LeapDayRule rule);

namespace AgeRules {

inline constexpr int AdolescentAge = 12;
inline constexpr int AdultAge = 18;

// The calendar date of a UTC instant in the hospital's zone.
QDate localDate(const QDateTime& instant, const QTimeZone& zone);
// The instant (UTC) at which a local calendar date begins in the hospital's zone.
QDateTime startOfLocalDay(QDate date, const QTimeZone& zone);

// The date the birthday is celebrated in `year`, honouring the 29 February rule.
QDate birthdayInYear(QDate birthDate, int year, LeapDayRule rule);
// The date of the `years`-th birthday (e.g. 12 → the day the patient turns 12).
QDate nthBirthday(QDate birthDate, int years, LeapDayRule rule);
// Whole years on `onDate`; -1 when `onDate` is before the birth date.
int ageOn(QDate birthDate, QDate onDate, LeapDayRule rule);
Bracket bracketForAge(int age);
Bracket bracketOn(QDate birthDate, QDate onDate, LeapDayRule rule);

struct Transition {
    int age = 0; // 12 or 18
    QDate date;  // the local date it takes effect
};
// The next 12th or 18th birthday strictly after `onDate`, if any.
std::optional<Transition> nextTransition(QDate birthDate, QDate onDate, LeapDayRule rule);

} // namespace AgeRules
} // namespace pd
