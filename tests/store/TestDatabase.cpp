// The schema says what the rules say: migrations with checksums, constraints, optimistic locking.
#include "support/TestSupport.h"

#include <QDir>

#include "services/PatientService.h"
#include "store/InvitationRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <limits>

using namespace pd;
using namespace pd::test;

class TestDatabase : public QObject {
    Q_OBJECT

private:
    // Writes rows of (k, a, b, c) through BulkRows into a new table and reads them back in k order.
    void bulkRoundTrip(const QList<QVariantList>& given) {
        TestDb t;
        QSqlQuery create(t.db->connection());
        QVERIFY2(create.exec(QStringLiteral("CREATE TABLE bulk_check (k BIGINT, a TEXT, b BIGINT, c TEXT)")),
                 qPrintable(create.lastError().text()));
        BulkRows rows(t.db->dialect(),
                      {QStringLiteral("k"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                      QStringLiteral("bulk_check"));
        for (const QVariantList& row : given) {
            for (const QVariant& v : row)
                rows.add(v);
        }
        QCOMPARE(rows.rows(), given.size());
        Query insert(*t.db, QStringLiteral("INSERT INTO bulk_check (") + rows.columns() +
                                QStringLiteral(") ") + rows.source());
        rows.bindTo(insert);
        QVERIFY(insert.exec().ok());
        Query read(*t.db, QStringLiteral("SELECT k, a, b, c FROM bulk_check ORDER BY k"));
        QVERIFY(read.exec().ok());
        for (const QVariantList& row : given) {
            QVERIFY(read.next());
            for (int column = 0; column < 4; ++column) {
                QCOMPARE(read.value(column).isNull(), row.at(column).isNull());
                if (column == 1 || column == 3)
                    QCOMPARE(read.value(column).toString(), row.at(column).toString());
                else
                    QCOMPARE(read.value(column).toLongLong(), row.at(column).toLongLong());
            }
        }
        QVERIFY(!read.next());
        QVERIFY(Query(*t.db, QStringLiteral("SELECT count(*) FROM patients")).exec().ok()); // still there
    }

    qint64 addPatient(TestDb& t, const QString& mrn) {
        Patient p;
        p.mrn = mrn;
        p.givenName = QStringLiteral("Ana");
        p.familyName = QStringLiteral("López");
        p.birthDate = QDate(2017, 3, 2);
        auto id = PatientRepository(*t.db).insert(p, t.clock.nowUtc(), QStringLiteral("specialist"));
        return id ? id.value() : 0;
    }

    qint64 addUser(TestDb& t, const QString& username) {
        PortalUser u;
        u.username = username;
        u.email = username + QStringLiteral("@example.org");
        u.givenName = QStringLiteral("María");
        u.familyName = QStringLiteral("López");
        u.kind = QStringLiteral("proxy");
        u.status = QStringLiteral("pending");
        auto id = PortalUserRepository(*t.db).insert(u, t.clock.nowUtc(), QStringLiteral("specialist"));
        return id ? id.value() : 0;
    }

    Invitation queued(TestDb& t, qint64 userId) {
        Invitation i;
        i.portalUserId = userId;
        i.email = QStringLiteral("x@example.org");
        i.pinHash = QStringLiteral("scrypt$test");
        i.status = QStringLiteral("queued");
        i.queuedAt = t.clock.nowUtc();
        i.dueAt = t.clock.nowUtc().addDays(2);
        i.createdBy = QStringLiteral("specialist");
        return i;
    }

private slots:
    // A migration is cut into statements at the lines that end one, whatever comment follows.
    void migrationsAreCutIntoStatements_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("statements"); // each ends at a line "~"
        const auto row = [](const char* name, const char* script, const char* statements) {
            QTest::newRow(name) << QString::fromUtf8(script) << QString::fromUtf8(statements);
        };
        row("one a line", "CREATE TABLE a (i int);\nCREATE TABLE b (i int);",
            "CREATE TABLE a (i int);\n~\nCREATE TABLE b (i int);");
        row("comment lines between",
            "-- what a is\nCREATE TABLE a (i int);\n\n-- and b\nCREATE TABLE b (i int);",
            "CREATE TABLE a (i int);\n~\nCREATE TABLE b (i int);");
        row("a comment after the semicolon", "CREATE INDEX a_i ON a (i); -- for the worklist\nSELECT 1;",
            "CREATE INDEX a_i ON a (i); -- for the worklist\n~\nSELECT 1;");
        row("two dashes in a string are not a comment", "INSERT INTO a (t) VALUES ('--');\nSELECT 1;",
            "INSERT INTO a (t) VALUES ('--');\n~\nSELECT 1;");
        row("a semicolon inside a comment does not end one", "CREATE TABLE a ( -- one column;\n    i int\n);",
            "CREATE TABLE a ( -- one column;\n    i int\n);");
        row("a trigger body",
            "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n    UPDATE b SET i = 1;\nEND; -- done\nSELECT 1;",
            "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n    UPDATE b SET i = 1;\nEND; -- done\n~\nSELECT 1;");
        row("a dollar-quoted body",
            "CREATE FUNCTION f() RETURNS void AS $$\nBEGIN\n    PERFORM 1;\nEND;\n$$;\nSELECT 1;",
            "CREATE FUNCTION f() RETURNS void AS $$\nBEGIN\n    PERFORM 1;\nEND;\n$$;\n~\nSELECT 1;");
    }
    void migrationsAreCutIntoStatements() {
        QFETCH(QString, script);
        QFETCH(QString, statements);
        QCOMPARE(Database::splitStatements(script).join(QStringLiteral("\n~\n")), statements);
    }

    // pg_trgm would skip every letter outside ASCII under a C character type: init refuses such a
    // database and says how to make one that works, before it creates anything.
    void initRefusesADatabaseWhoseSearchWouldSkipLetters() {
        if (!onPostgres())
            QSKIP("the character type is the central database's");
        PgCluster& pg = PgCluster::shared();
        const QString name = QStringLiteral("ctype_c_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(pg.exec(QStringLiteral("CREATE DATABASE ") + PgCluster::quoteIdentifier(name) +
                        QStringLiteral(" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")));
        {
            auto db = Database::open(pg.url(name));
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
            const Status s = (*db)->migrate();
            QVERIFY(!s.ok());
            QCOMPARE(s.error().rule, QStringLiteral("db.ctype"));
            QVERIFY(s.error().message.contains(QStringLiteral("C.UTF-8")));
            auto version = (*db)->schemaVersion();
            QCOMPARE(version.value(), 0);
        }
        QVERIFY(pg.dropDatabase(name));
    }

