// Search results across patients and portal logins, paged in as the list scrolls.
#pragma once

#include "core/Rows.h"
#include "models/RowsModel.h"

namespace pd {

class SearchModel final : public RowsModel<SearchHit> {
public:
    explicit SearchModel(DbRunner& runner, QObject* parent = nullptr);

    // Replaces the results with those for `text`; an empty text clears them.
    void setQuery(const QString& text);
    const QString& query() const { return m_query; }

    static constexpr int PageSize = 50;

private:
    DbRunner& m_runner;
    QString m_query;
};

} // namespace pd
