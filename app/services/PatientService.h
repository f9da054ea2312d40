// Patients: add, find, and the whole story of one patient (SPEC §1, §7).
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

#include <optional>

namespace pd {

struct NewPatient {
    QString mrn;
    QString givenName;
    QString familyName;
    QString birthDate; // as typed: YYYY-MM-DD
    QString sex;       // female | male | other | unknown (empty = unknown)
    QString language;  // en, es, … (empty = en)
    QString email;
    QString phone;
};

// A correction: only the fields given change (an empty string clears e-mail or phone).
struct PatientChanges {
    std::optional<QString> givenName;
    std::optional<QString> familyName;
    std::optional<QString> birthDate; // YYYY-MM-DD
    std::optional<QString> sex;
    std::optional<QString> language;
    std::optional<QString> email;
    std::optional<QString> phone;
    int expectedVersion = 0; // the row_version the editor showed; 0 = the current one
};

struct PatientCorrection {
    Patient patient;          // as saved
    QStringList changed;      // field names: given_name, family_name, birth_date, sex, language, email, phone
    int grantsEnded = 0;      // by the age rules, at once, after a birth-date correction
    int loginsEnded = 0;      // logins left with no access
    bool needsReview = false; // younger now: access the old date ended is not reopened by itself
};

struct PatientStory {
    Patient patient;
    QDate today; // the hospital's date the story was read on
    // Access restrictions on the record (in force first, then newest first): shown above everything else.
    // A support agent gets them without the order and with the person's address masked.
    QList<Restriction> restrictions;
    Bracket bracket = Bracket::Child;
    int age = 0; // -1 where the reader may not see it (support agents)
    std::optional<AgeRules::Transition> nextTransition;
    QList<PortalUser> users;
    QList<Grant> grants;
    QList<Invitation> invitations; // of every login above, newest first
    QList<AuditEvent> timeline;    // oldest first
    bool masked = false;           // contact details and birth date hidden (support agents)
    QString mergedFrom;            // the MRN asked for, when the EHR merged it into this record
    QStringList priorMrns;         // records the EHR merged into this one
};

class PatientService final {
public:
    explicit PatientService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    Result<Patient> add(const NewPatient& input);
    // Corrects a patient's record (HIM specialists), in one transaction with its audit event. A new birth
    // date re-applies the age rules at once: grants the corrected age ends end now, with the correction as
    // their cause. A correction that makes the patient younger never reopens ended access; it is flagged
    // for review instead.
    Result<PatientCorrection> update(const QString& mrn, const PatientChanges& changes);
    // Opening a patient's detail is itself audited.
    Result<PatientStory> show(const QString& mrn);
    // Identity verification (SPEC section 6): whether the birth date a caller gives is the patient's, without
    // showing it. Audited ("identity.checked" with the answer, never the date) and limited to
    // identity.checks_per_hour tries per patient ("identity.throttled").
    Result<bool> verifyBirthDate(const QString& mrn, const QString& givenDate);
    // The MRN of the patient whose page shows a login: its own patient, or the first it holds a grant to.
    Result<QString> mrnOfUser(const QString& user);
    Result<QList<SearchHit>> search(const QString& text, int limit = 50, int offset = 0);
    // Patients listed for review (a correction made them younger, or the EHR took a death back), longest
    // waiting first, and how many there are (HIM specialists).
    Result<QList<Patient>> toReview(int limit = 100, int offset = 0);
    Result<qint64> toReviewCount();
    // Takes a patient off the review list once staff have looked at their access, with what they found;
    // nothing about access changes here.
    // `listedSince`, when given, is the listing the reviewer saw: one listed again since is a conflict.
    Result<Patient> markReviewed(const QString& mrn, const QString& note, const QDateTime& listedSince = {});

private:
    const ServiceContext& m_ctx;
};

// Shared look-ups that turn "not there" into a NotFound error naming what was asked for.
Result<Patient> findPatient(Database& db, const QString& mrn);
// USER is a username or an e-mail address; an address shared by two logins is ambiguous.
Result<PortalUser> findPortalUser(Database& db, const QString& user);
// The patient whose timeline a login's events belong on: its own patient, or the first it holds a grant to.
qint64 patientOf(Database& db, const PortalUser& user);
// The steps the desk and the EHR's feed share, inside the caller's transaction. `source` is added to the
// audit event's details (the feed names its message there).
Result<Patient> checkNewPatient(const NewPatient& input);
// The rules a birth date must meet once read: not after today in the hospital's zone, not before 1900.
Status checkBirthDate(const QDate& birth, const QDate& today);
Result<Patient> insertPatient(const ServiceContext& ctx, const Policy& policy, Patient patient,
                              const QJsonObject& source);
Result<PatientCorrection> correctPatient(const ServiceContext& ctx, const Policy& policy,
                                         const Patient& before, const PatientChanges& changes,
                                         const QJsonObject& source);
// Validates a language code (2–8 letters, e.g. "es", "hy", "zh-Hant") and lower-cases it.
Result<QString> validLanguage(const QString& value);

} // namespace pd
