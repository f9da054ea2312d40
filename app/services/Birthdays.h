// What support agents may not see (SPEC section 6, "no DOB unless verifying"): a birth date, and whatever
// gives one away: an age in years, the day of a 12th or 18th birthday, the day a grant the age rules
// ended ended, a notice queued a set number of days before one, or the day a login a birthday left with
// nothing was terminated. On the central database the agents' views and functions hold to the same rules;
// these helpers are the services' side of them, for the embedded database and for what the services
// work out themselves.
#pragma once

#include "services/ServiceContext.h"

#include <QSet>

namespace pd::Birthdays {

// Whether this reader sees birth dates: HIM staff do, support agents don't.
bool hidden(const ServiceContext& ctx);

// Today's bracket, and the open grants a 12th or 18th birthday has already ended (before the nightly run
// recorded it). From the birth date when the reader can read it; otherwise (a support agent on the central
// database) the server works them out (patient_age_facts) and keeps the date to itself.
struct AgeFacts {
    Bracket bracket = Bracket::Child;
    QSet<qint64> dueGrants;
};
Result<AgeFacts> ageFacts(const ServiceContext& ctx, const Policy& policy, const Patient& patient,
                          const QList<Grant>& grants);

// The dates that are birthdays in disguise, blanked for a reader who may not see them.
void hide(Grant& grant);           // the end of a grant a 12th or 18th birthday ended
void hide(PortalUser& user);       // when a login was terminated (left with no access)
void hide(Invitation& invitation); // when a termination revoked it
void hide(AuditEvent& event);      // when a birthday's events happened, and dates inside their details

// Identity verification (SPEC section 6): tries at a patient's birth date, by every staff member together,
// are limited to identity.checks_per_hour in any hour; an agent's new PIN refused for holding the birth
// date counts as one. RuleViolation "identity.throttled" once they are used up.
Status checkTries(const ServiceContext& ctx, const Policy& policy, qint64 patientId);
// The events that count as a try.
QStringList tryActions();

} // namespace pd::Birthdays
