// audit, settings, staff, demo-data.
#include "cli/CliContext.h"
#include "cli/ProgressLine.h"

#include "core/Secrets.h"
#include "services/AdminService.h"
#include "services/DailyJob.h"
#include "services/DemoData.h"
#include "services/StaffPasswords.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace pd::CliCommands {

namespace {

// A password is asked at a terminal, or read from standard input with --password-stdin: a script that
// gives neither is never left waiting.
bool passwordGiven(const CliContext& c) {
    return stdinIsTerminal() || c.args.flags.contains(QStringLiteral("password-stdin"));
}

} // namespace

Status auditVerify(CliContext& c) {
    auto v = AdminService(*c.services).verifyAudit(c.args.option(QStringLiteral("anchors")));
    if (!v)
        return v.error();
    c.json = QJsonObject{{QStringLiteral("intact"), v->intact},
                         {QStringLiteral("checked"), v->checked},
                         {QStringLiteral("anchors_checked"), v->anchorsChecked},
                         {QStringLiteral("anchor_file"), v->anchorFile},
                         {QStringLiteral("bad_event"), v->intact ? QJsonValue() : QJsonValue(v->badEventId)},
                         {QStringLiteral("problem"), v->intact ? QJsonValue() : QJsonValue(v->problem)}};
    if (v->intact) {
        c.line(QCoreApplication::translate("Cli", "Audit log intact: %n event(s) verified.", nullptr,
                                           v->checked));
        c.line(v->anchorFile.isEmpty()
                   ? QCoreApplication::translate("Cli", "No anchor file is set: only the chain itself was "
                                                        "checked (set audit.anchor_file).")
                   : QCoreApplication::translate("Cli", "Checked against %n anchor(s) in %1.", nullptr,
                                                 v->anchorsChecked)
                         .arg(v->anchorFile));
        return {};
    }
    c.line(QCoreApplication::translate("Cli", "Audit log NOT intact: event %1: %2.")
               .arg(v->badEventId)
               .arg(v->problem));
    return Error::validation(
        QStringLiteral("audit.tampered"),
        QCoreApplication::translate("Cli", "The audit log does not verify at event %1: %2.")
            .arg(v->badEventId)
            .arg(v->problem));
}

Status auditAnchor(CliContext& c) {
    auto a = AdminService(*c.services).anchorAudit();
    if (!a)
        return a.error();
    c.json = QJsonObject{{QStringLiteral("id"), a->anchor.id},
                         {QStringLiteral("hash"), a->anchor.hash},
                         {QStringLiteral("at"), CliJson::time(a->anchor.at)},
                         {QStringLiteral("file"), a->file}};
    c.line(a->file.isEmpty()
               ? QCoreApplication::translate("Cli", "Audit log anchored at event %1 (system log).")
                     .arg(a->anchor.id)
               : QCoreApplication::translate("Cli", "Audit log anchored at event %1 (system log and %2).")
                     .arg(a->anchor.id)
                     .arg(a->file));
    return {};
}

Status auditList(CliContext& c) {
    bool ok = true;
    const int limit =
        c.args.has(QStringLiteral("limit")) ? c.args.option(QStringLiteral("limit")).toInt(&ok) : 100;
    if (!ok || limit < 1 || limit > 10000)
        return Error::validation(
            QStringLiteral("input.limit"),
            QCoreApplication::translate("Cli", "--limit must be a whole number from 1 to 10000."));
    auto list = AdminService(*c.services).auditList(c.args.option(QStringLiteral("record")), limit);
    if (!list)
        return list.error();
    QJsonArray rows;
    for (const AuditEvent& e : list.value()) {
        rows.append(CliJson::audit(e));
        c.line(QStringLiteral("%1  %2  %3  %4  %5:%6  %7")
                   .arg(e.id, 6)
                   .arg(c.local(e.at), e.staff, e.action, e.recordType, e.recordId, e.details));
    }
    c.json.insert(QStringLiteral("events"), rows);
    return {};
}

