// The records of SPEC §1 as plain values. Statuses and reasons use the spec's own words.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace pd {

// Who an e-mail goes to.
struct MailAddress {
    QString name;    // display name, any script (RFC 2047 encoded when not plain ASCII)
    QString address; // addr-spec
};

struct StaffMember {
    qint64 id = 0;
    QString name; // sign-in name
    QString displayName;
    QString role; // support_agent | him_specialist | him_supervisor | ehr_feed | mailer
    bool active = true;
};

struct Patient {
    qint64 id = 0;
    QString mrn;
    QString givenName;
    QString familyName;
    QDate birthDate;
    QString sex = QStringLiteral("unknown");
    QString language = QStringLiteral("en");
    QString email;
    QString phone;
    QDateTime deceasedAt;  // as the EHR reported it; null while alive
    QDateTime feedEventAt; // when the EHR recorded the newest message applied to this record
    qint64 mergedInto = 0; // the surviving record, once the EHR merged this one into it
    // Waiting for staff to look at it: "younger_after_correction" or "death_cleared" (empty: not waiting).
    QString reviewReason;
    QDateTime reviewSince;
    QDateTime updatedAt;
    QString updatedBy;
    int rowVersion = 0;

    QString fullName() const { return givenName + QLatin1Char(' ') + familyName; }
};

struct PortalUser {
    qint64 id = 0;
    QString username;
    QString email;
    QString givenName;
    QString familyName;
    QString language = QStringLiteral("en");
    QString kind;         // patient | proxy
    qint64 patientId = 0; // the patient whose own login this is (kind = patient)
    QString status;       // pending | active | deactivated | terminated
    QString statusReason;
    QDateTime statusChangedAt;
    QDateTime activatedAt;
    QString deactivationReason;
    QString reportedBy;
    QString verifiedBy;
    QString deactivationNote;
    QDateTime updatedAt;
    QString updatedBy;
    int rowVersion = 0;

    QString fullName() const { return givenName + QLatin1Char(' ') + familyName; }
};

struct Enrollment {
    qint64 id = 0;
    qint64 patientId = 0;
    qint64 portalUserId = 0;
    QString form;         // parent | patient
    QString relationship; // self | parent | guardian | family
    QDate signedOn;
    QString bracket; // child | adolescent | adult
    QString overrideReason;
    QDateTime createdAt;
    QString createdBy;
};

struct Grant {
    qint64 id = 0;
    qint64 portalUserId = 0;
    qint64 patientId = 0;
    QString level; // full | limited
    QString basis; // enrollment | consent | guardianship
    qint64 enrollmentId = 0;
    QString bracket; // bracket of the enrollment that created it
    QString relationship;
    QDateTime startedAt;
    QDateTime endedAt; // null while open
    QString endReason; // age_12 | age_18 | deactivated | revoked | restricted | consent_revoked
    // Ended, on a date this reader may not see: the birthday that ended it (support agents).
    bool endedDateHidden = false;
    int rowVersion = 0;

    bool isOpen() const { return endedAt.isNull() && !endedDateHidden; }
};

struct Invitation {
    qint64 id = 0;
    qint64 portalUserId = 0;
    qint64 enrollmentId = 0;
    qint64 replacesId = 0;
    QString email;
    QString tokenHash;
    QString pinHash;
    QString pinVerifiedBy;
    QString status; // queued | sent | delivery_failed | activated | expired | locked | revoked
    QDateTime queuedAt;
    QDateTime dueAt;
    QDateTime sentAt;
    QDateTime expiresAt;
    QDateTime activatedAt;
    QDateTime revokedAt;
    QString revokeReason;
    QDateTime lateMarkedAt;
    int failedAttempts = 0;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
    int rowVersion = 0;

    bool isLive() const {
        return status == QLatin1String("queued") || status == QLatin1String("sent") ||
               status == QLatin1String("delivery_failed");
    }
};

struct OutboxMessage {
    qint64 id = 0;
    QString messageId;
    QString kind;
    QString sender;
    QString recipient;
    QString language;
    QString subject;
    QByteArray raw; // messages queued before mail was rendered at sending only; cleared once sent
    QString vars;   // the template's values, as a JSON object; rendered when the message is sent
    qint64 portalUserId = 0;
    qint64 invitationId = 0;
    QString status; // pending | sending | sent | failed
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime createdAt;
    QDateTime sentAt;
};

struct AuditEvent {
    qint64 id = 0;
    QDateTime at;
    QString staff;
    QString workstation;
    QString action;
    QString recordType;
    QString recordId;
    qint64 patientId = 0;
    qint64 portalUserId = 0;
    QString details; // compact JSON
    QString prevHash;
    QString hash;
};

// Something a family asked HIM for, with its 2-business-day clock (SPEC §5).
struct FamilyRequest {
    qint64 id = 0;
    QString kind;            // never_received | invitation_expired | deactivate | visibility | other
    qint64 patientId = 0;    // 0 = none named
    qint64 portalUserId = 0; // 0 = none named
    QDateTime receivedAt;    // UTC
    QString channel;         // phone | email | portal | in_person | mail | other
    QString note;
    QDateTime dueAt; // UTC
    QString status;  // open | resolved
    QDateTime resolvedAt;
    QString resolvedBy;
    QString resolutionNote;
    QString resolvedAction;     // the record the resolving action changed, "TYPE:ID" ("invitation:123")
    qint64 resolvedEventId = 0; // that action's audit event
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
    int rowVersion = 0;

    bool isOpen() const { return status == QLatin1String("open"); }
    // Still open after its due time.
    bool isLateAt(const QDateTime& now) const { return isOpen() && dueAt < now; }
};

} // namespace pd
