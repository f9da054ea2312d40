// Which enrollment forms each bracket takes and the access level they give (SPEC §2).
#pragma once

#include "core/AgeRules.h"
#include "core/Result.h"

namespace pd {

enum class FormKind { Parent, Patient };
enum class AccessLevel { Full, Limited };

QString formKindName(FormKind kind); // "parent" | "patient"
std::optional<FormKind> formKindFromName(const QString& name);
QString accessLevelName(AccessLevel level); // "full" | "limited"

struct EnrollmentFacts {
    Bracket bracketWhenSigned = Bracket::Child; // bracket on the date the form was signed
    Bracket bracketToday = Bracket::Child;      // bracket on today's date in the hospital's zone
    FormKind form = FormKind::Parent;
    bool parentFormOnFile = false;   // adolescent: a parent form for this bracket exists
    bool supervisorOverride = false; // a supervisor gave a written reason
};

namespace EnrollmentRules {
// The level the enrollee's grant gets, or a Validation error naming the rule:
//   enrollment.patient_form_under_12   a patient form can't be taken for a child (0–11)
//   enrollment.parent_form_adult       an adult's proxy comes only through a proxy consent
//   enrollment.adolescent_needs_parent a 12–17 patient's own form needs a parent form or an override
//   enrollment.bracket_changed         the form was signed in another bracket than today's
Result<AccessLevel> check(const EnrollmentFacts& facts);
} // namespace EnrollmentRules

} // namespace pd
