#include "store/AuditLog.h"

#include "core/Secrets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace pd {

namespace {

AuditEvent fromRow(Query& q) {
    AuditEvent e;
    e.id = q.value(QStringLiteral("id")).toLongLong();
    e.at = DbTime::instant(q.value(QStringLiteral("at")));
    e.staff = q.value(QStringLiteral("staff")).toString();
    e.workstation = q.value(QStringLiteral("workstation")).toString();
    e.action = q.value(QStringLiteral("action")).toString();
    e.recordType = q.value(QStringLiteral("record_type")).toString();
    e.recordId = q.value(QStringLiteral("record_id")).toString();
    e.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    e.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    e.details = q.value(QStringLiteral("details")).toString();
    e.prevHash = q.value(QStringLiteral("prev_hash")).toString();
    e.hash = q.value(QStringLiteral("hash")).toString();
    return e;
}

} // namespace

QString AuditLog::genesisHash() {
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashOf(const AuditEvent& e) {
    // Length-prefixed fields, so moving text between fields changes the hash.
    QByteArray material;
    const auto add = [&material](const QString& field) {
        const QByteArray utf8 = field.toUtf8();
        material += QByteArray::number(utf8.size()) + ':' + utf8 + '\n';
    };
    add(e.prevHash);
    add(QString::number(e.id));
    add(DbTime::toDb(e.at).toString());
    add(e.staff);
    add(e.workstation);
    add(e.action);
    add(e.recordType);
    add(e.recordId);
    add(QString::number(e.patientId));
    add(QString::number(e.portalUserId));
    add(e.details);
    return Secrets::sha256Hex(material);
}

Status AuditLog::append(AuditEvent e) {
    return appendAll({std::move(e)});
}

Status AuditLog::appendAll(QList<AuditEvent> events) {
    if (events.isEmpty())
        return {};
    if (m_db.dialect() == Dialect::Postgres)
        return appendOnServer(events);
    Database::AuditLink link;
    if (const auto tail = m_db.auditTail()) {
        link = *tail;
    } else {
        Query last(m_db, QStringLiteral("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"));
        PD_TRY(last.exec());
        if (last.next())
            link = {last.value(0).toLongLong(), last.value(1).toString()};
        else
            link = {0, genesisHash()};
    }
    for (AuditEvent& e : events) {
        e.id = link.id + 1;
        e.prevHash = link.hash;
        // Stored times have millisecond precision; hash what is stored.
        e.at = DbTime::instant(DbTime::toDb(e.at));
        e.hash = hashOf(e);
        link = {e.id, e.hash};
    }
    // Many events go in one statement per chunk (a nightly batch, an import's new patients).
    static const QStringList columns{
        QStringLiteral("id"),          QStringLiteral("at"),         QStringLiteral("staff"),
        QStringLiteral("workstation"), QStringLiteral("action"),     QStringLiteral("record_type"),
        QStringLiteral("record_id"),   QStringLiteral("patient_id"), QStringLiteral("portal_user_id"),
        QStringLiteral("details"),     QStringLiteral("prev_hash"),  QStringLiteral("hash")};
    Status written;
    for (qsizetype from = 0; from < events.size() && written; from += DbTime::RowsPerStatement) {
        const qsizetype rows = std::min(DbTime::RowsPerStatement, events.size() - from);
        BulkRows values(m_db.dialect(), columns, QStringLiteral("public.audit_events"));
        for (qsizetype i = 0; i < rows; ++i) {
            const AuditEvent& e = events.at(from + i);
            values.add(e.id)
                .add(DbTime::toDb(e.at))
                .add(e.staff)
                .add(e.workstation)
                .add(e.action)
                .add(e.recordType)
                .add(e.recordId)
                .add(DbTime::id(e.patientId))
                .add(DbTime::id(e.portalUserId))
                .add(e.details.isEmpty() ? QStringLiteral("{}") : e.details)
                .add(e.prevHash)
                .add(e.hash);
        }
        Query q(m_db, QStringLiteral("INSERT INTO audit_events (") + values.columns() + QStringLiteral(") ") +
                          values.source());
        values.bindTo(q);
        written = q.exec();
    }
    m_db.noteAuditTail(written ? std::optional<Database::AuditLink>(link) : std::nullopt);
    return written;
}

Status AuditLog::appendOnServer(const QList<AuditEvent>& events) {
    // The central database writes its own log: staff may not insert rows, and the server stamps the id,
    // the hash, the login and (unless it is a training database) the time. Events go in chunks, chained
    // across them by the server.
    m_db.noteAuditTail(std::nullopt);
    for (qsizetype from = 0; from < events.size(); from += DbTime::RowsPerStatement) {
        const qsizetype rows = std::min(DbTime::RowsPerStatement, events.size() - from);
        QJsonArray chunk;
        for (qsizetype i = 0; i < rows; ++i) {
            const AuditEvent& e = events.at(from + i);
            chunk.append(QJsonObject{
                {QStringLiteral("at"), DbTime::toDb(e.at).toString()},
                {QStringLiteral("staff"), e.staff},
                {QStringLiteral("workstation"), e.workstation},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("record_type"), e.recordType},
                {QStringLiteral("record_id"), e.recordId},
                {QStringLiteral("patient_id"), e.patientId},
                {QStringLiteral("portal_user_id"), e.portalUserId},
                {QStringLiteral("details"), e.details.isEmpty() ? QStringLiteral("{}") : e.details},
            });
        }
        Query q(m_db, QStringLiteral("SELECT id FROM public.audit_append(CAST(? AS json))"));
        q.add(QString::fromUtf8(QJsonDocument(chunk).toJson(QJsonDocument::Compact)));
        PD_TRY(q.exec());
    }
    return {};
}

