// consent submit | list | show | approve | reject | revoke (SPEC §8, §12).
#include "cli/CliContext.h"

#include "core/Secrets.h"
#include "services/ConsentService.h"

#include <QCoreApplication>
#include <QFile>

namespace pd::CliCommands {

namespace {

QString checkState(ConsentCheck::State s) {
    switch (s) {
    case ConsentCheck::State::Pass:
        return QStringLiteral("pass");
    case ConsentCheck::State::Fail:
        return QStringLiteral("fail");
    case ConsentCheck::State::Info:
        break;
    }
    return QStringLiteral("info");
}

QJsonObject consentJson(const Consent& c) {
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("kind"), c.kind},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("proxy_given"), c.proxyGiven},
            {QStringLiteral("proxy_family"), c.proxyFamily},
            {QStringLiteral("proxy_email"), c.proxyEmail},
            {QStringLiteral("relationship"), c.relationship},
            {QStringLiteral("scope"), c.scope},
            {QStringLiteral("signed_on"), c.signedOn.toString(Qt::ISODate)},
            {QStringLiteral("signed_by"), c.signedBy},
            {QStringLiteral("decided_at"), CliJson::time(c.decidedAt)},
            {QStringLiteral("decided_by"), c.decidedBy},
            {QStringLiteral("reject_reason"), c.rejectReason},
            {QStringLiteral("override_reason"), c.overrideReason},
            {QStringLiteral("grant_id"), c.grantId},
            {QStringLiteral("ends_on"),
             c.endsOn.isValid() ? QJsonValue(c.endsOn.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("renews"), c.renewsId ? QJsonValue(c.renewsId) : QJsonValue()},
            {QStringLiteral("row_version"), c.rowVersion}};
}

Result<qint64> consentId(const CliContext& c) {
    bool ok = false;
    const qint64 id = c.args.word(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(
            QStringLiteral("input.id"),
            QCoreApplication::translate("Cli", "A consent is named by its number, e.g. 12."));
    return id;
}

void decided(CliContext& c, const ConsentDecision& d, const QString& what) {
    c.json = QJsonObject{{QStringLiteral("consent"), consentJson(d.consent)},
                         {QStringLiteral("proxy"), d.proxy.id ? CliJson::user(d.proxy) : QJsonObject()},
                         {QStringLiteral("invitation_id"), d.invitationId},
                         {QStringLiteral("notice_outbox_id"), d.noticeOutboxId},
                         {QStringLiteral("note"), d.note}};
    c.line(what);
    if (!d.note.isEmpty())
        c.line(QStringLiteral("  ") + d.note);
}

} // namespace

