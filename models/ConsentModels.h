// The consent desk's list: consents of one status (or all), newest first; or the approved ones whose access
// ends within a number of days ("ending:30"), soonest first.
#pragma once

#include "models/RowsModel.h"
#include "services/ConsentService.h"

#include <QTimeZone>

namespace pd {

class ConsentListModel final : public RowsModel<ConsentRow> {
public:
    ConsentListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    static constexpr int PageSize = 200;
    // `status` empty = every consent; "ending:N" = access ending within N days.
    void show(const QString& status);
    void reload() { show(m_status); }
    const QString& status() const { return m_status; }

    enum Columns {
        NumberColumn,
        StatusColumn,
        MrnColumn,
        PatientColumn,
        ProxyColumn,
        RelationshipColumn,
        ScopeColumn,
        FiledColumn,
        EndsColumn
    };

private:
    DbRunner& m_runner;
    QString m_status = QStringLiteral("submitted");
};

} // namespace pd
