// A large synthetic patient table for the benchmarks: names in several scripts, MRNs, e-mails, phones.
#pragma once

#include "support/TestSupport.h"

#include "store/PatientRepository.h"

#include <QRandomGenerator>

namespace pd::bench {

inline bool fillPatients(test::TestDb& t, int patients) {
    const QStringList families = {
        QStringLiteral("García"),   QStringLiteral("Hernández"), QStringLiteral("Nguyen"),
        QStringLiteral("Սարգսյան"), QStringLiteral("김"),        QStringLiteral("王"),
        QStringLiteral("Johnson"),  QStringLiteral("O'Brien"),   QStringLiteral("Petrosyan")};
    const QStringList givens = {QStringLiteral("Sofía"), QStringLiteral("Mateo"), QStringLiteral("Արամ"),
                                QStringLiteral("민준"),  QStringLiteral("小明"),  QStringLiteral("Olivia"),
                                QStringLiteral("Liam")};
    QRandomGenerator rng(7);
    PatientRepository repo(*t.db);
    for (int done = 0; done < patients;) {
        if (!t.db->begin())
            return false;
        for (int k = 0; k < 1000 && done < patients; ++k, ++done) {
            Patient p;
            p.mrn = QString::number(1000000 + done);
            p.givenName = givens.at(int(rng.bounded(quint32(givens.size()))));
            p.familyName =
                families.at(int(rng.bounded(quint32(families.size())))) + QString::number(done % 97);
            p.birthDate = QDate(2008, 1, 1).addDays(rng.bounded(6000));
            p.email = QStringLiteral("family%1@example.org").arg(done);
            p.phone = QStringLiteral("(323) 555-%1").arg(done % 10000, 4, 10, QLatin1Char('0'));
            if (!repo.insert(p, t.clock.nowUtc(), QStringLiteral("bench")))
                return false;
        }
        if (!t.db->commit())
            return false;
    }
    return true;
}

} // namespace pd::bench
