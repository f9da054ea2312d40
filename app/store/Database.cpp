#include "store/Database.h"
#include "core/Log.h"
#include "store/SearchRepository.h"

#include <atomic>
#include <cstdio>

#include "core/Secrets.h"

#include "core/FailPoint.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace pd {

namespace {

struct Migration {
    int version = 0;
    QString name;
    QByteArray sql;
    QString checksum;
};

QList<Migration> compiledMigrations(Dialect dialect) {
    const QString folder = dialect == Dialect::Sqlite ? QStringLiteral(":/migrations/sqlite")
                                                      : QStringLiteral(":/migrations/postgresql");
    QList<Migration> out;
    const QDir dir(folder);
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    for (const QString& file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Migration mig;
        mig.version = m.captured(1).toInt();
        mig.name = m.captured(2);
        mig.sql = f.readAll();
        mig.checksum = Secrets::sha256Hex(mig.sql);
        out.append(mig);
    }
    return out;
}

} // namespace

// One ends at a line ending in ';' (a "--" comment after it aside), except inside a SQLite trigger body
// (a line "BEGIN" up to "END;") or a PostgreSQL dollar-quoted body ($$ ... $$).
QStringList Database::splitStatements(const QString& script) {
    // The line without a trailing "--" comment: the first "--" outside a quoted string.
    const auto code = [](const QString& line) {
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (line.at(i) == QLatin1Char('\''))
                quoted = !quoted;
            else if (!quoted && line.at(i) == QLatin1Char('-') && i + 1 < line.size() &&
                     line.at(i + 1) == QLatin1Char('-'))
                return line.left(i).trimmed();
        }
        return line;
    };
    QStringList statements;
    QString current;
    bool inTrigger = false;
    bool inDollar = false;
    for (const QString& rawLine : script.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        current += rawLine + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        if (!inDollar && current.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive) &&
            line.compare(QLatin1String("BEGIN"), Qt::CaseInsensitive) == 0)
            inTrigger = true;
        const bool ends = inDollar    ? false
                          : inTrigger ? code(line).compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                      : code(line).endsWith(QLatin1Char(';'));
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Database::~Database() {
    m_statements.clear();
    if (m_db.isOpen()) {
        if (m_inTransaction)
            m_db.rollback();
        m_db.close();
    }
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

namespace {
std::atomic<QThread*> forbiddenThread{nullptr};
} // namespace

void Database::forbidThread(QThread* thread) {
    forbiddenThread.store(thread);
}

void Database::checkThread() {
    if (QThread::currentThread() == forbiddenThread.load())
        qFatal("PortalDesk: SQL was run on the UI thread");
}

Result<std::unique_ptr<Database>> Database::open(const QString& location, int busyTimeoutMs,
                                                 const QString& password) {
    std::unique_ptr<Database> db(new Database);
    db->m_busyTimeoutMs = busyTimeoutMs;
    if (isServerLocation(location)) {
        auto address = ServerAddress::parse(location);
        if (!address)
            return address.error();
        db->m_server = address.value();
        if (!password.isEmpty())
            db->m_server.password = password;
        if (db->m_server.password.isEmpty())
            db->m_server.password = qEnvironmentVariable("PGPASSWORD");
        db->m_dialect = Dialect::Postgres;
        db->m_location = db->m_server.describe();
        PD_TRY(db->connectServer());
        qCDebug(lcStore, "opened the central database (PostgreSQL)");
        return db;
    }

    db->m_location = location.isEmpty() ? defaultDatabaseFile() : QFileInfo(location).absoluteFilePath();
    const QFileInfo info(db->m_location);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "The database folder %1 can't be created.")
                .arg(info.absolutePath()));
    if (info.exists() && !info.isFile())
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "%1 is not a database file.").arg(db->m_location));

    const bool isNew = !info.exists();
    db->m_connectionName = QStringLiteral("portaldesk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    if (!db->m_db.isValid())
        return Error::unavailable(
            QStringLiteral("db.driver"),
            QCoreApplication::translate("Database", "The SQLite driver for Qt is not installed."));
    db->m_db.setDatabaseName(db->m_location);
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=") + QString::number(busyTimeoutMs));
    if (!db->m_db.open())
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "The database %1 can't be opened: %2")
                .arg(db->m_location, db->m_db.lastError().text()));

    // 32 MB of pages in memory (SQLite's own default is 2 MB): a hospital's file holds millions of rows,
    // and an import or the nightly job would otherwise read the same index pages from the disk again.
    // The log is copied into the file every 32 MB instead of every 4 MB, so that a page the nightly job
    // changes in batch after batch is written out once per copy, not once per batch.
    for (const char* pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
          "PRAGMA cache_size = -32768", "PRAGMA wal_autocheckpoint = 8000"}) {
        if (auto s = db->execRaw(QString::fromLatin1(pragma),
                                 QCoreApplication::translate("Database", "setting up the database"));
            !s)
            return s.error();
    }
    // The file holds patients' names and birth dates: only its owner reads it (SQLite gives its
    // journal files the same permissions).
    if (isNew)
        QFile::setPermissions(db->m_location, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A file that isn't SQLite is only noticed on the first read.
    QSqlQuery probe(db->m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "%1 is not a PortalDesk database: %2")
                .arg(db->m_location, probe.lastError().databaseText()));
    qCDebug(lcStore, "opened the embedded database (SQLite), busy timeout %d ms", busyTimeoutMs);
    return db;
}

