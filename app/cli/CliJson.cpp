#include "cli/CliContext.h"

#include "core/AgeRules.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace pd {

QString CliContext::local(const QDateTime& t) const {
    if (!t.isValid())
        return QStringLiteral("—");
    const QDateTime l = t.toTimeZone(policy.zone);
    return l.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + policy.zone.abbreviation(t);
}

QString CliContext::localDate(const QDateTime& t) const {
    return t.isValid() ? AgeRules::localDate(t, policy.zone).toString(Qt::ISODate) : QStringLiteral("—");
}

Result<CliContext::Page> CliContext::page(int defaultLimit) const {
    Page p;
    p.limit = defaultLimit;
    bool ok = true;
    if (args.has(QStringLiteral("limit")))
        p.limit = args.option(QStringLiteral("limit")).toInt(&ok);
    if (!ok || p.limit < 1 || p.limit > 10000)
        return Error::validation(
            QStringLiteral("input.limit"),
            QCoreApplication::translate("Cli", "--limit must be a whole number from 1 to 10000."));
    if (args.has(QStringLiteral("offset")))
        p.offset = args.option(QStringLiteral("offset")).toInt(&ok);
    if (!ok || p.offset < 0)
        return Error::validation(
            QStringLiteral("input.offset"),
            QCoreApplication::translate("Cli", "--offset must be a whole number, 0 or more."));
    return p;
}

void CliContext::pageSummary(const Page& p, qsizetype shown, qint64 total) {
    json.insert(QStringLiteral("total"), total);
    json.insert(QStringLiteral("offset"), p.offset);
    if (shown == 0 || (p.offset == 0 && shown >= total))
        return; // the whole list is on the screen
    const qint64 last = p.offset + qint64(shown);
    if (last < total)
        line(QCoreApplication::translate("Cli", "Rows %1–%2 of %3; --offset %2 for the next.")
                 .arg(p.offset + 1)
                 .arg(last)
                 .arg(total));
    else
        line(QCoreApplication::translate("Cli", "Rows %1–%2 of %3.").arg(p.offset + 1).arg(last).arg(total));
}

namespace CliJson {

QJsonValue time(const QDateTime& t) {
    return t.isValid() ? QJsonValue(t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")))
                       : QJsonValue(QJsonValue::Null);
}

static QJsonValue text(const QString& s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject patient(const Patient& p) {
    return {{QStringLiteral("mrn"), p.mrn},
            {QStringLiteral("given_name"), p.givenName},
            {QStringLiteral("family_name"), p.familyName},
            {QStringLiteral("birth_date"),
             p.birthDate.isValid() ? QJsonValue(p.birthDate.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("sex"), p.sex},
            {QStringLiteral("language"), p.language},
            {QStringLiteral("email"), text(p.email)},
            {QStringLiteral("phone"), text(p.phone)},
            {QStringLiteral("deceased_at"), time(p.deceasedAt)},
            {QStringLiteral("review_reason"), text(p.reviewReason)},
            {QStringLiteral("review_since"), time(p.reviewSince)},
            {QStringLiteral("row_version"), p.rowVersion}};
}

QJsonObject user(const PortalUser& u) {
    return {{QStringLiteral("username"), u.username},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("given_name"), u.givenName},
            {QStringLiteral("family_name"), u.familyName},
            {QStringLiteral("language"), u.language},
            {QStringLiteral("kind"), u.kind},
            {QStringLiteral("status"), u.status},
            {QStringLiteral("status_reason"), text(u.statusReason)},
            {QStringLiteral("status_changed_at"), time(u.statusChangedAt)},
            {QStringLiteral("activated_at"), time(u.activatedAt)},
            {QStringLiteral("deactivation_reason"), text(u.deactivationReason)},
            {QStringLiteral("reported_by"), text(u.reportedBy)},
            {QStringLiteral("verified_by"), text(u.verifiedBy)},
            {QStringLiteral("row_version"), u.rowVersion}};
}

QJsonObject restriction(const Restriction& r) {
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("given_name"), r.givenName},
            {QStringLiteral("family_name"), r.familyName},
            {QStringLiteral("email"), text(r.email)},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("until"),
             r.until.isValid() ? QJsonValue(r.until.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("note"), text(r.note)},
            {QStringLiteral("document_id"), r.documentId ? QJsonValue(r.documentId) : QJsonValue()},
            {QStringLiteral("created_at"), time(r.createdAt)},
            {QStringLiteral("created_by"), r.createdBy},
            {QStringLiteral("lifted_at"), time(r.liftedAt)},
            {QStringLiteral("lifted_by"), text(r.liftedBy)},
            {QStringLiteral("lift_reason"), text(r.liftReason)},
            {QStringLiteral("row_version"), r.rowVersion}};
}

QJsonObject grant(const Grant& g) {
    return {{QStringLiteral("id"), g.id},
            {QStringLiteral("level"), g.level},
            {QStringLiteral("basis"), g.basis},
            {QStringLiteral("bracket"), g.bracket},
            {QStringLiteral("relationship"), g.relationship},
            {QStringLiteral("started_at"), time(g.startedAt)},
            {QStringLiteral("ended_at"), time(g.endedAt)},
            {QStringLiteral("end_reason"), text(g.endReason)},
            {QStringLiteral("open"), g.isOpen()}};
}

QJsonObject invitation(const Invitation& i) {
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("status"), i.status},
            {QStringLiteral("email"), i.email},
            {QStringLiteral("queued_at"), time(i.queuedAt)},
            {QStringLiteral("due_at"), time(i.dueAt)},
            {QStringLiteral("sent_at"), time(i.sentAt)},
            {QStringLiteral("expires_at"), time(i.expiresAt)},
            {QStringLiteral("activated_at"), time(i.activatedAt)},
            {QStringLiteral("revoked_at"), time(i.revokedAt)},
            {QStringLiteral("revoke_reason"), text(i.revokeReason)},
            {QStringLiteral("late"), !i.lateMarkedAt.isNull()},
            {QStringLiteral("failed_attempts"), i.failedAttempts},
            {QStringLiteral("replaces"),
             i.replacesId == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(i.replacesId)},
            {QStringLiteral("pin_verified_by"), text(i.pinVerifiedBy)}};
}

QJsonObject audit(const AuditEvent& e) {
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), time(e.at)},
            {QStringLiteral("staff"), e.staff},
            {QStringLiteral("workstation"), e.workstation},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("record"), QString(e.recordType + QLatin1Char(':') + e.recordId)},
            {QStringLiteral("details"), QJsonDocument::fromJson(e.details.toUtf8()).object()}};
}

QJsonObject outbox(const OutboxMessage& m) {
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("message_id"), m.messageId},
            {QStringLiteral("kind"), m.kind},
            {QStringLiteral("recipient"), m.recipient},
            {QStringLiteral("language"), m.language},
            {QStringLiteral("subject"), m.subject},
            {QStringLiteral("status"), m.status},
            {QStringLiteral("attempts"), m.attempts},
            {QStringLiteral("last_error"), text(m.lastError)},
            {QStringLiteral("created_at"), time(m.createdAt)},
            {QStringLiteral("sent_at"), time(m.sentAt)}};
}

} // namespace CliJson
} // namespace pd
