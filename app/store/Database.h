// One open database (SQLite file, or a server later): connection, migrations, transactions.
#pragma once

#include "store/Layer.h"

#include "core/Result.h"
#include "core/ServerAddress.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace pd {

enum class Dialect { Sqlite, Postgres };

class Database final {
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating if needed) the SQLite file at `location`, or the default file in the user's data
    // folder when `location` is empty. Does not migrate: call migrate().
    // `busyTimeoutMs` is how long a write waits for another workstation's write to finish before the
    // database counts as unavailable.
    // A postgresql:// address opens the central database instead, signed in as the address's user with
    // `password` (or the address's own, or PGPASSWORD).
    static Result<std::unique_ptr<Database>> open(const QString& location, int busyTimeoutMs = 10000,
                                                  const QString& password = QString());
    // The key of the transaction-scoped lock every PostgreSQL writer takes first.
    static constexpr qint64 WriterLockKey = 0x506f7274616c01; // "Portal" 1

    // The desktop names its UI thread here: a query or transaction started on it stops the program,
    // so a change that would freeze the window fails every GUI test instead of shipping.
    static void forbidThread(QThread* thread);
    static void checkThread();

    // Applies every compiled-in migration not yet applied, each in its own transaction; refuses
    // to go on when an applied migration's checksum differs from the compiled-in one.
    Status migrate();
    // Told how far the work a migration leaves behind has got (people indexed again for search, of about
    // how many), while migrate() does it; an upgrade at a hospital's size takes minutes.
    using UpgradeProgress = std::function<void(qint64 done, qint64 total)>;
    void setUpgradeProgress(UpgradeProgress progress) { m_upgradeProgress = std::move(progress); }
    // A migration's statements, in order.
    static QStringList splitStatements(const QString& script);
    // The highest applied migration version (0 for an empty database).
    Result<int> schemaVersion();
    // The database engine and its version, for Help > About ("SQLite 3.40.1", "PostgreSQL 15.8").
    Result<QString> engineVersion();
    // The central database only: calls one of the schema's functions that take one JSON argument (the
    // doors through which staff change what the server guards) and returns its first row.
    Result<QVariantList> callDoor(const QString& function, const QJsonObject& argument);
    // The same, for a function that returns many rows: all of them.
    Result<QList<QVariantList>> callDoorRows(const QString& function, const QJsonObject& argument);

    Dialect dialect() const { return m_dialect; }
    QString location() const { return m_location; } // file path or server description
    const ServerAddress& server() const { return m_server; }
    // A base table by its full name, for writes that must not land on a role's masked view of the same
    // name (PostgreSQL); just the name on SQLite.
    QString table(const QString& name) const {
        return m_dialect == Dialect::Postgres ? QStringLiteral("public.") + name : name;
    }
    // PostgreSQL: after the connection was lost, the next statement connects again first.
    bool needsReconnect() const { return m_broken && !m_inTransaction; }
    Status reconnectIfBroken();
    QSqlDatabase& connection() { return m_db; }
    // Prepared statements kept for reuse on this connection, so a statement run again costs one round
    // trip to the server instead of three (prepare, execute, deallocate). A Query takes its statement
    // out while it runs and gives it back when it ends; a Query of the same text running meanwhile
    // prepares its own.
    QSqlQuery takeStatement(const QString& sql, bool* prepared, bool* reused);
    void giveBackStatement(const QString& sql, QSqlQuery& statement, quint64 generation);
    quint64 connectionGeneration() const { return m_generation; }
    static constexpr int StatementCacheSize = 256;
    static constexpr int LongestKeptStatement = 16384; // longer texts are built for one run

    // A lock held for a whole job across its transactions, so that a job started on two machines at once
    // runs once: on PostgreSQL a session advisory lock (freed if the process dies); the embedded file
    // has one workstation, so it is always granted there.
    Result<bool> tryJobLock(qint64 key);
    void releaseJobLock(qint64 key);
    static constexpr qint64 DailyJobLockKey = WriterLockKey + 2;

    // Write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing late).
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // The audit chain's last link as this transaction left it: writers queue one behind another, so
    // nobody else moves it until the commit, and the next event of the same transaction needn't read it
    // again. Forgotten at every transaction's end and at a step's rollback.
    struct AuditLink {
        qint64 id = 0;
        QString hash;
    };
    std::optional<AuditLink> auditTail() const { return m_inTransaction ? m_auditTail : std::nullopt; }
    void noteAuditTail(const std::optional<AuditLink>& link) {
        m_auditTail = m_inTransaction ? link : std::nullopt;
    }

    // The error a failed query turns into: Unavailable for lost/locked databases, Internal otherwise.
    Error errorFrom(const QSqlQuery& query, const QString& what) const;

