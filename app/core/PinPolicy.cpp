#include "core/PinPolicy.h"

#include <QCoreApplication>

namespace pd::PinPolicy {

namespace {

bool isAsciiDigits(const QString& pin) {
    // QChar::isDigit would accept Arabic-Indic or full-width digits, which the portal's PIN field
    // does not; the enrollee must be able to type the same PIN on any keyboard.
    for (const QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool allSame(const QString& pin) {
    for (const QChar c : pin) {
        if (c != pin.front())
            return false;
    }
    return true;
}

bool straightRun(const QString& pin) {
    // Counting runs, plus the keypad's 0-after-9 row (7890, 0987) that guessers try just as early.
    static const QString up = QStringLiteral("01234567890");
    static const QString down = QStringLiteral("09876543210");
    return up.contains(pin) || down.contains(pin);
}

QString twoDigits(int n) {
    return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
}

bool containsBirthDate(const QString& pin, QDate birthDate) {
    if (!birthDate.isValid())
        return false;
    const QString mm = twoDigits(birthDate.month());
    const QString dd = twoDigits(birthDate.day());
    const QString yyyy = QStringLiteral("%1").arg(birthDate.year(), 4, 10, QLatin1Char('0'));
    return pin.contains(mm + dd) || pin.contains(dd + mm) || pin.contains(yyyy);
}

} // namespace

Status check(const QString& pin, QDate patientBirthDate) {
    if (pin.size() < MinLength || pin.size() > MaxLength || !isAsciiDigits(pin)) {
        return Error::validation(QStringLiteral("pin.format"),
                                 QCoreApplication::translate("PinPolicy",
                                                             "The PIN must be %1 to %2 digits (0–9), with no "
                                                             "letters, spaces or other characters.")
                                     .arg(MinLength)
                                     .arg(MaxLength));
    }
    if (allSame(pin)) {
        return Error::validation(
            QStringLiteral("pin.all_same"),
            QCoreApplication::translate("PinPolicy", "The PIN can't be the same digit repeated; ask the "
                                                     "enrollee for another PIN."));
    }
    if (straightRun(pin)) {
        return Error::validation(
            QStringLiteral("pin.straight_run"),
            QCoreApplication::translate("PinPolicy", "The PIN can't be digits counting up or down (like "
                                                     "1234 or 9876); ask the enrollee for another PIN."));
    }
    if (containsBirthDate(pin, patientBirthDate))
        return birthDateError();
    return {};
}

Error birthDateError() {
    return Error::validation(
        QStringLiteral("pin.birth_date"),
        QCoreApplication::translate("PinPolicy", "The PIN can't contain the patient's birth date (month "
                                                 "and day, day and month, or year); ask the enrollee "
                                                 "for another PIN."));
}

} // namespace pd::PinPolicy
