// Proxy consents of adult patients (SPEC §8): the automatic checks the reviewer sees, and what approving,
// rejecting and revoking leave behind.
#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/ConsentService.h"
#include "services/EnrollmentService.h"
#include "services/TimelineText.h"
#include "store/GrantRepository.h"
#include "store/InvitationRepository.h"
#include "store/PortalUserRepository.h"

using namespace pd;
using namespace pd::test;

namespace {

const QByteArray Pdf =
    QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
const QByteArray Png = QByteArrayLiteral("\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
const QString Pin = QStringLiteral("604817");

// Ana López, 20 on the pinned day (2026-11-24), names her mother as her proxy.
ConsentSubmission anaNamesHerMother() {
    ConsentSubmission s;
    s.mrn = QStringLiteral("500001");
    s.proxyGiven = QStringLiteral("Rosa");
    s.proxyFamily = QStringLiteral("López");
    s.proxyEmail = QStringLiteral("rosa.lopez@example.org");
    s.relationship = QStringLiteral("parent");
    s.signedOn = QStringLiteral("2026-11-20");
    s.signedBy = QStringLiteral("Ana López");
    s.documentName = QStringLiteral("/scans/consent-ana.pdf");
    s.document = Pdf;
    return s;
}

ConsentCheck checkOf(const ConsentReview& r, const QString& code) {
    for (const ConsentCheck& c : r.checks) {
        if (c.code == code)
            return c;
    }
    qFatal("no check %s", qPrintable(code));
}

QString stateName(ConsentCheck::State s) {
    return s == ConsentCheck::State::Pass   ? QStringLiteral("pass")
           : s == ConsentCheck::State::Fail ? QStringLiteral("fail")
                                            : QStringLiteral("info");
}

} // namespace

class TestConsents : public QObject {
    Q_OBJECT

    static void addAna(TestDb& t, const QDate& birth = QDate(2006, 3, 2)) {
        addPatient(t, QStringLiteral("500001"), birth, QStringLiteral("ana.lopez@example.org"));
    }

    static Consent submitted(TestDb& t, const ConsentSubmission& s) {
        auto ctx = t.as(QStringLiteral("specialist"));
        auto c = ConsentService(*ctx).submit(s, Pin);
        if (!c)
            qFatal("submit: %s", qPrintable(c.error().message));
        return c.value();
    }

private slots:
    void eachAutomaticCheck_data() {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("state");
        const QDate ana(2006, 3, 2);
        const QDate eighteenInJune(2008, 6, 1); // 18 on 2026-06-01
        QTest::newRow("signed on the 18th birthday") << eighteenInJune << "signedOn"
                                                     << "2026-06-01"
                                                     << "signed_after_18"
                                                     << "pass";
        QTest::newRow("signed the day before the 18th birthday") << eighteenInJune << "signedOn"
                                                                 << "2026-05-31"
                                                                 << "signed_after_18"
                                                                 << "fail";
        QTest::newRow("signed by the patient") << ana << "signedBy"
                                               << "Ana López"
                                               << "signer_is_patient"
                                               << "pass";
        QTest::newRow("signed by the patient, written plainly") << ana << "signedBy"
                                                                << "ana  LOPEZ"
                                                                << "signer_is_patient"
                                                                << "pass";
        QTest::newRow("signed by someone else") << ana << "signedBy"
                                                << "Rosa López"
                                                << "signer_is_patient"
                                                << "fail";
        QTest::newRow("signer not recorded") << ana << "signedBy"
                                             << ""
                                             << "signer_is_patient"
                                             << "info";
        QTest::newRow("proxy is someone else") << ana << "proxyEmail"
                                               << "rosa.lopez@example.org"
                                               << "proxy_not_patient"
                                               << "pass";
        QTest::newRow("proxy has the patient's address") << ana << "proxyEmail"
                                                         << "Ana.Lopez@example.org"
                                                         << "shared_email"
                                                         << "fail";
        QTest::newRow("proxy has the patient's name") << ana << "proxyGiven"
                                                      << "Ana"
                                                      << "proxy_not_patient"
                                                      << "fail";
        QTest::newRow("the patient is an adult") << ana << "signedOn"
                                                 << "2026-11-20"
                                                 << "patient_adult"
                                                 << "pass";
        QTest::newRow("no earlier consent") << ana << "signedOn"
                                            << "2026-11-20"
                                            << "earlier_consents"
                                            << "info";
        QTest::newRow("the form as filed") << ana << "signedOn"
                                           << "2026-11-20"
                                           << "document_intact"
                                           << "pass";
        QTest::newRow("no one else uses the address") << ana << "signedOn"
                                                      << "2026-11-20"
                                                      << "shared_email"
                                                      << "pass";
    }
    void eachAutomaticCheck() {
        QFETCH(QDate, birth);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, check);
        QFETCH(QString, state);
        TestDb t;
        addAna(t, birth);
        ConsentSubmission s = anaNamesHerMother();
        if (field == QLatin1String("signedOn"))
            s.signedOn = value;
        else if (field == QLatin1String("signedBy"))
            s.signedBy = value;
        else if (field == QLatin1String("proxyEmail"))
            s.proxyEmail = value;
        else if (field == QLatin1String("proxyGiven"))
            s.proxyGiven = value;
        const Consent c = submitted(t, s);
        auto ctx = t.as(QStringLiteral("specialist"));
        auto review = ConsentService(*ctx).review(c.id);
        QVERIFY(review.ok());
        const ConsentCheck k = checkOf(review.value(), check);
        QCOMPARE(stateName(k.state), state);
        QVERIFY(!k.message.isEmpty());
        QCOMPARE(review->approvable, state != QLatin1String("fail"));
    }

