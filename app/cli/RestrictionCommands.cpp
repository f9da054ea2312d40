// restriction add | list | show | lift | document (SPEC §8).
#include "cli/CliContext.h"

#include "services/ConsentService.h"
#include "services/DisplayText.h"
#include "services/RestrictionService.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace pd::CliCommands {

namespace {

Result<qint64> restrictionId(const CliContext& c) {
    bool ok = false;
    const qint64 id = c.args.word(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(
            QStringLiteral("input.id"),
            QCoreApplication::translate("Cli", "A restriction is named by its number, e.g. 12."));
    return id;
}

QString untilText(const Restriction& r) {
    return r.until.isValid() ? QCoreApplication::translate("Cli", "until %1").arg(DisplayText::date(r.until))
                             : QCoreApplication::translate("Cli", "until lifted");
}

QString personText(const Restriction& r) {
    return r.email.isEmpty() ? r.personName() : QStringLiteral("%1 <%2>").arg(r.personName(), r.email);
}

QString stateText(const Restriction& r, const QDate& today) {
    if (r.isLifted())
        return QCoreApplication::translate("Cli", "lifted");
    return r.isActiveOn(today) ? QCoreApplication::translate("Cli", "in force")
                               : QCoreApplication::translate("Cli", "ended");
}

QJsonObject rowJson(const RestrictionRow& row) {
    QJsonObject j = CliJson::restriction(row.restriction);
    j.insert(QStringLiteral("mrn"), row.mrn);
    return j;
}

} // namespace

void restrictionBanner(CliContext& c, const QList<Restriction>& restrictions, const QDate& today,
                       const QString& mrn) {
    for (const Restriction& r : restrictions) {
        if (!r.isActiveOn(today))
            continue;
        c.line(
            QCoreApplication::translate("Cli", "RESTRICTED #%1: %2 is barred from MRN %3's record (%4, %5).")
                .arg(r.id)
                .arg(personText(r), mrn, DisplayText::restrictionReason(r.reason), untilText(r)));
        if (!r.note.isEmpty())
            c.line(QStringLiteral("  ") + r.note);
    }
}

Status restrictionAdd(CliContext& c) {
    for (const char* required : {"mrn", "given", "family", "reason", "document"}) {
        if (!c.args.has(QLatin1String(required)))
            return Error::validation(QStringLiteral("input.missing"),
                                     QCoreApplication::translate("Cli", "restriction add needs --%1.")
                                         .arg(QLatin1String(required)));
    }
    const QString path = c.args.option(QStringLiteral("document"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::validation(QStringLiteral("input.document"),
                                 QCoreApplication::translate("Cli", "The order %1 can't be read: %2")
                                     .arg(path, file.errorString()));
    RestrictionRequest r;
    r.mrns = c.args.values(QStringLiteral("mrn"));
    r.givenName = c.args.option(QStringLiteral("given"));
    r.familyName = c.args.option(QStringLiteral("family"));
    r.email = c.args.option(QStringLiteral("email"));
    r.reason = c.args.option(QStringLiteral("reason"));
    r.until = c.args.option(QStringLiteral("until"));
    r.note = c.args.option(QStringLiteral("note"));
    r.documentName = path;
    r.document = file.read(ConsentService::MaxDocumentBytes + 1);
    auto out = RestrictionService(*c.services).add(r);
    if (!out)
        return out.error();
    QJsonArray list;
    for (const RestrictionRow& row : std::as_const(out->restrictions)) {
        list.append(rowJson(row));
        c.line(QCoreApplication::translate("Cli",
                                           "Restriction %1 recorded: %2 is barred from MRN %3's record "
                                           "(%4, %5).")
                   .arg(row.restriction.id)
                   .arg(personText(row.restriction), row.mrn,
                        DisplayText::restrictionReason(row.restriction.reason), untilText(row.restriction)));
    }
    c.line(QCoreApplication::translate("Cli", "  %n grant(s) ended at once", nullptr,
                                       int(out->effect.grantsEnded.size())) +
           QStringLiteral("; ") +
           QCoreApplication::translate("Cli", "%n login(s) left with none terminated", nullptr,
                                       int(out->effect.loginsTerminated.size())) +
           QStringLiteral("; ") +
           QCoreApplication::translate("Cli", "%n waiting message(s) cancelled; nothing is mailed to them.",
                                       nullptr, out->effect.mailCancelled));
    QJsonArray ended, terminated;
    for (qint64 id : std::as_const(out->effect.grantsEnded))
        ended.append(id);
    for (qint64 id : std::as_const(out->effect.loginsTerminated))
        terminated.append(id);
    c.json = QJsonObject{{QStringLiteral("restrictions"), list},
                         {QStringLiteral("grants_ended"), ended},
                         {QStringLiteral("logins_terminated"), terminated},
                         {QStringLiteral("mail_cancelled"), out->effect.mailCancelled}};
    return {};
}

Status restrictionList(CliContext& c) {
    auto page = c.page();
    if (!page)
        return page.error();
    RestrictionList show = RestrictionList::Standing;
    int days = 30;
    if (c.args.has(QStringLiteral("ending"))) {
        bool ok = false;
        days = c.args.option(QStringLiteral("ending")).toInt(&ok);
        if (!ok || days < 0 || days > 3660)
            return Error::validation(
                QStringLiteral("input.days"),
                QCoreApplication::translate("Cli", "--ending takes a number of days, e.g. 30."));
        show = RestrictionList::Ending;
    } else if (c.args.has(QStringLiteral("all"))) {
        show = RestrictionList::All;
    }
    const QString mrn = c.args.option(QStringLiteral("mrn"));
    RestrictionService service(*c.services);
    auto rows = service.list(show, mrn, days, page->limit, page->offset);
    if (!rows)
        return rows.error();
    auto total = service.count(show, mrn, days);
    if (!total)
        return total.error();
    auto today = c.services->policy();
    if (!today)
        return today.error();
    const QDate date = c.services->today(today.value());
    QJsonArray list;
    for (const RestrictionRow& row : std::as_const(rows.value())) {
        const Restriction& r = row.restriction;
        list.append(rowJson(row));
        c.line(QStringLiteral("%1  %2  %3 %4  %5  %6, %7")
                   .arg(r.id, 5)
                   .arg(stateText(r, date), -9)
                   .arg(row.mrn, row.patientName, personText(r), DisplayText::restrictionReason(r.reason),
                        untilText(r)));
    }
    if (rows->isEmpty())
        c.line(QCoreApplication::translate("Cli", "No restrictions."));
    c.pageSummary(page.value(), list.size(), total.value());
    c.json.insert(QStringLiteral("restrictions"), list);
    return {};
}

Status restrictionShow(CliContext& c) {
    auto id = restrictionId(c);
    if (!id)
        return id.error();
    auto row = RestrictionService(*c.services).show(id.value());
    if (!row)
        return row.error();
    auto policy = c.services->policy();
    if (!policy)
        return policy.error();
    const Restriction& r = row->restriction;
    c.json = QJsonObject{{QStringLiteral("restriction"), rowJson(row.value())}};
    c.line(
        QCoreApplication::translate("Cli", "Restriction %1 (%2): %3 is barred from MRN %4's record (%5).")
            .arg(r.id)
            .arg(stateText(r, c.services->today(policy.value())), personText(r), row->mrn, row->patientName));
    c.line(
        QCoreApplication::translate("Cli", "  %1, %2; recorded %3 by %4")
            .arg(DisplayText::restrictionReason(r.reason), untilText(r), c.local(r.createdAt), r.createdBy));
    if (!r.note.isEmpty())
        c.line(QStringLiteral("  ") + r.note);
    if (r.isLifted())
        c.line(QCoreApplication::translate("Cli", "  lifted %1 by %2: %3")
                   .arg(c.local(r.liftedAt), r.liftedBy, r.liftReason));
    return {};
}

Status restrictionLift(CliContext& c) {
    auto id = restrictionId(c);
    if (!id)
        return id.error();
    if (!c.args.has(QStringLiteral("reason")))
        return Error::validation(QStringLiteral("input.missing"),
                                 QCoreApplication::translate("Cli", "restriction lift needs --reason."));
    auto row = RestrictionService(*c.services).lift(id.value(), c.args.option(QStringLiteral("reason")));
    if (!row)
        return row.error();
    c.json = QJsonObject{{QStringLiteral("restriction"), rowJson(row.value())}};
    c.line(QCoreApplication::translate("Cli",
                                       "Restriction %1 lifted. The access it ended stays ended; the person "
                                       "enrolls again with new forms.")
               .arg(row->restriction.id));
    return {};
}

Status restrictionDocument(CliContext& c) {
    auto id = restrictionId(c);
    if (!id)
        return id.error();
    if (!c.args.has(QStringLiteral("out")))
        return Error::validation(
            QStringLiteral("input.missing"),
            QCoreApplication::translate("Cli", "restriction document needs --out FILE."));
    auto d = RestrictionService(*c.services).document(id.value());
    if (!d)
        return d.error();
    const QString path = c.args.option(QStringLiteral("out"));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(d->content) != d->content.size() || !out.commit())
        return Error::validation(QStringLiteral("input.out"),
                                 QCoreApplication::translate("Cli", "The order can't be written to %1: %2")
                                     .arg(path, out.errorString()));
    c.json = QJsonObject{{QStringLiteral("name"), d->name},
                         {QStringLiteral("media_type"), d->mediaType},
                         {QStringLiteral("size"), d->size},
                         {QStringLiteral("sha256"), d->sha256}};
    c.line(QCoreApplication::translate("Cli", "Order %1 (%2, %3 bytes, SHA-256 %4) written to %5.")
               .arg(d->name, d->mediaType)
               .arg(d->size)
               .arg(d->sha256, path));
    return {};
}

} // namespace pd::CliCommands
