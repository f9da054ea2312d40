#include "store/MergeRepository.h"

namespace pd {

namespace {

const QString Select = QStringLiteral(
    "SELECT m.*, s.mrn AS survivor_mrn, s.given_name || ' ' || s.family_name AS survivor_name, p.mrn AS "
    "prior_mrn, "
    "p.given_name || ' ' || p.family_name AS prior_name FROM patient_merges m JOIN patients s ON s.id = "
    "m.survivor_id JOIN patients p ON p.id = m.prior_id ");

MergeRow fromRow(Query& q) {
    MergeRow r;
    r.id = q.value(QStringLiteral("id")).toLongLong();
    r.survivorId = q.value(QStringLiteral("survivor_id")).toLongLong();
    r.priorId = q.value(QStringLiteral("prior_id")).toLongLong();
    r.survivorMrn = q.value(QStringLiteral("survivor_mrn")).toString();
    r.priorMrn = q.value(QStringLiteral("prior_mrn")).toString();
    r.survivorName = q.value(QStringLiteral("survivor_name")).toString();
    r.priorName = q.value(QStringLiteral("prior_name")).toString();
    r.status = q.value(QStringLiteral("status")).toString();
    const QString conflicts = q.value(QStringLiteral("conflicts")).toString();
    r.conflicts = conflicts.isEmpty() ? QStringList() : conflicts.split(QLatin1Char('\n'));
    r.source = q.value(QStringLiteral("source")).toString();
    r.controlId = q.value(QStringLiteral("control_id")).toString();
    r.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
    r.createdBy = q.value(QStringLiteral("created_by")).toString();
    r.resolvedAt = DbTime::instant(q.value(QStringLiteral("resolved_at")));
    r.resolvedBy = q.value(QStringLiteral("resolved_by")).toString();
    return r;
}

} // namespace

Result<qint64> MergeRepository::insert(const MergeRow& r) {
    Query q(m_db,
            QStringLiteral("INSERT INTO patient_merges (survivor_id, prior_id, status, conflicts, source, "
                           "control_id, created_at, created_by, resolved_at, resolved_by) VALUES (:s, :p, "
                           ":status, :conflicts, :source, :control, :at, :by, :resolved, :resolver) "
                           "RETURNING id"));
    q.bind(QStringLiteral(":s"), r.survivorId)
        .bind(QStringLiteral(":p"), r.priorId)
        .bind(QStringLiteral(":status"), r.status)
        .bind(QStringLiteral(":conflicts"), DbTime::text(r.conflicts.join(QLatin1Char('\n')).left(4000)))
        .bind(QStringLiteral(":source"), DbTime::text(r.source))
        .bind(QStringLiteral(":control"), DbTime::text(r.controlId))
        .bind(QStringLiteral(":at"), DbTime::toDb(r.createdAt))
        .bind(QStringLiteral(":by"), r.createdBy)
        .bind(QStringLiteral(":resolved"), DbTime::toDb(r.resolvedAt))
        .bind(QStringLiteral(":resolver"), DbTime::text(r.resolvedBy));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<std::optional<MergeRow>> MergeRepository::byId(qint64 id) {
    Query q(m_db, Select + QStringLiteral("WHERE m.id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<MergeRow>();
    return std::optional<MergeRow>(fromRow(q));
}

Result<std::optional<MergeRow>> MergeRepository::heldForPrior(qint64 priorId) {
    Query q(m_db, Select + QStringLiteral("WHERE m.prior_id = :p AND m.status = 'held'"));
    q.bind(QStringLiteral(":p"), priorId);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<MergeRow>();
    return std::optional<MergeRow>(fromRow(q));
}

Result<QList<MergeRow>> MergeRepository::held(int limit, int offset) {
    Query q(m_db, Select + QStringLiteral("WHERE m.status = 'held' ORDER BY m.created_at, m.id LIMIT :limit "
                                          "OFFSET :offset"));
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    PD_TRY(q.exec());
    QList<MergeRow> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<qint64> MergeRepository::heldCount() {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM patient_merges WHERE status = 'held'"));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status MergeRepository::markMerged(qint64 id, const QDateTime& at, const QString& by) {
    Query q(m_db, QStringLiteral(
                      "UPDATE patient_merges SET status = 'merged', resolved_at = :at, resolved_by = :by "
                      "WHERE id = :id AND status = 'held'"));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), id);
    return q.exec();
}

Result<int> MergeRepository::moveRecords(qint64 priorId, qint64 survivorId, const QDateTime& at,
                                         const QString& by) {
    int moved = 0;
    // Our own table names and columns; only the ids are bound.
    const QList<std::pair<QString, bool>> tables = {
        {QStringLiteral("portal_users"), true},  {QStringLiteral("enrollments"), false},
        {QStringLiteral("access_grants"), true}, {QStringLiteral("consents"), true},
        {QStringLiteral("requests"), true},      {QStringLiteral("restrictions"), false},
    };
    for (const auto& [table, stamped] : tables) {
        // A patient has one own login: the prior record's stays with it when the survivor has one.
        const QString unlessTaken =
            table == QLatin1String("portal_users")
                ? QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM portal_users o WHERE "
                                 "o.patient_id = :s2)")
                : QString();
        Query q(m_db,
                QStringLiteral("UPDATE ") + m_db.table(table) + QStringLiteral(" SET patient_id = :s") +
                    (stamped ? QStringLiteral(
                                   ", updated_at = :at, updated_by = :by, row_version = row_version + 1")
                             : QString()) +
                    QStringLiteral(" WHERE patient_id = :p") + unlessTaken);
        q.bind(QStringLiteral(":s"), survivorId).bind(QStringLiteral(":p"), priorId);
        if (!unlessTaken.isEmpty())
            q.bind(QStringLiteral(":s2"), survivorId);
        if (stamped)
            q.bind(QStringLiteral(":at"), DbTime::toDb(at)).bind(QStringLiteral(":by"), by);
        PD_TRY(q.exec());
        moved += q.numRowsAffected();
    }
    return moved;
}

Result<QList<qint64>> MergeRepository::mergedInto(qint64 survivorId) {
    QList<qint64> out;
    QList<qint64> frontier{survivorId};
    // Chains are short (a record merged into one later merged again); stop at any cycle.
    while (!frontier.isEmpty() && out.size() < 100) {
        const qint64 next = frontier.takeFirst();
        Query q(m_db, QStringLiteral("SELECT id FROM patients WHERE merged_into = :s"));
        q.bind(QStringLiteral(":s"), next);
        PD_TRY(q.exec());
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (id != survivorId && !out.contains(id)) {
                out.append(id);
                frontier.append(id);
            }
        }
    }
    return out;
}

} // namespace pd
