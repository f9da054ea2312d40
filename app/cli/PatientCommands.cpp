// patient add/show, search, enroll, user show/update/deactivate.
#include "cli/CliContext.h"

#include "core/Secrets.h"
#include "services/AccountService.h"
#include "services/DisplayText.h"
#include "services/EnrollmentService.h"
#include "services/PatientService.h"
#include "services/TimelineText.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace pd::CliCommands {

namespace {

QString grantLine(const CliContext& c, const Grant& g, const QString& who) {
    QString s = QStringLiteral("  %1  %2  ").arg(who, -24).arg(g.level, -8) +
                QCoreApplication::translate("Cli", "%1 (%2, %3 form)  since %4")
                    .arg(g.relationship, g.basis, g.bracket, c.localDate(g.startedAt));
    if (!g.isOpen())
        s += QCoreApplication::translate("Cli", "  ENDED %1 (%2)").arg(c.localDate(g.endedAt), g.endReason);
    return s;
}

QString invitationLine(const CliContext& c, const Invitation& i, const QString& who) {
    QString s = QStringLiteral("  #%1  %2  %3  ").arg(i.id).arg(who, -24).arg(i.status, -15);
    if (i.status == QLatin1String("queued"))
        s += QCoreApplication::translate("Cli", "due %1").arg(c.local(i.dueAt)) +
             (i.lateMarkedAt.isNull() ? QString() : QCoreApplication::translate("Cli", "  LATE"));
    else if (i.sentAt.isValid())
        s += QCoreApplication::translate("Cli", "sent %1, expires %2")
                 .arg(c.local(i.sentAt), c.local(i.expiresAt));
    if (i.failedAttempts > 0)
        s += QCoreApplication::translate("Cli", "  wrong PINs: %1").arg(i.failedAttempts);
    if (!i.revokeReason.isEmpty())
        s += QCoreApplication::translate("Cli", "  revoked: %1").arg(i.revokeReason);
    return s;
}

} // namespace

Status patientAdd(CliContext& c) {
    NewPatient in{c.args.option(QStringLiteral("mrn")),    c.args.option(QStringLiteral("given")),
                  c.args.option(QStringLiteral("family")), c.args.option(QStringLiteral("birth-date")),
                  c.args.option(QStringLiteral("sex")),    c.args.option(QStringLiteral("language")),
                  c.args.option(QStringLiteral("email")),  c.args.option(QStringLiteral("phone"))};
    for (const char* required : {"mrn", "given", "family", "birth-date"}) {
        if (!c.args.has(QString::fromLatin1(required)))
            return Error::validation(QStringLiteral("input.missing"),
                                     QCoreApplication::translate("Cli", "patient add needs --%1.")
                                         .arg(QString::fromLatin1(required)));
    }
    auto p = PatientService(*c.services).add(in);
    if (!p)
        return p.error();
    c.json.insert(QStringLiteral("patient"), CliJson::patient(p.value()));
    c.line(QCoreApplication::translate("Cli", "Added patient %1: %2, born %3.")
               .arg(p->mrn, p->fullName(), p->birthDate.toString(Qt::ISODate)));
    return {};
}

Status patientUpdate(CliContext& c) {
    PatientChanges changes;
    const auto take = [&c](const char* option, std::optional<QString>& field) {
        const QString key = QString::fromLatin1(option);
        if (c.args.has(key))
            field = c.args.option(key);
    };
    take("given", changes.givenName);
    take("family", changes.familyName);
    take("birth-date", changes.birthDate);
    take("sex", changes.sex);
    take("language", changes.language);
    take("email", changes.email);
    take("phone", changes.phone);
    if (!changes.givenName && !changes.familyName && !changes.birthDate && !changes.sex &&
        !changes.language && !changes.email && !changes.phone)
        return Error::validation(
            QStringLiteral("input.missing"),
            QCoreApplication::translate("Cli", "patient update needs at least one field to change, such as "
                                               "--birth-date."));
    auto r = PatientService(*c.services).update(c.args.word(0), changes);
    if (!r)
        return r.error();
    c.json.insert(QStringLiteral("patient"), CliJson::patient(r->patient));
    c.json.insert(QStringLiteral("changed"), QJsonArray::fromStringList(r->changed));
    c.json.insert(QStringLiteral("grants_ended"), r->grantsEnded);
    c.json.insert(QStringLiteral("logins_terminated"), r->loginsEnded);
    c.json.insert(QStringLiteral("needs_review"), r->needsReview);
    if (r->changed.isEmpty()) {
        c.line(QCoreApplication::translate("Cli", "Patient %1 already reads so; nothing changed.")
                   .arg(r->patient.mrn));
        return {};
    }
    c.line(QCoreApplication::translate("Cli", "Corrected patient %1: %2.")
               .arg(r->patient.mrn, r->changed.join(QStringLiteral(", "))));
    if (r->grantsEnded > 0)
        c.line(QCoreApplication::translate("Cli", "The corrected age ends %n access grant(s) now.", nullptr,
                                           r->grantsEnded));
    if (r->loginsEnded > 0)
        c.line(QCoreApplication::translate("Cli", "%n login(s) left with no access were terminated.", nullptr,
                                           r->loginsEnded));
    if (r->needsReview)
        c.line(QCoreApplication::translate("Cli",
                                           "The patient is younger now: access ended under the old "
                                           "birth date is not reopened by itself; listed for review."));
    return {};
}

