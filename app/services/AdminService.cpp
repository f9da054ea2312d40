#include "services/AdminService.h"
#include "mail/MimeMessage.h"
#include "services/StaffPasswords.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/GrantRepository.h"

#include "core/Secrets.h"
#include "core/Validation.h"
#include "mail/MailTransport.h"
#include "services/DailyJob.h"
#include "services/SystemLog.h"
#include "store/OutboxRepository.h"
#include "store/PatientRepository.h"
#include "store/SettingsRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace pd {

namespace {

Status validStaffName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9._-]{0,63}$"));
    if (!re.match(name).hasMatch())
        return Error::validation(
            QStringLiteral("staff.name"),
            QCoreApplication::translate(
                "Services", "A staff sign-in name is 1–64 lower-case letters, digits, '.', '_' or '-', "
                            "starting with a letter."));
    return {};
}
// On the central database a staff member is the login they connected with, and their role is the group
// the server puts that login in. The schema's owner (the database administrator, setting up) may act as
// any staff member, or as a supervisor of its own name before there are any.
Result<StaffMember> signInToServer(Database& db, const QString& name) {
    SettingsRepository repo(db);
    const QString login = db.server().user;
    auto owner = repo.signedInAsOwner();
    if (!owner)
        return owner.error();
    const QString wanted = name.isEmpty() ? login : name;
    if (wanted != login && !owner.value())
        return Error::notPermitted(
            QStringLiteral("staff.other_login"),
            QCoreApplication::translate(
                "Services",
                "On the central database you act as the login you signed in with (%1), not as %2.")
                .arg(login, wanted.left(64)));
    auto member = repo.staff(wanted);
    if (!member)
        return member.error();
    if (!member->has_value()) {
        if (owner.value() && wanted == login) {
            StaffMember setup;
            setup.name = login;
            setup.displayName = login;
            setup.role = QStringLiteral("him_supervisor");
            return setup;
        }
        return Error::notPermitted(
            QStringLiteral("staff.unknown"),
            QCoreApplication::translate(
                "Services", "%1 is not a PortalDesk staff member here; a supervisor adds staff with "
                            "\"staff add\".")
                .arg(wanted.left(64)));
    }
    StaffMember m = **member;
    if (!m.active)
        return Error::notPermitted(
            QStringLiteral("staff.disabled"),
            QCoreApplication::translate("Services", "%1's access was disabled.").arg(m.name));
    if (!owner.value()) {
        auto role = repo.serverRole();
        if (!role)
            return role.error();
        if (role->isEmpty())
            return Error::notPermitted(
                QStringLiteral("staff.no_group"),
                QCoreApplication::translate("Services",
                                            "The database login %1 is in no PortalDesk staff group; "
                                            "a supervisor adds it with \"staff add\".")
                    .arg(login));
        m.role = role.value();
    }
    return m;
}

Status markDeployment(Database& db, const Clock& clock, const QString& by, bool training) {
    SettingsRepository settings(db);
    auto owner = settings.signedInAsOwner();
    if (!owner)
        return owner.error();
    auto mark = settings.serverClock();
    if (!mark)
        return mark.error();
    if (mark->marked && (!training || mark->training))
        return {};
    const auto notTraining = [&db] {
        return Error::notPermitted(
            QStringLiteral("db.live_database"),
            QCoreApplication::translate(
                "Services",
                "%1 is a live database, not a training one: its clock is the server's. A training "
                "database is set up new, by the database's owner, with \"init --training\" before "
                "any patient is added.")
                .arg(db.location()));
    };
    if (!owner.value())
        return training ? notTraining() : Status{};
    if (mark->marked)
        return notTraining();
    if (training) {
        auto patients = PatientRepository(db).count();
        if (!patients)
            return patients.error();
        if (patients.value() > 0)
            return notTraining();
    }
    // A live database is stamped with the server's time; a training one with the clock it is given.
    const QDateTime at = training ? clock.nowUtc() : QDateTime::currentDateTimeUtc().addMSecs(mark->offsetMs);
    return settings.markDeployment(training, at, by.isEmpty() ? QStringLiteral("init") : by);
}

} // namespace

