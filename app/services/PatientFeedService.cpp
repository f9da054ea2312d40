#include "services/PatientFeedService.h"

#include "core/FailPoint.h"
#include "core/Validation.h"
#include "services/DailyJob.h"
#include "services/InvitationService.h"
#include "services/PatientService.h"
#include "services/RestrictionService.h"
#include "store/Database.h"
#include "store/FeedRepository.h"
#include "store/GrantRepository.h"
#include "store/MergeRepository.h"
#include "store/OutboxRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace pd {

namespace {

// The register fields a new record can't be made without.
Result<NewPatient> newPatientFrom(const FeedPatient& in) {
    QStringList missing;
    if (!in.familyName || in.familyName->trimmed().isEmpty())
        missing << QCoreApplication::translate("Services", "family name");
    if (!in.givenName || in.givenName->trimmed().isEmpty())
        missing << QCoreApplication::translate("Services", "given name");
    if (!in.birthDate || in.birthDate->isEmpty())
        missing << QCoreApplication::translate("Services", "birth date");
    if (!missing.isEmpty())
        return Error::validation(
            QStringLiteral("feed.incomplete"),
            QCoreApplication::translate("Services", "MRN %1 is not on file, and a new record needs its %2.")
                .arg(in.mrn, missing.join(QStringLiteral(", "))));
    NewPatient p;
    p.mrn = in.mrn;
    p.givenName = *in.givenName;
    p.familyName = *in.familyName;
    p.birthDate = *in.birthDate;
    p.sex = in.sex.value_or(QString());
    p.language = in.language.value_or(QString());
    p.email = in.email.value_or(QString());
    p.phone = in.phone.value_or(QString());
    return p;
}

PatientChanges changesFrom(const FeedPatient& in) {
    PatientChanges c;
    c.givenName = in.givenName;
    c.familyName = in.familyName;
    c.birthDate = in.birthDate;
    c.sex = in.sex;
    c.language = in.language;
    c.email = in.email;
    c.phone = in.phone;
    return c;
}

// A death: every open grant ends, the patient's own login is deactivated as deceased, and mail still
// queued for the patient is cancelled. Nothing is sent to the family.
Status recordDeath(const ServiceContext& ctx, Patient& p, const QDateTime& diedAt, const QJsonObject& source,
                   FeedOutcome& out) {
    const QDateTime now = ctx.now();
    const QString by = ctx.staff().name;
    p.deceasedAt = diedAt;
    // On record first: the central database ends a grant for a death it can see.
    PD_TRY(PatientRepository(ctx.db()).setFeedState(p, now, by));
    ++p.rowVersion;
    GrantRepository grants(ctx.db());
    auto all = grants.forPatient(p.id);
    if (!all)
        return all.error();
    QList<qint64> touched;
    for (const Grant& g : all.value()) {
        if (g.endedAt.isValid())
            continue;
        QJsonObject details{{QStringLiteral("end_reason"), QStringLiteral("deceased")},
                            {QStringLiteral("rule"), QStringLiteral("a patient's death ends every grant")}};
        addDetails(details, source);
        PD_TRY(endGrant(ctx, g, now, QStringLiteral("deceased"), details));
        touched.append(g.portalUserId);
        ++out.grantsEnded;
    }

    PortalUserRepository users(ctx.db());
    QList<qint64> silenced;
    auto own = users.ownLoginOf(p.id);
    if (!own)
        return own.error();
    if (own->has_value() && (*own)->status != QLatin1String("deactivated")) {
        PortalUser u = **own;
        PD_TRY(revokeLiveInvitation(ctx, u.id, QStringLiteral("deceased"), p.id));
        const QString before = u.status;
        u.status = QStringLiteral("deactivated");
        u.statusReason = QStringLiteral("deceased");
        u.deactivationReason = QStringLiteral("deceased");
        u.statusChangedAt = now;
        PD_TRY(closeLogin(
            ctx, u, before, p.id,
            {{QStringLiteral("reason"), QStringLiteral("deceased")},
             {QStringLiteral("rule"), QStringLiteral("a patient's own login closes at their death")}}));
        silenced.append(u.id);
        ++out.loginsEnded;
    }
    auto terminated = terminateLoginsWithoutGrant(ctx, touched);
    if (!terminated)
        return terminated.error();
    out.loginsEnded += int(terminated->size());
    silenced += terminated.value();
    auto cancelled =
        OutboxRepository(ctx.db()).cancelPending(silenced, p.id, QStringLiteral("patient deceased"));
    if (!cancelled)
        return cancelled.error();
    out.mailCancelled = cancelled.value();
    out.died = true;
    QJsonObject details{{QStringLiteral("deceased_at"), diedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("grants_ended"), out.grantsEnded},
                        {QStringLiteral("logins_closed"), out.loginsEnded},
                        {QStringLiteral("mail_cancelled"), out.mailCancelled},
                        {QStringLiteral("rule"), QStringLiteral("no e-mail goes to the family at a death")}};
    addDetails(details, source);
    return ctx.audit(QStringLiteral("patient.deceased"), QStringLiteral("patient"), p.id, p.id, 0, details);
}

// What keeps two records from being merged without a person deciding.
Result<QStringList> mergeConflicts(Database& db, const Patient& survivor, const Patient& prior) {
    QStringList out;
    PortalUserRepository users(db);
    auto ownS = users.ownLoginOf(survivor.id);
    auto ownP = users.ownLoginOf(prior.id);
    if (!ownS)
        return ownS.error();
    if (!ownP)
        return ownP.error();
    // A closed duplicate login on the prior record stays with it; two live ones are for staff to sort out.
    const auto closed = [](const PortalUser& u) {
        return u.status == QLatin1String("deactivated") || u.status == QLatin1String("terminated");
    };
    if (ownS->has_value() && ownP->has_value() && !closed(**ownP))
        out << QCoreApplication::translate("Services",
                                           "Both records have the patient's own login (%1 and %2); a "
                                           "patient has one. Deactivate the duplicate on MRN %3 (it stays "
                                           "with that record), then carry out the merge.")
                   .arg((*ownS)->username, (*ownP)->username, prior.mrn);
    GrantRepository grants(db);
    auto gs = grants.forPatient(survivor.id);
    auto gp = grants.forPatient(prior.id);
    if (!gs)
        return gs.error();
    if (!gp)
        return gp.error();
    for (const Grant& a : gs.value()) {
        for (const Grant& b : gp.value()) {
            if (a.isOpen() && b.isOpen() && a.portalUserId == b.portalUserId) {
                auto u = users.byId(a.portalUserId);
                out << QCoreApplication::translate("Services",
                                                   "Login %1 has access to both records (%2 and %3).")
                           .arg(u && u->has_value() ? (*u)->username : QString::number(a.portalUserId),
                                a.level, b.level);
            }
        }
    }
    if (survivor.deceasedAt.isValid() != prior.deceasedAt.isValid())
        out << QCoreApplication::translate("Services", "Only one of the two records says the patient died.");
    return out;
}

// Moves the prior record's rows to the survivor and points the prior at it, with the age rules applied
// to what moved (the survivor's birth date is the one that counts now).
Status carryOutMerge(const ServiceContext& ctx, const Policy& policy, const Patient& survivor, Patient prior,
                     const QJsonObject& source, FeedOutcome& out) {
    const QDateTime now = ctx.now();
    const QString by = ctx.staff().name;
    MergeRepository merges(ctx.db());
    // The prior record points at the survivor first: on the central database that is what lets its
    // restrictions move.
    prior.mergedInto = survivor.id;
    PD_TRY(PatientRepository(ctx.db()).setFeedState(prior, now, by));
    auto moved = merges.moveRecords(prior.id, survivor.id, now, by);
    if (!moved)
        return moved.error();
    QJsonObject details{{QStringLiteral("prior_mrn"), prior.mrn},
                        {QStringLiteral("survivor_mrn"), survivor.mrn},
                        {QStringLiteral("moved"), moved.value()}};
    addDetails(details, source);
    PD_TRY(ctx.audit(QStringLiteral("patient.merged"), QStringLiteral("patient"), survivor.id, survivor.id, 0,
                     details));
    PD_TRY(ctx.audit(QStringLiteral("patient.merged_away"), QStringLiteral("patient"), prior.id, prior.id, 0,
                     details));
    auto candidates = GrantRepository(ctx.db()).openTransitionCandidatesOfPatient(survivor.id);
    if (!candidates)
        return candidates.error();
    auto ended = applyTransitions(ctx, policy, candidates.value(),
                                  {{QStringLiteral("cause"), QStringLiteral("records_merged")}});
    if (!ended)
        return ended.error();
    out.grantsEnded += ended->first;
    out.loginsEnded += ended->second;
    // A restriction the prior record had bars the same person from the survivor's.
    auto barred = enforceRestrictions(ctx, policy, survivor.id,
                                      {{QStringLiteral("cause"), QStringLiteral("records_merged")}});
    if (!barred)
        return barred.error();
    out.grantsEnded += int(barred->grantsEnded.size());
    out.loginsEnded += int(barred->loginsTerminated.size());
    out.moved = moved.value();
    out.merged = true;
    return {};
}

// A merge as the EHR sent it: carried out at once, or held on the merge desk when the records conflict.
Status mergeOrHold(const ServiceContext& ctx, const Policy& policy, const Patient& survivor,
                   const Patient& prior, const FeedRecord& r, const QJsonObject& source, FeedOutcome& out) {
    const QDateTime now = ctx.now();
    MergeRepository merges(ctx.db());
    auto conflicts = mergeConflicts(ctx.db(), survivor, prior);
    if (!conflicts)
        return conflicts.error();
    MergeRow row;
    row.survivorId = survivor.id;
    row.priorId = prior.id;
    row.source = r.source;
    row.controlId = r.controlId;
    row.createdAt = now;
    row.createdBy = ctx.staff().name;
    if (conflicts->isEmpty()) {
        PD_TRY(carryOutMerge(ctx, policy, survivor, prior, source, out));
        row.status = QStringLiteral("merged");
        row.resolvedAt = now;
        row.resolvedBy = ctx.staff().name;
        auto id = merges.insert(row);
        if (!id)
            return id.error();
        out.mergeId = id.value();
        return {};
    }
    out.held = true;
    out.conflicts = conflicts.value();
    auto already = merges.heldForPrior(prior.id);
    if (!already)
        return already.error();
    if (already->has_value()) {
        out.mergeId = (*already)->id;
        return {};
    }
    row.status = QStringLiteral("held");
    row.conflicts = out.conflicts;
    auto id = merges.insert(row);
    if (!id)
        return id.error();
    out.mergeId = id.value();
    QJsonObject details{{QStringLiteral("prior_mrn"), prior.mrn},
                        {QStringLiteral("merge"), out.mergeId},
                        {QStringLiteral("conflicts"), QJsonArray::fromStringList(out.conflicts)}};
    addDetails(details, source);
    return ctx.audit(QStringLiteral("patient.merge_held"), QStringLiteral("patient"), survivor.id,
                     survivor.id, 0, details);
}

} // namespace

