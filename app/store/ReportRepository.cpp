#include "store/ReportRepository.h"

namespace pd {

Result<QList<int>> ReportRepository::invitationsByRange(InvitationTime which,
                                                        const QList<QDateTime>& bounds) {
    QList<int> out(qMax<qsizetype>(0, bounds.size() - 1), 0);
    if (bounds.size() < 2)
        return out;
    const QString column = which == InvitationTime::Sent        ? QStringLiteral("sent_at")
                           : which == InvitationTime::Activated ? QStringLiteral("activated_at")
                                                                : QStringLiteral("expires_at");
    // The bounds are PortalDesk's own times, written into the statement so one plan covers any number
    // of weeks.
    const auto literal = [](const QDateTime& t) -> QString {
        return QLatin1Char('\'') + DbTime::toDb(t).toString() + QLatin1Char('\'');
    };
    QString bucket = QStringLiteral("CASE");
    for (qsizetype i = 1; i + 1 < bounds.size(); ++i)
        bucket += QStringLiteral(" WHEN %1 < %2 THEN %3").arg(column, literal(bounds.at(i))).arg(i - 1);
    bucket += QStringLiteral(" ELSE %1 END").arg(bounds.size() - 2);
    Query q(
        m_db,
        QStringLiteral("SELECT %1 AS bucket, count(*) FROM invitations WHERE %2 >= %3 AND %2 < %4%5 "
                       "GROUP BY 1")
            .arg(bucket, column, literal(bounds.first()), literal(bounds.last()),
                 which == InvitationTime::Expired ? QStringLiteral(" AND status = 'expired'") : QString()));
    PD_TRY(q.exec());
    while (q.next()) {
        const int i = q.value(0).toInt();
        if (i >= 0 && i < out.size())
            out[i] = q.value(1).toInt();
    }
    return out;
}

Result<QPair<int, double>> ReportRepository::activationOfSent(const QDateTime& from, const QDateTime& to) {
    const QString hours =
        m_db.dialect() == Dialect::Postgres
            ? QStringLiteral(
                  "extract(epoch FROM (activated_at::timestamptz - sent_at::timestamptz)) / 3600.0")
            : QStringLiteral("(julianday(activated_at) - julianday(sent_at)) * 24.0");
    const QString where = QStringLiteral(" FROM invitations WHERE sent_at >= :f AND sent_at < :t AND "
                                         "activated_at IS NOT NULL");
    Query count(m_db, QStringLiteral("SELECT count(*)") + where);
    count.bind(QStringLiteral(":f"), DbTime::toDb(from)).bind(QStringLiteral(":t"), DbTime::toDb(to));
    PD_TRY(count.exec());
    const int n = count.next() ? count.value(0).toInt() : 0;
    if (n == 0)
        return qMakePair(0, -1.0);
    // The middle one or two, sorted by the database.
    Query middle(m_db, QStringLiteral("SELECT ") + hours + QStringLiteral(" AS h") + where +
                           QStringLiteral(" ORDER BY h LIMIT :n OFFSET :skip"));
    middle.bind(QStringLiteral(":f"), DbTime::toDb(from))
        .bind(QStringLiteral(":t"), DbTime::toDb(to))
        .bind(QStringLiteral(":n"), n % 2 ? 1 : 2)
        .bind(QStringLiteral(":skip"), n % 2 ? n / 2 : n / 2 - 1);
    PD_TRY(middle.exec());
    double sum = 0;
    int taken = 0;
    while (middle.next()) {
        sum += middle.value(0).toDouble();
        ++taken;
    }
    return qMakePair(n, taken > 0 ? sum / taken : -1.0);
}

Result<QList<RequestTimes>> ReportRepository::requests(const QDateTime& from, const QDateTime& to) {
    Query q(m_db, QStringLiteral("SELECT received_at, due_at, resolved_at, status FROM requests WHERE "
                                 "received_at >= :f AND received_at < :t"));
    q.bind(QStringLiteral(":f"), DbTime::toDb(from)).bind(QStringLiteral(":t"), DbTime::toDb(to));
    PD_TRY(q.exec());
    QList<RequestTimes> out;
    while (q.next())
        out.append({DbTime::instant(q.value(0)), DbTime::instant(q.value(1)), DbTime::instant(q.value(2)),
                    q.value(3).toString()});
    return out;
}

} // namespace pd
