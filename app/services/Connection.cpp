#include "services/Connection.h"

#include "store/Database.h"

namespace pd {

Connection::Connection(std::unique_ptr<Database> db)
    : m_db(std::move(db)) {}

Connection::~Connection() = default;

Result<std::unique_ptr<Connection>> Connection::open(const QString& location, int busyTimeoutMs,
                                                     const QString& password) {
    auto db = Database::open(location, busyTimeoutMs, password);
    if (!db)
        return db.error();
    return std::unique_ptr<Connection>(new Connection(std::move(db.value())));
}

bool Connection::isServer() const {
    return m_db->dialect() == Dialect::Postgres;
}

QString Connection::location() const {
    return m_db->location();
}

QString Connection::serverLogin() const {
    return isServer() ? m_db->server().user : QString();
}

void Connection::forbidThread(QThread* thread) {
    Database::forbidThread(thread);
}

} // namespace pd