Status Database::connectServer() {
    m_statements.clear();
    ++m_generation;
    if (!m_connectionName.isEmpty()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_inTransaction = false;
    m_connectionName = QStringLiteral("portaldesk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!m_db.isValid())
        return Error::unavailable(
            QStringLiteral("db.driver"),
            QCoreApplication::translate("Database", "The PostgreSQL driver for Qt is not installed "
                                                    "(on Debian: apt-get install libqt6sql6-psql)."));
    m_db.setHostName(m_server.host);
    m_db.setPort(m_server.port);
    m_db.setDatabaseName(m_server.database);
    m_db.setUserName(m_server.user);
    m_db.setPassword(m_server.password);
    m_db.setConnectOptions(m_server.connectOptions());
    if (!m_db.open()) {
        const QString why = m_db.lastError().text().simplified();
        const bool refused = why.contains(QLatin1String("password authentication failed")) ||
                             why.contains(QLatin1String("no password supplied")) ||
                             why.contains(QLatin1String("not permitted to log in")) ||
                             why.contains(QLatin1String("pg_hba.conf"));
        if (refused)
            return Error::notPermitted(
                QStringLiteral("db.login_refused"),
                QCoreApplication::translate("Database",
                                            "The central database did not accept the sign-in of %1: %2")
                    .arg(m_server.user, why));
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "The central database %1 can't be reached: %2")
                .arg(m_location, why));
    }
    // A write that waits longer than this for another workstation counts as "database busy", as in
    // SQLite; times are text, so the session's zone never matters, but keep it fixed anyway.
    PD_TRY(execRaw(QStringLiteral("SET lock_timeout = %1").arg(qMax(1, m_busyTimeoutMs)),
                   QCoreApplication::translate("Database", "setting up the database")));
    PD_TRY(execRaw(QStringLiteral("SET TIME ZONE 'UTC'"),
                   QCoreApplication::translate("Database", "setting up the database")));
    // Qt prepares every statement; a plan made once for any value would read a day's birthdays or one
    // status's worklist by walking a whole index. Each statement is planned for its own values instead.
    PD_TRY(execRaw(QStringLiteral("SET plan_cache_mode = force_custom_plan"),
                   QCoreApplication::translate("Database", "setting up the database")));
    applyRoleSchemas();
    m_broken = false;
    return {};
}

void Database::applyRoleSchemas() {
    // Each staff group sees the tables through the views its grants allow; the grants, not this search
    // path, are what keep a role out of the rest.
    QSqlQuery q(m_db);
    QStringList path;
    // The schema's owner and a superuser read the tables themselves.
    const bool owner =
        q.exec(QStringLiteral("SELECT r.rolsuper OR c.relowner = r.oid FROM pg_roles r, pg_class c WHERE "
                              "r.rolname = current_user AND c.oid = to_regclass('public.audit_events')")) &&
        (!q.next() || q.value(0).toBool());
    if (!owner && q.exec(QStringLiteral(
                      "SELECT r.rolname FROM pg_roles r WHERE r.rolname IN ('portaldesk_support_agent', "
                      "'portaldesk_him_specialist', 'portaldesk_him_supervisor', 'portaldesk_feed', "
                      "'portaldesk_daily') AND "
                      "pg_has_role(r.oid, 'MEMBER')"))) {
        QStringList groups;
        while (q.next())
            groups << q.value(0).toString();
        if (groups.contains(QLatin1String("portaldesk_support_agent"))) {
            if (!groups.contains(QLatin1String("portaldesk_him_specialist")))
                path << QStringLiteral("portaldesk_agent");
            if (!groups.contains(QLatin1String("portaldesk_him_supervisor")))
                path << QStringLiteral("portaldesk_staff");
        }
        // Invitations and consents without their secrets (schema 23 on).
        if (groups.contains(QLatin1String("portaldesk_him_specialist")) ||
            groups.contains(QLatin1String("portaldesk_feed")) ||
            groups.contains(QLatin1String("portaldesk_daily")))
            path << QStringLiteral("portaldesk_desk");
    }
    path << QStringLiteral("public");
    q.exec(QStringLiteral("SET search_path = ") + path.join(QStringLiteral(", ")));
}

