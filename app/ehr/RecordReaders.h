// Patients in files from the EHR: FHIR R4 (a Bundle, or NDJSON from a bulk $export) and CSV. Each
// reader streams its file and turns each record into what the feed service applies.
#pragma once

#include "ehr/AdtReader.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>

namespace pd::hl7 {

// One record of a file: where it is, and what it says or why it can't be read.
struct FileRecord {
    qint64 line = 0;      // the line it begins on (NDJSON, CSV) or its entry number (Bundle)
    QString key;          // what names it in a report: "Patient/123" or the MRN
    bool skipped = false; // not a patient (a Bundle's other resources): nothing to do
    FeedRecord record;
    std::optional<Error> error;
};

// FHIR R4 Patient → what the feed applies. Mapping (README): identifier of type MR, the official name,
// birthDate, gender, telecom, communication, deceased[x], link replaced-by (a merge). An absent element
// leaves the value alone.
Result<FeedRecord> patientFromFhir(const QJsonObject& resource, const AdtSettings& settings);

class FhirReader final {
public:
    // A Bundle is read whole (a bulk export's NDJSON, of any size, one line at a time); larger Bundles
    // than this are refused with a pointer to NDJSON.
    static constexpr qint64 MaxBundleBytes = 256LL * 1024 * 1024;
    static constexpr qint64 MaxLineBytes = 16LL * 1024 * 1024; // one NDJSON resource

    FhirReader(QIODevice& in, AdtSettings settings);
    // Looks at the file: a Bundle, or NDJSON. Validation error ("fhir.*") when it is neither.
    Status start();
    bool next(FileRecord* out);
    qint64 position() const;

private:
    QIODevice& m_in;
    AdtSettings m_settings;
    bool m_bundle = false;
    QJsonArray m_entries;
    qsizetype m_entry = 0;
    qint64 m_line = 0;
};

// CSV with a header row (RFC 4180: quotes, doubled quotes, line breaks inside quotes, CRLF or LF, a
// UTF-8 byte-order mark). Columns: mrn (required), given_name, family_name, birth_date (YYYY-MM-DD),
// sex, language, email, phone, deceased_at; an empty cell leaves the value alone.
class CsvReader final {
public:
    // `zone` reads a deceased_at given as a date alone (its midnight there).
    CsvReader(QIODevice& in, QTimeZone zone);
    // Reads the header; Validation error ("csv.header") naming an unknown or missing column.
    Status start();
    bool next(FileRecord* out);
    qint64 position() const { return m_consumed; }

    static QStringList columns();

private:
    bool nextRow(QStringList* fields, qint64* line, QString* problem);
    bool fill();

    QIODevice& m_in;
    QTimeZone m_zone;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    qint64 m_consumed = 0;
    qint64 m_lineNumber = 1;
    bool m_atStart = true;
    QStringList m_header;
};

} // namespace pd::hl7
