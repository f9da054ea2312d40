#include "services/PatientService.h"

#include "mail/MimeMessage.h"
#include "services/Birthdays.h"
#include "services/RestrictionService.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/GrantRepository.h"
#include "store/InvitationRepository.h"
#include "store/MergeRepository.h"
#include "store/SearchRepository.h"

#include "core/AgeRules.h"
#include "core/FailPoint.h"
#include "core/Validation.h"
#include "services/DailyJob.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace pd {

namespace {

Result<QString> validSex(const QString& value) {
    static const QStringList sexes = {QStringLiteral("female"), QStringLiteral("male"),
                                      QStringLiteral("other"), QStringLiteral("unknown")};
    if (!sexes.contains(value))
        return Error::validation(
            QStringLiteral("input.sex"),
            QCoreApplication::translate("Services", "Sex must be female, male, other or unknown."));
    return value;
}

// Contact details may be left empty; what is typed must be valid.
Result<QString> optionalEmail(const QString& value) {
    if (value.trimmed().isEmpty())
        return QString();
    return Validation::email(value);
}

Result<QString> optionalPhone(const QString& value) {
    if (value.trimmed().isEmpty())
        return QString();
    return Validation::phone(value);
}

// A correction's before and after phone numbers, as support agents see them (addresses are masked like
// every other, birth dates by Birthdays::hide).
QString maskCorrection(const QString& details) {
    if (!details.contains(QLatin1String("\"phone\"")))
        return details;
    QJsonObject d = QJsonDocument::fromJson(details.toUtf8()).object();
    for (const char* key : {"before", "after"}) {
        const QString k = QString::fromLatin1(key);
        QJsonObject o = d.value(k).toObject();
        if (o.contains(QLatin1String("phone"))) {
            o.insert(QStringLiteral("phone"), maskPhone(o.value(QLatin1String("phone")).toString()));
            d.insert(k, o);
        }
    }
    return QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QString> validLanguage(const QString& value) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?$"));
    if (!re.match(value).hasMatch())
        return Error::validation(QStringLiteral("input.language"),
                                 QCoreApplication::translate(
                                     "Services", "Language \"%1\" is not a language code such as en or es.")
                                     .arg(value.left(40)));
    return value.toLower();
}

qint64 patientOf(Database& db, const PortalUser& user) {
    if (user.patientId != 0)
        return user.patientId;
    auto grants = GrantRepository(db).forUser(user.id);
    return grants && !grants->isEmpty() ? grants->first().patientId : 0;
}

Result<Patient> findPatient(Database& db, const QString& mrn) {
    auto valid = Validation::mrn(mrn);
    if (!valid)
        return valid.error();
    auto p = PatientRepository(db).byMrn(valid.value());
    if (!p)
        return p.error();
    if (!p->has_value())
        return Error::notFound(
            QStringLiteral("patient.not_found"),
            QCoreApplication::translate("Services", "No patient has MRN %1.").arg(valid.value()));
    return **p;
}

Result<PortalUser> findPortalUser(Database& db, const QString& user) {
    PortalUserRepository users(db);
    const QString wanted = user.trimmed();
    if (wanted.isEmpty() || wanted.size() > Validation::MaxEmailLength)
        return Error::validation(
            QStringLiteral("input.user"),
            QCoreApplication::translate("Services", "Give a portal username or e-mail address."));
    auto byName = users.byUsername(wanted.toLower());
    if (!byName)
        return byName.error();
    if (byName->has_value())
        return **byName;
    if (wanted.contains(QLatin1Char('@'))) {
        auto byEmail = users.byEmail(wanted);
        if (!byEmail)
            return byEmail.error();
        if (byEmail->size() == 1)
            return byEmail->first();
        if (byEmail->size() > 1)
            return Error::validation(
                QStringLiteral("user.ambiguous"),
                QCoreApplication::translate("Services",
                                            "%1 logins use the address %2; give the username instead.")
                    .arg(byEmail->size())
                    .arg(wanted));
    }
    return Error::notFound(
        QStringLiteral("user.not_found"),
        QCoreApplication::translate("Services", "No portal user is called %1.").arg(wanted.left(80)));
}

Status checkBirthDate(const QDate& birth, const QDate& today) {
    if (birth > today)
        return Error::validation(
            QStringLiteral("patient.birth_in_future"),
            QCoreApplication::translate("Services",
                                        "Birth date %1 is after today (%2) in the hospital's time zone.")
                .arg(birth.toString(Qt::ISODate), today.toString(Qt::ISODate)));
    if (birth.year() < 1900)
        return Error::validation(QStringLiteral("patient.birth_too_early"),
                                 QCoreApplication::translate("Services", "Birth date is before 1900."));
    return {};
}

Result<Patient> checkNewPatient(const NewPatient& in) {
    Patient p;
    auto mrn = Validation::mrn(in.mrn);
    if (!mrn)
        return mrn.error();
    p.mrn = mrn.value();
    auto given = Validation::name(in.givenName, QCoreApplication::translate("Services", "Given name"));
    if (!given)
        return given.error();
    p.givenName = given.value();
    auto family = Validation::name(in.familyName, QCoreApplication::translate("Services", "Family name"));
    if (!family)
        return family.error();
    p.familyName = family.value();
    auto birth = Validation::isoDate(in.birthDate, QCoreApplication::translate("Services", "Birth date"));
    if (!birth)
        return birth.error();
    p.birthDate = birth.value();
    auto sex = validSex(in.sex.isEmpty() ? QStringLiteral("unknown") : in.sex);
    if (!sex)
        return sex.error();
    p.sex = sex.value();
    auto lang = validLanguage(in.language.isEmpty() ? QStringLiteral("en") : in.language);
    if (!lang)
        return lang.error();
    p.language = lang.value();
    auto email = optionalEmail(in.email);
    if (!email)
        return email.error();
    p.email = email.value();
    auto phone = optionalPhone(in.phone);
    if (!phone)
        return phone.error();
    p.phone = phone.value();
    return p;
}

Result<Patient> PatientService::add(const NewPatient& in) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Adding a patient")));
    auto checked = checkNewPatient(in);
    if (!checked)
        return checked.error();
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    auto added = insertPatient(m_ctx, policy.value(), checked.value(), {});
    if (!added)
        return added.error();
    FailPoint::hit("patient_add.before_commit");
    PD_TRY(tx.commit());
    return added.value();
}

