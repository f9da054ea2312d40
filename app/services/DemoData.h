// Synthetic Los Angeles families for demos and training: every bracket, patients about to turn 12 and 18,
// and invitations in every state, made by running the real services on a moving clock.
#pragma once

#include "services/ServiceContext.h"

#include <functional>
#include <memory>

namespace pd {

// The demo staff's password (the embedded file's desktop asks for one). Published in the README: demo
// databases only.
inline QString demoPassword() {
    return QStringLiteral("portal-desk-demo");
}

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
} // namespace DemoData

// The demo families' mailboxes: what the outbox sends through them is accepted at once and kept, and the
// portal's side reads the activation link from it, as a family would from the e-mail. Also for tests.
class DemoMailboxes final {
public:
    DemoMailboxes();
    ~DemoMailboxes();
    DemoMailboxes(const DemoMailboxes&) = delete;
    DemoMailboxes& operator=(const DemoMailboxes&) = delete;

    // Sends everything due in the outbox into the mailboxes, as `ctx` (the invitations among it become
    // sent), and returns the activation token in outbox message `outboxId` (empty when it has none).
    QString deliverAndReadToken(const ServiceContext& ctx, qint64 outboxId);
    // Everything delivered so far, in order.
    int delivered() const;

private:
    struct Box;
    std::unique_ptr<Box> m_box;
};

} // namespace pd
