// What an ADT message says about a patient, as the feed service takes it (the mapping is in the README).
#pragma once

#include "ehr/Hl7Message.h"
#include "services/PatientFeedService.h"

#include <optional>

namespace pd::hl7 {

struct AdtSettings {
    QString mrnAuthority; // PID-3.4 of the hospital's MRNs; empty: the identifier of type MR
    QTimeZone zone;       // for times sent without an offset
};

struct AdtReading {
    bool ignored = false; // a trigger PortalDesk doesn't use (A03, A11…): acknowledged, not applied
    FeedRecord record;
    std::optional<Error> error; // a content error: the message is refused (AE) and nothing of it written
    AckDetail detail;           // where it is, and its HL7 error code
};

// A01/A04/A05/A28 register, A08/A31 update, A40 merge; any other ADT trigger is ignored.
AdtReading readAdt(const Message& message, const AdtSettings& settings);

// A language as ISO 639 (en, es, hy…), from ISO 639-1/2 codes or an English or Spanish name; empty
// when it is none of these.
QString languageCode(const QString& codeOrName);

} // namespace pd::hl7
