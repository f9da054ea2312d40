// Access restrictions (SPEC §8): a court order, custody order or protective order that bars a named person
// from a patient's record. Recording one ends that person's grants to the patient at once (end reason
// "restricted"), and a login left with none loses its live invitation and is terminated; nothing is mailed
// to the person because of it. While it is in force the person can't be enrolled, approved on a consent,
// reissued an invitation or given the patient through a new address ("restriction.active"). Lifting it, or
// its end, gives nothing back.
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

namespace pd {

struct RestrictionRequest {
    QStringList mrns; // the patient, and each sibling the order names
    QString givenName;
    QString familyName;
    QString email;  // optional
    QString reason; // court_order | custody_order | protective_order | other
    QString until;  // YYYY-MM-DD, the last day in force; empty = until lifted
    QString note;
    QString documentName;
    QByteArray document; // PDF, PNG or JPEG, up to ConsentService::MaxDocumentBytes
};

// What a restriction's taking effect did on one record.
struct RestrictionEffect {
    QList<qint64> grantsEnded;
    QList<qint64> loginsTerminated;
    int mailCancelled = 0;
};

struct RestrictionOutcome {
    QList<RestrictionRow> restrictions; // one per patient
    RestrictionEffect effect;           // on all of them together
};

// Which restrictions the desk lists.
enum class RestrictionList {
    Standing, // in force, newest first
    Ending,   // in force and ending within `days`, soonest first
    All
};

// The refusal of an enrollment, consent, reissue or new address for a person `r` bars.
Error restrictionRefusal(const Restriction& r, const QString& mrn, const QString& personName);
// Refuses ("restriction.active") when a restriction in force bars this person from the patient's record.
Status refuseIfRestricted(const ServiceContext& ctx, const Policy& policy, const Patient& patient,
                          const QString& given, const QString& family, const QString& email);
// The same for a login: its name and address, or a grant of it a restriction ended that is still in force
// (what a support agent's masked view can still tell).
Status refuseIfRestricted(const ServiceContext& ctx, const Policy& policy, const PortalUser& user);
// Ends the open grants of everyone a restriction in force on the patient's record bars, terminates the
// logins left with none (their live invitations revoked), and cancels the mail that waits for them. For a
// new restriction and for an EHR merge that brought one over.
Result<RestrictionEffect> enforceRestrictions(const ServiceContext& ctx, const Policy& policy,
                                              qint64 patientId, const QJsonObject& cause = {});
// The patient's restrictions as the acting staff member may see them (a support agent: no document, the
// person's address masked); in force first.
Result<QList<Restriction>> restrictionsOf(const ServiceContext& ctx, qint64 patientId);

class RestrictionService final {
public:
    explicit RestrictionService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // An HIM specialist records the order on each patient it names; it takes effect at once.
    Result<RestrictionOutcome> add(const RestrictionRequest& request);
    // Any staff member; `mrn` empty = every patient. A page at a time, and how many in all.
    Result<QList<RestrictionRow>> list(RestrictionList show, const QString& mrn = QString(), int days = 30,
                                       int limit = 100, int offset = 0);
    Result<qint64> count(RestrictionList show, const QString& mrn = QString(), int days = 30);
    Result<RestrictionRow> show(qint64 id);
    // The order's scan, with its content: HIM staff only.
    Result<Document> document(qint64 id);
    // An HIM supervisor lifts it, saying why; grants it ended stay ended. `expectedVersion` 0 = as it is now.
    Result<RestrictionRow> lift(qint64 id, const QString& reason, int expectedVersion = 0);

private:
    const ServiceContext& m_ctx;
};

} // namespace pd