Status patientShow(CliContext& c) {
    auto story = PatientService(*c.services).show(c.args.word(0));
    if (!story)
        return story.error();
    const Patient& p = story->patient;
    QHash<qint64, QString> names;
    QJsonArray users, grants, invitations, timeline;
    for (const PortalUser& u : std::as_const(story->users)) {
        names.insert(u.id, u.username);
        users.append(CliJson::user(u));
    }
    // A support agent sees no age in years and no birthday (-1 and a null date).
    QJsonObject doc{{QStringLiteral("patient"), CliJson::patient(p)},
                    {QStringLiteral("age"), story->age >= 0 ? QJsonValue(story->age) : QJsonValue()},
                    {QStringLiteral("bracket"), bracketName(story->bracket)}};
    if (story->nextTransition)
        doc.insert(QStringLiteral("next_transition"),
                   QJsonObject{{QStringLiteral("age"), story->nextTransition->age},
                               {QStringLiteral("date"),
                                story->nextTransition->date.isValid()
                                    ? QJsonValue(story->nextTransition->date.toString(Qt::ISODate))
                                    : QJsonValue()}});

    if (!story->mergedFrom.isEmpty()) {
        doc.insert(QStringLiteral("merged_from"), story->mergedFrom);
        c.line(QCoreApplication::translate("Cli", "MRN %1 was merged into MRN %2 by the EHR; showing MRN %2.")
                   .arg(story->mergedFrom, p.mrn));
    }
    if (!story->priorMrns.isEmpty())
        doc.insert(QStringLiteral("prior_mrns"), QJsonArray::fromStringList(story->priorMrns));
    // Restrictions in force come before everything else.
    restrictionBanner(c, story->restrictions, story->today, p.mrn);
    QJsonArray restrictions;
    for (const Restriction& r : std::as_const(story->restrictions)) {
        QJsonObject j = CliJson::restriction(r);
        j.insert(QStringLiteral("in_force"), r.isActiveOn(story->today));
        restrictions.append(j);
    }
    doc.insert(QStringLiteral("restrictions"), restrictions);
    c.line(QCoreApplication::translate("Cli", "Patient %1  %2").arg(p.mrn, p.fullName()));
    if (!story->priorMrns.isEmpty())
        c.line(QCoreApplication::translate("Cli", "  earlier records merged into this one: %1")
                   .arg(story->priorMrns.join(QStringLiteral(", "))));
    const QString email = p.email.isEmpty() ? QStringLiteral("—") : p.email;
    const QString phone = p.phone.isEmpty() ? QStringLiteral("—") : p.phone;
    if (story->age >= 0)
        c.line(QCoreApplication::translate("Cli",
                                           "  born %1, %2 years old (%3); language %4; e-mail %5; phone %6")
                   .arg(p.birthDate.toString(Qt::ISODate))
                   .arg(story->age)
                   .arg(bracketDisplayName(story->bracket), p.language, email, phone));
    else
        c.line(QCoreApplication::translate("Cli", "  born ••• (%1; \"patient verify\" checks a date a caller "
                                                  "gives); language %2; e-mail %3; phone %4")
                   .arg(bracketDisplayName(story->bracket), p.language, email, phone));
    if (p.deceasedAt.isValid())
        c.line(QCoreApplication::translate("Cli",
                                           "  DECEASED %1 (reported by the EHR): every access ended; no "
                                           "e-mail goes to the family.")
                   .arg(c.local(p.deceasedAt)));
    if (!p.reviewReason.isEmpty())
        c.line(QCoreApplication::translate("Cli",
                                           "  LISTED FOR REVIEW since %1: %2 (\"patient reviewed %3\" once "
                                           "done).")
                   .arg(c.local(p.reviewSince), DisplayText::reviewReason(p.reviewReason), p.mrn));
    if (story->nextTransition && story->nextTransition->date.isValid())
        c.line(QCoreApplication::translate("Cli", "  next transition: turns %1 on %2")
                   .arg(story->nextTransition->age)
                   .arg(story->nextTransition->date.toString(Qt::ISODate)));
    else if (story->nextTransition)
        c.line(QCoreApplication::translate("Cli", "  next transition: turns %1 (the day is a birthday, not "
                                                  "shown to support agents)")
                   .arg(story->nextTransition->age));
    c.line(QCoreApplication::translate("Cli", "Logins:"));
    if (story->users.isEmpty())
        c.line(QCoreApplication::translate("Cli", "  none"));
    for (const PortalUser& u : std::as_const(story->users))
        c.line(QStringLiteral("  %1  %2  %3  %4  %5")
                   .arg(u.username, -24)
                   .arg(u.fullName(), u.kind, u.status, u.email));
    c.line(QCoreApplication::translate("Cli", "Access:"));
    if (story->grants.isEmpty())
        c.line(QCoreApplication::translate("Cli", "  none"));
    for (const Grant& g : std::as_const(story->grants)) {
        QJsonObject j = CliJson::grant(g);
        j.insert(QStringLiteral("username"), names.value(g.portalUserId));
        grants.append(j);
        c.line(grantLine(c, g, names.value(g.portalUserId)));
    }
    c.line(QCoreApplication::translate("Cli", "Invitations:"));
    if (story->invitations.isEmpty())
        c.line(QCoreApplication::translate("Cli", "  none"));
    for (const Invitation& i : std::as_const(story->invitations)) {
        QJsonObject j = CliJson::invitation(i);
        j.insert(QStringLiteral("username"), names.value(i.portalUserId));
        invitations.append(j);
        c.line(invitationLine(c, i, names.value(i.portalUserId)));
    }
    c.line(QCoreApplication::translate("Cli", "Timeline:"));
    for (const AuditEvent& e : std::as_const(story->timeline)) {
        QJsonObject j = CliJson::audit(e);
        const QString text = TimelineText::describe(e);
        j.insert(QStringLiteral("text"), text);
        timeline.append(j);
        c.line(QStringLiteral("  %1  %2  %3").arg(c.local(e.at), -20).arg(e.staff, -14).arg(text));
    }
    doc.insert(QStringLiteral("users"), users);
    doc.insert(QStringLiteral("grants"), grants);
    doc.insert(QStringLiteral("invitations"), invitations);
    doc.insert(QStringLiteral("timeline"), timeline);
    c.json = doc;
    return {};
}