Status AdminService::initialize(Database& db, const Clock& clock, const QString& firstSupervisor,
                                bool training) {
    PD_TRY(db.migrate());
    SettingsRepository settings(db);
    Transaction tx(db);
    PD_TRY(tx.begin());
    if (db.dialect() == Dialect::Postgres)
        PD_TRY(markDeployment(db, clock, firstSupervisor, training));
    auto staff = settings.staffList();
    if (!staff)
        return staff.error();
    if (staff->isEmpty()) {
        PD_TRY(validStaffName(firstSupervisor));
        StaffMember first;
        first.name = firstSupervisor;
        first.displayName = firstSupervisor;
        first.role = QStringLiteral("him_supervisor");
        auto id = settings.addStaff(first, clock.nowUtc());
        if (!id)
            return id.error();
        AuditEvent e;
        e.at = clock.nowUtc();
        e.staff = firstSupervisor;
        e.workstation = QStringLiteral("init");
        e.action = QStringLiteral("staff.added");
        e.recordType = QStringLiteral("staff");
        e.recordId = QString::number(id.value());
        e.details = QStringLiteral("{\"role\":\"him_supervisor\",\"first\":true}");
        PD_TRY(AuditLog(db).append(e));
    }
    return tx.commit();
}

Result<StaffMember> signIn(Database& db, const QString& name) {
    if (db.dialect() == Dialect::Postgres)
        return signInToServer(db, name);
    auto member = SettingsRepository(db).staff(name);
    if (!member)
        return member.error();
    if (!member->has_value())
        return Error::notPermitted(
            QStringLiteral("staff.unknown"),
            QCoreApplication::translate(
                "Services", "%1 is not a PortalDesk staff member here; a supervisor adds staff with "
                            "\"staff add\".")
                .arg(name.left(64)));
    if (!(*member)->active)
        return Error::notPermitted(
            QStringLiteral("staff.disabled"),
            QCoreApplication::translate("Services", "%1's access was disabled.").arg(name));
    return **member;
}

Result<QString> AdminService::engineVersion() {
    return m_ctx.db().engineVersion();
}

Result<QList<SettingValue>> AdminService::settings() {
    auto stored = SettingsRepository(m_ctx.db()).all();
    if (!stored)
        return stored.error();
    QList<SettingValue> out;
    for (const SettingSpec& spec : Policy::catalog()) {
        const bool has = stored->contains(spec.key);
        out.append({spec, has ? stored->value(spec.key) : spec.defaultValue, !has});
    }
    return out;
}

Result<SettingValue> AdminService::setting(const QString& key) {
    auto all = settings();
    if (!all)
        return all.error();
    for (const SettingValue& v : all.value()) {
        if (v.spec.key == key)
            return v;
    }
    return Error::notFound(
        QStringLiteral("settings.key"),
        QCoreApplication::translate("Services", "There is no setting called \"%1\".").arg(key.left(80)));
}

Status AdminService::setSetting(const QString& key, const QString& value) {
    PD_TRY(m_ctx.require(Role::Supervisor,
                         QCoreApplication::translate("Services", "Changing the hospital's settings")));
    PD_TRY(Policy::validate(key, value));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto before = setting(key);
    if (!before)
        return before.error();
    PD_TRY(SettingsRepository(m_ctx.db()).set(key, value, m_ctx.now(), m_ctx.staff().name));
    PD_TRY(m_ctx.audit(QStringLiteral("setting.changed"), QStringLiteral("setting"), 0, 0, 0,
                       {{QStringLiteral("key"), key},
                        {QStringLiteral("before"), before->value},
                        {QStringLiteral("after"), value}}));
    return tx.commit();
}

Result<QList<HolidayRow>> AdminService::holidays() {
    return SettingsRepository(m_ctx.db()).holidays();
}

Status AdminService::setHoliday(const QString& dayText, const QString& name, bool closed) {
    PD_TRY(m_ctx.require(Role::Supervisor,
                         QCoreApplication::translate("Services", "Changing the hospital's holidays")));
    auto day = Validation::isoDate(dayText, QCoreApplication::translate("Services", "Holiday date"));
    if (!day)
        return day.error();
    auto label = Validation::name(name, QCoreApplication::translate("Services", "Holiday name"));
    if (!label)
        return label.error();
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    PD_TRY(SettingsRepository(m_ctx.db()).setHoliday({day.value(), label.value(), closed}));
    PD_TRY(m_ctx.audit(QStringLiteral("holiday.set"), QStringLiteral("holiday"), 0, 0, 0,
                       {{QStringLiteral("day"), day->toString(Qt::ISODate)},
                        {QStringLiteral("name"), label.value()},
                        {QStringLiteral("closed"), closed}}));
    return tx.commit();
}

