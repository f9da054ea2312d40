// Input checks shared by every entry point: names, e-mail addresses, phones, dates, lengths.
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace pd::Validation {

inline constexpr int MaxNameLength = 100;
inline constexpr int MaxEmailLength = 254;
inline constexpr int MaxPhoneLength = 32;
inline constexpr int MaxMrnLength = 20;
inline constexpr int MaxNoteLength = 2000;

// Trimmed, NFC-normalised, any script; refuses empty, over-long, control characters.
// `field` is the translated field name used in the message. Rule: "input.name".
Result<QString> name(const QString& value, const QString& field);
// NFC, lower-cases the domain; one '@', a dot in the domain, no spaces and no invisible format or
// direction characters, ≤ 254. Rule: "input.email".
Result<QString> email(const QString& value);
// The mailbox an address reaches, for comparing two addresses: NFC, case-folded, and a "+tag" after
// the local part dropped ("Ana+Kid2@Example.org" and "ana@example.org" are one mailbox).
QString canonicalMailbox(const QString& address);
// Digits with optional + ( ) - . and spaces; 7–15 digits. Rule: "input.phone".
Result<QString> phone(const QString& value);
// 1–20 letters, digits or '-'. Rule: "input.mrn".
Result<QString> mrn(const QString& value);
// Strict YYYY-MM-DD that names a real day. Rule: "input.date".
Result<QDate> isoDate(const QString& value, const QString& field);
// ISO-8601 instant; with no offset it is read as local time in `zone`. Rule: "input.datetime".
Result<QDateTime> isoDateTime(const QString& value, const QTimeZone& zone, const QString& field);
// Free text ≤ 2000 characters, no control characters but newlines. Rule: "input.text".
Result<QString> note(const QString& value, const QString& field);

} // namespace pd::Validation
