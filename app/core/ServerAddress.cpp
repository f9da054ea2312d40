#include "core/ServerAddress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace pd {

QString defaultDatabaseFile() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(QStringLiteral("portaldesk.sqlite"));
}

bool isServerLocation(const QString& location) {
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

Result<ServerAddress> ServerAddress::parse(const QString& location) {
    const QUrl url(location, QUrl::StrictMode);
    const auto bad = [&](const QString& why) {
        return Error::validation(
            QStringLiteral("db.bad_url"),
            QCoreApplication::translate("Database", "The database address %1 can't be used: %2")
                .arg(redacted(location), why));
    };
    if (!url.isValid() || !isServerLocation(location))
        return bad(QCoreApplication::translate(
            "Database", "write it as postgresql://NAME@HOST:PORT/DATABASE?sslmode=verify-full"));
    ServerAddress a;
    a.host = url.host();
    a.port = url.port(5432);
    a.database = url.path().mid(1);
    a.user = url.userName();
    a.password = url.password();
    if (a.host.isEmpty())
        return bad(QCoreApplication::translate("Database", "the server's host name is missing."));
    if (a.database.isEmpty() || a.database.contains(QLatin1Char('/')))
        return bad(QCoreApplication::translate("Database", "the database name is missing."));
    if (a.port <= 0 || a.port > 65535)
        return bad(QCoreApplication::translate("Database", "the port is not a number from 1 to 65535."));
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                              QStringLiteral("prefer"),    QStringLiteral("require"),
                                              QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return bad(QCoreApplication::translate("Database", "sslmode must be one of %1.")
                               .arg(modes.join(QStringLiteral(", "))));
            a.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            if (!QFileInfo(value).isFile())
                return bad(
                    QCoreApplication::translate("Database", "the CA file %1 does not exist.").arg(value));
            a.sslRootCert = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            a.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || a.connectTimeoutSeconds < 1 || a.connectTimeoutSeconds > 300)
                return bad(QCoreApplication::translate("Database",
                                                       "connect_timeout must be from 1 to 300 seconds."));
        } else {
            return bad(QCoreApplication::translate("Database", "the option %1 is not known.").arg(key));
        }
    }
    if ((a.sslMode == QLatin1String("verify-full") || a.sslMode == QLatin1String("verify-ca")) &&
        a.sslRootCert.isEmpty())
        return bad(
            query.hasQueryItem(QStringLiteral("sslmode"))
                ? QCoreApplication::translate("Database",
                                              "%1 needs the server's CA certificate: add sslrootcert=FILE.")
                      .arg(a.sslMode)
                : QCoreApplication::translate(
                      "Database", "without sslmode the connection is encrypted and the server's "
                                  "certificate verified (verify-full), which needs its CA certificate: add "
                                  "sslrootcert=FILE (or sslmode=disable for a server on this machine)."));
    return a;
}

QString ServerAddress::redacted(const QString& location) {
    QUrl url(location);
    if (!url.isValid())
        return QStringLiteral("postgresql://…");
    url.setPassword(QString());
    return url.toString(QUrl::RemovePassword);
}

QString ServerAddress::describe() const {
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString ServerAddress::connectOptions() const {
    QStringList options;
    options << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + sslRootCert;
    options << QStringLiteral("connect_timeout=") + QString::number(connectTimeoutSeconds);
    options << QStringLiteral("application_name=PortalDesk");
    return options.join(QLatin1Char(';'));
}

} // namespace pd