Result<Patient> insertPatient(const ServiceContext& ctx, const Policy& policy, Patient p,
                              const QJsonObject& source) {
    PD_TRY(checkBirthDate(p.birthDate, ctx.today(policy)));
    PatientRepository patients(ctx.db());
    auto existing = patients.byMrn(p.mrn);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::conflict(
            QStringLiteral("patient.mrn_taken"),
            QCoreApplication::translate("Services", "MRN %1 already belongs to another patient.").arg(p.mrn));
    auto id = patients.insert(p, ctx.now(), ctx.staff().name);
    if (!id)
        return id.error();
    p.id = id.value();
    p.rowVersion = 1;
    QJsonObject details{{QStringLiteral("mrn"), p.mrn}, {QStringLiteral("language"), p.language}};
    addDetails(details, source);
    PD_TRY(ctx.audit(QStringLiteral("patient.added"), QStringLiteral("patient"), p.id, p.id, 0, details));
    return p;
}

Result<PatientCorrection> PatientService::update(const QString& mrn, const PatientChanges& in) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Correcting a patient's record")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto found = findPatient(m_ctx.db(), mrn);
    if (!found)
        return found.error();
    if (in.expectedVersion != 0 && in.expectedVersion != found->rowVersion)
        return staleRecordError(m_ctx.db(), QStringLiteral("patients"), found->id,
                                QCoreApplication::translate("Database", "Patient %1").arg(found->mrn));
    // A record the EHR sends is the EHR's: a correction made here would be overwritten by its next message.
    if (found->feedEventAt.isValid() &&
        (in.givenName || in.familyName || in.birthDate || in.sex || in.language || in.email || in.phone))
        return Error::validation(
            QStringLiteral("patient.from_ehr"),
            QCoreApplication::translate("Services",
                                        "MRN %1 comes from the EHR, which owns its name, birth date, sex, "
                                        "language and contact details: correct them in the EHR, and its "
                                        "next message applies the correction here (the age rules with "
                                        "it).")
                .arg(found->mrn));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    auto out = correctPatient(m_ctx, policy.value(), found.value(), in, {});
    if (!out)
        return out.error();
    FailPoint::hit("patient_update.before_commit");
    PD_TRY(tx.commit());
    return out;
}

