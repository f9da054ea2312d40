// Family requests (SPEC §5): insert, look up, the worklist ordered by due time, resolve with optimistic
// locking, and the audit events a resolution may point at.
#pragma once

#include "Database.h"
#include "Records.h"

#include <optional>

namespace pd {

struct RequestFilter {
    enum class Show {
        Open, // open requests, late or not
        Late, // open requests past their due time
        All,  // open and resolved
    };
    Show show = Show::Open;
    QDateTime now; // for Late
    int limit = 200;
    int offset = 0;
};

// One line of the worklist: the request and who it is about.
struct RequestRow {
    FamilyRequest request;
    QString mrn;         // empty when no patient was named
    QString patientName; // given and family name
    QString username;    // empty when no login was named
    QString userName;    // the login holder's given and family name
    bool late = false;   // still open after its due time (set by the service from its clock)
};

// An audit event as a resolution names it: which change, to which record.
struct AuditedAction {
    qint64 eventId = 0;
    QString action;     // e.g. "invitation.queued"
    QString recordType; // e.g. "invitation"
    QString recordId;
    QDateTime at;
    qint64 patientId = 0; // whose timeline the event is on (0 = none)
    qint64 portalUserId = 0;
};

class RequestRepository final {
public:
    explicit RequestRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insert(const FamilyRequest& request, const QDateTime& at, const QString& by);
    Result<std::optional<RequestRow>> byId(qint64 id);
    // Ordered by due time (then id), soonest first.
    Result<QList<RequestRow>> list(const RequestFilter& filter);
    // Writes the status and resolution fields when `request.rowVersion` still matches; Conflict names who
    // changed it and when.
    Status update(const FamilyRequest& request, const QDateTime& at, const QString& by);

    // The audit event with this id, if this connection may read it.
    Result<std::optional<AuditedAction>> auditedAction(qint64 eventId);
    // The newest audit event that changed the record (openings are not changes).
    Result<std::optional<AuditedAction>> latestChangeTo(const QString& recordType, const QString& recordId);

private:
    Database& m_db;
};

} // namespace pd