Status Database::reconnectIfBroken() {
    if (m_dialect != Dialect::Postgres || !m_broken || m_inTransaction)
        return {};
    return connectServer();
}

Status Database::execRaw(const QString& sql, const QString& what) {
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return errorFrom(q, what);
    return {};
}

Error Database::errorFrom(const QSqlQuery& query, const QString& what) const {
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    if (m_dialect == Dialect::Postgres)
        return serverError(e.nativeErrorCode(), text.simplified(), what);
    // SQLite reports extended codes; the low byte is the primary one: 5 busy, 6 locked, 8 read-only,
    // 10 I/O, 11 corrupt, 13 full, 14 can't open, 26 not a database. (Qt labels all of these, and
    // constraint failures too, as connection errors, so the type alone says little.)
    bool numeric = false;
    const int primary = e.nativeErrorCode().toInt(&numeric) & 0xff;
    static const QList<int> unavailable = {5, 6, 8, 10, 11, 13, 14, 26};
    if ((numeric && unavailable.contains(primary)) || !m_db.isOpen() ||
        (!numeric && e.type() == QSqlError::ConnectionError))
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "The database is unavailable while %1: %2")
                .arg(what, text));
    if (text.contains(QLatin1String("UNIQUE constraint failed")))
        return Error::conflict(
            QStringLiteral("db.unique"),
            QCoreApplication::translate("Database", "That would duplicate an existing record while %1.")
                .arg(what));
    return Error::internal(
        QStringLiteral("db.error"),
        QCoreApplication::translate("Database", "The database refused %1: %2").arg(what, text));
}

Error Database::serverError(const QString& state, const QString& text, const QString& what) const {
    // No SQLSTATE means the client library lost the server; class 08 is a connection failure, 57P0x
    // a server shutting down or starting, 53xxx out of resources, 55P03 a lock waited for too long.
    const bool lost = state.isEmpty() || state.startsWith(QLatin1String("08")) ||
                      state.startsWith(QLatin1String("57P")) || state.startsWith(QLatin1String("53"));
    if (lost) {
        m_broken = true;
        return Error::unavailable(
            QStringLiteral("db.unavailable"),
            QCoreApplication::translate("Database", "The database is unavailable while %1: %2")
                .arg(what, text));
    }
    if (state == QLatin1String("55P03") || state == QLatin1String("57014"))
        return Error::unavailable(
            QStringLiteral("db.busy"),
            QCoreApplication::translate(
                "Database", "The database is busy with another workstation's change while %1; nothing was "
                            "changed. Try again in a moment.")
                .arg(what));
    if (state == QLatin1String("23505"))
        return Error::conflict(
            QStringLiteral("db.unique"),
            QCoreApplication::translate("Database", "That would duplicate an existing record while %1.")
                .arg(what));
    if (state == QLatin1String("40001") || state == QLatin1String("40P01"))
        return Error::conflict(QStringLiteral("db.concurrent"),
                               QCoreApplication::translate(
                                   "Database", "Another workstation changed the same records at the same "
                                               "moment while %1; nothing was changed. Try again.")
                                   .arg(what));
    // The server's own rules, from its functions: a bad argument, a record in the wrong state, none.
    if (state == QLatin1String("22023") || state == QLatin1String("55000"))
        return Error::validation(
            QStringLiteral("db.refused"),
            QCoreApplication::translate("Database", "The central database refused %1: %2").arg(what, text));
    if (state == QLatin1String("P0002"))
        return Error::notFound(
            QStringLiteral("db.not_found"),
            QCoreApplication::translate("Database", "The central database found nothing for %1: %2")
                .arg(what, text));
    if (state == QLatin1String("42501"))
        return Error::notPermitted(
            QStringLiteral("db.not_permitted"),
            QCoreApplication::translate("Database",
                                        "The central database does not allow your role that (%1): %2")
                .arg(what, text));
    return Error::internal(
        QStringLiteral("db.error"),
        QCoreApplication::translate("Database", "The database refused %1: %2").arg(what, text));
}

Status Database::migrate() {
    if (m_dialect != Dialect::Postgres) {
        PD_TRY(migrateLocked());
        return finishUpgrade();
    }
    // Two workstations starting a new version at once: one migrates, the other waits and finds it done.
    PD_TRY(reconnectIfBroken());
    PD_TRY(execRaw(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(WriterLockKey + 1),
                   QCoreApplication::translate("Database", "preparing migrations")));
    const Status s = migrateLocked();
    QSqlQuery unlock(m_db);
    unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(WriterLockKey + 1));
    applyRoleSchemas();
    if (!s)
        return s;
    return finishUpgrade();
}

