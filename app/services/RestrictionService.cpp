#include "services/RestrictionService.h"

#include "core/FailPoint.h"
#include "core/RestrictionRules.h"
#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/ConsentService.h"
#include "services/DailyJob.h"
#include "services/DisplayText.h"
#include "services/InvitationService.h"
#include "services/PatientService.h"
#include "store/ConsentRepository.h"
#include "store/Database.h"
#include "store/GrantRepository.h"
#include "store/OutboxRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RestrictionRepository.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace pd {

namespace {

// What a support agent sees of a restriction: the banner, never the order, and the address masked (on the
// central database their view already masks it).
Restriction asSeenBy(const ServiceContext& ctx, Restriction r) {
    if (ctx.has(Role::Specialist))
        return r;
    r.documentId = 0;
    if (!r.email.contains(QChar(0x2022)))
        r.email = maskEmail(r.email);
    return r;
}

RestrictionRow asSeenBy(const ServiceContext& ctx, RestrictionRow row) {
    row.restriction = asSeenBy(ctx, row.restriction);
    return row;
}

QString untilText(const Restriction& r) {
    return r.until.isValid()
               ? QCoreApplication::translate("Services", "until %1").arg(DisplayText::date(r.until))
               : QCoreApplication::translate("Services", "until lifted");
}

Result<Document> orderDocument(const ServiceContext& ctx, const RestrictionRequest& in) {
    if (in.document.isEmpty())
        return Error::validation(
            QStringLiteral("restriction.document_missing"),
            QCoreApplication::translate("Services",
                                        "The order's scan is missing; attach it (PDF, PNG or JPEG)."));
    if (in.document.size() > ConsentService::MaxDocumentBytes)
        return Error::validation(QStringLiteral("restriction.document_too_large"),
                                 QCoreApplication::translate("Services",
                                                             "The order's scan is %1 MB; the limit is %2 MB. "
                                                             "Scan it again at a lower resolution.")
                                     .arg(double(in.document.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                                     .arg(ConsentService::MaxDocumentBytes / (1024 * 1024)));
    Document d;
    d.mediaType = ConsentService::sniffMediaType(in.document);
    if (d.mediaType.isEmpty())
        return Error::validation(
            QStringLiteral("restriction.document_type"),
            QCoreApplication::translate("Services", "The order's scan must be a PDF, PNG or JPEG file."));
    d.name = QFileInfo(in.documentName).fileName().simplified().left(200);
    if (d.name.isEmpty())
        d.name = QStringLiteral("order");
    d.size = in.document.size();
    d.sha256 = Secrets::sha256Hex(in.document);
    d.content = in.document;
    d.createdAt = ctx.now();
    d.createdBy = ctx.staff().name;
    return d;
}

Result<qint64> patientIdOf(Database& db, const QString& mrn) {
    if (mrn.trimmed().isEmpty())
        return qint64(0);
    auto p = findPatient(db, mrn);
    if (!p)
        return p.error();
    return p->id;
}

} // namespace

Error restrictionRefusal(const Restriction& r, const QString& mrn, const QString& personName) {
    return Error::validation(
        QStringLiteral("restriction.active"),
        QCoreApplication::translate("Services",
                                    "Restriction #%1 (%2, %3) bars %4 from MRN %5's record: no enrollment, "
                                    "consent, invitation or change of address gives them access. HIM staff "
                                    "hold the order.")
            .arg(r.id)
            .arg(DisplayText::restrictionReason(r.reason), untilText(r), personName, mrn));
}

Result<QList<Restriction>> restrictionsOf(const ServiceContext& ctx, qint64 patientId) {
    auto all = RestrictionRepository(ctx.db()).forPatient(patientId);
    if (!all)
        return all.error();
    QList<Restriction> out;
    for (const Restriction& r : std::as_const(all.value()))
        out.append(asSeenBy(ctx, r));
    return out;
}

Status refuseIfRestricted(const ServiceContext& ctx, const Policy& policy, const Patient& patient,
                          const QString& given, const QString& family, const QString& email) {
    auto all = RestrictionRepository(ctx.db()).forPatient(patient.id);
    if (!all)
        return all.error();
    if (const Restriction* r =
            RestrictionRules::barring(all.value(), ctx.today(policy), given, family, email))
        return restrictionRefusal(*r, patient.mrn, given.trimmed() + QLatin1Char(' ') + family.trimmed());
    return {};
}

Status refuseIfRestricted(const ServiceContext& ctx, const Policy& policy, const PortalUser& user) {
    auto grants = GrantRepository(ctx.db()).forUser(user.id);
    if (!grants)
        return grants.error();
    const bool noneOpen =
        std::none_of(grants->cbegin(), grants->cend(), [](const Grant& g) { return g.isOpen(); });
    RestrictionRepository restrictions(ctx.db());
    const QDate today = ctx.today(policy);
    for (const Grant& g : std::as_const(grants.value())) {
        // The records the login opens; and, for a login left with none, those a restriction closed to it.
        const bool closedByRestriction = noneOpen && g.endReason == QLatin1String("restricted");
        if (!g.isOpen() && !closedByRestriction)
            continue;
        auto all = restrictions.forPatient(g.patientId);
        if (!all)
            return all.error();
        const Restriction* barring =
            RestrictionRules::barring(all.value(), today, user.givenName, user.familyName, user.email);
        for (qsizetype i = 0; !barring && closedByRestriction && i < all->size(); ++i) {
            if (all->at(i).isActiveOn(today))
                barring = &all->at(i);
        }
        if (!barring)
            continue;
        auto patient = PatientRepository(ctx.db()).byId(g.patientId);
        if (!patient)
            return patient.error();
        return restrictionRefusal(*barring, patient->has_value() ? (*patient)->mrn : QString(),
                                  user.fullName());
    }
    return {};
}

Result<RestrictionEffect> enforceRestrictions(const ServiceContext& ctx, const Policy& policy,
                                              qint64 patientId, const QJsonObject& cause) {
    RestrictionEffect out;
    auto all = RestrictionRepository(ctx.db()).forPatient(patientId);
    if (!all)
        return all.error();
    const QDate today = ctx.today(policy);
    QList<Restriction> inForce;
    for (const Restriction& r : std::as_const(all.value())) {
        if (r.isActiveOn(today))
            inForce.append(r);
    }
    if (inForce.isEmpty())
        return out;
    auto grants = GrantRepository(ctx.db()).forPatient(patientId);
    if (!grants)
        return grants.error();
    PortalUserRepository users(ctx.db());
    QList<qint64> touched;
    const QDateTime now = ctx.now();
    for (const Grant& g : std::as_const(grants.value())) {
        if (!g.isOpen())
            continue;
        auto holder = users.byId(g.portalUserId);
        if (!holder)
            return holder.error();
        if (!holder->has_value())
            continue;
        const PortalUser& u = **holder;
        const Restriction* r = RestrictionRules::barring(inForce, today, u.givenName, u.familyName, u.email);
        if (!r)
            continue;
        QJsonObject details{{QStringLiteral("end_reason"), QStringLiteral("restricted")},
                            {QStringLiteral("restriction"), r->id},
                            {QStringLiteral("rule"), QStringLiteral("a restriction ends the barred person's "
                                                                    "access at once")}};
        addDetails(details, cause);
        PD_TRY(endGrant(ctx, g, now, QStringLiteral("restricted"), details));
        out.grantsEnded.append(g.id);
        if (!touched.contains(u.id))
            touched.append(u.id);
    }
    OutboxRepository outbox(ctx.db());
    auto waiting = outbox.pendingFor(touched);
    if (!waiting)
        return waiting.error();
    auto terminated = terminateLoginsWithoutGrant(ctx, touched);
    if (!terminated)
        return terminated.error();
    out.loginsTerminated = terminated.value();
    // Nothing goes to the person because of the order: what waited for a login that ended (its revoked
    // invitation's message is cancelled with it), and the birthday notices about the grants that ended.
    const QString why = QStringLiteral("access restriction");
    PD_TRY(outbox.cancelPending(out.loginsTerminated, 0, why));
    PD_TRY(outbox.cancelNotices(out.grantsEnded, why));
    auto still = outbox.pendingFor(touched);
    if (!still)
        return still.error();
    out.mailCancelled = waiting.value() - still.value();
    return out;
}

Result<RestrictionOutcome> RestrictionService::add(const RestrictionRequest& in) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Recording an access restriction")));
    QStringList mrns;
    for (const QString& m : in.mrns) {
        if (!m.trimmed().isEmpty() && !mrns.contains(m.trimmed()))
            mrns << m.trimmed();
    }
    if (mrns.isEmpty())
        return Error::validation(
            QStringLiteral("restriction.mrn_missing"),
            QCoreApplication::translate("Services",
                                        "Name the patient's MRN (and each sibling's the order names)."));
    auto given = Validation::name(in.givenName, QCoreApplication::translate("Services", "Given name"));
    if (!given)
        return given.error();
    auto family = Validation::name(in.familyName, QCoreApplication::translate("Services", "Family name"));
    if (!family)
        return family.error();
    QString email;
    if (!in.email.trimmed().isEmpty()) {
        auto v = Validation::email(in.email);
        if (!v)
            return v.error();
        email = v.value();
    }
    if (!RestrictionRules::reasons().contains(in.reason))
        return Error::validation(QStringLiteral("restriction.reason"),
                                 QCoreApplication::translate("Services",
                                                             "The reason is court_order, custody_order, "
                                                             "protective_order or other."));
    auto note = Validation::note(in.note, QCoreApplication::translate("Services", "Note"));
    if (!note)
        return note.error();
    if (in.reason == QLatin1String("other") && note->isEmpty())
        return Error::validation(
            QStringLiteral("restriction.note_required"),
            QCoreApplication::translate("Services",
                                        "Say in a note what the document is when the reason is other."));
    QDate until;
    if (!in.until.trimmed().isEmpty()) {
        auto v = Validation::isoDate(in.until, QCoreApplication::translate("Services", "In force until"));
        if (!v)
            return v.error();
        until = v.value();
    }
    auto document = orderDocument(m_ctx, in);
    if (!document)
        return document.error();

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDate today = m_ctx.today(policy.value());
    if (until.isValid() && until < today)
        return Error::validation(QStringLiteral("restriction.until_past"),
                                 QCoreApplication::translate(
                                     "Services", "The restriction's last day (%1) has passed; today is %2.")
                                     .arg(DisplayText::date(until), DisplayText::date(today)));
    QList<Patient> patients;
    for (const QString& mrn : std::as_const(mrns)) {
        auto p = findPatient(m_ctx.db(), mrn);
        if (!p)
            return p.error();
        patients.append(p.value());
    }
    auto documentId = ConsentRepository(m_ctx.db()).insertDocument(document.value());
    if (!documentId)
        return documentId.error();

    RestrictionOutcome out;
    RestrictionRepository repository(m_ctx.db());
    for (const Patient& p : std::as_const(patients)) {
        Restriction r;
        r.patientId = p.id;
        r.givenName = given.value();
        r.familyName = family.value();
        r.email = email;
        r.reason = in.reason;
        r.documentId = documentId.value();
        r.until = until;
        r.note = note.value();
        r.createdAt = m_ctx.now();
        r.createdBy = m_ctx.staff().name;
        if (m_ctx.db().dialect() == Dialect::Postgres) {
            auto row = m_ctx.db().callDoor(
                QStringLiteral("restriction_add"),
                {{QStringLiteral("ctx"), m_ctx.serverContext()},
                 {QStringLiteral("patient"), p.id},
                 {QStringLiteral("given"), r.givenName},
                 {QStringLiteral("family"), r.familyName},
                 {QStringLiteral("email"), r.email},
                 {QStringLiteral("reason"), r.reason},
                 {QStringLiteral("document"), r.documentId},
                 {QStringLiteral("until"), until.isValid() ? until.toString(Qt::ISODate) : QString()},
                 {QStringLiteral("note"), r.note}});
            if (!row)
                return row.error();
            r.id = row->value(0).toLongLong();
        } else {
            auto id = repository.insert(r);
            if (!id)
                return id.error();
            r.id = id.value();
            PD_TRY(m_ctx.audit(
                QStringLiteral("restriction.added"), QStringLiteral("restriction"), r.id, p.id, 0,
                {{QStringLiteral("reason"), r.reason},
                 {QStringLiteral("person"), r.personName()},
                 {QStringLiteral("until"), until.isValid() ? until.toString(Qt::ISODate) : QString()},
                 {QStringLiteral("document_sha256"), document->sha256}}));
        }
        auto effect = enforceRestrictions(m_ctx, policy.value(), p.id);
        if (!effect)
            return effect.error();
        out.effect.grantsEnded += effect->grantsEnded;
        out.effect.loginsTerminated += effect->loginsTerminated;
        out.effect.mailCancelled += effect->mailCancelled;
        auto row = repository.byId(r.id);
        if (!row)
            return row.error();
        if (row->has_value())
            out.restrictions.append(**row);
    }
    FailPoint::hit("restriction.before_commit");
    PD_TRY(tx.commit());
    return out;
}

namespace {

// The list asked for, as the store filters it, on the hospital's date; inside the caller's transaction.
Result<RestrictionFilter> filterFor(const ServiceContext& ctx, RestrictionList show, const QString& mrn,
                                    int days) {
    auto policy = ctx.policy();
    if (!policy)
        return policy.error();
    auto patientId = patientIdOf(ctx.db(), mrn);
    if (!patientId)
        return patientId.error();
    RestrictionFilter f;
    f.show = show == RestrictionList::Standing ? RestrictionFilter::Show::Standing
             : show == RestrictionList::Ending ? RestrictionFilter::Show::Ending
                                               : RestrictionFilter::Show::All;
    f.today = ctx.today(policy.value());
    f.endingBy = f.today.addDays(qBound(0, days, 3660));
    f.patientId = patientId.value();
    return f;
}

} // namespace

Result<QList<RestrictionRow>> RestrictionService::list(RestrictionList show, const QString& mrn, int days,
                                                       int limit, int offset) {
    PD_TRY(checkPage(limit, offset));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto f = filterFor(m_ctx, show, mrn, days);
    if (!f)
        return f.error();
    f->limit = limit;
    f->offset = offset;
    auto rows = RestrictionRepository(m_ctx.db()).list(f.value());
    if (!rows)
        return rows.error();
    PD_TRY(tx.commit());
    QList<RestrictionRow> out;
    for (const RestrictionRow& r : std::as_const(rows.value()))
        out.append(asSeenBy(m_ctx, r));
    return out;
}

Result<qint64> RestrictionService::count(RestrictionList show, const QString& mrn, int days) {
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto f = filterFor(m_ctx, show, mrn, days);
    if (!f)
        return f.error();
    auto n = RestrictionRepository(m_ctx.db()).count(f.value());
    if (!n)
        return n.error();
    PD_TRY(tx.commit());
    return n.value();
}

Result<RestrictionRow> RestrictionService::show(qint64 id) {
    auto row = RestrictionRepository(m_ctx.db()).byId(id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error::notFound(
            QStringLiteral("restriction.not_found"),
            QCoreApplication::translate("Services", "There is no restriction #%1.").arg(id));
    return asSeenBy(m_ctx, **row);
}

Result<Document> RestrictionService::document(qint64 id) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Reading a restriction's order")));
    auto row = show(id);
    if (!row)
        return row.error();
    auto d = ConsentRepository(m_ctx.db()).document(row->restriction.documentId);
    if (!d)
        return d.error();
    if (!d->has_value())
        return Error::notFound(
            QStringLiteral("restriction.document_missing"),
            QCoreApplication::translate("Services", "Restriction #%1's order is not on file.").arg(id));
    return **d;
}

Result<RestrictionRow> RestrictionService::lift(qint64 id, const QString& reason, int expectedVersion) {
    PD_TRY(m_ctx.require(Role::Supervisor,
                         QCoreApplication::translate("Services", "Lifting an access restriction")));
    auto why = Validation::note(reason, QCoreApplication::translate("Services", "Reason"));
    if (!why)
        return why.error();
    if (why->isEmpty())
        return Error::validation(
            QStringLiteral("restriction.lift_reason"),
            QCoreApplication::translate("Services",
                                        "Say why the restriction is lifted (for example the new order)."));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    RestrictionRepository repository(m_ctx.db());
    auto row = repository.byId(id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error::notFound(
            QStringLiteral("restriction.not_found"),
            QCoreApplication::translate("Services", "There is no restriction #%1.").arg(id));
    Restriction r = (*row)->restriction;
    const auto changed = [&r] {
        return Error::conflict(
            QStringLiteral("record.changed"),
            QCoreApplication::translate("Services", "Restriction #%1 was lifted by %2 at %3 UTC.")
                .arg(r.id)
                .arg(r.liftedBy, r.liftedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    };
    if (r.isLifted())
        return changed();
    if (expectedVersion != 0 && expectedVersion != r.rowVersion)
        return Error::conflict(QStringLiteral("record.changed"),
                               QCoreApplication::translate("Services",
                                                           "Restriction #%1 changed since you opened "
                                                           "it; reload and try again.")
                                   .arg(r.id));
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        auto done = m_ctx.db().callDoor(QStringLiteral("restriction_lift"),
                                        {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                         {QStringLiteral("restriction"), r.id},
                                         {QStringLiteral("reason"), why.value()},
                                         {QStringLiteral("version"), r.rowVersion}});
        if (!done)
            return done.error();
    } else {
        auto lifted = repository.lift(r, m_ctx.now(), m_ctx.staff().name, why.value());
        if (!lifted)
            return lifted.error();
        if (!lifted.value()) {
            auto again = repository.byId(id);
            if (again && again->has_value())
                r = (*again)->restriction;
            return changed();
        }
        PD_TRY(m_ctx.audit(
            QStringLiteral("restriction.lifted"), QStringLiteral("restriction"), r.id, r.patientId, 0,
            {{QStringLiteral("reason"), why.value()},
             {QStringLiteral("rule"), QStringLiteral("grants a restriction ended stay ended")}}));
    }
    auto after = repository.byId(id);
    if (!after)
        return after.error();
    PD_TRY(tx.commit());
    return after->value_or(RestrictionRow{});
}

} // namespace pd