Result<AuditVerification> AuditLog::verify(const QList<AuditAnchor>& anchors) {
    QHash<qint64, const AuditAnchor*> anchored;
    qint64 newestAnchored = 0;
    for (const AuditAnchor& a : anchors) {
        anchored.insert(a.id, &a);
        newestAnchored = std::max(newestAnchored, a.id);
    }
    const auto when = [](const AuditAnchor* a) { return DbTime::toDb(a->at).toString(); };
    Query q(m_db, QStringLiteral("SELECT * FROM audit_events ORDER BY id"));
    PD_TRY(q.exec());
    AuditVerification v;
    QString expectedPrev = genesisHash();
    qint64 expectedId = 1;
    while (q.next()) {
        const AuditEvent e = fromRow(q);
        ++v.checked;
        QString problem;
        if (e.id != expectedId)
            problem = QCoreApplication::translate("AuditLog", "events %1 to %2 are missing (deleted)")
                          .arg(expectedId)
                          .arg(e.id - 1);
        else if (e.prevHash != expectedPrev)
            problem = QCoreApplication::translate(
                "AuditLog",
                "the link to the previous event is broken (an earlier event was deleted or replaced)");
        else if (hashOf(e) != e.hash)
            problem =
                QCoreApplication::translate("AuditLog", "its contents were changed after it was written");
        else if (const AuditAnchor* a = anchored.value(e.id); a && a->hash != e.hash)
            problem =
                QCoreApplication::translate(
                    "AuditLog", "its hash is not the one anchored outside the database on %1: it, or an "
                                "event before it, was rewritten and the chain recomputed")
                    .arg(when(a));
        if (anchored.contains(e.id))
            ++v.anchorsChecked;
        if (!problem.isEmpty()) {
            v.intact = false;
            v.badEventId = e.id;
            v.problem = problem;
            return v;
        }
        expectedPrev = e.hash;
        expectedId = e.id + 1;
    }
    if (newestAnchored >= expectedId) {
        v.intact = false;
        v.badEventId = expectedId;
        v.problem = QCoreApplication::translate("AuditLog",
                                                "events %1 to %2 are missing: the newest events were deleted "
                                                "(an anchor written on %3 names event %2)")
                        .arg(expectedId)
                        .arg(newestAnchored)
                        .arg(when(anchored.value(newestAnchored)));
    }
    return v;
}

Result<AuditAnchor> AuditLog::head() {
    // Staff roles on the central database add to the log without reading it: a function of the schema's
    // owner hands them its head.
    Query q(m_db, m_db.dialect() == Dialect::Postgres
                      ? QStringLiteral("SELECT id, hash FROM public.audit_tail()")
                      : QStringLiteral("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"));
    PD_TRY(q.exec());
    AuditAnchor a;
    a.database = m_db.location();
    if (q.next()) {
        a.id = q.value(0).toLongLong();
        a.hash = q.value(1).toString();
    } else {
        a.hash = genesisHash();
    }
    return a;
}

Result<QList<AuditEvent>> AuditLog::list(const QString& recordType, const QString& recordId, int limit) {
    QString sql = QStringLiteral("SELECT * FROM audit_events");
    if (!recordType.isEmpty())
        sql += QStringLiteral(" WHERE record_type = :rtype") +
               (recordId.isEmpty() ? QString() : QStringLiteral(" AND record_id = :rid"));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT :limit");
    Query q(m_db, sql);
    if (!recordType.isEmpty()) {
        q.bind(QStringLiteral(":rtype"), recordType);
        if (!recordId.isEmpty())
            q.bind(QStringLiteral(":rid"), recordId);
    }
    q.bind(QStringLiteral(":limit"), limit);
    PD_TRY(q.exec());
    QList<AuditEvent> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<QList<AuditEvent>> AuditLog::timeline(qint64 patientId, const QList<qint64>& portalUserIds,
                                             const QList<qint64>& mergedPatientIds) {
    QStringList ids;
    for (qint64 id : portalUserIds)
        ids.append(QString::number(id)); // integers we read ourselves, not user input
    QStringList patients{QStringLiteral(":p")};
    for (qint64 id : mergedPatientIds)
        patients.append(QString::number(id));
    // Openings are audited but are not part of what happened to the patient's access. Records merged into
    // this one bring their history: it stays where it was written.
    QString sql =
        QStringLiteral("SELECT * FROM audit_events WHERE action NOT LIKE '%.opened' AND (patient_id IN (") +
        patients.join(QLatin1Char(',')) + QLatin1Char(')');
    if (!ids.isEmpty())
        sql += QStringLiteral(" OR (patient_id IS NULL AND portal_user_id IN (") +
               ids.join(QLatin1Char(',')) + QStringLiteral("))");
    sql += QStringLiteral(") ORDER BY id");
    Query q(m_db, sql);
    q.bind(QStringLiteral(":p"), patientId);
    PD_TRY(q.exec());
    QList<AuditEvent> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<qint64> AuditLog::countSince(qint64 patientId, const QStringList& actions, const QDateTime& since) {
    QStringList marks;
    for (int i = 0; i < actions.size(); ++i)
        marks.append(QStringLiteral(":a%1").arg(i));
    Query q(m_db,
            QStringLiteral("SELECT count(*) FROM audit_events WHERE patient_id = :p AND at >= :since AND "
                           "action IN (") +
                marks.join(QLatin1Char(',')) + QLatin1Char(')'));
    q.bind(QStringLiteral(":p"), patientId).bind(QStringLiteral(":since"), DbTime::toDb(since));
    for (int i = 0; i < actions.size(); ++i)
        q.bind(marks.at(i), actions.at(i));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace pd
