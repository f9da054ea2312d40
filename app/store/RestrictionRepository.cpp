#include "store/RestrictionRepository.h"

namespace pd {

namespace {

const QString RowSelect =
    QStringLiteral("SELECT r.*, p.mrn AS p_mrn, p.given_name AS p_given, p.family_name AS p_family "
                   "FROM restrictions r JOIN patients p ON p.id = r.patient_id");

Restriction fromRow(Query& q) {
    Restriction r;
    r.id = q.value(QStringLiteral("id")).toLongLong();
    r.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    r.givenName = q.value(QStringLiteral("given_name")).toString();
    r.familyName = q.value(QStringLiteral("family_name")).toString();
    r.email = q.value(QStringLiteral("email")).toString();
    r.reason = q.value(QStringLiteral("reason")).toString();
    r.documentId = q.value(QStringLiteral("document_id")).toLongLong();
    r.until = DbTime::date(q.value(QStringLiteral("until_date")));
    r.note = q.value(QStringLiteral("note")).toString();
    r.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
    r.createdBy = q.value(QStringLiteral("created_by")).toString();
    r.liftedAt = DbTime::instant(q.value(QStringLiteral("lifted_at")));
    r.liftedBy = q.value(QStringLiteral("lifted_by")).toString();
    r.liftReason = q.value(QStringLiteral("lift_reason")).toString();
    r.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return r;
}

RestrictionRow rowFrom(Query& q) {
    RestrictionRow row;
    row.restriction = fromRow(q);
    row.mrn = q.value(QStringLiteral("p_mrn")).toString();
    row.patientName = q.value(QStringLiteral("p_given")).toString() + QLatin1Char(' ') +
                      q.value(QStringLiteral("p_family")).toString();
    return row;
}

// The filter's conditions; `today` and `by` are bound as ISO dates (text compares in date order).
QString whereOf(const RestrictionFilter& f) {
    QStringList parts;
    switch (f.show) {
    case RestrictionFilter::Show::Standing:
        parts << QStringLiteral("r.lifted_at IS NULL AND (r.until_date IS NULL OR r.until_date >= :today)");
        break;
    case RestrictionFilter::Show::Ending:
        parts << QStringLiteral("r.lifted_at IS NULL AND r.until_date IS NOT NULL AND r.until_date >= :today "
                                "AND r.until_date <= :by");
        break;
    case RestrictionFilter::Show::All:
        break;
    }
    if (f.patientId)
        parts << QStringLiteral("r.patient_id = :patient");
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bindFilter(Query& q, const RestrictionFilter& f) {
    if (f.show != RestrictionFilter::Show::All)
        q.bind(QStringLiteral(":today"), DbTime::toDb(f.today));
    if (f.show == RestrictionFilter::Show::Ending)
        q.bind(QStringLiteral(":by"), DbTime::toDb(f.endingBy));
    if (f.patientId)
        q.bind(QStringLiteral(":patient"), f.patientId);
}

} // namespace

Result<qint64> RestrictionRepository::insert(const Restriction& r) {
    Query q(m_db,
            QStringLiteral("INSERT INTO restrictions (patient_id, given_name, family_name, email, reason, "
                           "document_id, until_date, note, created_at, created_by) VALUES (:patient, "
                           ":given, :family, :email, :reason, :document, :until, :note, :at, :by)"));
    q.bind(QStringLiteral(":patient"), r.patientId)
        .bind(QStringLiteral(":given"), r.givenName)
        .bind(QStringLiteral(":family"), r.familyName)
        .bind(QStringLiteral(":email"), DbTime::text(r.email))
        .bind(QStringLiteral(":reason"), r.reason)
        .bind(QStringLiteral(":document"), r.documentId)
        .bind(QStringLiteral(":until"), DbTime::toDb(r.until))
        .bind(QStringLiteral(":note"), DbTime::text(r.note))
        .bind(QStringLiteral(":at"), DbTime::toDb(r.createdAt))
        .bind(QStringLiteral(":by"), r.createdBy);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<std::optional<RestrictionRow>> RestrictionRepository::byId(qint64 id) {
    Query q(m_db, RowSelect + QStringLiteral(" WHERE r.id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<RestrictionRow>();
    return std::optional<RestrictionRow>(rowFrom(q));
}

Result<QList<Restriction>> RestrictionRepository::forPatient(qint64 patientId) {
    Query q(m_db, QStringLiteral("SELECT * FROM restrictions WHERE patient_id = :patient ORDER BY "
                                 "CASE WHEN lifted_at IS NULL THEN 0 ELSE 1 END, id DESC"));
    q.bind(QStringLiteral(":patient"), patientId);
    PD_TRY(q.exec());
    QList<Restriction> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<QList<RestrictionRow>> RestrictionRepository::list(const RestrictionFilter& f) {
    const QString order = f.show == RestrictionFilter::Show::Ending
                              ? QStringLiteral(" ORDER BY r.until_date, r.id")
                              : QStringLiteral(" ORDER BY r.id DESC");
    Query q(m_db, RowSelect + whereOf(f) + order + QStringLiteral(" LIMIT :limit OFFSET :offset"));
    bindFilter(q, f);
    q.bind(QStringLiteral(":limit"), f.limit).bind(QStringLiteral(":offset"), f.offset);
    PD_TRY(q.exec());
    QList<RestrictionRow> out;
    while (q.next())
        out.append(rowFrom(q));
    return out;
}

Result<qint64> RestrictionRepository::count(const RestrictionFilter& f) {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM restrictions r") + whereOf(f));
    bindFilter(q, f);
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<bool> RestrictionRepository::lift(const Restriction& r, const QDateTime& at, const QString& by,
                                         const QString& reason) {
    Query q(m_db,
            QStringLiteral("UPDATE restrictions SET lifted_at = :at, lifted_by = :by, lift_reason = :why, "
                           "row_version = row_version + 1 WHERE id = :id AND row_version = :version AND "
                           "lifted_at IS NULL"));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":why"), reason)
        .bind(QStringLiteral(":id"), r.id)
        .bind(QStringLiteral(":version"), r.rowVersion);
    PD_TRY(q.exec());
    return q.numRowsAffected() == 1;
}

} // namespace pd