Status AdminService::removeHoliday(const QString& dayText) {
    PD_TRY(m_ctx.require(Role::Supervisor,
                         QCoreApplication::translate("Services", "Changing the hospital's holidays")));
    auto day = Validation::isoDate(dayText, QCoreApplication::translate("Services", "Holiday date"));
    if (!day)
        return day.error();
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto removed = SettingsRepository(m_ctx.db()).removeHoliday(day.value());
    if (!removed)
        return removed.error();
    if (!removed.value())
        return Error::notFound(QStringLiteral("holiday.not_found"),
                               QCoreApplication::translate("Services", "%1 is not in the holiday table.")
                                   .arg(day->toString(Qt::ISODate)));
    PD_TRY(m_ctx.audit(QStringLiteral("holiday.removed"), QStringLiteral("holiday"), 0, 0, 0,
                       {{QStringLiteral("day"), day->toString(Qt::ISODate)}}));
    return tx.commit();
}

Result<QString> AdminService::sendTestMessage(const QString& rawTo) {
    // A supervisor checks the settings; the mail service's account checks them where mail really leaves.
    if (!m_ctx.has(Role::Mailer))
        PD_TRY(m_ctx.require(Role::Supervisor,
                             QCoreApplication::translate("Services", "Sending a test message")));
    auto to = Validation::email(rawTo);
    if (!to)
        return to.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    auto transport = makeTransport(policy.value(), m_ctx.db());
    if (!transport)
        return transport.error();
    const QString messageId = MimeMessage::newMessageId(policy->senderAddress);
    MailContent content;
    content.subject = QCoreApplication::translate("Services", "PortalDesk test message");
    content.text =
        QCoreApplication::translate("Services", "This message checks %1's mail settings. Nobody needs "
                                                "to answer it.")
            .arg(policy->hospitalName);
    content.html = QStringLiteral("<p>") + content.text.toHtmlEscaped() + QStringLiteral("</p>");
    const QByteArray raw = MimeMessage::build({policy->senderName, policy->senderAddress},
                                              {QString(), to.value()}, content, m_ctx.now(), messageId);
    PD_TRY((*transport)->send({messageId, policy->senderAddress, to.value(), raw}));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    PD_TRY(m_ctx.audit(
        QStringLiteral("mail.test_sent"), QStringLiteral("mail"), 0, 0, 0,
        {{QStringLiteral("to"), to.value()}, {QStringLiteral("transport"), policy->mailTransport}}));
    PD_TRY(tx.commit());
    return messageId;
}

Result<int> AdminService::outboxWaiting() {
    return OutboxRepository(m_ctx.db()).waitingCount();
}

Result<QList<OutboxMessage>> AdminService::outbox(const QString& status, int limit) {
    auto list = OutboxRepository(m_ctx.db()).list(status, limit);
    if (!list)
        return list.error();
    if (!m_ctx.has(Role::Specialist)) {
        for (OutboxMessage& m : list.value()) {
            m.recipient = maskEmail(m.recipient);
            m.lastError = maskMailReply(m.lastError);
        }
    }
    return list;
}

Result<QList<StaffMember>> AdminService::staff() {
    return SettingsRepository(m_ctx.db()).staffList();
}

Result<StaffMember> AdminService::addStaff(const QString& name, const QString& displayName,
                                           const QString& role, const QString& password) {
    PD_TRY(m_ctx.require(Role::Supervisor, QCoreApplication::translate("Services", "Adding staff")));
    PD_TRY(validStaffName(name));
    if (!roleFromName(role))
        return Error::validation(
            QStringLiteral("staff.role"),
            QCoreApplication::translate("Services",
                                        "Role must be support_agent, him_specialist, him_supervisor, "
                                        "ehr_feed (the EHR feed's service account), mailer (the mail "
                                        "service's account) or daily_job (the daily job's service "
                                        "account)."));
    StaffMember m;
    m.name = name;
    m.displayName = displayName.trimmed().isEmpty() ? name : displayName.trimmed().left(100);
    m.role = role;
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    SettingsRepository repo(m_ctx.db());
    auto existing = repo.staff(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::conflict(
            QStringLiteral("staff.exists"),
            QCoreApplication::translate("Services", "%1 is already a staff member.").arg(name));
    QString oneTime;
    if (m_ctx.db().dialect() == Dialect::Sqlite && !password.isEmpty()) {
        // On the embedded file the desktop asks for it; it must be changed at the first sign-in.
        auto hash = hashStaffPassword(name, password);
        if (!hash)
            return hash.error();
        oneTime = hash.value();
    }
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        if (password.size() < 12)
            return Error::validation(
                QStringLiteral("staff.password"),
                QCoreApplication::translate("Services", "On the central database each staff member signs in "
                                                        "with a password of at least 12 characters."));
        // Only a verifier travels: statement text reaches the server's log.
        QString verifier = Secrets::scramVerifier(password);
        if (verifier.isEmpty())
            return Error::internal(QStringLiteral("crypto.failed"),
                                   QCoreApplication::translate(
                                       "Services", "The password could not be prepared for the server."));
        const Status added = repo.addServerLogin(name, role, verifier);
        Secrets::wipe(verifier);
        PD_TRY(added);
    }
    auto id = repo.addStaff(m, m_ctx.now());
    if (!id)
        return id.error();
    m.id = id.value();
    if (!oneTime.isEmpty())
        PD_TRY(repo.setStaffPassword(name, oneTime, true));
    PD_TRY(m_ctx.audit(QStringLiteral("staff.added"), QStringLiteral("staff"), m.id, 0, 0,
                       {{QStringLiteral("name"), name}, {QStringLiteral("role"), role}}));
    PD_TRY(tx.commit());
    return m;
}

