// Merges from the EHR: the moves of a prior record's rows to the survivor, and merges held for review.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <optional>

namespace pd {

class MergeRepository final {
public:
    explicit MergeRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const MergeRow& row);
    Result<std::optional<MergeRow>> byId(qint64 id);
    Result<std::optional<MergeRow>> heldForPrior(qint64 priorId);
    // Held merges, oldest first, and how many there are.
    Result<QList<MergeRow>> held(int limit, int offset);
    Result<qint64> heldCount();
    Status markMerged(qint64 id, const QDateTime& at, const QString& by);
    // Moves the prior record's own login, enrollments, grants, consents, requests and restrictions to the
    // survivor. Audit events stay where they were written. Returns the rows moved.
    Result<int> moveRecords(qint64 priorId, qint64 survivorId, const QDateTime& at, const QString& by);
    // The records merged into this one, directly or through others merged before.
    Result<QList<qint64>> mergedInto(qint64 survivorId);

private:
    Database& m_db;
};

} // namespace pd
