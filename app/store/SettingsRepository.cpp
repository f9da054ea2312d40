#include "store/SettingsRepository.h"

namespace pd {

Result<QHash<QString, QString>> SettingsRepository::all() {
    Query q(m_db, QStringLiteral("SELECT key, value FROM settings"));
    PD_TRY(q.exec());
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Status SettingsRepository::set(const QString& key, const QString& value, const QDateTime& at,
                               const QString& by) {
    Query q(m_db, QStringLiteral(
                      "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (:k, :v, :at, :by) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                      "updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
    q.bind(QStringLiteral(":k"), key)
        .bind(QStringLiteral(":v"), value)
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by);
    return q.exec();
}

static StaffMember staffFromRow(Query& q) {
    StaffMember s;
    s.id = q.value(QStringLiteral("id")).toLongLong();
    s.name = q.value(QStringLiteral("name")).toString();
    s.displayName = q.value(QStringLiteral("display_name")).toString();
    s.role = q.value(QStringLiteral("role")).toString();
    s.active = q.value(QStringLiteral("active")).toInt() == 1;
    return s;
}

Result<std::optional<StaffMember>> SettingsRepository::staff(const QString& name) {
    Query q(m_db, QStringLiteral("SELECT * FROM staff WHERE name = :n"));
    q.bind(QStringLiteral(":n"), name);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<StaffMember>();
    return std::optional<StaffMember>(staffFromRow(q));
}

Result<QList<StaffMember>> SettingsRepository::staffList() {
    Query q(m_db, QStringLiteral("SELECT * FROM staff ORDER BY name"));
    PD_TRY(q.exec());
    QList<StaffMember> out;
    while (q.next())
        out.append(staffFromRow(q));
    return out;
}

Result<qint64> SettingsRepository::addStaff(const StaffMember& m, const QDateTime& at) {
    Query q(m_db, QStringLiteral("INSERT INTO staff (name, display_name, role, active, created_at) "
                                 "VALUES (:n, :d, :r, :a, :at)"));
    q.bind(QStringLiteral(":n"), m.name)
        .bind(QStringLiteral(":d"), m.displayName)
        .bind(QStringLiteral(":r"), m.role)
        .bind(QStringLiteral(":a"), m.active ? 1 : 0)
        .bind(QStringLiteral(":at"), DbTime::toDb(at));
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<std::optional<SettingsRepository::StaffPassword>>
SettingsRepository::staffPassword(const QString& name) {
    Query q(m_db, QStringLiteral("SELECT * FROM staff WHERE name = :n"));
    q.bind(QStringLiteral(":n"), name);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<StaffPassword>();
    StaffPassword p;
    p.member = staffFromRow(q);
    p.hash = q.value(QStringLiteral("password_hash")).toString();
    p.mustChange = q.value(QStringLiteral("password_must_change")).toInt() == 1;
    p.failedInARow = q.value(QStringLiteral("failed_sign_ins")).toInt();
    p.lockedUntil = DbTime::instant(q.value(QStringLiteral("locked_until")));
    return std::optional<StaffPassword>(p);
}

Status SettingsRepository::setStaffPassword(const QString& name, const QString& hash, bool mustChange) {
    Query q(m_db, QStringLiteral("UPDATE staff SET password_hash = :h, password_must_change = :m, "
                                 "failed_sign_ins = 0, locked_until = NULL WHERE name = :n"));
    q.bind(QStringLiteral(":h"), DbTime::text(hash))
        .bind(QStringLiteral(":m"), mustChange ? 1 : 0)
        .bind(QStringLiteral(":n"), name);
    return q.exec();
}

Status SettingsRepository::recordSignInFailures(const QString& name, int failedInARow,
                                                const QDateTime& lockedUntil) {
    Query q(m_db, QStringLiteral("UPDATE staff SET failed_sign_ins = :f, locked_until = :u WHERE name = :n"));
    q.bind(QStringLiteral(":f"), failedInARow)
        .bind(QStringLiteral(":u"), DbTime::toDb(lockedUntil))
        .bind(QStringLiteral(":n"), name);
    return q.exec();
}

Status SettingsRepository::setStaffActive(const QString& name, bool active) {
    Query q(m_db, QStringLiteral("UPDATE staff SET active = :a WHERE name = :n"));
    q.bind(QStringLiteral(":a"), active ? 1 : 0).bind(QStringLiteral(":n"), name);
    return q.exec();
}

Status SettingsRepository::addServerLogin(const QString& name, const QString& role, const QString& verifier) {
    Query q(m_db, QStringLiteral("SELECT staff_login_add(:n, :r, :p)"));
    q.bind(QStringLiteral(":n"), name).bind(QStringLiteral(":r"), role).bind(QStringLiteral(":p"), verifier);
    return q.exec();
}

Status SettingsRepository::disableServerLogin(const QString& name) {
    Query q(m_db, QStringLiteral("SELECT staff_login_disable(:n)"));
    q.bind(QStringLiteral(":n"), name);
    return q.exec();
}

Result<bool> SettingsRepository::signedInAsOwner() {
    Query q(m_db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND "
                                 "tablename = 'staff' AND tableowner = session_user)"));
    PD_TRY(q.exec());
    return q.next() && q.value(0).toBool();
}

Result<QString> SettingsRepository::serverRole() {
    Query q(m_db,
            QStringLiteral("SELECT r.rolname FROM pg_roles r WHERE r.rolname IN ('portaldesk_support_agent', "
                           "'portaldesk_him_specialist', 'portaldesk_him_supervisor', 'portaldesk_feed', "
                           "'portaldesk_mailer', 'portaldesk_daily') AND "
                           "pg_has_role(session_user, r.oid, 'MEMBER')"));
    PD_TRY(q.exec());
    QStringList groups;
    while (q.next())
        groups << q.value(0).toString();
    for (const char* role : {"him_supervisor", "him_specialist", "support_agent"}) {
        if (groups.contains(QStringLiteral("portaldesk_") + QLatin1String(role)))
            return QString::fromLatin1(role);
    }
    if (groups.contains(QStringLiteral("portaldesk_feed")))
        return QStringLiteral("ehr_feed");
    if (groups.contains(QStringLiteral("portaldesk_mailer")))
        return QStringLiteral("mailer");
    if (groups.contains(QStringLiteral("portaldesk_daily")))
        return QStringLiteral("daily_job");
    return QString();
}

Result<SettingsRepository::ServerClock> SettingsRepository::serverClock() {
    Query q(m_db, QStringLiteral("SELECT training_database(), EXISTS (SELECT 1 FROM deployment), "
                                 "CAST(round(extract(epoch FROM clock_timestamp()) * 1000) AS bigint)"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    PD_TRY(q.exec());
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    if (!q.next())
        return ServerClock{};
    ServerClock c;
    c.training = q.value(0).toBool();
    c.marked = q.value(1).toBool();
    c.offsetMs = q.value(2).toLongLong() - (before + after) / 2;
    return c;
}

Status SettingsRepository::markDeployment(bool training, const QDateTime& at, const QString& by) {
    Query q(m_db, QStringLiteral("INSERT INTO deployment (id, training, marked_at, marked_by) "
                                 "VALUES (1, :t, :at, :by)"));
    q.bind(QStringLiteral(":t"), training)
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by);
    return q.exec();
}

Result<QList<HolidayRow>> SettingsRepository::holidays() {
    Query q(m_db, QStringLiteral("SELECT day, name, closed FROM holidays ORDER BY day"));
    PD_TRY(q.exec());
    QList<HolidayRow> out;
    while (q.next())
        out.append({DbTime::date(q.value(0)), q.value(1).toString(), q.value(2).toInt() == 1});
    return out;
}

Status SettingsRepository::setHoliday(const HolidayRow& row) {
    Query q(m_db,
            QStringLiteral("INSERT INTO holidays (day, name, closed) VALUES (:day, :name, :closed) "
                           "ON CONFLICT (day) DO UPDATE SET name = excluded.name, closed = excluded.closed"));
    q.bind(QStringLiteral(":day"), DbTime::toDb(row.day))
        .bind(QStringLiteral(":name"), row.name)
        .bind(QStringLiteral(":closed"), row.closed ? 1 : 0);
    return q.exec();
}

Result<bool> SettingsRepository::removeHoliday(QDate day) {
    Query q(m_db, QStringLiteral("DELETE FROM holidays WHERE day = :day"));
    q.bind(QStringLiteral(":day"), DbTime::toDb(day));
    PD_TRY(q.exec());
    return q.numRowsAffected() > 0;
}

} // namespace pd
