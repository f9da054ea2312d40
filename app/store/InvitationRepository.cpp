#include "store/InvitationRepository.h"

#include "core/Secrets.h"

#include <QCoreApplication>

#include "store/PatientRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace pd {

namespace {

Invitation fromRow(Query& q) {
    Invitation i;
    i.id = q.value(QStringLiteral("id")).toLongLong();
    i.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    i.enrollmentId = q.value(QStringLiteral("enrollment_id")).toLongLong();
    i.replacesId = q.value(QStringLiteral("replaces_id")).toLongLong();
    i.email = q.value(QStringLiteral("email")).toString();
    i.tokenHash = q.value(QStringLiteral("token_hash")).toString();
    i.pinHash = q.value(QStringLiteral("pin_hash")).toString();
    i.pinVerifiedBy = q.value(QStringLiteral("pin_verified_by")).toString();
    i.status = q.value(QStringLiteral("status")).toString();
    i.queuedAt = DbTime::instant(q.value(QStringLiteral("queued_at")));
    i.dueAt = DbTime::instant(q.value(QStringLiteral("due_at")));
    i.sentAt = DbTime::instant(q.value(QStringLiteral("sent_at")));
    i.expiresAt = DbTime::instant(q.value(QStringLiteral("expires_at")));
    i.activatedAt = DbTime::instant(q.value(QStringLiteral("activated_at")));
    i.revokedAt = DbTime::instant(q.value(QStringLiteral("revoked_at")));
    i.revokeReason = q.value(QStringLiteral("revoke_reason")).toString();
    i.lateMarkedAt = DbTime::instant(q.value(QStringLiteral("late_marked_at")));
    i.failedAttempts = q.value(QStringLiteral("failed_attempts")).toInt();
    i.createdBy = q.value(QStringLiteral("created_by")).toString();
    i.updatedAt = DbTime::instant(q.value(QStringLiteral("updated_at")));
    i.updatedBy = q.value(QStringLiteral("updated_by")).toString();
    i.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return i;
}

Result<std::optional<Invitation>> first(Result<QList<Invitation>> r) {
    if (!r)
        return r.error();
    if (r->isEmpty())
        return std::optional<Invitation>();
    return std::optional<Invitation>(r->first());
}

} // namespace

