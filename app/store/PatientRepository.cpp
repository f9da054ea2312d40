#include "store/PatientRepository.h"

#include "store/SearchRepository.h"

#include <QCoreApplication>

namespace pd {

namespace {

Patient fromRow(Query& q) {
    Patient p;
    p.id = q.value(QStringLiteral("id")).toLongLong();
    p.mrn = q.value(QStringLiteral("mrn")).toString();
    p.givenName = q.value(QStringLiteral("given_name")).toString();
    p.familyName = q.value(QStringLiteral("family_name")).toString();
    p.birthDate = DbTime::date(q.value(QStringLiteral("birth_date")));
    p.sex = q.value(QStringLiteral("sex")).toString();
    p.language = q.value(QStringLiteral("language")).toString();
    p.email = q.value(QStringLiteral("email")).toString();
    p.phone = q.value(QStringLiteral("phone")).toString();
    p.deceasedAt = DbTime::instant(q.value(QStringLiteral("deceased_at")));
    p.feedEventAt = DbTime::instant(q.value(QStringLiteral("feed_event_at")));
    p.mergedInto = q.value(QStringLiteral("merged_into")).toLongLong();
    p.reviewReason = q.value(QStringLiteral("review_reason")).toString();
    p.reviewSince = DbTime::instant(q.value(QStringLiteral("review_since")));
    p.updatedAt = DbTime::instant(q.value(QStringLiteral("updated_at")));
    p.updatedBy = q.value(QStringLiteral("updated_by")).toString();
    p.rowVersion = q.value(QStringLiteral("row_version")).toInt();
    return p;
}

} // namespace

Error staleRecordError(Database& db, const QString& table, qint64 id, const QString& what) {
    // `table` is one of our own table names, never user input.
    Query q(db, QStringLiteral("SELECT updated_by, updated_at FROM ") + table +
                    QStringLiteral(" WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (q.exec() && q.next()) {
        const QDateTime at = DbTime::instant(q.value(1));
        return Error::conflict(
            QStringLiteral("record.changed"),
            QCoreApplication::translate("Database", "%1 was changed by %2 at %3 UTC since you opened it; "
                                                    "reload and try again.")
                .arg(what, q.value(0).toString(), at.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    return Error::notFound(QStringLiteral("record.gone"),
                           QCoreApplication::translate("Database", "%1 no longer exists.").arg(what));
}

Result<qint64> PatientRepository::count() {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM patients"));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> PatientRepository::insert(const Patient& p, const QDateTime& at, const QString& by) {
    Query q(
        m_db,
        QStringLiteral(
            "INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, language, email, phone, "
            "created_at, created_by, updated_at, updated_by) VALUES (:mrn, :given, :family, :birth, :sex, "
            ":lang, "
            ":email, :phone, :at, :by, :at2, :by2)"));
    q.bind(QStringLiteral(":mrn"), p.mrn)
        .bind(QStringLiteral(":given"), p.givenName)
        .bind(QStringLiteral(":family"), p.familyName)
        .bind(QStringLiteral(":birth"), DbTime::toDb(p.birthDate))
        .bind(QStringLiteral(":sex"), p.sex)
        .bind(QStringLiteral(":lang"), p.language)
        .bind(QStringLiteral(":email"), DbTime::text(p.email))
        .bind(QStringLiteral(":phone"), DbTime::text(p.phone))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":at2"), DbTime::toDb(at))
        .bind(QStringLiteral(":by2"), by);
    PD_TRY(q.exec());
    Patient indexed = p;
    indexed.id = q.lastInsertId();
    PD_TRY(SearchRepository(m_db).indexPatient(indexed));
    return indexed.id;
}

Status PatientRepository::insertAll(QList<Patient>& patients, const QDateTime& at, const QString& by) {
    static const QStringList columns{
        QStringLiteral("mrn"),        QStringLiteral("given_name"), QStringLiteral("family_name"),
        QStringLiteral("birth_date"), QStringLiteral("sex"),        QStringLiteral("language"),
        QStringLiteral("email"),      QStringLiteral("phone"),      QStringLiteral("feed_event_at"),
        QStringLiteral("created_at"), QStringLiteral("created_by"), QStringLiteral("updated_at"),
        QStringLiteral("updated_by")};
    for (qsizetype from = 0; from < patients.size(); from += DbTime::RowsPerStatement) {
        const qsizetype rows = std::min(DbTime::RowsPerStatement, patients.size() - from);
        BulkRows values(m_db.dialect(), columns, QStringLiteral("public.patients"));
        for (qsizetype i = 0; i < rows; ++i) {
            const Patient& p = patients.at(from + i);
            values.add(p.mrn)
                .add(p.givenName)
                .add(p.familyName)
                .add(DbTime::toDb(p.birthDate))
                .add(p.sex)
                .add(p.language)
                .add(DbTime::text(p.email))
                .add(DbTime::text(p.phone))
                .add(DbTime::toDb(p.feedEventAt))
                .add(DbTime::toDb(at))
                .add(by)
                .add(DbTime::toDb(at))
                .add(by);
        }
        Query q(m_db, QStringLiteral("INSERT INTO patients (") + values.columns() + QStringLiteral(") ") +
                          values.source() + QStringLiteral(" RETURNING id, mrn"));
        values.bindTo(q);
        PD_TRY(q.exec());
        QHash<QString, qint64> ids;
        while (q.next())
            ids.insert(q.value(1).toString(), q.value(0).toLongLong());
        for (qsizetype i = 0; i < rows; ++i) {
            Patient& p = patients[from + i];
            p.id = ids.value(p.mrn);
            p.rowVersion = 1;
        }
    }
    return SearchRepository(m_db).indexPatients(patients);
}

Result<QSet<QString>> PatientRepository::existingMrns(const QStringList& mrns) {
    return foundAmong(m_db, QStringLiteral("SELECT mrn FROM patients WHERE mrn IN ("), {}, mrns);
}

Result<std::optional<Patient>> PatientRepository::one(const QString& where, const QVariant& value) {
    Query q(m_db, QStringLiteral("SELECT * FROM patients WHERE ") + where);
    q.bind(QStringLiteral(":v"), value);
    PD_TRY(q.exec());
    if (!q.next())
        return std::optional<Patient>();
    return std::optional<Patient>(fromRow(q));
}

Result<std::optional<Patient>> PatientRepository::byMrn(const QString& mrn) {
    return one(QStringLiteral("mrn = :v"), mrn);
}

Result<std::optional<Patient>> PatientRepository::byId(qint64 id) {
    return one(QStringLiteral("id = :v"), id);
}

Result<QList<Patient>> PatientRepository::byIds(const QList<qint64>& ids) {
    QList<Patient> out;
    if (ids.isEmpty())
        return out;
    Query q(m_db,
            QStringLiteral("SELECT * FROM patients WHERE id IN (") + DbTime::idList(ids) + QLatin1Char(')'));
    PD_TRY(q.exec());
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Status PatientRepository::update(const Patient& p, const QDateTime& at, const QString& by) {
    Query q(m_db, QStringLiteral(
                      "UPDATE patients SET given_name = :given, family_name = :family, birth_date = :birth, "
                      "sex = :sex, "
                      "language = :lang, email = :email, phone = :phone, updated_at = :at, updated_by = :by, "
                      "row_version = row_version + 1 WHERE id = :id AND row_version = :version"));
    q.bind(QStringLiteral(":given"), p.givenName)
        .bind(QStringLiteral(":family"), p.familyName)
        .bind(QStringLiteral(":birth"), DbTime::toDb(p.birthDate))
        .bind(QStringLiteral(":sex"), p.sex)
        .bind(QStringLiteral(":lang"), p.language)
        .bind(QStringLiteral(":email"), DbTime::text(p.email))
        .bind(QStringLiteral(":phone"), DbTime::text(p.phone))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), p.id)
        .bind(QStringLiteral(":version"), p.rowVersion);
    PD_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return staleRecordError(m_db, QStringLiteral("patients"), p.id,
                                QCoreApplication::translate("Database", "Patient %1").arg(p.mrn));
    return SearchRepository(m_db).indexPatient(p);
}

Status PatientRepository::setReview(qint64 id, const QString& reason, const QDateTime& at,
                                    const QString& by) {
    // A patient already waiting keeps the reason and the time they were first listed (a second reason is
    // in the audit trail); an empty reason takes them off the list.
    Query q(m_db,
            reason.isEmpty()
                ? QStringLiteral(
                      "UPDATE patients SET review_reason = NULL, review_since = NULL, updated_at = :at, "
                      "updated_by = :by, row_version = row_version + 1 WHERE id = :id")
                : QStringLiteral("UPDATE patients SET review_reason = COALESCE(review_reason, :reason), "
                                 "review_since = COALESCE(review_since, :since), updated_at = :at, "
                                 "updated_by = :by, row_version = row_version + 1 WHERE id = :id"));
    if (!reason.isEmpty())
        q.bind(QStringLiteral(":reason"), reason).bind(QStringLiteral(":since"), DbTime::toDb(at));
    q.bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), id);
    return q.exec();
}

