// Search across patients and portal users as staff type it. The index holds each person's folded words
// (core/SearchText), written here whenever a person is added or changed: an FTS5 trigram table on SQLite,
// a pg_trgm GIN index on PostgreSQL that only the schema's owner can read.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

namespace pd {

class SearchRepository final {
public:
    explicit SearchRepository(Database& db)
        : m_db(db) {}

    // Every word of `text` must match (any order; accents, case and punctuation ignored). An exact MRN or
    // username comes first, then people whose words all start as typed, then the rest, each in index order.
    // The text is folded into letters and digits and bound, never spliced into SQL.
    Result<QList<SearchHit>> search(const QString& text, int limit, int offset = 0);

    // Keeps the index in step with a person, inside the caller's transaction.
    Status indexPatient(const Patient& patient);
    // The same for many, in a few statements.
    Status indexPatients(const QList<Patient>& patients);
    Status indexPortalUser(const PortalUser& user);

    // Indexes, in batches of `batch`, the people a newer PortalDesk has not indexed yet (after the
    // migration that changed the index's form); resumes where a stopped run left off. Returns how many
    // were indexed.
    // `progress` hears after each batch how many are done of about how many.
    Result<int> rebuildPending(int batch = 5000,
                               const std::function<void(qint64 done, qint64 total)>& progress = {});

    // Row ids (patient n → 2n, login n → 2n + 1) whose folded body holds every pattern (SearchText::
    // pattern), in index order, at most `limit`.
    Result<QList<qint64>> matching(const QStringList& patterns, int limit);

private:
    Status put(qint64 rowid, const QString& body);
    Status putAll(const QList<QPair<qint64, QString>>& rows);
    // A whole phone number: those whose number starts with it, or else those holding it, in one lookup.
    Result<QList<qint64>> wholeNumber(const QString& digits, int limit);
    Result<QList<qint64>> exact(const QString& key);

    Database& m_db;
};

} // namespace pd
