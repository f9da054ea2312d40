#include "store/OutboxRepository.h"

namespace pd {

namespace {

OutboxMessage fromRow(Query& q, bool withRaw) {
    OutboxMessage m;
    m.id = q.value(QStringLiteral("id")).toLongLong();
    m.messageId = q.value(QStringLiteral("message_id")).toString();
    m.kind = q.value(QStringLiteral("kind")).toString();
    m.sender = q.value(QStringLiteral("sender")).toString();
    m.recipient = q.value(QStringLiteral("recipient")).toString();
    m.language = q.value(QStringLiteral("language")).toString();
    m.subject = q.value(QStringLiteral("subject")).toString();
    if (withRaw) {
        m.raw = q.value(QStringLiteral("raw")).toByteArray();
        m.vars = q.value(QStringLiteral("vars")).toString();
    }
    m.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    m.invitationId = q.value(QStringLiteral("invitation_id")).toLongLong();
    m.status = q.value(QStringLiteral("status")).toString();
    m.attempts = q.value(QStringLiteral("attempts")).toInt();
    m.nextAttemptAt = DbTime::instant(q.value(QStringLiteral("next_attempt_at")));
    m.lastError = q.value(QStringLiteral("last_error")).toString();
    m.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
    m.sentAt = DbTime::instant(q.value(QStringLiteral("sent_at")));
    return m;
}

} // namespace

Result<qint64> OutboxRepository::insert(const OutboxMessage& m) {
    Query q(m_db,
            QStringLiteral("INSERT INTO ") + m_db.table(QStringLiteral("outbox")) +
                QStringLiteral(" (message_id, kind, sender, recipient, language, "
                               "subject, vars, portal_user_id, "
                               "invitation_id, status, next_attempt_at, created_at) VALUES (:mid, :kind, "
                               ":sender, :recipient, :lang, "
                               ":subject, :vars, :user, :invitation, 'pending', :next, :at)"));
    q.bind(QStringLiteral(":mid"), m.messageId)
        .bind(QStringLiteral(":kind"), m.kind)
        .bind(QStringLiteral(":sender"), m.sender)
        .bind(QStringLiteral(":recipient"), m.recipient)
        .bind(QStringLiteral(":lang"), m.language)
        .bind(QStringLiteral(":subject"), m.subject)
        .bind(QStringLiteral(":vars"), m.vars)
        .bind(QStringLiteral(":user"), DbTime::id(m.portalUserId))
        .bind(QStringLiteral(":invitation"), DbTime::id(m.invitationId))
        .bind(QStringLiteral(":next"), DbTime::toDb(m.createdAt))
        .bind(QStringLiteral(":at"), DbTime::toDb(m.createdAt));
    PD_TRY(q.exec());
    return q.lastInsertId();
}

namespace {

// The instant a claim is stamped with, or compared to: on the central database its own clock (a training
// database's given time); on the embedded file the one machine's.
QString claimClock(const Database& db, const QString& placeholder, int secondsAgo = 0) {
    if (db.dialect() != Dialect::Postgres)
        return placeholder;
    return QStringLiteral("server_now(%1, %2)").arg(placeholder).arg(secondsAgo);
}

constexpr int StaleClaimSeconds = 1800;

} // namespace

Result<QList<OutboxMessage>> OutboxRepository::claimDue(const QDateTime& now, const QString& worker,
                                                        int limit) {
    // SQLite serialises writers (BEGIN IMMEDIATE), so select-then-mark inside one transaction is a claim;
    // on PostgreSQL the rows are locked as they are read, and rows another dispatcher holds are skipped.
    // A claim older than half an hour belongs to a dispatcher that died mid-round.
    Query q(m_db, QStringLiteral("SELECT * FROM outbox WHERE (status = 'pending' AND next_attempt_at <= %1) "
                                 "OR (status = 'sending' AND claimed_at < %2) ORDER BY id LIMIT :limit")
                          .arg(claimClock(m_db, QStringLiteral(":now")),
                               claimClock(m_db, QStringLiteral(":stale"), StaleClaimSeconds)) +
                      (m_db.dialect() == Dialect::Postgres ? QStringLiteral(" FOR UPDATE SKIP LOCKED")
                                                           : QString()));
    q.bind(QStringLiteral(":now"), DbTime::toDb(now))
        .bind(QStringLiteral(":stale"), DbTime::toDb(now.addSecs(-StaleClaimSeconds)))
        .bind(QStringLiteral(":limit"), limit);
    PD_TRY(q.exec());
    QList<OutboxMessage> out;
    while (q.next())
        out.append(fromRow(q, true));
    for (OutboxMessage& m : out) {
        Query claim(m_db,
                    QStringLiteral("UPDATE outbox SET status = 'sending', claimed_by = :w, claimed_at = %1, "
                                   "attempts = attempts + 1 WHERE id = :id")
                        .arg(claimClock(m_db, QStringLiteral(":at"))));
        claim.bind(QStringLiteral(":w"), worker)
            .bind(QStringLiteral(":at"), DbTime::toDb(now))
            .bind(QStringLiteral(":id"), m.id);
        PD_TRY(claim.exec());
        m.status = QStringLiteral("sending");
        ++m.attempts;
    }
    return out;
}

Result<bool> OutboxRepository::renewClaim(qint64 id, const QDateTime& now, const QString& worker) {
    Query q(m_db, QStringLiteral("UPDATE outbox SET claimed_at = %1 WHERE id = :id AND claimed_by = :w AND "
                                 "status = 'sending'")
                      .arg(claimClock(m_db, QStringLiteral(":at"))));
    q.bind(QStringLiteral(":at"), DbTime::toDb(now))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":w"), worker);
    PD_TRY(q.exec());
    return q.numRowsAffected() == 1;
}