Status settingsList(CliContext& c) {
    auto list = AdminService(*c.services).settings();
    if (!list)
        return list.error();
    QJsonArray rows;
    for (const SettingValue& v : list.value()) {
        QString value = v.value;
        if (v.spec.key == QLatin1String("mail.drop_folder") && value.isEmpty())
            value = mailDropFolder(*c.services, c.policy);
        rows.append(QJsonObject{{QStringLiteral("key"), v.spec.key},
                                {QStringLiteral("value"), value},
                                {QStringLiteral("default"), v.isDefault},
                                {QStringLiteral("description"), v.spec.description}});
        c.line(QStringLiteral("%1 = %2%3")
                   .arg(v.spec.key, value,
                        v.isDefault ? QCoreApplication::translate("Cli", "  (default)") : QString()));
        c.line(QStringLiteral("    ") + v.spec.description);
    }
    c.json.insert(QStringLiteral("settings"), rows);
    return {};
}

Status settingsGet(CliContext& c) {
    auto v = AdminService(*c.services).setting(c.args.word(0));
    if (!v)
        return v.error();
    QString value = v->value;
    if (v->spec.key == QLatin1String("mail.drop_folder") && value.isEmpty())
        value = mailDropFolder(*c.services, c.policy);
    c.json = QJsonObject{{QStringLiteral("key"), v->spec.key}, {QStringLiteral("value"), value}};
    c.line(value);
    return {};
}

Status settingsSet(CliContext& c) {
    PD_TRY(AdminService(*c.services).setSetting(c.args.word(0), c.args.word(1)));
    c.json = QJsonObject{{QStringLiteral("key"), c.args.word(0)}, {QStringLiteral("value"), c.args.word(1)}};
    c.line(QCoreApplication::translate("Cli", "%1 is now %2.").arg(c.args.word(0), c.args.word(1)));
    return {};
}

Status staffAdd(CliContext& c) {
    if (!c.args.has(QStringLiteral("role")))
        return Error::validation(QStringLiteral("input.missing"),
                                 QCoreApplication::translate("Cli", "staff add needs --role."));
    // The central database signs each staff member in with a password of their own, read like a PIN; on
    // the embedded file it is a one-time password for the desktop, changed at the first sign-in (none
    // given: a supervisor gives one later with "staff password").
    QString password;
    if (c.connection->isServer() || passwordGiven(c))
        password =
            readPin(c.connection->isServer()
                        ? QCoreApplication::translate("Cli", "Password for %1 (12 characters or more): ")
                              .arg(c.args.word(0))
                        : QCoreApplication::translate(
                              "Cli", "One-time password for %1's first sign-in (12 characters or "
                                     "more; Enter for none yet): ")
                              .arg(c.args.word(0)));
    auto m = AdminService(*c.services)
                 .addStaff(c.args.word(0), c.args.option(QStringLiteral("display-name")),
                           c.args.option(QStringLiteral("role")), password);
    Secrets::wipe(password);
    if (!m)
        return m.error();
    c.json = QJsonObject{{QStringLiteral("name"), m->name}, {QStringLiteral("role"), m->role}};
    c.line(QCoreApplication::translate("Cli", "Added %1 as %2.").arg(m->name, m->role));
    return {};
}

Status firstSupervisorPassword(CliContext& c) {
    const StaffMember& staff = c.services->staff();
    if (c.connection->isServer() || roleFromName(staff.role) != Role::Supervisor)
        return {};
    auto has = staffHasPassword(c.connection->database(), staff.name);
    if (!has)
        return has.error();
    if (has.value())
        return {};
    QString password;
    if (passwordGiven(c))
        password =
            readPin(QCoreApplication::translate("Cli", "Choose %1's password for the desktop (12 characters "
                                                       "or more; Enter to set it later): ")
                        .arg(staff.name));
    c.json.insert(QStringLiteral("password_set"), !password.isEmpty());
    if (password.isEmpty()) {
        c.line(QCoreApplication::translate(
                   "Cli", "%1 has no password yet, so can't sign in to the desktop: run \"staff password "
                          "%1\" as another supervisor, or \"init --password-stdin\" to choose one.")
                   .arg(staff.name));
        return {};
    }
    const Status set = setFirstPassword(c.connection->database(), *c.clock, QSysInfo::machineHostName(),
                                        staff.name, password);
    Secrets::wipe(password);
    PD_TRY(set);
    c.line(QCoreApplication::translate("Cli", "%1's password is set.").arg(staff.name));
    return {};
}

