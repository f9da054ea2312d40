// Sends the outbox in the background while the desktop runs on the embedded file: every minute, and soon
// after a change queued mail. It has its own worker thread and connection, so a slow mail server never
// delays the pages. On the central database it does nothing: the mail service sends there.
#pragma once

#include "models/DbRunner.h"
#include "services/DailyJob.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace pd {

class MailPump final : public QObject {
    Q_OBJECT

public:
    // Uses the same database, clock and workstation as `runner`, acting as `staff`.
    MailPump(const DbRunner::Config& config, const StaffMember& staff, QObject* parent = nullptr);
    // Returns at once, even while a round is still talking to the mail server (it finishes on its own).
    ~MailPump() override;

    // Sends what is due now (unless a round is already running).
    void runNow();
    bool isRunning() const { return m_running; }
    bool isEnabled() const { return m_enabled; }
    void setIntervalMs(int ms) { m_timer.setInterval(ms); }
    DbRunner& runner() { return *m_runner; }

signals:
    void finished(const pd::DispatchReport& report);
    void failed(const QString& message);

private:
    std::unique_ptr<DbRunner> m_runner;
    QTimer m_timer;
    bool m_enabled = true;
    bool m_running = false;
};

} // namespace pd
