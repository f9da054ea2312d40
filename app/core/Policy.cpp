#include "core/Policy.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pd {

namespace {

bool isPositiveInt(const QString& v, int max) {
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok && n > 0 && n <= max;
}

QTime parseTime(const QString& v) {
    return QTime::fromString(v, QStringLiteral("HH:mm"));
}

} // namespace

QList<SettingSpec> Policy::catalog() {
    return {
        {QStringLiteral("hospital.zone"), QStringLiteral("America/Los_Angeles"),
         QCoreApplication::translate(
             "Policy", "The hospital's time zone; every age and business-day rule uses its calendar.")},
        {QStringLiteral("hospital.name"), QStringLiteral("Children's Hospital"),
         QCoreApplication::translate("Policy", "The hospital's name as families see it in e-mails.")},
        {QStringLiteral("hospital.portal_name"), QStringLiteral("Family Portal"),
         QCoreApplication::translate("Policy", "The portal's name as families see it in e-mails.")},
        {QStringLiteral("him.phone"), QStringLiteral("323-361-2330"),
         QCoreApplication::translate("Policy", "The HIM team's telephone number given to families.")},
        {QStringLiteral("him.open"), QStringLiteral("07:00"),
         QCoreApplication::translate("Policy", "HIM hours: opening time (HH:mm, Monday to Friday).")},
        {QStringLiteral("him.close"), QStringLiteral("16:00"),
         QCoreApplication::translate("Policy", "HIM hours: closing time (HH:mm).")},
        {QStringLiteral("birthday.leap_day_rule"), QStringLiteral("feb28"),
         QCoreApplication::translate(
             "Policy", "Birthday of a patient born on 29 February in a common year: feb28 or mar1.")},
        {QStringLiteral("invitation.expiry_days"), QStringLiteral("30"),
         QCoreApplication::translate("Policy", "Days after sending that an invitation expires.")},
        {QStringLiteral("invitation.lockout_attempts"), QStringLiteral("5"),
         QCoreApplication::translate("Policy", "Wrong PINs that lock an invitation.")},
        {QStringLiteral("invitation.send_within_business_days"), QStringLiteral("2"),
         QCoreApplication::translate(
             "Policy", "Business days within which an invitation must be sent after enrollment.")},
        {QStringLiteral("request.due_business_days"), QStringLiteral("2"),
         QCoreApplication::translate("Policy",
                                     "Business days within which a family's request must be answered.")},
        {QStringLiteral("transition.notice_days"), QStringLiteral("30"),
         QCoreApplication::translate(
             "Policy", "Days before a 12th or 18th birthday that account holders get a notice.")},
        {QStringLiteral("identity.checks_per_hour"), QStringLiteral("5"),
         QCoreApplication::translate(
             "Policy",
             "Tries at one patient's birth date in an hour, by all staff together, when verifying a "
             "caller's identity (an agent's new PIN refused for holding it counts as one).")},
        {QStringLiteral("consent.expiry_months"), QStringLiteral("0"),
         QCoreApplication::translate(
             "Policy", "Months after approval that an adult patient's proxy consent ends (0: never; 18 is a "
                       "common choice). A change applies to consents approved from then on.")},
        {QStringLiteral("consent.reminder_days"), QStringLiteral("30"),
         QCoreApplication::translate(
             "Policy", "Days before a proxy consent ends that the patient is reminded how to renew it.")},
        {QStringLiteral("security.idle_lock_minutes"), QStringLiteral("10"),
         QCoreApplication::translate(
             "Policy", "Minutes without keyboard or mouse use after which the desktop hides patient data.")},
        {QStringLiteral("security.sign_in_attempts"), QStringLiteral("5"),
         QCoreApplication::translate(
             "Policy", "Wrong passwords in a row that lock a staff member's sign-in (embedded database).")},
        {QStringLiteral("security.sign_in_lock_minutes"), QStringLiteral("15"),
         QCoreApplication::translate(
             "Policy", "Minutes a staff member's sign-in stays locked after too many wrong passwords.")},
        {QStringLiteral("portal.activation_url"),
         QStringLiteral("https://portal.example.org/activate?token="),
         QCoreApplication::translate("Policy", "Activation link in invitations; the token is appended.")},
        {QStringLiteral("portal.limited_categories"), Visibility::defaultLimitedSet().join(QLatin1Char(',')),
         QCoreApplication::translate(
             "Policy",
             "What proxies of a patient aged 12–17 see: comma-separated portal categories (messages, "
             "virtual_visits, lab_results, imaging_reports, prescription_renewals, appointments, "
             "clinical_documents, return_to_school_notes, allergies, immunizations, medications). "
             "Withheld sensitive results can't be added.")},
        {QStringLiteral("mail.sender_address"), QStringLiteral("portal-noreply@example.org"),
         QCoreApplication::translate("Policy", "Sender address of every e-mail.")},
        {QStringLiteral("mail.sender_name"), QStringLiteral("Patient Portal"),
         QCoreApplication::translate("Policy", "Sender name of every e-mail.")},
        {QStringLiteral("mail.transport"), QStringLiteral("file"),
         QCoreApplication::translate(
             "Policy", "How mail leaves: file (writes .eml files into the drop folder) or smtp.")},
        {QStringLiteral("mail.smtp_host"), QString(),
         QCoreApplication::translate("Policy", "The SMTP server's host name (mail.transport smtp).")},
        {QStringLiteral("mail.smtp_port"), QStringLiteral("587"),
         QCoreApplication::translate("Policy", "The SMTP server's port: 587 for STARTTLS, 465 for TLS.")},
        {QStringLiteral("mail.smtp_tls"), QStringLiteral("starttls"),
         QCoreApplication::translate("Policy", "starttls, tls (implicit, port 465) or none (a relay on this "
                                               "machine only).")},
        {QStringLiteral("mail.smtp_user"), QString(),
         QCoreApplication::translate("Policy", "User for SMTP AUTH; empty means no sign-in. The password is "
                                               "never stored here: see mail.smtp_password_file.")},
        {QStringLiteral("mail.smtp_password_file"), QString(),
         QCoreApplication::translate("Policy",
                                     "A file readable only by its owner that holds the SMTP password "
                                     "(or set PORTALDESK_SMTP_PASSWORD).")},
        {QStringLiteral("mail.smtp_ca_file"), QString(),
         QCoreApplication::translate("Policy",
                                     "CA certificates (PEM) to trust for the SMTP server besides the "
                                     "system's.")},
        {QStringLiteral("mail.smtp_pinned_sha256"), QString(),
         QCoreApplication::translate("Policy",
                                     "SHA-256 of a server certificate accepted although it does not "
                                     "verify (a supervisor's exception; empty = none).")},
        {QStringLiteral("mail.smtp_timeout_seconds"), QStringLiteral("30"),
         QCoreApplication::translate("Policy", "Seconds to wait for each step of an SMTP conversation.")},
        {QStringLiteral("mail.max_per_minute"), QStringLiteral("0"),
         QCoreApplication::translate("Policy", "The most messages sent per minute, for a relay that limits "
                                               "its senders (0 = as fast as the server takes them).")},
        {QStringLiteral("mail.drop_folder"), QString(),
         QCoreApplication::translate("Policy", "Folder the file transport writes .eml files into; empty "
                                               "means a 'mail' folder beside the database.")},
        {QStringLiteral("audit.anchor_file"), QString(),
         QCoreApplication::translate(
             "Policy", "An append-only file that the audit log's head is written to by \"audit anchor\" and "
                       "every daily run, besides the system log; empty means a file beside the embedded "
                       "database, and the system log only for the central database.")},
        {QStringLiteral("feed.mrn_authority"), QString(),
         QCoreApplication::translate("Policy", "The assigning authority of the hospital's MRNs in the EHR's "
                                               "messages (PID-3.4); empty takes the identifier of type MR.")},
        {QStringLiteral("feed.silence_minutes"), QStringLiteral("60"),
         QCoreApplication::translate("Policy", "Minutes without a message from the EHR after which the Feed "
                                               "desk warns that the feed is silent.")},
    };
}