Status AdminService::setOneTimePassword(const QString& name, const QString& password) {
    PD_TRY(m_ctx.require(Role::Supervisor,
                         QCoreApplication::translate("Services", "Giving a one-time password")));
    if (m_ctx.db().dialect() == Dialect::Postgres)
        return Error::validation(
            QStringLiteral("staff.server_password"),
            QCoreApplication::translate("Services", "On the central database each login's password is the "
                                                    "server's: its administrator changes it there."));
    auto hash = hashStaffPassword(name, password);
    if (!hash)
        return hash.error();
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    SettingsRepository repo(m_ctx.db());
    auto member = repo.staff(name);
    if (!member)
        return member.error();
    if (!member->has_value())
        return Error::notFound(
            QStringLiteral("staff.unknown"),
            QCoreApplication::translate("Services", "%1 is not a PortalDesk staff member here.")
                .arg(name.left(64)));
    // A supervisor's own password is theirs to change; a one-time one for themselves would skip proving it.
    if (name == m_ctx.staff().name)
        return Error::validation(QStringLiteral("staff.self"),
                                 QCoreApplication::translate(
                                     "Services", "Change your own password at sign-in "
                                                 "instead; another supervisor can give you a one-time one."));
    PD_TRY(repo.setStaffPassword(name, hash.value(), true));
    PD_TRY(m_ctx.audit(QStringLiteral("staff.password_set"), QStringLiteral("staff"), (*member)->id, 0, 0,
                       {{QStringLiteral("name"), name}, {QStringLiteral("one_time"), true}}));
    return tx.commit();
}

Status AdminService::disableStaff(const QString& name) {
    PD_TRY(m_ctx.require(Role::Supervisor, QCoreApplication::translate("Services", "Disabling staff")));
    if (name == m_ctx.staff().name)
        return Error::validation(
            QStringLiteral("staff.self"),
            QCoreApplication::translate("Services", "You can't disable your own access."));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    SettingsRepository repo(m_ctx.db());
    auto existing = repo.staff(name);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return Error::notFound(
            QStringLiteral("staff.unknown"),
            QCoreApplication::translate("Services", "%1 is not a staff member.").arg(name.left(64)));
    PD_TRY(repo.setStaffActive(name, false));
    if (m_ctx.db().dialect() == Dialect::Postgres)
        PD_TRY(repo.disableServerLogin(name));
    PD_TRY(m_ctx.audit(QStringLiteral("staff.disabled"), QStringLiteral("staff"), (*existing)->id, 0, 0,
                       {{QStringLiteral("name"), name}}));
    return tx.commit();
}

