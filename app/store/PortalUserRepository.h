// Portal users (logins): insert, look up by username or e-mail, update with optimistic locking.
#pragma once

#include "store/Layer.h"

#include "core/Records.h"
#include "store/Database.h"

#include <optional>

namespace pd {

class PortalUserRepository final {
public:
    explicit PortalUserRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const PortalUser& user, const QDateTime& at, const QString& by);
    Result<std::optional<PortalUser>> byId(qint64 id);
    // The logins with these ids, in no particular order (a page's worth at a time).
    Result<QList<PortalUser>> byIds(const QList<qint64>& ids);
    Result<std::optional<PortalUser>> byUsername(const QString& username);
    Result<QList<PortalUser>> byEmail(const QString& email);
    Result<std::optional<PortalUser>> ownLoginOf(qint64 patientId);
    // Every login holding a grant (open or ended) to the patient, and the patient's own login.
    Result<QList<PortalUser>> forPatient(qint64 patientId);
    Result<bool> usernameTaken(const QString& username);
    // Writes status, contact and deactivation fields when `user.rowVersion` still matches.
    Status update(const PortalUser& user, const QDateTime& at, const QString& by);

private:
    Result<QList<PortalUser>> many(const QString& sql, const QVariant& value);
    Database& m_db;
};

} // namespace pd
