#include "store/ReportRepository.h"

namespace pd {

namespace {

// The bounds are PortalDesk's own times, written into the statement so one plan covers any number of
// weeks.
QString literal(const QDateTime& t) {
    return QLatin1Char('\'') + DbTime::toDb(t).toString() + QLatin1Char('\'');
}

// Which range [bounds[i], bounds[i + 1]) `column` falls in, as the statement's "bucket" (0 for the first);
// `bounds` ascend and are at least two.
QString bucketOf(const QString& column, const QList<QDateTime>& bounds) {
    if (bounds.size() == 2)
        return QStringLiteral("0"); // one range: a CASE needs at least one WHEN
    QString bucket = QStringLiteral("CASE");
    for (qsizetype i = 1; i + 1 < bounds.size(); ++i)
        bucket += QStringLiteral(" WHEN %1 < %2 THEN %3").arg(column, literal(bounds.at(i))).arg(i - 1);
    bucket += QStringLiteral(" ELSE %1 END").arg(bounds.size() - 2);
    return bucket;
}

} // namespace

Result<QList<int>> ReportRepository::invitationsByRange(InvitationTime which,
                                                        const QList<QDateTime>& bounds) {
    QList<int> out(qMax<qsizetype>(0, bounds.size() - 1), 0);
    if (bounds.size() < 2)
        return out;
    const QString column = which == InvitationTime::Sent        ? QStringLiteral("sent_at")
                           : which == InvitationTime::Activated ? QStringLiteral("activated_at")
                                                                : QStringLiteral("expires_at");
    Query q(
        m_db,
        QStringLiteral("SELECT %1 AS bucket, count(*) FROM invitations WHERE %2 >= %3 AND %2 < %4%5 "
                       "GROUP BY 1")
            .arg(bucketOf(column, bounds), column, literal(bounds.first()), literal(bounds.last()),
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

Result<QList<RequestCounts>> ReportRepository::requestsByRange(const QList<QDateTime>& bounds,
                                                               const QDateTime& now) {
    QList<RequestCounts> out(qMax<qsizetype>(0, bounds.size() - 1));
    if (bounds.size() < 2)
        return out;
    // Times are stored as UTC text of one fixed width, so comparing the text compares the instants (as the
    // request worklist does).
    Query q(m_db,
            QStringLiteral("SELECT %1 AS bucket, count(*), "
                           "sum(CASE WHEN status = 'resolved' AND resolved_at <= due_at THEN 1 ELSE 0 END), "
                           "sum(CASE WHEN status = 'resolved' AND resolved_at > due_at THEN 1 "
                           "WHEN status = 'open' AND due_at < :now THEN 1 ELSE 0 END) "
                           "FROM requests WHERE received_at >= %2 AND received_at < %3 GROUP BY 1")
                .arg(bucketOf(QStringLiteral("received_at"), bounds), literal(bounds.first()),
                     literal(bounds.last())));
    q.bind(QStringLiteral(":now"), DbTime::toDb(now));
    PD_TRY(q.exec());
    while (q.next()) {
        const int i = q.value(0).toInt();
        if (i < 0 || i >= out.size())
            continue;
        RequestCounts& c = out[i];
        c.received = q.value(1).toInt();
        c.met = q.value(2).toInt();
        c.late = q.value(3).toInt();
        c.open = c.received - c.met - c.late;
    }
    return out;
}

} // namespace pd
