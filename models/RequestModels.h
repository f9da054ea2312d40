// The family requests worklist: open (soonest due first, the late ones marked), late only, or all.
#pragma once

#include "models/RowsModel.h"
#include "services/RequestService.h"

#include <QTimeZone>

namespace pd {

class RequestListModel final : public RowsModel<RequestRow> {
public:
    RequestListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    void show(RequestFilter::Show show);
    void reload() { show(m_show); }
    RequestFilter::Show current() const { return m_show; }

    static constexpr int PageSize = 200;
    enum Columns {
        DueColumn,
        KindColumn,
        PatientColumn,
        LoginColumn,
        ReceivedColumn,
        ChannelColumn,
        NoteColumn,
        StatusColumn
    };

private:
    DbRunner& m_runner;
    RequestFilter::Show m_show = RequestFilter::Show::Open;
};

} // namespace pd
