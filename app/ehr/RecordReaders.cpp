#include "ehr/RecordReaders.h"

#include "core/Validation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStringDecoder>

namespace pd::hl7 {

namespace {

Error fhirError(const char* rule, const QString& text) {
    return Error::validation(QString::fromLatin1(rule), text);
}

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString().trimmed();
}

bool isMrType(const QJsonObject& identifier) {
    for (const QJsonValue& c :
         identifier.value(QLatin1String("type")).toObject().value(QLatin1String("coding")).toArray()) {
        if (c.toObject().value(QLatin1String("code")).toString() == QLatin1String("MR"))
            return true;
    }
    return false;
}

QString mrnOf(const QJsonArray& identifiers, const QString& authority) {
    QString only;
    for (const QJsonValue& v : identifiers) {
        const QJsonObject id = v.toObject();
        if (!isMrType(id))
            continue;
        const QString system = str(id, "system");
        const QString assigner =
            id.value(QLatin1String("assigner")).toObject().value(QLatin1String("display")).toString();
        if (authority.isEmpty() || system.endsWith(authority, Qt::CaseInsensitive) ||
            assigner.compare(authority, Qt::CaseInsensitive) == 0)
            return str(id, "value");
    }
    if (identifiers.size() == 1 && authority.isEmpty())
        only = str(identifiers.first().toObject(), "value");
    return only;
}

// A FHIR dateTime (or date) as an instant; a date alone is its midnight in the hospital's zone.
QDateTime fhirInstant(const QString& text, const QTimeZone& zone) {
    if (text.size() == 10) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        return d.isValid() ? QDateTime(d, QTime(0, 0), zone).toUTC() : QDateTime();
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), zone);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