Result<PatientCorrection> correctPatient(const ServiceContext& ctx, const Policy& policy,
                                         const Patient& before, const PatientChanges& in,
                                         const QJsonObject& source) {
    const QDate today = ctx.today(policy);
    Patient p = before;
    if (in.givenName) {
        auto v = Validation::name(*in.givenName, QCoreApplication::translate("Services", "Given name"));
        if (!v)
            return v.error();
        p.givenName = v.value();
    }
    if (in.familyName) {
        auto v = Validation::name(*in.familyName, QCoreApplication::translate("Services", "Family name"));
        if (!v)
            return v.error();
        p.familyName = v.value();
    }
    if (in.birthDate) {
        auto v = Validation::isoDate(*in.birthDate, QCoreApplication::translate("Services", "Birth date"));
        if (!v)
            return v.error();
        PD_TRY(checkBirthDate(v.value(), today));
        p.birthDate = v.value();
    }
    if (in.sex) {
        auto v = validSex(*in.sex);
        if (!v)
            return v.error();
        p.sex = v.value();
    }
    if (in.language) {
        auto v = validLanguage(*in.language);
        if (!v)
            return v.error();
        p.language = v.value();
    }
    if (in.email) {
        auto v = optionalEmail(*in.email);
        if (!v)
            return v.error();
        p.email = v.value();
    }
    if (in.phone) {
        auto v = optionalPhone(*in.phone);
        if (!v)
            return v.error();
        p.phone = v.value();
    }

    PatientCorrection out;
    QJsonObject from, to;
    const auto note = [&](const char* field, const QString& a, const QString& b) {
        if (a == b)
            return;
        out.changed.append(QString::fromLatin1(field));
        from.insert(QString::fromLatin1(field), a);
        to.insert(QString::fromLatin1(field), b);
    };
    note("given_name", before.givenName, p.givenName);
    note("family_name", before.familyName, p.familyName);
    note("birth_date", before.birthDate.toString(Qt::ISODate), p.birthDate.toString(Qt::ISODate));
    note("sex", before.sex, p.sex);
    note("language", before.language, p.language);
    note("email", before.email, p.email);
    note("phone", before.phone, p.phone);
    out.patient = before;
    if (out.changed.isEmpty())
        return out; // nothing to save; nothing audited

    PD_TRY(PatientRepository(ctx.db()).update(p, ctx.now(), ctx.staff().name));
    p.rowVersion = before.rowVersion + 1;
    p.updatedAt = ctx.now();
    p.updatedBy = ctx.staff().name;
    QJsonObject details{{QStringLiteral("before"), from}, {QStringLiteral("after"), to}};
    addDetails(details, source);
    auto event =
        ctx.audit(QStringLiteral("patient.updated"), QStringLiteral("patient"), p.id, p.id, 0, details);
    if (!event)
        return event.error();

    if (p.birthDate != before.birthDate) {
        // The age rules as if the nightly run had always known the right date.
        auto candidates = GrantRepository(ctx.db()).openTransitionCandidatesOfPatient(p.id);
        if (!candidates)
            return candidates.error();
        auto done =
            applyTransitions(ctx, policy, candidates.value(),
                             {{QStringLiteral("cause"), QStringLiteral("birth_date_corrected")},
                              {QStringLiteral("corrected_from"), before.birthDate.toString(Qt::ISODate)}});
        if (!done)
            return done.error();
        out.grantsEnded = done->first;
        out.loginsEnded = done->second;
        // Younger now: grants ended at 12 or 18 under the old date may not have ended under the new one.
        if (p.birthDate > before.birthDate) {
            auto grants = GrantRepository(ctx.db()).forPatient(p.id);
            if (!grants)
                return grants.error();
            QJsonArray ended;
            const int age = AgeRules::ageOn(p.birthDate, today, policy.leapDayRule);
            for (const Grant& g : grants.value()) {
                if ((g.endReason == QLatin1String("age_12") && age < AgeRules::AdolescentAge) ||
                    (g.endReason == QLatin1String("age_18") && age < AgeRules::AdultAge))
                    ended.append(g.id);
            }
            if (!ended.isEmpty()) {
                out.needsReview = true;
                PD_TRY(PatientRepository(ctx.db()).setReview(p.id, QStringLiteral("younger_after_correction"),
                                                             ctx.now(), ctx.staff().name));
                if (p.reviewReason.isEmpty()) { // already listed: the first listing stands
                    p.reviewReason = QStringLiteral("younger_after_correction");
                    p.reviewSince = ctx.now();
                }
                ++p.rowVersion;
                PD_TRY(ctx.audit(QStringLiteral("patient.review_needed"), QStringLiteral("patient"), p.id,
                                 p.id, 0,
                                 {{QStringLiteral("reason"), QStringLiteral("younger_after_correction")},
                                  {QStringLiteral("grants"), ended},
                                  {QStringLiteral("rule"),
                                   QStringLiteral("a correction never reopens ended access by itself")}}));
            }
        }
    }
    out.patient = p;
    return out;
}

