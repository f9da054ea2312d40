#include "models/MailPump.h"

namespace pd {

MailPump::MailPump(const DbRunner::Config& config, const StaffMember& staff, QObject* parent)
    : QObject(parent)
    , m_runner(std::make_unique<DbRunner>(config)) {
    m_runner->setStaff(staff);
    // On the central database the mail service sends; a desktop only queues.
    m_enabled = !isServerLocation(config.location);
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &MailPump::runNow);
    m_timer.start();
}

MailPump::~MailPump() {
    // A round may be waiting on a slow mail server: the runner finishes it on its own thread and then
    // deletes itself, so closing the window never waits for the server.
    m_runner.release()->shutdownLater();
}

void MailPump::runNow() {
    if (m_running || !m_enabled)
        return;
    m_running = true;
    onReady(this, m_runner->run([](const ServiceContext& ctx) -> Result<DispatchReport> {
        // A round a minute, each of a few hundred messages, so signing out never waits on a long one.
        return MailDispatcher(ctx).send(500);
    }),
            [this](const Result<DispatchReport>& report) {
                m_running = false;
                if (report)
                    emit finished(report.value());
                else
                    emit failed(report.error().message);
            });
}

} // namespace pd
