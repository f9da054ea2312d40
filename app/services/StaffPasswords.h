// Staff passwords on the embedded file: the desktop's sign-in and unlock, a supervisor's one-time
// passwords, and the lock after too many wrong passwords in a row. On the central database the server
// checks each login's own password, and none of this applies.
#pragma once

#include "core/Clock.h"
#include "core/Records.h"
#include "core/Result.h"

namespace pd {

class Database;

inline constexpr int MinStaffPasswordLength = 12;

// At least 12 characters, not the sign-in name, no control characters. Rule: "staff.password".
Status checkStaffPassword(const QString& name, const QString& password);

// The password checked by those rules, then hashed with scrypt for the staff table.
Result<QString> hashStaffPassword(const QString& name, const QString& password);

struct PasswordSignIn {
    StaffMember staff;
    bool mustChange = false; // a one-time password: the desktop asks for a new one before anything else
};

// Whether `name` has a password on the embedded file (false for an unknown name).
Result<bool> staffHasPassword(Database& db, const QString& name);

// Checks `name`'s password. A wrong one is counted (and audited); the hospital's number in a row locks
// the sign-in for its minutes. An unknown name and a wrong password get the same answer.
Result<PasswordSignIn> signInWithPassword(Database& db, const Clock& clock, const QString& workstation,
                                          const QString& name, const QString& password);
// Sets `name`'s first password when none is set yet (the first supervisor, at init or the desktop's
// first use). Conflict "staff.password_set" when one is.
Status setFirstPassword(Database& db, const Clock& clock, const QString& workstation, const QString& name,
                        const QString& password);
// The staff member replaces their own password, proving the current one (which counts as a sign-in).
Status changeOwnPassword(Database& db, const Clock& clock, const QString& workstation, const QString& name,
                         const QString& current, const QString& next);

} // namespace pd
