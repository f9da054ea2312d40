// Access restrictions (SPEC §8): record, look up by patient, the desk's pages, lift.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <optional>

namespace pd {

// Which restrictions a list shows.
struct RestrictionFilter {
    enum class Show {
        Standing, // not lifted and not ended, newest first
        Ending,   // in force and ending by `endingBy`, soonest end first
        All       // every one, newest first
    };
    Show show = Show::Standing;
    QDate today;          // the hospital's date
    QDate endingBy;       // Ending: the last end date shown
    qint64 patientId = 0; // 0 = every patient
    int limit = 100;
    int offset = 0;
};

class RestrictionRepository final {
public:
    explicit RestrictionRepository(Database& db)
        : m_db(db) {}

    // The embedded file; on the central database restriction_add() records it.
    Result<qint64> insert(const Restriction& restriction);
    Result<std::optional<RestrictionRow>> byId(qint64 id);
    // Every restriction on the patient's record, in force first, then newest first. A patient has few.
    Result<QList<Restriction>> forPatient(qint64 patientId);
    Result<QList<RestrictionRow>> list(const RestrictionFilter& filter);
    Result<qint64> count(const RestrictionFilter& filter);
    // Writes the lift when `restriction.rowVersion` still matches; false when it did not.
    Result<bool> lift(const Restriction& restriction, const QDateTime& at, const QString& by,
                      const QString& reason);

private:
    Database& m_db;
};

} // namespace pd