Status patientVerify(CliContext& c) {
    if (!c.args.has(QStringLiteral("birth-date")))
        return Error::validation(QStringLiteral("input.missing"),
                                 QCoreApplication::translate("Cli",
                                                             "patient verify needs --birth-date "
                                                             "YYYY-MM-DD: the date the caller gives."));
    auto matches = PatientService(*c.services)
                       .verifyBirthDate(c.args.word(0), c.args.option(QStringLiteral("birth-date")));
    if (!matches)
        return matches.error();
    c.json =
        QJsonObject{{QStringLiteral("mrn"), c.args.word(0)}, {QStringLiteral("matches"), matches.value()}};
    c.line(
        matches.value()
            ? QCoreApplication::translate("Cli", "Matches: the birth date the caller gave is the patient's.")
            : QCoreApplication::translate("Cli", "Doesn't match: the birth date the caller gave is not the "
                                                 "patient's."));
    return {};
}

Status search(CliContext& c) {
    bool ok = true;
    const int limit =
        c.args.has(QStringLiteral("limit")) ? c.args.option(QStringLiteral("limit")).toInt(&ok) : 50;
    if (!ok || limit < 1 || limit > 500)
        return Error::validation(
            QStringLiteral("input.limit"),
            QCoreApplication::translate("Cli", "--limit must be a whole number from 1 to 500."));
    auto hits = PatientService(*c.services).search(c.args.word(0), limit);
    if (!hits)
        return hits.error();
    QJsonArray results;
    for (const SearchHit& h : hits.value()) {
        results.append(QJsonObject{{QStringLiteral("kind"), h.kind},
                                   {QStringLiteral("key"), h.key},
                                   {QStringLiteral("name"), h.name},
                                   {QStringLiteral("email"), h.email},
                                   {QStringLiteral("phone"), h.phone},
                                   {QStringLiteral("status"), h.status}});
        c.line(QStringLiteral("%1  %2  %3  %4")
                   .arg(h.kind == QLatin1String("patient") ? QCoreApplication::translate("Cli", "patient")
                                                           : QCoreApplication::translate("Cli", "login"),
                        -8)
                   .arg(h.key, -24)
                   .arg(h.name, h.kind == QLatin1String("patient") ? h.phone : h.status));
    }
    if (hits->isEmpty())
        c.line(QCoreApplication::translate("Cli", "Nothing matches."));
    c.json.insert(QStringLiteral("results"), results);
    return {};
}

