#include "services/ReportService.h"
#include "mail/MimeMessage.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/GrantRepository.h"

#include "core/AgeRules.h"
#include "services/DailyJob.h"
#include "store/ReportRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace pd {

namespace {

QDate mondayOf(const QDate& d) {
    return d.addDays(1 - d.dayOfWeek());
}

QString percent(double rate) {
    return QString::number(rate * 100.0, 'f', 1) + QLatin1Char('%');
}

QString hours(double h) {
    if (h < 0)
        return QCoreApplication::translate("Reports", "none activated");
    if (h < 48)
        return QCoreApplication::translate("Reports", "%1 hours").arg(h, 0, 'f', 1);
    return QCoreApplication::translate("Reports", "%1 days").arg(h / 24.0, 0, 'f', 1);
}

} // namespace

Result<Dashboard> ReportService::dashboard(int weeks) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reading the reports")));
    if (weeks < 1 || weeks > 104)
        return Error::validation(QStringLiteral("report.weeks"),
                                 QCoreApplication::translate("Services", "A report covers 1 to 104 weeks."));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QTimeZone zone = policy->zone;
    Dashboard d;
    d.to = m_ctx.today(policy.value());
    d.from = mondayOf(d.to).addDays(-7LL * (weeks - 1));
    const QDateTime from = AgeRules::startOfLocalDay(d.from, zone).toUTC();
    const QDateTime to = AgeRules::startOfLocalDay(d.to.addDays(1), zone).toUTC();
    for (int w = 0; w < weeks; ++w)
        d.weeks.append({d.from.addDays(7LL * w)});

    // The weeks' bounds in the hospital's zone (a week with a clock change is 167 or 169 hours); the
    // database counts each week from its indexes.
    QList<QDateTime> bounds;
    for (int w = 0; w < weeks; ++w)
        bounds.append(AgeRules::startOfLocalDay(d.from.addDays(7LL * w), zone).toUTC());
    bounds.append(to);
    ReportRepository repo(m_ctx.db());
    using Which = ReportRepository::InvitationTime;
    auto sent = repo.invitationsByRange(Which::Sent, bounds);
    auto activated = repo.invitationsByRange(Which::Activated, bounds);
    auto expired = repo.invitationsByRange(Which::Expired, bounds);
    for (const auto* counts : {&sent, &activated, &expired})
        if (!*counts)
            return counts->error();
    for (qsizetype w = 0; w < d.weeks.size(); ++w) {
        WeekFigures& week = d.weeks[w];
        week.sent = sent->value(w);
        week.activated = activated->value(w);
        week.expired = expired->value(w);
        d.sent += week.sent;
        d.activated += week.activated;
        d.expired += week.expired;
    }
    auto activation = repo.activationOfSent(from, to);
    if (!activation)
        return activation.error();
    d.activatedOfSent = activation->first;
    d.medianHoursToActivation = activation->second;
    d.activationRate = d.sent > 0 ? double(d.activatedOfSent) / double(d.sent) : 0.0;

    auto requests = repo.requestsByRange(bounds, m_ctx.now());
    if (!requests)
        return requests.error();
    for (qsizetype w = 0; w < d.weeks.size(); ++w) {
        WeekFigures& week = d.weeks[w];
        const RequestCounts c = requests->value(w);
        week.requests = c.received;
        week.requestsMet = c.met;
        week.requestsLate = c.late;
        week.requestsOpen = c.open;
        d.requests += week.requests;
        d.requestsMet += week.requestsMet;
        d.requestsLate += week.requestsLate;
        d.requestsOpen += week.requestsOpen;
    }

    // Patients, not grants: a child with two parents turns 12 once.
    auto in30 = DailyJob(m_ctx).upcomingPatients(30);
    if (!in30)
        return in30.error();
    auto in90 = DailyJob(m_ctx).upcomingPatients(90);
    if (!in90)
        return in90.error();
    d.turning12In30Days = int(in30->first);
    d.turning12In90Days = int(in90->first);
    d.turning18In30Days = int(in30->second);
    d.turning18In90Days = int(in90->second);
    return d;
}

QList<QStringList> ReportService::table(const Dashboard& d) {
    QList<QStringList> rows;
    rows.append({QCoreApplication::translate("Reports", "Week of"),
                 QCoreApplication::translate("Reports", "Sent"),
                 QCoreApplication::translate("Reports", "Activated"),
                 QCoreApplication::translate("Reports", "Expired"),
                 QCoreApplication::translate("Reports", "Requests"),
                 QCoreApplication::translate("Reports", "Met on time"),
                 QCoreApplication::translate("Reports", "Late")});
    for (const WeekFigures& w : d.weeks)
        rows.append({w.weekStart.toString(Qt::ISODate), QString::number(w.sent), QString::number(w.activated),
                     QString::number(w.expired), QString::number(w.requests), QString::number(w.requestsMet),
                     QString::number(w.requestsLate)});
    rows.append({QCoreApplication::translate("Reports", "Total"), QString::number(d.sent),
                 QString::number(d.activated), QString::number(d.expired), QString::number(d.requests),
                 QString::number(d.requestsMet), QString::number(d.requestsLate)});
    return rows;
}

QString ReportService::figuresHtml(const Dashboard& d, const QString& hospitalName) {
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QString h =
        QStringLiteral("<h2>%1</h2><p>%2</p>")
            .arg(esc(QCoreApplication::translate("Reports", "Patient portal access — %1").arg(hospitalName)),
                 esc(QCoreApplication::translate("Reports", "From %1 to %2")
                         .arg(d.from.toString(Qt::ISODate), d.to.toString(Qt::ISODate))));
    const auto line = [&](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
            .arg(esc(label), esc(value));
    };
    h += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    h += line(QCoreApplication::translate("Reports", "Activation rate (of the invitations sent)"),
              percent(d.activationRate));
    h += line(QCoreApplication::translate("Reports", "Median time from sending to activation"),
              hours(d.medianHoursToActivation));
    h += line(QCoreApplication::translate("Reports", "Requests met within their due time"),
              QCoreApplication::translate("Reports", "%1 of %2")
                  .arg(d.requestsMet)
                  .arg(d.requestsMet + d.requestsLate));
    h += line(QCoreApplication::translate("Reports", "Requests still open, not yet due"),
              QString::number(d.requestsOpen));
    h += line(QCoreApplication::translate("Reports", "Turning 12 in the next 30 / 90 days"),
              QStringLiteral("%1 / %2").arg(d.turning12In30Days).arg(d.turning12In90Days));
    h += line(QCoreApplication::translate("Reports", "Turning 18 in the next 30 / 90 days"),
              QStringLiteral("%1 / %2").arg(d.turning18In30Days).arg(d.turning18In90Days));
    h += QStringLiteral("</table>");
    return h;
}

QString ReportService::tableHtml(const Dashboard& d) {
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    // The header row in a <thead>, so that a table longer than a page repeats it on the next.
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
    const QList<QStringList> rows = table(d);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        h += r == 0 ? QStringLiteral("<thead><tr>") : QStringLiteral("<tr>");
        for (const QString& cell : rows.at(r))
            h += (r == 0 ? QStringLiteral("<th>%1</th>") : QStringLiteral("<td align=\"right\">%1</td>"))
                     .arg(esc(cell));
        h += r == 0 ? QStringLiteral("</tr></thead>") : QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    return h;
}

QString ReportService::html(const Dashboard& d, const QString& hospitalName) {
    return figuresHtml(d, hospitalName) + QStringLiteral("<br/>") + tableHtml(d);
}

} // namespace pd