Status OutboxRepository::markSent(qint64 id, const QDateTime& at, const QString& worker) {
    Query q(m_db,
            QStringLiteral("UPDATE outbox SET status = 'sent', sent_at = :at, raw = NULL, last_error = NULL, "
                           "claimed_by = NULL, claimed_at = NULL WHERE id = :id AND claimed_by = :w"));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":w"), worker);
    return q.exec();
}

Status OutboxRepository::markRetry(qint64 id, const QString& error, const QDateTime& nextAttempt,
                                   const QString& worker) {
    Query q(m_db,
            QStringLiteral("UPDATE outbox SET status = 'pending', last_error = :e, next_attempt_at = :next, "
                           "claimed_by = NULL, claimed_at = NULL WHERE id = :id AND claimed_by = :w"));
    q.bind(QStringLiteral(":e"), error.left(1000))
        .bind(QStringLiteral(":next"), DbTime::toDb(nextAttempt))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":w"), worker);
    return q.exec();
}

Status OutboxRepository::markCancelled(qint64 id, const QString& why, const QString& worker) {
    Query q(m_db,
            QStringLiteral("UPDATE outbox SET status = 'cancelled', last_error = :e, claimed_by = NULL, "
                           "claimed_at = NULL WHERE id = :id AND claimed_by = :w"));
    q.bind(QStringLiteral(":e"), why).bind(QStringLiteral(":id"), id).bind(QStringLiteral(":w"), worker);
    return q.exec();
}

Status OutboxRepository::release(qint64 id, const QString& worker) {
    Query q(m_db, QStringLiteral("UPDATE outbox SET status = 'pending', attempts = attempts - 1, "
                                 "claimed_by = NULL, claimed_at = NULL WHERE id = :id AND claimed_by = :w"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":w"), worker);
    return q.exec();
}

Status OutboxRepository::markFailed(qint64 id, const QString& error, const QString& worker) {
    Query q(m_db, QStringLiteral("UPDATE outbox SET status = 'failed', last_error = :e, claimed_by = NULL, "
                                 "claimed_at = NULL WHERE id = :id AND claimed_by = :w"));
    q.bind(QStringLiteral(":e"), error.left(1000))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":w"), worker);
    return q.exec();
}

