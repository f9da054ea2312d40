#include "services/DisplayText.h"

#include <QCoreApplication>

namespace pd::DisplayText {

QString invitationStatus(const QString& s) {
    if (s == QLatin1String("queued"))
        return QCoreApplication::translate("DisplayText", "queued");
    if (s == QLatin1String("sent"))
        return QCoreApplication::translate("DisplayText", "sent");
    if (s == QLatin1String("delivery_failed"))
        return QCoreApplication::translate("DisplayText", "delivery failed");
    if (s == QLatin1String("activated"))
        return QCoreApplication::translate("DisplayText", "activated");
    if (s == QLatin1String("expired"))
        return QCoreApplication::translate("DisplayText", "expired");
    if (s == QLatin1String("locked"))
        return QCoreApplication::translate("DisplayText", "locked");
    if (s == QLatin1String("revoked"))
        return QCoreApplication::translate("DisplayText", "revoked");
    return s;
}

QString userStatus(const QString& s) {
    if (s == QLatin1String("pending"))
        return QCoreApplication::translate("DisplayText", "not yet active");
    if (s == QLatin1String("active"))
        return QCoreApplication::translate("DisplayText", "active");
    if (s == QLatin1String("deactivated"))
        return QCoreApplication::translate("DisplayText", "deactivated");
    if (s == QLatin1String("terminated"))
        return QCoreApplication::translate("DisplayText", "terminated");
    return s;
}

QString consentStatus(const QString& s) {
    if (s == QLatin1String("submitted"))
        return QCoreApplication::translate("DisplayText", "waiting for review", "a consent");
    if (s == QLatin1String("approved"))
        return QCoreApplication::translate("DisplayText", "approved", "a consent");
    if (s == QLatin1String("rejected"))
        return QCoreApplication::translate("DisplayText", "rejected", "a consent");
    if (s == QLatin1String("revoked"))
        return QCoreApplication::translate("DisplayText", "revoked", "a consent");
    return s;
}

QString level(const QString& s) {
    if (s == QLatin1String("full"))
        return QCoreApplication::translate("DisplayText", "full");
    if (s == QLatin1String("limited"))
        return QCoreApplication::translate("DisplayText", "limited");
    return s;
}

QString relationship(const QString& s) {
    if (s == QLatin1String("self"))
        return QCoreApplication::translate("DisplayText", "patient");
    if (s == QLatin1String("parent"))
        return QCoreApplication::translate("DisplayText", "parent");
    if (s == QLatin1String("guardian"))
        return QCoreApplication::translate("DisplayText", "legal guardian");
    if (s == QLatin1String("family"))
        return QCoreApplication::translate("DisplayText", "family member");
    return s;
}

QString reviewReason(const QString& s) {
    if (s == QLatin1String("younger_after_correction"))
        return QCoreApplication::translate("DisplayText",
                                           "younger after a birth-date correction: access ended at 12 or 18 "
                                           "may not have ended under the new date");
    if (s == QLatin1String("death_cleared"))
        return QCoreApplication::translate("DisplayText", "the EHR no longer reports the patient's death");
    return s;
}

QString endReason(const QString& s) {
    if (s == QLatin1String("age_12"))
        return QCoreApplication::translate("DisplayText", "patient turned 12");
    if (s == QLatin1String("age_18"))
        return QCoreApplication::translate("DisplayText", "patient turned 18");
    if (s == QLatin1String("deactivated"))
        return QCoreApplication::translate("DisplayText", "login deactivated");
    if (s == QLatin1String("revoked"))
        return QCoreApplication::translate("DisplayText", "revoked");
    if (s == QLatin1String("restricted"))
        return QCoreApplication::translate("DisplayText", "access restriction");
    if (s == QLatin1String("consent_revoked"))
        return QCoreApplication::translate("DisplayText", "consent revoked");
    if (s == QLatin1String("deceased"))
        return QCoreApplication::translate("DisplayText", "patient deceased");
    if (s == QLatin1String("merged"))
        return QCoreApplication::translate("DisplayText", "records merged");
    if (s == QLatin1String("consent_expired"))
        return QCoreApplication::translate("DisplayText", "consent expired");
    if (s == QLatin1String("consent_renewed"))
        return QCoreApplication::translate("DisplayText", "consent renewed");
    return s;
}

QString bracket(const QString& s) {
    if (s == QLatin1String("child"))
        return bracketDisplayName(Bracket::Child);
    if (s == QLatin1String("adolescent"))
        return bracketDisplayName(Bracket::Adolescent);
    if (s == QLatin1String("adult"))
        return bracketDisplayName(Bracket::Adult);
    return s;
}

QString restrictionReason(const QString& s) {
    if (s == QLatin1String("court_order"))
        return QCoreApplication::translate("DisplayText", "court order");
    if (s == QLatin1String("custody_order"))
        return QCoreApplication::translate("DisplayText", "custody order");
    if (s == QLatin1String("protective_order"))
        return QCoreApplication::translate("DisplayText", "protective order");
    if (s == QLatin1String("other"))
        return QCoreApplication::translate("DisplayText", "other legal document");
    return s;
}

QString deactivationReason(const QString& s) {
    if (s == QLatin1String("suspected_compromise"))
        return QCoreApplication::translate("DisplayText", "Suspected use by someone else");
    if (s == QLatin1String("family_request"))
        return QCoreApplication::translate("DisplayText", "The family asked");
    if (s == QLatin1String("duplicate"))
        return QCoreApplication::translate("DisplayText", "Duplicate login");
    if (s == QLatin1String("deceased"))
        return QCoreApplication::translate("DisplayText", "Deceased");
    if (s == QLatin1String("other"))
        return QCoreApplication::translate("DisplayText", "Other (explain in the note)");
    return s;
}

QString form(const QString& s) {
    if (s == QLatin1String("parent"))
        return QCoreApplication::translate("DisplayText", "parent or guardian");
    if (s == QLatin1String("patient"))
        return QCoreApplication::translate("DisplayText", "patient's own");
    return s;
}

QString userKind(const QString& s) {
    if (s == QLatin1String("patient"))
        return QCoreApplication::translate("DisplayText", "the patient's own login");
    if (s == QLatin1String("proxy"))
        return QCoreApplication::translate("DisplayText", "a proxy's login");
    return s;
}

QString localTime(const QDateTime& instant, const QTimeZone& zone) {
    return instant.isValid() ? instant.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : QString();
}

QString localDate(const QDateTime& instant, const QTimeZone& zone) {
    return instant.isValid() ? AgeRules::localDate(instant, zone).toString(Qt::ISODate) : QString();
}

QString date(const QDate& d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace pd::DisplayText