Status PatientFeedService::mayApply() const {
    if (m_ctx.has(Role::EhrFeed))
        return {};
    return m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Applying the EHR's patient records"));
}

Result<FeedOutcome> PatientFeedService::apply(const FeedRecord& r) {
    return apply(r, nullptr);
}

Result<FeedOutcome> PatientFeedService::apply(const FeedRecord& r, const Policy* known) {
    PD_TRY(mayApply());
    auto mrn = Validation::mrn(r.patient.mrn);
    if (!mrn)
        return mrn.error();

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    FeedOutcome out;
    out.mrn = mrn.value();
    FeedRepository feed(m_ctx.db());
    if (!r.controlId.isEmpty()) {
        auto seen = feed.byKey(r.source, r.controlId);
        if (!seen)
            return seen.error();
        if (seen->has_value() && (*seen)->status != QLatin1String("refused") &&
            (*seen)->status != QLatin1String("dismissed")) {
            out.kind = FeedOutcome::Kind::Duplicate;
            return out;
        }
    }
    auto policy = known ? Result<Policy>(*known) : m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();
    const QDateTime eventAt = r.eventAt.isValid() ? r.eventAt : now;
    QJsonObject source{{QStringLiteral("source"), QStringLiteral("ehr")}};
    if (!r.controlId.isEmpty())
        source.insert(QStringLiteral("message"), r.controlId);
    if (!r.trigger.isEmpty())
        source.insert(QStringLiteral("trigger"), r.trigger);

    FeedMessageRow row;
    row.source = r.source;
    row.controlId = r.controlId;
    row.trigger = r.trigger.left(40);
    row.receivedAt = now;
    row.eventAt = eventAt;
    row.mrn = out.mrn;
    row.status = QStringLiteral("applied");

    PatientRepository patients(m_ctx.db());
    auto existing = patients.byMrn(out.mrn);
    if (!existing)
        return existing.error();
    std::optional<Patient> prior;
    if (r.action == FeedAction::Merge) {
        auto found = patients.byMrn(r.priorMrn);
        if (!found)
            return found.error();
        prior = *found;
    }
    Patient p;
    if (!existing->has_value()) {
        FeedPatient given = r.patient;
        if (prior) {
            // A merge into an MRN not yet on file: the survivor starts as the prior record, as the EHR sends
            // it.
            given.givenName = given.givenName.value_or(prior->givenName);
            given.familyName = given.familyName.value_or(prior->familyName);
            given.birthDate = given.birthDate.value_or(prior->birthDate.toString(Qt::ISODate));
            given.sex = given.sex.value_or(prior->sex);
            given.language = given.language.value_or(prior->language);
            given.email = given.email.value_or(prior->email);
            given.phone = given.phone.value_or(prior->phone);
        }
        auto fields = newPatientFrom(given);
        if (!fields)
            return fields.error();
        auto checked = checkNewPatient(fields.value());
        if (!checked)
            return checked.error();
        auto added = insertPatient(m_ctx, policy.value(), checked.value(), source);
        if (!added)
            return added.error();
        p = added.value();
        out.created = true;
    } else {
        p = **existing;
        if (p.mergedInto != 0) {
            auto survivor = patients.byId(p.mergedInto);
            return Error::validation(
                QStringLiteral("feed.merged_away"),
                QCoreApplication::translate(
                    "Services", "MRN %1 was merged into MRN %2; the EHR should send the surviving record.")
                    .arg(p.mrn, survivor && survivor->has_value() ? (*survivor)->mrn : QStringLiteral("?")));
        }
        if (p.feedEventAt.isValid() && eventAt < p.feedEventAt) {
            // Already newer than this message: keep it, say so, and don't apply it over the record.
            row.status = QStringLiteral("stale");
            row.patientId = p.id;
            if (!r.controlId.isEmpty())
                PD_TRY(feed.record(row));
            PD_TRY(tx.commit());
            out.kind = FeedOutcome::Kind::Stale;
            return out;
        }
        auto corrected = correctPatient(m_ctx, policy.value(), p, changesFrom(r.patient), source);
        if (!corrected)
            return corrected.error();
        out.changed = corrected->changed;
        out.grantsEnded = corrected->grantsEnded;
        out.loginsEnded = corrected->loginsEnded;
        out.needsReview = corrected->needsReview;
        p = corrected->patient;
    }

    if (r.action == FeedAction::Merge) {
        out.priorMrn = r.priorMrn;
        if (prior && prior->mergedInto != p.id) {
            if (prior->mergedInto != 0)
                return Error::validation(
                    QStringLiteral("feed.merged_away"),
                    QCoreApplication::translate("Services", "MRN %1 was already merged into another record.")
                        .arg(prior->mrn));
            PD_TRY(mergeOrHold(m_ctx, policy.value(), p, *prior, r, source, out));
        }
    }

    if (r.patient.deceased.has_value()) {
        if (*r.patient.deceased && !p.deceasedAt.isValid()) {
            const QDateTime diedAt = r.patient.deceasedAt.isValid() ? r.patient.deceasedAt : eventAt;
            PD_TRY(recordDeath(m_ctx, p, diedAt, source, out));
        } else if (!*r.patient.deceased && p.deceasedAt.isValid()) {
            // The EHR takes a death back: the record says so, and staff decide about access.
            QJsonObject details{
                {QStringLiteral("reason"), QStringLiteral("death_cleared")},
                {QStringLiteral("deceased_at"), p.deceasedAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("rule"), QStringLiteral("a cleared death reopens nothing by itself")}};
            addDetails(details, source);
            PD_TRY(m_ctx.audit(QStringLiteral("patient.review_needed"), QStringLiteral("patient"), p.id, p.id,
                               0, details));
            PD_TRY(patients.setReview(p.id, QStringLiteral("death_cleared"), now, m_ctx.staff().name));
            if (p.reviewReason.isEmpty()) { // already listed: the first listing stands
                p.reviewReason = QStringLiteral("death_cleared");
                p.reviewSince = now;
            }
            ++p.rowVersion;
            p.deceasedAt = QDateTime();
            out.needsReview = true;
        }
    }
    if (!p.feedEventAt.isValid() || eventAt > p.feedEventAt)
        p.feedEventAt = eventAt;
    PD_TRY(patients.setFeedState(p, now, m_ctx.staff().name));
    row.patientId = p.id;
    if (!r.controlId.isEmpty())
        PD_TRY(feed.record(row));
    FailPoint::hit("feed_apply.before_commit");
    PD_TRY(tx.commit());
    return out;
}