    void approvingCreatesTheGrantAndQueuesTheProxysInvitation() {
        TestDb t;
        addAna(t);
        const Consent c = submitted(t, anaNamesHerMother());
        auto ctx = t.as(QStringLiteral("specialist"));
        auto approved = ConsentService(*ctx).approve(c.id, c.rowVersion);
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        QCOMPARE(approved->consent.status, QStringLiteral("approved"));
        QCOMPARE(approved->proxy.kind, QStringLiteral("proxy"));
        QCOMPARE(approved->proxy.email, QStringLiteral("rosa.lopez@example.org"));
        auto grant = GrantRepository(*t.db).open(approved->proxy.id, c.patientId);
        QVERIFY(grant.ok() && grant->has_value());
        QCOMPARE((*grant)->level, QStringLiteral("full"));
        QCOMPARE((*grant)->basis, QStringLiteral("consent"));
        QCOMPARE((*grant)->relationship, QStringLiteral("parent"));
        auto live = InvitationRepository(*t.db).liveFor(approved->proxy.id);
        QVERIFY(live.ok() && live->has_value());
        QCOMPARE((*live)->status, QStringLiteral("queued"));
        QCOMPARE((*live)->id, approved->invitationId);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'consent.approved'")),
            1);

        // Decided once: a second approval is a conflict and changes nothing.
        auto again = ConsentService(*ctx).approve(c.id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE basis = 'consent'")), 1);
    }

    void aProxyWithAnActiveLoginGetsAccessAddedWithoutAnInvitation() {
        TestDb t;
        addAna(t);
        // Rosa already uses the portal for Ana's little brother.
        addPatient(t, QStringLiteral("500002"), QDate(2019, 8, 8));
        enrollOk(t, parentForm(QStringLiteral("500002"), QDate(2026, 11, 1),
                               QStringLiteral("rosa.lopez@example.org"), QStringLiteral("Rosa")));
        const QString token = sendAndReadToken(t, QStringLiteral("rosa.lopez"));
        QVERIFY(InvitationService(*t.as(QStringLiteral("portal")))
                    .activate(token, QStringLiteral("482913"))
                    .ok());
        const Consent c = submitted(t, anaNamesHerMother());
        auto ctx = t.as(QStringLiteral("specialist"));
        auto review = ConsentService(*ctx).review(c.id);
        QVERIFY(review.ok() && review->proxyLogin);
        QVERIFY(checkOf(review.value(), QStringLiteral("proxy_other_grants"))
                    .message.contains(QStringLiteral("1 other")));
        auto approved = ConsentService(*ctx).approve(c.id);
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        QCOMPARE(approved->invitationId, 0);
        QCOMPARE(approved->proxy.username, QStringLiteral("rosa.lopez"));
        QVERIFY(approved->note.contains(QStringLiteral("active login")));
    }

