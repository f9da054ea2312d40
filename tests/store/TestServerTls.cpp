// The central database over TLS: with verify-full a workstation talks only to the server whose name and
// certificate its CA file vouches for; every other case is refused with words about the certificate.
#include "support/PgCluster.h"
#include "support/TestCertificates.h"

#include "store/Database.h"

#include <QFileInfo>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>
#include <unistd.h>

using namespace pd;
using namespace pd::test;

class TestServerTls : public QObject {
    Q_OBJECT

    TestCertificates m_certs;
    TestCertificates m_otherCa; // a CA that signed nothing of the server's
    QString m_database = QStringLiteral("tls_%1").arg(QCoreApplication::applicationPid());

    // The server presents `name`.pem: copied into its data folder, owned by the server's user.
    bool present(const char* name) {
        PgCluster& pg = PgCluster::shared();
        const QString data = pg.dataDirectory();
        const QFileInfo owner(data);
        for (const auto& [from, to] : {std::pair{QStringLiteral(".pem"), QStringLiteral("/server.crt")},
                                       std::pair{QStringLiteral(".key"), QStringLiteral("/server.key")}}) {
            const QString target = data + to;
            QFile::remove(target);
            if (!QFile::copy(m_certs.path(name) + from, target))
                return false;
            if (::chmod(QFile::encodeName(target).constData(), 0600) != 0 ||
                (::geteuid() == 0 &&
                 ::chown(QFile::encodeName(target).constData(), owner.ownerId(), owner.groupId()) != 0))
                return false;
        }
        return pg.exec(QStringLiteral("ALTER SYSTEM SET ssl = on")) &&
               pg.exec(QStringLiteral("SELECT pg_reload_conf()"));
    }

    QString address(const QString& host, const QString& options) const {
        const PgCluster& pg = PgCluster::shared();
        QUrl url;
        url.setScheme(QStringLiteral("postgresql"));
        url.setHost(host);
        url.setPort(pg.port());
        url.setUserName(pg.adminUser());
        url.setPath(QLatin1Char('/') + m_database);
        url.setQuery(options);
        return url.toString(QUrl::FullyEncoded);
    }

    static bool encrypted(Database& db) {
        QSqlQuery q(db.connection());
        return q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
               q.next() && q.value(0).toBool();
    }

private slots:
    void initTestCase() {
        if (qEnvironmentVariable("PORTALDESK_TEST_DB") != QLatin1String("postgresql"))
            QSKIP("the central database's own test");
        QVERIFY(m_certs.ok && m_otherCa.ok);
        QVERIFY2(PgCluster::shared().ok(), qPrintable(PgCluster::shared().error()));
        QVERIFY(PgCluster::shared().createDatabase(m_database));
        QVERIFY(present("server"));
        qputenv("PGPASSWORD", PgCluster::shared().adminPassword().toUtf8());
    }

    void verifyFullWithTheServersCaConnectsEncrypted() {
        auto db = Database::open(
            address(QStringLiteral("127.0.0.1"),
                    QStringLiteral("sslmode=verify-full&sslrootcert=") + m_certs.path("ca.pem")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QVERIFY(encrypted(*db.value()));
    }

    void requireEncryptsWithoutCheckingTheCertificate() {
        auto db = Database::open(address(QStringLiteral("127.0.0.1"), QStringLiteral("sslmode=require")));
        QVERIFY(db.ok());
        QVERIFY(encrypted(*db.value()));
    }

    void aServerAnotherCaVouchesForIsRefused_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("verify-full") << "verify-full";
        QTest::newRow("verify-ca") << "verify-ca";
    }
    void aServerAnotherCaVouchesForIsRefused() {
        QFETCH(QString, mode);
        auto db = Database::open(address(QStringLiteral("127.0.0.1"), QStringLiteral("sslmode=") + mode +
                                                                          QStringLiteral("&sslrootcert=") +
                                                                          m_otherCa.path("ca.pem")));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Unavailable);
        QVERIFY2(db.error().message.contains(QStringLiteral("certificate")), qPrintable(db.error().message));
    }

    void aCertificateForAnotherNameFailsOnlyVerifyFull() {
        QVERIFY(present("wrong"));
        const QString ca = QStringLiteral("&sslrootcert=") + m_certs.path("ca.pem");
        auto full =
            Database::open(address(QStringLiteral("127.0.0.1"), QStringLiteral("sslmode=verify-full") + ca));
        QVERIFY(!full.ok());
        QVERIFY2(full.error().message.contains(QStringLiteral("does not match host name")),
                 qPrintable(full.error().message));
        auto caOnly =
            Database::open(address(QStringLiteral("127.0.0.1"), QStringLiteral("sslmode=verify-ca") + ca));
        QVERIFY(caOnly.ok());
        QVERIFY(present("server"));
    }

    void aMissingCaFileIsSaidBeforeConnecting() {
        auto db =
            Database::open(address(QStringLiteral("127.0.0.1"),
                                   QStringLiteral("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem")));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Validation);
        QVERIFY(db.error().message.contains(QStringLiteral("/nonexistent/ca.pem")));
    }

    void verifyFullWithoutACaFileIsRefused() {
        auto db = Database::open(address(QStringLiteral("127.0.0.1"), QStringLiteral("sslmode=verify-full")));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Validation);
        QVERIFY(db.error().message.contains(QStringLiteral("sslrootcert")));
    }

    void cleanupTestCase() {
        qunsetenv("PGPASSWORD");
        PgCluster::shared().dropDatabase(m_database);
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "TestServerTls.moc"
