// The consent desk's list: consents of one status (or all), newest first.
#pragma once

#include "models/RowsModel.h"
#include "services/ConsentService.h"

#include <QTimeZone>

namespace pd {

class ConsentListModel final : public RowsModel<ConsentRow> {
public:
    ConsentListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    static constexpr int PageSize = 200;
    // `status` empty = every consent.
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
        FiledColumn
    };

private:
    DbRunner& m_runner;
    QString m_status = QStringLiteral("submitted");
};

} // namespace pd
