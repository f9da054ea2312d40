#include "services/StaffPasswords.h"

#include "core/Secrets.h"
#include "services/ServiceContext.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pd {

namespace {

Error noMatch() {
    return Error::notPermitted(
        QStringLiteral("staff.sign_in"),
        QCoreApplication::translate("Services", "That name and password don't match."));
}

// One short transaction of its own: a wrong password is counted even though the sign-in fails.
Status countFailure(Database& db, const ServiceContext& ctx, const StaffMember& member,
                    const SettingsRepository::StaffPassword& stored, const Policy& policy, bool* locked) {
    Transaction tx(db);
    PD_TRY(tx.begin());
    const int failed = stored.failedInARow + 1;
    *locked = failed >= policy.signInAttempts;
    const QDateTime until = *locked ? ctx.now().addSecs(60LL * policy.signInLockMinutes) : QDateTime();
    PD_TRY(SettingsRepository(db).recordSignInFailures(member.name, *locked ? 0 : failed, until));
    PD_TRY(
        ctx.audit(*locked ? QStringLiteral("staff.sign_in_locked") : QStringLiteral("staff.sign_in_failed"),
                  QStringLiteral("staff"), member.id, 0, 0,
                  *locked ? QJsonObject{{QStringLiteral("until"), until.toString(Qt::ISODate)},
                                        {QStringLiteral("attempts"), failed}}
                          : QJsonObject{{QStringLiteral("attempts"), failed}}));
    return tx.commit();
}

Error lockedError(const QDateTime& until, const Policy& policy) {
    return Error::notPermitted(
        QStringLiteral("staff.locked"),
        QCoreApplication::translate("Services",
                                    "Too many wrong passwords: this sign-in is locked until %1. A supervisor "
                                    "can give a new one-time password sooner.")
            .arg(until.toTimeZone(policy.zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

} // namespace

Status checkStaffPassword(const QString& name, const QString& password) {
    const auto problem = [](const QString& why) {
        return Error::validation(QStringLiteral("staff.password"), why);
    };
    if (password.size() < MinStaffPasswordLength)
        return problem(QCoreApplication::translate("Services", "A staff password has at least %1 characters.")
                           .arg(MinStaffPasswordLength));
    if (password.size() > 200)
        return problem(
            QCoreApplication::translate("Services", "A staff password has at most 200 characters."));
    if (!name.isEmpty() && password.contains(name, Qt::CaseInsensitive))
        return problem(
            QCoreApplication::translate("Services", "A staff password can't contain the sign-in name."));
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return problem(QCoreApplication::translate("Services",
                                                       "A staff password can't contain control characters."));
    }
    return {};
}

Result<QString> hashStaffPassword(const QString& name, const QString& password) {
    PD_TRY(checkStaffPassword(name, password));
    QString hash = Secrets::hashPin(password);
    if (hash.isEmpty())
        return Error::internal(QStringLiteral("crypto.failed"),
                               QCoreApplication::translate("Services", "The password could not be hashed."));
    return hash;
}

Result<bool> staffHasPassword(Database& db, const QString& name) {
    auto stored = SettingsRepository(db).staffPassword(name);
    if (!stored)
        return stored.error();
    return stored->has_value() && !(*stored)->hash.isEmpty();
}

Result<PasswordSignIn> signInWithPassword(Database& db, const Clock& clock, const QString& workstation,
                                          const QString& name, const QString& password) {
    SettingsRepository repo(db);
    auto stored = repo.staffPassword(name);
    if (!stored)
        return stored.error();
    if (!stored->has_value()) {
        // The same cost as a real check, so that the time taken doesn't tell which names exist.
        static const QString unused = Secrets::hashPin(QStringLiteral("no staff member has this"));
        (void)Secrets::verifyPin(password, unused);
        return noMatch();
    }
    const SettingsRepository::StaffPassword p = **stored;
    const StaffMember& m = p.member;
    ServiceContext ctx(db, clock, m, workstation);
    auto policy = ctx.policy();
    if (!policy)
        return policy.error();
    if (p.lockedUntil.isValid() && p.lockedUntil > ctx.now())
        return lockedError(p.lockedUntil, policy.value());
    if (p.hash.isEmpty())
        return Error::notPermitted(
            QStringLiteral("staff.no_password"),
            QCoreApplication::translate(
                "Services", "No password is set for %1 yet: a supervisor gives a one-time password "
                            "with \"portaldesk-cli staff password %1\".")
                .arg(m.name));
    if (!Secrets::verifyPin(password, p.hash)) {
        bool locked = false;
        PD_TRY(countFailure(db, ctx, m, p, policy.value(), &locked));
        if (locked)
            return lockedError(ctx.now().addSecs(60LL * policy->signInLockMinutes), policy.value());
        return noMatch();
    }
    if (!m.active)
        return Error::notPermitted(
            QStringLiteral("staff.disabled"),
            QCoreApplication::translate("Services", "%1's access was disabled.").arg(m.name));
    if (p.failedInARow > 0 || p.lockedUntil.isValid()) {
        Transaction tx(db);
        PD_TRY(tx.begin());
        PD_TRY(repo.recordSignInFailures(m.name, 0, QDateTime()));
        PD_TRY(tx.commit());
    }
    return PasswordSignIn{m, p.mustChange};
}

Status setFirstPassword(Database& db, const Clock& clock, const QString& workstation, const QString& name,
                        const QString& password) {
    auto hash = hashStaffPassword(name, password);
    if (!hash)
        return hash.error();
    SettingsRepository repo(db);
    Transaction tx(db);
    PD_TRY(tx.begin());
    auto stored = repo.staffPassword(name);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return noMatch();
    if (!(*stored)->hash.isEmpty())
        return Error::conflict(
            QStringLiteral("staff.password_set"),
            QCoreApplication::translate("Services", "%1 already has a password.").arg(name));
    PD_TRY(repo.setStaffPassword(name, hash.value(), false));
    ServiceContext ctx(db, clock, (*stored)->member, workstation);
    PD_TRY(ctx.audit(QStringLiteral("staff.password_changed"), QStringLiteral("staff"), (*stored)->member.id,
                     0, 0, {{QStringLiteral("first"), true}}));
    return tx.commit();
}

Status changeOwnPassword(Database& db, const Clock& clock, const QString& workstation, const QString& name,
                         const QString& current, const QString& next) {
    auto in = signInWithPassword(db, clock, workstation, name, current);
    if (!in)
        return in.error();
    if (next == current)
        return Error::validation(
            QStringLiteral("staff.password"),
            QCoreApplication::translate("Services", "Choose a password other than the current one."));
    auto hash = hashStaffPassword(name, next);
    if (!hash)
        return hash.error();
    Transaction tx(db);
    PD_TRY(tx.begin());
    PD_TRY(SettingsRepository(db).setStaffPassword(name, hash.value(), false));
    ServiceContext ctx(db, clock, in->staff, workstation);
    PD_TRY(
        ctx.audit(QStringLiteral("staff.password_changed"), QStringLiteral("staff"), in->staff.id, 0, 0, {}));
    return tx.commit();
}

} // namespace pd
