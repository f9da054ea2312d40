// Setting up and looking after the database: first use, settings, staff, audit (SPEC §6, §7).
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

namespace pd {

struct SettingValue {
    SettingSpec spec;
    QString value;
    bool isDefault = true;
};

class AdminService final {
public:
    explicit AdminService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // Migrates; on a database with no staff the named person becomes its first supervisor. On the central
    // database its owner also records, once, whether it is a training database: only a training database
    // takes a workstation's clock (--now); a live one keeps the server's. A database that already has
    // patients can't become a training one.
    static Status initialize(Database& db, const Clock& clock, const QString& firstSupervisor,
                             bool training = false);

    // The database engine and its version ("SQLite 3.40.1", "PostgreSQL 15.8"), for Help > About.
    Result<QString> engineVersion();

    Result<QList<SettingValue>> settings();
    Result<SettingValue> setting(const QString& key);
    Status setSetting(const QString& key, const QString& value);

    Result<QList<StaffMember>> staff();
    // On the central database `password` (12 characters or more) becomes the new login's; on the embedded
    // file it is a one-time password, changed at the first sign-in (none: a supervisor gives one later).
    Result<StaffMember> addStaff(const QString& name, const QString& displayName, const QString& role,
                                 const QString& password = QString());
    // The embedded file: a one-time password for another staff member, changed at their next sign-in; it
    // also lifts a lock after wrong passwords.
    Status setOneTimePassword(const QString& name, const QString& password);
    Status disableStaff(const QString& name);

    // The hospital's own calendar on top of the federal holidays (supervisors edit it).
    Result<QList<HolidayRow>> holidays();
    Status setHoliday(const QString& day, const QString& name, bool closed);
    Status removeHoliday(const QString& day);

    // Sends a short test message to `to` at once through the hospital's mail transport (supervisors), and
    // says what the server answered. The outbox is not involved: this checks the settings.
    Result<QString> sendTestMessage(const QString& to);

    // Messages waiting in the outbox (pending or being retried).
    Result<int> outboxWaiting();
    // The outbox, newest first, in one status or all; support agents see the recipients masked.
    Result<QList<OutboxMessage>> outbox(const QString& status, int limit);

    // Checks the chain, and against the anchors in `anchorFile` (else the policy's anchor file).
    Result<AuditVerification> verifyAudit(const QString& anchorFile = QString());
    // Writes the audit log's head outside the database: appended to the anchor file (audit.anchor_file,
    // else a file beside the embedded database) and to the system log. Any staff member; the daily job
    // does it after every run.
    struct Anchored {
        AuditAnchor anchor;
        QString file; // empty: the system log only
    };
    Result<Anchored> anchorAudit();
    static Result<Anchored> writeAnchor(const ServiceContext& ctx, const Policy& policy);
    Result<QList<AuditEvent>> auditList(const QString& record, int limit);

private:
    const ServiceContext& m_ctx;
};

// Who is acting: the named staff member, active, from the staff table.
Result<StaffMember> signIn(Database& db, const QString& name);

} // namespace pd
