// The words staff read for the spec's stored values (statuses, reasons, levels), and times shown in the
// hospital's zone as unambiguous ISO dates.
#pragma once

#include "core/AgeRules.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace pd::DisplayText {

QString invitationStatus(const QString& status);
QString userStatus(const QString& status);
QString consentStatus(const QString& status); // submitted | approved | rejected | revoked
QString level(const QString& level);
QString relationship(const QString& relationship);
QString endReason(const QString& reason);
QString reviewReason(const QString& reason); // why a patient is listed for review
QString bracket(const QString& bracket);
QString deactivationReason(const QString& reason);
QString restrictionReason(const QString& reason); // court_order | custody_order | protective_order | other
QString form(const QString& form);                // parent | patient
QString userKind(const QString& kind);            // patient | proxy

// "2026-11-25 14:05" in the hospital's zone; empty for a null time.
QString localTime(const QDateTime& instant, const QTimeZone& zone);
// "2026-11-25" in the hospital's zone.
QString localDate(const QDateTime& instant, const QTimeZone& zone);
QString date(const QDate& date);

} // namespace pd::DisplayText
