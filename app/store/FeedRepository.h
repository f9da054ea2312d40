// The messages the EHR's feed received: duplicates by the sender's key, refusals waiting for a retry.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <QSet>

#include <optional>

namespace pd {

class FeedRepository final {
public:
    explicit FeedRepository(Database& db)
        : m_db(db) {}

    Result<std::optional<FeedMessageRow>> byKey(const QString& source, const QString& controlId);
    Result<std::optional<FeedMessageRow>> byId(qint64 id);
    // Records the message under its key, replacing what an earlier attempt recorded (a refusal retried).
    Result<qint64> record(const FeedMessageRow& row);
    // Records messages never seen before, a few statements for all.
    Status recordAll(const QList<FeedMessageRow>& rows);
    // Which of these keys from `source` were seen before, whatever became of them.
    Result<QSet<QString>> seenKeys(const QString& source, const QStringList& controlIds);
    // Refused messages still waiting, oldest first; and how many there are.
    Result<QList<FeedMessageRow>> refused(int limit, int offset);
    Result<qint64> refusedCount();
    Status dismiss(qint64 id, const QDateTime& at, const QString& by);
    // When the newest message arrived (null when none ever did).
    Result<QDateTime> lastReceived();

private:
    Database& m_db;
};

} // namespace pd
