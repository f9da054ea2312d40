// A throw-away PostgreSQL cluster for tests that need a real server.
//
// PgCluster::shared() starts one cluster per test process on first use: initdb into a fresh
// directory under /tmp, then pg_ctl on a free 127.0.0.1 port (the unix socket lives in the same
// directory). Binaries come from Debian's postgresql package (/usr/lib/postgresql/<ver>/bin, the
// highest version present; PORTALDESK_PG_BINDIR overrides). The superuser is pd_admin with a random
// password; every login, local or TCP, needs a SCRAM password. fsync and full-page writes are off
// for speed (committed data survives a server crash or stop(true), not a machine crash), and the
// time zone, encoding and locale are pinned (UTC, UTF8, C.UTF-8) so results do not depend on the
// machine.
//
// PostgreSQL refuses to run as root, so when the test process is root (as in CI) initdb, pg_ctl
// and the server run as the "postgres" system user (or "nobody"), which owns the directory.
//
// Clean-up: at normal exit the static instance shuts the server down and removes the directory.
// A detached watchdog shell also polls the test process once a second; if the process dies
// without cleaning up (abort, qFatal, SIGKILL from a CTest timeout) it stops the server with
// "pg_ctl stop -m immediate" and removes the directory.
//
// Failures are reported, not fatal: check ok() and error(), e.g.
//     QVERIFY2(PgCluster::shared().ok(), qPrintable(PgCluster::shared().error()));
//
// exec(), scalar() and the other SQL helpers open a short-lived QPSQL connection from the calling
// thread; use them from the test's main thread. POSIX only.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUrl>
#include <QVariant>
#include <QVersionNumber>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace pd::test {

class PgCluster {
public:
    // The process-wide cluster, started on first call. Check ok() before using it.
    static PgCluster& shared() {
        static PgCluster cluster;
        return cluster;
    }

    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // True while the cluster is initialised and the server is running.
    bool ok() const { return m_initialised && m_running; }
    // The most recent failure (start, stop, SQL helper); empty if none happened yet.
    QString error() const { return m_error; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString adminUser() const { return QStringLiteral("pd_admin"); }
    QString adminPassword() const { return m_password; }
    // The cluster's temporary directory (data directory, socket and server log live in it).
    QString directory() const { return m_root; }
    QString dataDirectory() const { return m_root + QStringLiteral("/data"); }
    QString logFile() const { return m_root + QStringLiteral("/postgres.log"); }
    QString binDirectory() const { return m_binDir; }
    // How long the first start (initdb + server start) took, in milliseconds.
    qint64 startMilliseconds() const { return m_startMs; }

    // postgresql://user:password@127.0.0.1:PORT/database?sslmode=disable (the cluster has no TLS, and an
    // address without sslmode asks for verify-full); user and password default to the admin's.
    QString url(const QString& database, const QString& user = {}, const QString& password = {}) const {
        const QString u = user.isEmpty() ? adminUser() : user;
        const QString p = user.isEmpty() && password.isEmpty() ? m_password : password;
        QString out = QStringLiteral("postgresql://") + QString::fromLatin1(QUrl::toPercentEncoding(u));
        if (!p.isEmpty())
            out += QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(p));
        out += QLatin1Char('@') + host() + QLatin1Char(':') + QString::number(m_port) + QLatin1Char('/') +
               QString::fromLatin1(QUrl::toPercentEncoding(database)) + QStringLiteral("?sslmode=disable");
        return out;
    }

    // Adds (does not open) a QPSQL connection to this cluster; the caller opens it and later calls
    // QSqlDatabase::removeDatabase(connectionName). User and password default to the admin's.
    QSqlDatabase addConnection(const QString& connectionName, const QString& database,
                               const QString& user = {}, const QString& password = {}) const {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(host());
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(user.isEmpty() ? adminUser() : user);
        db.setPassword(user.isEmpty() && password.isEmpty() ? m_password : password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;sslmode=disable;application_name=pd_tests"));
        return db;
    }

    // Runs SQL (one or more statements) as the admin in the given database.
    bool exec(const QString& sql, const QString& database = QStringLiteral("postgres")) {
        return withAdmin(database, [&](QSqlDatabase& db) {
            QSqlQuery q(db);
            if (q.exec(sql))
                return true;
            return fail(
                QStringLiteral("SQL failed in database %1: %2\n%3").arg(database, q.lastError().text(), sql));
        });
    }

    // The first column of the first row of a query run as the admin; an invalid QVariant on failure.
    QVariant scalar(const QString& sql, const QString& database = QStringLiteral("postgres")) {
        QVariant value;
        withAdmin(database, [&](QSqlDatabase& db) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                return fail(QStringLiteral("SQL failed in database %1: %2\n%3")
                                .arg(database, q.lastError().text(), sql));
            if (!q.next())
                return fail(QStringLiteral("query returned no row: %1").arg(sql));
            value = q.value(0);
            return true;
        });
        return value;
    }

