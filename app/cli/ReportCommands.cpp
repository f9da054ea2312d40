// report [--weeks N]: the HIM leads' dashboard for schedulers and scripts.
#include "cli/CliContext.h"

#include "services/ReportService.h"

#include <QCoreApplication>

namespace pd::CliCommands {

Status report(CliContext& c) {
    int weeks = 12;
    if (c.args.has(QStringLiteral("weeks"))) {
        bool ok = false;
        weeks = c.args.option(QStringLiteral("weeks")).toInt(&ok);
        if (!ok)
            return Error::validation(QStringLiteral("input.weeks"),
                                     QCoreApplication::translate("Cli", "--weeks takes a number of weeks."));
    }
    auto d = ReportService(*c.services).dashboard(weeks);
    if (!d)
        return d.error();
    QJsonArray rows;
    for (const WeekFigures& w : d->weeks)
        rows.append(QJsonObject{{QStringLiteral("week"), w.weekStart.toString(Qt::ISODate)},
                                {QStringLiteral("sent"), w.sent},
                                {QStringLiteral("activated"), w.activated},
                                {QStringLiteral("expired"), w.expired}});
    c.json =
        QJsonObject{{QStringLiteral("from"), d->from.toString(Qt::ISODate)},
                    {QStringLiteral("to"), d->to.toString(Qt::ISODate)},
                    {QStringLiteral("weeks"), rows},
                    {QStringLiteral("sent"), d->sent},
                    {QStringLiteral("activated"), d->activated},
                    {QStringLiteral("expired"), d->expired},
                    {QStringLiteral("activation_rate"), d->activationRate},
                    {QStringLiteral("median_hours_to_activation"),
                     d->medianHoursToActivation < 0 ? QJsonValue() : QJsonValue(d->medianHoursToActivation)},
                    {QStringLiteral("requests"), d->requests},
                    {QStringLiteral("requests_met"), d->requestsMet},
                    {QStringLiteral("requests_late"), d->requestsLate},
                    {QStringLiteral("requests_open"), d->requestsOpen},
                    {QStringLiteral("turning_12_in_30_days"), d->turning12In30Days},
                    {QStringLiteral("turning_18_in_30_days"), d->turning18In30Days},
                    {QStringLiteral("turning_12_in_90_days"), d->turning12In90Days},
                    {QStringLiteral("turning_18_in_90_days"), d->turning18In90Days}};
    for (const QStringList& row : ReportService::table(d.value()))
        c.line(QStringLiteral("%1 %2 %3 %4")
                   .arg(row.at(0), -12)
                   .arg(row.at(1), 10)
                   .arg(row.at(2), 10)
                   .arg(row.at(3), 10));
    c.line(QCoreApplication::translate("Cli", "Activation rate %1%, median time to activation %2.")
               .arg(d->activationRate * 100.0, 0, 'f', 1)
               .arg(d->medianHoursToActivation < 0 ? QCoreApplication::translate("Cli", "none activated")
                                                   : QCoreApplication::translate("Cli", "%1 hours")
                                                         .arg(d->medianHoursToActivation, 0, 'f', 1)));
    c.line(QCoreApplication::translate("Cli",
                                       "Requests met within their due time: %1 of %2 (%3 open, not yet due).")
               .arg(d->requestsMet)
               .arg(d->requestsMet + d->requestsLate)
               .arg(d->requestsOpen));
    c.line(QCoreApplication::translate(
               "Cli", "Turning 12: %1 in 30 days, %2 in 90; turning 18: %3 in 30 days, %4 in 90.")
               .arg(d->turning12In30Days)
               .arg(d->turning12In90Days)
               .arg(d->turning18In30Days)
               .arg(d->turning18In90Days));
    return {};
}

} // namespace pd::CliCommands
