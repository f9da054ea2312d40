#include "store/FeedRepository.h"

namespace pd {

namespace {

FeedMessageRow fromRow(Query& q, bool withRaw) {
    FeedMessageRow r;
    r.id = q.value(QStringLiteral("id")).toLongLong();
    r.source = q.value(QStringLiteral("source")).toString();
    r.controlId = q.value(QStringLiteral("control_id")).toString();
    r.trigger = q.value(QStringLiteral("trigger")).toString();
    r.receivedAt = DbTime::instant(q.value(QStringLiteral("received_at")));
    r.eventAt = DbTime::instant(q.value(QStringLiteral("event_at")));
    r.status = q.value(QStringLiteral("status")).toString();
    r.mrn = q.value(QStringLiteral("mrn")).toString();
    r.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    r.rule = q.value(QStringLiteral("rule")).toString();
    r.reason = q.value(QStringLiteral("reason")).toString();
    if (withRaw)
        r.raw = q.value(QStringLiteral("raw")).toByteArray();
    r.attempts = q.value(QStringLiteral("attempts")).toInt();
    return r;
}

const QString Columns = QStringLiteral("id, source, control_id, trigger, received_at, event_at, status, mrn, "
                                       "patient_id, rule, reason, attempts");

} // namespace

Result<std::optional<FeedMessageRow>> FeedRepository::byKey(const QString& source, const QString& controlId) {
    Query q(m_db, QStringLiteral("SELECT ") + Columns +
                      QStringLiteral(" FROM feed_messages WHERE source = :s AND control_id = :c"));
    q.bind(QStringLiteral(":s"), source).bind(QStringLiteral(":c"), controlId);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<FeedMessageRow>();
    return std::optional<FeedMessageRow>(fromRow(q, false));
}

Result<std::optional<FeedMessageRow>> FeedRepository::byId(qint64 id) {
    Query q(m_db,
            QStringLiteral("SELECT ") + Columns + QStringLiteral(", raw FROM feed_messages WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<FeedMessageRow>();
    return std::optional<FeedMessageRow>(fromRow(q, true));
}

Result<qint64> FeedRepository::record(const FeedMessageRow& r) {
    // One row per key: a retried refusal updates its row and counts the attempt.
    Query q(m_db,
            QStringLiteral(
                "INSERT INTO feed_messages (source, control_id, trigger, received_at, event_at, status, "
                "mrn, patient_id, rule, reason, raw) VALUES (:source, :control, :trigger, :received, "
                ":event, :status, :mrn, :patient, :rule, :reason, :raw) "
                "ON CONFLICT (source, control_id) DO UPDATE SET trigger = excluded.trigger, "
                "received_at = excluded.received_at, event_at = excluded.event_at, "
                "status = excluded.status, mrn = excluded.mrn, patient_id = excluded.patient_id, "
                "rule = excluded.rule, reason = excluded.reason, raw = excluded.raw, "
                "attempts = feed_messages.attempts + 1, resolved_at = NULL, resolved_by = NULL "
                "RETURNING id"));
    q.bind(QStringLiteral(":source"), r.source)
        .bind(QStringLiteral(":control"), r.controlId)
        .bind(QStringLiteral(":trigger"), r.trigger)
        .bind(QStringLiteral(":received"), DbTime::toDb(r.receivedAt))
        .bind(QStringLiteral(":event"), DbTime::toDb(r.eventAt))
        .bind(QStringLiteral(":status"), r.status)
        .bind(QStringLiteral(":mrn"), DbTime::text(r.mrn))
        .bind(QStringLiteral(":patient"), DbTime::id(r.patientId))
        .bind(QStringLiteral(":rule"), DbTime::text(r.rule))
        .bind(QStringLiteral(":reason"), DbTime::text(r.reason))
        .bind(QStringLiteral(":raw"),
              r.raw.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(r.raw));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status FeedRepository::recordAll(const QList<FeedMessageRow>& all) {
    static const QStringList columns{QStringLiteral("source"),   QStringLiteral("control_id"),
                                     QStringLiteral("trigger"),  QStringLiteral("received_at"),
                                     QStringLiteral("event_at"), QStringLiteral("status"),
                                     QStringLiteral("mrn"),      QStringLiteral("patient_id")};
    for (qsizetype from = 0; from < all.size(); from += DbTime::RowsPerStatement) {
        const qsizetype rows = std::min(DbTime::RowsPerStatement, all.size() - from);
        BulkRows values(m_db.dialect(), columns, QStringLiteral("public.feed_messages"));
        for (qsizetype i = 0; i < rows; ++i) {
            const FeedMessageRow& r = all.at(from + i);
            values.add(r.source)
                .add(r.controlId)
                .add(r.trigger)
                .add(DbTime::toDb(r.receivedAt))
                .add(DbTime::toDb(r.eventAt))
                .add(r.status)
                .add(DbTime::text(r.mrn))
                .add(DbTime::id(r.patientId));
        }
        Query q(m_db, QStringLiteral("INSERT INTO feed_messages (") + values.columns() +
                          QStringLiteral(") ") + values.source());
        values.bindTo(q);
        PD_TRY(q.exec());
    }
    return {};
}

// Each key is looked up on its own through the (source, control_id) key. Asked as "control_id IN (…)", a
// server whose statistics were taken when the table was small reads every row of the source instead,
// and an import into a new database slows with every batch.
Result<QSet<QString>> FeedRepository::seenKeys(const QString& source, const QStringList& controlIds) {
    QSet<QString> out;
    for (qsizetype from = 0; from < controlIds.size(); from += DbTime::RowsPerStatement) {
        const qsizetype rows = std::min(DbTime::RowsPerStatement, controlIds.size() - from);
        Query q(m_db, QStringLiteral("SELECT k.column1 FROM (VALUES ") + DbTime::rowsOf(1, rows) +
                          QStringLiteral(") AS k WHERE (SELECT 1 FROM feed_messages f WHERE f.source = ? AND "
                                         "f.control_id = k.column1) = 1"));
        for (qsizetype i = 0; i < rows; ++i)
            q.add(controlIds.at(from + i));
        q.add(source);
        PD_TRY(q.exec());
        while (q.next())
            out.insert(q.value(0).toString());
    }
    return out;
}

Result<QList<FeedMessageRow>> FeedRepository::refused(int limit, int offset) {
    Query q(m_db, QStringLiteral("SELECT ") + Columns +
                      QStringLiteral(" FROM feed_messages WHERE status = 'refused' ORDER BY received_at, id "
                                     "LIMIT :limit OFFSET :offset"));
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    PD_TRY(q.exec());
    QList<FeedMessageRow> out;
    while (q.next())
        out.append(fromRow(q, false));
    return out;
}

Result<qint64> FeedRepository::refusedCount() {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM feed_messages WHERE status = 'refused'"));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status FeedRepository::dismiss(qint64 id, const QDateTime& at, const QString& by) {
    Query q(m_db,
            QStringLiteral("UPDATE feed_messages SET status = 'dismissed', raw = NULL, resolved_at = :at, "
                           "resolved_by = :by WHERE id = :id AND status = 'refused'"));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), id);
    return q.exec();
}

Result<QDateTime> FeedRepository::lastReceived() {
    Query q(m_db, QStringLiteral("SELECT max(received_at) FROM feed_messages"));
    PD_TRY(q.exec());
    return q.next() ? DbTime::instant(q.value(0)) : QDateTime();
}

} // namespace pd
