#include "core/BusinessCalendar.h"

#include <utility>

namespace pd {

namespace {

// The n-th (1-based) `weekday` (Qt::DayOfWeek, 1 = Monday) of a month.
QDate nthWeekday(int year, int month, int weekday, int n) {
    const QDate first(year, month, 1);
    const int offset = (weekday - first.dayOfWeek() + 7) % 7;
    return first.addDays(offset + 7 * (n - 1));
}

QDate lastWeekday(int year, int month, int weekday) {
    const QDate last = QDate(year, month, 1).addMonths(1).addDays(-1);
    const int offset = (last.dayOfWeek() - weekday + 7) % 7;
    return last.addDays(-offset);
}

QDate observed(QDate actual) {
    switch (actual.dayOfWeek()) {
    case Qt::Saturday:
        return actual.addDays(-1);
    case Qt::Sunday:
        return actual.addDays(1);
    default:
        return actual;
    }
}

bool isWeekend(QDate date) {
    return date.dayOfWeek() == Qt::Saturday || date.dayOfWeek() == Qt::Sunday;
}

} // namespace

BusinessCalendar::BusinessCalendar(QTimeZone zone, QTime open, QTime close)
    : m_zone(std::move(zone))
    , m_open(open)
    , m_close(close) {}

QList<Holiday> BusinessCalendar::federalHolidays(int year) {
    const std::pair<QDate, const char*> rules[] = {
        {QDate(year, 1, 1), "New Year's Day"},
        {nthWeekday(year, 1, Qt::Monday, 3), "Martin Luther King Jr. Day"},
        {nthWeekday(year, 2, Qt::Monday, 3), "Washington's Birthday"},
        {lastWeekday(year, 5, Qt::Monday), "Memorial Day"},
        {QDate(year, 6, 19), "Juneteenth National Independence Day"},
        {QDate(year, 7, 4), "Independence Day"},
        {nthWeekday(year, 9, Qt::Monday, 1), "Labor Day"},
        {nthWeekday(year, 10, Qt::Monday, 2), "Columbus Day"},
        {QDate(year, 11, 11), "Veterans Day"},
        {nthWeekday(year, 11, Qt::Thursday, 4), "Thanksgiving Day"},
        {QDate(year, 12, 25), "Christmas Day"},
    };
    QList<Holiday> holidays;
    holidays.reserve(std::size(rules));
    for (const auto& [actual, name] : rules)
        holidays.append(Holiday{observed(actual), actual, QString::fromLatin1(name)});
    return holidays;
}

void BusinessCalendar::addClosedDay(QDate date) {
    // The latest edit to the hospital's table wins, whichever list the day was on before.
    m_open_days.remove(date);
    m_closed.insert(date);
}

void BusinessCalendar::addOpenDay(QDate date) {
    m_closed.remove(date);
    m_open_days.insert(date);
}

bool BusinessCalendar::isHoliday(QDate date) const {
    if (!date.isValid() || m_open_days.contains(date))
        return false;
    if (m_closed.contains(date))
        return true;
    // Next year's list too: New Year's Day on a Saturday is observed on 31 December.
    for (const int year : {date.year(), date.year() + 1}) {
        for (const Holiday& h : federalHolidays(year)) {
            if (h.date == date)
                return true;
        }
    }
    return false;
}

bool BusinessCalendar::isBusinessDay(QDate date) const {
    return date.isValid() && !isWeekend(date) && !isHoliday(date);
}

QDate BusinessCalendar::nextBusinessDay(QDate date) const {
    if (!date.isValid())
        return {};
    // A closed-day table can't hold a year of consecutive closures; the bound only guards a corrupt one.
    QDate d = date.addDays(1);
    for (int i = 0; i < 366 && !isBusinessDay(d); ++i)
        d = d.addDays(1);
    return d;
}

QDateTime BusinessCalendar::dueAt(const QDateTime& received, int businessDays) const {
    if (!received.isValid() || !m_zone.isValid())
        return {};

    const QDateTime local = received.toTimeZone(m_zone);
    QDate day = local.date();
    QTime time = local.time();
    if (!isBusinessDay(day) || time >= m_close) {
        day = nextBusinessDay(day);
        time = m_open;
    } else if (time < m_open) {
        time = m_open;
    }

    if (businessDays <= 0)
        return QDateTime(day, time, m_zone).toUTC();

    // N days of HIM hours from the opening bell run to the N-th day's close (counting the start day),
    // which is the same instant of HIM time as the next morning's opening but the one staff expect.
    if (time == m_open) {
        for (int i = 1; i < businessDays; ++i)
            day = nextBusinessDay(day);
        return QDateTime(day, m_close, m_zone).toUTC();
    }
    for (int i = 0; i < businessDays; ++i)
        day = nextBusinessDay(day);
    return QDateTime(day, time, m_zone).toUTC();
}

} // namespace pd