QList<Result<FeedOutcome>> PatientFeedService::applyAll(const QList<FeedRecord>& records) {
    QList<std::optional<Result<FeedOutcome>>> results(records.size());
    const auto finish = [&results](const std::optional<Error>& failed = std::nullopt) {
        QList<Result<FeedOutcome>> out;
        out.reserve(results.size());
        for (const auto& s : results)
            out.append(failed && !s ? Result<FeedOutcome>(*failed) : *s);
        return out;
    };
    if (auto may = mayApply(); !may)
        return finish(may.error());
    auto policy = m_ctx.policy();
    if (!policy)
        return finish(policy.error());
    const QDateTime now = m_ctx.now();
    const QDate today = m_ctx.today(policy.value());

    // What was on file before: MRNs, and the keys of messages seen before.
    const auto maybeNew = [](const FeedRecord& r) {
        return r.action != FeedAction::Merge && !r.patient.deceased.value_or(false);
    };
    QStringList mrns;
    QHash<QString, QStringList> keysBySource;
    for (const FeedRecord& r : records) {
        if (!maybeNew(r))
            continue;
        mrns.append(r.patient.mrn.trimmed());
        if (!r.controlId.isEmpty())
            keysBySource[r.source].append(r.controlId);
    }
    auto onFile = PatientRepository(m_ctx.db()).existingMrns(mrns);
    if (!onFile)
        return finish(onFile.error());
    QSet<QString> seenKeys; // "source\ncontrol id"
    for (auto it = keysBySource.cbegin(); it != keysBySource.cend(); ++it) {
        auto seen = FeedRepository(m_ctx.db()).seenKeys(it.key(), it.value());
        if (!seen)
            return finish(seen.error());
        for (const QString& k : seen.value())
            seenKeys.insert(it.key() + QLatin1Char('\n') + k);
    }

    // New patients wait here until a record that must go on its own (it may be about one of them).
    QList<qsizetype> pending;
    QList<Patient> patients;
    // Their rows, search entries, feed keys and audit events, a few statements for all.
    const auto writeTogether = [&]() -> Status {
        PD_TRY(PatientRepository(m_ctx.db()).insertAll(patients, now, m_ctx.staff().name));
        QList<FeedMessageRow> keyed;
        QList<AuditEvent> events;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const FeedRecord& r = records.at(pending.at(i));
            const Patient& p = patients.at(i);
            QJsonObject details{{QStringLiteral("mrn"), p.mrn},
                                {QStringLiteral("language"), p.language},
                                {QStringLiteral("source"), QStringLiteral("ehr")}};
            if (!r.controlId.isEmpty())
                details.insert(QStringLiteral("message"), r.controlId);
            if (!r.trigger.isEmpty())
                details.insert(QStringLiteral("trigger"), r.trigger);
            events.append(m_ctx.auditEvent(QStringLiteral("patient.added"), QStringLiteral("patient"), p.id,
                                           p.id, 0, details));
            if (r.controlId.isEmpty())
                continue;
            FeedMessageRow row;
            row.source = r.source;
            row.controlId = r.controlId;
            row.trigger = r.trigger.left(40);
            row.receivedAt = now;
            row.eventAt = p.feedEventAt;
            row.mrn = p.mrn;
            row.status = QStringLiteral("applied");
            row.patientId = p.id;
            keyed.append(row);
        }
        PD_TRY(FeedRepository(m_ctx.db()).recordAll(keyed));
        return m_ctx.auditAll(events);
    };
    const auto flush = [&]() -> Status {
        if (pending.isEmpty())
            return {};
        Status written;
        {
            Transaction step(m_ctx.db());
            PD_TRY(step.begin());
            written = writeTogether();
            if (written)
                written = step.commit();
        } // a step not committed is undone here, before any record goes on its own
        if (written) {
            for (qsizetype i = 0; i < pending.size(); ++i) {
                FeedOutcome o;
                o.mrn = patients.at(i).mrn;
                o.created = true;
                results[pending.at(i)] = o;
            }
        } else if (written.error().kind == ErrorKind::Unavailable) {
            return written.error();
        } else {
            // Another writer got to one of them first (the feed's listener, say), or the server refused
            // one of them: each goes on its own, and only that one is refused.
            for (qsizetype i : std::as_const(pending)) {
                results[i] = apply(records.at(i), &policy.value());
                if (!results[i]->ok() && results[i]->error().kind == ErrorKind::Unavailable)
                    return results[i]->error();
            }
        }
        pending.clear();
        patients.clear();
        return {};
    };

    QSet<QString> taken; // MRNs and keys this call has met already
    for (qsizetype i = 0; i < records.size(); ++i) {
        const FeedRecord& r = records.at(i);
        const QString key = r.controlId.isEmpty() ? QString() : r.source + QLatin1Char('\n') + r.controlId;
        const auto mrn = Validation::mrn(r.patient.mrn);
        const bool alone = !maybeNew(r) || !mrn || onFile->contains(mrn.value()) ||
                           taken.contains(mrn.value()) ||
                           (!key.isEmpty() && (seenKeys.contains(key) || taken.contains(key)));
        if (mrn)
            taken.insert(mrn.value());
        if (!key.isEmpty())
            taken.insert(key);
        if (alone) {
            if (auto s = flush(); !s)
                return finish(s.error());
            results[i] = apply(r, &policy.value());
            if (!results[i]->ok() && results[i]->error().kind == ErrorKind::Unavailable)
                return finish(results[i]->error());
            continue;
        }
        // Refused as apply() would refuse a new record: nothing of it is written.
        auto fields = newPatientFrom(r.patient);
        auto checked = fields ? checkNewPatient(fields.value()) : Result<Patient>(fields.error());
        if (checked) {
            if (auto born = checkBirthDate(checked->birthDate, today); !born)
                checked = born.error();
        }
        if (!checked) {
            results[i] = checked.error();
            continue;
        }
        Patient p = checked.value();
        p.feedEventAt = r.eventAt.isValid() ? r.eventAt : now;
        pending.append(i);
        patients.append(p);
    }
    if (auto s = flush(); !s)
        return finish(s.error());
    return finish();
}