Status Database::finishUpgrade() {
    if (m_dialect == Dialect::Postgres) {
        // Only the schema's owner refills the search index; staff logins leave it to `init`.
        QSqlQuery owner(m_db);
        if (!owner.exec(QStringLiteral("SELECT tableowner = session_user FROM pg_tables WHERE "
                                       "schemaname = 'public' AND tablename = 'search_rebuild'")) ||
            !owner.next() || !owner.value(0).toBool())
            return {};
    }
    auto indexed = SearchRepository(*this).rebuildPending(5000, m_upgradeProgress);
    if (!indexed)
        return indexed.error();
    return {};
}

Status Database::migrateLocked() {
    // Staff logins on the central database may not create tables: look before making the table.
    bool haveTable = false;
    if (m_dialect == Dialect::Postgres) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL")) ||
            !q.next())
            return errorFrom(q, QCoreApplication::translate("Database", "reading the schema version"));
        haveTable = q.value(0).toBool();
    }
    if (!haveTable)
        PD_TRY(execRaw(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                           "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"),
            QCoreApplication::translate("Database", "preparing migrations")));
    QHash<int, QString> applied;
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT version, checksum FROM schema_migrations")))
            return errorFrom(q, QCoreApplication::translate("Database", "reading the schema version"));
        while (q.next())
            applied.insert(q.value(0).toInt(), q.value(1).toString());
    }
    const QList<Migration> migrations = compiledMigrations(m_dialect);
    int newest = 0;
    for (const Migration& mig : migrations)
        newest = std::max(newest, mig.version);
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        if (it.key() > newest)
            return Error::unavailable(
                QStringLiteral("db.newer_schema"),
                QCoreApplication::translate(
                    "Database", "The database has schema version %1, newer than this PortalDesk knows (%2). "
                                "Install the newer PortalDesk.")
                    .arg(it.key())
                    .arg(newest));
    }
    if (m_dialect == Dialect::Postgres) {
        int pending = 0;
        for (const Migration& mig : migrations)
            pending += applied.contains(mig.version) ? 0 : 1;
        QSqlQuery owner(m_db);
        if (pending > 0 &&
            owner.exec(QStringLiteral("SELECT tableowner = session_user FROM pg_tables WHERE "
                                      "schemaname = 'public' AND tablename = 'schema_migrations'")) &&
            owner.next() && !owner.value(0).toBool())
            return Error::unavailable(
                QStringLiteral("db.needs_migration"),
                QCoreApplication::translate(
                    "Database", "The central database is at schema version %1 and this PortalDesk "
                                "needs %2; its administrator brings it up to date with "
                                "\"portaldesk-cli init\".")
                    .arg(applied.isEmpty() ? 0 : *std::max_element(applied.keyBegin(), applied.keyEnd()))
                    .arg(newest));
    }
    if (m_dialect == Dialect::Postgres && applied.isEmpty()) {
        // pg_trgm takes its letters from the database's character type: under C or POSIX it skips every
        // letter outside ASCII, and names in Spanish, Armenian or Korean would go unindexed.
        QSqlQuery ctype(m_db);
        if (!ctype.exec(QStringLiteral("SELECT datctype, pg_encoding_to_char(encoding) FROM pg_database "
                                       "WHERE datname = current_database()")) ||
            !ctype.next())
            return errorFrom(ctype, QCoreApplication::translate("Database", "reading the database's locale"));
        const QString type = ctype.value(0).toString();
        const QString encoding = ctype.value(1).toString();
        if (type == QLatin1String("C") || type == QLatin1String("POSIX") || encoding != QLatin1String("UTF8"))
            return Error::validation(
                QStringLiteral("db.ctype"),
                QCoreApplication::translate(
                    "Database", "The database's character type is %1 (%2): search would skip every letter "
                                "outside ASCII. Create the database with ENCODING 'UTF8' and a UTF-8 "
                                "LC_CTYPE such as 'C.UTF-8' or 'en_US.UTF-8'.")
                    .arg(type, encoding));
    }
    for (const Migration& mig : migrations) {
        if (applied.contains(mig.version)) {
            if (applied.value(mig.version) != mig.checksum)
                return Error::internal(
                    QStringLiteral("db.migration_changed"),
                    QCoreApplication::translate(
                        "Database", "Migration %1 (%2) was changed after it was applied to this database; "
                                    "PortalDesk stops rather than guess. Restore the original migration.")
                        .arg(mig.version)
                        .arg(mig.name));
            continue;
        }
        // SQLite changes a table's constraints by rebuilding it, with foreign keys off for the rebuild
        // (they can't be switched inside a transaction) and checked before the commit.
        const bool rebuilds =
            m_dialect == Dialect::Sqlite && mig.sql.contains("foreign keys off while tables are rebuilt");
        if (rebuilds)
            PD_TRY(
                execRaw(QStringLiteral("PRAGMA foreign_keys = OFF"),
                        QCoreApplication::translate("Database", "applying migration %1").arg(mig.version)));
        const auto keysBackOn = qScopeGuard([&] {
            if (rebuilds)
                QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        });
        PD_TRY(begin());
        for (const QString& statement : splitStatements(QString::fromUtf8(mig.sql))) {
            if (auto s = execRaw(
                    statement,
                    QCoreApplication::translate("Database", "applying migration %1").arg(mig.version));
                !s) {
                rollback();
                return s.error();
            }
        }
        if (rebuilds) {
            QSqlQuery check(m_db);
            if (!check.exec(QStringLiteral("PRAGMA foreign_key_check")) || check.next()) {
                rollback();
                return Error::internal(
                    QStringLiteral("db.migration_keys"),
                    QCoreApplication::translate("Database", "Migration %1 would leave rows pointing at rows "
                                                            "that don't exist; nothing was changed.")
                        .arg(mig.version));
            }
        }
        Query record(*this,
                     QStringLiteral("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                                    "VALUES (:v, :n, :c, :at)"));
        record.bind(QStringLiteral(":v"), mig.version)
            .bind(QStringLiteral(":n"), mig.name)
            .bind(QStringLiteral(":c"), mig.checksum)
            .bind(QStringLiteral(":at"), DbTime::toDb(QDateTime::currentDateTimeUtc()));
        if (auto s = record.exec(); !s) {
            rollback();
            return s.error();
        }
        PD_TRY(commit());
        qCDebug(lcStore, "applied migration %d", mig.version);
    }
    return {};
}

Result<int> Database::schemaVersion() {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")))
        return 0;
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QString> Database::engineVersion() {
    QSqlQuery q(m_db);
    const bool server = m_dialect == Dialect::Postgres;
    if (!q.exec(server ? QStringLiteral("SHOW server_version") : QStringLiteral("SELECT sqlite_version()")) ||
        !q.next())
        return errorFrom(q, QStringLiteral("engine version"));
    return QString((server ? QStringLiteral("PostgreSQL ") : QStringLiteral("SQLite ")) +
                   q.value(0).toString());
}

Result<QVariantList> Database::callDoor(const QString& function, const QJsonObject& argument) {
    auto rows = callDoorRows(function, argument);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QVariantList() : rows->first();
}

Result<QList<QVariantList>> Database::callDoorRows(const QString& function, const QJsonObject& argument) {
    static const QRegularExpression name(QStringLiteral("^[a-z_]{1,60}$"));
    Q_ASSERT(name.match(function).hasMatch());
    if (m_dialect != Dialect::Postgres || !name.match(function).hasMatch())
        return Error::internal(
            QStringLiteral("db.no_door"),
            QCoreApplication::translate("Database", "Only the central database has %1.").arg(function));
    Query q(*this, QStringLiteral("SELECT * FROM public.") + function + QStringLiteral("(CAST(? AS json))"));
    q.add(QString::fromUtf8(QJsonDocument(argument).toJson(QJsonDocument::Compact)));
    PD_TRY(q.exec());
    QList<QVariantList> rows;
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < q.raw().record().count(); ++i)
            row.append(q.value(i));
        rows.append(row);
    }
    return rows;
}