    void freshDatabaseIsMigratedOnce() {
        TestDb t;
        const int compiledIn =
            int(QDir(QStringLiteral(":/migrations/sqlite")).entryList({QStringLiteral("*.sql")}).size());
        QVERIFY(compiledIn >= 2);
        QCOMPARE(t.db->schemaVersion().value(), compiledIn);
        QVERIFY(t.db->migrate().ok()); // again: nothing to do
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM schema_migrations")), compiledIn);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM staff WHERE role = 'him_supervisor'")), 1);
    }

    void onlyItsOwnerCanReadANewDatabaseFile() {
        if (onPostgres())
            QSKIP("a file's matter: the server keeps its own files");
#ifdef Q_OS_UNIX
        TestDb t;
        const QFileDevice::Permissions p = QFile::permissions(t.path());
        QVERIFY(p & QFileDevice::ReadOwner);
        QVERIFY(!(p & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
#else
        QSKIP("file modes are a Unix matter; Windows relies on the user profile's ACLs");
#endif
    }

    void changedMigrationStopsTheProgram() {
        TestDb t;
        Query q(*t.db,
                QStringLiteral("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1"));
        QVERIFY(q.exec().ok());
        const Status s = t.db->migrate();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().rule, QStringLiteral("db.migration_changed"));
        QVERIFY(s.error().message.contains(QStringLiteral("Migration 1")));
    }

    void newerSchemaIsRefused() {
        TestDb t;
        Query q(*t.db,
                QStringLiteral("INSERT INTO schema_migrations VALUES (99, 'future', 'x', '2030-01-01')"));
        QVERIFY(q.exec().ok());
        const Status s = t.db->migrate();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().rule, QStringLiteral("db.newer_schema"));
    }

    void notADatabaseIsUnavailable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Unavailable);
    }

    void folderThatCannotBeMadeIsUnavailable() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto db = Database::open(dir.filePath(QStringLiteral("file/sub/x.sqlite")));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Unavailable);
    }

    void mrnIsUnique() {
        TestDb t;
        QVERIFY(addPatient(t, QStringLiteral("100200")) > 0);
        Patient p;
        p.mrn = QStringLiteral("100200");
        p.givenName = QStringLiteral("Other");
        p.familyName = QStringLiteral("Child");
        p.birthDate = QDate(2015, 1, 1);
        auto second = PatientRepository(*t.db).insert(p, t.clock.nowUtc(), QStringLiteral("specialist"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, ErrorKind::Conflict);
    }

    void oneLiveInvitationPerUserIsEnforcedByTheSchema_data() {
        QTest::addColumn<QString>("firstStatus");
        QTest::addColumn<bool>("secondAllowed");
        QTest::newRow("queued is live") << QStringLiteral("queued") << false;
        QTest::newRow("sent is live") << QStringLiteral("sent") << false;
        QTest::newRow("delivery_failed is live") << QStringLiteral("delivery_failed") << false;
        QTest::newRow("revoked is not") << QStringLiteral("revoked") << true;
        QTest::newRow("expired is not") << QStringLiteral("expired") << true;
        QTest::newRow("locked is not") << QStringLiteral("locked") << true;
    }

    void oneLiveInvitationPerUserIsEnforcedByTheSchema() {
        QFETCH(QString, firstStatus);
        QFETCH(bool, secondAllowed);
        TestDb t;
        const qint64 user = addUser(t, QStringLiteral("maria"));
        Invitation first = queued(t, user);
        first.status = firstStatus;
        first.tokenHash = QStringLiteral("hash-1");
        first.sentAt = t.clock.nowUtc();
        QVERIFY(InvitationRepository(*t.db).insert(first).ok());
        const auto second = InvitationRepository(*t.db).insert(queued(t, user));
        QCOMPARE(second.ok(), secondAllowed);
    }

    void checkConstraintsRefuseUnknownWords() {
        TestDb t;
        const qint64 user = addUser(t, QStringLiteral("maria"));
        Invitation i = queued(t, user);
        i.status = QStringLiteral("pending_review");
        QVERIFY(!InvitationRepository(*t.db).insert(i).ok());
        Query q(*t.db, QStringLiteral("UPDATE portal_users SET status = 'sleeping' WHERE id = :id"));
        q.bind(QStringLiteral(":id"), user);
        QVERIFY(!q.exec().ok());
    }

    void foreignKeysAreOn() {
        TestDb t;
        Invitation i = queued(t, 4242);
        QVERIFY(!InvitationRepository(*t.db).insert(i).ok());
    }

    void staleUpdateIsAConflictNamingWhoChangedIt() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"));
        PatientRepository patients(*t.db);
        Patient mine = patients.byMrn(QStringLiteral("100200")).value().value();
        Patient theirs = mine;

        theirs.phone = QStringLiteral("323-555-0100");
        t.clock.advanceSecs(60);
        QVERIFY(patients.update(theirs, t.clock.nowUtc(), QStringLiteral("dana.kim")).ok());

        mine.email = QStringLiteral("new@example.org");
        const Status s = patients.update(mine, t.clock.nowUtc(), QStringLiteral("specialist"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::Conflict);
        QVERIFY2(s.error().message.contains(QStringLiteral("dana.kim")), qPrintable(s.error().message));
        // Nothing of the stale write landed.
        const Patient now = patients.byMrn(QStringLiteral("100200")).value().value();
        QCOMPARE(now.phone, QStringLiteral("323-555-0100"));
        QVERIFY(now.email.isEmpty());
        QCOMPARE(now.rowVersion, 2);
    }

    void transactionRollsBackWhenNotCommitted() {
        TestDb t;
        {
            Transaction tx(*t.db);
            QVERIFY(tx.begin().ok());
            addPatient(t, QStringLiteral("100300"));
        }
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 0);
    }

    void databaseHeldByAnotherWriterIsUnavailableAndNothingIsWritten() {
        TestDb t;
        auto other = Database::open(t.path(), 100);
        QVERIFY(other.ok());
        QVERIFY(other.value()->begin().ok()); // another workstation holds the write lock
        auto mine = Database::open(t.path(), 200);
        QVERIFY(mine.ok());
        ServiceContext ctx(*mine.value(), t.clock, signIn(*t.db, QStringLiteral("specialist")).value(),
                           QStringLiteral("ws"));
        auto added = PatientService(ctx).add({QStringLiteral("100200"), QStringLiteral("Ana"),
                                              QStringLiteral("López"), QStringLiteral("2017-03-02"),
                                              QString(), QString(), QString(), QString()});
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, ErrorKind::Unavailable);
        other.value()->rollback();
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 0);
        // Once the other writer is done, the same operation goes through.
        auto again = PatientService(ctx).add({QStringLiteral("100200"), QStringLiteral("Ana"),
                                              QStringLiteral("López"), QStringLiteral("2017-03-02"),
                                              QString(), QString(), QString(), QString()});
        QVERIFY(again.ok());
    }

    // Statements are prepared once per connection and reused: a run that leaves a value out gets NULL
    // for it, not the value of the statement's last run, and two runs of one text at once don't mix.
    void aReusedStatementKeepsNoValueFromItsLastRun() {
        TestDb t;
        const QString sql = QStringLiteral("SELECT CAST(:a AS integer), CAST(:b AS text)");
        {
            Query first(*t.db, sql);
            first.bind(QStringLiteral(":a"), 1).bind(QStringLiteral(":b"), QStringLiteral("kept?"));
            QVERIFY(first.exec().ok());
            QVERIFY(first.next());
            QCOMPARE(first.value(1).toString(), QStringLiteral("kept?"));
        }
        Query again(*t.db, sql);
        again.bind(QStringLiteral(":a"), 2);
        QVERIFY(again.exec().ok());
        QVERIFY(again.next());
        QCOMPARE(again.value(0).toInt(), 2);
        QVERIFY(again.value(1).isNull());
        // While `again` still has its row, the same text runs as a statement of its own.
        Query meanwhile(*t.db, sql);
        meanwhile.bind(QStringLiteral(":a"), 3).bind(QStringLiteral(":b"), QStringLiteral("own"));
        QVERIFY(meanwhile.exec().ok());
        QVERIFY(meanwhile.next());
        QCOMPARE(meanwhile.value(0).toInt(), 3);
        QCOMPARE(again.value(0).toInt(), 2);
    }

    // The same for positional values (bulk rows).
    void aReusedPositionalStatementKeepsNoValueFromItsLastRun() {
        TestDb t;
        for (const bool second : {false, true}) {
            Query q(*t.db, QStringLiteral("SELECT CAST(? AS integer) * 2, CAST(? AS text)"));
            q.add(second ? 4 : 1);
            if (!second)
                q.add(QStringLiteral("kept?"));
            QVERIFY(q.exec().ok());
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), second ? 8 : 2);
            QCOMPARE(q.value(1).isNull(), second);
        }
    }

    // Bulk rows reach the table exactly as they were given, whatever their text: on PostgreSQL they
    // travel as one JSON document, on SQLite as placeholders.
    void bulkRowsKeepEveryValueAsItWas_data() {
        QTest::addColumn<QVariant>("text");
        QTest::addColumn<QVariant>("number");
        QTest::newRow("plain") << QVariant(QStringLiteral("Sofía Hernández-López")) << QVariant(qint64(1));
        QTest::newRow("quotes") << QVariant(QStringLiteral("O'Brien \"Junior\"")) << QVariant(qint64(-1));
        QTest::newRow("backslashes") << QVariant(QStringLiteral("C:\\temp\\n \\u0041"))
                                     << QVariant(qint64(0));
        QTest::newRow("control characters")
            << QVariant(QStringLiteral("tab\there\nline\r\x01\x1f")) << QVariant(qint64(7));
        QTest::newRow("scripts and emoji")
            << QVariant(QStringLiteral("Nguyễn 김민준 王芳 Պետրոսյան 👪")) << QVariant(qint64(42));
        QTest::newRow("SQL") << QVariant(QStringLiteral("x'); DROP TABLE patients; --"))
                             << QVariant(qint64(9));
        QTest::newRow("JSON") << QVariant(QStringLiteral("\"}, {\"a\": \"injected\"}]"))
                              << QVariant(qint64(3));
        QTest::newRow("the largest signature")
            << QVariant(QStringLiteral("x")) << QVariant(std::numeric_limits<qint64>::max());
        QTest::newRow("the smallest number")
            << QVariant(QStringLiteral("x")) << QVariant(std::numeric_limits<qint64>::min());
        QTest::newRow("nulls") << QVariant() << QVariant();
        QTest::newRow("empty text") << QVariant(QString(QLatin1String(""))) << QVariant(qint64(5));
    }
    void bulkRowsKeepEveryValueAsItWas() {
        QFETCH(QVariant, text);
        QFETCH(QVariant, number);
        QList<QVariantList> given;
        for (int k = 0; k < 3; ++k)
            given.append({k, text, number, QStringLiteral("c")});
        bulkRoundTrip(given);
    }

    // A column's value the same in every row is sent once on SQLite: NULL stays apart from empty text,
    // and a column that differs in one row only keeps every row's own value.
    void bulkRowsKeepEachRowsOwnValue() {
        const QVariant null(QMetaType(QMetaType::QString));
        bulkRoundTrip({
            {0, null, 7, QStringLiteral("same")},
            {1, QString(QLatin1String("")), 7, QStringLiteral("same")},
            {2, null, 7, QStringLiteral("same")},
            {3, null, 8, QStringLiteral("same")},
        });
    }

    // More statement texts than the cache keeps (an IN list of ids differs every time): the oldest are
    // let go and each still runs.
    void moreStatementsThanTheCacheKeepsAllRun() {
        TestDb t;
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < Database::StatementCacheSize + 20; ++i) {
                Query q(*t.db, QStringLiteral("SELECT %1 + :x").arg(i));
                q.bind(QStringLiteral(":x"), round);
                QVERIFY(q.exec().ok());
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toInt(), i + round);
            }
        }
    }

    // Every instant is written as UTC with milliseconds, whatever its zone, before 1970 too.
    void instantsAreWrittenInUtcWithMilliseconds_data() {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<QString>("stored");
        const QTimeZone la("America/Los_Angeles");
        const QTimeZone tokyo("Asia/Tokyo");
        QTest::newRow("the epoch") << QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())
                                   << QStringLiteral("1970-01-01T00:00:00.000Z");
        QTest::newRow("a millisecond before it") << QDateTime::fromMSecsSinceEpoch(-1, QTimeZone::utc())
                                                 << QStringLiteral("1969-12-31T23:59:59.999Z");
        QTest::newRow("a summer birth in 1950") << QDateTime(QDate(1950, 6, 15), QTime(12, 30, 5, 7), la)
                                                << QStringLiteral("1950-06-15T19:30:05.007Z");
        QTest::newRow("just before a DST change") << QDateTime(QDate(2026, 3, 8), QTime(1, 59, 59, 999), la)
                                                  << QStringLiteral("2026-03-08T09:59:59.999Z");
        QTest::newRow("Tokyo's morning is yesterday in UTC")
            << QDateTime(QDate(2026, 12, 3), QTime(8, 0), tokyo)
            << QStringLiteral("2026-12-02T23:00:00.000Z");
        QTest::newRow("a leap day") << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 1), QTimeZone::utc())
                                    << QStringLiteral("2028-02-29T23:59:59.001Z");
        QTest::newRow("the last year written")
            << QDateTime(QDate(9999, 12, 31), QTime(23, 59), QTimeZone::utc())
            << QStringLiteral("9999-12-31T23:59:00.000Z");
    }
    void instantsAreWrittenInUtcWithMilliseconds() {
        QFETCH(QDateTime, instant);
        QFETCH(QString, stored);
        QCOMPARE(DbTime::toDb(instant).toString(), stored);
        QCOMPARE(DbTime::toDb(instant).toString(),
                 instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
        QCOMPARE(DbTime::instant(DbTime::toDb(instant)), instant);
    }

    void timesRoundTripInUtc() {
        const QDateTime t = la(2026, 3, 8, 1, 59);
        QCOMPARE(DbTime::instant(DbTime::toDb(t)), t);
        QCOMPARE(DbTime::toDb(t).toString(), QStringLiteral("2026-03-08T09:59:00.000Z"));
        QVERIFY(DbTime::toDb(QDateTime()).isNull());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