Result<QList<OutboxMessage>> OutboxRepository::list(const QString& status, int limit) {
    // Without the bodies, which staff on the central database may not read.
    const QString columns = QStringLiteral(
        "SELECT id, message_id, kind, sender, recipient, language, subject, portal_user_id, invitation_id, "
        "status, attempts, next_attempt_at, last_error, created_at, sent_at FROM outbox ");
    Query q(m_db, columns + (status.isEmpty()
                                 ? QStringLiteral("ORDER BY id DESC LIMIT :limit")
                                 : QStringLiteral("WHERE status = :status ORDER BY id DESC LIMIT :limit")));
    if (!status.isEmpty())
        q.bind(QStringLiteral(":status"), status);
    q.bind(QStringLiteral(":limit"), limit);
    PD_TRY(q.exec());
    QList<OutboxMessage> out;
    while (q.next())
        out.append(fromRow(q, false));
    return out;
}

Result<int> OutboxRepository::waitingCount() {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')"));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<bool> OutboxRepository::waitingForInvitation(qint64 invitationId) {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE invitation_id = :inv AND status IN "
                                 "('pending', 'sending')"));
    q.bind(QStringLiteral(":inv"), invitationId);
    PD_TRY(q.exec());
    return q.next() && q.value(0).toLongLong() > 0;
}

Result<std::optional<OutboxMessage>> OutboxRepository::byId(qint64 id) {
    Query q(m_db, QStringLiteral("SELECT * FROM outbox WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<OutboxMessage>();
    return std::optional<OutboxMessage>(fromRow(q, true));
}

Result<int> OutboxRepository::cancelPending(const QList<qint64>& userIds, qint64 patientId,
                                            const QString& why) {
    QStringList ids;
    for (qint64 id : userIds)
        ids << QString::number(id); // numbers only: safe to write into the statement
    if (ids.isEmpty())
        ids << QStringLiteral("0");
    Query q(m_db,
            QStringLiteral("UPDATE ") + m_db.table(QStringLiteral("outbox")) +
                QStringLiteral(" SET status = 'cancelled', last_error = :why WHERE status = 'pending' AND "
                               "(portal_user_id IN (") +
                ids.join(QLatin1Char(',')) +
                QStringLiteral(") OR id IN (SELECT n.outbox_id FROM transition_notices n JOIN "
                               "access_grants g ON g.id = n.grant_id WHERE g.patient_id = :patient))"));
    q.bind(QStringLiteral(":why"), why).bind(QStringLiteral(":patient"), patientId);
    PD_TRY(q.exec());
    return q.numRowsAffected();
}

Result<int> OutboxRepository::pendingFor(const QList<qint64>& userIds) {
    if (userIds.isEmpty())
        return 0;
    QStringList ids;
    for (qint64 id : userIds)
        ids << QString::number(id); // numbers only: safe to write into the statement
    Query q(m_db,
            QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'pending' AND portal_user_id IN (") +
                ids.join(QLatin1Char(',')) + QStringLiteral(")"));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<int> OutboxRepository::cancelNotices(const QList<qint64>& grantIds, const QString& why) {
    if (grantIds.isEmpty())
        return 0;
    QStringList ids;
    for (qint64 id : grantIds)
        ids << QString::number(id); // numbers only: safe to write into the statement
    Query q(m_db, QStringLiteral("UPDATE ") + m_db.table(QStringLiteral("outbox")) +
                      QStringLiteral(
                          " SET status = 'cancelled', last_error = :why WHERE status = 'pending' AND id IN "
                          "(SELECT n.outbox_id FROM transition_notices n WHERE n.grant_id IN (") +
                      ids.join(QLatin1Char(',')) + QStringLiteral("))"));
    q.bind(QStringLiteral(":why"), why);
    PD_TRY(q.exec());
    return q.numRowsAffected();
}

} // namespace pd