Result<FeedRecord> patientFromFhir(const QJsonObject& r, const AdtSettings& settings) {
    if (r.value(QLatin1String("resourceType")).toString() != QLatin1String("Patient"))
        return fhirError("fhir.not_patient",
                         QCoreApplication::translate("Feed", "The resource is not a Patient."));
    FeedRecord out;
    out.source = QStringLiteral("FHIR");
    out.trigger = QStringLiteral("FHIR Patient");
    out.action = FeedAction::Register;
    const QString id = str(r, "id");
    const QJsonObject meta = r.value(QLatin1String("meta")).toObject();
    if (!id.isEmpty()) {
        const QString version =
            str(meta, "versionId").isEmpty() ? str(meta, "lastUpdated") : str(meta, "versionId");
        out.controlId = QString(QStringLiteral("Patient/") + id +
                                (version.isEmpty() ? QString() : QString(QLatin1Char('/') + version)))
                            .left(199);
    }
    if (meta.contains(QLatin1String("lastUpdated"))) {
        out.eventAt = fhirInstant(str(meta, "lastUpdated"), settings.zone);
        if (!out.eventAt.isValid())
            return fhirError(
                "fhir.bad_last_updated",
                QCoreApplication::translate("Feed", "meta.lastUpdated \"%1\" is not a date and time.")
                    .arg(str(meta, "lastUpdated").left(40)));
    }
    FeedPatient& p = out.patient;
    p.mrn = mrnOf(r.value(QLatin1String("identifier")).toArray(), settings.mrnAuthority);
    if (p.mrn.isEmpty())
        return fhirError("fhir.no_mrn",
                         QCoreApplication::translate("Feed", "The Patient has no identifier of type MR "
                                                             "(the hospital's MRN)."));
    if (auto ok = Validation::mrn(p.mrn); !ok)
        return fhirError("fhir.bad_mrn",
                         QCoreApplication::translate("Feed", "identifier: %1").arg(ok.error().message));

    // A record the EHR replaced by another: a merge into the one the link names.
    for (const QJsonValue& v : r.value(QLatin1String("link")).toArray()) {
        const QJsonObject link = v.toObject();
        if (str(link, "type") != QLatin1String("replaced-by"))
            continue;
        const QString survivor = link.value(QLatin1String("other"))
                                     .toObject()
                                     .value(QLatin1String("identifier"))
                                     .toObject()
                                     .value(QLatin1String("value"))
                                     .toString()
                                     .trimmed();
        if (survivor.isEmpty())
            return fhirError("fhir.link_without_identifier",
                             QCoreApplication::translate("Feed",
                                                         "link replaced-by must name the surviving record by "
                                                         "its identifier (other.identifier.value)."));
        if (auto ok = Validation::mrn(survivor); !ok)
            return fhirError("fhir.bad_mrn",
                             QCoreApplication::translate("Feed", "link: %1").arg(ok.error().message));
        FeedRecord merge = out;
        merge.action = FeedAction::Merge;
        merge.priorMrn = p.mrn;
        merge.patient = FeedPatient{};
        merge.patient.mrn = survivor;
        return merge;
    }

    if (r.contains(QLatin1String("name"))) {
        const QJsonArray names = r.value(QLatin1String("name")).toArray();
        QJsonObject name = names.isEmpty() ? QJsonObject() : names.first().toObject();
        for (const QJsonValue& v : names) {
            if (str(v.toObject(), "use") == QLatin1String("official")) {
                name = v.toObject();
                break;
            }
        }
        const QString family = str(name, "family");
        const QString given = name.value(QLatin1String("given")).toArray().first().toString().trimmed();
        if (family.isEmpty() || given.isEmpty())
            return fhirError("fhir.name_incomplete",
                             QCoreApplication::translate("Feed", "name must give both family and given."));
        for (const auto& [value, what] :
             {std::pair{family, QCoreApplication::translate("Feed", "Family name")},
              std::pair{given, QCoreApplication::translate("Feed", "Given name")}}) {
            if (auto ok = Validation::name(value, what); !ok)
                return fhirError("fhir.bad_name",
                                 QCoreApplication::translate("Feed", "name: %1").arg(ok.error().message));
        }
        p.familyName = family;
        p.givenName = given;
    }
    if (r.contains(QLatin1String("birthDate"))) {
        const QString birth = str(r, "birthDate");
        const QDate d = QDate::fromString(birth, Qt::ISODate);
        if (birth.size() != 10 || !d.isValid())
            return fhirError(
                "fhir.bad_birth_date",
                QCoreApplication::translate("Feed", "birthDate \"%1\" is not a whole date (YYYY-MM-DD).")
                    .arg(birth.left(30)));
        p.birthDate = d.toString(Qt::ISODate);
    }
    if (r.contains(QLatin1String("gender"))) {
        const QString g = str(r, "gender");
        static const QStringList genders = {QStringLiteral("female"), QStringLiteral("male"),
                                            QStringLiteral("other"), QStringLiteral("unknown")};
        if (!genders.contains(g))
            return fhirError("fhir.bad_gender",
                             QCoreApplication::translate("Feed", "gender \"%1\" is not female, male, "
                                                                 "other or unknown.")
                                 .arg(g.left(20)));
        p.sex = g;
    }
    if (r.contains(QLatin1String("telecom"))) {
        QString email, phone;
        for (const QJsonValue& v : r.value(QLatin1String("telecom")).toArray()) {
            const QJsonObject t = v.toObject();
            if (str(t, "system") == QLatin1String("email") && email.isEmpty())
                email = str(t, "value");
            else if (str(t, "system") == QLatin1String("phone") && str(t, "use") != QLatin1String("work") &&
                     phone.isEmpty())
                phone = str(t, "value");
        }
        if (!email.isEmpty()) {
            if (auto ok = Validation::email(email); !ok)
                return fhirError("fhir.bad_email",
                                 QCoreApplication::translate("Feed", "telecom: %1").arg(ok.error().message));
        }
        if (!phone.isEmpty()) {
            if (auto ok = Validation::phone(phone); !ok)
                return fhirError("fhir.bad_phone",
                                 QCoreApplication::translate("Feed", "telecom: %1").arg(ok.error().message));
        }
        p.email = email;
        p.phone = phone;
    }
    if (r.contains(QLatin1String("communication"))) {
        const QJsonArray all = r.value(QLatin1String("communication")).toArray();
        QJsonObject chosen = all.isEmpty() ? QJsonObject() : all.first().toObject();
        for (const QJsonValue& v : all) {
            if (v.toObject().value(QLatin1String("preferred")).toBool()) {
                chosen = v.toObject();
                break;
            }
        }
        const QJsonObject language = chosen.value(QLatin1String("language")).toObject();
        const QString code = language.value(QLatin1String("coding"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("code"))
                                 .toString();
        QString mapped = languageCode(code.section(QLatin1Char('-'), 0, 0));
        if (mapped.isEmpty())
            mapped = languageCode(str(language, "text"));
        if (mapped.isEmpty())
            return fhirError("fhir.bad_language",
                             QCoreApplication::translate("Feed", "communication \"%1\" is not a "
                                                                 "language PortalDesk knows.")
                                 .arg(code.isEmpty() ? str(language, "text").left(40) : code.left(40)));
        p.language = mapped;
    }
    if (r.contains(QLatin1String("deceasedBoolean"))) {
        p.deceased = r.value(QLatin1String("deceasedBoolean")).toBool();
    } else if (r.contains(QLatin1String("deceasedDateTime"))) {
        p.deceasedAt = fhirInstant(str(r, "deceasedDateTime"), settings.zone);
        if (!p.deceasedAt.isValid())
            return fhirError("fhir.bad_deceased",
                             QCoreApplication::translate("Feed", "deceasedDateTime \"%1\" is not a "
                                                                 "date and time.")
                                 .arg(str(r, "deceasedDateTime").left(40)));
        p.deceased = true;
    }
    return out;
}

FhirReader::FhirReader(QIODevice& in, AdtSettings settings)
    : m_in(in)
    , m_settings(std::move(settings)) {}

Status FhirReader::start() {
    // The first character tells: a Bundle is one JSON object over many lines; NDJSON has an object per line.
    const QByteArray head = m_in.peek(64 * 1024);
    QByteArray firstLine = head.left(head.indexOf('\n') < 0 ? head.size() : head.indexOf('\n'));
    if (firstLine.startsWith("\xEF\xBB\xBF"))
        firstLine = firstLine.mid(3);
    const QJsonDocument oneLine = QJsonDocument::fromJson(firstLine.trimmed());
    if (oneLine.isObject() &&
        oneLine.object().value(QLatin1String("resourceType")).toString() != QLatin1String("Bundle"))
        return {}; // NDJSON
    if (m_in.size() > MaxBundleBytes)
        return fhirError(
            "fhir.bundle_too_large",
            QCoreApplication::translate("Feed", "The Bundle is over %1 MB; export the patients as NDJSON "
                                                "(a bulk $export) instead.")
                .arg(MaxBundleBytes / (1024 * 1024)));
    QJsonParseError problem{};
    const QJsonDocument doc = QJsonDocument::fromJson(m_in.readAll(), &problem);
    if (problem.error != QJsonParseError::NoError)
        return fhirError("fhir.not_json",
                         QCoreApplication::translate("Feed", "The file is not FHIR JSON: %1 at "
                                                             "character %2.")
                             .arg(problem.errorString())
                             .arg(problem.offset));
    if (doc.object().value(QLatin1String("resourceType")).toString() != QLatin1String("Bundle"))
        return fhirError("fhir.not_bundle",
                         QCoreApplication::translate("Feed", "The file is neither a FHIR Bundle nor "
                                                             "NDJSON of Patient resources."));
    m_bundle = true;
    m_entries = doc.object().value(QLatin1String("entry")).toArray();
    return {};
}

namespace {

// One line of at most `max` bytes (a longer line's rest comes as the next one), read a few kilobytes at a
// time: QIODevice::readLine(max) sets aside all of `max` for every line, however short.
QByteArray readBoundedLine(QIODevice& in, qint64 max) {
    QByteArray line;
    char chunk[8192];
    while (line.size() < max) {
        const qint64 got = in.readLine(chunk, std::min<qint64>(sizeof chunk, max - line.size() + 1));
        if (got <= 0)
            break;
        line.append(chunk, got);
        if (chunk[got - 1] == '\n')
            break;
    }
    return line;
}

} // namespace

qint64 FhirReader::position() const {
    return m_bundle ? (m_entries.isEmpty() ? m_in.size() : m_in.size() * m_entry / m_entries.size())
                    : m_in.pos();
}

bool FhirReader::next(FileRecord* out) {
    *out = FileRecord();
    QJsonObject resource;
    if (m_bundle) {
        if (m_entry >= m_entries.size())
            return false;
        out->line = ++m_entry;
        resource = m_entries.at(m_entry - 1).toObject().value(QLatin1String("resource")).toObject();
    } else {
        QByteArray line;
        do {
            if (m_in.atEnd())
                return false;
            line = readBoundedLine(m_in, MaxLineBytes);
            ++m_line;
            if (m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
                line = line.mid(3);
        } while (line.trimmed().isEmpty());
        out->line = m_line;
        QJsonParseError problem{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &problem);
        if (problem.error != QJsonParseError::NoError || !doc.isObject()) {
            out->error = fhirError(
                "fhir.not_json",
                QCoreApplication::translate("Feed", "Not a JSON object: %1.").arg(problem.errorString()));
            return true;
        }
        resource = doc.object();
    }
    out->key = QStringLiteral("Patient/") + str(resource, "id");
    if (resource.value(QLatin1String("resourceType")).toString() != QLatin1String("Patient")) {
        out->skipped = true;
        out->key = resource.value(QLatin1String("resourceType")).toString();
        return true;
    }
    auto record = patientFromFhir(resource, m_settings);
    if (record)
        out->record = record.value();
    else
        out->error = record.error();
    return true;
}

CsvReader::CsvReader(QIODevice& in, QTimeZone zone)
    : m_in(in)
    , m_zone(std::move(zone)) {}

QStringList CsvReader::columns() {
    return {QStringLiteral("mrn"),        QStringLiteral("given_name"), QStringLiteral("family_name"),
            QStringLiteral("birth_date"), QStringLiteral("sex"),        QStringLiteral("language"),
            QStringLiteral("email"),      QStringLiteral("phone"),      QStringLiteral("deceased_at")};
}

bool CsvReader::fill() {
    if (m_in.atEnd())
        return false;
    m_buffer = m_buffer.mid(m_offset) + m_in.read(64 * 1024);
    m_offset = 0;
    return true;
}

bool CsvReader::nextRow(QStringList* fields, qint64* line, QString* problem) {
    fields->clear();
    problem->clear();
    QByteArray field;
    bool quoted = false, inQuotes = false, any = false;
    *line = m_lineNumber;
    const auto endField = [&] {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(field);
        if (utf8.hasError() && problem->isEmpty())
            *problem = QCoreApplication::translate("Feed", "The row is not valid UTF-8.");
        fields->append(quoted ? text : text.trimmed());
        field.clear();
        quoted = false;
    };
    for (;;) {
        if (m_offset >= m_buffer.size() && !fill()) {
            if (inQuotes)
                *problem = QCoreApplication::translate("Feed", "A quoted value is never closed.");
            if (!any && field.isEmpty())
                return false;
            endField();
            return true;
        }
        if (m_atStart) {
            // A pipe may hand the byte-order mark over in more than one read.
            while (m_buffer.size() - m_offset < 3 && fill()) {
            }
            if (m_buffer.mid(m_offset, 3) == "\xEF\xBB\xBF") {
                m_offset += 3;
                m_consumed += 3;
            }
            m_atStart = false;
            continue;
        }
        const char c = m_buffer.at(m_offset++);
        ++m_consumed;
        if (c == '\n')
            ++m_lineNumber;
        if (field.size() > 1024 * 1024) {
            *problem = QCoreApplication::translate("Feed", "A value is over 1 MB.");
            field.clear();
        }
        if (inQuotes) {
            if (c == '"') {
                if (m_offset >= m_buffer.size())
                    fill();
                if (m_offset < m_buffer.size() && m_buffer.at(m_offset) == '"') {
                    field += '"';
                    ++m_offset;
                    ++m_consumed;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"' && field.trimmed().isEmpty()) {
            field.clear();
            inQuotes = true;
            quoted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r') {
                if (m_offset >= m_buffer.size())
                    fill();
                if (m_offset < m_buffer.size() && m_buffer.at(m_offset) == '\n') {
                    ++m_offset;
                    ++m_consumed;
                }
                ++m_lineNumber;
            }
            if (fields->isEmpty() && field.trimmed().isEmpty()) { // a blank line
                *line = m_lineNumber;
                any = false;
                continue;
            }
            endField();
            return true;
        } else {
            field += c;
        }
    }
}

Status CsvReader::start() {
    qint64 line = 0;
    QString problem;
    QStringList header;
    if (!nextRow(&header, &line, &problem))
        return Error::validation(
            QStringLiteral("csv.header"),
            QCoreApplication::translate("Feed", "The file is empty; a CSV of patients begins with "
                                                "a header row: %1.")
                .arg(columns().join(QLatin1Char(','))));
    for (QString& h : header)
        h = h.trimmed().toLower();
    for (const QString& h : std::as_const(header)) {
        if (!columns().contains(h))
            return Error::validation(QStringLiteral("csv.header"),
                                     QCoreApplication::translate("Feed",
                                                                 "Line 1: \"%1\" is not a column PortalDesk "
                                                                 "reads; the columns are %2.")
                                         .arg(h.left(40), columns().join(QStringLiteral(", "))));
        if (header.count(h) > 1)
            return Error::validation(
                QStringLiteral("csv.header"),
                QCoreApplication::translate("Feed", "Line 1: the column \"%1\" appears twice.").arg(h));
    }
    if (!header.contains(QLatin1String("mrn")))
        return Error::validation(
            QStringLiteral("csv.header"),
            QCoreApplication::translate("Feed", "Line 1: the header has no mrn column."));
    m_header = header;
    return {};
}

bool CsvReader::next(FileRecord* out) {
    *out = FileRecord();
    QStringList fields;
    QString problem;
    if (!nextRow(&fields, &out->line, &problem))
        return false;
    const auto refuse = [&](const char* rule, const QString& text) {
        out->error = Error::validation(QString::fromLatin1(rule), text);
        return true;
    };
    if (!problem.isEmpty())
        return refuse("csv.row", problem);
    if (fields.size() != m_header.size())
        return refuse("csv.row",
                      QCoreApplication::translate("Feed", "The row has %1 values; the header has %2 columns.")
                          .arg(fields.size())
                          .arg(m_header.size()));
    FeedRecord& r = out->record;
    r.source = QStringLiteral("CSV");
    r.trigger = QStringLiteral("CSV");
    r.action = FeedAction::Register;
    FeedPatient& p = r.patient;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString& column = m_header.at(i);
        const QString value = fields.at(i).trimmed();
        if (value.isEmpty())
            continue; // an empty cell leaves the value alone
        if (column == QLatin1String("mrn")) {
            p.mrn = value;
        } else if (column == QLatin1String("given_name")) {
            p.givenName = value;
        } else if (column == QLatin1String("family_name")) {
            p.familyName = value;
        } else if (column == QLatin1String("birth_date")) {
            p.birthDate = value;
        } else if (column == QLatin1String("sex")) {
            static const QHash<QString, QString> sexes = {{QStringLiteral("f"), QStringLiteral("female")},
                                                          {QStringLiteral("m"), QStringLiteral("male")},
                                                          {QStringLiteral("o"), QStringLiteral("other")},
                                                          {QStringLiteral("u"), QStringLiteral("unknown")}};
            p.sex = sexes.value(value.toLower(), value.toLower());
        } else if (column == QLatin1String("language")) {
            const QString code = languageCode(value);
            if (code.isEmpty())
                return refuse("csv.language",
                              QCoreApplication::translate("Feed", "\"%1\" is not a language PortalDesk "
                                                                  "knows.")
                                  .arg(value.left(40)));
            p.language = code;
        } else if (column == QLatin1String("email")) {
            p.email = value;
        } else if (column == QLatin1String("phone")) {
            p.phone = value;
        } else if (column == QLatin1String("deceased_at")) {
            p.deceasedAt = fhirInstant(value, m_zone);
            if (!p.deceasedAt.isValid())
                return refuse(
                    "csv.deceased_at",
                    QCoreApplication::translate("Feed", "deceased_at \"%1\" is not a date (YYYY-MM-DD) or an "
                                                        "ISO date and time.")
                        .arg(value.left(40)));
            p.deceased = true;
        }
    }
    if (p.mrn.isEmpty())
        return refuse("csv.no_mrn", QCoreApplication::translate("Feed", "The row has no MRN."));
    out->key = p.mrn;
    return true;
}

} // namespace pd::hl7
