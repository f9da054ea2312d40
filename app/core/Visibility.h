// What one portal login can see of one patient's record, category by category, and the rule behind each
// answer (SPEC §9): the rules behind HIM's answer to "why can't I see X?". Pure rules, no database.
#pragma once

#include "core/AgeRules.h"
#include "core/Records.h"
#include "core/Result.h"

#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace pd::Visibility {

// ---- Categories -------------------------------------------------------------------------------------
// Stable codes (used in settings, --json and the GUI), in the portal's own order.

// The eleven categories the portal shows: messages, virtual_visits, lab_results, imaging_reports,
// prescription_renewals, appointments, clinical_documents, return_to_school_notes, allergies,
// immunizations, medications.
QStringList portalCategories();
// The sensitive results never on the portal, for anyone: sti_results, hepatitis_results, hiv_results,
// pregnancy_birth_control, substance_treatment, genetics, pathology.
QStringList withheldCategories();
// Portal categories, then withheld ones: the rows of an explanation.
QStringList allCategories();
// What proxies of a patient aged 12–17 see when the hospital has not changed it: appointments,
// immunizations, allergies, medications, prescription_renewals, return_to_school_notes, messages.
QStringList defaultLimitedSet();
bool isPortalCategory(const QString& code);
bool isWithheldCategory(const QString& code);
// Translated name for lists and headings ("Lab results"); the code itself when unknown.
QString categoryDisplayName(const QString& code);

// Reads the hospital's limited set as typed in the setting portal.limited_categories: comma-separated
// codes; spaces and case are tolerated, duplicates dropped, the order kept.
// Refused (Validation) with a clause naming the code, fit to follow "can't be set to …: ":
//   visibility.unknown_category       not one of portalCategories()
//   visibility.withheld_category      a withheld category can't be shown to anyone
//   visibility.empty_limited_set      at least one category is needed
Result<QStringList> parseLimitedSet(const QString& text);

// ---- Rules ------------------------------------------------------------------------------------------

enum class Rule {
    WithheldCategory, // "withheld_category": a sensitive category, never on the portal (not visible)
    LoginNotActive,   // "login_not_active": pending, deactivated or terminated (not visible)
    OwnLoginUnder12,  // "own_login_under_12": a patient under 12 has no login of their own (not visible)
    OwnRecord,        // "own_record": the patient's own login (visible)
    NoGrant,          // "no_grant": the login never held access to this patient (not visible)
    GrantEnded,       // "grant_ended": the access grant ended; see its end reason (not visible)
    AgeRulePending,   // "age_rule_pending": a 12th/18th birthday has ended the grant, and the nightly
                      // run has not recorded it yet (not visible)
    FullAccess,       // "full_access": a full grant (visible)
    LimitedSet,       // "limited_set": a limited grant; visible exactly when the category is in the set
};
QString ruleName(Rule rule);

// How a grant stands today.
enum class GrantState {
    Open,           // "open": in force
    Ended,          // "ended": ended in the records
    EndedByAgeRule, // "age_rule_pending": open in the records, but past the birthday that ends it
};
QString grantStateName(GrantState state);

struct Facts {
    PortalUser login;    // kind, status, statusChangedAt and, for a patient's own login, patientId
    Patient patient;     // id and birth date
    QList<Grant> grants; // the login's grants to this patient, open and ended
    QDate today;         // today's date in the hospital's zone
    QTimeZone zone;      // reads grants' and the login's instants as the hospital's calendar dates
    LeapDayRule leapDayRule = LeapDayRule::Feb28;
    QStringList limitedSet = defaultLimitedSet(); // the hospital's (Policy::limitedCategories)
    // Support agents see no birth date: the 12th and 18th birthdays are then named without their date, and
    // the age without its years.
    bool hideBirthdays = false;
    // For a reader who can't read the birth date at all (patient.birthDate invalid: a support agent on the
    // central database), what the server worked out from it: today's bracket, and the open grants a 12th
    // or 18th birthday has already ended.
    std::optional<Bracket> bracketToday;
    QSet<qint64> ageRuleDue;
};

struct GrantView {
    Grant grant;
    GrantState state = GrantState::Open;
    QString endReason; // the recorded one, or age_12 / age_18 when the age rule has ended it
    QDate endedOn;     // the hospital's calendar date it ended (the birthday, for the age rules)
};

struct CategoryRow {
    QString category;    // code
    QString displayName; // translated
    bool withheld = false;
    bool visible = false;
    Rule rule = Rule::NoGrant;
    QString reason; // translated sentence naming the rule, e.g. "Proxies of a patient aged 12–17 see
                    // only the limited set; lab results are not in it."
};

struct Explanation {
    int age = -1; // whole years today; -1 when the birth date is unknown, hidden or after today
    Bracket bracket = Bracket::Child;
    bool ownLogin = false; // the login is the patient's own
    // Every grant considered, the deciding one first; the rest in the order given.
    QList<GrantView> grants;
    bool hasDecidingGrant = false; // grants.first() is the one the rows rest on
    Rule rule = Rule::NoGrant;     // what decides the portal categories (never WithheldCategory)
    QList<CategoryRow> rows;       // allCategories(), in that order
    int visibleCount = 0;
    QString summary; // translated, one line
};

// The whole answer for one login and one patient, as of `facts.today`. The order of the rules:
// a withheld category is never visible; then a child's "own" login, a missing, ended or age-ended grant;
// then a login that is not active; then the patient's own login (everything) or the grant's level (full:
// everything; limited: the limited set).
Explanation explain(const Facts& facts);

// The birthday that ends a grant under SPEC §3: the 12th for a grant from a child-bracket enrollment, the
// 18th for a proxy's grant from an adolescent one; none for the patient's own, adult and guardianship
// grants, or a grant that began on or after that birthday.
std::optional<AgeRules::Transition> endingTransition(const Grant& grant, QDate birthDate,
                                                     const QTimeZone& zone, LeapDayRule rule);

} // namespace pd::Visibility
