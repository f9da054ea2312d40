#include "services/TimelineText.h"
#include "mail/MimeMessage.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/RequestRepository.h"

#include "services/RequestService.h"

#include "services/DisplayText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd::TimelineText {

namespace {

// The rule that ended a grant, in the reader's language: the age rules' own words are kept in the event
// in English, as the nightly run wrote them.
QString ruleText(const QString& endReason, const QString& stored) {
    if (endReason == QLatin1String("age_12"))
        return QCoreApplication::translate("TimelineText", "child-bracket access ends on the 12th birthday");
    if (endReason == QLatin1String("age_18"))
        return QCoreApplication::translate("TimelineText", "proxy access ends on the 18th birthday");
    if (endReason == QLatin1String("consent_expired"))
        return QCoreApplication::translate("TimelineText",
                                           "an adult's proxy consent ends on the day fixed at its approval");
    if (endReason == QLatin1String("consent_renewed"))
        return QCoreApplication::translate("TimelineText",
                                           "a new consent signed by the patient renews access without a gap");
    if (endReason == QLatin1String("restricted"))
        return QCoreApplication::translate("TimelineText",
                                           "a restriction ends the barred person's access at once");
    return stored;
}

QString reasonText(const QString& reason) {
    if (reason == QLatin1String("reissued"))
        return QCoreApplication::translate("TimelineText", "a newer invitation replaced it");
    if (reason == QLatin1String("deactivated"))
        return QCoreApplication::translate("TimelineText", "the login was deactivated");
    if (reason == QLatin1String("email_changed"))
        return QCoreApplication::translate("TimelineText", "the e-mail address changed");
    if (reason == QLatin1String("terminated"))
        return QCoreApplication::translate("TimelineText", "the login ended with no access left");
    if (reason == QLatin1String("staff"))
        return QCoreApplication::translate("TimelineText", "withdrawn by staff");
    return reason;
}

QString deactivationText(const QString& reason) {
    if (reason == QLatin1String("suspected_compromise"))
        return QCoreApplication::translate("TimelineText", "suspected use by someone else");
    if (reason == QLatin1String("family_request"))
        return QCoreApplication::translate("TimelineText", "the family asked");
    if (reason == QLatin1String("duplicate"))
        return QCoreApplication::translate("TimelineText", "duplicate login");
    if (reason == QLatin1String("deceased"))
        return QCoreApplication::translate("TimelineText", "deceased");
    return QCoreApplication::translate("TimelineText", "other");
}

QString fieldName(const QString& field) {
    if (field == QLatin1String("given_name"))
        return QCoreApplication::translate("TimelineText", "given name");
    if (field == QLatin1String("family_name"))
        return QCoreApplication::translate("TimelineText", "family name");
    if (field == QLatin1String("birth_date"))
        return QCoreApplication::translate("TimelineText", "birth date");
    if (field == QLatin1String("sex"))
        return QCoreApplication::translate("TimelineText", "sex");
    if (field == QLatin1String("language"))
        return QCoreApplication::translate("TimelineText", "language");
    if (field == QLatin1String("email"))
        return QCoreApplication::translate("TimelineText", "e-mail");
    if (field == QLatin1String("phone"))
        return QCoreApplication::translate("TimelineText", "phone");
    return field;
}

} // namespace