    void aFailingCheckStopsApprovalAndWritesNothing() {
        TestDb t;
        addAna(t);
        ConsentSubmission s = anaNamesHerMother();
        s.signedBy = QStringLiteral("Rosa López");
        const Consent c = submitted(t, s);
        auto ctx = t.as(QStringLiteral("specialist"));
        auto approved = ConsentService(*ctx).approve(c.id);
        QVERIFY(!approved.ok());
        QCOMPARE(approved.error().rule, QStringLiteral("consent.signer_is_patient"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants")), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users WHERE kind = 'proxy'")), 0);
    }

    void aSharedAddressNeedsASupervisorsOverride() {
        TestDb t;
        addAna(t);
        // Ana's own login uses the family's address; the consent names her mother with it.
        enrollOk(t, patientForm(QStringLiteral("500001"), QDate(2026, 11, 1),
                                QStringLiteral("lopez.family@example.org")));
        ConsentSubmission s = anaNamesHerMother();
        s.proxyEmail = QStringLiteral("lopez.family@example.org");
        const Consent c = submitted(t, s);
        auto specialist = t.as(QStringLiteral("specialist"));
        auto review = ConsentService(*specialist).review(c.id);
        QVERIFY(review.ok());
        QVERIFY(review->needsOverride);
        auto refused = ConsentService(*specialist).approve(c.id);
        QVERIFY(!refused.ok());
        auto stillRefused =
            ConsentService(*specialist).approve(c.id, 0, QStringLiteral("The family has one address"));
        QVERIFY(!stillRefused.ok());
        QCOMPARE(stillRefused.error().kind, ErrorKind::NotPermitted);
        auto supervisor = t.as(QStringLiteral("supervisor"));
        auto approved =
            ConsentService(*supervisor).approve(c.id, 0, QStringLiteral("The family has one address"));
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        QCOMPARE(approved->consent.overrideReason, QStringLiteral("The family has one address"));
    }

    void aGuardiansCourtPapersAreApprovedByASupervisor() {
        TestDb t;
        addAna(t);
        ConsentSubmission s = anaNamesHerMother();
        s.kind = QStringLiteral("guardian");
        s.relationship = QStringLiteral("guardian");
        s.signedBy.clear();
        const Consent c = submitted(t, s);
        auto specialist = t.as(QStringLiteral("specialist"));
        auto refused = ConsentService(*specialist).approve(c.id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::NotPermitted);
        auto approved = ConsentService(*t.as(QStringLiteral("supervisor"))).approve(c.id);
        QVERIFY(approved.ok());
        auto grant = GrantRepository(*t.db).open(approved->proxy.id, c.patientId);
        QCOMPARE((*grant)->basis, QStringLiteral("guardianship"));
    }

    void rejectingRecordsTheReasonAndQueuesANotice() {
        TestDb t;
        addAna(t);
        const Consent c = submitted(t, anaNamesHerMother());
        auto ctx = t.as(QStringLiteral("specialist"));
        auto noReason = ConsentService(*ctx).reject(c.id, QStringLiteral("  "));
        QVERIFY(!noReason.ok());
        QCOMPARE(noReason.error().rule, QStringLiteral("consent.reason_required"));
        auto rejected =
            ConsentService(*ctx).reject(c.id, QStringLiteral("The form's second page is missing"));
        QVERIFY(rejected.ok());
        QCOMPARE(rejected->consent.status, QStringLiteral("rejected"));
        QVERIFY(rejected->noticeOutboxId != 0);
        Query q(*t.db, QStringLiteral("SELECT kind, recipient FROM outbox WHERE id = :id"));
        q.bind(QStringLiteral(":id"), rejected->noticeOutboxId);
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("consent_rejected"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("ana.lopez@example.org"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants")), 0);
    }

    void revokingEndsTheGrantAtOnce() {
        TestDb t;
        addAna(t);
        const Consent c = submitted(t, anaNamesHerMother());
        auto ctx = t.as(QStringLiteral("specialist"));
        auto approved = ConsentService(*ctx).approve(c.id);
        QVERIFY(approved.ok());
        auto revoked = ConsentService(*ctx).revoke(c.id);
        QVERIFY2(revoked.ok(), qPrintable(revoked.ok() ? QString() : revoked.error().message));
        QCOMPARE(revoked->consent.status, QStringLiteral("revoked"));
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE end_reason = 'consent_revoked' "
                                   "AND ended_at IS NOT NULL")),
            1);
        // Nothing left for the proxy to activate.
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status IN ('queued', 'sent')")),
            0);
        // A new consent for the same proxy shows the revocation to the reviewer.
        const Consent again = submitted(t, anaNamesHerMother());
        auto review = ConsentService(*ctx).review(again.id);
        QVERIFY(checkOf(review.value(), QStringLiteral("earlier_consents"))
                    .message.contains(QStringLiteral("revoked")));
    }

    void aStaleReviewIsAConflict() {
        TestDb t;
        addAna(t);
        const Consent c = submitted(t, anaNamesHerMother());
        auto ctx = t.as(QStringLiteral("specialist"));
        QVERIFY(ConsentService(*ctx).reject(c.id, QStringLiteral("Unreadable scan")).ok());
        auto approved = ConsentService(*ctx).approve(c.id, c.rowVersion);
        QVERIFY(!approved.ok());
        QCOMPARE(approved.error().kind, ErrorKind::Conflict);
    }

    void aFormChangedAfterFilingIsCaught() {
        TestDb t;
        addAna(t);
        const Consent c = submitted(t, anaNamesHerMother());
        Query q(*t.db, QStringLiteral("UPDATE documents SET content = :c"));
        q.bind(QStringLiteral(":c"), Png);
        QVERIFY(q.exec().ok());
        auto ctx = t.as(QStringLiteral("specialist"));
        auto review = ConsentService(*ctx).review(c.id);
        QCOMPARE(checkOf(review.value(), QStringLiteral("document_intact")).state, ConsentCheck::State::Fail);
        QVERIFY(!ConsentService(*ctx).approve(c.id).ok());
    }

    void badSubmissionsAreRefusedAndNothingIsWritten_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("rule");
        QTest::newRow("no form") << "document"
                                 << ""
                                 << "consent.document_missing";
        QTest::newRow("a text file") << "document"
                                     << "hello"
                                     << "consent.document_type";
        QTest::newRow("a form over the size limit") << "document"
                                                    << "big"
                                                    << "consent.document_too_large";
        QTest::newRow("a malformed date") << "signedOn"
                                          << "2026-13-01"
                                          << "input.date";
        QTest::newRow("a date in the future") << "signedOn"
                                              << "2026-12-01"
                                              << "consent.signed_future";
        QTest::newRow("a malformed e-mail") << "proxyEmail"
                                            << "rosa@@example"
                                            << "input.email";
        QTest::newRow("an over-long name") << "proxyGiven" << QString(101, QLatin1Char('a')) << "input.name";
        QTest::newRow("an unknown relationship") << "relationship"
                                                 << "neighbour"
                                                 << "consent.relationship";
        QTest::newRow("an unknown patient") << "mrn"
                                            << "999999"
                                            << "patient.not_found";
        QTest::newRow("a child patient") << "mrn"
                                         << "500003"
                                         << "consent.patient_not_adult";
    }
    void badSubmissionsAreRefusedAndNothingIsWritten() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, rule);
        TestDb t;
        addAna(t);
        addPatient(t, QStringLiteral("500003"), QDate(2015, 1, 1));
        ConsentSubmission s = anaNamesHerMother();
        if (field == QLatin1String("document"))
            s.document = value == QLatin1String("big")
                             ? Pdf + QByteArray(ConsentService::MaxDocumentBytes, ' ')
                             : value.toUtf8();
        else if (field == QLatin1String("signedOn"))
            s.signedOn = value;
        else if (field == QLatin1String("proxyEmail"))
            s.proxyEmail = value;
        else if (field == QLatin1String("proxyGiven"))
            s.proxyGiven = value;
        else if (field == QLatin1String("relationship"))
            s.relationship = value;
        else if (field == QLatin1String("mrn"))
            s.mrn = value;
        auto ctx = t.as(QStringLiteral("specialist"));
        auto c = ConsentService(*ctx).submit(s, Pin);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().rule.startsWith(rule),
                 qPrintable(c.error().rule + QStringLiteral(": ") + c.error().message));
        QVERIFY(!c.error().message.isEmpty());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM documents")), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM consents")), 0);
    }

    void theDeskAlsoReviewsOverridesAndTeensMissingTheirForm() {
        TestDb t;
        // 14, parent's form only: the patient's own form is missing.
        addPatient(t, QStringLiteral("600001"), QDate(2012, 6, 1));
        enrollOk(t,
                 parentForm(QStringLiteral("600001"), QDate(2026, 11, 1), QStringLiteral("p1@example.org")));
        // 15, both forms: nothing to review.
        addPatient(t, QStringLiteral("600002"), QDate(2011, 6, 1));
        enrollOk(t,
                 parentForm(QStringLiteral("600002"), QDate(2026, 11, 1), QStringLiteral("p2@example.org")));
        enrollOk(t, patientForm(QStringLiteral("600002"), QDate(2026, 11, 1),
                                QStringLiteral("teen2@example.org")));
        // 11 (12 next week), parent's form: a child, nothing missing yet.
        addPatient(t, QStringLiteral("600003"), QDate(2014, 12, 1));
        enrollOk(t,
                 parentForm(QStringLiteral("600003"), QDate(2026, 11, 1), QStringLiteral("p3@example.org")));
        // 16, an emancipated minor enrolled on a supervisor's override.
        addPatient(t, QStringLiteral("600004"), QDate(2010, 3, 3));
        EnrollRequest own =
            patientForm(QStringLiteral("600004"), QDate(2026, 11, 2), QStringLiteral("teen4@example.org"));
        own.overrideReason = QStringLiteral("Emancipated minor, court order on file");
        QVERIFY(EnrollmentService(*t.as(QStringLiteral("supervisor")))
                    .enroll(own, QStringLiteral("482913"))
                    .ok());

        auto rows = ConsentService(*t.as(QStringLiteral("specialist"))).enrollmentReviews();
        QVERIFY(rows.ok());
        QStringList seen;
        for (const EnrollmentReviewRow& r : rows.value())
            seen << r.mrn + QLatin1Char(':') + r.reason;
        QCOMPARE(seen, QStringList({QStringLiteral("600004:override"),
                                    QStringLiteral("600001:missing_patient_form")}));
        QCOMPARE(rows->first().overrideReason, QStringLiteral("Emancipated minor, court order on file"));
    }

    // A consent never reopens a deactivated login, nor makes a second one on its address, whoever
    // approves it: the refusal names the login and the way back.
    void aConsentNeverReopensADeactivatedLogin_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("rule");
        QTest::newRow("suspected compromise") << "suspected_compromise"
                                              << "consent.login_deactivated";
        QTest::newRow("family request") << "family_request"
                                        << "consent.login_deactivated";
        QTest::newRow("deceased") << "deceased"
                                  << "consent.login_deceased";
    }
    void aConsentNeverReopensADeactivatedLogin() {
        QFETCH(QString, reason);
        QFETCH(QString, rule);
        TestDb t;
        addAna(t);
        addPatient(t, QStringLiteral("500002"), QDate(2019, 8, 8));
        enrollOk(t, parentForm(QStringLiteral("500002"), QDate(2026, 11, 1),
                               QStringLiteral("rosa.lopez@example.org"), QStringLiteral("Rosa")));
        QVERIFY(AccountService(*t.as(QStringLiteral("specialist")))
                    .deactivate({QStringLiteral("rosa.lopez"), reason, QStringLiteral("caller"),
                                 QStringLiteral("DOB + MRN"), QString()})
                    .ok());
        const Consent c = submitted(t, anaNamesHerMother());
        auto review = ConsentService(*t.as(QStringLiteral("specialist"))).review(c.id);
        const ConsentCheck k = checkOf(review.value(), rule.mid(8));
        QCOMPARE(k.state, ConsentCheck::State::Fail);
        QVERIFY2(k.message.contains(QStringLiteral("rosa.lopez")), qPrintable(k.message));
        QVERIFY(!review->approvable && !review->needsOverride);
        QCOMPARE(ConsentService(*t.as(QStringLiteral("specialist"))).approve(c.id).error().rule, rule);
        QCOMPARE(ConsentService(*t.as(QStringLiteral("supervisor")))
                     .approve(c.id, 0, QStringLiteral("Identity re-verified"))
                     .error()
                     .rule,
                 rule);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users WHERE status = 'deactivated'")),
                 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users")), 1);
    }

    void aGuardiansPapersMayComeBeforeThe18thBirthday() {
        TestDb t;
        addAna(t, QDate(2009, 1, 10)); // 17, 18 in January
        ConsentSubmission s = anaNamesHerMother();
        s.kind = QStringLiteral("guardian");
        s.relationship = QStringLiteral("guardian");
        s.signedBy.clear();
        // A patient's own consent is refused before 18…
        QVERIFY(!ConsentService(*t.as(QStringLiteral("specialist"))).submit(anaNamesHerMother(), Pin).ok());
        // …a guardian's court papers are not, and a supervisor approves them.
        const Consent c = submitted(t, s);
        auto approved = ConsentService(*t.as(QStringLiteral("supervisor"))).approve(c.id);
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
    }

    void aProxyWithThePatientsNameIsConfirmedByASupervisor() {
        TestDb t;
        addAna(t);
        ConsentSubmission s = anaNamesHerMother();
        s.proxyGiven = QStringLiteral("Ana"); // Ana López Sr., the mother
        const Consent c = submitted(t, s);
        auto review = ConsentService(*t.as(QStringLiteral("specialist"))).review(c.id);
        QVERIFY(review->needsOverride);
        QVERIFY(ConsentService(*t.as(QStringLiteral("supervisor")))
                    .approve(c.id, 0, QStringLiteral("Mother of the same name, seen in person"))
                    .ok());
    }

    void revokingEndsALoginLeftWithNothing() {
        TestDb t;
        addAna(t);
        const Consent c = submitted(t, anaNamesHerMother());
        auto ctx = t.as(QStringLiteral("specialist"));
        auto approved = ConsentService(*ctx).approve(c.id);
        QVERIFY(approved.ok());
        const QString token = sendAndReadToken(t, approved->proxy.username);
        QVERIFY(InvitationService(*t.as(QStringLiteral("portal"))).activate(token, Pin).ok());
        QVERIFY(ConsentService(*ctx).revoke(c.id).ok());
        auto proxy = PortalUserRepository(*t.db).byId(approved->proxy.id);
        QCOMPARE((*proxy)->status, QStringLiteral("terminated"));
        // The timeline says it in words.
        auto story = PatientService(*ctx).show(QStringLiteral("500001"));
        QStringList lines;
        for (const AuditEvent& e : story->timeline)
            lines << TimelineText::describe(e);
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QStringLiteral("Proxy consent revoked")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("()")));
    }

    void supportAgentsSeeTheProxysAddressMasked() {
        TestDb t;
        addAna(t);
        submitted(t, anaNamesHerMother());
        auto story = PatientService(*t.as(QStringLiteral("agent"))).show(QStringLiteral("500001"));
        QVERIFY(story.ok());
        for (const AuditEvent& e : story->timeline)
            QVERIFY2(!e.details.contains(QStringLiteral("rosa.lopez@example.org")), qPrintable(e.details));
    }

    // The desk's list comes a page at a time, newest first, with how many there are in all.
    void theListComesInPagesWithItsTotal() {
        TestDb t;
        addAna(t);
        QList<qint64> ids;
        for (const char* proxy : {"rosa", "luis", "elena"}) {
            ConsentSubmission s = anaNamesHerMother();
            s.proxyGiven = QString::fromLatin1(proxy);
            s.proxyEmail = QString::fromLatin1(proxy) + QStringLiteral(".lopez@example.org");
            ids.prepend(submitted(t, s).id);
        }
        auto specialist = t.as(QStringLiteral("specialist"));
        ConsentService consents(*specialist);
        auto first = consents.list(QStringLiteral("submitted"), 2, 0);
        auto second = consents.list(QStringLiteral("submitted"), 2, 2);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->size(), 2);
        QCOMPARE(second->size(), 1);
        QCOMPARE((QList<qint64>{first->at(0).consent.id, first->at(1).consent.id, second->at(0).consent.id}),
                 ids);
        QCOMPARE(first->at(0).mrn, QStringLiteral("500001"));
        QCOMPARE(consents.count(QStringLiteral("submitted")).value(), 3);
        QCOMPARE(consents.count(QStringLiteral("approved")).value(), 0);
        QCOMPARE(consents.count().value(), 3);
        QCOMPARE(consents.list(QString(), 0, 0).error().rule, QStringLiteral("input.page"));
    }

    void supportAgentsDontReviewConsents() {
        TestDb t;
        addAna(t);
        auto agent = t.as(QStringLiteral("agent"));
        auto c = ConsentService(*agent).submit(anaNamesHerMother(), Pin);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().kind, ErrorKind::NotPermitted);
        QVERIFY(!ConsentService(*agent).list().ok());
    }
};

QTEST_GUILESS_MAIN(TestConsents)
#include "TestConsents.moc"
