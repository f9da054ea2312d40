// Access grants and the enrollments that create them.
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <optional>

namespace pd {

class GrantRepository final {
public:
    explicit GrantRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insertEnrollment(const Enrollment& enrollment);
    Result<QList<Enrollment>> enrollmentsFor(qint64 patientId);

    Result<qint64> insert(const Grant& grant, const QString& by);
    Result<QList<Grant>> forPatient(qint64 patientId); // open first, then ended, newest first
    Result<QList<Grant>> forUser(qint64 portalUserId);
    Result<int> openCountForUser(qint64 portalUserId);
    Result<std::optional<Grant>> byId(qint64 id);
    Result<std::optional<Grant>> open(qint64 portalUserId, qint64 patientId);
    // One login's open grants that a 12th or 18th birthday may end: child-bracket grants and every proxy
    // grant. (The nightly run reads every login's from ageEnding(), a page at a time.)
    Result<QList<GrantWithBirthDate>> openTransitionCandidates(qint64 portalUserId);
    // The same for one patient's grants.
    Result<QList<GrantWithBirthDate>> openTransitionCandidatesOfPatient(qint64 patientId);
    // A page of open grants whose 12th or 18th birthday falls in the query's days, in (age_ends_on, id)
    // order; with `from` set, only those whose exact birthday (with the leap-day rule) falls on or after it.
    Result<QList<GrantWithBirthDate>> ageEnding(const AgeEndingQuery& query);
    // How many grants the same query finds, all pages together.
    Result<qint64> ageEndingCount(const AgeEndingQuery& query);
    // Patients (not grants) with a 12th birthday and with an 18th birthday that ends a grant in the days.
    Result<QPair<qint64, qint64>> ageEndingPatients(const AgeEndingQuery& query);
    // Ends an open grant when `grant.rowVersion` still matches.
    Status end(const Grant& grant, const QDateTime& endedAt, const QString& reason, const QDateTime& at,
               const QString& by);

    // The 30-day notices, one per grant and transition.
    Result<bool> noticeQueued(qint64 grantId, int transitionAge);
    Status recordNotice(qint64 grantId, int transitionAge, const QDate& date, qint64 outboxId,
                        const QDateTime& at);

private:
    Database& m_db;
};

} // namespace pd
