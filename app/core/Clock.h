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

// Another machine's clock, as this one reads it: the central database's, from the offset measured when
// connecting (the round trip's half is the error, milliseconds on a hospital's network).
class OffsetClock final : public Clock {
public:
    explicit OffsetClock(qint64 offsetMs)
        : m_offsetMs(offsetMs) {}
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs); }
    qint64 offsetMs() const { return m_offsetMs; }

private:
    qint64 m_offsetMs;
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