QString describe(const AuditEvent& e) {
    const QJsonObject d = QJsonDocument::fromJson(e.details.toUtf8()).object();
    const auto s = [&d](const char* key) { return d.value(QLatin1String(key)).toVariant().toString(); };
    const QString& a = e.action;
    const bool fromEhr = s("source") == QLatin1String("ehr");
    if (a == QLatin1String("patient.added") && fromEhr)
        return QCoreApplication::translate("TimelineText",
                                           "Patient registered by the EHR (MRN %1, message %2).")
            .arg(s("mrn"), s("message").isEmpty() ? QStringLiteral("—") : s("message"));
    if (a == QLatin1String("patient.added"))
        return QCoreApplication::translate("TimelineText", "Patient added (MRN %1).").arg(s("mrn"));
    if (a == QLatin1String("portal_user.created"))
        return QCoreApplication::translate("TimelineText", "Login %1 created (%2).")
            .arg(s("username"), DisplayText::userKind(s("kind")));
    if (a == QLatin1String("enrollment.created"))
        return QCoreApplication::translate("TimelineText",
                                           "Enrollment form taken: %1 form, signed %2, age group %3.")
                   .arg(DisplayText::form(s("form")), s("signed_on"), DisplayText::bracket(s("bracket"))) +
               (s("override_reason").isEmpty()
                    ? QString()
                    : QLatin1Char(' ') +
                          QCoreApplication::translate("TimelineText", "Supervisor override: %1")
                              .arg(s("override_reason")));
    if (a == QLatin1String("grant.created"))
        return QCoreApplication::translate("TimelineText", "Access granted: %1 (%2).")
            .arg(DisplayText::level(s("level")), DisplayText::relationship(s("relationship")));
    if (a == QLatin1String("patient.updated")) {
        // Field names only: the values (a birth date, an address) are not for every reader of a timeline.
        QStringList fields;
        for (const QString& key : d.value(QLatin1String("after")).toObject().keys())
            fields.append(fieldName(key));
        if (fromEhr)
            return QCoreApplication::translate("TimelineText", "Record updated by the EHR (message %1): %2.")
                .arg(s("message").isEmpty() ? QStringLiteral("—") : s("message"),
                     fields.join(QStringLiteral(", ")));
        return QCoreApplication::translate("TimelineText", "Record corrected: %1.")
            .arg(fields.join(QStringLiteral(", ")));
    }
    if (a == QLatin1String("patient.merged"))
        return QCoreApplication::translate("TimelineText",
                                           "The EHR merged MRN %1 into this record: its logins, "
                                           "access and requests moved here (%2 rows).")
            .arg(s("prior_mrn"), s("moved"));
    if (a == QLatin1String("patient.merged_away"))
        return QCoreApplication::translate("TimelineText", "This record (MRN %1) was merged into MRN %2.")
            .arg(s("prior_mrn"), s("survivor_mrn"));
    if (a == QLatin1String("patient.merge_held")) {
        QStringList conflicts;
        for (const QJsonValue& v : d.value(QLatin1String("conflicts")).toArray())
            conflicts.append(v.toString());
        return QCoreApplication::translate("TimelineText",
                                           "The EHR's merge of MRN %1 into this record waits for "
                                           "HIM review: %2")
            .arg(s("prior_mrn"), conflicts.join(QLatin1Char(' ')));
    }
    if (a == QLatin1String("merge.resolved"))
        return QCoreApplication::translate("TimelineText", "The held merge of MRN %1 was carried out.")
            .arg(s("prior_mrn"));
    if (a == QLatin1String("patient.deceased"))
        return QCoreApplication::translate("TimelineText",
                                           "The EHR reports the patient's death: every access ended, "
                                           "the patient's own login closed, %1 queued e-mail(s) "
                                           "cancelled; no e-mail went to the family.")
            .arg(s("mail_cancelled"));
    if (a == QLatin1String("patient.review_needed") && s("reason") == QLatin1String("death_cleared"))
        return QCoreApplication::translate("TimelineText",
                                           "The EHR no longer reports the patient's death: nothing "
                                           "was reopened. Review the patient's access.");
    if (a == QLatin1String("patient.review_needed"))
        return QCoreApplication::translate(
            "TimelineText", "Younger after a birth-date correction: access that ended at 12 or 18 "
                            "under the old date was not reopened. Review it.");
    if (a == QLatin1String("patient.reviewed"))
        return s("note").isEmpty()
                   ? QCoreApplication::translate("TimelineText", "Reviewed and taken off the review list.")
                   : QCoreApplication::translate("TimelineText", "Reviewed and taken off the review list: %1")
                         .arg(s("note"));
    if (a == QLatin1String("grant.ended") && s("cause") == QLatin1String("birth_date_corrected"))
        return QCoreApplication::translate("TimelineText",
                                           "Access ended (%1) when the birth date was corrected: %2.")
            .arg(DisplayText::endReason(s("end_reason")), ruleText(s("end_reason"), s("rule")));
    if (a == QLatin1String("grant.ended") && s("cause") == QLatin1String("records_merged"))
        return QCoreApplication::translate("TimelineText",
                                           "Access ended (%1) when the records were merged: %2.")
            .arg(DisplayText::endReason(s("end_reason")), ruleText(s("end_reason"), s("rule")));
    if (a == QLatin1String("grant.ended") && s("end_reason") == QLatin1String("deceased"))
        return QCoreApplication::translate("TimelineText", "Access ended: the patient died.");
    if (a == QLatin1String("grant.ended") && s("birthday").isEmpty())
        return QCoreApplication::translate("TimelineText", "Access ended (%1): %2.")
            .arg(DisplayText::endReason(s("end_reason")), ruleText(s("end_reason"), s("rule")));
    if (a == QLatin1String("grant.ended"))
        return QCoreApplication::translate("TimelineText", "Access ended (%1) on %2: %3.")
            .arg(DisplayText::endReason(s("end_reason")), s("birthday"),
                 ruleText(s("end_reason"), s("rule")));
    if (a == QLatin1String("consent.reminded"))
        return s("sent") == QLatin1String("true")
                   ? QCoreApplication::translate(
                         "TimelineText", "The patient was reminded that the proxy consent ends on %1.")
                         .arg(s("ends_on"))
                   : QCoreApplication::translate("TimelineText",
                                                 "The proxy consent ends on %1; the patient has no "
                                                 "e-mail address on file to be reminded at.")
                         .arg(s("ends_on"));
    if (a == QLatin1String("restriction.added"))
        return (
            s("until").isEmpty()
                ? QCoreApplication::translate("TimelineText", "Restriction recorded: %1 is barred from this "
                                                              "record by a %2, until a supervisor lifts it.")
                      .arg(s("person"), DisplayText::restrictionReason(s("reason")))
                : QCoreApplication::translate("TimelineText", "Restriction recorded: %1 is barred from this "
                                                              "record by a %2, until %3.")
                      .arg(s("person"), DisplayText::restrictionReason(s("reason")), s("until")));
    if (a == QLatin1String("restriction.lifted"))
        return QCoreApplication::translate("TimelineText",
                                           "Restriction lifted: %1. The access it ended stays ended.")
            .arg(s("reason"));
    if (a == QLatin1String("identity.checked"))
        return s("result") == QLatin1String("match")
                   ? QCoreApplication::translate("TimelineText",
                                                 "Identity check: the birth date the caller gave matches.")
                   : QCoreApplication::translate(
                         "TimelineText", "Identity check: the birth date the caller gave doesn't match.");
    if (a == QLatin1String("identity.pin_refused"))
        return QCoreApplication::translate("TimelineText",
                                           "A new PIN was refused because it holds the patient's birth date "
                                           "(counted as a try at the birth date).");
    if (a == QLatin1String("consent.submitted"))
        return QCoreApplication::translate("TimelineText",
                                           "Proxy consent filed for %1 (%2, %3 access), signed %4.")
            .arg(s("proxy_email"), DisplayText::relationship(s("relationship")),
                 DisplayText::level(s("scope")), s("signed_on"));
    if (a == QLatin1String("consent.approved"))
        return QCoreApplication::translate("TimelineText", "Proxy consent approved.") +
               (s("override_reason").isEmpty()
                    ? QString()
                    : QLatin1Char(' ') +
                          QCoreApplication::translate("TimelineText", "Supervisor override: %1")
                              .arg(s("override_reason")));
    if (a == QLatin1String("consent.rejected"))
        return QCoreApplication::translate("TimelineText", "Proxy consent rejected: %1.").arg(s("reason"));
    if (a == QLatin1String("consent.revoked"))
        return QCoreApplication::translate("TimelineText",
                                           "Proxy consent revoked by the patient; the proxy's access "
                                           "ended.");
    if (a == QLatin1String("request.added"))
        return QCoreApplication::translate("TimelineText", "Family request logged: %1.")
            .arg(RequestService::kindDisplayName(s("kind")));
    if (a == QLatin1String("request.resolved"))
        return QCoreApplication::translate("TimelineText", "Family request resolved.");
    if (a == QLatin1String("invitation.queued"))
        return QCoreApplication::translate("TimelineText", "Invitation queued for %1.").arg(s("email"));
    if (a == QLatin1String("invitation.mail_queued"))
        return QCoreApplication::translate("TimelineText",
                                           "Invitation e-mail to %1 waiting for the mail server.")
            .arg(s("email"));
    if (a == QLatin1String("invitation.sent"))
        return QCoreApplication::translate("TimelineText", "Invitation sent to %1.").arg(s("email"));
    if (a == QLatin1String("invitation.reissued"))
        return QCoreApplication::translate("TimelineText", "Invitation reissued to %1 (PIN %2%3).")
            .arg(s("email"),
                 s("pin") == QLatin1String("new") ? QCoreApplication::translate("TimelineText", "changed")
                                                  : QCoreApplication::translate("TimelineText", "kept"),
                 s("verified_by").isEmpty() ? QString() : QStringLiteral("; ") + s("verified_by"));
    if (a == QLatin1String("invitation.revoked"))
        return QCoreApplication::translate("TimelineText", "Invitation revoked: %1.")
            .arg(reasonText(s("reason")));
    if (a == QLatin1String("invitation.activated"))
        return QCoreApplication::translate("TimelineText", "Login activated with the invitation and PIN.");
    if (a == QLatin1String("invitation.wrong_pin"))
        return QCoreApplication::translate("TimelineText", "Wrong PIN entered (%1 so far).")
            .arg(s("failed_attempts"));
    if (a == QLatin1String("invitation.locked"))
        return QCoreApplication::translate("TimelineText", "Invitation locked after %1 wrong PINs.")
            .arg(s("failed_attempts"));
    if (a == QLatin1String("invitation.expired"))
        return QCoreApplication::translate("TimelineText", "Invitation expired unused.");
    if (a == QLatin1String("invitation.late"))
        return QCoreApplication::translate("TimelineText",
                                           "Invitation not sent within the business days allowed.");
    if (a == QLatin1String("portal_user.deactivated") && s("reason") == QLatin1String("deceased") &&
        s("reported_by").isEmpty())
        return QCoreApplication::translate("TimelineText",
                                           "Login closed: the EHR reports the patient's death.");
    if (a == QLatin1String("feed.dismissed"))
        return QCoreApplication::translate("TimelineText",
                                           "A refused message from the EHR (%1) was dismissed.")
            .arg(s("control_id"));
    if (a == QLatin1String("portal_user.deactivated"))
        return QCoreApplication::translate("TimelineText",
                                           "Login deactivated: %1; reported by %2; identity checked by %3.")
            .arg(deactivationText(s("reason")),
                 s("reported_by").isEmpty() ? QStringLiteral("—") : s("reported_by"),
                 s("verified_by").isEmpty() ? QStringLiteral("—") : s("verified_by"));
    if (a == QLatin1String("portal_user.terminated"))
        return QCoreApplication::translate("TimelineText", "Login ended: no access to any patient was left.");
    if (a == QLatin1String("portal_user.reopened"))
        return QCoreApplication::translate("TimelineText", "Login reopened for a new invitation.");
    if (a == QLatin1String("portal_user.updated"))
        return QCoreApplication::translate("TimelineText", "Login details changed.");
    if (a == QLatin1String("transition.notice_queued") && s("date").isEmpty())
        return QCoreApplication::translate("TimelineText", "Notice queued: access changes at age %1.")
            .arg(s("age"));
    if (a == QLatin1String("transition.notice_queued"))
        return QCoreApplication::translate("TimelineText", "Notice queued: access changes at age %1 on %2.")
            .arg(s("age"), s("date"));
    if (a == QLatin1String("mail.failed"))
        return QCoreApplication::translate("TimelineText", "E-mail could not be delivered: %1")
            .arg(s("error"));
    return a;
}

} // namespace pd::TimelineText
