// Watches the whole application for keyboard and mouse use and asks for the lock screen after the
// hospital's idle time (setting security.idle_lock_minutes).
#pragma once

#include <QObject>
#include <QTimer>

namespace pd {

class IdleLock final : public QObject {
    Q_OBJECT

public:
    explicit IdleLock(int minutes, QObject* parent = nullptr);
    ~IdleLock() override;

    void setIntervalMs(int ms); // tests use milliseconds
    int intervalMs() const { return m_timer.interval(); }
    // While locked nothing counts as activity.
    void setActive(bool active);

signals:
    void lockRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    bool m_active = true;
};

} // namespace pd
