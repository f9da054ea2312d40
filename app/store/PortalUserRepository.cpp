#include "store/PortalUserRepository.h"

#include "store/PatientRepository.h"
#include "store/SearchRepository.h"

#include <QCoreApplication>

namespace pd {

namespace {

PortalUser fromRow(Query& q) {
    PortalUser u;
    u.id = q.value(QStringLiteral("id")).toLongLong();
    u.username = q.value(QStringLiteral("username")).toString();
    u.email = q.value(QStringLiteral("email")).toString();
    u.givenName = q.value(QStringLiteral("given_name")).toString();
    u.familyName = q.value(QStringLiteral("family_name")).toString();
    u.language = q.value(QStringLiteral("language")).toString();
    u.kind = q.value(QStringLiteral("kind")).toString();
    u.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    u.status = q.value(QStringLiteral("status")).toString();
    u.statusReason = q.value(QStringLiteral("status_reason")).toString();
    u.statusChangedAt = DbTime::instant(q.value(QStringLiteral("status_changed_at")));
    u.activatedAt = DbTime::instant(q.value(QStringLiteral("activated_at")));
    u.deactivationReason = q.value(QStringLiteral("deactivation_reason")).toString();
    u.reportedBy = q.value(QStringLiteral("reported_by")).toString();
    u.verifiedBy = q.value(QStringLiteral("verified_by")).toString();
    u.deactivationNote = q.value(QStringLiteral("deactivation_note")).toString();
    u.updatedAt = DbTime::instant(q.value(QStringLiteral("updated_at")));
    u.updatedBy = q.value(QStringLiteral("updated_by")).toString();
    u.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return u;
}

} // namespace

Result<qint64> PortalUserRepository::insert(const PortalUser& u, const QDateTime& at, const QString& by) {
    Query q(m_db,
            QStringLiteral("INSERT INTO portal_users (username, email, given_name, family_name, language, "
                           "kind, patient_id, status, "
                           "status_changed_at, created_at, created_by, updated_at, updated_by) VALUES "
                           "(:username, :email, :given, "
                           ":family, :lang, :kind, :patient, :status, :changed, :at, :by, :at2, :by2)"));
    q.bind(QStringLiteral(":username"), u.username)
        .bind(QStringLiteral(":email"), u.email)
        .bind(QStringLiteral(":given"), u.givenName)
        .bind(QStringLiteral(":family"), u.familyName)
        .bind(QStringLiteral(":lang"), u.language)
        .bind(QStringLiteral(":kind"), u.kind)
        .bind(QStringLiteral(":patient"), DbTime::id(u.patientId))
        .bind(QStringLiteral(":status"), u.status)
        .bind(QStringLiteral(":changed"), DbTime::toDb(at))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":at2"), DbTime::toDb(at))
        .bind(QStringLiteral(":by2"), by);
    PD_TRY(q.exec());
    PortalUser indexed = u;
    indexed.id = q.lastInsertId();
    PD_TRY(SearchRepository(m_db).indexPortalUser(indexed));
    return indexed.id;
}