Result<bool> Database::tryJobLock(qint64 key) {
    if (m_dialect != Dialect::Postgres)
        return true;
    PD_TRY(reconnectIfBroken());
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(key)) || !q.next())
        return errorFrom(q, QCoreApplication::translate("Database", "taking the job's lock"));
    return q.value(0).toBool();
}

void Database::releaseJobLock(qint64 key) {
    if (m_dialect != Dialect::Postgres)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key));
}

Status Database::begin() {
    checkThread();
    if (m_inTransaction)
        return Error::internal(QStringLiteral("db.nested"),
                               QCoreApplication::translate("Database", "A transaction is already open."));
    PD_TRY(reconnectIfBroken());
    m_auditTail.reset();
    const QString what = QCoreApplication::translate("Database", "starting a change");
    if (m_dialect == Dialect::Sqlite) {
        PD_TRY(execRaw(QStringLiteral("BEGIN IMMEDIATE"), what));
        m_inTransaction = true;
        return {};
    }
    // Writers queue one behind another, as SQLite's BEGIN IMMEDIATE makes them: the audit chain needs
    // one order, and no two changes can deadlock. Readers never wait. The transaction's id is kept so
    // that a commit whose answer was lost can be looked up after reconnecting.
    PD_TRY(execRaw(QStringLiteral("BEGIN"), what));
    m_inTransaction = true;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1), txid_current()").arg(WriterLockKey)) ||
        !q.next()) {
        const Error e = errorFrom(q, what);
        rollback();
        return e;
    }
    m_transactionId = q.value(1).toLongLong();
    return {};
}

