#include "models/RestrictionModels.h"

#include "services/DisplayText.h"

#include <QBrush>
#include <QCoreApplication>

namespace pd {

namespace {

template <typename Get> RowsModel<RestrictionRow>::Column column(const char* title, Get get) {
    return textColumn<RestrictionRow>(QCoreApplication::translate("RestrictionModels", title), get);
}

QList<RowsModel<RestrictionRow>::Column> restrictionColumns(const QTimeZone& zone, const QDate* today) {
    using R = RestrictionRow;
    // The state says "in force" in words and in red, so the mark never rests on colour alone.
    RowsModel<RestrictionRow>::Column state{
        QCoreApplication::translate("RestrictionModels", "State"), [today](const R& r, int role) -> QVariant {
            const Restriction& x = r.restriction;
            const bool inForce = x.isActiveOn(*today);
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                return x.isLifted() ? QCoreApplication::translate("RestrictionModels", "lifted")
                       : inForce    ? QCoreApplication::translate("RestrictionModels", "in force")
                                    : QCoreApplication::translate("RestrictionModels", "ended");
            if (role == Qt::ForegroundRole && inForce)
                return QBrush(QColor(0xb0, 0x00, 0x20));
            return {};
        }};
    return {
        state,
        column(QT_TRANSLATE_NOOP("RestrictionModels", "Patient"),
               [](const R& r) {
                   return QVariant(r.patientName + QStringLiteral(" (") + r.mrn + QLatin1Char(')'));
               }),
        column(QT_TRANSLATE_NOOP("RestrictionModels", "Barred person"),
               [](const R& r) {
                   const Restriction& x = r.restriction;
                   return QVariant(x.email.isEmpty()
                                       ? x.personName()
                                       : QStringLiteral("%1 <%2>").arg(x.personName(), x.email));
               }),
        column(QT_TRANSLATE_NOOP("RestrictionModels", "Order"),
               [](const R& r) { return QVariant(DisplayText::restrictionReason(r.restriction.reason)); }),
        column(QT_TRANSLATE_NOOP("RestrictionModels", "In force until"),
               [](const R& r) {
                   return QVariant(r.restriction.until.isValid()
                                       ? DisplayText::date(r.restriction.until)
                                       : QCoreApplication::translate("RestrictionModels", "until lifted"));
               }),
        column(QT_TRANSLATE_NOOP("RestrictionModels", "Note"),
               [](const R& r) { return QVariant(r.restriction.note); }),
        column(QT_TRANSLATE_NOOP("RestrictionModels", "Recorded"),
               [zone](const R& r) {
                   const Restriction& x = r.restriction;
                   QString s = QCoreApplication::translate("RestrictionModels", "%1 by %2")
                                   .arg(DisplayText::localTime(x.createdAt, zone), x.createdBy);
                   if (x.isLifted())
                       s += QStringLiteral("; ") +
                            QCoreApplication::translate("RestrictionModels", "lifted %1 by %2: %3")
                                .arg(DisplayText::localTime(x.liftedAt, zone), x.liftedBy, x.liftReason);
                   return QVariant(s);
               }),
    };
}

} // namespace

RestrictionListModel::RestrictionListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<RestrictionRow>(restrictionColumns(zone, &m_today), parent)
    , m_runner(runner) {}

void RestrictionListModel::show(RestrictionList list, int days) {
    m_show = list;
    m_days = days;
    load(
        [this, list, days](int offset, int limit) {
            return m_runner.run([list, days, offset, limit](const ServiceContext& ctx) {
                return RestrictionService(ctx).list(list, QString(), days, limit, offset);
            });
        },
        PageSize,
        [this, list, days] {
            return m_runner.run([list, days](const ServiceContext& ctx) {
                return RestrictionService(ctx).count(list, QString(), days);
            });
        });
}

} // namespace pd
