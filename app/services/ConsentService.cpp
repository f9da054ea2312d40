#include "services/ConsentService.h"

#include "mail/MimeMessage.h"
#include "services/AccountService.h"
#include "services/ConsentExpiry.h"
#include "store/AuditLog.h"
#include "store/ConsentRepository.h"
#include "store/Database.h"
#include "store/InvitationRepository.h"
#include "store/SearchRepository.h"

#include "core/AgeRules.h"
#include "core/PinPolicy.h"
#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/DisplayText.h"
#include "services/EnrollmentService.h"
#include "services/InvitationService.h"
#include "services/PatientService.h"
#include "services/RestrictionService.h"
#include "store/GrantRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace pd {

namespace {

// Names compared as a person reads them: case, accents and spacing aside.
QString folded(const QString& name) {
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_D).simplified()) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toCaseFolded();
    }
    return out;
}

ConsentCheck check(const QString& code, bool passed, bool blocking, const QString& message,
                   bool overridable = false) {
    ConsentCheck c;
    c.code = code;
    c.state = passed ? ConsentCheck::State::Pass : ConsentCheck::State::Fail;
    c.blocking = blocking;
    c.overridable = overridable;
    c.message = message;
    return c;
}

ConsentCheck info(const QString& code, const QString& message) {
    ConsentCheck c;
    c.code = code;
    c.message = message;
    return c;
}

Result<Consent> existingConsent(ConsentRepository& consents, qint64 id) {
    auto found = consents.byId(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("consent.unknown"),
                               QCoreApplication::translate("Services", "There is no consent %1.").arg(id));
    return **found;
}

} // namespace

