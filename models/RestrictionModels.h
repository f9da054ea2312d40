// The restrictions desk's list: those in force (newest first), those ending within a number of days
// (soonest first), or all of them with the lifted and ended.
#pragma once

#include "models/RowsModel.h"
#include "services/RestrictionService.h"

#include <QTimeZone>

namespace pd {

class RestrictionListModel final : public RowsModel<RestrictionRow> {
public:
    RestrictionListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    // `days`: for RestrictionList::Ending.
    void show(RestrictionList list, int days = 30);
    void reload() { show(m_show, m_days); }
    RestrictionList current() const { return m_show; }
    // The hospital's date the state column reads against.
    void setToday(const QDate& today) { m_today = today; }

    static constexpr int PageSize = 200;
    enum Columns {
        StateColumn,
        PatientColumn,
        PersonColumn,
        ReasonColumn,
        UntilColumn,
        NoteColumn,
        RecordedColumn
    };

private:
    DbRunner& m_runner;
    RestrictionList m_show = RestrictionList::Standing;
    int m_days = 30;
    QDate m_today;
};

} // namespace pd
