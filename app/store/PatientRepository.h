// Patients: insert, look up, update with optimistic locking.
#pragma once

#include "store/Layer.h"

#include "core/Records.h"
#include "store/Database.h"

#include <QSet>

#include <optional>

namespace pd {

class PatientRepository final {
public:
    explicit PatientRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const Patient& patient, const QDateTime& at, const QString& by);
    // Inserts new patients (with what the feed keeps: the message's time) a few statements for all, and
    // indexes them for search; sets each one's id.
    Status insertAll(QList<Patient>& patients, const QDateTime& at, const QString& by);
    // Which of these MRNs are on file.
    Result<QSet<QString>> existingMrns(const QStringList& mrns);
    Result<std::optional<Patient>> byMrn(const QString& mrn);
    Result<std::optional<Patient>> byId(qint64 id);
    // The patients with these ids, in no particular order (a page's worth at a time).
    Result<QList<Patient>> byIds(const QList<qint64>& ids);
    Result<qint64> count();
    // Writes every editable field when `patient.rowVersion` still matches; Conflict names who changed it.
    Status update(const Patient& patient, const QDateTime& at, const QString& by);
    // Writes what the EHR's feed keeps about the record: death, the newest message's time, a merge.
    Status setFeedState(const Patient& patient, const QDateTime& at, const QString& by);
    // Lists the patient for review with `reason`, unless already listed (empty: takes it off the list).
    Status setReview(qint64 id, const QString& reason, const QDateTime& at, const QString& by);
    // Patients waiting for review, longest waiting first; and how many there are.
    Result<QList<Patient>> toReview(int limit, int offset);
    Result<qint64> toReviewCount();

private:
    Result<std::optional<Patient>> one(const QString& where, const QVariant& value);
    Database& m_db;
};

// A stale row_version turns into a conflict naming who changed the record and when.
Error staleRecordError(Database& db, const QString& table, qint64 id, const QString& what);

} // namespace pd
