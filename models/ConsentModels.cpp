#include "models/ConsentModels.h"

#include "services/DisplayText.h"

#include <QCoreApplication>

namespace pd {

namespace {

template <typename Get> RowsModel<ConsentRow>::Column column(const char* title, Get get) {
    return textColumn<ConsentRow>(QCoreApplication::translate("ConsentModels", title), get);
}

QList<RowsModel<ConsentRow>::Column> consentColumns(const QTimeZone& zone) {
    using R = ConsentRow;
    return {
        column(QT_TRANSLATE_NOOP("ConsentModels", "No."), [](const R& r) { return QVariant(r.consent.id); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Status"),
               [](const R& r) { return QVariant(DisplayText::consentStatus(r.consent.status)); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "MRN"), [](const R& r) { return QVariant(r.mrn); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Patient"),
               [](const R& r) { return QVariant(r.patientName); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Proxy"),
               [](const R& r) {
                   return QVariant(r.consent.proxyName() + QStringLiteral(" <") + r.consent.proxyEmail +
                                   QLatin1Char('>'));
               }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Relationship"),
               [](const R& r) { return QVariant(DisplayText::relationship(r.consent.relationship)); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Access"),
               [](const R& r) { return QVariant(DisplayText::level(r.consent.scope)); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Filed"),
               [zone](const R& r) { return QVariant(DisplayText::localTime(r.consent.createdAt, zone)); }),
        column(QT_TRANSLATE_NOOP("ConsentModels", "Access ends"),
               [](const R& r) {
                   if (r.consent.status != QLatin1String("approved"))
                       return QVariant(QString());
                   return QVariant(r.consent.endsOn.isValid()
                                       ? DisplayText::date(r.consent.endsOn)
                                       : QCoreApplication::translate("ConsentModels", "never"));
               }),
    };
}

} // namespace

ConsentListModel::ConsentListModel(DbRunner& runner, const QTimeZone& zone, QObject* parent)
    : RowsModel<ConsentRow>(consentColumns(zone), parent)
    , m_runner(runner) {}

void ConsentListModel::show(const QString& status) {
    m_status = status;
    if (status.startsWith(QLatin1String("ending:"))) {
        const int days = status.mid(7).toInt();
        load(
            [this, days](int offset, int limit) {
                return m_runner.run([days, limit, offset](const ServiceContext& ctx) {
                    return ConsentService(ctx).ending(days, limit, offset);
                });
            },
            PageSize,
            [this, days] {
                return m_runner.run(
                    [days](const ServiceContext& ctx) { return ConsentService(ctx).endingCount(days); });
            });
        return;
    }
    load(
        [this, status](int offset, int limit) {
            return m_runner.run([status, limit, offset](const ServiceContext& ctx) {
                return ConsentService(ctx).list(status, limit, offset);
            });
        },
        PageSize,
        [this, status] {
            return m_runner.run(
                [status](const ServiceContext& ctx) { return ConsentService(ctx).count(status); });
        });
}

} // namespace pd