Status Policy::validate(const QString& key, const QString& value) {
    const auto bad = [&](const QString& why) {
        return Error::validation(QStringLiteral("settings.value"),
                                 QCoreApplication::translate("Policy", "%1 can't be set to \"%2\": %3")
                                     .arg(key, value.left(80), why));
    };
    bool known = false;
    for (const auto& spec : catalog())
        known = known || spec.key == key;
    if (!known)
        return Error::notFound(
            QStringLiteral("settings.key"),
            QCoreApplication::translate("Policy", "There is no setting called \"%1\".").arg(key.left(80)));

    if (key == QLatin1String("hospital.zone")) {
        if (!QTimeZone(value.toUtf8()).isValid())
            return bad(QCoreApplication::translate(
                "Policy", "not a known time zone (for example America/Los_Angeles)"));
    } else if (key == QLatin1String("birthday.leap_day_rule")) {
        if (!leapDayRuleFromName(value))
            return bad(QCoreApplication::translate("Policy", "use feb28 or mar1"));
    } else if (key == QLatin1String("him.open") || key == QLatin1String("him.close")) {
        if (!parseTime(value).isValid())
            return bad(QCoreApplication::translate("Policy", "use a time like 07:00"));
    } else if (key == QLatin1String("invitation.expiry_days") ||
               key == QLatin1String("transition.notice_days")) {
        if (!isPositiveInt(value, 366))
            return bad(QCoreApplication::translate("Policy", "use a whole number of days from 1 to 366"));
    } else if (key == QLatin1String("consent.expiry_months")) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0 || n > 240)
            return bad(
                QCoreApplication::translate("Policy", "use a whole number of months from 0 (never) to 240"));
    } else if (key == QLatin1String("consent.reminder_days")) {
        if (!isPositiveInt(value, 366))
            return bad(QCoreApplication::translate("Policy", "use a whole number of days from 1 to 366"));
    } else if (key == QLatin1String("security.idle_lock_minutes")) {
        if (!isPositiveInt(value, 240))
            return bad(QCoreApplication::translate("Policy", "use a whole number of minutes from 1 to 240"));
    } else if (key == QLatin1String("security.sign_in_attempts")) {
        if (!isPositiveInt(value, 20))
            return bad(QCoreApplication::translate("Policy", "use a whole number from 1 to 20"));
    } else if (key == QLatin1String("security.sign_in_lock_minutes")) {
        if (!isPositiveInt(value, 1440))
            return bad(QCoreApplication::translate("Policy", "use a whole number of minutes from 1 to 1440"));
    } else if (key == QLatin1String("invitation.lockout_attempts") ||
               key == QLatin1String("identity.checks_per_hour")) {
        if (!isPositiveInt(value, 20))
            return bad(QCoreApplication::translate("Policy", "use a whole number from 1 to 20"));
    } else if (key == QLatin1String("invitation.send_within_business_days") ||
               key == QLatin1String("request.due_business_days")) {
        if (!isPositiveInt(value, 30))
            return bad(
                QCoreApplication::translate("Policy", "use a whole number of business days from 1 to 30"));
    } else if (key == QLatin1String("feed.silence_minutes")) {
        if (!isPositiveInt(value, 10080))
            return bad(
                QCoreApplication::translate("Policy", "use a whole number of minutes from 1 to 10080"));
    } else if (key == QLatin1String("mail.smtp_port")) {
        if (!isPositiveInt(value, 65535))
            return bad(QCoreApplication::translate("Policy", "use a port number from 1 to 65535"));
    } else if (key == QLatin1String("mail.max_per_minute")) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0 || n > 100000)
            return bad(
                QCoreApplication::translate("Policy", "use a whole number from 0 (no limit) to 100000"));
    } else if (key == QLatin1String("mail.smtp_timeout_seconds")) {
        if (!isPositiveInt(value, 600))
            return bad(QCoreApplication::translate("Policy", "use a whole number of seconds from 1 to 600"));
    } else if (key == QLatin1String("mail.smtp_tls")) {
        if (value != QLatin1String("starttls") && value != QLatin1String("tls") &&
            value != QLatin1String("none"))
            return bad(QCoreApplication::translate("Policy", "use starttls, tls or none"));
    } else if (key == QLatin1String("mail.smtp_pinned_sha256")) {
        static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{64})?$"));
        if (!hex.match(value).hasMatch())
            return bad(
                QCoreApplication::translate("Policy", "use the certificate's SHA-256 as 64 hex digits"));
    } else if (key == QLatin1String("portal.limited_categories")) {
        if (auto set = Visibility::parseLimitedSet(value); !set)
            return bad(set.error().message);
    } else if (key == QLatin1String("mail.transport")) {
        if (value != QLatin1String("file") && value != QLatin1String("smtp"))
            return bad(QCoreApplication::translate("Policy", "use file or smtp"));
    } else if (key == QLatin1String("mail.sender_address")) {
        if (!value.contains(QLatin1Char('@')) || value.contains(QLatin1Char(' ')))
            return bad(QCoreApplication::translate("Policy", "not an e-mail address"));
    }
    if (value.size() > 500)
        return bad(QCoreApplication::translate("Policy", "longer than 500 characters"));
    return {};
}