QString ConsentService::sniffMediaType(const QByteArray& content) {
    if (content.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (content.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (content.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    return QString();
}

Result<Consent> ConsentService::submit(const ConsentSubmission& in, const QString& pin) {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Filing a proxy consent")));
    if (in.kind != QLatin1String("adult_proxy") && in.kind != QLatin1String("guardian"))
        return Error::validation(
            QStringLiteral("consent.kind"),
            QCoreApplication::translate("Services", "The consent's kind must be adult_proxy or guardian."));
    if (in.relationship != QLatin1String("parent") && in.relationship != QLatin1String("guardian") &&
        in.relationship != QLatin1String("family"))
        return Error::validation(
            QStringLiteral("consent.relationship"),
            QCoreApplication::translate("Services",
                                        "The proxy's relationship must be parent, guardian or family."));
    if (in.scope != QLatin1String("full") && in.scope != QLatin1String("limited"))
        return Error::validation(
            QStringLiteral("consent.scope"),
            QCoreApplication::translate("Services", "The consent's scope must be full or limited."));
    auto given =
        Validation::name(in.proxyGiven, QCoreApplication::translate("Services", "Proxy's given name"));
    if (!given)
        return given.error();
    auto family =
        Validation::name(in.proxyFamily, QCoreApplication::translate("Services", "Proxy's family name"));
    if (!family)
        return family.error();
    auto email = Validation::email(in.proxyEmail);
    if (!email)
        return email.error();
    auto signedOn = Validation::isoDate(in.signedOn, QCoreApplication::translate("Services", "Date signed"));
    if (!signedOn)
        return signedOn.error();
    QString signedBy;
    if (!in.signedBy.trimmed().isEmpty()) {
        auto v = Validation::name(in.signedBy, QCoreApplication::translate("Services", "Signed by"));
        if (!v)
            return v.error();
        signedBy = v.value();
    }
    if (in.document.isEmpty())
        return Error::validation(
            QStringLiteral("consent.document_missing"),
            QCoreApplication::translate(
                "Services", "The scanned consent form is missing; attach it (PDF, PNG or JPEG)."));
    if (in.document.size() > MaxDocumentBytes)
        return Error::validation(QStringLiteral("consent.document_too_large"),
                                 QCoreApplication::translate("Services",
                                                             "The scanned form is %1 MB; the limit is %2 MB. "
                                                             "Scan it again at a lower resolution.")
                                     .arg(double(in.document.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                                     .arg(MaxDocumentBytes / (1024 * 1024)));
    const QString mediaType = sniffMediaType(in.document);
    if (mediaType.isEmpty())
        return Error::validation(
            QStringLiteral("consent.document_type"),
            QCoreApplication::translate("Services", "The scanned form must be a PDF, PNG or JPEG file."));
    QString documentName = QFileInfo(in.documentName).fileName().simplified().left(200);
    if (documentName.isEmpty())
        documentName = QStringLiteral("consent");

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto patient = findPatient(m_ctx.db(), in.mrn);
    if (!patient)
        return patient.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDate today = m_ctx.today(policy.value());
    if (signedOn.value() > today)
        return Error::validation(
            QStringLiteral("consent.signed_future"),
            QCoreApplication::translate("Services", "The form can't be signed after today (%1).")
                .arg(today.toString(Qt::ISODate)));
    const int ageToday = AgeRules::ageOn(patient->birthDate, today, policy->leapDayRule);
    if (ageToday < AgeRules::AdultAge &&
        !(in.kind == QLatin1String("guardian") && ageToday == AgeRules::AdultAge - 1))
        return Error::validation(QStringLiteral("consent.patient_not_adult"),
                                 QCoreApplication::translate(
                                     "Services", "Proxy consents are for patients 18 and older; for a "
                                                 "younger patient the parent and patient forms are used."));
    PD_TRY(PinPolicy::check(pin, patient->birthDate));
    auto language = validLanguage(in.proxyLanguage.isEmpty() ? patient->language : in.proxyLanguage);
    if (!language)
        return language.error();

    ConsentRepository consents(m_ctx.db());
    Document d;
    d.name = documentName;
    d.mediaType = mediaType;
    d.size = in.document.size();
    d.sha256 = Secrets::sha256Hex(in.document);
    d.content = in.document;
    d.createdAt = m_ctx.now();
    d.createdBy = m_ctx.staff().name;
    auto documentId = consents.insertDocument(d);
    if (!documentId)
        return documentId.error();

    Consent c;
    c.patientId = patient->id;
    c.kind = in.kind;
    c.proxyGiven = given.value();
    c.proxyFamily = family.value();
    c.proxyEmail = email.value();
    c.proxyLanguage = language.value();
    c.relationship = in.relationship;
    c.scope = in.scope;
    c.signedOn = signedOn.value();
    c.signedBy = signedBy;
    c.pinHash = Secrets::hashPin(pin);
    if (c.pinHash.isEmpty())
        return Error::internal(
            QStringLiteral("crypto.failed"),
            QCoreApplication::translate("Services", "The PIN could not be protected; nothing was saved."));
    c.documentId = documentId.value();
    c.status = QStringLiteral("submitted");
    c.createdAt = m_ctx.now();
    c.createdBy = m_ctx.staff().name;
    c.updatedAt = c.createdAt;
    c.updatedBy = c.createdBy;
    auto id = consents.insert(c);
    if (!id)
        return id.error();
    c.id = id.value();
    c.rowVersion = 1;
    PD_TRY(m_ctx.audit(QStringLiteral("consent.submitted"), QStringLiteral("consent"), c.id, patient->id, 0,
                       {{QStringLiteral("kind"), c.kind},
                        {QStringLiteral("proxy_email"), c.proxyEmail},
                        {QStringLiteral("relationship"), c.relationship},
                        {QStringLiteral("scope"), c.scope},
                        {QStringLiteral("signed_on"), c.signedOn.toString(Qt::ISODate)},
                        {QStringLiteral("document_sha256"), d.sha256}}));
    PD_TRY(tx.commit());
    return c;
}

Result<QList<ConsentRow>> ConsentService::list(const QString& status, int limit, int offset) {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing proxy consents")));
    PD_TRY(checkPage(limit, offset));
    auto rows = ConsentRepository(m_ctx.db()).list(status, limit, offset);
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    for (const Consent& c : rows.value())
        ids.append(c.patientId);
    auto patients = PatientRepository(m_ctx.db()).byIds(ids);
    if (!patients)
        return patients.error();
    QHash<qint64, Patient> byId;
    for (const Patient& p : patients.value())
        byId.insert(p.id, p);
    QList<ConsentRow> out;
    for (const Consent& c : rows.value()) {
        const Patient p = byId.value(c.patientId);
        out.append({c, p.mrn, p.givenName + QLatin1Char(' ') + p.familyName});
    }
    return out;
}

Result<qint64> ConsentService::count(const QString& status) {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing proxy consents")));
    return ConsentRepository(m_ctx.db()).count(status);
}

Result<QList<EnrollmentReviewRow>> ConsentService::enrollmentReviews() {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing enrollments")));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDate today = m_ctx.today(policy.value());
    ConsentRepository repo(m_ctx.db());
    auto out = repo.overriddenEnrollments();
    if (!out)
        return out.error();
    // Aged 12 to 17 today: born after the day that makes 18 today, on or before the one that makes 12.
    auto missing = repo.missingPatientForms(today.addYears(-AgeRules::AdultAge),
                                            today.addYears(-AgeRules::AdolescentAge));
    if (!missing)
        return missing.error();
    QList<EnrollmentReviewRow> rows = out.value();
    for (const EnrollmentReviewRow& r : missing.value()) {
        // The date arithmetic above is by calendar; the age rule (29 February) decides at the edges.
        const Bracket b = AgeRules::bracketOn(r.birthDate, today, policy->leapDayRule);
        if (b == Bracket::Adolescent)
            rows.append(r);
    }
    return rows;
}

Result<QList<ConsentRow>> ConsentService::ending(int days, int limit, int offset) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing consents")));
    PD_TRY(checkPage(limit, offset));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDate today = m_ctx.today(policy.value());
    auto rows =
        ConsentRepository(m_ctx.db()).ending(today, today.addDays(qBound(0, days, 3660)), limit, offset);
    if (!rows)
        return rows.error();
    QList<ConsentRow> out;
    PatientRepository patients(m_ctx.db());
    for (const Consent& c : std::as_const(rows.value())) {
        auto p = patients.byId(c.patientId);
        if (!p)
            return p.error();
        out.append(
            {c, p->has_value() ? (*p)->mrn : QString(), p->has_value() ? (*p)->fullName() : QString()});
    }
    PD_TRY(tx.commit());
    return out;
}

Result<qint64> ConsentService::endingCount(int days) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing consents")));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDate today = m_ctx.today(policy.value());
    return ConsentRepository(m_ctx.db()).endingCount(today, today.addDays(qBound(0, days, 3660)));
}

Result<ConsentReview> ConsentService::review(qint64 id) {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Reviewing proxy consents")));
    // Who looked at a patient's signed form is on the record, as for a patient's page.
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto r = reviewIn(id);
    if (!r)
        return r.error();
    PD_TRY(m_ctx.audit(QStringLiteral("consent.opened"), QStringLiteral("consent"), id, r->patient.id, 0));
    PD_TRY(tx.commit());
    return r;
}

Result<ConsentReview> ConsentService::reviewIn(qint64 id) {
    ConsentRepository consents(m_ctx.db());
    auto found = existingConsent(consents, id);
    if (!found)
        return found.error();
    ConsentReview r;
    r.consent = found.value();
    auto patient = PatientRepository(m_ctx.db()).byId(r.consent.patientId);
    if (!patient)
        return patient.error();
    if (!patient->has_value())
        return Error::notFound(
            QStringLiteral("patient.unknown"),
            QCoreApplication::translate("Services", "The consent's patient no longer exists."));
    r.patient = **patient;
    auto document = consents.document(r.consent.documentId);
    if (!document)
        return document.error();
    if (document->has_value())
        r.document = **document;
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDate today = m_ctx.today(policy.value());
    const Consent& c = r.consent;
    const Patient& p = r.patient;
    const QString patientName = p.givenName + QLatin1Char(' ') + p.familyName;
    const QDate eighteenth = AgeRules::nthBirthday(p.birthDate, 18, policy->leapDayRule);

    // The patient is an adult, and signed as one.
    const bool adult = AgeRules::bracketOn(p.birthDate, today, policy->leapDayRule) == Bracket::Adult;
    // A guardian's court papers may come before the 18th birthday (the access goes on past it).
    const bool guardian = c.kind == QLatin1String("guardian");
    r.checks.append(
        check(QStringLiteral("patient_adult"), adult || guardian, !guardian,
              adult ? QCoreApplication::translate("Services", "%1 is 18 or older.").arg(patientName)
                    : QCoreApplication::translate("Services", "%1 is under 18: a proxy consent does not "
                                                              "apply; use the enrollment forms.")
                          .arg(patientName)));
    const bool afterEighteen = c.signedOn >= eighteenth || guardian;
    r.checks.append(check(
        QStringLiteral("signed_after_18"), afterEighteen, !guardian,
        afterEighteen
            ? QCoreApplication::translate("Services", "Signed on %1, on or after the 18th birthday (%2).")
                  .arg(c.signedOn.toString(Qt::ISODate), eighteenth.toString(Qt::ISODate))
            : QCoreApplication::translate("Services",
                                          "Signed on %1, before the 18th birthday (%2): the patient must "
                                          "sign again as an adult.")
                  .arg(c.signedOn.toString(Qt::ISODate), eighteenth.toString(Qt::ISODate))));

    // Who signed.
    if (c.kind == QLatin1String("guardian")) {
        ConsentCheck g = info(QStringLiteral("guardian"),
                              QCoreApplication::translate(
                                  "Services", "Court papers for a legal guardian of an adult: a "
                                              "supervisor approves, and the access does not end at 18."));
        r.checks.append(g);
        r.needsSupervisor = true;
    } else if (c.signedBy.isEmpty()) {
        r.checks.append(
            info(QStringLiteral("signer_is_patient"),
                 QCoreApplication::translate("Services", "The signer's name was not recorded: compare "
                                                         "the signature on the form with %1.")
                     .arg(patientName)));
    } else {
        const bool signer = folded(c.signedBy) == folded(patientName);
        r.checks.append(check(
            QStringLiteral("signer_is_patient"), signer, true,
            signer ? QCoreApplication::translate("Services", "Signed by the patient, %1.").arg(patientName)
                   : QCoreApplication::translate("Services", "Signed by %1, not by the patient (%2).")
                         .arg(c.signedBy, patientName)));
    }

    // The proxy is someone else, with an address of their own.
    PortalUserRepository users(m_ctx.db());
    auto ownLogin = users.ownLoginOf(p.id);
    if (!ownLogin)
        return ownLogin.error();
    // The same name and the same address are the patient; the same name alone may be a parent of the same
    // name (a supervisor confirms it), and the same address alone is a shared mailbox (below).
    const bool sameName = folded(c.proxyName()) == folded(patientName);
    const bool sharesAddress = sameMailbox(c.proxyEmail, p.email) ||
                               (ownLogin->has_value() && sameMailbox(c.proxyEmail, (*ownLogin)->email));
    r.checks.append(check(
        QStringLiteral("proxy_not_patient"), !sameName, true,
        sameName && sharesAddress
            ? QCoreApplication::translate("Services", "The proxy has the patient's own name and "
                                                      "address: a proxy is someone else, with a "
                                                      "login of their own.")
        : sameName
            ? QCoreApplication::translate("Services", "The proxy has the patient's name; a supervisor "
                                                      "confirms it is someone else (Sr., Jr.).")
            : QCoreApplication::translate("Services", "The proxy is not the patient (the names differ)."),
        !sharesAddress));

    auto sameAddress = users.byEmail(c.proxyEmail);
    if (!sameAddress)
        return sameAddress.error();
    GrantRepository grants(m_ctx.db());
    QString sharedWith;
    if (sharesAddress)
        sharedWith = patientName;
    for (const PortalUser& u : std::as_const(sameAddress.value())) {
        const bool theProxy =
            folded(u.givenName) == folded(c.proxyGiven) && folded(u.familyName) == folded(c.proxyFamily);
        if (u.kind == QLatin1String("proxy") && theProxy) {
            r.proxyLogin = u;
            continue;
        }
        auto open = grants.open(u.id, p.id);
        if (!open)
            return open.error();
        if (open->has_value() || u.patientId == p.id)
            sharedWith = u.fullName();
    }
    const bool shared = !sharedWith.isEmpty();
    r.checks.append(check(
        QStringLiteral("shared_email"), !shared, true,
        shared
            ? QCoreApplication::translate("Services", "%1 already uses this address for this patient (shared "
                                                      "credentials); only a supervisor's override allows it.")
                  .arg(sharedWith)
            : QCoreApplication::translate("Services", "No one else uses this address for this patient."),
        true));

    // The proxy's other access, and this pair's history. A deactivated login on the address is reopened
    // on purpose, with a new PIN, never by approving; nor is a second login made on its address.
    std::optional<PortalUser> closed;
    if (r.proxyLogin && r.proxyLogin->status == QLatin1String("deactivated"))
        closed = r.proxyLogin;
    for (const PortalUser& u : std::as_const(sameAddress.value())) {
        if (!closed && u.status == QLatin1String("deactivated"))
            closed = u;
    }
    if (closed) {
        const Error refusal = deactivatedLoginRefusal(QStringLiteral("consent"), *closed);
        r.checks.append(
            check(refusal.rule.mid(int(qstrlen("consent."))), false, true, refusal.message, false));
    }
    if (r.proxyLogin) {
        auto open = grants.open(r.proxyLogin->id, p.id);
        if (!open)
            return open.error();
        // Open access from an earlier consent of the patient's is renewed by this one, without a gap.
        if (open->has_value() && c.status == QLatin1String("submitted") &&
            c.kind == QLatin1String("adult_proxy")) {
            auto earlier = consents.forPatient(p.id);
            if (!earlier)
                return earlier.error();
            for (const Consent& e : std::as_const(earlier.value())) {
                if (e.status == QLatin1String("approved") && e.grantId == (*open)->id && e.id != c.id)
                    r.renews = e;
            }
        }
        const bool has = open->has_value() && c.status == QLatin1String("submitted") && !r.renews;
        r.checks.append(
            r.renews
                ? info(QStringLiteral("renews"),
                       r.renews->endsOn.isValid()
                           ? QCoreApplication::translate("Services", "Renews consent %1, which ends on %2: "
                                                                     "access continues without a gap.")
                                 .arg(r.renews->id)
                                 .arg(DisplayText::date(r.renews->endsOn))
                           : QCoreApplication::translate("Services", "Renews consent %1: access continues "
                                                                     "without a gap.")
                                 .arg(r.renews->id))
                : check(QStringLiteral("already_has_access"), !has, true,
                        has ? QCoreApplication::translate("Services",
                                                          "%1 already has %2 access to this patient.")
                                  .arg(r.proxyLogin->username, (*open)->level)
                            : QCoreApplication::translate(
                                  "Services", "The proxy has no other open access to this patient.")));
        auto theirs = grants.forUser(r.proxyLogin->id);
        if (!theirs)
            return theirs.error();
        int openElsewhere = 0;
        for (const Grant& g : theirs.value())
            openElsewhere += g.isOpen() && g.patientId != p.id ? 1 : 0;
        r.checks.append(info(QStringLiteral("proxy_other_grants"),
                             QCoreApplication::translate("Services",
                                                         "The proxy's login %1 (%2) holds access to "
                                                         "%n other patient(s).",
                                                         nullptr, openElsewhere)
                                 .arg(r.proxyLogin->username, r.proxyLogin->status)));
    } else {
        r.checks.append(
            info(QStringLiteral("proxy_other_grants"),
                 QCoreApplication::translate("Services", "The proxy has no login yet; approving makes "
                                                         "one and queues its invitation.")));
    }
    auto history = consents.forProxyEmail(c.proxyEmail);
    if (!history)
        return history.error();
    int revoked = 0;
    for (const Consent& other : history.value()) {
        if (other.id == c.id)
            continue;
        if (other.patientId == p.id) {
            r.earlier.append(other);
            revoked += other.status == QLatin1String("revoked") ? 1 : 0;
        } else {
            r.proxyElsewhere.append({other, QString(), QString()});
        }
    }
    if (r.earlier.isEmpty()) {
        r.checks.append(
            info(QStringLiteral("earlier_consents"),
                 QCoreApplication::translate("Services", "No earlier consent names this proxy.")));
    } else {
        QStringList lines;
        for (const Consent& e : std::as_const(r.earlier))
            lines << QCoreApplication::translate("Services", "consent %1 of %2: %3")
                         .arg(e.id)
                         .arg(e.createdAt.toString(QStringLiteral("yyyy-MM-dd")),
                              DisplayText::consentStatus(e.status));
        r.checks.append(
            info(QStringLiteral("earlier_consents"),
                 (revoked > 0 ? QCoreApplication::translate("Services", "The patient revoked this "
                                                                        "proxy before. ")
                              : QString()) +
                     QCoreApplication::translate("Services", "Earlier: %1.")
                         .arg(lines.join(QStringLiteral("; ")))));
    }

    // The form is the one filed.
    const bool intact = r.document.id != 0 && Secrets::sha256Hex(r.document.content) == r.document.sha256;
    r.checks.append(
        check(QStringLiteral("document_intact"), intact, true,
              intact ? QCoreApplication::translate("Services", "Form %1 (%2), SHA-256 %3…, as filed.")
                           .arg(r.document.name, r.document.mediaType, r.document.sha256.left(16))
                     : QCoreApplication::translate("Services", "The stored form does not match its "
                                                               "SHA-256: it was changed after filing.")));

    // No restriction bars the proxy from the patient's record: first, since nothing overrides it.
    if (auto barred = refuseIfRestricted(m_ctx, policy.value(), p, c.proxyGiven, c.proxyFamily, c.proxyEmail);
        !barred) {
        if (barred.error().rule != QLatin1String("restriction.active"))
            return barred.error();
        r.checks.prepend(check(QStringLiteral("restricted"), false, true, barred.error().message));
    }

    bool blockingFail = false;
    bool overridableFail = false;
    for (const ConsentCheck& k : std::as_const(r.checks)) {
        if (k.state == ConsentCheck::State::Fail && k.blocking) {
            if (k.overridable)
                overridableFail = true;
            else
                blockingFail = true;
        }
    }
    r.approvable = !blockingFail && !overridableFail;
    r.needsOverride = !blockingFail && overridableFail;
    r.needsSupervisor = r.needsSupervisor || r.needsOverride;
    return r;
}

Result<ConsentDecision> ConsentService::approve(qint64 id, int expectedVersion,
                                                const QString& overrideReason) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Approving a proxy consent")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto review = reviewIn(id);
    if (!review)
        return review.error();
    Consent c = review->consent;
    if (c.status != QLatin1String("submitted"))
        return Error::conflict(QStringLiteral("consent.decided"),
                               QCoreApplication::translate("Services", "Consent %1 was already %2 by %3.")
                                   .arg(c.id)
                                   .arg(DisplayText::consentStatus(c.status), c.decidedBy));
    if (expectedVersion != 0)
        c.rowVersion = expectedVersion;
    for (const ConsentCheck& k : std::as_const(review->checks)) {
        if (k.code == QLatin1String("restricted") && k.state == ConsentCheck::State::Fail)
            return Error::validation(QStringLiteral("restriction.active"), k.message);
    }
    for (const ConsentCheck& k : std::as_const(review->checks)) {
        if (k.state == ConsentCheck::State::Fail && k.blocking && !k.overridable)
            return Error::validation(QStringLiteral("consent.") + k.code, k.message);
    }
    if (review->needsOverride) {
        if (overrideReason.trimmed().isEmpty())
            for (const ConsentCheck& k : std::as_const(review->checks)) {
                if (k.state == ConsentCheck::State::Fail && k.overridable)
                    return Error::validation(QStringLiteral("consent.") + k.code, k.message);
            }
        auto reason =
            Validation::note(overrideReason, QCoreApplication::translate("Services", "Override reason"));
        if (!reason)
            return reason.error();
        c.overrideReason = reason.value();
    }
    if (review->needsSupervisor)
        PD_TRY(m_ctx.require(Role::Supervisor, c.kind == QLatin1String("guardian")
                                                   ? QCoreApplication::translate(
                                                         "Services", "Approving a guardian's court papers")
                                                   : QCoreApplication::translate("Services", "An override")));
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    const Patient& p = review->patient;

    PortalUser proxy;
    if (review->proxyLogin) {
        proxy = *review->proxyLogin;
    } else {
        auto username = makeUsername(m_ctx.db(), c.proxyEmail);
        if (!username)
            return username.error();
        proxy.username = username.value();
        proxy.email = c.proxyEmail;
        proxy.givenName = c.proxyGiven;
        proxy.familyName = c.proxyFamily;
        proxy.language = c.proxyLanguage;
        proxy.kind = QStringLiteral("proxy");
        proxy.status = QStringLiteral("pending");
        auto userId = PortalUserRepository(m_ctx.db()).insert(proxy, now, by);
        if (!userId)
            return userId.error();
        proxy.id = userId.value();
        proxy.rowVersion = 1;
        PD_TRY(m_ctx.audit(
            QStringLiteral("portal_user.created"), QStringLiteral("portal_user"), proxy.id, p.id, proxy.id,
            {{QStringLiteral("username"), proxy.username}, {QStringLiteral("kind"), proxy.kind}}));
    }

    // A renewal: the earlier consent's grant ends at the instant this one's starts.
    if (review->renews) {
        auto earlier = GrantRepository(m_ctx.db()).byId(review->renews->grantId);
        if (!earlier)
            return earlier.error();
        if (earlier->has_value() && (*earlier)->isOpen())
            PD_TRY(endGrant(
                m_ctx, **earlier, now, QStringLiteral("consent_renewed"),
                {{QStringLiteral("end_reason"), QStringLiteral("consent_renewed")},
                 {QStringLiteral("consent"), review->renews->id},
                 {QStringLiteral("renewed_by"), c.id},
                 {QStringLiteral("rule"), QStringLiteral("a new consent signed by the patient renews "
                                                         "access without a gap")}}));
        c.renewsId = review->renews->id;
    }

    Grant g;
    g.portalUserId = proxy.id;
    g.patientId = p.id;
    g.level = c.scope;
    g.basis =
        c.kind == QLatin1String("guardian") ? QStringLiteral("guardianship") : QStringLiteral("consent");
    g.bracket = QStringLiteral("adult");
    g.relationship = c.relationship;
    g.startedAt = now;
    auto grantId = GrantRepository(m_ctx.db()).insert(g, by);
    if (!grantId)
        return grantId.error();
    PD_TRY(m_ctx.audit(QStringLiteral("grant.created"), QStringLiteral("grant"), grantId.value(), p.id,
                       proxy.id,
                       {{QStringLiteral("level"), g.level},
                        {QStringLiteral("relationship"), g.relationship},
                        {QStringLiteral("basis"), g.basis},
                        {QStringLiteral("consent"), c.id}}));

    // Approved first: the central database takes the invitation's PIN from the approved form itself.
    c.status = QStringLiteral("approved");
    c.decidedAt = now;
    c.decidedBy = by;
    c.portalUserId = proxy.id;
    c.grantId = grantId.value();
    c.endsOn = consentEndsOn(policy.value(), m_ctx.today(policy.value()), c.kind);
    PD_TRY(ConsentRepository(m_ctx.db()).update(c, now, by));
    ++c.rowVersion;
    auto access = queueAccessInvitation(m_ctx, policy.value(), proxy, p.id, 0, c.pinHash, c.id);
    if (!access)
        return access.error();
    PD_TRY(m_ctx.audit(
        QStringLiteral("consent.approved"), QStringLiteral("consent"), c.id, p.id, proxy.id,
        {{QStringLiteral("grant"), c.grantId},
         {QStringLiteral("override_reason"), c.overrideReason},
         {QStringLiteral("ends_on"), c.endsOn.isValid() ? c.endsOn.toString(Qt::ISODate) : QString()},
         {QStringLiteral("renews"), c.renewsId}}));
    PD_TRY(tx.commit());
    ConsentDecision out;
    out.consent = c;
    out.proxy = access->user;
    out.invitationId = access->invitationId;
    out.note = access->note;
    return out;
}

Result<ConsentDecision> ConsentService::reject(qint64 id, const QString& reasonText, int expectedVersion) {
    PD_TRY(m_ctx.require(Role::Specialist,
                         QCoreApplication::translate("Services", "Rejecting a proxy consent")));
    auto reason = Validation::note(reasonText, QCoreApplication::translate("Services", "Reason"));
    if (!reason)
        return reason.error();
    if (reason->isEmpty())
        return Error::validation(QStringLiteral("consent.reason_required"),
                                 QCoreApplication::translate("Services", "Say why the consent is rejected."));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    ConsentRepository consents(m_ctx.db());
    auto found = existingConsent(consents, id);
    if (!found)
        return found.error();
    Consent c = found.value();
    if (c.status != QLatin1String("submitted"))
        return Error::conflict(QStringLiteral("consent.decided"),
                               QCoreApplication::translate("Services", "Consent %1 was already %2 by %3.")
                                   .arg(c.id)
                                   .arg(DisplayText::consentStatus(c.status), c.decidedBy));
    if (expectedVersion != 0)
        c.rowVersion = expectedVersion;
    auto patient = PatientRepository(m_ctx.db()).byId(c.patientId);
    if (!patient)
        return patient.error();
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();
    c.status = QStringLiteral("rejected");
    c.rejectReason = reason.value();
    c.decidedAt = now;
    c.decidedBy = m_ctx.staff().name;
    PD_TRY(consents.update(c, now, m_ctx.staff().name));
    ++c.rowVersion;

    // The notice goes to the patient who filed it: their own login's address, else the one on file.
    ConsentDecision out;
    auto ownLogin = PortalUserRepository(m_ctx.db()).ownLoginOf(c.patientId);
    if (!ownLogin)
        return ownLogin.error();
    const Patient p = patient->value_or(Patient{});
    const QString to = ownLogin->has_value() ? (*ownLogin)->email : p.email;
    if (!to.isEmpty()) {
        ServiceContext::Mail mail;
        mail.kind = QStringLiteral("consent_rejected");
        mail.language = p.language;
        mail.to = {p.givenName + QLatin1Char(' ') + p.familyName, to};
        mail.portalUserId = ownLogin->has_value() ? (*ownLogin)->id : 0;
        mail.patientId = c.patientId;
        mail.vars.insert(QStringLiteral("proxy_name"), c.proxyName());
        auto outbox = m_ctx.enqueueMail(policy.value(), mail);
        if (!outbox)
            return outbox.error();
        out.noticeOutboxId = outbox.value();
    } else {
        out.note =
            QCoreApplication::translate("Services", "The patient has no e-mail address on file: tell them "
                                                    "by phone or letter.");
    }
    PD_TRY(m_ctx.audit(
        QStringLiteral("consent.rejected"), QStringLiteral("consent"), c.id, c.patientId, 0,
        {{QStringLiteral("reason"), c.rejectReason}, {QStringLiteral("notice"), out.noticeOutboxId != 0}}));
    PD_TRY(tx.commit());
    out.consent = c;
    return out;
}

Result<ConsentDecision> ConsentService::revoke(qint64 id, int expectedVersion) {
    PD_TRY(
        m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Revoking a proxy consent")));
    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    ConsentRepository consents(m_ctx.db());
    auto found = existingConsent(consents, id);
    if (!found)
        return found.error();
    Consent c = found.value();
    if (c.status != QLatin1String("approved"))
        return Error::validation(QStringLiteral("consent.not_approved"),
                                 QCoreApplication::translate(
                                     "Services", "Only an approved consent can be revoked; consent %1 is %2.")
                                     .arg(c.id)
                                     .arg(DisplayText::consentStatus(c.status)));
    if (expectedVersion != 0)
        c.rowVersion = expectedVersion;
    const QDateTime now = m_ctx.now();
    const QString by = m_ctx.staff().name;
    GrantRepository grants(m_ctx.db());
    auto theirs = grants.forUser(c.portalUserId);
    if (!theirs)
        return theirs.error();
    for (const Grant& g : theirs.value()) {
        if (g.id != c.grantId || !g.isOpen())
            continue;
        PD_TRY(endGrant(m_ctx, g, now, QStringLiteral("consent_revoked"),
                        {{QStringLiteral("end_reason"), QStringLiteral("consent_revoked")},
                         {QStringLiteral("birthday"), DbTime::toDb(now).toString().left(10)},
                         {QStringLiteral("rule"),
                          QCoreApplication::translate("Services", "the patient revoked the consent")}}));
    }
    // A proxy left with no access at all has nothing to activate.
    auto stillOpen = grants.openCountForUser(c.portalUserId);
    if (!stillOpen)
        return stillOpen.error();
    if (stillOpen.value() == 0) {
        auto revoked = revokeLiveInvitation(m_ctx, c.portalUserId, QStringLiteral("staff"), c.patientId);
        if (!revoked)
            return revoked.error();
        // …and a login with nothing left to open ends, as at an age transition.
        PortalUserRepository users(m_ctx.db());
        auto proxy = users.byId(c.portalUserId);
        if (!proxy)
            return proxy.error();
        if (proxy->has_value() &&
            ((*proxy)->status == QLatin1String("active") || (*proxy)->status == QLatin1String("pending"))) {
            PortalUser ended = **proxy;
            ended.status = QStringLiteral("terminated");
            ended.statusReason = QStringLiteral("consent_revoked");
            ended.statusChangedAt = now;
            PD_TRY(closeLogin(m_ctx, ended, (*proxy)->status, c.patientId,
                              {{QStringLiteral("reason"), ended.statusReason}}));
        }
    }
    c.status = QStringLiteral("revoked");
    c.revokedAt = now;
    c.revokedBy = by;
    PD_TRY(consents.update(c, now, by));
    ++c.rowVersion;
    PD_TRY(m_ctx.audit(QStringLiteral("consent.revoked"), QStringLiteral("consent"), c.id, c.patientId,
                       c.portalUserId, {{QStringLiteral("grant"), c.grantId}}));
    PD_TRY(tx.commit());
    ConsentDecision out;
    out.consent = c;
    auto proxy = PortalUserRepository(m_ctx.db()).byId(c.portalUserId);
    if (!proxy)
        return proxy.error();
    if (proxy->has_value())
        out.proxy = **proxy;
    return out;
}

} // namespace pd
