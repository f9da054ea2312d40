// How both programs begin on a database: open it, bring its schema up (or check it), fill a demo, sign
// the staff member in and read the hospital's policy. The desktop and the CLI take these same steps.
#pragma once

#include "core/Clock.h"
#include "core/Policy.h"
#include "core/Records.h"
#include "core/Result.h"
#include "services/Connection.h"

#include <functional>
#include <memory>

namespace pd {

struct SignedIn {
    StaffMember staff;
    Policy policy;
    bool mustChangePassword = false; // the embedded file: a one-time password was used
};

struct StartState {
    QString location;      // the file, or the server's address without a password
    int schemaVersion = 0; // after preparing
    bool hasStaff = true;  // false: a new database; the first to sign in becomes its supervisor
};

class StartupService final {
public:
    enum class Schema {
        Create,   // "init": create or migrate; with no staff yet, `firstSupervisor` becomes the first
        Upgrade,  // the desktop on the embedded file: create or migrate; the first sign-in names the
                  // supervisor
        Existing, // everything else: the database must be set up already; on the central database staff
                  // logins only check that the schema is current (its owner upgrades it)
    };

    StartupService(Connection& connection, const Clock& clock)
        : m_connection(connection)
        , m_clock(clock) {}

    // Opens the database; see Connection::open.
    static Result<std::unique_ptr<Connection>> open(const QString& location, int busyTimeoutMs = 10000,
                                                    const QString& password = QString());

    // `progress` hears how far an upgrade's refill of the search index has got (done, of about total).
    using Progress = std::function<void(qint64 done, qint64 total)>;
    // `training` (Create, on the central database) marks a new database as a training one.
    Result<StartState> prepare(Schema schema, const QString& firstSupervisor = QString(),
                               const Progress& progress = {}, bool training = false);
    // The clock to work by. The embedded file and a training database take `requested` (the system clock,
    // or a --now when `pinned`). A live central database has one clock, the server's: a pinned one is
    // refused, and the server's is returned.
    Result<std::shared_ptr<const Clock>> workingClock(std::shared_ptr<const Clock> requested, bool pinned);
    // Fills an empty database with synthetic families, making `supervisor` its first supervisor when it
    // has no staff yet. A database that already has patients is left alone.
    Status fillDemo(const QString& supervisor, int patients, quint32 seed);
    // The hospital's settings as stored (defaults for those never set); nobody needs to be signed in.
    Result<Policy> policy();
    // The named staff member, active (on the central database: the login this connection is), and the
    // policy they work under.
    Result<SignedIn> signIn(const QString& name);
    // The same for the desktop, which the EHR feed's service account may not use.
    Result<SignedIn> signInToDesk(const QString& name);

private:
    Connection& m_connection;
    const Clock& m_clock;
};

} // namespace pd
