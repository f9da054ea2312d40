// Proxy consents and the scanned forms behind them (SPEC §8).
#pragma once

#include "Database.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>

#include <optional>

namespace pd {

struct Document {
    qint64 id = 0;
    QString name;      // the file's name as filed
    QString mediaType; // application/pdf | image/png | image/jpeg
    qint64 size = 0;
    QString sha256;     // hex, of `content`
    QByteArray content; // empty when listed without it
    QDateTime createdAt;
    QString createdBy;
};

struct Consent {
    qint64 id = 0;
    qint64 patientId = 0;
    QString kind; // adult_proxy | guardian
    QString proxyGiven;
    QString proxyFamily;
    QString proxyEmail;
    QString proxyLanguage;
    QString relationship; // parent | guardian | family
    QString scope;        // full | limited
    QDate signedOn;
    QString signedBy; // the signer's name as written on the form; empty when not recorded
    QString pinHash;  // the temporary PIN written on the form, for the proxy's invitation
    qint64 documentId = 0;
    QString status; // submitted | approved | rejected | revoked
    QDateTime decidedAt;
    QString decidedBy;
    QString rejectReason;
    QString overrideReason;
    qint64 portalUserId = 0; // the proxy's login, once approved
    qint64 grantId = 0;
    QDateTime revokedAt;
    QString revokedBy;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
    int rowVersion = 0;

    QString proxyName() const { return proxyGiven + QLatin1Char(' ') + proxyFamily; }
};

// An enrollment the consent desk reviews: one a supervisor's override let through, or an adolescent's
// parent form still waiting for the patient's own.
struct EnrollmentReviewRow {
    QString reason; // override | missing_patient_form
    qint64 enrollmentId = 0;
    QString mrn;
    QString patientName;
    QDate birthDate;
    QString username;
    QString holderName;
    QString form;
    QString relationship;
    QDate signedOn;
    QString overrideReason;
    QDateTime createdAt;
    QString createdBy;
};

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
    Result<QList<Consent>> list(const QString& status, int limit = 500);
    Result<QList<Consent>> forPatient(qint64 patientId);
    // Consents naming this address as the proxy, for any patient.
    Result<QList<Consent>> forProxyEmail(const QString& email);
    // Writes the decision fields when `consent.rowVersion` still matches; Conflict names who changed it.
    Status update(const Consent& consent, const QDateTime& at, const QString& by);

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
