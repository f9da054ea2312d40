#include "models/RequestModels.h"

#include "services/DisplayText.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>

namespace pd {

namespace {

template <typename Get> RowsModel<RequestRow>::Column column(const char* title, Get get) {
    return textColumn<RequestRow>(QCoreApplication::translate("RequestModels", title), get);
}

QList<RowsModel<RequestRow>::Column> requestColumns(const QTimeZone& zone) {
    using R = RequestRow;
    // The due time says "late" in words and in red, so the mark never rests on colour alone.
    RowsModel<RequestRow>::Column due{
        QCoreApplication::translate("RequestModels", "Due"), [zone](const R& r, int role) -> QVariant {
            const QString when = DisplayText::localTime(r.request.dueAt, zone);
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                return r.late ? QCoreApplication::translate("RequestModels", "%1 — late").arg(when) : when;
            if (role == Qt::ForegroundRole && r.late)
                return QBrush(QColor(0xb0, 0x00, 0x20));
            if (role == Qt::FontRole && r.late) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        }};
    return {
        due,
        column(QT_TRANSLATE_NOOP("RequestModels", "Request"),
               [](const R& r) { return QVariant(RequestService::kindDisplayName(r.request.kind)); }),
        column(QT_TRANSLATE_NOOP("RequestModels", "Patient"),
               [](const R& r) {
                   return QVariant(r.mrn.isEmpty()
                                       ? QString()
                                       : r.patientName + QStringLiteral(" (") + r.mrn + QLatin1Char(')'));
               }),
        column(QT_TRANSLATE_NOOP("RequestModels", "Login"), [](const R& r) { return QVariant(r.username); }),
        column(QT_TRANSLATE_NOOP("RequestModels", "Received"),
               [zone](const R& r) { return QVariant(DisplayText::localTime(r.request.receivedAt, zone)); }),
        column(QT_TRANSLATE_NOOP("RequestModels", "By"),
               [](const R& r) { return QVariant(RequestService::channelDisplayName(r.request.channel)); }),
        column(QT_TRANSLATE_NOOP("RequestModels", "Note"),
               [](const R& r) { return QVariant(r.request.note); }),
        column(QT_TRANSLATE_NOOP("RequestModels", "Resolved"),
               [zone](const R& r) {
                   return QVariant(r.request.isOpen()
                                       ? QString()
                                       : QCoreApplication::translate("RequestModels", "%1 by %2: %3")
                                             .arg(DisplayText::localTime(r.request.resolvedAt, zone),
                                                  r.request.resolvedBy, r.request.resolutionNote));
               }),
    };
}

} // namespace

RequestListModel::RequestListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<RequestRow>(requestColumns(zone), parent)
    , m_runner(runner) {}

void RequestListModel::show(RequestFilter::Show show) {
    m_show = show;
    load(
        [this, show](int offset, int limit) {
            return m_runner.run([show, offset, limit](const ServiceContext& ctx) {
                return RequestService(ctx).list(show, limit, offset);
            });
        },
        PageSize,
        [this, show] {
            return m_runner.run(
                [show](const ServiceContext& ctx) { return RequestService(ctx).count(show); });
        });
}

} // namespace pd
