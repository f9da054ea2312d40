#include "store/ConsentRepository.h"

#include "store/PatientRepository.h"

#include <QCoreApplication>

namespace pd {

namespace {

Consent fromRow(Query& q) {
    Consent c;
    c.id = q.value(QStringLiteral("id")).toLongLong();
    c.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    c.kind = q.value(QStringLiteral("kind")).toString();
    c.proxyGiven = q.value(QStringLiteral("proxy_given")).toString();
    c.proxyFamily = q.value(QStringLiteral("proxy_family")).toString();
    c.proxyEmail = q.value(QStringLiteral("proxy_email")).toString();
    c.proxyLanguage = q.value(QStringLiteral("proxy_language")).toString();
    c.relationship = q.value(QStringLiteral("relationship")).toString();
    c.scope = q.value(QStringLiteral("scope")).toString();
    c.signedOn = DbTime::date(q.value(QStringLiteral("signed_on")));
    c.signedBy = q.value(QStringLiteral("signed_by")).toString();
    c.pinHash = q.value(QStringLiteral("pin_hash")).toString();
    c.documentId = q.value(QStringLiteral("document_id")).toLongLong();
    c.status = q.value(QStringLiteral("status")).toString();
    c.decidedAt = DbTime::instant(q.value(QStringLiteral("decided_at")));
    c.decidedBy = q.value(QStringLiteral("decided_by")).toString();
    c.rejectReason = q.value(QStringLiteral("reject_reason")).toString();
    c.overrideReason = q.value(QStringLiteral("override_reason")).toString();
    c.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    c.grantId = q.value(QStringLiteral("grant_id")).toLongLong();
    c.revokedAt = DbTime::instant(q.value(QStringLiteral("revoked_at")));
    c.revokedBy = q.value(QStringLiteral("revoked_by")).toString();
    c.endsOn = DbTime::date(q.value(QStringLiteral("ends_on")));
    c.remindedAt = DbTime::instant(q.value(QStringLiteral("reminded_at")));
    c.renewsId = q.value(QStringLiteral("renews_id")).toLongLong();
    c.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
    c.createdBy = q.value(QStringLiteral("created_by")).toString();
    c.updatedAt = DbTime::instant(q.value(QStringLiteral("updated_at")));
    c.updatedBy = q.value(QStringLiteral("updated_by")).toString();
    c.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return c;
}

} // namespace

Result<qint64> ConsentRepository::insertDocument(const Document& d) {
    Query q(m_db,
            QStringLiteral("INSERT INTO documents (name, media_type, size, sha256, content, created_at, "
                           "created_by) VALUES (:name, :type, :size, :sha, :content, :at, :by)"));
    q.bind(QStringLiteral(":name"), d.name)
        .bind(QStringLiteral(":type"), d.mediaType)
        .bind(QStringLiteral(":size"), qint64(d.content.size()))
        .bind(QStringLiteral(":sha"), d.sha256)
        .bind(QStringLiteral(":content"), d.content)
        .bind(QStringLiteral(":at"), DbTime::toDb(d.createdAt))
        .bind(QStringLiteral(":by"), d.createdBy);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<std::optional<Document>> ConsentRepository::document(qint64 id) {
    Query q(m_db, QStringLiteral("SELECT * FROM documents WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<Document>();
    Document d;
    d.id = q.value(QStringLiteral("id")).toLongLong();
    d.name = q.value(QStringLiteral("name")).toString();
    d.mediaType = q.value(QStringLiteral("media_type")).toString();
    d.size = q.value(QStringLiteral("size")).toLongLong();
    d.sha256 = q.value(QStringLiteral("sha256")).toString();
    d.content = q.value(QStringLiteral("content")).toByteArray();
    d.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
    d.createdBy = q.value(QStringLiteral("created_by")).toString();
    return std::optional<Document>(d);
}

Result<qint64> ConsentRepository::insert(const Consent& c) {
    // The base table: on the central database a specialist's search path finds the desk's view first.
    Query q(m_db,
            QStringLiteral("INSERT INTO ") + m_db.table(QStringLiteral("consents")) +
                QStringLiteral(
                    " (patient_id, kind, proxy_given, proxy_family, proxy_email, proxy_language, "
                    "relationship, scope, signed_on, signed_by, pin_hash, document_id, status, created_at, "
                    "created_by, "
                    "updated_at, updated_by) VALUES (:patient, :kind, :given, :family, :email, :lang, :rel, "
                    ":scope, "
                    ":signed, :signer, :pin, :doc, 'submitted', :at, :by, :at2, :by2)"));
    q.bind(QStringLiteral(":patient"), c.patientId)
        .bind(QStringLiteral(":kind"), c.kind)
        .bind(QStringLiteral(":given"), c.proxyGiven)
        .bind(QStringLiteral(":family"), c.proxyFamily)
        .bind(QStringLiteral(":email"), c.proxyEmail)
        .bind(QStringLiteral(":lang"), c.proxyLanguage)
        .bind(QStringLiteral(":rel"), c.relationship)
        .bind(QStringLiteral(":scope"), c.scope)
        .bind(QStringLiteral(":signed"), DbTime::toDb(c.signedOn))
        .bind(QStringLiteral(":signer"), DbTime::text(c.signedBy))
        .bind(QStringLiteral(":pin"), c.pinHash)
        .bind(QStringLiteral(":doc"), c.documentId)
        .bind(QStringLiteral(":at"), DbTime::toDb(c.createdAt))
        .bind(QStringLiteral(":by"), c.createdBy)
        .bind(QStringLiteral(":at2"), DbTime::toDb(c.createdAt))
        .bind(QStringLiteral(":by2"), c.createdBy);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<QList<Consent>> ConsentRepository::many(const QString& sql, const QVariant& value, int limit) {
    Query q(m_db, sql);
    if (value.isValid())
        q.bind(QStringLiteral(":v"), value);
    q.bind(QStringLiteral(":limit"), limit);
    PD_TRY(q.exec());
    QList<Consent> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<std::optional<Consent>> ConsentRepository::byId(qint64 id) {
    auto rows = many(QStringLiteral("SELECT * FROM consents WHERE id = :v LIMIT :limit"), id, 1);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Consent>() : std::optional<Consent>(rows->first());
}

Result<QList<Consent>> ConsentRepository::list(const QString& status, int limit, int offset) {
    const QString page =
        QStringLiteral(" ORDER BY id DESC LIMIT :limit OFFSET ") + QString::number(qMax(0, offset));
    if (status.isEmpty())
        return many(QStringLiteral("SELECT * FROM consents") + page, QVariant(), limit);
    return many(QStringLiteral("SELECT * FROM consents WHERE status = :v") + page, status, limit);
}

Result<qint64> ConsentRepository::count(const QString& status) {
    Query q(m_db, status.isEmpty() ? QStringLiteral("SELECT count(*) FROM consents")
                                   : QStringLiteral("SELECT count(*) FROM consents WHERE status = :v"));
    if (!status.isEmpty())
        q.bind(QStringLiteral(":v"), status);
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

namespace {

// Approved consents whose grant is still open, with an end day.
const QString EndingSelect = QStringLiteral(
    "SELECT c.* FROM consents c JOIN access_grants g ON g.id = c.grant_id AND g.ended_at IS NULL "
    "WHERE c.status = 'approved' AND c.ends_on IS NOT NULL");

} // namespace

Result<QList<Consent>> ConsentRepository::ending(const QDate& from, const QDate& through, int limit,
                                                 int offset) {
    Query q(m_db, EndingSelect + QStringLiteral(" AND c.ends_on >= :from AND c.ends_on <= :through ORDER BY "
                                                "c.ends_on, c.id LIMIT :limit OFFSET :offset"));
    q.bind(QStringLiteral(":from"), DbTime::toDb(from))
        .bind(QStringLiteral(":through"), DbTime::toDb(through))
        .bind(QStringLiteral(":limit"), limit)
        .bind(QStringLiteral(":offset"), offset);
    PD_TRY(q.exec());
    QList<Consent> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<qint64> ConsentRepository::endingCount(const QDate& from, const QDate& through) {
    Query q(m_db,
            QStringLiteral("SELECT count(*) FROM consents c JOIN access_grants g ON g.id = c.grant_id AND "
                           "g.ended_at IS NULL WHERE c.status = 'approved' AND c.ends_on IS NOT NULL AND "
                           "c.ends_on >= :from AND c.ends_on <= :through"));
    q.bind(QStringLiteral(":from"), DbTime::toDb(from))
        .bind(QStringLiteral(":through"), DbTime::toDb(through));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QDate> ConsentRepository::endsOnOfGrant(qint64 grantId) {
    Query q(m_db, QStringLiteral("SELECT ends_on FROM consents WHERE grant_id = :g AND status = 'approved'"));
    q.bind(QStringLiteral(":g"), grantId);
    PD_TRY(q.exec());
    return q.next() ? DbTime::date(q.value(0)) : QDate();
}

Result<QList<Consent>> ConsentRepository::remindersDue(const QDate& through, int limit) {
    Query q(m_db,
            EndingSelect + QStringLiteral(" AND c.ends_on <= :through AND c.reminded_at IS NULL ORDER BY "
                                          "c.ends_on, c.id LIMIT :limit"));
    q.bind(QStringLiteral(":through"), DbTime::toDb(through)).bind(QStringLiteral(":limit"), limit);
    PD_TRY(q.exec());
    QList<Consent> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<QList<Consent>> ConsentRepository::forPatient(qint64 patientId) {
    return many(QStringLiteral("SELECT * FROM consents WHERE patient_id = :v ORDER BY id DESC LIMIT :limit"),
                patientId);
}

Result<QList<Consent>> ConsentRepository::forProxyEmail(const QString& email) {
    return many(
        QStringLiteral(
            "SELECT * FROM consents WHERE lower(proxy_email) = lower(:v) ORDER BY id DESC LIMIT :limit"),
        email);
}

namespace {

Result<QList<EnrollmentReviewRow>> reviewRows(Query& q, const QString& reason) {
    PD_TRY(q.exec());
    QList<EnrollmentReviewRow> out;
    while (q.next()) {
        EnrollmentReviewRow r;
        r.reason = reason;
        r.enrollmentId = q.value(QStringLiteral("e_id")).toLongLong();
        r.mrn = q.value(QStringLiteral("mrn")).toString();
        r.patientName = q.value(QStringLiteral("p_given")).toString() + QLatin1Char(' ') +
                        q.value(QStringLiteral("p_family")).toString();
        r.birthDate = DbTime::date(q.value(QStringLiteral("birth_date")));
        r.username = q.value(QStringLiteral("username")).toString();
        r.holderName = q.value(QStringLiteral("u_given")).toString() + QLatin1Char(' ') +
                       q.value(QStringLiteral("u_family")).toString();
        r.form = q.value(QStringLiteral("form")).toString();
        r.relationship = q.value(QStringLiteral("relationship")).toString();
        r.signedOn = DbTime::date(q.value(QStringLiteral("signed_on")));
        r.overrideReason = q.value(QStringLiteral("override_reason")).toString();
        r.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
        r.createdBy = q.value(QStringLiteral("created_by")).toString();
        out.append(r);
    }
    return out;
}

const char* const ReviewColumns =
    "SELECT e.id AS e_id, e.form, e.relationship, e.signed_on, e.override_reason, e.created_at, "
    "e.created_by, "
    "p.mrn, p.given_name AS p_given, p.family_name AS p_family, p.birth_date, u.username, "
    "u.given_name AS u_given, u.family_name AS u_family FROM enrollments e JOIN patients p ON p.id = "
    "e.patient_id "
    "JOIN portal_users u ON u.id = e.portal_user_id ";

} // namespace

Result<QList<EnrollmentReviewRow>> ConsentRepository::overriddenEnrollments(int limit) {
    Query q(m_db, QLatin1String(ReviewColumns) +
                      QStringLiteral("WHERE e.override_reason IS NOT NULL AND e.override_reason <> '' "
                                     "ORDER BY e.id DESC LIMIT :limit"));
    q.bind(QStringLiteral(":limit"), limit);
    return reviewRows(q, QStringLiteral("override"));
}

Result<QList<EnrollmentReviewRow>>
ConsentRepository::missingPatientForms(const QDate& bornAfter, const QDate& bornOnOrBefore, int limit) {
    Query q(m_db, QLatin1String(ReviewColumns) +
                      QStringLiteral(
                          "WHERE e.form = 'parent' AND p.birth_date > :after AND p.birth_date <= :before "
                          "AND NOT EXISTS (SELECT 1 FROM enrollments x WHERE x.patient_id = p.id AND "
                          "x.form = 'patient') AND EXISTS (SELECT 1 FROM access_grants g WHERE "
                          "g.enrollment_id = e.id AND g.ended_at IS NULL) ORDER BY p.birth_date, e.id "
                          "LIMIT :limit"));
    q.bind(QStringLiteral(":after"), DbTime::toDb(bornAfter))
        .bind(QStringLiteral(":before"), DbTime::toDb(bornOnOrBefore))
        .bind(QStringLiteral(":limit"), limit);
    return reviewRows(q, QStringLiteral("missing_patient_form"));
}

Status ConsentRepository::update(const Consent& c, const QDateTime& at, const QString& by) {
    Query q(
        m_db,
        QStringLiteral("UPDATE ") + m_db.table(QStringLiteral("consents")) +
            QStringLiteral(
                " SET status = :status, decided_at = :decided, decided_by = :dby, "
                "reject_reason = :reason, override_reason = :override, portal_user_id = :user, "
                "grant_id = :grant, revoked_at = :revoked, revoked_by = :rby, ends_on = :ends, reminded_at = "
                ":reminded, renews_id = :renews, updated_at = :at, "
                "updated_by = :by, row_version = row_version + 1 WHERE id = :id AND "
                "row_version = :v"));
    q.bind(QStringLiteral(":status"), c.status)
        .bind(QStringLiteral(":decided"), DbTime::toDb(c.decidedAt))
        .bind(QStringLiteral(":dby"), DbTime::text(c.decidedBy))
        .bind(QStringLiteral(":reason"), DbTime::text(c.rejectReason))
        .bind(QStringLiteral(":override"), DbTime::text(c.overrideReason))
        .bind(QStringLiteral(":user"), DbTime::id(c.portalUserId))
        .bind(QStringLiteral(":grant"), DbTime::id(c.grantId))
        .bind(QStringLiteral(":revoked"), DbTime::toDb(c.revokedAt))
        .bind(QStringLiteral(":rby"), DbTime::text(c.revokedBy))
        .bind(QStringLiteral(":ends"), DbTime::toDb(c.endsOn))
        .bind(QStringLiteral(":reminded"), DbTime::toDb(c.remindedAt))
        .bind(QStringLiteral(":renews"), DbTime::id(c.renewsId))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), c.id)
        .bind(QStringLiteral(":v"), c.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("consents"), c.id,
                                QCoreApplication::translate("Database", "Consent %1").arg(c.id));
    return {};
}

Status ConsentRepository::markReminded(const Consent& c, const QDateTime& at, const QString& by) {
    Query q(m_db,
            QStringLiteral("UPDATE ") + m_db.table(QStringLiteral("consents")) +
                QStringLiteral(" SET reminded_at = :at, updated_at = :at2, updated_by = :by, row_version = "
                               "row_version + 1 WHERE id = :id AND row_version = :v"));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":at2"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), c.id)
        .bind(QStringLiteral(":v"), c.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("consents"), c.id,
                                QCoreApplication::translate("Database", "Consent %1").arg(c.id));
    return {};
}

} // namespace pd
