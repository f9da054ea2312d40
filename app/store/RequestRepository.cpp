#include "store/RequestRepository.h"

#include "store/PatientRepository.h"

#include <QCoreApplication>

namespace pd {

namespace {

const QString RowSelect =
    QStringLiteral("SELECT r.*, p.mrn AS p_mrn, p.given_name AS p_given, p.family_name AS p_family, "
                   "u.username AS u_username, u.given_name AS u_given, u.family_name AS u_family "
                   "FROM requests r LEFT JOIN patients p ON p.id = r.patient_id "
                   "LEFT JOIN portal_users u ON u.id = r.portal_user_id");

FamilyRequest fromRow(Query& q) {
    FamilyRequest r;
    r.id = q.value(QStringLiteral("id")).toLongLong();
    r.kind = q.value(QStringLiteral("kind")).toString();
    r.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    r.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    r.receivedAt = DbTime::instant(q.value(QStringLiteral("received_at")));
    r.channel = q.value(QStringLiteral("channel")).toString();
    r.note = q.value(QStringLiteral("note")).toString();
    r.dueAt = DbTime::instant(q.value(QStringLiteral("due_at")));
    r.status = q.value(QStringLiteral("status")).toString();
    r.resolvedAt = DbTime::instant(q.value(QStringLiteral("resolved_at")));
    r.resolvedBy = q.value(QStringLiteral("resolved_by")).toString();
    r.resolutionNote = q.value(QStringLiteral("resolution_note")).toString();
    r.resolvedAction = q.value(QStringLiteral("resolved_action")).toString();
    r.resolvedEventId = q.value(QStringLiteral("resolved_event_id")).toLongLong();
    r.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
    r.createdBy = q.value(QStringLiteral("created_by")).toString();
    r.updatedAt = DbTime::instant(q.value(QStringLiteral("updated_at")));
    r.updatedBy = q.value(QStringLiteral("updated_by")).toString();
    r.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return r;
}

QString fullName(const QVariant& given, const QVariant& family) {
    if (given.isNull() && family.isNull())
        return {};
    return given.toString() + QLatin1Char(' ') + family.toString();
}

RequestRow rowFrom(Query& q) {
    RequestRow row;
    row.request = fromRow(q);
    row.mrn = q.value(QStringLiteral("p_mrn")).toString();
    row.patientName = fullName(q.value(QStringLiteral("p_given")), q.value(QStringLiteral("p_family")));
    row.username = q.value(QStringLiteral("u_username")).toString();
    row.userName = fullName(q.value(QStringLiteral("u_given")), q.value(QStringLiteral("u_family")));
    return row;
}

AuditedAction actionFrom(Query& q) {
    AuditedAction a;
    a.eventId = q.value(QStringLiteral("id")).toLongLong();
    a.action = q.value(QStringLiteral("action")).toString();
    a.recordType = q.value(QStringLiteral("record_type")).toString();
    a.recordId = q.value(QStringLiteral("record_id")).toString();
    a.at = DbTime::instant(q.value(QStringLiteral("at")));
    a.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    a.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    return a;
}

} // namespace

Result<qint64> RequestRepository::insert(const FamilyRequest& r, const QDateTime& at, const QString& by) {
    Query q(m_db,
            QStringLiteral("INSERT INTO requests (kind, patient_id, portal_user_id, received_at, channel, "
                           "note, due_at, status, created_at, created_by, updated_at, updated_by) VALUES "
                           "(:kind, :patient, :user, :received, :channel, :note, :due, 'open', :at, :by, "
                           ":at2, :by2)"));
    q.bind(QStringLiteral(":kind"), r.kind)
        .bind(QStringLiteral(":patient"), DbTime::id(r.patientId))
        .bind(QStringLiteral(":user"), DbTime::id(r.portalUserId))
        .bind(QStringLiteral(":received"), DbTime::toDb(r.receivedAt))
        .bind(QStringLiteral(":channel"), r.channel)
        .bind(QStringLiteral(":note"), DbTime::text(r.note))
        .bind(QStringLiteral(":due"), DbTime::toDb(r.dueAt))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":at2"), DbTime::toDb(at))
        .bind(QStringLiteral(":by2"), by);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<std::optional<RequestRow>> RequestRepository::byId(qint64 id) {
    Query q(m_db, RowSelect + QStringLiteral(" WHERE r.id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<RequestRow>();
    return std::optional<RequestRow>(rowFrom(q));
}

namespace {

QString requestWhere(RequestFilter::Show show) {
    switch (show) {
    case RequestFilter::Show::Open:
        return QStringLiteral(" WHERE r.status = 'open'");
    case RequestFilter::Show::Late:
        return QStringLiteral(" WHERE r.status = 'open' AND r.due_at < :now");
    case RequestFilter::Show::All:
        break;
    }
    return QString();
}

} // namespace

Result<qint64> RequestRepository::count(const RequestFilter& f) {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM requests r") + requestWhere(f.show));
    if (f.show == RequestFilter::Show::Late)
        q.bind(QStringLiteral(":now"), DbTime::toDb(f.now));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<RequestRow>> RequestRepository::list(const RequestFilter& f) {
    Query q(m_db, RowSelect + requestWhere(f.show) +
                      QStringLiteral(" ORDER BY r.due_at, r.id LIMIT :limit OFFSET :offset"));
    if (f.show == RequestFilter::Show::Late)
        q.bind(QStringLiteral(":now"), DbTime::toDb(f.now));
    q.bind(QStringLiteral(":limit"), qMax(0, f.limit)).bind(QStringLiteral(":offset"), qMax(0, f.offset));
    PD_TRY(q.exec());
    QList<RequestRow> out;
    while (q.next())
        out.append(rowFrom(q));
    return out;
}

Status RequestRepository::update(const FamilyRequest& r, const QDateTime& at, const QString& by) {
    Query q(m_db,
            QStringLiteral("UPDATE requests SET status = :status, resolved_at = :resolved, resolved_by = "
                           ":resolver, resolution_note = :rnote, resolved_action = :action, "
                           "resolved_event_id = :event, updated_at = :at, updated_by = :by, "
                           "row_version = row_version + 1 WHERE id = :id AND row_version = :version"));
    q.bind(QStringLiteral(":status"), r.status)
        .bind(QStringLiteral(":resolved"), DbTime::toDb(r.resolvedAt))
        .bind(QStringLiteral(":resolver"), DbTime::text(r.resolvedBy))
        .bind(QStringLiteral(":rnote"), DbTime::text(r.resolutionNote))
        .bind(QStringLiteral(":action"), DbTime::text(r.resolvedAction))
        .bind(QStringLiteral(":event"), DbTime::id(r.resolvedEventId))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), r.id)
        .bind(QStringLiteral(":version"), r.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("requests"), r.id,
                                QCoreApplication::translate("Database", "Request #%1").arg(r.id));
    return {};
}

Result<std::optional<AuditedAction>> RequestRepository::auditedAction(qint64 eventId) {
    // On the central database a specialist reads the events of patients and logins through a view of this
    // name; an event outside it is "not found" to them.
    Query q(m_db, QStringLiteral("SELECT id, action, record_type, record_id, at, patient_id, portal_user_id "
                                 "FROM audit_events WHERE id = :id"));
    q.bind(QStringLiteral(":id"), eventId);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<AuditedAction>();
    return std::optional<AuditedAction>(actionFrom(q));
}

Result<std::optional<AuditedAction>> RequestRepository::latestChangeTo(const QString& recordType,
                                                                       const QString& recordId) {
    Query q(m_db,
            QStringLiteral(
                "SELECT id, action, record_type, record_id, at, patient_id, portal_user_id FROM audit_events "
                "WHERE record_type = :rtype AND record_id = :rid AND action NOT LIKE '%.opened' "
                "ORDER BY id DESC LIMIT 1"));
    q.bind(QStringLiteral(":rtype"), recordType).bind(QStringLiteral(":rid"), recordId);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<AuditedAction>();
    return std::optional<AuditedAction>(actionFrom(q));
}

} // namespace pd
