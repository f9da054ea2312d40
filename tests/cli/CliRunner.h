// Runs the real portaldesk-cli against a throw-away database, the way a scheduler or a script would.
#pragma once

#include "mail/MimeMessage.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace pd::test {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

class Cli {
public:
    Cli() {
        run({QStringLiteral("init")}, {}, QStringLiteral("admin"));
        run({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("maria"),
             QStringLiteral("--role"), QStringLiteral("him_specialist")},
            {}, QStringLiteral("admin"));
        run({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("sam"), QStringLiteral("--role"),
             QStringLiteral("support_agent")},
            {}, QStringLiteral("admin"));
    }

    // A new central database at `server` (an address for its owner, whose password is in `password`),
    // set up as a training one with the same staff, a mail service account, and a drop folder of the
    // test's own; `psql` answers sql().
    Cli(const QString& server, const QString& password, const QString& psql)
        : m_server(server)
        , m_psql(psql) {
        m_env.insert(QStringLiteral("PGPASSWORD"), password);
        const QByteArray secret = "a long test passphrase";
        run({QStringLiteral("init"), QStringLiteral("--training")}, {}, QString());
        for (const auto& [name, role] : {std::pair{"maria", "him_specialist"},
                                         std::pair{"sam", "support_agent"}, std::pair{"mailer", "mailer"}})
            run({QStringLiteral("staff"), QStringLiteral("add"), QString::fromLatin1(name),
                 QStringLiteral("--role"), QString::fromLatin1(role)},
                secret, QString());
        run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("mail.drop_folder"),
             mailFolder()},
            {}, QString());
    }

    bool onServer() const { return !m_server.isEmpty(); }
    QString dbPath() const { return onServer() ? m_server : m_dir.filePath(QStringLiteral("t.sqlite")); }
    QString mailFolder() const { return m_dir.filePath(QStringLiteral("mail")); }
    void setNow(const QString& now) { m_now = now; }
    void setEnv(const QString& name, const QString& value) { m_env.insert(name, value); }
    void clearEnv(const QString& name) { m_env.remove(name); }

    // Every run names the database, the clock and the staff member: nothing depends on the machine.
    CliResult run(const QStringList& args, const QByteArray& input = {},
                  const QString& staff = QStringLiteral("maria"), bool json = false) {
        return runKilledAfter(args, input, staff, -1, json);
    }

    // The same, killed with SIGKILL (no chance to clean up, as at a power cut) `killAfterMs` after it
    // starts; -1 lets it finish.
    CliResult runKilledAfter(const QStringList& args, const QByteArray& input, const QString& staff,
                             int killAfterMs, bool json = false) {
        QStringList all = {QStringLiteral("--db"), dbPath(), QStringLiteral("--now"), m_now};
        if (!staff.isEmpty()) // none: the central database's owner, as itself
            all += {QStringLiteral("--staff"), staff};
        if (json)
            all.append(QStringLiteral("--json"));
        all += args;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PORTALDESK_LANGUAGE"),
                   QStringLiteral("en")); // whatever the machine's locale
        for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PORTALDESK_CLI), all);
        if (!p.waitForStarted(10000))
            qFatal("portaldesk-cli did not start");
        p.write(input.isEmpty() ? QByteArray("\n") : input + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(killAfterMs >= 0 ? killAfterMs : 60000)) {
            if (killAfterMs < 0)
                qFatal("portaldesk-cli did not finish");
            p.kill();
            p.waitForFinished(10000);
            return {-1, QString(), QString()};
        }
        CliResult r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    CliResult json(const QStringList& args, const QByteArray& input = {},
                   const QString& staff = QStringLiteral("maria")) {
        return run(args, input, staff, true);
    }

    // A child's record and a parent's enrollment (PIN 482913 unless given); empty when both worked,
    // else what failed, for the test to show.
    QString enrollChild(const QString& mrn, const QString& given, const QString& family, const QString& birth,
                        const QString& parentGiven, const QString& email,
                        const QByteArray& pin = QByteArrayLiteral("482913")) {
        const CliResult added =
            run({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--mrn"), mrn,
                 QStringLiteral("--given"), given, QStringLiteral("--family"), family,
                 QStringLiteral("--birth-date"), birth, QStringLiteral("--language"), QStringLiteral("es")});
        if (added.exitCode != 0)
            return QStringLiteral("patient add: ") + added.err;
        const CliResult enrolled =
            run({QStringLiteral("enroll"), QStringLiteral("--mrn"), mrn, QStringLiteral("--form"),
                 QStringLiteral("parent"), QStringLiteral("--signed"), QStringLiteral("2026-11-20"),
                 QStringLiteral("--given"), parentGiven, QStringLiteral("--family"), family,
                 QStringLiteral("--email"), email},
                pin);
        return enrolled.exitCode == 0 ? QString() : QStringLiteral("enroll: ") + enrolled.err;
    }

    // Every activation token in the e-mails to `address` in the drop folder.
    QStringList tokensFor(const QString& address) const {
        QStringList tokens;
        QDir dir(mailFolder());
        const auto files = dir.entryInfoList({QStringLiteral("*.eml")}, QDir::Files);
        for (const QFileInfo& f : files) {
            QFile file(f.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(MimeMessage::decodeQuotedPrintable(file.readAll()));
            if (!text.contains(QStringLiteral("<") + address + QStringLiteral(">")))
                continue;
            static const QRegularExpression token(QStringLiteral("token=([A-Za-z0-9_-]{43})"));
            const auto m = token.match(text);
            if (m.hasMatch())
                tokens.append(m.captured(1));
        }
        return tokens;
    }

    // The one token for `address` not in `known`.
    QString newTokenFor(const QString& address, const QStringList& known = {}) const {
        QStringList fresh;
        for (const QString& t : tokensFor(address)) {
            if (!known.contains(t))
                fresh.append(t);
        }
        return fresh.size() == 1 ? fresh.first() : QString();
    }

    // Runs SQL with the sqlite3 shell, behind the application's back.
    QString sql(const QString& statement) const {
        QProcess p;
        if (onServer()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), m_env.value(QStringLiteral("PGPASSWORD")));
            p.setProcessEnvironment(env);
            p.start(m_psql,
                    {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                     QStringLiteral("-d"), dbPath(), QStringLiteral("-c"), statement});
            p.waitForFinished(30000);
            return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        }
        p.start(QStringLiteral("sqlite3"), {dbPath(), statement});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

private:
    QString m_server;
    QString m_psql;
    QTemporaryDir m_dir;
    QString m_now = QStringLiteral("2026-11-24T09:00:00");
    QHash<QString, QString> m_env;
};

} // namespace pd::test
