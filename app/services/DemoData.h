// Synthetic Los Angeles families for demos and training: every bracket, patients about to turn 12 and 18,
// and invitations in every state, made by running the real services on a moving clock.
#pragma once

#include "services/ServiceContext.h"

#include <functional>

namespace pd {

struct DemoReport {
    int patients = 0;
    int logins = 0;
    int invitations = 0;
    QStringList staff;
};

namespace DemoData {
// The first `families` patients come with their families, enrolled through the desk's own steps (a PIN
// hash each); any beyond are patients the EHR registered who have no portal login yet, written a hundred
// at a time, so a hospital's size is made in minutes. `progress` hears how many patients are done.
constexpr int FamiliesAtMost = 5000;
using Progress = std::function<void(qint64 done, qint64 total)>;
Result<DemoReport> generate(const ServiceContext& ctx, int patients, quint32 seed,
                            const Progress& progress = {}, int families = FamiliesAtMost);
// The activation token inside a queued message (the portal would read it from the e-mail).
QString tokenFromOutbox(Database& db, qint64 outboxId);
} // namespace DemoData

} // namespace pd
