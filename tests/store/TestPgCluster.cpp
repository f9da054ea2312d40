// The PostgreSQL test cluster itself: it starts, creates databases, lets a second role log in with
// a password over loopback TCP, keeps data across restarts, and refuses connections while stopped.
#include "support/PgCluster.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace pd::test;

namespace {

// Opens a fresh QPSQL connection with plain host/port/user/password settings, runs one query and
// returns its first value (invalid on failure, with the reason in *error).
QVariant queryAs(const QString& database, const QString& user, const QString& password, const QString& sql,
                 QString* error = nullptr) {
    static int counter = 0;
    const QString name = QStringLiteral("test_pgcluster_%1").arg(++counter);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(PgCluster::shared().host());
        db.setPort(PgCluster::shared().port());
        db.setDatabaseName(database);
        db.setUserName(user);
        db.setPassword(password);
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else if (error)
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TestPgCluster : public QObject {
    Q_OBJECT

    static PgCluster& pg() { return PgCluster::shared(); }

private slots:
    void initTestCase() {
        PgCluster& cluster = pg();
        QVERIFY2(cluster.ok(), qPrintable(cluster.error()));
        qInfo("PostgreSQL test cluster in %s on %s:%d, started in %lld ms", qPrintable(cluster.directory()),
              qPrintable(cluster.host()), cluster.port(), cluster.startMilliseconds());
    }

    void clusterIsConfiguredForTests() {
        QCOMPARE(pg().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(pg().port() > 0 && pg().port() < 65536);
        QCOMPARE(pg().adminUser(), QStringLiteral("pd_admin"));
        QVERIFY(pg().adminPassword().size() >= 16);
        QVERIFY(pg().scalar(QStringLiteral("SHOW server_version_num")).toInt() >= 150000);
        QCOMPARE(pg().scalar(QStringLiteral("SHOW listen_addresses")).toString(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(pg().scalar(QStringLiteral("SHOW fsync")).toString(), QStringLiteral("off"));
        QCOMPARE(pg().scalar(QStringLiteral("SHOW TimeZone")).toString(), QStringLiteral("UTC"));
        QCOMPARE(pg().scalar(QStringLiteral("SHOW server_encoding")).toString(), QStringLiteral("UTF8"));
        QCOMPARE(pg().scalar(QStringLiteral("SHOW password_encryption")).toString(),
                 QStringLiteral("scram-sha-256"));
        QCOMPARE(pg().scalar(QStringLiteral("SELECT current_user")).toString(), QStringLiteral("pd_admin"));
        // The server never runs as root.
        QVERIFY(QFileInfo(pg().dataDirectory()).ownerId() != 0);
    }

    void urlPercentEncodesCredentials() {
        QCOMPARE(pg().url(QStringLiteral("portal")),
                 QStringLiteral("postgresql://pd_admin:%1@127.0.0.1:%2/portal?sslmode=disable")
                     .arg(pg().adminPassword())
                     .arg(pg().port()));
        QCOMPARE(pg().url(QStringLiteral("portal"), QStringLiteral("a@b"), QStringLiteral("p:w/ %")),
                 QStringLiteral("postgresql://a%40b:p%3Aw%2F%20%25@127.0.0.1:%1/portal?sslmode=disable")
                     .arg(pg().port()));
    }

    void createsAndDropsDatabases() {
        QVERIFY2(pg().createDatabase(QStringLiteral("pd_created")), qPrintable(pg().error()));
        QVERIFY2(pg().exec(QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL);"
                                          "INSERT INTO t VALUES (1, 'López')"),
                           QStringLiteral("pd_created")),
                 qPrintable(pg().error()));
        QCOMPARE(
            pg().scalar(QStringLiteral("SELECT upper(name) FROM t"), QStringLiteral("pd_created")).toString(),
            QStringLiteral("LÓPEZ"));

        // A copy of it as a template, then both dropped, even with a session still open.
        QVERIFY2(pg().createDatabase(QStringLiteral("pd_copy"), QStringLiteral("pd_created")),
                 qPrintable(pg().error()));
        QCOMPARE(pg().scalar(QStringLiteral("SELECT count(*) FROM t"), QStringLiteral("pd_copy")).toInt(), 1);
        {
            QSqlDatabase held = pg().addConnection(QStringLiteral("held"), QStringLiteral("pd_copy"));
            QVERIFY2(held.open(), qPrintable(held.lastError().text()));
            QVERIFY2(pg().dropDatabase(QStringLiteral("pd_copy")), qPrintable(pg().error()));
            held.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("held"));
        QVERIFY(pg().dropDatabase(QStringLiteral("pd_created")));
        QCOMPARE(pg().scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'pd\\_c%'"))
                     .toInt(),
                 0);
        QVERIFY(pg().dropDatabase(QStringLiteral("pd_never_existed")));
    }

    void secondRoleLogsInWithPassword() {
        QVERIFY2(pg().createRole(QStringLiteral("pd_app"), QStringLiteral("s3cret'pass")),
                 qPrintable(pg().error()));
        QVERIFY(pg().createDatabase(QStringLiteral("pd_app_db")));
        QVERIFY(pg().exec(QStringLiteral("ALTER DATABASE pd_app_db OWNER TO pd_app")));

        QString error;
        QCOMPARE(queryAs(QStringLiteral("pd_app_db"), QStringLiteral("pd_app"), QStringLiteral("s3cret'pass"),
                         QStringLiteral("SELECT current_user"), &error)
                     .toString(),
                 QStringLiteral("pd_app"));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // The password is stored as a SCRAM verifier and a wrong one is refused.
        QVERIFY(pg().scalar(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = 'pd_app'"))
                    .toString()
                    .startsWith(QStringLiteral("SCRAM-SHA-256$")));
        error.clear();
        QVERIFY(!queryAs(QStringLiteral("pd_app_db"), QStringLiteral("pd_app"), QStringLiteral("wrong"),
                         QStringLiteral("SELECT 1"), &error)
                     .isValid());
        QVERIFY2(error.contains(QStringLiteral("password authentication failed")), qPrintable(error));
    }

    void restartKeepsData() {
        QVERIFY(pg().createDatabase(QStringLiteral("pd_restart")));
        QVERIFY(pg().exec(QStringLiteral("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before')"),
                          QStringLiteral("pd_restart")));
        const int port = pg().port();

        QVERIFY2(pg().restart(), qPrintable(pg().error()));
        QVERIFY(pg().ok());
        QCOMPARE(pg().port(), port);
        QCOMPARE(queryAs(QStringLiteral("pd_restart"), pg().adminUser(), pg().adminPassword(),
                         QStringLiteral("SELECT v FROM kept"))
                     .toString(),
                 QStringLiteral("before"));

        // Immediate shutdown (crash recovery on start) keeps committed data too.
        QVERIFY(pg().exec(QStringLiteral("INSERT INTO kept VALUES ('after')"), QStringLiteral("pd_restart")));
        QVERIFY2(pg().restart(true), qPrintable(pg().error()));
        QCOMPARE(
            pg().scalar(QStringLiteral("SELECT count(*) FROM kept"), QStringLiteral("pd_restart")).toInt(),
            2);
    }

    void stoppedClusterRefusesConnections() {
        QVERIFY2(pg().stop(), qPrintable(pg().error()));
        QVERIFY(!pg().ok());
        QString error;
        QVERIFY(!queryAs(QStringLiteral("postgres"), pg().adminUser(), pg().adminPassword(),
                         QStringLiteral("SELECT 1"), &error)
                     .isValid());
        QVERIFY(!error.isEmpty());
        QVERIFY(!pg().exec(QStringLiteral("SELECT 1")));

        QVERIFY2(pg().start(), qPrintable(pg().error()));
        QVERIFY(pg().ok());
        QCOMPARE(queryAs(QStringLiteral("postgres"), pg().adminUser(), pg().adminPassword(),
                         QStringLiteral("SELECT 1"))
                     .toInt(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestPgCluster)
#include "TestPgCluster.moc"
