// The daily run: expire invitations, end grants at 12 and 18, warn families 30 days ahead, mark late
// invitations, then send mail. Idempotent, and it catches up on days it missed (SPEC §3, §4).
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

#include <functional>
#include <limits>
#include <memory>

namespace pd {

class InvitationRepository;
class MailTransport;

struct UpcomingTransition {
    QDate date;
    int age = 0; // 12 or 18
    Patient patient;
    PortalUser user;
    Grant grant;
    bool noticeQueued = false;
};

struct DailyReport {
    int invitationsExpired = 0;
    int grantsEnded = 0;
    int usersTerminated = 0;
    int noticesQueued = 0;
    int consentsExpired = 0;        // adults' proxy consents whose day came (their grants ended)
    int consentRemindersQueued = 0; // patients reminded that a proxy consent ends soon
    int invitationsMarkedLate = 0;
    int mailSent = 0;
    int mailRetrying = 0;
    int mailFailed = 0;
    // On the central database the mail service sends; the daily run only queues.
    bool mailByService = false;
    // The audit log's head, written outside the database at the end of the run.
    qint64 anchoredEventId = 0;
    QString anchorFile;  // empty: the system log only
    QString anchorError; // why it could not be written, when it could not
};

struct DispatchReport {
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    QStringList errors;
};

// The transport the hospital's settings name: the file drop (next to the database unless a folder is set).
Result<std::unique_ptr<MailTransport>> makeTransport(const Policy& policy, const Database& db);
// The same for the settings as stored now.
Result<std::unique_ptr<MailTransport>> configuredTransport(const ServiceContext& ctx);
// Where the file transport writes.
QString mailDropFolder(const Policy& policy, const Database& db);
QString mailDropFolder(const ServiceContext& ctx, const Policy& policy);

// Ends the grants among `candidates` whose 12th or 18th birthday has come, and terminates logins left with no
// grant, inside the caller's transaction. Returns (grants ended, logins terminated). The nightly run ends a
// grant on the birthday itself; a `cause` (a birth-date correction, say) ends it now, and is written into
// each audit event.
Result<QPair<int, int>> applyTransitions(const ServiceContext& ctx, const Policy& policy,
                                         const QList<GrantWithBirthDate>& candidates,
                                         const QJsonObject& cause = {});

// Terminates each of these logins that is left with no open grant (its live invitation revoked), inside
// the caller's transaction, and returns the ones it terminated. No mail goes out.
Result<QList<qint64>> terminateLoginsWithoutGrant(const ServiceContext& ctx, QList<qint64> portalUserIds);

class DailyJob final {
public:
    explicit DailyJob(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // Each step commits on its own: a crash between steps leaves finished steps done and the rest
    // for the next run. `transport` may be null to leave mail in the outbox.
    Result<DailyReport> run(MailTransport* transport);
    // The same, sending through the transport the hospital's settings name.
    Result<DailyReport> run();
    Result<int> expireInvitations();
    Result<QPair<int, int>> runTransitions(); // grants ended, logins terminated
    Result<int> queueTransitionNotices();
    Result<int> markLateInvitations();
    Result<QPair<int, int>> runConsentExpiry(); // (grants ended, reminders queued)
    // Birthdays in the next `days` days that end a grant, by day: a page, how many in all, and how many
    // patients turn 12 and turn 18 (a child with two parents counts once).
    Result<QList<UpcomingTransition>> upcoming(int days, int limit = 200, int offset = 0);
    Result<qint64> upcomingCount(int days);
    Result<QPair<qint64, qint64>> upcomingPatients(int days);

    // Told after each batch of a step: the step's name and how many it has done so far.
    using Progress = std::function<void(const QString& step, int done)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Rows per transaction. On the central database few enough that another workstation's write waits a
    // few milliseconds at most; on the embedded one, where each commit waits for the disk and one
    // workstation writes, more.
    int batchSize() const;
    static constexpr int CentralBatch = 25;
    static constexpr int EmbeddedBatch = 250;
    // Expiries and late marks change a batch in one statement and audit it in one more, so a batch of
    // them holds the writer no longer than a few rows worked one by one.
    int sweepBatchSize() const;
    static constexpr int CentralSweepBatch = 200;
    static constexpr int EmbeddedSweepBatch = 500;
    void setSweepBatchSize(int rows) { m_sweepBatch = rows; } // 0: the database's default above

private:
    // Changes a batch of at most `size` invitations in the database and returns them as they now are.
    using InvitationSweep = std::function<Result<QList<Invitation>>(InvitationRepository&, int size)>;
    // Names an invitation's audit event and its details.
    using InvitationEvent = std::function<QPair<QString, QJsonObject>(const Invitation&)>;
    // Runs `batch` in a transaction of its own until it reads fewer rows than `size`; `batch` returns
    // how many rows it read and how many of them it counts as done.
    Result<int> inBatches(const QString& step, int size,
                          const std::function<Result<QPair<int, int>>()>& batch);
    // Runs `sweep` a batch per transaction, with an audit event for each invitation it changed, until a
    // batch is short.
    // `serverStep` names the same sweep to the central database's invitations_sweep(), which changes the
    // rows and writes their events itself.
    Result<int> sweepInvitations(const QString& step, const QString& serverStep, const InvitationSweep& sweep,
                                 const InvitationEvent& event);
    void progress(const QString& step, int done) const;

    const ServiceContext& m_ctx;
    Progress m_progress;
    int m_sweepBatch = 0;
};

class MailDispatcher final {
public:
    explicit MailDispatcher(const ServiceContext& ctx)
        : m_ctx(ctx) {}
    // Sends what is due in the outbox, all of it unless `limit` says fewer, no faster than the setting
    // mail.max_per_minute allows: a failure worth retrying waits (1, 5, 15, 60 minutes, then hourly for a
    // day); a permanent refusal marks the message failed and its invitation delivery_failed.
    Result<DispatchReport> dispatch(MailTransport& transport, int limit = AllDue);
    // The same through the transport the hospital's settings name.
    Result<DispatchReport> send(int limit = AllDue);
    // Whether this context may send: on the central database only the mail service's account does; on the
    // embedded file any staff member's desktop does ("role.required" otherwise).
    static Status mayDispatch(const ServiceContext& ctx);

    static constexpr int AllDue = std::numeric_limits<int>::max();

private:
    const ServiceContext& m_ctx;
};

} // namespace pd
