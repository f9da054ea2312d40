// The hospital's policy and mail settings: one typed table of keys, defaults and descriptions.
#pragma once

#include "core/AgeRules.h"
#include "core/Result.h"
#include "core/Visibility.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace pd {

struct SettingSpec {
    QString key;
    QString defaultValue;
    QString description; // translated
};

struct Policy {
    QTimeZone zone = QTimeZone(QByteArrayLiteral("America/Los_Angeles"));
    LeapDayRule leapDayRule = LeapDayRule::Feb28;
    int invitationExpiryDays = 30;
    int lockoutAttempts = 5;
    int signInAttempts = 5;     // wrong staff passwords in a row that lock a sign-in (embedded file)
    int signInLockMinutes = 15; // how long it stays locked
    int sendWithinBusinessDays = 2;
    int requestDueBusinessDays = 2;
    int transitionNoticeDays = 30;
    int identityChecksPerHour = 5; // tries at one patient's birth date, by all staff, in any hour
    int consentExpiryMonths = 0;   // an adult's proxy consent ends this many months after approval; 0: never
    int consentReminderDays = 30;  // the patient is reminded this many days before it ends
    int idleLockMinutes = 10;      // the desktop locks after this long without input
    QTime himOpen = QTime(7, 0);
    QTime himClose = QTime(16, 0);
    QString hospitalName;
    QString himPhone;
    QString portalName;
    QString activationUrl; // the token is appended
    // Category codes proxies of a patient aged 12–17 see (SPEC §9); never a withheld category.
    QStringList limitedCategories = Visibility::defaultLimitedSet();
    QString senderAddress;
    QString senderName;
    QString mailTransport;   // "file" (embedded default) or "smtp"
    QString mailDropFolder;  // where the file transport writes .eml files; empty = next to the database
    QString auditAnchorFile; // where the audit log's head is anchored; empty = beside the embedded file
    QString smtpHost;
    quint16 smtpPort = 587;
    QString smtpTls; // starttls | tls | none
    QString smtpUser;
    QString smtpPasswordFile; // the password itself never enters the database
    QString smtpCaFile;
    QString smtpPinnedSha256;
    int smtpTimeoutSeconds = 30;
    int mailMaxPerMinute = 0; // 0: no limit
    QString feedMrnAuthority; // PID-3.4 of the hospital's MRNs; empty: the identifier of type MR
    int feedSilenceMinutes = 60;

    // Every known key with its default, in display order.
    static QList<SettingSpec> catalog();
    // Checks one value for one key (rule "settings.value"); unknown key → NotFound ("settings.key").
    static Status validate(const QString& key, const QString& value);
    // Builds a policy from stored values; missing keys take their defaults.
    static Policy fromValues(const QHash<QString, QString>& values);
};

} // namespace pd