Status Database::commit() {
    if (!m_inTransaction)
        return Error::internal(QStringLiteral("db.no_transaction"),
                               QCoreApplication::translate("Database", "No transaction is open."));
    FailPoint::hit("db.before_commit");
    auto s = execRaw(QStringLiteral("COMMIT"), QCoreApplication::translate("Database", "saving the change"));
    if (!s && m_dialect == Dialect::Postgres && s.error().kind == ErrorKind::Unavailable) {
        m_inTransaction = false;
        return commitOutcome(s.error());
    }
    if (!s) {
        rollback();
        return s.error();
    }
    m_inTransaction = false;
    return {};
}

Status Database::commitOutcome(const Error& lost) {
    // The server went away during COMMIT: the change is either all there or not at all. Ask the server
    // which, once it is back; if it stays away, say so rather than guess.
    QElapsedTimer waited;
    waited.start();
    while (true) {
        if (connectServer().ok()) {
            QSqlQuery q(m_db);
            if (q.exec(QStringLiteral("SELECT txid_status(%1)").arg(m_transactionId)) && q.next()) {
                const QString status = q.value(0).toString();
                if (status == QLatin1String("committed"))
                    return {};
                // Only "aborted" means not saved. "in progress" is the old session still finishing on the
                // server: it settles either way, so ask again.
                if (status == QLatin1String("aborted"))
                    return Error::unavailable(
                        QStringLiteral("db.not_saved"),
                        QCoreApplication::translate("Database",
                                                    "The database went away while saving; the change was not "
                                                    "saved. Nothing was changed: try again."));
            }
        }
        if (waited.elapsed() > m_busyTimeoutMs)
            break;
        QThread::msleep(250);
    }
    m_broken = true;
    return Error::unavailable(
        QStringLiteral("db.commit_unknown"),
        QCoreApplication::translate("Database",
                                    "The database went away while saving (%1). Whether this last change was "
                                    "saved can't be known until it is back: look at the record before "
                                    "repeating it.")
            .arg(lost.message));
}

void Database::rollback() {
    if (!m_inTransaction)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK")) && m_dialect == Dialect::Postgres)
        m_broken = true;
    m_inTransaction = false;
    m_savepoints = 0;
}

Transaction::~Transaction() {
    if (!m_open)
        return;
    if (m_savepoint.isEmpty()) {
        m_db.rollback();
        return;
    }
    // Only this step's work is undone; the enclosing transaction goes on.
    m_db.m_auditTail.reset();
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
    q.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
    --m_db.m_savepoints;
}

Status Transaction::begin() {
    if (m_db.inTransaction()) {
        // Inside a batch (an import's): a savepoint, so that a refused step leaves the others.
        m_savepoint = QStringLiteral("pd_step_%1").arg(++m_db.m_savepoints);
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("SAVEPOINT ") + m_savepoint)) {
            --m_db.m_savepoints;
            m_savepoint.clear();
            return m_db.errorFrom(q, QCoreApplication::translate("Database", "starting a change"));
        }
        m_open = true;
        return {};
    }
    PD_TRY(m_db.begin());
    m_open = true;
    return {};
}

Status Transaction::commit() {
    m_open = false;
    if (!m_savepoint.isEmpty()) {
        QSqlQuery q(m_db.connection());
        const bool released = q.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        --m_db.m_savepoints;
        if (!released)
            return m_db.errorFrom(q, QCoreApplication::translate("Database", "saving the change"));
        return {};
    }
    return m_db.commit();
}

QSqlQuery Database::takeStatement(const QString& sql, bool* prepared, bool* reused) {
    if (QSqlQuery* cached = m_statements.take(sql)) {
        QSqlQuery statement = std::move(*cached);
        delete cached;
        *prepared = *reused = true;
        return statement;
    }
    QSqlQuery statement(m_db);
    *prepared = statement.prepare(sql);
    *reused = false;
    return statement;
}

void Database::giveBackStatement(const QString& sql, QSqlQuery& statement, quint64 generation) {
    if (generation != m_generation || !m_db.isOpen() || sql.size() > LongestKeptStatement ||
        m_statements.contains(sql))
        return;
    statement.finish(); // ends the read (SQLite holds a snapshot while a statement has rows left)
    m_statements.insert(sql, new QSqlQuery(std::move(statement)));
}