Result<QList<PortalUser>> PortalUserRepository::many(const QString& sql, const QVariant& value) {
    Query q(m_db, sql);
    q.bind(QStringLiteral(":v"), value);
    PD_TRY(q.exec());
    QList<PortalUser> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

static Result<std::optional<PortalUser>> first(Result<QList<PortalUser>> r) {
    if (!r)
        return r.error();
    if (r->isEmpty())
        return std::optional<PortalUser>();
    return std::optional<PortalUser>(r->first());
}

Result<std::optional<PortalUser>> PortalUserRepository::byId(qint64 id) {
    return first(many(QStringLiteral("SELECT * FROM portal_users WHERE id = :v"), id));
}

Result<QList<PortalUser>> PortalUserRepository::byIds(const QList<qint64>& ids) {
    QList<PortalUser> out;
    if (ids.isEmpty())
        return out;
    Query q(m_db, QStringLiteral("SELECT * FROM portal_users WHERE id IN (") + DbTime::idList(ids) +
                      QLatin1Char(')'));
    PD_TRY(q.exec());
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<std::optional<PortalUser>> PortalUserRepository::byUsername(const QString& username) {
    return first(many(QStringLiteral("SELECT * FROM portal_users WHERE username = :v"), username));
}

Result<QList<PortalUser>> PortalUserRepository::byEmail(const QString& email) {
    // On the central database a support agent reads logins through a view that masks their addresses: a
    // function the schema owns finds the ids, and the rows come through the reader's own view.
    if (m_db.dialect() == Dialect::Postgres)
        return many(
            QStringLiteral("SELECT * FROM portal_users WHERE id IN (SELECT portal_user_ids_by_email(:v)) "
                           "ORDER BY id"),
            email);
    return many(QStringLiteral("SELECT * FROM portal_users WHERE lower(email) = lower(:v) ORDER BY id"),
                email);
}

Result<std::optional<PortalUser>> PortalUserRepository::ownLoginOf(qint64 patientId) {
    return first(many(QStringLiteral("SELECT * FROM portal_users WHERE patient_id = :v"), patientId));
}

Result<QList<PortalUser>> PortalUserRepository::forPatient(qint64 patientId) {
    Query q(m_db,
            QStringLiteral("SELECT * FROM portal_users WHERE patient_id = :p1 OR id IN "
                           "(SELECT portal_user_id FROM access_grants WHERE patient_id = :p2) ORDER BY id"));
    q.bind(QStringLiteral(":p1"), patientId).bind(QStringLiteral(":p2"), patientId);
    PD_TRY(q.exec());
    QList<PortalUser> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<bool> PortalUserRepository::usernameTaken(const QString& username) {
    auto r = byUsername(username);
    if (!r)
        return r.error();
    return r->has_value();
}

Status PortalUserRepository::update(const PortalUser& u, const QDateTime& at, const QString& by) {
    // The index changes only with what it holds; a status change (by any role) leaves it alone.
    auto before = byId(u.id);
    if (!before)
        return before.error();
    const bool reindex = !before->has_value() || (*before)->email != u.email ||
                         (*before)->givenName != u.givenName || (*before)->familyName != u.familyName;
    Query q(
        m_db,
        QStringLiteral(
            "UPDATE portal_users SET email = :email, given_name = :given, family_name = :family, language = "
            ":lang, "
            "status = :status, status_reason = :reason, status_changed_at = :changed, activated_at = "
            ":activated, "
            "deactivation_reason = :dreason, reported_by = :reported, verified_by = :verified, "
            "deactivation_note = :note, updated_at = :at, updated_by = :by, row_version = row_version + 1 "
            "WHERE id = :id AND row_version = :version"));
    q.bind(QStringLiteral(":email"), u.email)
        .bind(QStringLiteral(":given"), u.givenName)
        .bind(QStringLiteral(":family"), u.familyName)
        .bind(QStringLiteral(":lang"), u.language)
        .bind(QStringLiteral(":status"), u.status)
        .bind(QStringLiteral(":reason"), DbTime::text(u.statusReason))
        .bind(QStringLiteral(":changed"), DbTime::toDb(u.statusChangedAt))
        .bind(QStringLiteral(":activated"), DbTime::toDb(u.activatedAt))
        .bind(QStringLiteral(":dreason"), DbTime::text(u.deactivationReason))
        .bind(QStringLiteral(":reported"), DbTime::text(u.reportedBy))
        .bind(QStringLiteral(":verified"), DbTime::text(u.verifiedBy))
        .bind(QStringLiteral(":note"), DbTime::text(u.deactivationNote))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), u.id)
        .bind(QStringLiteral(":version"), u.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("portal_users"), u.id,
                                QCoreApplication::translate("Database", "Portal user %1").arg(u.username));
    return reindex ? SearchRepository(m_db).indexPortalUser(u) : Status();
}

} // namespace pd
