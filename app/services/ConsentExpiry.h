// Adult proxy consents that expire (SPEC §8): the day fixed at approval, the patient's reminder before it,
// and the nightly run that ends the grant on that day, catching up on days it missed.
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

namespace pd {

// The day an approved consent's grant ends: consent.expiry_months after `approvedOn`, the month's last day
// where that month is shorter (31 August + 18 months = 28 or 29 February); null when consents don't expire
// (0) and for a guardian's court papers, which never do.
QDate consentEndsOn(const Policy& policy, const QDate& approvedOn, const QString& kind);

// Ends, inside the caller's transaction, up to `limit` grants whose consent's day has come (end reason
// "consent_expired", at that day's start), and terminates logins left with none. Returns (consents looked
// at, grants ended).
Result<QPair<int, int>> endExpiredConsents(const ServiceContext& ctx, const Policy& policy, int limit);

// Queues, inside the caller's transaction, the reminder of up to `limit` consents ending within
// consent.reminder_days: to the patient, in their language, at their own login's address or else their
// contact address; it names the proxy, the day and how to renew. Returns (consents looked at, reminders
// queued).
Result<QPair<int, int>> remindEndingConsents(const ServiceContext& ctx, const Policy& policy, int limit);

} // namespace pd
