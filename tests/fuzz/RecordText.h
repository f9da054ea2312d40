// One record read from a file, as text to compare: the same file read another way must give the same.
#pragma once

#include "ehr/RecordReaders.h"

#include <QStringList>

namespace pd::fuzz {

inline QString recordText(const hl7::FileRecord& r) {
    const auto opt = [](const std::optional<QString>& v) { return v ? QStringLiteral("=") + *v : QString(); };
    const FeedRecord& f = r.record;
    const FeedPatient& p = f.patient;
    return QStringList{QString::number(r.line),
                       r.key,
                       r.skipped ? QStringLiteral("skipped") : QString(),
                       r.error ? r.error->rule + QLatin1Char(':') + r.error->message : QString(),
                       f.source,
                       f.controlId,
                       f.trigger,
                       QString::number(int(f.action)),
                       f.eventAt.toString(Qt::ISODateWithMs),
                       f.priorMrn,
                       p.mrn,
                       opt(p.givenName),
                       opt(p.familyName),
                       opt(p.birthDate),
                       opt(p.sex),
                       opt(p.language),
                       opt(p.email),
                       opt(p.phone),
                       p.deceased ? QString::number(*p.deceased) : QString(),
                       p.deceasedAt.toString(Qt::ISODateWithMs)}
        .join(QChar(0x1f));
}

} // namespace pd::fuzz
