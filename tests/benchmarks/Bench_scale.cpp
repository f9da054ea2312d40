// A hospital's size: N patients (2,000,000 for the real figures) with logins, grants and invitations in
// every status, made in bulk (one SQL statement per few hundred rows, one PIN hash for all), then every
// budgeted figure: the search service call for what staff type, each worklist's first page and its total,
// the birthdays ahead, the leads' report, and whole-process CLI runs of those and of the daily job (time
// and peak memory) on a normal day and after a three-week backlog. Each service figure is printed next to
// the raw engine's time for the same query, so the ratio shows what PortalDesk adds.
// Usage: bench-scale [--patients N] [--postgresql] [--keep FILE] [--hold S]   (default 20000 on SQLite; it
// exits non-zero when a figure could not be taken; --keep leaves a copy of the SQLite database in FILE;
// --hold waits S seconds once the data is made, for a look at it with a SQL client)
#include "benchmarks/BenchReport.h"
#include "support/TestSupport.h"

#include "core/AgeRules.h"
#include "core/SearchText.h"
#include "services/AdminService.h"
#include "services/DailyJob.h"
#include "services/InvitationService.h"
#include "services/PatientService.h"
#include "services/ReportService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <thread>

using namespace pd;
using namespace pd::bench;

namespace {

bool g_failed = false;

void fail(const QString& what) {
    std::printf("FAILED: %s\n", qPrintable(what));
    std::fflush(stdout);
    g_failed = true;
}

QString quoted(const QString& s) {
    if (s.isNull())
        return QStringLiteral("NULL");
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString stamp(const QDateTime& t) {
    return t.isValid() ? quoted(DbTime::toDb(t).toString()) : QStringLiteral("NULL");
}

// Rows for one table, flushed as one INSERT every few hundred rows.
class Inserter {
public:
    // Rows that refer to `parent`'s rows go in after them.
    Inserter(Database& db, QString head, Inserter* parent = nullptr)
        : m_db(db)
        , m_head(std::move(head))
        , m_parent(parent) {}
    ~Inserter() { flush(); }
    void add(const QString& values) {
        m_rows.append(values);
        if (m_rows.size() >= 400)
            flush();
    }
    void flush() {
        if (m_rows.isEmpty())
            return;
        if (m_parent)
            m_parent->flush();
        Query q(m_db, m_head + QStringLiteral(" VALUES (") + m_rows.join(QStringLiteral("), (")) +
                          QLatin1Char(')'));
        if (!q.exec())
            qFatal("bulk insert failed");
        m_rows.clear();
    }

private:
    Database& m_db;
    QString m_head;
    Inserter* m_parent;
    QStringList m_rows;
};

struct Counts {
    qint64 patients = 0, logins = 0, grants = 0, invitations = 0;
    QHash<QString, qint64> byStatus;
};

// The bulk path: names in the scripts the hospital's families write, accents, compound family names,
// phones in every format; a login for about two patients in three; invitations in every status.
Counts fill(Database& db, int patients, const QDateTime& base, const QTimeZone& zone) {
    const QStringList givens = {
        QStringLiteral("Sofía"),   QStringLiteral("Mateo"),  QStringLiteral("Valentina"),
        QStringLiteral("José"),    QStringLiteral("Camila"), QStringLiteral("Olivia"),
        QStringLiteral("Liam"),    QStringLiteral("Noah"),   QStringLiteral("Emma"),
        QStringLiteral("Արամ"),    QStringLiteral("Անի"),    QStringLiteral("민준"),
        QStringLiteral("서연"),    QStringLiteral("小明"),   QStringLiteral("Minh"),
        QStringLiteral("Thảo"),    QStringLiteral("Zoë"),    QStringLiteral("Łukasz"),
        QStringLiteral("Nicolás"), QStringLiteral("Ximena")};
    const QStringList families = {
        QStringLiteral("García"),    QStringLiteral("Hernández"), QStringLiteral("López"),
        QStringLiteral("Martínez"),  QStringLiteral("González"),  QStringLiteral("Rodríguez"),
        QStringLiteral("Pérez"),     QStringLiteral("Sánchez"),   QStringLiteral("Ramírez"),
        QStringLiteral("Flores"),    QStringLiteral("Nguyễn"),    QStringLiteral("Trần"),
        QStringLiteral("Kim"),       QStringLiteral("Park"),      QStringLiteral("Սարգսյան"),
        QStringLiteral("Petrosyan"), QStringLiteral("王"),        QStringLiteral("李"),
        QStringLiteral("Johnson"),   QStringLiteral("Smith"),     QStringLiteral("O'Brien"),
        QStringLiteral("Williams"),  QStringLiteral("Brown"),     QStringLiteral("Đặng")};
    const QStringList statuses = {QStringLiteral("activated"), QStringLiteral("sent"),
                                  QStringLiteral("expired"),   QStringLiteral("queued"),
                                  QStringLiteral("revoked"),   QStringLiteral("delivery_failed"),
                                  QStringLiteral("locked")};
    const int weights[] = {66, 12, 10, 5, 5, 1, 1}; // per hundred
    QRandomGenerator rng(20261201);
    const QDate today = base.toTimeZone(zone).date();
    const QString at = DbTime::toDb(base.addDays(-400)).toString();
    const QString by = QStringLiteral("'bulk'");

    Counts c;
    qint64 loginId = 0, grantId = 0, invitationId = 0;
    QElapsedTimer timer;
    timer.start();
    for (int from = 0; from < patients; from += 5000) {
        if (!db.begin())
            qFatal("begin failed");
        {
            Inserter pRows(db, QStringLiteral("INSERT INTO patients (id, mrn, given_name, family_name, "
                                              "birth_date, sex, language, email, phone, created_at, "
                                              "created_by, updated_at, updated_by)"));
            Inserter uRows(db,
                           QStringLiteral("INSERT INTO portal_users (id, username, email, given_name, "
                                          "family_name, language, kind, patient_id, status, activated_at, "
                                          "created_at, created_by, updated_at, updated_by)"),
                           &pRows);
            Inserter gRows(db,
                           QStringLiteral("INSERT INTO access_grants (id, portal_user_id, patient_id, "
                                          "level, basis, bracket, relationship, started_at, updated_at, "
                                          "updated_by)"),
                           &uRows);
            Inserter iRows(db,
                           QStringLiteral("INSERT INTO invitations (id, portal_user_id, email, token_hash, "
                                          "pin_hash, status, queued_at, due_at, sent_at, expires_at, "
                                          "activated_at, revoked_at, revoke_reason, created_by, "
                                          "updated_at, updated_by)"),
                           &uRows);
            // The central database keeps each body's signature and pair keys beside it; the embedded one
            // keeps the keys after the body.
            const bool signs = db.dialect() == Dialect::Postgres;
            Inserter sRows(db, signs ? QStringLiteral("INSERT INTO search_index (rowid, body, sig, pairs)")
                                     : QStringLiteral("INSERT INTO search_index (rowid, body)"));
            const auto searchRow = [signs](qint64 rowid, const QString& body) -> QString {
                const QString keys = SearchText::pairKeysOf(body);
                return QString::number(rowid) + QLatin1Char(',') +
                       (signs
                            ? quoted(body) + QLatin1Char(',') + QString::number(SearchText::signature(body)) +
                                  QLatin1Char(',') + quoted(keys)
                            : quoted(body + keys));
            };
            for (int i = from; i < std::min(patients, from + 5000); ++i) {
                const qint64 id = i + 1;
                const QString given = givens.at(int(rng.bounded(quint32(givens.size()))));
                QString family = families.at(int(rng.bounded(quint32(families.size()))));
                if (rng.bounded(5) == 0)
                    family += QLatin1Char('-') + families.at(int(rng.bounded(quint32(families.size()))));
                const QDate birth = today.addDays(-qint64(rng.bounded(21 * 365)));
                const int age = AgeRules::ageOn(birth, today, LeapDayRule::Feb28);
                const bool spanish = rng.bounded(2) == 0;
                const QString mrn = QString::number(10000000 + i);
                const QString folded =
                    SearchText::words(given + QLatin1Char(' ') + family).join(QLatin1Char('.'));
                const QString email = rng.bounded(10) < 6 ? folded.toLower() + QString::number(i) +
                                                                QStringLiteral("@example.org")
                                                          : QString();
                const int line = int(rng.bounded(10000));
                const QString phone = rng.bounded(3) == 0 ? QString()
                                                          : QStringLiteral("(%1) %2-%3")
                                                                .arg(213 + int(rng.bounded(700)))
                                                                .arg(200 + int(rng.bounded(800)))
                                                                .arg(line, 4, 10, QLatin1Char('0'));
                pRows.add(QStringList{QString::number(id), quoted(mrn), quoted(given), quoted(family),
                                      quoted(birth.toString(Qt::ISODate)),
                                      rng.bounded(2) ? QStringLiteral("'female'") : QStringLiteral("'male'"),
                                      spanish ? QStringLiteral("'es'") : QStringLiteral("'en'"),
                                      email.isEmpty() ? QStringLiteral("NULL") : quoted(email),
                                      phone.isEmpty() ? QStringLiteral("NULL") : quoted(phone), quoted(at),
                                      by, quoted(at), by}
                              .join(QLatin1Char(',')));
                sRows.add(searchRow(id * 2, SearchText::indexBody({mrn, given, family, email}, phone)));
                ++c.patients;

                // About two in three patients have a portal login: their own from 12, a parent's before.
                if (rng.bounded(100) >= 68)
                    continue;
                // From 12 a patient has their own login, or a parent holds limited access until 18.
                const bool own = age >= 18 || (age >= 12 && rng.bounded(2) == 0);
                const qint64 uid = ++loginId;
                const QString uGiven = own ? given : QStringLiteral("Madre");
                const QString username =
                    (own ? folded : QStringLiteral("madre.") + folded).toLower() + QString::number(uid);
                const QString uEmail = username + QStringLiteral("@mail.example.org");
                int pick = int(rng.bounded(100));
                qsizetype s = 0;
                while (pick >= weights[s]) {
                    pick -= weights[s];
                    ++s;
                }
                const QString status = statuses.at(s);
                ++c.byStatus[status];
                const bool active = status == QLatin1String("activated");
                // Sent windows close over the next 30 days; queued ones fall due from 2 days ago to 3 weeks
                // on.
                // Two years of invitations; sent ones from the last five days, queued ones from the last 30.
                const qint64 back = status == QLatin1String("sent")     ? 5 * 86400
                                    : status == QLatin1String("queued") ? 30 * 86400
                                                                        : 730 * 86400;
                const QDateTime queuedAt = base.addSecs(-qint64(rng.bounded(quint32(back))) - 3600);
                const QDateTime due = status == QLatin1String("queued")
                                          ? base.addSecs(qint64(rng.bounded(23 * 86400)) - 2 * 86400)
                                          : queuedAt.addSecs(3600);
                const QDateTime sent = status == QLatin1String("queued") ? QDateTime() : due;
                const QDateTime expires = status == QLatin1String("sent")
                                              ? base.addSecs(qint64(rng.bounded(30 * 86400)))
                                              : (sent.isValid() ? sent.addDays(30) : QDateTime());
                const QDateTime activated =
                    active ? std::min(base, sent.addSecs(qint64(rng.bounded(5 * 86400)))) : QDateTime();
                uRows.add(QStringList{QString::number(uid), quoted(username), quoted(uEmail), quoted(uGiven),
                                      quoted(family),
                                      spanish ? QStringLiteral("'es'") : QStringLiteral("'en'"),
                                      own ? QStringLiteral("'patient'") : QStringLiteral("'proxy'"),
                                      own ? QString::number(id) : QStringLiteral("NULL"),
                                      active ? QStringLiteral("'active'") : QStringLiteral("'pending'"),
                                      stamp(activated), quoted(at), by, quoted(at), by}
                              .join(QLatin1Char(',')));
                sRows.add(searchRow(uid * 2 + 1, SearchText::indexBody({username, uGiven, family, uEmail})));
                const QString bracket = age < 12   ? QStringLiteral("'child'")
                                        : age < 18 ? QStringLiteral("'adolescent'")
                                                   : QStringLiteral("'adult'");
                gRows.add(QStringList{
                    QString::number(++grantId), QString::number(uid), QString::number(id),
                    !own && age >= 12 ? QStringLiteral("'limited'") : QStringLiteral("'full'"),
                    QStringLiteral("'enrollment'"), bracket,
                    own ? QStringLiteral("'self'") : QStringLiteral("'parent'"), quoted(at), quoted(at), by}
                              .join(QLatin1Char(',')));
                ++c.grants;
                const bool hasToken = sent.isValid();
                iRows.add(QStringList{
                    QString::number(++invitationId), QString::number(uid), quoted(uEmail),
                    hasToken ? QStringLiteral("'t%1'").arg(invitationId) : QStringLiteral("NULL"),
                    QStringLiteral("'bulk'"), quoted(status), stamp(queuedAt), stamp(due), stamp(sent),
                    stamp(expires), stamp(activated),
                    status == QLatin1String("revoked") ? stamp(due.addDays(1)) : QStringLiteral("NULL"),
                    status == QLatin1String("revoked") ? QStringLiteral("'reissued'")
                                                       : QStringLiteral("NULL"),
                    by, quoted(at), by}
                              .join(QLatin1Char(',')));
                ++c.logins;
                ++c.invitations;
            }
        }
        if (!db.commit())
            qFatal("commit failed");
        if (from % 200000 == 0 && from > 0) {
            std::fprintf(stderr, "%d patients made (%.0f s)\n", from, double(timer.elapsed()) / 1000.0);
            std::fflush(stderr);
        }
    }
    Query done(db, QStringLiteral("DELETE FROM search_rebuild"));
    if (!done.exec())
        qFatal("cannot mark the search index built");
    if (db.dialect() == Dialect::Postgres) {
        for (const char* table : {"patients", "portal_users", "access_grants", "invitations"}) {
            Query q(db, QStringLiteral("SELECT setval('%1_id_seq', (SELECT max(id) FROM %1))")
                            .arg(QLatin1String(table)));
            if (!q.exec())
                qFatal("setval failed");
        }
        // As autovacuum leaves a table at rest: statistics, and the visibility map index-only scans use.
        QSqlQuery vacuum(db.connection());
        if (!vacuum.exec(QStringLiteral("VACUUM ANALYZE")))
            qFatal("VACUUM ANALYZE failed");
    } else {
        QSqlQuery analyze(db.connection());
        if (!analyze.exec(QStringLiteral("ANALYZE")))
            qFatal("ANALYZE failed");
    }
    return c;
}

struct Run {
    double seconds = 0;
    double peakMb = 0;
    int exitCode = -1;
    QByteArray out;
};

// Debian's own Python, which has python3-aiosmtpd (a python3 earlier on the PATH may not).
QString debianPython() {
    return QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
}

// A whole CLI process, as a scheduler or a member of staff would start it, with its own peak memory. A
// small Python parent starts it, since a child's peak on Linux counts the memory of the process that
// forked it.
Run runCli(const QStringList& args) {
    static const char* wrapper =
        "import os, resource, sys, time\n"
        "start = time.monotonic()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os.execv(sys.argv[1], sys.argv[1:])\n"
        "_, status, usage = os.wait4(pid, 0)\n"
        "sys.stderr.write('\\nRUN %.6f %d %d\\n' % (time.monotonic() - start, usage.ru_maxrss,\n"
        "                 os.waitstatus_to_exitcode(status)))\n";
    Run r;
    QProcess p;
    p.start(debianPython(),
            QStringList{QStringLiteral("-c"), QString::fromLatin1(wrapper), QStringLiteral(PORTALDESK_CLI)} +
                args);
    p.waitForFinished(-1);
    r.out = p.readAllStandardOutput();
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QStringList last = err.mid(err.lastIndexOf(QStringLiteral("RUN "))).split(QLatin1Char(' '));
    if (last.size() >= 4) {
        r.seconds = last.at(1).toDouble();
        r.peakMb = last.at(2).toDouble() / 1024.0;
        r.exitCode = last.at(3).trimmed().toInt();
    }
    return r;
}

// The raw engine's time for one statement, read to the end.
Samples rawQuery(Database& db, const QString& sql, int repeats) {
    Samples s;
    for (int i = 0; i < repeats; ++i) {
        s.time([&] {
            Query q(db, sql);
            if (!q.exec())
                fail(QStringLiteral("raw query: ") + sql);
            while (q.next()) {
            }
        });
    }
    return s;
}

void pair(const QString& name, const Samples& service, const Samples& raw) {
    std::printf("%-44s %8lld %10.3f %10.3f %10.3f %10.3f %7.1fx\n", qPrintable(name),
                static_cast<long long>(service.count()), service.percentileMs(0.5),
                service.percentileMs(0.95), service.percentileMs(1.0), raw.percentileMs(0.95),
                raw.percentileMs(0.95) > 0 ? service.percentileMs(0.95) / raw.percentileMs(0.95) : 0.0);
    std::fflush(stdout);
}

QString ftsOrLike(Database& db, const QString& term) {
    if (db.dialect() == Dialect::Postgres)
        return QStringLiteral("SELECT rowid FROM search_index WHERE body LIKE '%") + term +
               QStringLiteral("%' ORDER BY rowid LIMIT 50");
    return QStringLiteral("SELECT rowid FROM search_index WHERE search_index MATCH '\"") + term +
           QStringLiteral("\"' ORDER BY rowid LIMIT 50");
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    quietDiagnostics();
    int patients = 20000;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--patients")); i > 0 && i + 1 < args.size())
        patients = args.at(i + 1).toInt();
    const bool postgres = args.contains(QStringLiteral("--postgresql"));
    if (postgres) {
        qputenv("PORTALDESK_TEST_DB", "postgresql");
        // The server gets the memory a hospital's database server has (PostgreSQL's own default is 128 MB;
        // a dedicated server is usually given a quarter of its memory); tests keep 16 MB.
        if (qEnvironmentVariableIsEmpty("PORTALDESK_PG_SHARED_BUFFERS"))
            qputenv("PORTALDESK_PG_SHARED_BUFFERS", "1GB");
    }
    const int repeats = 20;

    test::TestDb t;
    const QTimeZone zone = test::losAngeles();
    const QDateTime base = QDateTime(QDate(2026, 12, 1), QTime(9, 0), zone).toUTC();
    t.clock.set(base);
    QElapsedTimer timer;
    timer.start();
    const Counts made = fill(*t.db, patients, base, zone);
    const double fillSeconds = double(timer.elapsed()) / 1000.0;
    std::printf("%s, %lld patients, %lld logins, %lld grants, %lld invitations (%lld sent, %lld queued, %lld "
                "activated) made in %.1f s\n\n",
                postgres ? "PostgreSQL" : "SQLite", static_cast<long long>(made.patients),
                static_cast<long long>(made.logins), static_cast<long long>(made.grants),
                static_cast<long long>(made.invitations),
                static_cast<long long>(made.byStatus.value(QStringLiteral("sent"))),
                static_cast<long long>(made.byStatus.value(QStringLiteral("queued"))),
                static_cast<long long>(made.byStatus.value(QStringLiteral("activated"))), fillSeconds);

    // --hold S: the database stays as made for S seconds before anything is measured, for a look at its
    // plans with a SQL client (the address is printed).
    if (const qsizetype h = args.indexOf(QStringLiteral("--hold")); h > 0 && h + 1 < args.size()) {
        std::printf("holding %s for %s s\n", qPrintable(t.path()), qPrintable(args.at(h + 1)));
        std::fflush(stdout);
        QThread::sleep(args.at(h + 1).toULong());
    }
    auto ctx = t.as(QStringLiteral("specialist"));
    std::printf("%-44s %8s %10s %10s %10s %10s %8s\n", "service call", "count", "p50 ms", "p95 ms", "max ms",
                "raw p95", "ratio");

    // Search, as staff type it. The raw figure is the index lookup alone for the rarest word.
    const QList<QPair<QString, QString>> searches = {
        {QStringLiteral("xq"), QStringLiteral("xq")},
        {QStringLiteral("ga"), QStringLiteral("ga")},
        {QStringLiteral("hernandez"), QStringLiteral("hernandez")},
        {QStringLiteral("Hernández, Sofía"), QStringLiteral("hernandez")},
        {QStringLiteral("sofi hern"), QStringLiteral("hern")},
        {QStringLiteral("lopez sofia"), QStringLiteral("lopez")},
        {QStringLiteral("nguyen minh"), QStringLiteral("nguyen")},
        // Three common names that are rare together: the slowest kind on the central database.
        {QStringLiteral("zoe kim petrosyan"), QStringLiteral("petrosyan")},
        {QStringLiteral("Սարգսյան"), QStringLiteral("սարգսյան")},
        {QStringLiteral("민준"), QStringLiteral("민준")},
        {QStringLiteral("(323) 555-0100"), QStringLiteral("3235550100")},
        {QString::number(10000000 + patients / 2), QString::number(10000000 + patients / 2)},
    };
    PatientService patientsService(*ctx);
    for (const auto& [typed, raw] : searches) {
        Samples s;
        for (int i = 0; i < repeats; ++i)
            s.time([&] {
                if (!patientsService.search(typed, 50))
                    fail(QStringLiteral("search ") + typed);
            });
        pair(QStringLiteral("search \"%1\"").arg(typed), s, rawQuery(*t.db, ftsOrLike(*t.db, raw), repeats));
    }

    // Worklists: the first page, and the total the desk shows.
    InvitationService invitations(*ctx);
    const QList<QPair<QString, InvitationFilter>> lists = [] {
        QList<QPair<QString, InvitationFilter>> l;
        InvitationFilter late;
        late.lateOnly = true;
        InvitationFilter queued;
        queued.status = QStringLiteral("queued");
        InvitationFilter failed;
        failed.status = QStringLiteral("delivery_failed");
        InvitationFilter expired;
        expired.status = QStringLiteral("expired");
        l.append({QStringLiteral("late"), late});
        l.append({QStringLiteral("queued"), queued});
        l.append({QStringLiteral("delivery_failed"), failed});
        l.append({QStringLiteral("expired"), expired});
        return l;
    }();
    for (const auto& [name, filter] : lists) {
        InvitationFilter f = filter;
        f.limit = 200;
        Samples page, total;
        for (int i = 0; i < repeats; ++i) {
            page.time([&] {
                if (!invitations.list(f, QString()))
                    fail(QStringLiteral("invitation list ") + name);
            });
            total.time([&] {
                if (!invitations.count(f, QString()))
                    fail(QStringLiteral("invitation count ") + name);
            });
        }
        const QString where = f.lateOnly ? QStringLiteral("status = 'queued' AND due_at < ") +
                                               quoted(DbTime::toDb(base).toString())
                                         : QStringLiteral("status = ") + quoted(f.status);
        pair(QStringLiteral("invitations %1, first page").arg(name), page,
             rawQuery(*t.db,
                      QStringLiteral("SELECT * FROM invitations WHERE ") + where +
                          QStringLiteral(" ORDER BY due_at, id LIMIT 200"),
                      repeats));
        pair(QStringLiteral("invitations %1, total").arg(name), total,
             rawQuery(*t.db, QStringLiteral("SELECT count(*) FROM invitations WHERE ") + where, repeats));
    }

    DailyJob job(*ctx);
    {
        Samples page, total;
        for (int i = 0; i < repeats; ++i) {
            page.time([&] {
                if (!job.upcoming(30, 200, 0))
                    fail(QStringLiteral("upcoming"));
            });
            total.time([&] {
                if (!job.upcomingCount(30))
                    fail(QStringLiteral("upcoming count"));
            });
        }
        const QString range = QStringLiteral("ended_at IS NULL AND age_ends_on IS NOT NULL AND age_ends_on "
                                             "BETWEEN '2026-11-30' AND '2026-12-31'");
        pair(QStringLiteral("birthdays in 30 days, first page"), page,
             rawQuery(*t.db,
                      QStringLiteral("SELECT * FROM access_grants WHERE ") + range +
                          QStringLiteral(" ORDER BY age_ends_on, id LIMIT 200"),
                      repeats));
        pair(QStringLiteral("birthdays in 30 days, total"), total,
             rawQuery(*t.db, QStringLiteral("SELECT count(*) FROM access_grants WHERE ") + range, repeats));
    }
    {
        Samples s;
        for (int i = 0; i < 5; ++i)
            s.time([&] {
                if (!ReportService(*ctx).dashboard(12))
                    fail(QStringLiteral("report"));
            });
        pair(QStringLiteral("report, 12 weeks"), s,
             rawQuery(*t.db, QStringLiteral("SELECT count(*) FROM invitations WHERE sent_at >= '2026-09-07'"),
                      5));
    }

    // Whole processes, as staff and the scheduler start them.
    const QStringList common = {QStringLiteral("--db"), t.path(), QStringLiteral("--staff"),
                                QStringLiteral("specialist")};
    const auto at = [&](const QDateTime& when) {
        return common + QStringList{QStringLiteral("--now"), when.toString(Qt::ISODateWithMs)};
    };
    std::printf("\n%-44s %10s %10s %6s  %s\n", "whole CLI process", "seconds", "peak MB", "exit", "output");
    const auto show = [&](const QString& name, const Run& r) {
        QString last = QString::fromUtf8(r.out).trimmed().split(QLatin1Char('\n')).value(0).left(60);
        std::printf("%-44s %10.3f %10.1f %6d  %s\n", qPrintable(name), r.seconds, r.peakMb, r.exitCode,
                    qPrintable(last));
        std::fflush(stdout);
        if (r.exitCode != 0)
            fail(name);
    };
    show(QStringLiteral("search xq"),
         runCli(at(base) + QStringList{QStringLiteral("search"), QStringLiteral("xq")}));
    show(QStringLiteral("search \"hernandez sofia\""),
         runCli(at(base) + QStringList{QStringLiteral("search"), QStringLiteral("hernandez sofia")}));
    show(QStringLiteral("invitation list --late"),
         runCli(at(base) +
                QStringList{QStringLiteral("invitation"), QStringLiteral("list"), QStringLiteral("--late")}));
    show(QStringLiteral("invitation list --status queued"),
         runCli(at(base) + QStringList{QStringLiteral("invitation"), QStringLiteral("list"),
                                       QStringLiteral("--status"), QStringLiteral("queued")}));
    show(QStringLiteral("transitions upcoming --days 30"),
         runCli(at(base) + QStringList{QStringLiteral("transitions"), QStringLiteral("upcoming"),
                                       QStringLiteral("--days"), QStringLiteral("30")}));
    show(QStringLiteral("report --weeks 12"),
         runCli(at(base) +
                QStringList{QStringLiteral("report"), QStringLiteral("--weeks"), QStringLiteral("12")}));

    // The daily job: a first run (a month of birthday notices to queue), a normal day, then three weeks
    // missed. Mail stays in the outbox (mail.transport is the file drop; the run sends at most its batch).
    // Mail stays in the outbox (--no-mail), and is then sent on its own to a local SMTP server, Debian's
    // aiosmtpd, so the job's figures don't count the mail server's pace.
    show(QStringLiteral("daily --no-mail, first run"),
         runCli(at(base) + QStringList{QStringLiteral("daily"), QStringLiteral("--no-mail")}));
    show(QStringLiteral("daily --no-mail, the next day"),
         runCli(at(base.addDays(1)) + QStringList{QStringLiteral("daily"), QStringLiteral("--no-mail")}));
    {
        QTemporaryDir received;
        QProcess smtp;
        smtp.start(debianPython(), {QStringLiteral(PORTALDESK_SMTP_SERVER), QStringLiteral("--port"),
                                    QStringLiteral("28025"), QStringLiteral("--out"), received.path()});
        if (!smtp.waitForReadyRead(15000)) {
            fail(QStringLiteral("no SMTP server"));
        } else {
            auto supervisor = t.as(QStringLiteral("supervisor"));
            AdminService admin(*supervisor);
            for (const auto& [key, value] :
                 {std::pair{"mail.transport", "smtp"}, std::pair{"mail.smtp_host", "127.0.0.1"},
                  std::pair{"mail.smtp_port", "28025"}, std::pair{"mail.smtp_tls", "none"}})
                if (!admin.setSetting(QString::fromLatin1(key), QString::fromLatin1(value)))
                    fail(QStringLiteral("mail setting"));
            const qint64 due =
                t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'pending'"));
            // As the mail service's account sends them (on the central database the only one that may).
            QStringList asMailer = at(base.addDays(1));
            asMailer[asMailer.indexOf(QStringLiteral("specialist"))] = QStringLiteral("mailer");
            const Run sent = runCli(asMailer + QStringList{QStringLiteral("mail"), QStringLiteral("send")});
            show(QStringLiteral("mail send, %1 messages to local SMTP").arg(due), sent);
            std::printf("%-44s %10.0f messages/s\n", "", sent.seconds > 0 ? double(due) / sent.seconds : 0.0);
            smtp.terminate();
            smtp.waitForFinished(5000);
        }
    }
    {
        // Another workstation writes while the backlog runs: how long does its write wait?
        std::atomic<bool> running{true};
        Samples waits;
        std::thread writer([&] {
            auto opened = Database::open(t.path());
            if (!opened)
                return;
            Database& other = *opened.value();
            ServiceContext otherCtx(other, t.clock, ctx->staff(), QStringLiteral("other-workstation"));
            int n = 0;
            while (running.load()) {
                PatientChanges c;
                c.phone = QStringLiteral("(323) 361-%1").arg(2330 + (n++ % 10));
                waits.time([&] { (void)PatientService(otherCtx).update(QStringLiteral("10000001"), c); });
                QThread::msleep(20);
            }
        });
        show(
            QStringLiteral("daily --no-mail, after 3 weeks missed"),
            runCli(at(base.addDays(22)) + QStringList{QStringLiteral("daily"), QStringLiteral("--no-mail")}));
        running = false;
        writer.join();
        std::printf("\n");
        header();
        row(QStringLiteral("another workstation's write during daily"), waits);
    }
    // A copy to look at in the desktop (SQLite only).
    if (const qsizetype k = args.indexOf(QStringLiteral("--keep"));
        k > 0 && k + 1 < args.size() && !postgres) {
        QSqlQuery copy(t.db->connection());
        if (!copy.exec(QStringLiteral("VACUUM INTO '%1'")
                           .arg(QString(args.at(k + 1)).replace(QLatin1Char('\''), QStringLiteral("''")))))
            fail(QStringLiteral("--keep"));
        else
            std::printf("kept a copy in %s\n", qPrintable(args.at(k + 1)));
    }
    std::printf("\nbench-scale %s: %d patients, %.0f s in all\n", g_failed ? "FAILED" : "done", patients,
                double(timer.elapsed()) / 1000.0);
    return g_failed ? 1 : 0;
}