Status consentSubmit(CliContext& c) {
    for (const char* required :
         {"mrn", "proxy-email", "proxy-given", "proxy-family", "relationship", "signed", "document"}) {
        if (!c.args.has(QLatin1String(required)))
            return Error::validation(QStringLiteral("input.missing"),
                                     QCoreApplication::translate("Cli", "consent submit needs --%1.")
                                         .arg(QLatin1String(required)));
    }
    const QString path = c.args.option(QStringLiteral("document"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::validation(QStringLiteral("input.document"),
                                 QCoreApplication::translate("Cli", "The form %1 can't be read: %2")
                                     .arg(path, file.errorString()));
    ConsentSubmission s;
    s.mrn = c.args.option(QStringLiteral("mrn"));
    if (c.args.has(QStringLiteral("kind")))
        s.kind = c.args.option(QStringLiteral("kind"));
    s.proxyGiven = c.args.option(QStringLiteral("proxy-given"));
    s.proxyFamily = c.args.option(QStringLiteral("proxy-family"));
    s.proxyEmail = c.args.option(QStringLiteral("proxy-email"));
    s.proxyLanguage = c.args.option(QStringLiteral("language"));
    s.relationship = c.args.option(QStringLiteral("relationship"));
    if (c.args.has(QStringLiteral("scope")))
        s.scope = c.args.option(QStringLiteral("scope"));
    s.signedOn = c.args.option(QStringLiteral("signed"));
    s.signedBy = c.args.option(QStringLiteral("signed-by"));
    s.documentName = path;
    s.document = file.read(ConsentService::MaxDocumentBytes + 1);
    QString pin = readPin(QCoreApplication::translate("Cli", "Temporary PIN from the form: "));
    auto consent = ConsentService(*c.services).submit(s, pin);
    Secrets::wipe(pin);
    if (!consent)
        return consent.error();
    c.json = QJsonObject{{QStringLiteral("consent"), consentJson(consent.value())}};
    c.line(QCoreApplication::translate("Cli", "Consent %1 filed for review: %2 as %3's %4 (%5).")
               .arg(consent->id)
               .arg(consent->proxyName(), s.mrn, consent->relationship, consent->scope));
    return {};
}

Status consentList(CliContext& c) {
    auto page = c.page();
    if (!page)
        return page.error();
    const QString status = c.args.option(QStringLiteral("status"));
    ConsentService consents(*c.services);
    int days = -1;
    if (c.args.has(QStringLiteral("expiring"))) {
        bool ok = false;
        days = c.args.option(QStringLiteral("expiring")).toInt(&ok);
        if (!ok || days < 0 || days > 3660)
            return Error::validation(
                QStringLiteral("input.days"),
                QCoreApplication::translate("Cli", "--expiring takes a number of days, e.g. 30."));
    }
    auto rows = days >= 0 ? consents.ending(days, page->limit, page->offset)
                          : consents.list(status, page->limit, page->offset);
    if (!rows)
        return rows.error();
    auto total = days >= 0 ? consents.endingCount(days) : consents.count(status);
    if (!total)
        return total.error();
    QJsonArray list;
    for (const ConsentRow& r : rows.value()) {
        QJsonObject j = consentJson(r.consent);
        j.insert(QStringLiteral("mrn"), r.mrn);
        list.append(j);
        c.line(QStringLiteral("%1  %2  %3  %4 → %5 <%6>  %7 %8")
                   .arg(r.consent.id, 5)
                   .arg(r.consent.status, -9)
                   .arg(r.mrn, r.patientName, r.consent.proxyName(), r.consent.proxyEmail,
                        r.consent.relationship, r.consent.scope) +
               (r.consent.endsOn.isValid() && r.consent.status == QLatin1String("approved")
                    ? QStringLiteral("  ") + QCoreApplication::translate("Cli", "ends %1")
                                                 .arg(r.consent.endsOn.toString(Qt::ISODate))
                    : QString()));
    }
    if (rows->isEmpty())
        c.line(QCoreApplication::translate("Cli", "No consents."));
    c.pageSummary(page.value(), list.size(), total.value());
    c.json.insert(QStringLiteral("consents"), list);
    return {};
}

Status consentShow(CliContext& c) {
    auto id = consentId(c);
    if (!id)
        return id.error();
    auto r = ConsentService(*c.services).review(id.value());
    if (!r)
        return r.error();
    const Consent& k = r->consent;
    c.line(QCoreApplication::translate("Cli", "Consent %1 (%2), %3").arg(k.id).arg(k.kind, k.status));
    c.line(QCoreApplication::translate("Cli", "  patient  %1 %2 %3, born %4")
               .arg(r->patient.mrn, r->patient.givenName, r->patient.familyName,
                    r->patient.birthDate.toString(Qt::ISODate)));
    c.line(QCoreApplication::translate("Cli", "  proxy    %1 <%2>, %3, %4 access")
               .arg(k.proxyName(), k.proxyEmail, k.relationship, k.scope));
    c.line(
        QCoreApplication::translate("Cli", "  form     %1, %2 bytes, SHA-256 %3; signed %4 by %5")
            .arg(r->document.name)
            .arg(r->document.size)
            .arg(r->document.sha256, k.signedOn.toString(Qt::ISODate),
                 k.signedBy.isEmpty() ? QCoreApplication::translate("Cli", "(not recorded)") : k.signedBy));
    if (k.status == QLatin1String("approved"))
        c.line(k.endsOn.isValid()
                   ? QCoreApplication::translate("Cli", "  access   ends on %1 (the patient renews it "
                                                        "with a new consent)")
                         .arg(k.endsOn.toString(Qt::ISODate))
                   : QCoreApplication::translate("Cli", "  access   does not expire"));
    QJsonArray checks;
    for (const ConsentCheck& ch : std::as_const(r->checks)) {
        checks.append(QJsonObject{{QStringLiteral("check"), ch.code},
                                  {QStringLiteral("result"), checkState(ch.state)},
                                  {QStringLiteral("blocking"), ch.blocking},
                                  {QStringLiteral("message"), ch.message}});
        c.line(QStringLiteral("  [%1] %2").arg(checkState(ch.state), -4).arg(ch.message));
    }
    if (k.status == QLatin1String("submitted"))
        c.line(r->approvable ? QCoreApplication::translate("Cli", "Every check passes: it can be approved.")
               : r->needsOverride
                   ? QCoreApplication::translate("Cli", "Approving it needs a supervisor's override.")
                   : QCoreApplication::translate("Cli", "A check fails: it can't be approved as it is."));
    QJsonObject consent = consentJson(k);
    consent.insert(QStringLiteral("mrn"), r->patient.mrn);
    consent.insert(QStringLiteral("document"),
                   QJsonObject{{QStringLiteral("name"), r->document.name},
                               {QStringLiteral("media_type"), r->document.mediaType},
                               {QStringLiteral("size"), r->document.size},
                               {QStringLiteral("sha256"), r->document.sha256}});
    c.json = QJsonObject{{QStringLiteral("consent"), consent},
                         {QStringLiteral("checks"), checks},
                         {QStringLiteral("approvable"), r->approvable},
                         {QStringLiteral("needs_override"), r->needsOverride}};
    return {};
}

Status consentApprove(CliContext& c) {
    auto id = consentId(c);
    if (!id)
        return id.error();
    auto d = ConsentService(*c.services).approve(id.value(), 0, c.args.option(QStringLiteral("override")));
    if (!d)
        return d.error();
    decided(c, d.value(),
            QCoreApplication::translate("Cli", "Consent %1 approved: %2 has %3 access.")
                .arg(d->consent.id)
                .arg(d->proxy.username, d->consent.scope));
    return {};
}

Status consentReject(CliContext& c) {
    auto id = consentId(c);
    if (!id)
        return id.error();
    auto d = ConsentService(*c.services).reject(id.value(), c.args.option(QStringLiteral("reason")));
    if (!d)
        return d.error();
    decided(c, d.value(), QCoreApplication::translate("Cli", "Consent %1 rejected.").arg(d->consent.id));
    return {};
}

Status consentRevoke(CliContext& c) {
    auto id = consentId(c);
    if (!id)
        return id.error();
    auto d = ConsentService(*c.services).revoke(id.value());
    if (!d)
        return d.error();
    decided(c, d.value(),
            QCoreApplication::translate("Cli", "Consent %1 revoked: %2's access ended now.")
                .arg(d->consent.id)
                .arg(d->proxy.username));
    return {};
}

} // namespace pd::CliCommands
