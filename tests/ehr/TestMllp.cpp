// `portaldesk-cli feed listen` driven by python3-hl7's MLLP client, a sender this project didn't write,
// playing the interface engine: good, refused, resent and unreadable messages, 10,000 in a row, the
// database restarted mid-feed with nothing lost or applied twice, strangers turned away, TLS with client
// certificates, and a clean stop on SIGTERM.
#include "support/TestCertificates.h"
#include "support/TestSupport.h"

#include "store/Database.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;
using namespace pd::test;

namespace {

QByteArray adt(const QByteArray& trigger, const QByteArray& id, const QByteArray& pid) {
    return "MSH|^~\\&|EPIC|CHLA|PORTALDESK|CHLA|20261124080000||ADT^" + trigger + "|" + id +
           "|P|2.5.1|||||||UNICODE UTF-8\rEVN|" + trigger + "|20261124080000\r" + pid + "\r";
}

QByteArray registration(int n) {
    const QByteArray mrn = QByteArray::number(500000 + n);
    return adt("A04", "R" + QByteArray::number(n),
               "PID|1||" + mrn + "^^^CHLA^MR||Paciente" + QByteArray::number(n) + "^Ana||20150312|F");
}

// Where the listener's data goes: an embedded file, or a database of the test cluster.
struct Site {
    QTemporaryDir dir;
    QString location;
    QString staff;

    Site() {
        if (onPostgres()) {
            location = freshLocation(dir);
            staff = PgCluster::shared().adminUser();
            cli({QStringLiteral("init"), QStringLiteral("--training")}); // its clock is pinned
        } else {
            location = dir.filePath(QStringLiteral("feed.sqlite"));
            staff = QStringLiteral("maria");
            cli({QStringLiteral("init")}, QStringLiteral("admin"));
            cli({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("maria"),
                 QStringLiteral("--role"), QStringLiteral("him_specialist")},
                QStringLiteral("admin"));
        }
    }
    ~Site() { dropLocation(location); }