Policy Policy::fromValues(const QHash<QString, QString>& values) {
    QHash<QString, QString> v;
    for (const auto& spec : catalog())
        v.insert(spec.key, values.value(spec.key, spec.defaultValue));

    Policy p;
    const QTimeZone zone(v.value(QStringLiteral("hospital.zone")).toUtf8());
    if (zone.isValid())
        p.zone = zone;
    p.leapDayRule =
        leapDayRuleFromName(v.value(QStringLiteral("birthday.leap_day_rule"))).value_or(LeapDayRule::Feb28);
    p.invitationExpiryDays = v.value(QStringLiteral("invitation.expiry_days")).toInt();
    p.lockoutAttempts = v.value(QStringLiteral("invitation.lockout_attempts")).toInt();
    p.sendWithinBusinessDays = v.value(QStringLiteral("invitation.send_within_business_days")).toInt();
    p.requestDueBusinessDays = v.value(QStringLiteral("request.due_business_days")).toInt();
    p.transitionNoticeDays = v.value(QStringLiteral("transition.notice_days")).toInt();
    p.identityChecksPerHour = v.value(QStringLiteral("identity.checks_per_hour")).toInt();
    p.consentExpiryMonths = v.value(QStringLiteral("consent.expiry_months")).toInt();
    p.consentReminderDays = v.value(QStringLiteral("consent.reminder_days")).toInt();
    p.idleLockMinutes = v.value(QStringLiteral("security.idle_lock_minutes")).toInt();
    p.signInAttempts = v.value(QStringLiteral("security.sign_in_attempts")).toInt();
    p.signInLockMinutes = v.value(QStringLiteral("security.sign_in_lock_minutes")).toInt();
    if (const QTime t = parseTime(v.value(QStringLiteral("him.open"))); t.isValid())
        p.himOpen = t;
    if (const QTime t = parseTime(v.value(QStringLiteral("him.close"))); t.isValid())
        p.himClose = t;
    p.hospitalName = v.value(QStringLiteral("hospital.name"));
    p.portalName = v.value(QStringLiteral("hospital.portal_name"));
    p.himPhone = v.value(QStringLiteral("him.phone"));
    p.activationUrl = v.value(QStringLiteral("portal.activation_url"));
    if (auto set = Visibility::parseLimitedSet(v.value(QStringLiteral("portal.limited_categories"))); set)
        p.limitedCategories = set.value();
    p.feedMrnAuthority = v.value(QStringLiteral("feed.mrn_authority")).trimmed();
    p.feedSilenceMinutes = v.value(QStringLiteral("feed.silence_minutes")).toInt();
    p.senderAddress = v.value(QStringLiteral("mail.sender_address"));
    p.senderName = v.value(QStringLiteral("mail.sender_name"));
    p.mailTransport = v.value(QStringLiteral("mail.transport"));
    p.mailDropFolder = v.value(QStringLiteral("mail.drop_folder"));
    p.auditAnchorFile = v.value(QStringLiteral("audit.anchor_file")).trimmed();
    p.smtpHost = v.value(QStringLiteral("mail.smtp_host"));
    p.smtpPort = static_cast<quint16>(v.value(QStringLiteral("mail.smtp_port")).toUInt());
    p.smtpTls = v.value(QStringLiteral("mail.smtp_tls"));
    p.smtpUser = v.value(QStringLiteral("mail.smtp_user"));
    p.smtpPasswordFile = v.value(QStringLiteral("mail.smtp_password_file"));
    p.smtpCaFile = v.value(QStringLiteral("mail.smtp_ca_file"));
    p.smtpPinnedSha256 = v.value(QStringLiteral("mail.smtp_pinned_sha256"));
    p.smtpTimeoutSeconds = v.value(QStringLiteral("mail.smtp_timeout_seconds")).toInt();
    p.mailMaxPerMinute = v.value(QStringLiteral("mail.max_per_minute")).toInt();
    return p;
}

} // namespace pd
