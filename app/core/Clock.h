// The only source of "now": injected everywhere so rules can be run for any instant.
#pragma once

#include <QDateTime>

namespace pd {

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime nowUtc)
        : m_now(nowUtc.toUTC()) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& nowUtc) { m_now = nowUtc.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace pd