Status enroll(CliContext& c) {
    for (const char* required : {"mrn", "form", "signed"}) {
        if (!c.args.has(QString::fromLatin1(required)))
            return Error::validation(
                QStringLiteral("input.missing"),
                QCoreApplication::translate("Cli", "enroll needs --%1.").arg(QString::fromLatin1(required)));
    }
    EnrollRequest in;
    in.mrn = c.args.option(QStringLiteral("mrn"));
    in.form = c.args.option(QStringLiteral("form"));
    in.signedOn = c.args.option(QStringLiteral("signed"));
    in.givenName = c.args.option(QStringLiteral("given"));
    in.familyName = c.args.option(QStringLiteral("family"));
    in.email = c.args.option(QStringLiteral("email"));
    in.relationship = c.args.option(QStringLiteral("relationship"));
    in.language = c.args.option(QStringLiteral("language"));
    in.overrideReason = c.args.option(QStringLiteral("override"));
    QString pin = readPin(QCoreApplication::translate("Cli", "Temporary PIN from the form: "));
    auto out = EnrollmentService(*c.services).enroll(in, pin);
    Secrets::wipe(pin);
    if (!out)
        return out.error();
    c.json = QJsonObject{
        {QStringLiteral("enrollment"), out->enrollmentId},
        {QStringLiteral("user"), CliJson::user(out->user)},
        {QStringLiteral("new_login"), out->newLogin},
        {QStringLiteral("level"), out->level},
        {QStringLiteral("bracket"), out->bracket},
        {QStringLiteral("invitation"), out->invitationId == 0 ? QJsonValue() : QJsonValue(out->invitationId)},
        {QStringLiteral("due_at"), CliJson::time(out->dueAt)},
        {QStringLiteral("note"), out->note}};
    c.line(QCoreApplication::translate("Cli", "Enrolled %1 (%2) with %3 access (%4 bracket).")
               .arg(out->user.username, out->user.fullName(), out->level, out->bracket));
    if (out->invitationId != 0)
        c.line(QCoreApplication::translate("Cli", "Invitation #%1 to %2 is due to be sent by %3.")
                   .arg(out->invitationId)
                   .arg(out->user.email, c.local(out->dueAt)));
    if (!out->note.isEmpty())
        c.line(out->note);
    return {};
}

Status userShow(CliContext& c) {
    auto story = AccountService(*c.services).show(c.args.word(0));
    if (!story)
        return story.error();
    const PortalUser& u = story->user;
    QJsonArray grants, invitations;
    c.line(QCoreApplication::translate("Cli", "Login %1  %2  <%3>  %4 (%5)")
               .arg(u.username, u.fullName(), u.email, u.status, u.kind));
    if (u.status == QLatin1String("deactivated"))
        c.line(QCoreApplication::translate("Cli", "  deactivated %1: %2; reported by %3; verified by %4")
                   .arg(c.local(u.statusChangedAt), u.deactivationReason, u.reportedBy, u.verifiedBy));
    for (const Grant& g : std::as_const(story->grants)) {
        QJsonObject j = CliJson::grant(g);
        j.insert(QStringLiteral("mrn"), story->patientMrns.value(g.patientId));
        grants.append(j);
        c.line(grantLine(
            c, g,
            QCoreApplication::translate("Cli", "patient %1").arg(story->patientMrns.value(g.patientId))));
    }
    for (const Invitation& i : std::as_const(story->invitations)) {
        invitations.append(CliJson::invitation(i));
        c.line(invitationLine(c, i, u.username));
    }
    c.json = QJsonObject{{QStringLiteral("user"), CliJson::user(u)},
                         {QStringLiteral("grants"), grants},
                         {QStringLiteral("invitations"), invitations}};
    return {};
}

