#include "store/ReportRepository.h"

namespace pd {

Result<QList<InvitationTimes>> ReportRepository::invitations(const QDateTime& from, const QDateTime& to) {
    Query q(m_db, QStringLiteral(
                      "SELECT sent_at, activated_at, expires_at, status FROM invitations WHERE "
                      "(sent_at >= :f1 AND sent_at < :t1) OR (activated_at >= :f2 AND activated_at < :t2) "
                      "OR (status = 'expired' AND expires_at >= :f3 AND expires_at < :t3)"));
    for (const char* n : {":f1", ":f2", ":f3"})
        q.bind(QLatin1String(n), DbTime::toDb(from));
    for (const char* n : {":t1", ":t2", ":t3"})
        q.bind(QLatin1String(n), DbTime::toDb(to));
    PD_TRY(q.exec());
    QList<InvitationTimes> out;
    while (q.next())
        out.append({DbTime::instant(q.value(0)), DbTime::instant(q.value(1)), DbTime::instant(q.value(2)),
                    q.value(3).toString()});
    return out;
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
