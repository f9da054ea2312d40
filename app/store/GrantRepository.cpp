#include "store/GrantRepository.h"

#include "store/PatientRepository.h"

#include <QCoreApplication>

namespace pd {

namespace {

Grant grantFromRow(Query& q) {
    Grant g;
    g.id = q.value(QStringLiteral("id")).toLongLong();
    g.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
    g.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
    g.level = q.value(QStringLiteral("level")).toString();
    g.basis = q.value(QStringLiteral("basis")).toString();
    g.enrollmentId = q.value(QStringLiteral("enrollment_id")).toLongLong();
    g.bracket = q.value(QStringLiteral("bracket")).toString();
    g.relationship = q.value(QStringLiteral("relationship")).toString();
    g.startedAt = DbTime::instant(q.value(QStringLiteral("started_at")));
    const QVariant ended = q.value(QStringLiteral("ended_at"));
    g.endedAt = DbTime::instant(ended);
    // The support agents' view of the central database writes an ended grant's date as '' when it is a
    // birthday.
    g.endedDateHidden = !ended.isNull() && ended.toString().isEmpty();
    g.endReason = q.value(QStringLiteral("end_reason")).toString();
    g.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return g;
}

Result<QList<Grant>> grants(Database& db, const QString& sql, qint64 value) {
    Query q(db, sql);
    q.bind(QStringLiteral(":v"), value);
    PD_TRY(q.exec());
    QList<Grant> out;
    while (q.next())
        out.append(grantFromRow(q));
    return out;
}

} // namespace

Result<qint64> GrantRepository::insertEnrollment(const Enrollment& e) {
    Query q(
        m_db,
        QStringLiteral(
            "INSERT INTO enrollments (patient_id, portal_user_id, form, relationship, signed_on, bracket, "
            "override_reason, created_at, created_by) VALUES (:patient, :user, :form, :rel, :signed, "
            ":bracket, "
            ":override, :at, :by)"));
    q.bind(QStringLiteral(":patient"), e.patientId)
        .bind(QStringLiteral(":user"), e.portalUserId)
        .bind(QStringLiteral(":form"), e.form)
        .bind(QStringLiteral(":rel"), e.relationship)
        .bind(QStringLiteral(":signed"), DbTime::toDb(e.signedOn))
        .bind(QStringLiteral(":bracket"), e.bracket)
        .bind(QStringLiteral(":override"), DbTime::text(e.overrideReason))
        .bind(QStringLiteral(":at"), DbTime::toDb(e.createdAt))
        .bind(QStringLiteral(":by"), e.createdBy);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<QList<Enrollment>> GrantRepository::enrollmentsFor(qint64 patientId) {
    Query q(m_db, QStringLiteral("SELECT * FROM enrollments WHERE patient_id = :v ORDER BY id"));
    q.bind(QStringLiteral(":v"), patientId);
    PD_TRY(q.exec());
    QList<Enrollment> out;
    while (q.next()) {
        Enrollment e;
        e.id = q.value(QStringLiteral("id")).toLongLong();
        e.patientId = q.value(QStringLiteral("patient_id")).toLongLong();
        e.portalUserId = q.value(QStringLiteral("portal_user_id")).toLongLong();
        e.form = q.value(QStringLiteral("form")).toString();
        e.relationship = q.value(QStringLiteral("relationship")).toString();
        e.signedOn = DbTime::date(q.value(QStringLiteral("signed_on")));
        e.bracket = q.value(QStringLiteral("bracket")).toString();
        e.overrideReason = q.value(QStringLiteral("override_reason")).toString();
        e.createdAt = DbTime::instant(q.value(QStringLiteral("created_at")));
        e.createdBy = q.value(QStringLiteral("created_by")).toString();
        out.append(e);
    }
    return out;
}

Result<qint64> GrantRepository::insert(const Grant& g, const QString& by) {
    Query q(m_db, QStringLiteral("INSERT INTO access_grants (portal_user_id, patient_id, level, basis, "
                                 "enrollment_id, bracket, relationship, "
                                 "started_at, updated_at, updated_by) VALUES (:user, :patient, :level, "
                                 ":basis, :enrollment, :bracket, :rel, "
                                 ":started, :at, :by)"));
    q.bind(QStringLiteral(":user"), g.portalUserId)
        .bind(QStringLiteral(":patient"), g.patientId)
        .bind(QStringLiteral(":level"), g.level)
        .bind(QStringLiteral(":basis"), g.basis)
        .bind(QStringLiteral(":enrollment"), DbTime::id(g.enrollmentId))
        .bind(QStringLiteral(":bracket"), g.bracket)
        .bind(QStringLiteral(":rel"), g.relationship)
        .bind(QStringLiteral(":started"), DbTime::toDb(g.startedAt))
        .bind(QStringLiteral(":at"), DbTime::toDb(g.startedAt))
        .bind(QStringLiteral(":by"), by);
    PD_TRY(q.exec());
    return q.lastInsertId();
}

Result<QList<Grant>> GrantRepository::forPatient(qint64 patientId) {
    return grants(m_db,
                  QStringLiteral("SELECT * FROM access_grants WHERE patient_id = :v "
                                 "ORDER BY ended_at IS NOT NULL, started_at DESC, id DESC"),
                  patientId);
}

Result<QList<Grant>> GrantRepository::forUser(qint64 portalUserId) {
    return grants(m_db,
                  QStringLiteral("SELECT * FROM access_grants WHERE portal_user_id = :v "
                                 "ORDER BY ended_at IS NOT NULL, started_at DESC, id DESC"),
                  portalUserId);
}

Result<int> GrantRepository::openCountForUser(qint64 portalUserId) {
    Query q(m_db, QStringLiteral(
                      "SELECT count(*) FROM access_grants WHERE portal_user_id = :v AND ended_at IS NULL"));
    q.bind(QStringLiteral(":v"), portalUserId);
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<std::optional<Grant>> GrantRepository::byId(qint64 id) {
    Query q(m_db, QStringLiteral("SELECT * FROM access_grants WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<Grant>();
    return std::optional<Grant>(grantFromRow(q));
}

Result<std::optional<Grant>> GrantRepository::open(qint64 portalUserId, qint64 patientId) {
    Query q(m_db, QStringLiteral("SELECT * FROM access_grants WHERE portal_user_id = :u AND patient_id = :p "
                                 "AND ended_at IS NULL"));
    q.bind(QStringLiteral(":u"), portalUserId).bind(QStringLiteral(":p"), patientId);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<Grant>();
    return std::optional<Grant>(grantFromRow(q));
}

namespace {

// Open grants that a 12th or 18th birthday may end, of one login or one patient (`column`).
Result<QList<GrantWithBirthDate>> transitionCandidates(Database& db, const QString& column, qint64 id) {
    Query q(db, QStringLiteral("SELECT g.*, p.birth_date AS patient_birth_date FROM access_grants g JOIN "
                               "patients p ON p.id = g.patient_id WHERE ") +
                    column +
                    QStringLiteral(" = :id AND g.ended_at IS NULL AND g.basis <> 'guardianship' AND "
                                   "(g.bracket = 'child' OR g.relationship <> 'self') ORDER BY g.id"));
    q.bind(QStringLiteral(":id"), id);
    PD_TRY(q.exec());
    QList<GrantWithBirthDate> out;
    while (q.next())
        out.append({grantFromRow(q), DbTime::date(q.value(QStringLiteral("patient_birth_date"))),
                    DbTime::date(q.value(QStringLiteral("age_ends_on"))), false});
    return out;
}

} // namespace

Result<QList<GrantWithBirthDate>> GrantRepository::openTransitionCandidates(qint64 portalUserId) {
    return transitionCandidates(m_db, QStringLiteral("g.portal_user_id"), portalUserId);
}

Result<QList<GrantWithBirthDate>> GrantRepository::openTransitionCandidatesOfPatient(qint64 patientId) {
    return transitionCandidates(m_db, QStringLiteral("g.patient_id"), patientId);
}

namespace {

// The exact birthday under the 1 March leap-day rule: age_ends_on is the 28 February before it for a
// 29 February birth in a common year.
QString exactAgeEndMar1(Dialect dialect) {
    const QString nextDay =
        dialect == Dialect::Postgres
            ? QStringLiteral("to_char(to_date(g.age_ends_on, 'YYYY-MM-DD') + 1, 'YYYY-MM-DD')")
            : QStringLiteral("date(g.age_ends_on, '+1 day')");
    return QStringLiteral("(CASE WHEN substr(p.birth_date, 6) = '02-29' AND substr(g.age_ends_on, 6) = "
                          "'02-28' THEN ") +
           nextDay + QStringLiteral(" ELSE g.age_ends_on END)");
}

// The FROM and WHERE of an age-ending query; the range on age_ends_on comes first, for the index. The
// patient is joined only when a 1 March leap-day rule needs the birth date.
QString ageEndingWhere(Dialect dialect, const AgeEndingQuery& a) {
    const bool exact = a.from.isValid() && a.leapDayMar1;
    QString sql = exact ? QStringLiteral(" FROM access_grants g JOIN patients p ON p.id = g.patient_id")
                        : QStringLiteral(" FROM access_grants g");
    sql += QStringLiteral(
        " WHERE g.ended_at IS NULL AND g.age_ends_on IS NOT NULL AND g.age_ends_on <= :through");
    if (exact)
        sql += QStringLiteral(" AND g.age_ends_on >= :lo AND ") + exactAgeEndMar1(dialect) +
               QStringLiteral(" >= :from AND ") + exactAgeEndMar1(dialect) + QStringLiteral(" <= :through2");
    else if (a.from.isValid())
        sql += QStringLiteral(" AND g.age_ends_on >= :from");
    if (a.afterDate.isValid())
        sql += QStringLiteral(" AND (g.age_ends_on, g.id) > (:after_date, :after_id)");
    if (a.withoutNotice)
        sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM transition_notices n WHERE n.grant_id = g.id "
                              "AND n.transition_age = CASE WHEN g.bracket = 'child' THEN 12 ELSE 18 END)");
    return sql;
}

void bindAgeEnding(Query& q, const AgeEndingQuery& a) {
    q.bind(QStringLiteral(":through"), DbTime::toDb(a.through));
    if (a.from.isValid() && !a.leapDayMar1)
        q.bind(QStringLiteral(":from"), DbTime::toDb(a.from));
    else if (a.from.isValid())
        q.bind(QStringLiteral(":lo"), DbTime::toDb(a.from.addDays(-1)))
            .bind(QStringLiteral(":from"), DbTime::toDb(a.from))
            .bind(QStringLiteral(":through2"), DbTime::toDb(a.through));
    if (a.afterDate.isValid())
        q.bind(QStringLiteral(":after_date"), DbTime::toDb(a.afterDate))
            .bind(QStringLiteral(":after_id"), a.afterId);
}

} // namespace

Result<QList<GrantWithBirthDate>> GrantRepository::ageEnding(const AgeEndingQuery& a) {
    // The page's ids first, straight from the index in its order; only they are joined to their patients
    // and notices (a planner that guesses the range holds fewer rows than it does would join them all).
    Query q(m_db,
            QStringLiteral("SELECT g.*, p.birth_date AS patient_birth_date, EXISTS (SELECT 1 FROM "
                           "transition_notices n WHERE n.grant_id = g.id AND n.transition_age = CASE WHEN "
                           "g.bracket = 'child' THEN 12 ELSE 18 END) AS notice_queued FROM (SELECT g.id") +
                ageEndingWhere(m_db.dialect(), a) +
                QStringLiteral(" ORDER BY g.age_ends_on, g.id LIMIT :limit OFFSET :offset) page JOIN "
                               "access_grants g ON g.id = page.id JOIN patients p ON p.id = g.patient_id "
                               "ORDER BY g.age_ends_on, g.id"));
    bindAgeEnding(q, a);
    q.bind(QStringLiteral(":limit"), qMax(0, a.limit)).bind(QStringLiteral(":offset"), qMax(0, a.offset));
    PD_TRY(q.exec());
    QList<GrantWithBirthDate> out;
    while (q.next()) {
        out.append({grantFromRow(q), DbTime::date(q.value(QStringLiteral("patient_birth_date"))),
                    DbTime::date(q.value(QStringLiteral("age_ends_on"))),
                    q.value(QStringLiteral("notice_queued")).toBool()});
    }
    return out;
}

Result<qint64> GrantRepository::ageEndingCount(const AgeEndingQuery& a) {
    Query q(m_db, QStringLiteral("SELECT count(*)") + ageEndingWhere(m_db.dialect(), a));
    bindAgeEnding(q, a);
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QPair<qint64, qint64>> GrantRepository::ageEndingPatients(const AgeEndingQuery& a) {
    Query q(m_db,
            QStringLiteral("SELECT count(DISTINCT CASE WHEN g.bracket = 'child' THEN g.patient_id END), "
                           "count(DISTINCT CASE WHEN g.bracket <> 'child' THEN g.patient_id END)") +
                ageEndingWhere(m_db.dialect(), a));
    bindAgeEnding(q, a);
    PD_TRY(q.exec());
    if (!q.next())
        return qMakePair(qint64(0), qint64(0));
    return qMakePair(q.value(0).toLongLong(), q.value(1).toLongLong());
}

Status GrantRepository::end(const Grant& g, const QDateTime& endedAt, const QString& reason,
                            const QDateTime& at, const QString& by) {
    Query q(
        m_db,
        QStringLiteral(
            "UPDATE access_grants SET ended_at = :ended, end_reason = :reason, updated_at = :at, updated_by "
            "= :by, "
            "row_version = row_version + 1 WHERE id = :id AND row_version = :version AND ended_at IS NULL"));
    q.bind(QStringLiteral(":ended"), DbTime::toDb(endedAt))
        .bind(QStringLiteral(":reason"), reason)
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), g.id)
        .bind(QStringLiteral(":version"), g.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("access_grants"), g.id,
                                QCoreApplication::translate("Database", "Access grant %1").arg(g.id));
    return {};
}

Result<bool> GrantRepository::noticeQueued(qint64 grantId, int transitionAge) {
    Query q(m_db,
            QStringLiteral("SELECT 1 FROM transition_notices WHERE grant_id = :g AND transition_age = :a"));
    q.bind(QStringLiteral(":g"), grantId).bind(QStringLiteral(":a"), transitionAge);
    PD_TRY(q.exec());
    return q.next();
}

Status GrantRepository::recordNotice(qint64 grantId, int transitionAge, const QDate& date, qint64 outboxId,
                                     const QDateTime& at) {
    Query q(m_db, QStringLiteral("INSERT INTO transition_notices (grant_id, transition_age, transition_date, "
                                 "outbox_id, created_at) VALUES (:g, :age, :d, :o, :at)"));
    q.bind(QStringLiteral(":g"), grantId)
        .bind(QStringLiteral(":age"), transitionAge)
        .bind(QStringLiteral(":d"), DbTime::toDb(date))
        .bind(QStringLiteral(":o"), outboxId)
        .bind(QStringLiteral(":at"), DbTime::toDb(at));
    return q.exec();
}

} // namespace pd