Status userUpdate(CliContext& c) {
    if (!c.args.has(QStringLiteral("email")) && !c.args.has(QStringLiteral("language")))
        return Error::validation(
            QStringLiteral("input.missing"),
            QCoreApplication::translate("Cli", "user update needs --email or --language."));
    UserUpdate in;
    in.user = c.args.word(0);
    in.email = c.args.option(QStringLiteral("email"));
    in.language = c.args.option(QStringLiteral("language"));
    auto u = AccountService(*c.services).update(in);
    if (!u)
        return u.error();
    c.json.insert(QStringLiteral("user"), CliJson::user(u.value()));
    c.line(QCoreApplication::translate("Cli", "Updated %1: e-mail %2, language %3.")
               .arg(u->username, u->email, u->language));
    return {};
}

Status userReverseDeath(CliContext& c) {
    auto user =
        AccountService(*c.services).reverseDeath(c.args.word(0), c.args.option(QStringLiteral("note")));
    if (!user)
        return user.error();
    c.json = QJsonObject{{QStringLiteral("user"), CliJson::user(user.value())}};
    c.line(QCoreApplication::translate("Cli", "The death recorded for %1 was taken back. The login stays "
                                              "deactivated; an HIM specialist reopens it with a new PIN.")
               .arg(user->username));
    return {};
}

Status userDeactivate(CliContext& c) {
    if (!c.args.has(QStringLiteral("reason")))
        return Error::validation(QStringLiteral("input.missing"),
                                 QCoreApplication::translate("Cli", "user deactivate needs --reason."));
    DeactivateRequest in;
    in.user = c.args.word(0);
    in.reason = c.args.option(QStringLiteral("reason"));
    in.reportedBy = c.args.option(QStringLiteral("reported-by"));
    in.verifiedBy = c.args.option(QStringLiteral("verified-by"));
    in.note = c.args.option(QStringLiteral("note"));
    auto out = AccountService(*c.services).deactivate(in);
    if (!out)
        return out.error();
    QJsonArray revoked;
    for (qint64 id : std::as_const(out->revokedInvitations))
        revoked.append(id);
    c.json = QJsonObject{{QStringLiteral("user"), CliJson::user(out->user)},
                         {QStringLiteral("revoked_invitations"), revoked},
                         {QStringLiteral("notice_queued"), out->noticeOutboxId != 0}};
    c.line(QCoreApplication::translate(
               "Cli", "Deactivated %1 (%2). Live invitations revoked: %3. A notice to %4 is in the outbox.")
               .arg(out->user.username, out->user.statusReason)
               .arg(revoked.size())
               .arg(out->user.email));
    return {};
}

Status patientReviews(CliContext& c) {
    auto page = c.page();
    if (!page)
        return page.error();
    PatientService patients(*c.services);
    auto rows = patients.toReview(page->limit, page->offset);
    if (!rows)
        return rows.error();
    auto total = patients.toReviewCount();
    if (!total)
        return total.error();
    QJsonArray list;
    for (const Patient& p : rows.value()) {
        list.append(CliJson::patient(p));
        c.line(
            QStringLiteral("%1  %2  %3  %4")
                .arg(c.local(p.reviewSince), p.mrn, p.fullName(), DisplayText::reviewReason(p.reviewReason)));
    }
    if (rows->isEmpty())
        c.line(QCoreApplication::translate("Cli", "No patient is listed for review."));
    c.pageSummary(page.value(), list.size(), total.value());
    c.json.insert(QStringLiteral("patients"), list);
    return {};
}

Status patientReviewed(CliContext& c) {
    auto p = PatientService(*c.services).markReviewed(c.args.word(0), c.args.option(QStringLiteral("note")));
    if (!p)
        return p.error();
    c.json = QJsonObject{{QStringLiteral("patient"), CliJson::patient(p.value())}};
    c.line(QCoreApplication::translate("Cli", "MRN %1 is off the review list.").arg(p->mrn));
    return {};
}

} // namespace pd::CliCommands
