// Substring search across patients and portal users (FTS5 trigram index kept by triggers).
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

namespace pd {

class SearchRepository final {
public:
    explicit SearchRepository(Database& db)
        : m_db(db) {}

    // Any part of name, MRN, e-mail or phone, case-insensitive. The text is bound, never spliced into SQL.
    // Pages follow the index's order (`offset` rows skipped); each page is sorted by kind and name.
    Result<QList<SearchHit>> search(const QString& text, int limit, int offset = 0);

private:
    Database& m_db;
};

} // namespace pd