Result<PatientStory> PatientService::show(const QString& mrn) {
    PD_TRY(m_ctx.require(Role::SupportAgent, QCoreApplication::translate("Services", "Opening a patient")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto patient = findPatient(m_ctx.db(), mrn);
    if (!patient)
        return patient.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();

    PatientStory story;
    // A record the EHR merged into another leads to the survivor.
    for (int hop = 0; patient->mergedInto != 0 && hop < 20; ++hop) {
        if (story.mergedFrom.isEmpty())
            story.mergedFrom = patient->mrn;
        auto next = PatientRepository(m_ctx.db()).byId(patient->mergedInto);
        if (!next)
            return next.error();
        if (!next->has_value())
            break;
        patient = **next;
    }
    story.patient = patient.value();
    auto priors = MergeRepository(m_ctx.db()).mergedInto(story.patient.id);
    if (!priors)
        return priors.error();
    for (qint64 id : priors.value()) {
        auto prior = PatientRepository(m_ctx.db()).byId(id);
        if (prior && prior->has_value())
            story.priorMrns.append((*prior)->mrn);
    }
    auto restrictions = restrictionsOf(m_ctx, story.patient.id);
    if (!restrictions)
        return restrictions.error();
    story.restrictions = restrictions.value();
    story.today = m_ctx.today(policy.value());
    auto users = PortalUserRepository(m_ctx.db()).forPatient(story.patient.id);
    if (!users)
        return users.error();
    story.users = users.value();
    auto grants = GrantRepository(m_ctx.db()).forPatient(story.patient.id);
    if (!grants)
        return grants.error();
    story.grants = grants.value();
    QList<qint64> userIds;
    InvitationRepository invitations(m_ctx.db());
    for (const PortalUser& u : std::as_const(story.users)) {
        userIds.append(u.id);
        auto list = invitations.forUser(u.id);
        if (!list)
            return list.error();
        story.invitations += list.value();
    }
    std::sort(story.invitations.begin(), story.invitations.end(),
              [](const Invitation& a, const Invitation& b) { return a.id > b.id; });

    auto ages = Birthdays::ageFacts(m_ctx, policy.value(), story.patient, story.grants);
    if (!ages)
        return ages.error();
    story.bracket = ages->bracket;
    const bool hideBirthdays = Birthdays::hidden(m_ctx);
    const QDate today = m_ctx.today(policy.value());
    if (!hideBirthdays) {
        story.age = AgeRules::ageOn(story.patient.birthDate, today, policy->leapDayRule);
        // A patient who died has no age rules ahead.
        if (!story.patient.deceasedAt.isValid())
            story.nextTransition =
                AgeRules::nextTransition(story.patient.birthDate, today, policy->leapDayRule);
    } else {
        // The rule ahead without its day, and no age in years: both are the birthday in disguise.
        story.age = -1;
        if (!story.patient.deceasedAt.isValid() && story.bracket != Bracket::Adult)
            story.nextTransition = AgeRules::Transition{
                story.bracket == Bracket::Child ? AgeRules::AdolescentAge : AgeRules::AdultAge, QDate()};
    }

    if (!m_ctx.has(Role::Specialist)) {
        story.masked = true;
        story.patient.email = maskEmail(story.patient.email);
        story.patient.phone = maskPhone(story.patient.phone);
        story.patient.birthDate = QDate();
        for (PortalUser& u : story.users) {
            u.email = maskEmail(u.email);
            Birthdays::hide(u);
        }
        for (Invitation& i : story.invitations) {
            i.email = maskEmail(i.email);
            Birthdays::hide(i);
        }
        for (Grant& g : story.grants)
            Birthdays::hide(g);
    }
    PD_TRY(m_ctx.audit(QStringLiteral("patient.opened"), QStringLiteral("patient"), story.patient.id,
                       story.patient.id, 0));
    auto timeline = AuditLog(m_ctx.db()).timeline(story.patient.id, userIds, priors.value());
    if (!timeline)
        return timeline.error();
    story.timeline = timeline.value();
    if (story.masked) {
        // Any value that is an address, whatever its key (a consent's proxy, an old and a new address…).
        static const QRegularExpression emailField(QStringLiteral("\"([a-z_]+)\":\"([^\"@]*@[^\"]*)\""));
        for (AuditEvent& e : story.timeline) {
            QString masked;
            qsizetype last = 0;
            for (auto it = emailField.globalMatch(e.details); it.hasNext();) {
                const auto m = it.next();
                masked += e.details.mid(last, m.capturedStart(2) - last) + maskEmail(m.captured(2));
                last = m.capturedEnd(2);
            }
            e.details = maskMailReply(maskCorrection(masked + e.details.mid(last)));
            Birthdays::hide(e);
        }
    }
    PD_TRY(tx.commit());
    return story;
}

Result<bool> PatientService::verifyBirthDate(const QString& mrn, const QString& givenDate) {
    PD_TRY(m_ctx.require(Role::SupportAgent,
                         QCoreApplication::translate("Services", "Verifying a caller's identity")));
    auto given = Validation::isoDate(givenDate, QCoreApplication::translate("Services", "Birth date"));
    if (!given)
        return given.error();
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto patient = findPatient(m_ctx.db(), mrn);
    if (!patient)
        return patient.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    PD_TRY(Birthdays::checkTries(m_ctx, policy.value(), patient->id));
    bool matches = false;
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        // The server compares, so that a login that can't read the birth date gets only the answer; it
        // counts the tries and writes the event too.
        auto row = m_ctx.db().callDoor(QStringLiteral("identity_check"),
                                       {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                        {QStringLiteral("patient"), patient->id},
                                        {QStringLiteral("birth_date"), given->toString(Qt::ISODate)}});
        if (!row)
            return row.error();
        matches = row->value(0).toBool();
    } else {
        matches = patient->birthDate == given.value();
        PD_TRY(m_ctx.audit(
            QStringLiteral("identity.checked"), QStringLiteral("patient"), patient->id, patient->id, 0,
            {{QStringLiteral("result"), matches ? QStringLiteral("match") : QStringLiteral("no_match")}}));
    }
    PD_TRY(tx.commit());
    return matches;
}

Result<QString> PatientService::mrnOfUser(const QString& userKey) {
    auto user = findPortalUser(m_ctx.db(), userKey);
    if (!user)
        return user.error();
    const qint64 patientId = patientOf(m_ctx.db(), user.value());
    auto patient = patientId ? PatientRepository(m_ctx.db()).byId(patientId)
                             : Result<std::optional<Patient>>(std::optional<Patient>());
    if (!patient)
        return patient.error();
    if (!patient->has_value())
        return Error::notFound(
            QStringLiteral("user.no_patient"),
            QCoreApplication::translate("Services", "%1 holds access to no patient.").arg(user->username));
    return patient->value().mrn;
}

Result<QList<Patient>> PatientService::toReview(int limit, int offset) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Reviewing patients listed for review")));
    PD_TRY(checkPage(limit, offset));
    return PatientRepository(m_ctx.db()).toReview(limit, offset);
}