Status PatientFeedService::hold(const FeedRecord& r, const QByteArray& raw, const Error& why) {
    PD_TRY(mayApply());
    if (r.controlId.isEmpty() || r.source.isEmpty())
        return {}; // nothing to key it by: the sender is told, and nothing waits
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    FeedMessageRow row;
    row.source = r.source.left(400);
    row.controlId = r.controlId.left(199);
    row.trigger = r.trigger.left(40);
    row.receivedAt = m_ctx.now();
    row.eventAt = r.eventAt;
    row.status = QStringLiteral("refused");
    row.mrn = r.patient.mrn.left(40);
    row.rule = why.rule;
    row.reason = why.message.left(2000);
    row.raw = raw;
    auto id = FeedRepository(m_ctx.db()).record(row);
    if (!id)
        return id.error();
    return tx.commit();
}

Result<QList<FeedMessageRow>> PatientFeedService::refused(int limit, int offset) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Seeing the EHR's refused messages")));
    return FeedRepository(m_ctx.db()).refused(std::clamp(limit, 1, 1000), std::max(offset, 0));
}

Result<qint64> PatientFeedService::refusedCount() {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Seeing the EHR's refused messages")));
    return FeedRepository(m_ctx.db()).refusedCount();
}

Result<FeedMessageRow> PatientFeedService::refusedMessage(qint64 id) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Retrying a refused message")));
    auto row = FeedRepository(m_ctx.db()).byId(id);
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->status != QLatin1String("refused"))
        return Error::notFound(
            QStringLiteral("feed.not_refused"),
            QCoreApplication::translate("Services", "No refused message has number %1.").arg(id));
    return **row;
}

