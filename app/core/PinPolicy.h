// Temporary PIN rules (SPEC §4).
#pragma once

#include "core/Result.h"

#include <QDate>

namespace pd::PinPolicy {

inline constexpr int MinLength = 4;
inline constexpr int MaxLength = 8;

// Ok, or a Validation error naming the rule:
//   pin.format       not 4–8 digits (ASCII 0-9 only)
//   pin.all_same     every digit the same (0000, 777777)
//   pin.straight_run digits counting up or down by one (1234, 9876, 345678)
//   pin.birth_date   contains the patient's birth date as MMDD, DDMM or YYYY
// Messages never repeat the PIN.
Status check(const QString& pin, QDate patientBirthDate);
// The pin.birth_date refusal, for a check made where the birth date is (the central database's).
Error birthDateError();

} // namespace pd::PinPolicy