Result<qint64> InvitationRepository::insert(const Invitation& i) {
    Query q(m_db, QStringLiteral("INSERT INTO invitations (portal_user_id, enrollment_id, replaces_id, "
                                 "email, token_hash, pin_hash, "
                                 "pin_verified_by, status, queued_at, due_at, sent_at, expires_at, "
                                 "created_by, updated_at, updated_by) "
                                 "VALUES (:user, :enrollment, :replaces, :email, :token, :pin, :verified, "
                                 ":status, :queued, :due, :sent, "
                                 ":expires, :by, :at, :by2)"));
    q.bind(QStringLiteral(":user"), i.portalUserId)
        .bind(QStringLiteral(":enrollment"), DbTime::id(i.enrollmentId))
        .bind(QStringLiteral(":replaces"), DbTime::id(i.replacesId))
        .bind(QStringLiteral(":email"), i.email)
        .bind(QStringLiteral(":token"), DbTime::text(i.tokenHash))
        .bind(QStringLiteral(":pin"), i.pinHash)
        .bind(QStringLiteral(":verified"), DbTime::text(i.pinVerifiedBy))
        .bind(QStringLiteral(":status"), i.status)
        .bind(QStringLiteral(":queued"), DbTime::toDb(i.queuedAt))
        .bind(QStringLiteral(":due"), DbTime::toDb(i.dueAt))
        .bind(QStringLiteral(":sent"), DbTime::toDb(i.sentAt))
        .bind(QStringLiteral(":expires"), DbTime::toDb(i.expiresAt))
        .bind(QStringLiteral(":by"), i.createdBy)
        .bind(QStringLiteral(":at"), DbTime::toDb(i.queuedAt))
        .bind(QStringLiteral(":by2"), i.createdBy);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<QList<Invitation>> InvitationRepository::many(const QString& sql, const QVariant& value) {
    Query q(m_db, sql);
    q.bind(QStringLiteral(":v"), value);
    PD_TRY(q.exec());
    QList<Invitation> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<std::optional<Invitation>> InvitationRepository::byId(qint64 id) {
    return first(many(QStringLiteral("SELECT * FROM invitations WHERE id = :v"), id));
}

Result<std::optional<Invitation>> InvitationRepository::byTokenHash(const QString& tokenHash) {
    return first(many(QStringLiteral("SELECT * FROM invitations WHERE token_hash = :v"), tokenHash));
}

Result<std::optional<Invitation>> InvitationRepository::liveFor(qint64 portalUserId) {
    return first(many(QStringLiteral("SELECT * FROM invitations WHERE portal_user_id = :v "
                                     "AND status IN ('queued', 'sent', 'delivery_failed')"),
                      portalUserId));
}

Result<std::optional<Invitation>> InvitationRepository::latestFor(qint64 portalUserId) {
    return first(
        many(QStringLiteral("SELECT * FROM invitations WHERE portal_user_id = :v ORDER BY id DESC LIMIT 1"),
             portalUserId));
}

Result<QList<Invitation>> InvitationRepository::forUser(qint64 portalUserId) {
    return many(QStringLiteral("SELECT * FROM invitations WHERE portal_user_id = :v ORDER BY id DESC"),
                portalUserId);
}

namespace {

// The joins and conditions of a worklist; each filter's range is one an index holds in due order.
// The login is joined for the rows, and for a count only when the patient filter needs it (every
// invitation has its login).
QString listWhere(const InvitationFilter& f, bool forRows) {
    QString sql = forRows || f.patientId != 0
                      ? QStringLiteral(" FROM invitations i JOIN portal_users u ON u.id = i.portal_user_id "
                                       "WHERE 1 = 1")
                      : QStringLiteral(" FROM invitations i WHERE 1 = 1");
    if (!f.status.isEmpty())
        sql += QStringLiteral(" AND i.status = :status");
    if (f.patientId != 0)
        sql += QStringLiteral(" AND (u.patient_id = :p1 OR u.id IN (SELECT portal_user_id FROM access_grants "
                              "WHERE patient_id = :p2))");
    if (f.dueOnly)
        sql += QStringLiteral(" AND i.status = 'queued' AND i.due_at >= :now1");
    if (f.lateOnly)
        sql += QStringLiteral(" AND i.status = 'queued' AND i.due_at < :now2");
    return sql;
}

void bindList(Query& q, const InvitationFilter& f) {
    if (!f.status.isEmpty())
        q.bind(QStringLiteral(":status"), f.status);
    if (f.patientId != 0)
        q.bind(QStringLiteral(":p1"), f.patientId).bind(QStringLiteral(":p2"), f.patientId);
    if (f.dueOnly)
        q.bind(QStringLiteral(":now1"), DbTime::toDb(f.now));
    if (f.lateOnly)
        q.bind(QStringLiteral(":now2"), DbTime::toDb(f.now));
}

} // namespace

Result<QList<InvitationRow>> InvitationRepository::list(const InvitationFilter& f) {
    Query q(m_db,
            QStringLiteral(
                "SELECT i.*, u.username AS u_username, u.given_name AS u_given, "
                "u.family_name AS u_family, coalesce((SELECT mrn FROM patients WHERE id = u.patient_id), "
                "(SELECT p.mrn FROM access_grants g JOIN patients p ON p.id = g.patient_id "
                "WHERE g.portal_user_id = u.id ORDER BY g.id LIMIT 1)) AS p_mrn, "
                "(SELECT o.last_error FROM outbox o WHERE o.invitation_id = i.id "
                "ORDER BY o.id DESC LIMIT 1) AS mail_error") +
                listWhere(f, true) + QStringLiteral(" ORDER BY i.due_at, i.id LIMIT :limit OFFSET :offset"));
    bindList(q, f);
    q.bind(QStringLiteral(":limit"), f.limit).bind(QStringLiteral(":offset"), qMax(0, f.offset));
    PD_TRY(q.exec());
    QList<InvitationRow> out;
    while (q.next()) {
        out.append({fromRow(q), q.value(QStringLiteral("u_username")).toString(),
                    q.value(QStringLiteral("u_given")).toString() + QLatin1Char(' ') +
                        q.value(QStringLiteral("u_family")).toString(),
                    q.value(QStringLiteral("p_mrn")).toString(),
                    q.value(QStringLiteral("mail_error")).toString()});
    }
    return out;
}

Result<qint64> InvitationRepository::count(const InvitationFilter& f) {
    Query q(m_db, QStringLiteral("SELECT count(*)") + listWhere(f, false));
    bindList(q, f);
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<Invitation>> InvitationRepository::sweep(const QString& set, const QString& due,
                                                      const QString& order, const QDateTime& now, int limit,
                                                      const QString& by) {
    // The rule is the UPDATE's own condition, so a row another workstation changed since is left as it is.
    Query q(m_db, QStringLiteral("UPDATE invitations SET ") + set +
                      QStringLiteral(", updated_at = :at, updated_by = :by, row_version = row_version + 1 "
                                     "WHERE id IN (SELECT id FROM invitations WHERE ") +
                      due + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT ") +
                      QString::number(qMax(0, limit)) + QStringLiteral(") RETURNING *"));
    q.bind(QStringLiteral(":now"), DbTime::toDb(now))
        .bind(QStringLiteral(":at"), DbTime::toDb(now))
        .bind(QStringLiteral(":by"), by);
    if (set.contains(QLatin1String(":at2")))
        q.bind(QStringLiteral(":at2"), DbTime::toDb(now));
    PD_TRY(q.exec());
    QList<Invitation> out;
    while (q.next())
        out.append(fromRow(q));
    std::sort(out.begin(), out.end(), [](const Invitation& a, const Invitation& b) { return a.id < b.id; });
    return out;
}

Result<QList<Invitation>> InvitationRepository::expireDue(const QDateTime& now, int limit,
                                                          const QString& by) {
    return sweep(QStringLiteral("status = 'expired'"),
                 QStringLiteral("status IN ('sent', 'delivery_failed') AND expires_at <= :now"),
                 QStringLiteral("expires_at, id"), now, limit, by);
}

Result<QList<Invitation>> InvitationRepository::markLate(const QDateTime& now, int limit, const QString& by) {
    return sweep(QStringLiteral("late_marked_at = :at2"),
                 QStringLiteral("status = 'queued' AND due_at < :now AND late_marked_at IS NULL"),
                 QStringLiteral("due_at, id"), now, limit, by);
}

Status InvitationRepository::update(const Invitation& i, const QDateTime& at, const QString& by) {
    Query q(
        m_db,
        QStringLiteral(
            "UPDATE invitations SET email = :email, token_hash = :token, pin_hash = :pin, status = :status, "
            "sent_at = :sent, expires_at = :expires, activated_at = :activated, revoked_at = :revoked, "
            "revoke_reason = :reason, late_marked_at = :late, failed_attempts = :failed, updated_at = :at, "
            "updated_by = :by, row_version = row_version + 1 WHERE id = :id AND row_version = :version"));
    q.bind(QStringLiteral(":email"), i.email)
        .bind(QStringLiteral(":token"), DbTime::text(i.tokenHash))
        .bind(QStringLiteral(":pin"), i.pinHash)
        .bind(QStringLiteral(":status"), i.status)
        .bind(QStringLiteral(":sent"), DbTime::toDb(i.sentAt))
        .bind(QStringLiteral(":expires"), DbTime::toDb(i.expiresAt))
        .bind(QStringLiteral(":activated"), DbTime::toDb(i.activatedAt))
        .bind(QStringLiteral(":revoked"), DbTime::toDb(i.revokedAt))
        .bind(QStringLiteral(":reason"), DbTime::text(i.revokeReason))
        .bind(QStringLiteral(":late"), DbTime::toDb(i.lateMarkedAt))
        .bind(QStringLiteral(":failed"), i.failedAttempts)
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), i.id)
        .bind(QStringLiteral(":version"), i.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("invitations"), i.id,
                                QCoreApplication::translate("Database", "Invitation %1").arg(i.id));
    return {};
}

Result<QString> InvitationRepository::issueToken(qint64 invitationId) {
    if (m_db.dialect() == Dialect::Postgres) {
        Query q(m_db, QStringLiteral("SELECT public.invitation_issue_token(:id)"));
        q.bind(QStringLiteral(":id"), invitationId);
        PD_TRY(q.exec());
        return q.next() ? q.value(0).toString() : QString();
    }
    QString token = Secrets::newToken();
    if (token.isEmpty())
        return Error::internal(
            QStringLiteral("crypto.failed"),
            QCoreApplication::translate("Database", "No secure random token could be made."));
    Query q(m_db,
            QStringLiteral("UPDATE invitations SET token_hash = :h WHERE id = :id AND status = 'queued'"));
    q.bind(QStringLiteral(":h"), Secrets::sha256Hex(token.toLatin1()))
        .bind(QStringLiteral(":id"), invitationId);
    if (auto s = q.exec(); !s) {
        Secrets::wipe(token);
        return s.error();
    }
    if (q.numRowsAffected() != 1)
        Secrets::wipe(token);
    return q.numRowsAffected() == 1 ? token : QString();
}

Result<bool> InvitationRepository::markSent(qint64 invitationId, const QDateTime& at,
                                            const QDateTime& expiresAt, const QString& by) {
    Query q(m_db,
            QStringLiteral("UPDATE ") + m_db.table(QStringLiteral("invitations")) +
                QStringLiteral(" SET status = 'sent', sent_at = :at, expires_at = :exp, updated_at = :at2, "
                               "updated_by = :by, row_version = row_version + 1 WHERE id = :id AND "
                               "status = 'queued' AND token_hash IS NOT NULL"));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":exp"), DbTime::toDb(expiresAt))
        .bind(QStringLiteral(":at2"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), invitationId);
    PD_TRY(q.exec());
    return q.numRowsAffected() == 1;
}

Status InvitationRepository::mailNotSent(qint64 invitationId, bool failed, const QDateTime& at,
                                         const QString& by) {
    Query q(m_db, QStringLiteral("UPDATE ") + m_db.table(QStringLiteral("invitations")) +
                      (failed ? QStringLiteral(
                                    " SET token_hash = NULL, status = 'delivery_failed', updated_at = :at, "
                                    "updated_by = :by, row_version = row_version + 1 WHERE id = :id AND "
                                    "status IN ('queued', 'sent')")
                              : QStringLiteral(" SET token_hash = NULL, updated_at = :at, updated_by = :by "
                                               "WHERE id = :id AND status = 'queued'")));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), invitationId);
    return q.exec();
}

} // namespace pd
