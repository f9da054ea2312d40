// One open database, as the layers above the services hold it: the embedded file or the central
// server, opened as one login. What is inside (the store's Database) is for the services alone.
#pragma once

#include "core/Result.h"
#include "core/ServerAddress.h"

#include <QString>

#include <memory>

class QThread;

namespace pd {

class Database;

class Connection final {
public:
    // Opens (creating if needed) the SQLite file at `location` (the default file when empty), or the
    // central database at a postgresql:// address as its login with `password` (or PGPASSWORD). Nothing
    // is migrated or changed: StartupService does that.
    static Result<std::unique_ptr<Connection>> open(const QString& location, int busyTimeoutMs = 10000,
                                                    const QString& password = QString());
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool isServer() const;
    QString location() const;    // the file, or the server's address without a password
    QString serverLogin() const; // the central database's login (empty for the embedded file)

    // The desktop names its UI thread here: SQL started on it stops the program, so a change that would
    // freeze the window fails every GUI test instead of shipping.
    static void forbidThread(QThread* thread);

    // For the services.
    Database& database() { return *m_db; }

private:
    explicit Connection(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace pd
