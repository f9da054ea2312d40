// A real SMTP server for the tests: Debian's aiosmtpd on a free loopback port, in any of the ways real
// servers behave (TLS, AUTH, busy, refusing, dropping the line), and a test CA with certificates for it.
#pragma once

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace pd::test {

inline quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A CA, a certificate for localhost/127.0.0.1 signed by it, and one for another name.
struct TestCertificates {
    QTemporaryDir dir;
    bool ok = false;

    QString path(const char* name) const { return dir.filePath(QLatin1String(name)); }

    TestCertificates() {
        const auto run = [this](const QStringList& args) {
            QProcess p;
            p.setWorkingDirectory(dir.path());
            p.start(QStringLiteral("openssl"), args);
            return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        };
        const auto san = [this](const char* file, const char* names) {
            QFile f(path(file));
            if (f.open(QIODevice::WriteOnly))
                f.write(QByteArray("subjectAltName=") + names + "\nbasicConstraints=CA:FALSE\n");
        };
        san("server.ext", "DNS:localhost,IP:127.0.0.1");
        san("wrong.ext", "DNS:other.example.org");
        ok = run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                  QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=PortalDesk Test CA"),
                  QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                  QStringLiteral("ca.pem")});
        for (const char* name : {"server", "wrong"}) {
            const QString n = QLatin1String(name);
            ok = ok &&
                 run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                      QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=") + n,
                      QStringLiteral("-keyout"), n + QStringLiteral(".key"), QStringLiteral("-out"),
                      n + QStringLiteral(".csr")}) &&
                 run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                      n + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                      QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                      QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                      n + QStringLiteral(".ext"), QStringLiteral("-out"), n + QStringLiteral(".pem")});
        }
    }
};

class SmtpServer {
public:
    QTemporaryDir out;
    quint16 port = 0;

    // `args`: --tls starttls|implicit (with --cert/--key), --auth user:pass, --rcpt-reply "451 …",
    // --rcpt-fail-times N, --drop-data-once. The port is chosen here unless `fixedPort` is given.
    bool start(const QStringList& args, quint16 fixedPort = 0) {
        port = fixedPort ? fixedPort : freePort();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(PD_PYTHON),
                        QStringList{QStringLiteral(PD_SMTP_SERVER), QStringLiteral("--port"),
                                    QString::number(port), QStringLiteral("--out"), out.path()} +
                            args);
        if (!m_process.waitForStarted(10000))
            return false;
        while (m_process.waitForReadyRead(15000)) {
            if (m_process.readAll().contains("READY"))
                return true;
        }
        return false;
    }

    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    ~SmtpServer() { stop(); }

    QStringList delivered() const {
        return QDir(out.path()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    }
    QString file(const QString& name) const { return out.filePath(name); }

    // The message as Python's strict parser reads it (email.policy.default).
    static QJsonObject parse(const QString& path) {
        QProcess p;
        p.start(QStringLiteral(PD_PYTHON), {QStringLiteral(PD_CHECK_MESSAGE), path});
        p.waitForFinished(30000);
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

private:
    QProcess m_process;
};

} // namespace pd::test
