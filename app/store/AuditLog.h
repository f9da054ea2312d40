// The audit trail: events chained by SHA-256 so an edited or deleted event is detected (SPEC §7).
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <QJsonObject>

namespace pd {

class AuditLog final {
public:
    explicit AuditLog(Database& db)
        : m_db(db) {}

    // Appends inside the caller's transaction; the hash covers every field and the previous hash.
    Status append(AuditEvent event);
    // Appends several, chained in order, in as few statements as the driver allows.
    Status appendAll(QList<AuditEvent> events);
    // Walks the chain, and checks it against `anchors` (heads written outside the database earlier): an
    // anchor beyond the last event means the newest events were deleted; one whose event has another hash
    // means that event, or one before it, was rewritten, even with the whole chain recomputed.
    Result<AuditVerification> verify(const QList<AuditAnchor>& anchors = {});
    // The chain's head now (id 0 and the genesis hash when the log is empty); any staff role may read it.
    Result<AuditAnchor> head();
    // Newest first. recordType/recordId empty = all.
    Result<QList<AuditEvent>> list(const QString& recordType, const QString& recordId, int limit);
    // Everything that touched a patient or any login that holds or held a grant to it, oldest first.
    Result<QList<AuditEvent>> timeline(qint64 patientId, const QList<qint64>& portalUserIds,
                                       const QList<qint64>& mergedPatientIds = {});

    // How many of a patient's events with one of these actions were written at or after `since`.
    Result<qint64> countSince(qint64 patientId, const QStringList& actions, const QDateTime& since);

    static QString hashOf(const AuditEvent& event);
    static QString genesisHash();

private:
    Status appendOnServer(const QList<AuditEvent>& events);

    Database& m_db;
};

} // namespace pd