Query::Query(Database& db, const QString& sql)
    : m_db(db)
    , m_sql(sql)
    , m_generation(db.connectionGeneration()) {
    m_query = db.takeStatement(sql, &m_prepared, &m_reused);
}

Query::~Query() {
    if (m_prepared)
        m_db.giveBackStatement(m_sql, m_query, m_generation);
}

Query& Query::bind(const QString& name, const QVariant& value) {
    m_query.bindValue(name, value);
    m_bound.insert(name, value);
    return *this;
}

Query& Query::add(const QVariant& value) {
    m_query.bindValue(int(m_added.size()), value);
    m_added.append(value);
    return *this;
}

void Query::rebind() {
    for (auto it = m_bound.cbegin(); it != m_bound.cend(); ++it)
        m_query.bindValue(it.key(), it.value());
    for (qsizetype i = 0; i < m_added.size(); ++i)
        m_query.bindValue(int(i), m_added.at(i));
}

QVariant Query::value(const QString& column) const {
    if (m_columns.isEmpty()) {
        const QSqlRecord columns = m_query.record();
        for (int i = 0; i < columns.count(); ++i)
            m_columns.insert(columns.fieldName(i), i);
    }
    const auto found = m_columns.constFind(column);
    if (found != m_columns.constEnd())
        return m_query.value(found.value());
    // Spelled in another case; or a column this role's view leaves out (a secret), which reads as null.
    const QSqlRecord columns = m_query.record();
    for (int i = 0; i < columns.count(); ++i) {
        if (columns.fieldName(i).compare(column, Qt::CaseInsensitive) == 0)
            return m_query.value(i);
    }
    return {};
}

Status Query::exec() {
    Database::checkThread();
    m_columns.clear();
    if (m_db.needsReconnect()) {
        PD_TRY(m_db.reconnectIfBroken());
        m_query = m_db.takeStatement(m_sql, &m_prepared, &m_reused);
        m_generation = m_db.connectionGeneration();
        rebind();
    } else if (m_reused && m_query.boundValues().size() != m_bound.size() + m_added.size()) {
        // A value left bound by the statement's last run must not stand in for one this run leaves out
        // (every placeholder bound again, as is usual, leaves nothing behind and costs nothing more).
        const qsizetype positions = m_query.boundValues().size();
        for (qsizetype i = 0; i < positions; ++i)
            m_query.bindValue(int(i), QVariant());
        rebind();
    }
    if (!m_prepared || !m_query.exec()) {
        // The statement up to its first literal and the error's code: a driver's text can quote a value.
        qCWarning(
            lcStore, "query failed (%s): %s", qPrintable(m_query.lastError().nativeErrorCode()),
            qPrintable(
                m_sql.left(m_sql.indexOf(QLatin1Char('\'')) >= 0 ? m_sql.indexOf(QLatin1Char('\'')) : 100)
                    .left(100)
                    .simplified()));
        return m_db.errorFrom(m_query, QCoreApplication::translate("Database", "working with the database"));
    }
    return {};
}

Result<QSet<QString>> foundAmong(Database& db, const QString& select, const QVariantList& first,
                                 const QStringList& values) {
    QSet<QString> out;
    for (qsizetype from = 0; from < values.size(); from += DbTime::RowsPerStatement) {
        const qsizetype rows = std::min(DbTime::RowsPerStatement, values.size() - from);
        Query q(db, select + DbTime::marks(rows) + QLatin1Char(')'));
        for (const QVariant& v : first)
            q.add(v);
        for (qsizetype i = 0; i < rows; ++i)
            q.add(values.at(from + i));
        PD_TRY(q.exec());
        while (q.next())
            out.insert(q.value(0).toString());
    }
    return out;
}

BulkRows::BulkRows(Dialect dialect, QStringList columns, QString rowType)
    : m_dialect(dialect)
    , m_columns(std::move(columns))
    , m_rowType(std::move(rowType)) {}

BulkRows& BulkRows::add(const QVariant& value) {
    if (m_dialect == Dialect::Sqlite) {
        m_values.append(value);
        m_shared.clear();
    } else {
        m_json += m_column > 0 ? QStringLiteral(",\"")
                  : m_rows > 0 ? QStringLiteral(",{\"")
                               : QStringLiteral("[{\"");
        m_json += m_columns.at(m_column) + QStringLiteral("\":");
        switch (value.isNull() ? QMetaType::UnknownType : value.typeId()) {
        case QMetaType::UnknownType:
            m_json += QLatin1String("null");
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            m_json += QString::number(value.toLongLong());
            break;
        default: {
            const QString v = value.toString();
            m_json.reserve(m_json.size() + v.size() + 2);
            m_json += QLatin1Char('"');
            for (const QChar c : v) {
                if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
                    m_json += QLatin1Char('\\');
                    m_json += c;
                } else if (c.unicode() < 0x20) {
                    m_json += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                } else {
                    m_json += c;
                }
            }
            m_json += QLatin1Char('"');
        }
        }
    }
    if (++m_column == m_columns.size()) {
        if (m_dialect == Dialect::Postgres)
            m_json += QLatin1Char('}');
        m_column = 0;
        ++m_rows;
    }
    return *this;
}

