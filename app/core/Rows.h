// The rows lists and worklists are made of, and their filters: plain values the store fills, the
// services hand up and the models show. No SQL here.
#pragma once

#include "core/Records.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pd {

// The audit chain.
struct AuditVerification {
    bool intact = true;
    int checked = 0;
    qint64 badEventId = 0; // the first event that does not verify
    QString problem;       // translated explanation
    int anchorsChecked = 0;
    QString anchorFile; // where the anchors were read from; empty when none were
};

// The audit chain's head as written outside the database, to an append-only file and the system log (SPEC
// §7): the log is later checked against it, so deleting the newest events or rewriting the whole chain
// shows.
struct AuditAnchor {
    qint64 id = 0;
    QString hash;
    QDateTime at;
    QString database;
};

// Proxy consents.
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
    QDate endsOn;         // an approved adult's proxy consent: the day its grant ends; null = never
    QDateTime remindedAt; // when the patient was reminded that it ends
    qint64 renewsId = 0;  // the consent this one renewed
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
    int rowVersion = 0;

    QString proxyName() const { return proxyGiven + QLatin1Char(' ') + proxyFamily; }
};

// An access restriction (SPEC section 8): a court order, custody order or protective order that bars a
// named person from a patient's record. The person is matched by given plus family name (accents and case
// aside) or by the mailbox of their address (core/RestrictionRules.h).
struct Restriction {
    qint64 id = 0;
    qint64 patientId = 0;
    QString givenName;
    QString familyName;
    QString email;         // may be empty: the name alone matches
    QString reason;        // court_order | custody_order | protective_order | other
    qint64 documentId = 0; // the order's scan; 0 for a support agent, who never sees it
    QDate until;           // the last day it is in force; null = until lifted
    QString note;
    QDateTime createdAt;
    QString createdBy;
    QDateTime liftedAt; // null unless a supervisor lifted it
    QString liftedBy;
    QString liftReason;
    int rowVersion = 0;

    QString personName() const { return givenName + QLatin1Char(' ') + familyName; }
    bool isLifted() const { return liftedAt.isValid(); }
    // In force on `today` (the hospital's date): not lifted, and `until` not passed.
    bool isActiveOn(const QDate& today) const { return !isLifted() && (!until.isValid() || until >= today); }
};

// A restriction with its patient, for lists.
struct RestrictionRow {
    Restriction restriction;
    QString mrn;
    QString patientName;
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

// Grants.
struct GrantWithBirthDate {
    Grant grant;
    QDate birthDate;
    QDate ageEndsOn;           // the first day a birthday may end it (store/GrantRepository)
    bool noticeQueued = false; // its 30-day notice is queued (ageEnding() only)
};

// Open grants a 12th or 18th birthday may end, by that day and then id (GrantRepository::ageEnding).
struct AgeEndingQuery {
    QDate from;                 // the first birthday wanted; null for any day up to `through`
    QDate through;              // the last
    bool leapDayMar1 = false;   // a 29 February birthday falls on 1 March in other years (else 28 February)
    bool withoutNotice = false; // only grants whose 30-day notice is not queued yet
    QDate afterDate;            // when set, the page starts after (afterDate, afterId)
    qint64 afterId = 0;
    int limit = 200;
    int offset = 0;
};

// Invitations.
struct InvitationFilter {
    QString status;        // one status, or empty for all
    qint64 patientId = 0;  // invitations of logins with a grant to this patient
    bool dueOnly = false;  // queued, not yet late
    bool lateOnly = false; // queued and past due
    QDateTime now;         // for due/late
    int limit = 500;
    int offset = 0;
};

struct InvitationRow {
    Invitation invitation;
    QString username;
    QString userName;  // the holder's full name
    QString mrn;       // the patient the login is for: its own, or the first it holds a grant to
    QString mailError; // what the mail server last said about its e-mail, if it refused or failed
};

// The leads' report: the requests received in one week, by how they stand.
struct RequestCounts {
    int received = 0;
    int met = 0;  // resolved by their due time
    int late = 0; // resolved late, or open past their due time
    int open = 0; // open and not yet due
};

// Family requests.
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

// Search.
struct SearchHit {
    QString kind; // patient | portal_user
    qint64 id = 0;
    QString key; // MRN or username
    QString name;
    QString email;
    QString phone;   // patients only
    QDate birthDate; // patients only
    QString status;  // portal users only
};

// Settings.
struct HolidayRow {
    QDate day;
    QString name;
    bool closed = true;
};

// The EHR's feed: one message as received, applied or refused.
struct FeedMessageRow {
    qint64 id = 0;
    QString source;    // the sending application and facility (MSH-3^MSH-4)
    QString controlId; // MSH-10
    QString trigger;   // "ADT^A08"
    QDateTime receivedAt;
    QDateTime eventAt; // EVN-2 or MSH-7
    QString status;    // applied | stale | refused | dismissed
    QString mrn;
    qint64 patientId = 0;
    QString rule;   // why it was refused
    QString reason; // translated
    QByteArray raw; // kept while refused, for a retry
    int attempts = 1;
};

// A merge from the EHR: the prior record into the survivor, done or held for HIM review.
struct MergeRow {
    qint64 id = 0;
    qint64 survivorId = 0;
    qint64 priorId = 0;
    QString survivorMrn;
    QString priorMrn;
    QString survivorName;
    QString priorName;
    QString status;        // held | merged
    QStringList conflicts; // why it waits, in words
    QString source;
    QString controlId;
    QDateTime createdAt;
    QString createdBy;
    QDateTime resolvedAt;
    QString resolvedBy;
};

} // namespace pd
