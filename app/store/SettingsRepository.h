// Hospital settings, staff members and the hospital's holiday table.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <QHash>
#include <optional>

namespace pd {

class SettingsRepository final {
public:
    explicit SettingsRepository(Database& db)
        : m_db(db) {}

    Result<QHash<QString, QString>> all();
    Status set(const QString& key, const QString& value, const QDateTime& at, const QString& by);

    Result<std::optional<StaffMember>> staff(const QString& name);
    Result<QList<StaffMember>> staffList();
    Result<qint64> addStaff(const StaffMember& member, const QDateTime& at);
    Status setStaffActive(const QString& name, bool active);

    // The embedded file only: each staff member's password (a scrypt hash), whether it is a one-time
    // password to change at the next sign-in, and the run of wrong passwords that locks the sign-in.
    struct StaffPassword {
        StaffMember member;
        QString hash; // empty: none set yet
        bool mustChange = false;
        int failedInARow = 0;
        QDateTime lockedUntil; // invalid: not locked
    };
    // The staff member with their password's state; none for an unknown name.
    Result<std::optional<StaffPassword>> staffPassword(const QString& name);
    // Sets the hash and clears any lock and run of failures.
    Status setStaffPassword(const QString& name, const QString& hash, bool mustChange);
    Status recordSignInFailures(const QString& name, int failedInARow, const QDateTime& lockedUntil);

    // The central database only: staff sign in as database logins of their own, members of the group
    // role for their staff role; supervisors make and end them through functions the schema owns.
    // `verifier` is the password's SCRAM-SHA-256 verifier (Secrets::scramVerifier), never the password.
    Status addServerLogin(const QString& name, const QString& role, const QString& verifier);
    Status disableServerLogin(const QString& name);
    // Whether this connection's login owns the schema (the database's own administrator, setting up).
    Result<bool> signedInAsOwner();
    // The staff role the server gives this connection's login ("" when it is in no PortalDesk group).
    Result<QString> serverRole();

    // The central database's clock and whether it is a training database (whose "now" the workstation
    // may set). The server's time comes with the local one read halfway through the round trip.
    struct ServerClock {
        bool training = false;
        bool marked = false; // whether init has recorded live or training at all
        qint64 offsetMs = 0; // server minus this machine
    };
    Result<ServerClock> serverClock();
    // Records, once, whether this database is for training; the owner's `init` only.
    Status markDeployment(bool training, const QDateTime& at, const QString& by);

    Result<QList<HolidayRow>> holidays();
    // Adds or replaces the row for `row.day`.
    Status setHoliday(const HolidayRow& row);
    // Whether a row was there to remove.
    Result<bool> removeHoliday(QDate day);

private:
    Database& m_db;
};

} // namespace pd
