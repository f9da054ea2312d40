#include "store/SearchRepository.h"

namespace pd {

Result<QList<SearchHit>> SearchRepository::search(const QString& rawText, int limit, int offset) {
    const QString text = rawText.simplified();
    QList<SearchHit> out;
    if (text.isEmpty())
        return out;

    // Three characters or more use the trigram index; shorter terms (two-character Korean or Chinese
    // names, say) are matched by LIKE on the same index table, bounded by the limit.
    QString matchSql;
    QString bound;
    if (m_db.dialect() == Dialect::Postgres) {
        // search_rowids() matches with ILIKE, which pg_trgm indexes; it runs as the schema's owner, so
        // support agents find people by e-mail or phone without being able to read either.
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        bound = QLatin1Char('%') + escaped + QLatin1Char('%');
    } else if (text.size() >= 3) {
        matchSql = QStringLiteral("search_index MATCH :term");
        QString quoted = text;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        bound = QLatin1Char('"') + quoted + QLatin1Char('"');
    } else {
        matchSql = QStringLiteral("body LIKE :term ESCAPE '\\'");
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        bound = QLatin1Char('%') + escaped + QLatin1Char('%');
    }

    Query q(m_db,
            QStringLiteral(
                "SELECT s.rowid AS rid, "
                "p.id AS p_id, p.mrn, p.given_name AS p_given, p.family_name AS p_family, p.email AS "
                "p_email, p.phone, "
                "p.birth_date, u.id AS u_id, u.username, u.given_name AS u_given, u.family_name AS u_family, "
                "u.email AS u_email, u.status "
                "FROM ") +
                (m_db.dialect() == Dialect::Postgres
                     ? QStringLiteral("search_rowids(:term, :limit, :offset) s ")
                     : QStringLiteral("(SELECT rowid FROM search_index WHERE ") + matchSql +
                           QStringLiteral(" ORDER BY rowid LIMIT :limit OFFSET :offset) s ")) +
                QStringLiteral("LEFT JOIN patients p ON s.rowid % 2 = 0 AND p.id = s.rowid / 2 "
                               "LEFT JOIN portal_users u ON s.rowid % 2 = 1 AND u.id = (s.rowid - 1) / 2 "
                               "ORDER BY s.rowid % 2, coalesce(p.family_name, u.family_name), "
                               "coalesce(p.given_name, u.given_name)"));
    q.bind(QStringLiteral(":term"), bound)
        .bind(QStringLiteral(":limit"), limit)
        .bind(QStringLiteral(":offset"), qMax(0, offset));
    PD_TRY(q.exec());
    while (q.next()) {
        SearchHit h;
        if (!q.value(QStringLiteral("p_id")).isNull()) {
            h.kind = QStringLiteral("patient");
            h.id = q.value(QStringLiteral("p_id")).toLongLong();
            h.key = q.value(QStringLiteral("mrn")).toString();
            h.name = q.value(QStringLiteral("p_given")).toString() + QLatin1Char(' ') +
                     q.value(QStringLiteral("p_family")).toString();
            h.email = q.value(QStringLiteral("p_email")).toString();
            h.phone = q.value(QStringLiteral("phone")).toString();
            h.birthDate = DbTime::date(q.value(QStringLiteral("birth_date")));
        } else if (!q.value(QStringLiteral("u_id")).isNull()) {
            h.kind = QStringLiteral("portal_user");
            h.id = q.value(QStringLiteral("u_id")).toLongLong();
            h.key = q.value(QStringLiteral("username")).toString();
            h.name = q.value(QStringLiteral("u_given")).toString() + QLatin1Char(' ') +
                     q.value(QStringLiteral("u_family")).toString();
            h.email = q.value(QStringLiteral("u_email")).toString();
            h.status = q.value(QStringLiteral("status")).toString();
        } else {
            continue;
        }
        out.append(h);
    }
    return out;
}

} // namespace pd
