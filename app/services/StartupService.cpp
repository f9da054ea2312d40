#include "services/StartupService.h"

#include "services/AdminService.h"
#include "services/DemoData.h"
#include "services/ServiceContext.h"
#include "store/Database.h"
#include "store/PatientRepository.h"
#include "store/SettingsRepository.h"

#include <QCoreApplication>
#include <QScopeGuard>

namespace pd {

Result<std::unique_ptr<Connection>> StartupService::open(const QString& location, int busyTimeoutMs,
                                                         const QString& password) {
    return Connection::open(location, busyTimeoutMs, password);
}

Result<StartState> StartupService::prepare(Schema schema, const QString& firstSupervisor,
                                           const Progress& progress, bool training) {
    Database& db = m_connection.database();
    db.setUpgradeProgress(progress);
    const auto forget = qScopeGuard([&db] { db.setUpgradeProgress({}); });
    if (schema == Schema::Existing) {
        auto version = db.schemaVersion();
        if (!version)
            return version.error();
        if (version.value() == 0)
            return Error::unavailable(
                QStringLiteral("db.not_initialized"),
                QCoreApplication::translate(
                    "Cli", "The database %1 is not set up yet; run \"portaldesk-cli init\" first.")
                    .arg(db.location()));
    }
    switch (schema) {
    case Schema::Create:
        PD_TRY(AdminService::initialize(db, m_clock, firstSupervisor, training));
        break;
    case Schema::Upgrade:
        PD_TRY(db.migrate());
        break;
    case Schema::Existing:
        PD_TRY(db.migrate()); // for staff on the central database this only checks
        break;
    }
    StartState state;
    state.location = db.location();
    auto version = db.schemaVersion();
    if (!version)
        return version.error();
    state.schemaVersion = version.value();
    if (schema != Schema::Existing || !m_connection.isServer()) {
        auto staff = SettingsRepository(db).staffList();
        if (!staff)
            return staff.error();
        state.hasStaff = !staff->isEmpty();
    }
    return state;
}

Status StartupService::fillDemo(const QString& supervisor, int patients, quint32 seed) {
    Database& db = m_connection.database();
    PD_TRY(AdminService::initialize(db, m_clock, supervisor)); // names the supervisor only when there is none
    auto count = PatientRepository(db).count();
    if (!count)
        return count.error();
    if (count.value() > 0)
        return {};
    auto member = pd::signIn(db, supervisor);
    if (!member)
        return member.error();
    ServiceContext ctx(db, m_clock, member.value(), QStringLiteral("demo"));
    auto report = DemoData::generate(ctx, patients, seed);
    if (!report)
        return report.error();
    return {};
}

Result<std::shared_ptr<const Clock>> StartupService::workingClock(std::shared_ptr<const Clock> requested,
                                                                  bool pinned) {
    if (!m_connection.isServer())
        return requested;
    auto server = SettingsRepository(m_connection.database()).serverClock();
    if (!server)
        return server.error();
    if (server->training)
        return requested;
    if (pinned)
        return Error::notPermitted(
            QStringLiteral("db.clock_is_server"),
            QCoreApplication::translate(
                "Services", "The central database %1 is a live one: its clock is the server's, and a "
                            "workstation can't set another time (--now). Only a training database, set up "
                            "with \"init --training\", takes --now.")
                .arg(m_connection.location()));
    return std::shared_ptr<const Clock>(std::make_shared<OffsetClock>(server->offsetMs));
}

Result<Policy> StartupService::policy() {
    ServiceContext ctx(m_connection.database(), m_clock, StaffMember{}, QString());
    return ctx.policy();
}

Result<SignedIn> StartupService::signIn(const QString& name) {
    auto member = pd::signIn(m_connection.database(), name);
    if (!member)
        return member.error();
    ServiceContext ctx(m_connection.database(), m_clock, member.value(), QString());
    auto policy = ctx.policy();
    if (!policy)
        return policy.error();
    return SignedIn{member.value(), policy.value()};
}

Result<SignedIn> StartupService::signInToDesk(const QString& name) {
    auto in = signIn(name);
    if (!in)
        return in;
    // The service accounts have their own work, and no desk.
    const auto role = roleFromName(in->staff.role);
    if (role && isServiceAccount(*role))
        return Error::notPermitted(QStringLiteral("staff.service_account"),
                                   QCoreApplication::translate("Services", "%1 It can't sign in to the desk.")
                                       .arg(serviceAccountWork(*role, in->staff.name)));
    return in;
}

} // namespace pd