Status staffPassword(CliContext& c) {
    QString password =
        readPin(QCoreApplication::translate(
                    "Cli", "One-time password for %1 (12 characters or more; they choose their "
                           "own at their next sign-in): ")
                    .arg(c.args.word(0)));
    const Status set = AdminService(*c.services).setOneTimePassword(c.args.word(0), password);
    Secrets::wipe(password);
    PD_TRY(set);
    c.json = QJsonObject{{QStringLiteral("name"), c.args.word(0)}, {QStringLiteral("one_time"), true}};
    c.line(QCoreApplication::translate(
               "Cli", "%1 signs in next with that one-time password, then chooses their own.")
               .arg(c.args.word(0)));
    return {};
}

Status staffList(CliContext& c) {
    auto list = AdminService(*c.services).staff();
    if (!list)
        return list.error();
    QJsonArray rows;
    for (const StaffMember& m : list.value()) {
        rows.append(QJsonObject{{QStringLiteral("name"), m.name},
                                {QStringLiteral("display_name"), m.displayName},
                                {QStringLiteral("role"), m.role},
                                {QStringLiteral("active"), m.active}});
        c.line(QStringLiteral("%1  %2  %3%4")
                   .arg(m.name, -20)
                   .arg(m.role, -16)
                   .arg(m.displayName,
                        m.active ? QString() : QCoreApplication::translate("Cli", "  (disabled)")));
    }
    c.json.insert(QStringLiteral("staff"), rows);
    return {};
}

Status staffDisable(CliContext& c) {
    PD_TRY(AdminService(*c.services).disableStaff(c.args.word(0)));
    c.json = QJsonObject{{QStringLiteral("name"), c.args.word(0)}, {QStringLiteral("active"), false}};
    c.line(QCoreApplication::translate("Cli", "%1 can no longer sign in.").arg(c.args.word(0)));
    return {};
}

Status demoData(CliContext& c) {
    bool ok1 = true, ok2 = true;
    const int patients =
        c.args.has(QStringLiteral("patients")) ? c.args.option(QStringLiteral("patients")).toInt(&ok1) : 40;
    const uint seed =
        c.args.has(QStringLiteral("seed")) ? c.args.option(QStringLiteral("seed")).toUInt(&ok2) : 2026;
    if (!ok1 || !ok2 || patients < 1 || patients > 10000000)
        return Error::validation(
            QStringLiteral("input.demo"),
            QCoreApplication::translate(
                "Cli", "--patients must be from 1 to 10,000,000 and --seed a whole number."));
    ProgressLine progress;
    auto report = DemoData::generate(*c.services, patients, seed, [&progress](qint64 done, qint64 total) {
        if (total > DemoData::FamiliesAtMost)
            progress.show(
                QCoreApplication::translate("Cli", "Demo patients: %L1 of %L2").arg(done).arg(total),
                done == total);
    });
    if (!report)
        return report.error();
    c.json = QJsonObject{{QStringLiteral("patients"), report->patients},
                         {QStringLiteral("logins"), report->logins},
                         {QStringLiteral("invitations"), report->invitations},
                         {QStringLiteral("staff"), QJsonArray::fromStringList(report->staff)}};
    c.line(QCoreApplication::translate("Cli", "Demo data: %1 patients, %2 logins, %3 invitations.")
               .arg(report->patients)
               .arg(report->logins)
               .arg(report->invitations));
    c.line(
        QCoreApplication::translate("Cli", "Demo staff: %1").arg(report->staff.join(QStringLiteral(", "))));
    return {};
}

} // namespace pd::CliCommands
