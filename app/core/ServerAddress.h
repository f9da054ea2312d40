// Where a database is: the embedded SQLite file, or the central server's postgresql:// address. Plain
// values and parsing only, so every layer can name a database without opening one.
#pragma once

#include "core/Result.h"

#include <QString>

namespace pd {

// The embedded database's default file, in the user's data folder.
QString defaultDatabaseFile();
// A postgresql:// (or postgres://) address rather than a file.
bool isServerLocation(const QString& location);

// Where the central database is: postgresql://NAME@HOST:PORT/DATABASE?sslmode=…&sslrootcert=FILE.
struct ServerAddress {
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password; // from the address, the sign-in, or PGPASSWORD; never written anywhere
    QString sslMode = QStringLiteral("verify-full"); // the default: an address without sslmode is verified
    QString sslRootCert;
    int connectTimeoutSeconds = 10;

    static Result<ServerAddress> parse(const QString& location);
    static QString redacted(const QString& location); // the address without any password
    QString describe() const;
    QString connectOptions() const;
};

} // namespace pd
