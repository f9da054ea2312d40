// Patients from the EHR (SPEC §11a): what an ADT message, a FHIR Patient or a CSV row says about one
// patient, applied in one transaction with its audit events.
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

#include <optional>

namespace pd {

// What the EHR says about one patient. An unset field is left alone; an empty string clears it (only
// e-mail and phone may be cleared: a record always has a name and a birth date).
struct FeedPatient {
    QString mrn;
    std::optional<QString> givenName;
    std::optional<QString> familyName;
    std::optional<QString> birthDate; // YYYY-MM-DD
    std::optional<QString> sex;       // female | male | other | unknown
    std::optional<QString> language;
    std::optional<QString> email;
    std::optional<QString> phone;
    std::optional<bool> deceased;
    QDateTime deceasedAt; // when known
};

enum class FeedAction {
    Register, // A01, A04, A05, A28: the patient is created, or updated when already known
    Update,   // A08, A31
    Merge,    // A40: priorMrn into patient.mrn
};

struct FeedRecord {
    QString source;    // who sent it: MSH-3^MSH-4, or the file it came from
    QString controlId; // the sender's key for the message (MSH-10); empty: not checked for duplicates
    QString trigger;   // as sent, for the record ("ADT^A08", "FHIR Patient", "CSV")
    FeedAction action = FeedAction::Update;
    QDateTime eventAt; // when the EHR recorded it (EVN-2 or MSH-7); null: now
    FeedPatient patient;
    QString priorMrn; // Merge
};

struct FeedOutcome {
    enum class Kind {
        Applied,   // written (or nothing differed)
        Duplicate, // this key was applied before: acknowledged, not applied again
        Stale,     // older than what was last applied to the patient: not applied over it
    };
    Kind kind = Kind::Applied;
    QString mrn;
    bool created = false;
    QStringList changed; // patient fields written
    int grantsEnded = 0;
    int loginsEnded = 0;
    int mailCancelled = 0;
    bool died = false;        // the record now says the patient died
    bool needsReview = false; // a correction or a cleared death that staff must look at
    // Merges.
    QString priorMrn;
    bool merged = false; // the prior record's rows moved to this one
    bool held = false;   // the two records conflict: waiting on the merge desk
    int moved = 0;       // rows moved (logins, enrollments, grants, consents, requests)
    qint64 mergeId = 0;
    QStringList conflicts; // why it waits
};

class PatientFeedService final {
public:
    explicit PatientFeedService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // Applies one record in one transaction. A death ends every open grant for the patient (end reason
    // "deceased"), deactivates the patient's own login as deceased and cancels the patient's queued mail;
    // no e-mail goes to the family. A record that clears a death lists the patient for review and
    // reopens nothing. Content errors are Validation errors, and nothing of the record is written.
    Result<FeedOutcome> apply(const FeedRecord& record);
    // Applies many records, each as apply() would and with the same outcome, one per record in order.
    // New patients registered by messages never seen before go in together, a few statements for all of
    // them (an import of the EHR's whole list); every other record is a step of its own. Inside an open
    // transaction (an import's batch) nothing is committed here.
    QList<Result<FeedOutcome>> applyAll(const QList<FeedRecord>& records);
    // Whether the acting staff member may apply the EHR's records (the feed's service account, HIM
    // specialists and supervisors).
    Status mayApply() const;
    // Keeps a message refused for its content on the Feed desk, with the reason and its text for a retry.
    Status hold(const FeedRecord& record, const QByteArray& raw, const Error& why);
    Result<QList<FeedMessageRow>> refused(int limit = 100, int offset = 0);
    Result<qint64> refusedCount();
    // A refused message's text, for a retry through the same door it came in by.
    Result<FeedMessageRow> refusedMessage(qint64 id);
    Status dismiss(qint64 id);
    Result<QDateTime> lastReceived();

    // Merges held because the two records conflict (two own logins, one login with access to both, a death
    // on one only), oldest first.
    Result<QList<MergeRow>> heldMerges(int limit = 100, int offset = 0);
    Result<qint64> heldMergeCount();
    // Carries out a held merge once staff resolved its conflicts; refused ("merge.conflicts") while any
    // remains, naming it.
    Result<FeedOutcome> resolveMerge(qint64 id);

private:
    Result<FeedOutcome> apply(const FeedRecord& record, const Policy* known);
    const ServiceContext& m_ctx;
};

} // namespace pd