    QStringList base(const QString& as = {}) const {
        return {QStringLiteral("--db"),    location,
                QStringLiteral("--staff"), as.isEmpty() ? staff : as,
                QStringLiteral("--now"),   QStringLiteral("2026-11-24T09:00:00")};
    }
    QString cli(const QStringList& args, const QString& as = {}) const {
        QProcess p;
        p.start(QStringLiteral(PORTALDESK_CLI), base(as) + args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            qFatal("portaldesk-cli %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
                   p.readAllStandardError().constData());
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    qint64 count(const QString& sql) const {
        auto db = Database::open(location);
        if (!db)
            qFatal("cannot open %s", qPrintable(location));
        Query q(**db, sql);
        if (!q.exec() || !q.next())
            qFatal("count failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }
};

// The listener writes a line per message: into files, so that a long feed never fills a pipe no one reads.
class Listener {
public:
    Listener(const Site& site, const QStringList& options) {
        m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("out.log")));
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("err.log")));
        m_process.start(QStringLiteral(PORTALDESK_CLI),
                        site.base() +
                            QStringList{QStringLiteral("feed"), QStringLiteral("listen"),
                                        QStringLiteral("--port"), QStringLiteral("0")} +
                            options);
        static const QRegularExpression listening(QStringLiteral("on [0-9.]+:([0-9]+)"));
        for (int i = 0; i < 300 && m_port == 0; ++i) {
            if (m_process.waitForFinished(100))
                break;
            if (const auto m = listening.match(out()); m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
        }
        if (m_port == 0)
            qFatal("the listener did not start: %s %s", qPrintable(out()), qPrintable(err()));
    }
    ~Listener() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    quint16 port() const { return m_port; }
    // SIGTERM, as systemd stops it: the exit code.
    int stop() {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString out() const { return read(QStringLiteral("out.log")); }
    QString err() const { return read(QStringLiteral("err.log")); }

private:
    QString read(const QString& name) const {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

struct Sent {
    QStringList acks; // "AA M1", "AE M2", "NOACK"
    QString err;
};

QString python() {
    // Debian's own interpreter, where python3-hl7 is installed (not a virtualenv's).
    const QString system =
        QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
    return system.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("python3")) : system;
}

Sent send(quint16 port, const QByteArray& messages, const QStringList& extra = {}, int timeoutMs = 600000) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("messages.hl7"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(messages) != messages.size())
        qFatal("cannot write the messages");
    f.close();
    QProcess p;
    p.start(python(), QStringList{QStringLiteral(PORTALDESK_MLLP_ENGINE), QStringLiteral("--port"),
                                  QString::number(port), QStringLiteral("--file"), file} +
                          extra);
    if (!p.waitForFinished(timeoutMs))
        qFatal("the sender did not finish");
    Sent s;
    s.acks = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    s.err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitCode() != 0)
        qFatal("the sender failed: %s", qPrintable(s.err));
    return s;
}

} // namespace

class TestMllp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QProcess probe;
        probe.start(python(), {QStringLiteral("-c"), QStringLiteral("import hl7.client")});
        QVERIFY2(probe.waitForFinished(30000) && probe.exitCode() == 0,
                 "python3-hl7 is missing: packaging/install-deps.sh installs it");
    }

    void eachMessageIsAcknowledgedAsItFared() {
        Site site;
        Listener listener(site, {});
        const QByteArray good =
            adt("A04", "M1", "PID|1||100200^^^CHLA^MR||Hernández-López^Sofía||20150312|F");
        const QByteArray badDate = adt("A08", "M2", "PID|1||100200^^^CHLA^MR||||20301312");
        const QByteArray unreadable = "MSH|^~\\&|EPIC|CHLA|||20261124||ADT^A08|X9|P|2.5\rpid|broken\r";
        const QByteArray ignored = adt("A03", "M3", "PID|1||100200^^^CHLA^MR");
        const Sent sent = send(listener.port(), good + badDate + good + unreadable + ignored);
        QCOMPARE(sent.acks,
                 (QStringList{QStringLiteral("AA M1"), QStringLiteral("AE M2"), QStringLiteral("AA M1"),
                              QStringLiteral("AE X9"), QStringLiteral("AA M3")}));
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM patients")), 1);
        QCOMPARE(
            site.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.added'")),
            1);
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM feed_messages WHERE status = 'refused'")),
                 2);
        QCOMPARE(listener.stop(), 0);
        QVERIFY2(listener.out().contains(QStringLiteral("AE  M2  PID-7")), qPrintable(listener.out()));
        QVERIFY(listener.out().contains(QStringLiteral("Stopped. Acknowledged 3 (AA), refused 2 (AE)")));
    }

    void tenThousandInARow() {
        Site site;
        Listener listener(site, {});
        QByteArray messages;
        for (int i = 0; i < 10000; ++i)
            messages += registration(i);
        const Sent sent = send(listener.port(), messages);
        QCOMPARE(sent.acks.size(), 10000);
        QCOMPARE(sent.acks.count(QStringLiteral("NOACK")), 0);
        QVERIFY(std::all_of(sent.acks.cbegin(), sent.acks.cend(),
                            [](const QString& a) { return a.startsWith(QLatin1String("AA R")); }));
        qInfo("%s", qPrintable(sent.err.trimmed()));
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM patients")), 10000);
        QCOMPARE(listener.stop(), 0);
    }

    void theDatabaseRestartsMidFeed() {
        if (!onPostgres())
            QSKIP("the central database's own test");
        Site site;
        Listener listener(site, {});
        QByteArray messages;
        for (int i = 0; i < 1500; ++i)
            messages += registration(i);
        // The server restarts while the engine sends (once 300 are in); the listener answers AR meanwhile and
        // the engine sends those again.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("messages.hl7"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(messages);
        f.close();
        QProcess engine;
        engine.start(python(), {QStringLiteral(PORTALDESK_MLLP_ENGINE), QStringLiteral("--port"),
                                QString::number(listener.port()), QStringLiteral("--file"), file});
        QVERIFY(engine.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(site.count(QStringLiteral("SELECT count(*) FROM patients")) >= 300, 60000);
        // Down for a moment while messages keep coming (a restart alone can fall between two messages).
        QVERIFY(PgCluster::shared().stop(true));
        QTest::qWait(500);
        QVERIFY(PgCluster::shared().start());
        QVERIFY(engine.waitForFinished(300000));
        Sent sent;
        sent.acks =
            QString::fromUtf8(engine.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        sent.err = QString::fromUtf8(engine.readAllStandardError());
        QCOMPARE(sent.acks.size(), 1500);
        QCOMPARE(sent.acks.count(QStringLiteral("NOACK")), 0);
        QVERIFY2(sent.err.contains(QRegularExpression(QStringLiteral("[1-9][0-9]* sent again"))),
                 qPrintable(sent.err));
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM patients")), 1500);
        QCOMPARE(
            site.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.added'")),
            1500);
        QCOMPARE(listener.stop(), 0);
        QVERIFY(listener.out().contains(QStringLiteral("AR")));
    }

    void strangersAreTurnedAway() {
        Site site;
        Listener listener(site, {QStringLiteral("--allow"), QStringLiteral("10.0.0.0/8")});
        const Sent sent =
            send(listener.port(), registration(1), {QStringLiteral("--retries"), QStringLiteral("1")});
        QCOMPARE(sent.acks, QStringList{QStringLiteral("NOACK")});
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM patients")), 0);
        QCOMPARE(listener.stop(), 0);
        QVERIFY2(listener.err().contains(QStringLiteral("Refused a connection from 127.0.0.1")),
                 qPrintable(listener.err()));
    }

    void tlsNeedsAClientCertificate() {
        TestCertificates certs;
        QVERIFY(certs.ok);
        Site site;
        Listener listener(site, {QStringLiteral("--tls-cert"), certs.path("server.pem"),
                                 QStringLiteral("--tls-key"), certs.path("server.key"),
                                 QStringLiteral("--tls-client-ca"), certs.path("ca.pem")});
        // Without a certificate the handshake fails: nothing is read.
        const Sent without = send(
            listener.port(), registration(1),
            {QStringLiteral("--ca"), certs.path("ca.pem"), QStringLiteral("--retries"), QStringLiteral("1")});
        QCOMPARE(without.acks, QStringList{QStringLiteral("NOACK")});
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM patients")), 0);
        // With one the hospital's CA signed, the message is applied.
        const Sent with = send(listener.port(), registration(1),
                               {QStringLiteral("--ca"), certs.path("ca.pem"), QStringLiteral("--cert"),
                                certs.path("wrong.pem"), QStringLiteral("--key"), certs.path("wrong.key")});
        QCOMPARE(with.acks, QStringList{QStringLiteral("AA R1")});
        QCOMPARE(site.count(QStringLiteral("SELECT count(*) FROM patients")), 1);
        QCOMPARE(listener.stop(), 0);
    }

    void aSupportAgentCantRunTheListener() {
        if (onPostgres())
            QSKIP("staff accounts are the embedded database's here");
        Site site;
        site.cli({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("sam"),
                  QStringLiteral("--role"), QStringLiteral("support_agent")},
                 QStringLiteral("admin"));
        QProcess p;
        p.start(QStringLiteral(PORTALDESK_CLI),
                site.base(QStringLiteral("sam")) +
                    QStringList{QStringLiteral("feed"), QStringLiteral("listen"), QStringLiteral("--port"),
                                QStringLiteral("0")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 6);
    }
};

QTEST_GUILESS_MAIN(TestMllp)
#include "TestMllp.moc"
