// Synthetic Los Angeles families for demos and training: every bracket, patients about to turn 12 and 18,
// and invitations in every state, made by running the real services on a moving clock.
#pragma once

#include "services/ServiceContext.h"

namespace pd {

struct DemoReport {
    int patients = 0;
    int logins = 0;
    int invitations = 0;
    QStringList staff;
};

namespace DemoData {
Result<DemoReport> generate(const ServiceContext& ctx, int patients, quint32 seed);
// The activation token inside a queued message (the portal would read it from the e-mail).
QString tokenFromOutbox(Database& db, qint64 outboxId);
} // namespace DemoData

} // namespace pd
