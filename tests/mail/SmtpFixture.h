// A real SMTP server for the tests: Debian's aiosmtpd on a free loopback port, in any of the ways real
// servers behave (TLS, AUTH, busy, refusing, dropping the line), and a test CA with certificates for it.
#pragma once

#include "support/TestCertificates.h"

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