Result<qint64> PatientService::toReviewCount() {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Reviewing patients listed for review")));
    return PatientRepository(m_ctx.db()).toReviewCount();
}

Result<Patient> PatientService::markReviewed(const QString& mrn, const QString& note,
                                             const QDateTime& listedSince) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Reviewing patients listed for review")));
    if (note.size() > 2000)
        return Error::validation(
            QStringLiteral("input.note"),
            QCoreApplication::translate("Services", "The note is longer than 2,000 characters."));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto found = findPatient(m_ctx.db(), mrn);
    if (!found)
        return found.error();
    Patient p = found.value();
    if (p.reviewReason.isEmpty())
        return Error::validation(
            QStringLiteral("review.not_listed"),
            QCoreApplication::translate("Services", "MRN %1 is not listed for review.").arg(p.mrn));
    if (listedSince.isValid() && DbTime::toDb(listedSince) != DbTime::toDb(p.reviewSince))
        return Error::conflict(QStringLiteral("review.relisted"),
                               QCoreApplication::translate(
                                   "Services", "MRN %1 was reviewed by someone else and listed again since; "
                                               "reload and look at it again.")
                                   .arg(p.mrn));
    const QString reason = p.reviewReason;
    PD_TRY(PatientRepository(m_ctx.db()).setReview(p.id, QString(), m_ctx.now(), m_ctx.staff().name));
    PD_TRY(m_ctx.audit(QStringLiteral("patient.reviewed"), QStringLiteral("patient"), p.id, p.id, 0,
                       {{QStringLiteral("reason"), reason}, {QStringLiteral("note"), note.trimmed()}}));
    PD_TRY(tx.commit());
    p.reviewReason.clear();
    p.reviewSince = QDateTime();
    ++p.rowVersion;
    return p;
}

Result<QList<SearchHit>> PatientService::search(const QString& text, int limit, int offset) {
    PD_TRY(m_ctx.require(Role::SupportAgent, QCoreApplication::translate("Services", "Finding patients")));
    if (text.size() > 200)
        return Error::validation(
            QStringLiteral("input.search"),
            QCoreApplication::translate("Services", "Search text is longer than 200 characters."));
    auto hits = SearchRepository(m_ctx.db()).search(text, limit, offset);
    if (!hits || m_ctx.has(Role::Specialist))
        return hits;
    for (SearchHit& h : hits.value()) {
        h.email = maskEmail(h.email);
        h.phone = maskPhone(h.phone);
        h.birthDate = QDate();
    }
    return hits;
}

} // namespace pd
