// Families for service tests: a patient of a given age on the pinned clock, enrolled by a parent.
#pragma once

#include "support/TestSupport.h"

#include "mail/MimeMessage.h"
#include "services/DemoData.h"
#include "services/EnrollmentService.h"
#include "services/InvitationService.h"
#include "services/PatientService.h"
#include "store/AuditLog.h"
#include "store/Database.h"

namespace pd::test {

inline Patient addPatient(TestDb& t, const QString& mrn, const QDate& birth,
                          const QString& email = QString()) {
    auto ctx = t.as(QStringLiteral("specialist"));
    auto p = PatientService(*ctx).add({mrn, QStringLiteral("Ana"), QStringLiteral("López"),
                                       birth.toString(Qt::ISODate), QStringLiteral("female"),
                                       QStringLiteral("es"), email, QString()});
    if (!p)
        qFatal("addPatient: %s", qPrintable(p.error().message));
    return p.value();
}

inline EnrollRequest parentForm(const QString& mrn, const QDate& signedOn, const QString& email,
                                const QString& given = QStringLiteral("María")) {
    return {
        mrn,   QStringLiteral("parent"), signedOn.toString(Qt::ISODate), given,    QStringLiteral("López"),
        email, QStringLiteral("parent"), QStringLiteral("es"),           QString()};
}

inline EnrollRequest patientForm(const QString& mrn, const QDate& signedOn, const QString& email) {
    return {mrn,
            QStringLiteral("patient"),
            signedOn.toString(Qt::ISODate),
            QString(),
            QString(),
            email,
            QString(),
            QString(),
            QString()};
}

inline EnrollOutcome enrollOk(TestDb& t, const EnrollRequest& r,
                              const QString& pin = QStringLiteral("482913")) {
    auto ctx = t.as(QStringLiteral("specialist"));
    auto out = EnrollmentService(*ctx).enroll(r, pin);
    if (!out)
        qFatal("enroll: %s", qPrintable(out.error().message));
    return out.value();
}

// Delivers what the outbox holds (the mail server accepts it) and returns the activation token in message
// `outboxId`, as the family reads it from the e-mail.
inline QString deliverAndReadToken(TestDb& t, qint64 outboxId) {
    DemoMailboxes mailboxes;
    return mailboxes.deliverAndReadToken(*t.as(QStringLiteral("mailer")), outboxId);
}

// Sends the login's queued invitation and returns the token from the e-mail the family receives.
inline QString sendAndReadToken(TestDb& t, const QString& username) {
    auto ctx = t.as(QStringLiteral("specialist"));
    auto sent = InvitationService(*ctx).sendNow(username);
    if (!sent)
        qFatal("send: %s", qPrintable(sent.error().message));
    return deliverAndReadToken(t, sent->outboxId);
}

} // namespace pd::test
