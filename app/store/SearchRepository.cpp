#include "store/SearchRepository.h"

#include "core/SearchText.h"

#include <QSet>

#include <algorithm>

namespace pd {

namespace {

// Row ids in the index: patient n → 2n, portal user n → 2n + 1.
qint64 patientRow(qint64 id) {
    return id * 2;
}
qint64 userRow(qint64 id) {
    return id * 2 + 1;
}

QString patientBody(const Patient& p) {
    return SearchText::indexBody({p.mrn, p.givenName, p.familyName, p.email}, p.phone);
}

QString userBody(const PortalUser& u) {
    return SearchText::indexBody({u.username, u.givenName, u.familyName, u.email});
}

} // namespace

Status SearchRepository::put(qint64 rowid, const QString& body) {
    return putAll({{rowid, body}});
}

Status SearchRepository::putAll(const QList<QPair<qint64, QString>>& given) {
    // A person named twice keeps the last body (one statement can't write a row twice).
    QList<QPair<qint64, QString>> rows = given;
    QHash<qint64, qsizetype> last;
    for (qsizetype i = 0; i < given.size(); ++i)
        last.insert(given.at(i).first, i);
    if (last.size() < given.size()) {
        rows.clear();
        for (qsizetype i = 0; i < given.size(); ++i) {
            if (last.value(given.at(i).first) == i)
                rows.append(given.at(i));
        }
    }
    for (qsizetype from = 0; from < rows.size(); from += DbTime::RowsPerStatement) {
        const qsizetype count = std::min(DbTime::RowsPerStatement, rows.size() - from);
        if (m_db.dialect() == Dialect::Postgres) {
            // The index is the owner's: staff who may change people write it through this function only.
            // The pair keys go beside the body, out of the key the index is walked in.
            BulkRows values(Dialect::Postgres,
                            {QStringLiteral("rowid"), QStringLiteral("body"), QStringLiteral("sig"),
                             QStringLiteral("pairs")},
                            QStringLiteral("public.search_index"));
            for (qsizetype i = 0; i < count; ++i) {
                const auto& [rowid, body] = rows.at(from + i);
                values.add(rowid)
                    .add(body)
                    .add(SearchText::signature(body))
                    .add(SearchText::pairKeysOf(body));
            }
            Query q(m_db, QStringLiteral("SELECT public.search_index_put_rows(CAST(? AS json))"));
            values.bindTo(q);
            PD_TRY(q.exec());
            continue;
        }
        BulkRows values(Dialect::Sqlite, {QStringLiteral("rowid"), QStringLiteral("body")}, QString());
        QList<qint64> rowids;
        for (qsizetype i = 0; i < count; ++i) {
            const auto& [rowid, body] = rows.at(from + i);
            rowids.append(rowid);
            values.add(rowid).add(QString(body + SearchText::pairKeysOf(body)));
        }
        Query del(m_db, QStringLiteral("DELETE FROM search_index WHERE rowid IN (") + DbTime::idList(rowids) +
                            QLatin1Char(')'));
        PD_TRY(del.exec());
        Query q(m_db, QStringLiteral("INSERT INTO search_index (rowid, body) ") + values.source());
        values.bindTo(q);
        PD_TRY(q.exec());
    }
    return {};
}

Status SearchRepository::indexPatient(const Patient& patient) {
    return put(patientRow(patient.id), patientBody(patient));
}

Status SearchRepository::indexPatients(const QList<Patient>& patients) {
    QList<QPair<qint64, QString>> rows;
    rows.reserve(patients.size());
    for (const Patient& p : patients)
        rows.append({patientRow(p.id), patientBody(p)});
    return putAll(rows);
}

Status SearchRepository::indexPortalUser(const PortalUser& user) {
    return put(userRow(user.id), userBody(user));
}

Result<QList<qint64>> SearchRepository::matching(const QStringList& patterns, int limit) {
    QList<qint64> out;
    const QStringList keys = SearchText::pairKeys(patterns);
    if (m_db.dialect() == Dialect::Postgres) {
        // search_rowids() runs as the schema's owner, so support agents find people by e-mail or phone
        // without being able to read either; it chooses between reading the index in order and the trigram
        // index by how common the words turn out to be, and looks up pair keys when the words are rare
        // together.
        Query q(m_db,
                QStringLiteral("SELECT rowid FROM public.search_rowids(:patterns, :limit, :mask, :keys)"));
        const auto array = [](const QStringList& items) -> QString {
            QString text = QStringLiteral("{");
            for (qsizetype i = 0; i < items.size(); ++i) // letters, digits and spaces only
                text +=
                    (i > 0 ? QStringLiteral(",\"") : QStringLiteral("\"")) + items.at(i) + QLatin1Char('"');
            return text + QLatin1Char('}');
        };
        q.bind(QStringLiteral(":patterns"), array(patterns))
            .bind(QStringLiteral(":limit"), limit)
            .bind(QStringLiteral(":mask"), SearchText::signatureMask(patterns))
            .bind(QStringLiteral(":keys"), array(keys));
        PD_TRY(q.exec());
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }
    bool indexed = true; // every body holds its pair keys (none is waiting for an upgrade's refill)
    if (!keys.isEmpty()) {
        Query pending(m_db, QStringLiteral("SELECT 1 FROM search_rebuild LIMIT 1"));
        PD_TRY(pending.exec());
        indexed = !pending.next();
    }
    if (indexed && !keys.isEmpty()) {
        // Words rare or common together: the keys' short lists, in row order, each body checked for every
        // pattern until the page is full.
        QStringList quoted;
        for (const QString& key : keys)
            quoted.append(QLatin1Char('"') + key + QLatin1Char('"'));
        QString sql = QStringLiteral("SELECT rowid FROM search_index WHERE search_index MATCH ?");
        for (qsizetype i = 0; i < patterns.size(); ++i)
            sql += QStringLiteral(" AND instr(body, ?) > 0");
        Query q(m_db, sql + QStringLiteral(" ORDER BY rowid LIMIT ?"));
        q.add(QString(QLatin1Char('(') + quoted.join(QStringLiteral(" AND ")) + QStringLiteral(") OR \"") +
                      SearchText::overflowKey() + QLatin1Char('"')));
        for (const QString& p : patterns)
            q.add(p);
        q.add(limit);
        PD_TRY(q.exec());
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }
    // The full-text index is asked for a word's start without its spaces when three letters or more remain
    // (the trigrams of "  s" and " so" hold nearly everyone), and the start is checked in the body after.
    QStringList phrases;
    QStringList starts;
    for (const QString& p : patterns) { // letters, digits and spaces only
        const bool core = p.startsWith(QLatin1String("  ")) && p.size() >= 5;
        phrases.append(QLatin1Char('"') + (core ? p.mid(2) : p) + QLatin1Char('"'));
        if (core)
            starts.append(p);
    }
    QString sql = QStringLiteral("SELECT rowid FROM search_index WHERE search_index MATCH ?");
    for (qsizetype i = 0; i < starts.size(); ++i)
        sql += QStringLiteral(" AND instr(body, ?) > 0");
    Query q(m_db, sql + QStringLiteral(" ORDER BY rowid LIMIT ?"));
    q.add(phrases.join(QStringLiteral(" AND ")));
    for (const QString& start : std::as_const(starts))
        q.add(start);
    q.add(limit);
    PD_TRY(q.exec());
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Result<QList<qint64>> SearchRepository::wholeNumber(const QString& digits, int limit) {
    Query q(m_db, m_db.dialect() == Dialect::Postgres
                      ? QStringLiteral("SELECT rowid, starts FROM public.search_number_rowids(?, ?)")
                      : QStringLiteral("SELECT rowid, instr(body, ?) > 0 AS starts FROM search_index "
                                       "WHERE search_index MATCH ? ORDER BY starts DESC, rowid LIMIT ?"));
    if (m_db.dialect() == Dialect::Postgres)
        q.add(digits).add(limit);
    else
        q.add(QString(QStringLiteral("  ") + digits))
            .add(QString(QLatin1Char('"') + digits + QLatin1Char('"')))
            .add(limit);
    PD_TRY(q.exec());
    QList<qint64> starting, holding;
    while (q.next())
        (q.value(1).toBool() ? starting : holding).append(q.value(0).toLongLong());
    return starting.isEmpty() ? holding : starting;
}

Result<QList<qint64>> SearchRepository::exact(const QString& key) {
    QList<qint64> out;
    Query q(m_db,
            QStringLiteral("SELECT id * 2 AS rid FROM patients WHERE mrn = :key "
                           "UNION ALL SELECT id * 2 + 1 AS rid FROM portal_users WHERE username = :key2"));
    q.bind(QStringLiteral(":key"), key).bind(QStringLiteral(":key2"), key.toLower());
    PD_TRY(q.exec());
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Result<QList<SearchHit>> SearchRepository::search(const QString& text, int limit, int offset) {
    QList<SearchHit> out;
    const SearchText::Query query = SearchText::parse(text);
    if (query.isEmpty() || limit <= 0)
        return out;
    offset = qMax(0, offset);
    const int wanted = offset + limit;

    // Tiers, best first; a person found by an earlier tier is not repeated by a later one.
    QList<qint64> order;
    QSet<qint64> seen;
    const auto take = [&](const QList<qint64>& rows) {
        for (qint64 r : rows) {
            if (!seen.contains(r)) {
                seen.insert(r);
                order.append(r);
            }
        }
    };
    // A whole MRN typed is a lookup: that patient, not every number holding its digits.
    bool lookedUp = false;
    if (!query.exactKey.isEmpty()) {
        auto rows = exact(query.exactKey);
        if (!rows)
            return rows.error();
        take(rows.value());
        const bool hasDigit =
            std::any_of(query.exactKey.cbegin(), query.exactKey.cend(), [](QChar c) { return c.isDigit(); });
        lookedUp = hasDigit && !query.wholeNumber &&
                   std::any_of(rows->cbegin(), rows->cend(), [](qint64 r) { return r % 2 == 0; });
    }
    QStringList prefix, anywhere;
    for (const QString& term : query.terms) {
        prefix.append(SearchText::pattern(term, true));
        anywhere.append(SearchText::pattern(term, false));
    }
    // A whole phone number found where a number starts is that number; one found nowhere so may sit inside
    // a longer one (a country code, an extension). One lookup answers both.
    const bool numberAtOnce = query.wholeNumber;
    if (order.size() < wanted && !lookedUp && numberAtOnce) {
        auto rows = wholeNumber(query.terms.first(), wanted);
        if (!rows)
            return rows.error();
        take(rows.value());
    }
    if (order.size() < wanted && !lookedUp && !numberAtOnce) {
        auto rows = matching(prefix, wanted);
        if (!rows)
            return rows.error();
        take(rows.value());
    }
    if (order.size() < wanted && anywhere != prefix && !lookedUp && !numberAtOnce &&
        !(query.wholeNumber && !order.isEmpty())) {
        auto rows = matching(anywhere, wanted + int(order.size()));
        if (!rows)
            return rows.error();
        take(rows.value());
    }
    const QList<qint64> page = order.mid(offset, limit);
    if (page.isEmpty())
        return out;

    QList<qint64> patientIds, userIds;
    for (qint64 r : page)
        (r % 2 == 0 ? patientIds : userIds).append(r / 2);
    QHash<qint64, SearchHit> hits;
    if (!patientIds.isEmpty()) {
        Query q(m_db, QStringLiteral("SELECT id, mrn, given_name, family_name, email, phone, birth_date "
                                     "FROM patients WHERE id IN (") +
                          DbTime::idList(patientIds) + QLatin1Char(')'));
        PD_TRY(q.exec());
        while (q.next()) {
            SearchHit h;
            h.kind = QStringLiteral("patient");
            h.id = q.value(0).toLongLong();
            h.key = q.value(1).toString();
            h.name = q.value(2).toString() + QLatin1Char(' ') + q.value(3).toString();
            h.email = q.value(4).toString();
            h.phone = q.value(5).toString();
            h.birthDate = DbTime::date(q.value(6));
            hits.insert(patientRow(h.id), h);
        }
    }
    if (!userIds.isEmpty()) {
        Query q(m_db, QStringLiteral("SELECT id, username, given_name, family_name, email, status "
                                     "FROM portal_users WHERE id IN (") +
                          DbTime::idList(userIds) + QLatin1Char(')'));
        PD_TRY(q.exec());
        while (q.next()) {
            SearchHit h;
            h.kind = QStringLiteral("portal_user");
            h.id = q.value(0).toLongLong();
            h.key = q.value(1).toString();
            h.name = q.value(2).toString() + QLatin1Char(' ') + q.value(3).toString();
            h.email = q.value(4).toString();
            h.status = q.value(5).toString();
            hits.insert(userRow(h.id), h);
        }
    }
    for (qint64 r : page) {
        auto it = hits.constFind(r);
        if (it != hits.constEnd())
            out.append(it.value());
    }
    return out;
}

Result<int> SearchRepository::rebuildPending(int batch,
                                             const std::function<void(qint64 done, qint64 total)>& progress) {
    int done = 0;
    qint64 total = 0; // ids follow each other: those after where each kind stopped, about
    QPair<qint64, qint64> told{-1, -1};
    const auto tell = [&](qint64 d, qint64 t) { // each figure once
        if (progress && total > 0 && told != qMakePair(d, t)) {
            told = {d, t};
            progress(d, t);
        }
    };
    if (progress) {
        Query left(m_db, QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM patients) - coalesce(("
                                        "SELECT next_id FROM search_rebuild WHERE kind = 'patient'), "
                                        "(SELECT coalesce(max(id), 0) FROM patients)), "
                                        "(SELECT coalesce(max(id), 0) FROM portal_users) - coalesce(("
                                        "SELECT next_id FROM search_rebuild WHERE kind = 'portal_user'), "
                                        "(SELECT coalesce(max(id), 0) FROM portal_users))"));
        PD_TRY(left.exec());
        if (left.next())
            total = qMax<qint64>(0, left.value(0).toLongLong()) + qMax<qint64>(0, left.value(1).toLongLong());
        tell(0, total);
    }
    for (const QString& kind : {QStringLiteral("patient"), QStringLiteral("portal_user")}) {
        for (;;) {
            Transaction tx(m_db);
            PD_TRY(tx.begin());
            Query next(m_db, QStringLiteral("SELECT next_id FROM search_rebuild WHERE kind = :kind"));
            next.bind(QStringLiteral(":kind"), kind);
            PD_TRY(next.exec());
            if (!next.next())
                break; // this kind is indexed
            const qint64 from = next.value(0).toLongLong();
            const bool patients = kind == QLatin1String("patient");
            Query rows(m_db, patients
                                 ? QStringLiteral("SELECT id, mrn, given_name, family_name, email, phone "
                                                  "FROM patients WHERE id > :from ORDER BY id LIMIT :n")
                                 : QStringLiteral("SELECT id, username, given_name, family_name, email "
                                                  "FROM portal_users WHERE id > :from ORDER BY id LIMIT :n"));
            rows.bind(QStringLiteral(":from"), from).bind(QStringLiteral(":n"), batch);
            PD_TRY(rows.exec());
            qint64 last = from;
            int count = 0;
            QList<QPair<qint64, QString>> bodies;
            while (rows.next()) {
                last = rows.value(0).toLongLong();
                if (patients) {
                    Patient p;
                    p.id = last;
                    p.mrn = rows.value(1).toString();
                    p.givenName = rows.value(2).toString();
                    p.familyName = rows.value(3).toString();
                    p.email = rows.value(4).toString();
                    p.phone = rows.value(5).toString();
                    bodies.append({patientRow(last), patientBody(p)});
                } else {
                    PortalUser u;
                    u.id = last;
                    u.username = rows.value(1).toString();
                    u.givenName = rows.value(2).toString();
                    u.familyName = rows.value(3).toString();
                    u.email = rows.value(4).toString();
                    bodies.append({userRow(last), userBody(u)});
                }
                ++count;
            }
            PD_TRY(putAll(bodies));
            Query mark(m_db,
                       count < batch
                           ? QStringLiteral("DELETE FROM search_rebuild WHERE kind = :kind")
                           : QStringLiteral("UPDATE search_rebuild SET next_id = :last WHERE kind = :kind"));
            mark.bind(QStringLiteral(":kind"), kind);
            if (count >= batch)
                mark.bind(QStringLiteral(":last"), last);
            PD_TRY(mark.exec());
            PD_TRY(tx.commit());
            done += count;
            tell(done, qMax<qint64>(done, total));
            if (count < batch)
                break;
        }
    }
    tell(done, done); // the estimate counted ids a deleted person left
    return done;
}

} // namespace pd
