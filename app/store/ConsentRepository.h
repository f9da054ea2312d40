// Proxy consents and the scanned forms behind them (SPEC §8).
#pragma once

#include "store/Layer.h"

#include "core/Rows.h"
#include "store/Database.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>

#include <optional>

namespace pd {

class ConsentRepository final {
public:
    explicit ConsentRepository(Database& db)
        : m_db(db) {}

    Result<qint64> insertDocument(const Document& document);
    // With its content.
    Result<std::optional<Document>> document(qint64 id);

    Result<qint64> insert(const Consent& consent);
    Result<std::optional<Consent>> byId(qint64 id);
    // Newest first; `status` empty = every status.
    // Newest first, a page at a time; and how many there are in all.
    Result<QList<Consent>> list(const QString& status, int limit, int offset);
    Result<qint64> count(const QString& status);
    Result<QList<Consent>> forPatient(qint64 patientId);
    // Approved consents whose grant is open and ends in [from, through], soonest first; and how many.
    // `from` null: every one up to `through` (those the nightly run ends).
    Result<QList<Consent>> ending(const QDate& from, const QDate& through, int limit, int offset = 0);
    Result<qint64> endingCount(const QDate& from, const QDate& through);
    // The day the approved consent behind this grant ends (null: none, or never). Support agents read it too.
    Result<QDate> endsOnOfGrant(qint64 grantId);
    // Those ending by `through` whose patient has not been reminded yet, soonest first.
    Result<QList<Consent>> remindersDue(const QDate& through, int limit);
    // Consents naming this address as the proxy, for any patient.
    Result<QList<Consent>> forProxyEmail(const QString& email);
    // Writes the decision fields when `consent.rowVersion` still matches; Conflict names who changed it.
    Status update(const Consent& consent, const QDateTime& at, const QString& by);
    // Records that the patient was reminded that `consent` ends (at `at`), when its rowVersion still
    // matches; nothing else of the consent changes.
    Status markReminded(const Consent& consent, const QDateTime& at, const QString& by);

    // Enrollments made with a supervisor's override, newest first.
    Result<QList<EnrollmentReviewRow>> overriddenEnrollments(int limit = 500);
    // Patients born in (`bornAfter`, `bornOnOrBefore`] (12–17 today) enrolled by a parent form with no
    // patient form of their own yet.
    Result<QList<EnrollmentReviewRow>> missingPatientForms(const QDate& bornAfter,
                                                           const QDate& bornOnOrBefore, int limit = 500);

private:
    Result<QList<Consent>> many(const QString& sql, const QVariant& value, int limit = 500);
    Database& m_db;
};

} // namespace pd
