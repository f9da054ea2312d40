#include "MailPump.h"

#include "MailTransport.h"

namespace pd {

MailPump::MailPump(const DbRunner::Config& config, const StaffMember& staff, QObject* parent)
    : QObject(parent)
    , m_runner(std::make_unique<DbRunner>(config)) {
    m_runner->setStaff(staff);
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &MailPump::runNow);
    m_timer.start();
}

MailPump::~MailPump() = default;

void MailPump::runNow() {
    if (m_running)
        return;
    m_running = true;
    onReady(this, m_runner->run([](const ServiceContext& ctx) -> Result<DispatchReport> {
        auto policy = ctx.policy();
        if (!policy)
            return policy.error();
        auto transport = makeTransport(policy.value(), ctx.db());
        if (!transport)
            return transport.error();
        return MailDispatcher(ctx).dispatch(**transport);
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
