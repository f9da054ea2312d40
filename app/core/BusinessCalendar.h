// Business days and HIM hours in the hospital's zone, with US federal holidays by rule (SPEC §5).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace pd {

struct Holiday {
    QDate date;   // the day the hospital is closed (the observed day)
    QDate actual; // the holiday's own date (differs when observed on a Friday or Monday)
    QString name; // English name, e.g. "Thanksgiving Day"
};

class BusinessCalendar {
public:
    BusinessCalendar(QTimeZone zone, QTime open = QTime(7, 0), QTime close = QTime(16, 0));

    // The eleven US federal holidays of `year` with observed days (Saturday → Friday, Sunday → Monday).
    static QList<Holiday> federalHolidays(int year);

    // The hospital's own table: extra closed days, and days open despite a federal holiday.
    void addClosedDay(QDate date);
    void addOpenDay(QDate date);

    const QTimeZone& zone() const { return m_zone; }
    QTime openTime() const { return m_open; }
    QTime closeTime() const { return m_close; }

    bool isHoliday(QDate date) const;
    bool isBusinessDay(QDate date) const;    // Mon–Fri and not a holiday
    QDate nextBusinessDay(QDate date) const; // strictly after `date`

    // When work received at `received` must be done: `businessDays` days of HIM hours counted from
    // the moment it arrives, or from the next opening when it arrives outside HIM hours. The result
    // is an instant in UTC; e.g. Monday 10:00 → Wednesday 10:00, Friday 16:30 → Tuesday 16:00.
    QDateTime dueAt(const QDateTime& received, int businessDays) const;

private:
    QTimeZone m_zone;
    QTime m_open;
    QTime m_close;
    QSet<QDate> m_closed;
    QSet<QDate> m_open_days;
};

} // namespace pd