const QList<bool>& BulkRows::shared() const {
    const qsizetype columns = m_columns.size();
    if (m_shared.size() == columns)
        return m_shared;
    m_shared.fill(m_rows > 1, columns);
    for (qsizetype c = 0; c < columns && m_rows > 1; ++c) {
        const QVariant& first = m_values.at(c);
        for (qsizetype r = 1; r < m_rows && m_shared[c]; ++r) {
            const QVariant& v = m_values.at(r * columns + c);
            m_shared[c] = v.isNull() == first.isNull() && v == first; // NULL is not ''
        }
    }
    if (columns > 0)
        m_shared[0] = false; // VALUES needs a column of its own
    return m_shared;
}

QString BulkRows::source() const {
    if (m_dialect == Dialect::Sqlite) {
        const QList<bool>& same = shared();
        if (!same.contains(true))
            return QStringLiteral("VALUES ") + DbTime::rowsOf(int(m_columns.size()), m_rows);
        // The rows' own values, then the shared ones once, in the order bindTo() binds them.
        QStringList picked;
        QStringList once;
        int own = 0;
        for (qsizetype c = 0; c < same.size(); ++c) {
            if (same.at(c)) {
                picked.append(QStringLiteral("s.c%1").arg(c));
                once.append(QStringLiteral("? AS c%1").arg(c));
            } else {
                picked.append(QStringLiteral("v.column%1").arg(++own));
            }
        }
        return QStringLiteral("SELECT ") + picked.join(QStringLiteral(", ")) +
               QStringLiteral(" FROM (VALUES ") + DbTime::rowsOf(own, m_rows) +
               QStringLiteral(") AS v, (SELECT ") + once.join(QStringLiteral(", ")) +
               QStringLiteral(") AS s");
    }
    return QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM json_populate_recordset(NULL::") +
           m_rowType + QStringLiteral(", CAST(? AS json))");
}

void BulkRows::bindTo(Query& query) const {
    if (m_dialect == Dialect::Postgres) {
        query.add(QString(m_json + QLatin1Char(']')));
        return;
    }
    const QList<bool>& same = shared();
    const qsizetype columns = m_columns.size();
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        if (!same.at(i % columns))
            query.add(m_values.at(i));
    }
    for (qsizetype c = 0; c < columns; ++c) {
        if (same.at(c))
            query.add(m_values.at(c));
    }
}

namespace DbTime {

QVariant toDb(const QDateTime& instant) {
    if (!instant.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    // From the instant's milliseconds, written out by hand: a bulk statement writes several per row, and
    // converting to UTC and reading a format pattern cost more than the row's other values together.
    constexpr qint64 DayMs = 86400000;
    const qint64 ms = instant.toMSecsSinceEpoch();
    const qint64 day = ms >= 0 ? ms / DayMs : (ms - DayMs + 1) / DayMs;
    const qint64 inDay = ms - day * DayMs;
    const QDate date = QDate::fromJulianDay(2440588 + day); // 1970-01-01
    if (date.year() < 1 || date.year() > 9999)
        return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(),
                  date.day(), int(inDay / 3600000), int(inDay / 60000 % 60), int(inDay / 1000 % 60),
                  int(inDay % 1000));
    return QString::fromLatin1(text);
}

QVariant toDb(const QDate& date) {
    if (!date.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return date.toString(Qt::ISODate);
}

QDateTime instant(const QVariant& value) {
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QDate date(const QVariant& value) {
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant text(const QString& value) {
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

QVariant id(qint64 value) {
    return value == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(value);
}

QString marks(qsizetype count) {
    QString out;
    out.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        out += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return out;
}

QString rowsOf(int columns, qsizetype rows) {
    const QString row = QLatin1Char('(') + marks(columns) + QLatin1Char(')');
    QString out;
    out.reserve(rows * (row.size() + 2));
    for (qsizetype i = 0; i < rows; ++i)
        out += i == 0 ? row : QStringLiteral(", ") + row;
    return out;
}

QString idList(const QList<qint64>& ids) {
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace DbTime

} // namespace pd