Status PatientFeedService::dismiss(qint64 id) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Dismissing a refused message")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto row = refusedMessage(id);
    if (!row)
        return row.error();
    PD_TRY(FeedRepository(m_ctx.db()).dismiss(id, m_ctx.now(), m_ctx.staff().name));
    PD_TRY(
        m_ctx.audit(QStringLiteral("feed.dismissed"), QStringLiteral("feed_message"), id, row->patientId, 0,
                    {{QStringLiteral("control_id"), row->controlId}, {QStringLiteral("rule"), row->rule}}));
    return tx.commit();
}

Result<QDateTime> PatientFeedService::lastReceived() {
    return FeedRepository(m_ctx.db()).lastReceived();
}

Result<QList<MergeRow>> PatientFeedService::heldMerges(int limit, int offset) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing held merges")));
    return MergeRepository(m_ctx.db()).held(std::clamp(limit, 1, 1000), std::max(offset, 0));
}

Result<qint64> PatientFeedService::heldMergeCount() {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing held merges")));
    return MergeRepository(m_ctx.db()).heldCount();
}

Result<FeedOutcome> PatientFeedService::resolveMerge(qint64 id) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Carrying out a held merge")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    MergeRepository merges(m_ctx.db());
    auto row = merges.byId(id);
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->status != QLatin1String("held"))
        return Error::notFound(
            QStringLiteral("merge.not_held"),
            QCoreApplication::translate("Services", "No held merge has number %1.").arg(id));
    PatientRepository patients(m_ctx.db());
    auto survivor = patients.byId((*row)->survivorId);
    auto prior = patients.byId((*row)->priorId);
    if (!survivor)
        return survivor.error();
    if (!prior)
        return prior.error();
    auto conflicts = mergeConflicts(m_ctx.db(), **survivor, **prior);
    if (!conflicts)
        return conflicts.error();
    if (!conflicts->isEmpty())
        return Error::validation(
            QStringLiteral("merge.conflicts"),
            QCoreApplication::translate("Services", "The merge of MRN %1 into MRN %2 still "
                                                    "conflicts: %3")
                .arg((*prior)->mrn, (*survivor)->mrn, conflicts->join(QLatin1Char(' '))));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    FeedOutcome out;
    out.mrn = (*survivor)->mrn;
    out.priorMrn = (*prior)->mrn;
    out.mergeId = id;
    PD_TRY(carryOutMerge(
        m_ctx, policy.value(), **survivor, **prior,
        {{QStringLiteral("source"), QStringLiteral("merge_desk")}, {QStringLiteral("merge"), id}}, out));
    PD_TRY(merges.markMerged(id, m_ctx.now(), m_ctx.staff().name));
    PD_TRY(m_ctx.audit(QStringLiteral("merge.resolved"), QStringLiteral("merge"), id, (*survivor)->id, 0,
                       {{QStringLiteral("prior_mrn"), (*prior)->mrn}}));
    PD_TRY(tx.commit());
    return out;
}

} // namespace pd
