// Proxy consents of adult patients (SPEC §8): filed with the scanned form, reviewed with automatic checks
// side by side, approved (grant and invitation), rejected (reason and notice) or revoked (grant ends).
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

namespace pd {

struct ConsentSubmission {
    QString mrn;
    QString kind =
        QStringLiteral("adult_proxy"); // adult_proxy | guardian (court papers; a supervisor approves)
    QString proxyGiven;
    QString proxyFamily;
    QString proxyEmail;
    QString proxyLanguage;                  // empty = the patient's
    QString relationship;                   // parent | guardian | family
    QString scope = QStringLiteral("full"); // full | limited
    QString signedOn;                       // YYYY-MM-DD
    QString signedBy;                       // the signer's name as written on the form (may be empty)
    QString documentName;
    QByteArray document; // PDF, PNG or JPEG, up to MaxDocumentBytes
};

// One automatic check of the review screen.
struct ConsentCheck {
    enum class State { Pass, Fail, Info };
    QString code; // restricted, renews, patient_adult, signed_after_18, signer_is_patient, proxy_not_patient,
                  // shared_email, already_has_access, proxy_other_grants, earlier_consents, document_intact,
                  // guardian
    State state = State::Info;
    bool blocking = false;    // a failing blocking check stops approval
    bool overridable = false; // …unless a supervisor overrides it with a written reason
    QString message;
};

struct ConsentRow {
    Consent consent;
    QString mrn;
    QString patientName;
};

struct ConsentReview {
    Consent consent;
    Patient patient;
    Document document; // with its content, to show
    QList<ConsentCheck> checks;
    QList<Consent> earlier;           // other consents of this patient naming the same proxy
    QList<ConsentRow> proxyElsewhere; // the proxy's consents for other patients
    std::optional<PortalUser> proxyLogin;
    std::optional<Consent>
        renews;                 // the patient's earlier consent for this proxy, whose open access this renews
    bool approvable = false;    // no blocking check fails
    bool needsOverride = false; // only overridable checks fail
    bool needsSupervisor = false; // a guardian's papers, or an override
};

struct ConsentDecision {
    Consent consent;
    PortalUser proxy;
    qint64 invitationId = 0; // the invitation queued (or already live) for the proxy; 0 if active
    qint64 noticeOutboxId = 0;
    QString note;
};

class ConsentService final {
public:
    static constexpr qint64 MaxDocumentBytes = 10 * 1024 * 1024;

    explicit ConsentService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // Files the consent with its form (HIM specialist); `pin` is the temporary PIN on the form, for the
    // proxy's invitation once approved.
    Result<Consent> submit(const ConsentSubmission& submission, const QString& pin);
    // `status` empty = all; newest first, a page at a time; and how many there are in all.
    Result<QList<ConsentRow>> list(const QString& status = QString(), int limit = 100, int offset = 0);
    Result<qint64> count(const QString& status = QString());
    // Approved consents whose access ends within `days` (today included), soonest first; and how many.
    Result<QList<ConsentRow>> ending(int days, int limit = 100, int offset = 0);
    Result<qint64> endingCount(int days);
    Result<ConsentReview> review(qint64 id);
    // `expectedVersion` is the version the reviewer saw (0 = as it is now).
    Result<ConsentDecision> approve(qint64 id, int expectedVersion = 0,
                                    const QString& overrideReason = QString());
    Result<ConsentDecision> reject(qint64 id, const QString& reason, int expectedVersion = 0);
    Result<ConsentDecision> revoke(qint64 id, int expectedVersion = 0);

    // The enrollments reviewed on the same desk: those a supervisor's override let through (emancipated
    // minor, shared address), then adolescents (12–17 today) with a parent's form and none of their own.
    Result<QList<EnrollmentReviewRow>> enrollmentReviews();

    // The form's type from its first bytes: application/pdf, image/png, image/jpeg, or empty.
    static QString sniffMediaType(const QByteArray& content);

private:
    Result<ConsentReview> reviewIn(qint64 id);
    const ServiceContext& m_ctx;
};

} // namespace pd
