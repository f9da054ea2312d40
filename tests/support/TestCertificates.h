// Certificates made for one test run with the openssl command: a CA, a certificate for
// localhost/127.0.0.1 signed by it ("server"), and one for another name ("wrong"). Used by the mail and
// the central database tests.
#pragma once

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace pd::test {

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

} // namespace pd::test