    // CREATE DATABASE, optionally as a copy of templateName (which must have no open connections;
    // the server waits a few seconds for them to go away).
    bool createDatabase(const QString& name, const QString& templateName = {}) {
        QString sql = QStringLiteral("CREATE DATABASE ") + quoteIdentifier(name);
        if (!templateName.isEmpty())
            sql += QStringLiteral(" TEMPLATE ") + quoteIdentifier(templateName);
        return exec(sql);
    }

    // Terminates the database's sessions, then drops it (no error if it does not exist).
    bool dropDatabase(const QString& name) {
        if (!exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = %1 AND pid <> pg_backend_pid()")
                      .arg(quoteLiteral(name))))
            return false;
        return exec(QStringLiteral("DROP DATABASE IF EXISTS ") + quoteIdentifier(name) +
                    QStringLiteral(" WITH (FORCE)"));
    }

    // A login role with a password (SCRAM-hashed by the server).
    bool createRole(const QString& name, const QString& password) {
        return exec(QStringLiteral("CREATE ROLE ") + quoteIdentifier(name) +
                    QStringLiteral(" LOGIN PASSWORD ") + quoteLiteral(password));
    }

    // Stops the server (fast shutdown, or immediate: no checkpoint, crash recovery on next start).
    bool stop(bool immediate = false) {
        if (!m_initialised)
            return fail(QStringLiteral("the PostgreSQL test cluster was never initialised: %1").arg(m_error));
        QString out;
        if (!runTool(QStringLiteral("pg_ctl"),
                     {QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
                      immediate ? QStringLiteral("immediate") : QStringLiteral("fast"), QStringLiteral("-w"),
                      QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s")},
                     90000, &out)) {
            // Already stopped counts as stopped.
            if (!QFile::exists(dataDirectory() + QStringLiteral("/postmaster.pid"))) {
                m_running = false;
                return true;
            }
            return fail(QStringLiteral("pg_ctl stop failed: %1").arg(out.trimmed()));
        }
        m_running = false;
        return true;
    }

    // Starts the server again on the same data directory and port.
    bool start() {
        if (!m_initialised)
            return fail(QStringLiteral("the PostgreSQL test cluster was never initialised: %1").arg(m_error));
        if (m_running && QFile::exists(dataDirectory() + QStringLiteral("/postmaster.pid")))
            return true;
        m_running = false;
        return startServer(false);
    }

    bool restart(bool immediate = false) { return stop(immediate) && start(); }

    static QString quoteIdentifier(const QString& name) {
        QString q = name;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }

    static QString quoteLiteral(const QString& value) {
        QString q = value;
        q.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + q + QLatin1Char('\'');
    }

private:
    PgCluster() {
        QElapsedTimer timer;
        timer.start();
        m_initialised = setUp();
        if (m_initialised)
            m_running = startServer(true);
        m_startMs = timer.elapsed();
    }

    ~PgCluster() { tearDown(); }

    bool fail(const QString& message) {
        m_error = message;
        return false;
    }

    // ---- set-up -------------------------------------------------------------------------------

    bool setUp() {
        if (!findBinaries())
            return false;
        if (!chooseUser())
            return false;

        QByteArray pattern("/tmp/pd-pgtest-XXXXXX");
        if (!::mkdtemp(pattern.data()))
            return fail(QStringLiteral("cannot create a temporary directory under /tmp: %1")
                            .arg(QString::fromLocal8Bit(std::strerror(errno))));
        m_root = QString::fromLocal8Bit(pattern);
        if (!giveToServerUser(m_root, 0700))
            return false;

        // From here on the directory exists: make sure it goes away even if this process dies.
        startWatchdog();

        m_env = QProcessEnvironment::systemEnvironment();
        for (const QString& key : m_env.keys()) {
            if (key.startsWith(QStringLiteral("PG")) || key.startsWith(QStringLiteral("LC_")))
                m_env.remove(key);
        }
        m_env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        m_env.insert(QStringLiteral("HOME"), m_root);

        m_password = randomPassword();
        const QString pwfile = m_root + QStringLiteral("/pwfile");
        if (!writeFile(pwfile, m_password.toUtf8() + '\n', 0600))
            return false;

        QStringList initdbArgs{QStringLiteral("-D"),
                               dataDirectory(),
                               QStringLiteral("-U"),
                               adminUser(),
                               QStringLiteral("--pwfile=") + pwfile,
                               QStringLiteral("--auth=scram-sha-256"),
                               QStringLiteral("--encoding=UTF8"),
                               QStringLiteral("--locale=C.UTF-8"),
                               QStringLiteral("--no-sync"),
                               QStringLiteral("--no-instructions")};
        QString out;
        bool initialised = runTool(QStringLiteral("initdb"), initdbArgs, 120000, &out);
        if (!initialised && out.contains(QStringLiteral("locale"), Qt::CaseInsensitive)) {
            // No C.UTF-8 locale on this system: the plain C locale is just as machine-independent.
            QDir(dataDirectory()).removeRecursively();
            initdbArgs.replace(initdbArgs.indexOf(QStringLiteral("--locale=C.UTF-8")),
                               QStringLiteral("--no-locale"));
            initialised = runTool(QStringLiteral("initdb"), initdbArgs, 120000, &out);
        }
        QFile::remove(pwfile);
        if (!initialised)
            return fail(QStringLiteral("initdb failed: %1").arg(out.trimmed()));

        const QString hba = QStringLiteral(
            "# Written by the test harness: passwords (SCRAM) only, loopback TCP and the private socket.\n"
            "local all all scram-sha-256\n"
            "host all all 127.0.0.1/32 scram-sha-256\n");
        if (!writeFile(dataDirectory() + QStringLiteral("/pg_hba.conf"), hba.toUtf8(), 0600))
            return false;

        // Tests start many clusters and keep the server's memory small; the benchmarks give it what a
        // hospital's database server has (PORTALDESK_PG_SHARED_BUFFERS, e.g. 1GB).
        static const QRegularExpression size(QStringLiteral("^[1-9][0-9]{0,5}(kB|MB|GB)$"));
        QString buffers = qEnvironmentVariable("PORTALDESK_PG_SHARED_BUFFERS");
        if (!size.match(buffers).hasMatch())
            buffers = QStringLiteral("16MB");
        const QString conf =
            QStringLiteral("\n# Test harness settings\n"
                           "listen_addresses = '127.0.0.1'\n"
                           "unix_socket_directories = '%1'\n"
                           "max_connections = 100\n"
                           "shared_buffers = %2\n"
                           "huge_pages = off\n"
                           "fsync = off\n"
                           // synchronous_commit stays on: with fsync off a commit costs one
                           // write(), and committed rows survive stop(true), as in production.
                           "full_page_writes = off\n"
                           "password_encryption = 'scram-sha-256'\n"
                           "ssl = off\n"
                           "timezone = 'UTC'\n"
                           "log_timezone = 'UTC'\n"
                           "datestyle = 'iso, ymd'\n"
                           "lc_messages = 'C'\n"
                           "logging_collector = off\n"
                           "log_line_prefix = '%m [%p] %q%u@%d '\n")
                .arg(m_root, buffers);
        QFile confFile(dataDirectory() + QStringLiteral("/postgresql.conf"));
        if (!confFile.open(QIODevice::Append | QIODevice::Text) || confFile.write(conf.toUtf8()) < 0)
            return fail(
                QStringLiteral("cannot write %1: %2").arg(confFile.fileName(), confFile.errorString()));
        confFile.close();
        return true;
    }

    bool findBinaries() {
        const QString override_ = qEnvironmentVariable("PORTALDESK_PG_BINDIR");
        if (!override_.isEmpty()) {
            if (!QFileInfo(override_ + QStringLiteral("/initdb")).isExecutable())
                return fail(QStringLiteral("PORTALDESK_PG_BINDIR=%1 has no initdb").arg(override_));
            m_binDir = override_;
            return true;
        }
        QVersionNumber best;
        const QDir base(QStringLiteral("/usr/lib/postgresql"));
        for (const QString& entry : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QVersionNumber v = QVersionNumber::fromString(entry);
            const QString bin = base.filePath(entry) + QStringLiteral("/bin");
            if (v.isNull() || !QFileInfo(bin + QStringLiteral("/initdb")).isExecutable() ||
                !QFileInfo(bin + QStringLiteral("/pg_ctl")).isExecutable())
                continue;
            if (best.isNull() || v > best) {
                best = v;
                m_binDir = bin;
            }
        }
        if (m_binDir.isEmpty())
            return fail(QStringLiteral(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin; "
                "install them with: apt-get install postgresql"));
        return true;
    }

    // As root, the server runs as "postgres" (or "nobody"); otherwise as the current user.
    bool chooseUser() {
        if (::geteuid() != 0)
            return true;
        const passwd* pw = ::getpwnam("postgres");
        if (!pw)
            pw = ::getpwnam("nobody");
        if (!pw)
            return fail(QStringLiteral("running as root, but neither a 'postgres' nor a 'nobody' user exists "
                                       "to run the PostgreSQL server"));
        m_uid = pw->pw_uid;
        m_gid = pw->pw_gid;
        m_switchUser = true;
        if (QFileInfo(QStringLiteral("/usr/bin/setpriv")).isExecutable()) {
            m_prefix = {QStringLiteral("/usr/bin/setpriv"), QStringLiteral("--reuid=%1").arg(m_uid),
                        QStringLiteral("--regid=%1").arg(m_gid), QStringLiteral("--clear-groups"),
                        QStringLiteral("--")};
        } else {
            const QString runuser = QFileInfo(QStringLiteral("/usr/sbin/runuser")).isExecutable()
                                        ? QStringLiteral("/usr/sbin/runuser")
                                        : QStringLiteral("/sbin/runuser");
            m_prefix = {runuser, QStringLiteral("-u"), QString::fromLocal8Bit(pw->pw_name),
                        QStringLiteral("--")};
        }
        return true;
    }

    bool giveToServerUser(const QString& path, mode_t mode) {
        const QByteArray p = QFile::encodeName(path);
        if (m_switchUser && ::chown(p.constData(), m_uid, m_gid) != 0)
            return fail(QStringLiteral("cannot hand %1 to uid %2: %3")
                            .arg(path)
                            .arg(m_uid)
                            .arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (::chmod(p.constData(), mode) != 0)
            return fail(QStringLiteral("cannot chmod %1: %2")
                            .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        return true;
    }

    bool writeFile(const QString& path, const QByteArray& contents, mode_t mode) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(contents) != contents.size())
            return fail(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
        f.close();
        return giveToServerUser(path, mode);
    }

    static QString randomPassword() {
        static const QString alphabet =
            QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        QString out;
        for (int i = 0; i < 32; ++i)
            out += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
        return out;
    }

    // A port in 20000-32767 (below Linux's ephemeral range) that nothing is bound to right now.
    static int freePort() {
        for (int attempt = 0; attempt < 100; ++attempt) {
            const int candidate = attempt < 99 ? 20000 + QRandomGenerator::system()->bounded(12768) : 0;
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0)
                return 0;
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(quint16(candidate));
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            int found = 0;
            if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
                socklen_t len = sizeof addr;
                if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
                    found = ntohs(addr.sin_port);
            }
            ::close(fd);
            if (found > 0)
                return found;
        }
        return 0;
    }

    bool startServer(bool choosePort) {
        for (int attempt = 0; attempt < 5; ++attempt) {
            if (choosePort || m_port == 0) {
                m_port = freePort();
                if (m_port == 0)
                    return fail(QStringLiteral("no free TCP port on 127.0.0.1"));
            }
            QString out;
            if (runTool(QStringLiteral("pg_ctl"),
                        {QStringLiteral("start"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-l"),
                         logFile(), QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                         QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                         QStringLiteral("-s")},
                        90000, &out)) {
                m_running = true;
                return true;
            }
            const QString log = logTail();
            // Someone took the port between the probe and the bind: try another one on first start.
            if (choosePort && (log.contains(QStringLiteral("could not bind")) ||
                               log.contains(QStringLiteral("could not create any TCP/IP sockets"))))
                continue;
            return fail(
                QStringLiteral("pg_ctl start failed: %1\n--- %2 ---\n%3").arg(out.trimmed(), logFile(), log));
        }
        return fail(
            QStringLiteral("pg_ctl start failed: no usable port after 5 attempts\n%1").arg(logTail()));
    }

    QString logTail() const {
        QFile f(logFile());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        return lines.mid(qMax(qsizetype(0), lines.size() - 30)).join(QLatin1Char('\n'));
    }

    // Runs a PostgreSQL tool from the bin directory as the server user; output (both channels) in *out.
    bool runTool(const QString& tool, const QStringList& args, int timeoutMs, QString* out) {
        QStringList command = m_prefix;
        command << m_binDir + QLatin1Char('/') + tool;
        command << args;
        const QString program = command.takeFirst();
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.setWorkingDirectory(m_root);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(program, command);
        if (!p.waitForStarted(30000)) {
            *out = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
            return false;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            *out = QStringLiteral("%1 timed out after %2 ms: %3")
                       .arg(tool)
                       .arg(timeoutMs)
                       .arg(QString::fromLocal8Bit(p.readAll()));
            return false;
        }
        *out = QString::fromLocal8Bit(p.readAll());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    static QString shellQuote(const QString& s) {
        QString q = s;
        q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        return QLatin1Char('\'') + q + QLatin1Char('\'');
    }

    // A detached shell (own session, so a CTest kill of this process group spares it) that waits
    // for this process to disappear and then removes whatever it left behind. It exits early once
    // the directory is gone, i.e. after a normal clean-up.
    void startWatchdog() {
        QStringList prefix;
        for (const QString& part : m_prefix)
            prefix << shellQuote(part);
        const QString script =
            QStringLiteral("trap '' HUP INT TERM\n"
                           "P=%1\n"
                           "D=%2\n"
                           "while [ -d \"$D\" ] && kill -0 \"$P\" 2>/dev/null && "
                           "! grep -qs '^State:[[:space:]]*Z' /proc/\"$P\"/status; do sleep 1; done\n"
                           "[ -d \"$D\" ] || exit 0\n"
                           "if [ -f \"$D/data/postmaster.pid\" ]; then\n"
                           "  %3 %4 stop -D \"$D/data\" -m immediate -w -t 20 >/dev/null 2>&1 || "
                           "kill -KILL \"$(head -n 1 \"$D/data/postmaster.pid\")\" 2>/dev/null\n"
                           "fi\n"
                           "rm -rf \"$D\"\n")
                .arg(QString::number(::getpid()), shellQuote(m_root), prefix.join(QLatin1Char(' ')),
                     shellQuote(m_binDir + QStringLiteral("/pg_ctl")));
        QProcess watchdog;
        watchdog.setProgram(QStringLiteral("/bin/sh"));
        watchdog.setArguments({QStringLiteral("-c"), script});
        watchdog.setWorkingDirectory(QStringLiteral("/"));
        watchdog.setStandardInputFile(QProcess::nullDevice());
        watchdog.setStandardOutputFile(QProcess::nullDevice());
        watchdog.setStandardErrorFile(QProcess::nullDevice());
        if (!watchdog.startDetached())
            qWarning(
                "PgCluster: cannot start the clean-up watchdog; %s may be left behind if the test crashes",
                qPrintable(m_root));
    }

    // ---- tear-down (runs during static destruction, so no QProcess: plain signals) -------------

    void tearDown() {
        if (m_root.isEmpty())
            return;
        const QString pidFile = dataDirectory() + QStringLiteral("/postmaster.pid");
        QFile f(pidFile);
        if (f.open(QIODevice::ReadOnly)) {
            const pid_t pid = pid_t(f.readLine().trimmed().toLong());
            f.close();
            if (pid > 0 && ::kill(pid, SIGQUIT) == 0) {
                // Immediate shutdown: the postmaster removes its pid file once its children are gone.
                QElapsedTimer t;
                t.start();
                while (QFile::exists(pidFile) && ::kill(pid, 0) == 0 && t.elapsed() < 10000)
                    QThread::msleep(10);
                if (QFile::exists(pidFile) && ::kill(pid, 0) == 0)
                    ::kill(pid, SIGKILL);
            }
        }
        QDir(m_root).removeRecursively();
    }

    // ---- SQL helpers --------------------------------------------------------------------------

    template <typename Fn> bool withAdmin(const QString& database, Fn&& fn) {
        if (!ok())
            return fail(QStringLiteral("the PostgreSQL test cluster is not running: %1").arg(m_error));
        static std::atomic<int> counter{0};
        const QString name = QStringLiteral("pd_pgcluster_%1").arg(counter.fetch_add(1));
        bool done = false;
        {
            QSqlDatabase db = addConnection(name, database);
            // The helpers' own NOTICEs ("does not exist, skipping") are noise in test output.
            db.setConnectOptions(db.connectOptions() +
                                 QStringLiteral(";options='-c client_min_messages=warning'"));
            if (!db.isValid())
                done = fail(QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not available; "
                                           "install it with: apt-get install libqt6sql6-psql"));
            else if (!db.open())
                done = fail(QStringLiteral("cannot connect to %1 as %2: %3")
                                .arg(database, adminUser(), db.lastError().text()));
            else
                done = fn(db);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return done;
    }

    QString m_binDir;
    QString m_root;
    QString m_password;
    QString m_error;
    QStringList m_prefix; // runs a command as the server user (empty when not root)
    QProcessEnvironment m_env;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_switchUser = false;
    bool m_initialised = false;
    bool m_running = false;
    int m_port = 0;
    qint64 m_startMs = 0;
};

} // namespace pd::test
