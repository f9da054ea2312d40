#include "Database.h"

#include <atomic>

#include "Secrets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QStandardPaths>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "portaldesk.store")

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

// Splits a migration into statements: one ends at a line ending in ';', except inside a trigger body,
// which ends at "END;".
QStringList splitStatements(const QString& script) {
    QStringList statements;
    QString current;
    bool inTrigger = false;
    for (const QString& rawLine : script.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        current += rawLine + QLatin1Char('\n');
        if (line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        const bool ends = inTrigger ? line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : line.endsWith(QLatin1Char(';'));
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

} // namespace

Database::~Database() {
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

QString Database::defaultLocation() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(QStringLiteral("portaldesk.sqlite"));
}

Result<std::unique_ptr<Database>> Database::open(const QString& location, int busyTimeoutMs) {
    std::unique_ptr<Database> db(new Database);
    if (location.startsWith(QLatin1String("postgresql://")) ||
        location.startsWith(QLatin1String("postgres://")))
        return Error::unavailable(
            QStringLiteral("db.unsupported"),
            QCoreApplication::translate("Database",
                                        "This build opens only the embedded database; the central server "
                                        "connection is not available yet."));

    db->m_location = location.isEmpty() ? defaultLocation() : QFileInfo(location).absoluteFilePath();
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

    for (const char* pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
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
    return db;
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

Status Database::migrate() {
    PD_TRY(
        execRaw(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
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
    }
    return {};
}

Result<int> Database::schemaVersion() {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")))
        return 0;
    return q.next() ? q.value(0).toInt() : 0;
}

Status Database::begin() {
    checkThread();
    if (m_inTransaction)
        return Error::internal(QStringLiteral("db.nested"),
                               QCoreApplication::translate("Database", "A transaction is already open."));
    PD_TRY(execRaw(m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"),
                   QCoreApplication::translate("Database", "starting a change")));
    m_inTransaction = true;
    return {};
}

Status Database::commit() {
    if (!m_inTransaction)
        return Error::internal(QStringLiteral("db.no_transaction"),
                               QCoreApplication::translate("Database", "No transaction is open."));
    auto s = execRaw(QStringLiteral("COMMIT"), QCoreApplication::translate("Database", "saving the change"));
    if (!s) {
        rollback();
        return s.error();
    }
    m_inTransaction = false;
    return {};
}

void Database::rollback() {
    if (!m_inTransaction)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

Transaction::~Transaction() {
    if (m_open)
        m_db.rollback();
}

Status Transaction::begin() {
    PD_TRY(m_db.begin());
    m_open = true;
    return {};
}

Status Transaction::commit() {
    m_open = false;
    return m_db.commit();
}

Query::Query(Database& db, const QString& sql)
    : m_db(db)
    , m_sql(sql)
    , m_query(db.connection()) {
    m_prepared = m_query.prepare(sql);
}

Query& Query::bind(const QString& name, const QVariant& value) {
    m_query.bindValue(name, value);
    return *this;
}

Status Query::exec() {
    Database::checkThread();
    if (!m_prepared || !m_query.exec()) {
        qCWarning(lcStore, "query failed: %s: %s", qPrintable(m_sql.left(120).simplified()),
                  qPrintable(m_query.lastError().text()));
        return m_db.errorFrom(m_query, QCoreApplication::translate("Database", "working with the database"));
    }
    return {};
}

namespace DbTime {

QVariant toDb(const QDateTime& instant) {
    if (!instant.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QVariant toDb(const QDate& date) {
    if (!date.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return date.toString(Qt::ISODate);
}

QDateTime instant(const QVariant& value) {
    if (value.isNull())
        return {};
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

} // namespace DbTime

} // namespace pd
