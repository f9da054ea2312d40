// The worklists staff work from: invitations due, late, expired, undelivered and locked, and the
// upcoming 12th and 18th birthdays that will end access.
#pragma once

#include "core/Rows.h"
#include "models/RowsModel.h"
#include "services/DailyJob.h"

namespace pd {

enum class InvitationWorklist { Due, Late, Expired, DeliveryFailed, Locked };

class InvitationWorklistModel final : public RowsModel<InvitationRow> {
public:
    InvitationWorklistModel(DbRunner& runner, const QTimeZone& zone, QObject* parent = nullptr);
    void show(InvitationWorklist list);
    void reload() { show(m_list); }

    static constexpr int PageSize = 200;
    enum Columns {
        LoginColumn,
        HolderColumn,
        MrnColumn,
        EmailColumn,
        StatusColumn,
        QueuedColumn,
        DueColumn,
        SentColumn,
        ExpiresColumn,
        FailedColumn,
        MailErrorColumn
    };

private:
    DbRunner& m_runner;
    InvitationWorklist m_list = InvitationWorklist::Due;
};

class TransitionWorklistModel final : public RowsModel<UpcomingTransition> {
public:
    TransitionWorklistModel(DbRunner& runner, QObject* parent = nullptr);
    void show(int days);
    void reload() { show(m_days); }

    static constexpr int PageSize = 200;

private:
    DbRunner& m_runner;
    int m_days = 30;
};

} // namespace pd