Result<QList<Patient>> PatientRepository::toReview(int limit, int offset) {
    Query q(m_db,
            QStringLiteral("SELECT * FROM patients WHERE review_since IS NOT NULL ORDER BY review_since, id "
                           "LIMIT :limit OFFSET :offset"));
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    PD_TRY(q.exec());
    QList<Patient> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<qint64> PatientRepository::toReviewCount() {
    Query q(m_db, QStringLiteral("SELECT count(*) FROM patients WHERE review_since IS NOT NULL"));
    PD_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status PatientRepository::setFeedState(const Patient& p, const QDateTime& at, const QString& by) {
    Query q(m_db, QStringLiteral("UPDATE patients SET deceased_at = :dead, feed_event_at = :event, "
                                 "merged_into = :merged, updated_at = :at, updated_by = :by, "
                                 "row_version = row_version + 1 WHERE id = :id"));
    q.bind(QStringLiteral(":dead"), DbTime::toDb(p.deceasedAt))
        .bind(QStringLiteral(":event"), DbTime::toDb(p.feedEventAt))
        .bind(QStringLiteral(":merged"), DbTime::id(p.mergedInto))
        .bind(QStringLiteral(":at"), DbTime::toDb(at))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), p.id);
    PD_TRY(q.exec());
    return {};
}

} // namespace pd