private:
    Database() = default;
    Status execRaw(const QString& sql, const QString& what);
    Status connectServer();
    Status migrateLocked();
    Status finishUpgrade(); // work a migration leaves to PortalDesk itself (refilling the search index)
    void applyRoleSchemas();
    Error serverError(const QString& state, const QString& text, const QString& what) const;
    Status commitOutcome(const Error& lost);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_location;
    Dialect m_dialect = Dialect::Sqlite;
    UpgradeProgress m_upgradeProgress;
    bool m_inTransaction = false;
    ServerAddress m_server;
    int m_busyTimeoutMs = 10000;
    qint64 m_transactionId = 0;
    mutable bool m_broken = false;
    int m_savepoints = 0; // steps open inside the transaction
    QCache<QString, QSqlQuery> m_statements{StatementCacheSize};
    std::optional<AuditLink> m_auditTail;
    quint64 m_generation = 0; // counts connections, so a statement from a closed one is never reused
    friend class Transaction;
};

// Rolls back unless commit() was called: every service operation holds one. Begun while a transaction
// is open (a batch), it is a savepoint of that transaction instead.
class Transaction final {
public:
    explicit Transaction(Database& db)
        : m_db(db) {}
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin();
    Status commit();

private:
    Database& m_db;
    bool m_open = false;
    QString m_savepoint; // set when this is a step inside an enclosing transaction
};

// A prepared statement with named bindings; errors come back as values.
class Query final {
public:
    Query(Database& db, const QString& sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    Query& bind(const QString& name, const QVariant& value);
    // The next "?" of a statement written with positional placeholders (bulk rows: a driver looks a name up
    // among all of a statement's placeholders, which costs more than the row itself when there are many).
    Query& add(const QVariant& value);
    Status exec();
    bool next() { return m_query.next(); }
    // By name, through the result's columns read once (a server result builds its whole column list
    // again for every lookup by name).
    QVariant value(const QString& column) const;
    QVariant value(int index) const { return m_query.value(index); }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery& raw() { return m_query; }

private:
    void rebind();

    Database& m_db;
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
    bool m_reused = false; // a cached statement, which still holds its last run's values
    quint64 m_generation = 0;
    QHash<QString, QVariant> m_bound;
    QList<QVariant> m_added;               // positional values, in order
    mutable QHash<QString, int> m_columns; // of the current result
};

// Which of `values` a query finds, asked a chunk at a time: `select` reads one column and ends in "IN (",
// with `first` bound to the "?" before it.
Result<QSet<QString>> foundAmong(Database& db, const QString& select, const QVariantList& first,
                                 const QStringList& values);

// The rows of a bulk statement ("INSERT INTO t (a, b) " + source()), bound by bindTo(). On PostgreSQL they
// go as one value, a JSON array of objects keyed by column: the driver spends more on each placeholder
// than on the value in it, and the server reads one document faster than a thousand literals. SQLite
// reads placeholders faster than it reads JSON, so it gets "VALUES (?, ?), …", and a column with the same
// value in every row (who, when) is bound once.
class BulkRows final {
public:
    // `rowType` is a table with columns of these names, whose types the values take on PostgreSQL.
    BulkRows(Dialect dialect, QStringList columns, QString rowType);
    // The next column's value (null, a number or text); a row ends with its last column.
    BulkRows& add(const QVariant& value);
    qsizetype rows() const { return m_rows; }
    QString columns() const { return m_columns.join(QStringLiteral(", ")); }
    QString source() const;
    void bindTo(Query& query) const;

private:
    const QList<bool>& shared() const; // which columns hold one value in every row (SQLite)

    Dialect m_dialect;
    QStringList m_columns;
    QString m_rowType;
    QString m_json;
    QList<QVariant> m_values; // row after row (SQLite)
    mutable QList<bool> m_shared;
    qsizetype m_column = 0;
    qsizetype m_rows = 0;
};

// Storage forms of times and dates (UTC ISO-8601 text, "YYYY-MM-DD").
namespace DbTime {
QVariant toDb(const QDateTime& instant); // null QVariant for a null instant
QVariant toDb(const QDate& date);
QDateTime instant(const QVariant& value);
QDate date(const QVariant& value);
QVariant text(const QString& value);      // null for an empty string
QVariant id(qint64 value);                // null for 0
QString idList(const QList<qint64>& ids); // "1,2,3", for an IN (…) of ids PortalDesk read itself
// "(?, ?), (?, ?)": the VALUES of a multi-row statement of `rows` rows of `columns` values, bound in order
// with Query::add.
QString rowsOf(int columns, qsizetype rows);
// "?, ?, ?": as many placeholders, for an IN (…) bound with Query::add.
QString marks(qsizetype count);
// How many rows such a statement carries at most, so that no driver's limit on bound values is reached.
constexpr qsizetype RowsPerStatement = 100;
} // namespace DbTime

} // namespace pd
