// The HIM leads' dashboard: invitations sent, activated and expired per week (weeks start on Monday in
// the hospital's zone), the activation rate and the median time to activation, requests met within
// their due time (per week received, and in all), and the age transitions coming.
#pragma once

#include "services/ServiceContext.h"

namespace pd {

struct WeekFigures {
    QDate weekStart; // a Monday
    int sent = 0;
    int activated = 0;
    int expired = 0;
    // The requests received in the week, and how they stand now (as the dashboard's totals count them).
    int requests = 0;
    int requestsMet = 0;
    int requestsLate = 0;
    int requestsOpen = 0;
};

struct Dashboard {
    QDate from; // the first Monday counted
    QDate to;   // today, in the hospital's zone
    QList<WeekFigures> weeks;
    int sent = 0;
    int activated = 0;
    int expired = 0;
    int activatedOfSent = 0;             // of the invitations sent in the period, how many were activated
    double activationRate = 0;           // activatedOfSent / sent (0 when none were sent)
    double medianHoursToActivation = -1; // -1 when none was activated
    // The sums of the weeks' figures.
    int requests = 0;     // received in the period
    int requestsMet = 0;  // resolved by their due time
    int requestsLate = 0; // resolved late, or open past their due time
    int requestsOpen = 0; // open and not yet due
    int turning12In30Days = 0;
    int turning18In30Days = 0;
    int turning12In90Days = 0;
    int turning18In90Days = 0;
};

class ReportService final {
public:
    explicit ReportService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // The last `weeks` weeks, this one included (1–104).
    Result<Dashboard> dashboard(int weeks = 12);

    // The weekly table with a totals row (the first row is the header), and the whole dashboard as HTML
    // for printing; in the language installed now.
    static QList<QStringList> table(const Dashboard& d);
    static QString html(const Dashboard& d, const QString& hospitalName);
    // The heading and figures alone (the desk shows the weekly table beside them), and the weekly table
    // alone (the printed report puts its charts between the two).
    static QString figuresHtml(const Dashboard& d, const QString& hospitalName);
    static QString tableHtml(const Dashboard& d);

private:
    const ServiceContext& m_ctx;
};

} // namespace pd
