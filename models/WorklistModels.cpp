#include "models/WorklistModels.h"

#include "services/DisplayText.h"
#include "services/InvitationService.h"

#include <QCoreApplication>

#include <limits>

namespace pd {

namespace {

template <typename Row, typename Get> typename RowsModel<Row>::Column column(const char* title, Get get) {
    return textColumn<Row>(QCoreApplication::translate("WorklistModels", title), get);
}

QList<RowsModel<InvitationRow>::Column> invitationColumns(const QTimeZone& zone) {
    using R = InvitationRow;
    return {
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Login"),
                  [](const R& r) { return QVariant(r.username); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Holder"),
                  [](const R& r) { return QVariant(r.userName); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Patient MRN"),
                  [](const R& r) { return QVariant(r.mrn); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Sent to"),
                  [](const R& r) { return QVariant(r.invitation.email); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Status"),
                  [](const R& r) { return QVariant(DisplayText::invitationStatus(r.invitation.status)); }),
        column<R>(
            QT_TRANSLATE_NOOP("WorklistModels", "Enrolled"),
            [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.queuedAt, zone)); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Send by"),
                  [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.dueAt, zone)); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Sent"),
                  [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.sentAt, zone)); }),
        column<R>(
            QT_TRANSLATE_NOOP("WorklistModels", "Expires"),
            [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.expiresAt, zone)); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Wrong PINs"),
                  [](const R& r) { return QVariant(r.invitation.failedAttempts); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Mail server's reply"),
                  [](const R& r) { return QVariant(r.mailError); }),
    };
}

QList<RowsModel<UpcomingTransition>::Column> transitionColumns() {
    using R = UpcomingTransition;
    return {
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Birthday"),
                  [](const R& r) { return QVariant(DisplayText::date(r.date)); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Turns"), [](const R& r) { return QVariant(r.age); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Patient"),
                  [](const R& r) { return QVariant(r.patient.fullName()); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "MRN"),
                  [](const R& r) { return QVariant(r.patient.mrn); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Login"),
                  [](const R& r) { return QVariant(r.user.username); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Holder"),
                  [](const R& r) { return QVariant(r.user.fullName()); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Access"),
                  [](const R& r) { return QVariant(DisplayText::level(r.grant.level)); }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "What happens"),
                  [](const R& r) {
                      return QVariant(
                          r.age == AgeRules::AdolescentAge
                              ? QCoreApplication::translate("WorklistModels",
                                                            "Access ends; re-enroll with the 12–17 forms")
                              : QCoreApplication::translate(
                                    "WorklistModels", "Proxy access ends; needs the patient's consent"));
                  }),
        column<R>(QT_TRANSLATE_NOOP("WorklistModels", "Notice"),
                  [](const R& r) {
                      return QVariant(r.noticeQueued
                                          ? QCoreApplication::translate("WorklistModels", "sent")
                                          : QCoreApplication::translate("WorklistModels", "not yet"));
                  }),
    };
}

} // namespace

InvitationWorklistModel::InvitationWorklistModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<InvitationRow>(invitationColumns(zone), parent)
    , m_runner(runner) {}

void InvitationWorklistModel::show(InvitationWorklist list) {
    m_list = list;
    InvitationFilter filter;
    switch (list) {
    case InvitationWorklist::Due:
        filter.dueOnly = true;
        break;
    case InvitationWorklist::Late:
        filter.lateOnly = true;
        break;
    case InvitationWorklist::Expired:
        filter.status = QStringLiteral("expired");
        break;
    case InvitationWorklist::DeliveryFailed:
        filter.status = QStringLiteral("delivery_failed");
        break;
    case InvitationWorklist::Locked:
        filter.status = QStringLiteral("locked");
        break;
    }
    load(
        [this, filter](int offset, int limit) {
            return m_runner.run([filter, offset, limit](const ServiceContext& ctx) {
                InvitationFilter f = filter;
                f.offset = offset;
                f.limit = limit;
                return InvitationService(ctx).list(f, QString());
            });
        },
        PageSize,
        [this, filter] {
            return m_runner.run([filter](const ServiceContext& ctx) {
                return InvitationService(ctx).count(filter, QString());
            });
        });
}

TransitionWorklistModel::TransitionWorklistModel(DbRunner& runner, QObject* parent)
    : RowsModel<UpcomingTransition>(transitionColumns(), parent)
    , m_runner(runner) {}

void TransitionWorklistModel::show(int days) {
    m_days = days;
    load(
        [this, days](int offset, int limit) {
            return m_runner.run([days, offset, limit](const ServiceContext& ctx) {
                return DailyJob(ctx).upcoming(days, limit, offset);
            });
        },
        PageSize,
        [this, days] {
            return m_runner.run(
                [days](const ServiceContext& ctx) { return DailyJob(ctx).upcomingCount(days); });
        });
}

} // namespace pd