namespace {

// The database an anchor is about, whoever wrote it: the embedded file's path, or the central database
// without the login.
QString databaseIdentity(Database& db) {
    if (db.dialect() != Dialect::Postgres)
        return db.location();
    QUrl url(db.location());
    url.setUserInfo(QString());
    return url.toString();
}

QString anchorFileFor(const Policy& policy, Database& db) {
    if (!policy.auditAnchorFile.isEmpty())
        return policy.auditAnchorFile;
    return db.dialect() == Dialect::Postgres ? QString() : db.location() + QStringLiteral(".audit-anchors");
}

Status appendAnchor(const QString& path, const AuditAnchor& a) {
    QFile file(path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error::unavailable(
            QStringLiteral("audit.anchor_file"),
            QCoreApplication::translate("Services", "The audit log's head could not be written to %1: "
                                                    "%2")
                .arg(path, file.errorString()));
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = QJsonDocument(QJsonObject{{QStringLiteral("at"), DbTime::toDb(a.at).toString()},
                                                      {QStringLiteral("database"), a.database},
                                                      {QStringLiteral("id"), a.id},
                                                      {QStringLiteral("hash"), a.hash}})
                                .toJson(QJsonDocument::Compact) +
                            '\n';
    if (file.write(line) != line.size() || !file.flush())
        return Error::unavailable(
            QStringLiteral("audit.anchor_file"),
            QCoreApplication::translate("Services", "The audit log's head could not be written to %1: "
                                                    "%2")
                .arg(path, file.errorString()));
    return {};
}

// The anchors of `database` in the file; a line that is not an anchor means the file was edited.
Result<QList<AuditAnchor>> readAnchors(const QString& path, const QString& database) {
    QList<AuditAnchor> out;
    QFile file(path);
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(
            QStringLiteral("audit.anchor_file"),
            QCoreApplication::translate("Services", "The anchor file %1 can't be read: %2")
                .arg(path, file.errorString()));
    static const QRegularExpression hash(QStringLiteral("^[0-9a-f]{64}$"));
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(4096).trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        AuditAnchor a;
        a.id = o.value(QStringLiteral("id")).toInteger(-1);
        a.hash = o.value(QStringLiteral("hash")).toString();
        a.at = DbTime::instant(o.value(QStringLiteral("at")).toString());
        a.database = o.value(QStringLiteral("database")).toString();
        if (a.id < 0 || !hash.match(a.hash).hasMatch() || !a.at.isValid() || a.database.isEmpty())
            return Error::validation(
                QStringLiteral("audit.anchor_edited"),
                QCoreApplication::translate("Services",
                                            "Line %1 of the anchor file %2 is not an anchor: the file was "
                                            "edited.")
                    .arg(number)
                    .arg(path));
        if (a.database == database && a.id > 0)
            out.append(a);
    }
    return out;
}

} // namespace

Result<AuditVerification> AdminService::verifyAudit(const QString& anchorFile) {
    PD_TRY(
        m_ctx.require(Role::Supervisor, QCoreApplication::translate("Services", "Verifying the audit log")));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QString path = anchorFile.isEmpty() ? anchorFileFor(policy.value(), m_ctx.db()) : anchorFile;
    QList<AuditAnchor> anchors;
    if (!path.isEmpty()) {
        auto read = readAnchors(path, databaseIdentity(m_ctx.db()));
        if (!read)
            return read.error();
        anchors = read.value();
    }
    auto v = AuditLog(m_ctx.db()).verify(anchors);
    if (v)
        v->anchorFile = path;
    return v;
}

Result<AdminService::Anchored> AdminService::anchorAudit() {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Anchoring the audit log")));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    return writeAnchor(m_ctx, policy.value());
}

Result<AdminService::Anchored> AdminService::writeAnchor(const ServiceContext& ctx, const Policy& policy) {
    auto head = AuditLog(ctx.db()).head();
    if (!head)
        return head.error();
    Anchored out;
    out.anchor = head.value();
    out.anchor.at = ctx.now();
    out.anchor.database = databaseIdentity(ctx.db());
    out.file = anchorFileFor(policy, ctx.db());
    SystemLog::notice(QStringLiteral("audit anchor: database=%1 id=%2 hash=%3 at=%4")
                          .arg(out.anchor.database)
                          .arg(out.anchor.id)
                          .arg(out.anchor.hash, DbTime::toDb(out.anchor.at).toString()));
    if (!out.file.isEmpty())
        PD_TRY(appendAnchor(out.file, out.anchor));
    return out;
}

Result<QList<AuditEvent>> AdminService::auditList(const QString& record, int limit) {
    PD_TRY(m_ctx.require(Role::Supervisor, QCoreApplication::translate("Services", "Reading the audit log")));
    QString type, id;
    if (!record.isEmpty()) {
        static const QRegularExpression re(QStringLiteral("^([a-z_]+)(?::(\\d+))?$"));
        const auto m = re.match(record);
        if (!m.hasMatch())
            return Error::validation(
                QStringLiteral("input.record"),
                QCoreApplication::translate("Services",
                                            "Name a record as TYPE or TYPE:ID, for example invitation:12."));
        type = m.captured(1);
        id = m.captured(2);
    }
    return AuditLog(m_ctx.db()).list(type, id, limit);
}

} // namespace pd
