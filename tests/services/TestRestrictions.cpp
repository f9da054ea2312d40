// Access restrictions (SPEC section 8): an order that bars a named person from a patient's record ends that
// person's access at once, silently, on every record it names; while it is in force nothing gives it back
// (enrollment, consent, reissue, a new address), and lifting it or its end gives back nothing either.
#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/ConsentService.h"
#include "services/RestrictionService.h"
#include "services/VisibilityService.h"

using namespace pd;
using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

RestrictionRequest order(const QStringList& mrns, const QString& given = QStringLiteral("Jose"),
                         const QString& family = QStringLiteral("Hernandez"),
                         const QString& email = QStringLiteral("jose.h@example.org")) {
    RestrictionRequest r;
    r.mrns = mrns;
    r.givenName = given;
    r.familyName = family;
    r.email = email;
    r.reason = QStringLiteral("custody_order");
    r.note = QStringLiteral("LA Superior Court, case 26FL01234");
    r.documentName = QStringLiteral("custody-order.pdf");
    r.document = Pdf;
    return r;
}

} // namespace

class TestRestrictions : public QObject {
    Q_OBJECT

    // Leo (7) and Mia (5): their mother María and their father José, each with a login for both; and Leo's
    // grandmother Rosa, for Leo only. Eva (19) is an adult patient.
    struct Family {
        PortalUser maria, jose, rosa;
    };
    Family family(TestDb& t, bool joseForMiaToo = true) {
        Family f;
        t.clock.set(la(2026, 11, 2, 10));
        addPatient(t, QStringLiteral("700001"), QDate(2019, 5, 5), QStringLiteral("leo@example.org"));
        addPatient(t, QStringLiteral("700002"), QDate(2021, 6, 6));
        addPatient(t, QStringLiteral("700003"), QDate(2007, 3, 2), QStringLiteral("eva@example.org"));
        const QDate signedOn(2026, 11, 2);
        f.maria =
            enrollOk(t, parentForm(QStringLiteral("700001"), signedOn, QStringLiteral("maria@example.org")))
                .user;
        enrollOk(t, parentForm(QStringLiteral("700002"), signedOn, QStringLiteral("maria@example.org")));
        EnrollRequest jose = parentForm(QStringLiteral("700001"), signedOn,
                                        QStringLiteral("jose.h@example.org"), QStringLiteral("José"));
        jose.familyName = QStringLiteral("Hernández");
        f.jose = enrollOk(t, jose).user;
        if (joseForMiaToo) {
            jose.mrn = QStringLiteral("700002");
            enrollOk(t, jose);
        }
        EnrollRequest rosa = parentForm(QStringLiteral("700001"), signedOn,
                                        QStringLiteral("rosa@example.org"), QStringLiteral("Rosa"));
        rosa.relationship = QStringLiteral("family");
        f.rosa = enrollOk(t, rosa).user;
        t.clock.set(la(2026, 11, 24, 10));
        return f;
    }

    static qint64 openGrants(TestDb& t, const PortalUser& u) {
        return t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE portal_user_id = %1 AND "
                                      "ended_at IS NULL")
                           .arg(u.id));
    }
    static qint64 mailTo(TestDb& t, const PortalUser& u) {
        return t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE recipient = '%1'").arg(u.email));
    }
    static qint64 waitingMailTo(TestDb& t, const PortalUser& u) {
        return t.count(
            QStringLiteral("SELECT count(*) FROM outbox WHERE recipient = '%1' AND status = 'pending'")
                .arg(u.email));
    }
    static QString userStatus(TestDb& t, const PortalUser& u) {
        Query q(*t.db, QStringLiteral("SELECT status FROM portal_users WHERE id = :id"));
        q.bind(QStringLiteral(":id"), u.id);
        if (!q.exec() || !q.next())
            qFatal("no login %lld", u.id);
        return q.value(0).toString();
    }

    static Result<RestrictionOutcome> add(TestDb& t, const RestrictionRequest& r) {
        auto ctx = t.as(QStringLiteral("specialist"));
        return RestrictionService(*ctx).add(r);
    }
    static RestrictionOutcome addOk(TestDb& t, const RestrictionRequest& r) {
        auto out = add(t, r);
        if (!out)
            qFatal("restriction add: %s", qPrintable(out.error().message));
        return out.value();
    }

private slots:
    void addingEndsThePersonsAccessToThatRecordAtOnce() {
        TestDb t;
        const Family f = family(t);
        const qint64 mailBefore = mailTo(t, f.jose);
        const RestrictionOutcome out = addOk(t, order({QStringLiteral("700001")}));
        QCOMPARE(out.restrictions.size(), 1);
        const Restriction& r = out.restrictions.constFirst().restriction;
        QCOMPARE(out.restrictions.constFirst().mrn, QStringLiteral("700001"));
        QVERIFY(r.documentId > 0);
        // José's access to Leo ended, for the restriction; his access to Mia and everyone else's go on.
        QCOMPARE(out.effect.grantsEnded.size(), 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants g JOIN patients p ON p.id = "
                                        "g.patient_id WHERE g.portal_user_id = %1 AND p.mrn = '700001' AND "
                                        "g.end_reason = 'restricted' AND g.ended_at IS NOT NULL")
                             .arg(f.jose.id)),
                 1);
        QCOMPARE(openGrants(t, f.jose), 1);
        QCOMPARE(openGrants(t, f.maria), 2);
        QCOMPARE(openGrants(t, f.rosa), 1);
        QVERIFY(out.effect.loginsTerminated.isEmpty());
        QCOMPARE(userStatus(t, f.jose), QStringLiteral("pending"));
        // Audited, and the grant's end names the restriction; nothing new was mailed to him.
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'restriction.added' "
                                   "AND record_id = '%1'")
                        .arg(r.id)),
            1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'grant.ended' AND "
                                        "record_id = '%1' AND details LIKE '%restricted%'")
                             .arg(out.effect.grantsEnded.constFirst())),
                 1);
        QCOMPARE(mailTo(t, f.jose), mailBefore);
    }

    void aLoginLeftWithNothingIsTerminatedWithoutAWord() {
        TestDb t;
        const Family f = family(t, false);
        {
            auto ctx = t.as(QStringLiteral("agent"));
            QVERIFY(InvitationService(*ctx).sendNow(f.jose.username));
        }
        QCOMPARE(waitingMailTo(t, f.jose), 1); // his invitation waits for the mail server
        const qint64 mailBefore = mailTo(t, f.jose);
        const RestrictionOutcome out = addOk(t, order({QStringLiteral("700001")}, QStringLiteral("JOSÉ"),
                                                      QStringLiteral("hernandez"), QString()));
        QCOMPARE(out.effect.loginsTerminated, QList<qint64>{f.jose.id});
        QCOMPARE(userStatus(t, f.jose), QStringLiteral("terminated"));
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE portal_user_id = %1 AND status "
                                   "= 'revoked'")
                        .arg(f.jose.id)),
            1);
        QCOMPARE(waitingMailTo(t, f.jose), 0);
        QCOMPARE(out.effect.mailCancelled, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE recipient = '%1' AND status = "
                                        "'cancelled'")
                             .arg(f.jose.email)),
                 1);
        QCOMPARE(mailTo(t, f.jose), mailBefore); // cancelled, and nothing new: no notice of any kind
        QCOMPARE(openGrants(t, f.maria), 2);
    }

    void anOrderNamingSiblingsIsRecordedOnEachInOneStep() {
        TestDb t;
        const Family f = family(t);
        const RestrictionOutcome out = addOk(t, order({QStringLiteral("700001"), QStringLiteral("700002")}));
        QCOMPARE(out.restrictions.size(), 2);
        QCOMPARE(out.restrictions.at(0).restriction.documentId,
                 out.restrictions.at(1).restriction.documentId);
        QCOMPARE(out.effect.grantsEnded.size(), 2);
        QCOMPARE(out.effect.loginsTerminated, QList<qint64>{f.jose.id});
        QCOMPARE(openGrants(t, f.jose), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM documents")), 1);
    }

    // While it is in force, each way in is refused with the restriction's rule; the person is found by
    // name (accents and case aside) or by the mailbox of an address (case and "+tag" aside).
    void eachWayInIsRefused_data() {
        QTest::addColumn<QString>("way");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("refused");

        const char* enroll = "enrollment";
        const char* consent = "consent";
        const char* address = "new address";
        QTest::newRow("enrollment: the name with accents, another address")
            << QString::fromLatin1(enroll) << u"José"_s << u"Hernández"_s << u"pepe77@example.net"_s << true;
        QTest::newRow("enrollment: the name in capitals, without accents")
            << QString::fromLatin1(enroll) << u"JOSE"_s << u"HERNANDEZ"_s << u"pepe77@example.net"_s << true;
        QTest::newRow("enrollment: another name, the address in capitals")
            << QString::fromLatin1(enroll) << u"Pepe"_s << u"Smith"_s << u"Jose.H@Example.ORG"_s << true;
        QTest::newRow("enrollment: another name, the address with a plus tag")
            << QString::fromLatin1(enroll) << u"Pepe"_s << u"Smith"_s << u"jose.h+kids@example.org"_s << true;
        QTest::newRow("enrollment: another family name and address")
            << QString::fromLatin1(enroll) << u"José"_s << u"Hernández-Soto"_s << u"jhs@example.net"_s
            << false;
        QTest::newRow("consent: the name")
            << QString::fromLatin1(consent) << u"José"_s << u"Hernandez"_s << u"pepe77@example.net"_s << true;
        QTest::newRow("consent: the address with a plus tag")
            << QString::fromLatin1(consent) << u"P"_s << u"S"_s << u"JOSE.H+eva@example.org"_s << true;
        QTest::newRow("consent: someone else") << QString::fromLatin1(consent) << u"Pablo"_s << u"Hernández"_s
                                               << u"pablo@example.net"_s << false;
        QTest::newRow("new address: the barred one with a tag")
            << QString::fromLatin1(address) << u""_s << u""_s << u"JOSE.H+portal@example.org"_s << true;
        QTest::newRow("new address: another")
            << QString::fromLatin1(address) << u""_s << u""_s << u"rosa.new@example.org"_s << false;
    }
    void eachWayInIsRefused() {
        QFETCH(QString, way);
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, email);
        QFETCH(bool, refused);
        TestDb t;
        const Family f = this->family(t, false);
        const RestrictionOutcome out = addOk(t, order({QStringLiteral("700001"), QStringLiteral("700003")}));
        const qint64 grantsBefore = t.count(QStringLiteral("SELECT count(*) FROM access_grants"));
        Status s;
        if (way == QLatin1String("enrollment")) {
            EnrollRequest r = parentForm(QStringLiteral("700001"), QDate(2026, 11, 20), email, given);
            r.familyName = family;
            auto ctx = t.as(QStringLiteral("supervisor"));
            auto done = EnrollmentService(*ctx).enroll(r, QStringLiteral("482913"));
            s = done ? Status() : Status(done.error());
        } else if (way == QLatin1String("consent")) {
            ConsentSubmission c;
            c.mrn = QStringLiteral("700003");
            c.proxyGiven = given;
            c.proxyFamily = family;
            c.proxyEmail = email;
            c.relationship = QStringLiteral("parent");
            c.signedOn = QStringLiteral("2026-11-20");
            c.signedBy = QStringLiteral("Ana López");
            c.documentName = QStringLiteral("consent.pdf");
            c.document = Pdf;
            auto ctx = t.as(QStringLiteral("specialist"));
            ConsentService consents(*ctx);
            auto filed = consents.submit(c, QStringLiteral("604817"));
            QVERIFY2(filed, qPrintable(filed ? QString() : filed.error().message));
            auto review = consents.review(filed->id);
            QVERIFY(review);
            const bool flagged =
                std::any_of(review->checks.cbegin(), review->checks.cend(), [](const auto& k) {
                    return k.code == QLatin1String("restricted") && k.state == ConsentCheck::State::Fail &&
                           k.blocking;
                });
            QCOMPARE(flagged, refused);
            auto done = consents.approve(filed->id);
            s = done ? Status() : Status(done.error());
        } else {
            auto ctx = t.as(QStringLiteral("specialist"));
            auto done = AccountService(*ctx).update({f.rosa.username, email, QString(), 0});
            s = done ? Status() : Status(done.error());
        }
        if (!refused) {
            QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
            return;
        }
        QVERIFY(!s);
        QCOMPARE(s.error().rule, QStringLiteral("restriction.active"));
        QCOMPARE(s.error().kind, ErrorKind::Validation);
        const qint64 id = out.restrictions.at(way == QLatin1String("consent") ? 1 : 0).restriction.id;
        QVERIFY2(s.error().message.contains(QStringLiteral("#%1").arg(id)), qPrintable(s.error().message));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants")), grantsBefore);
    }

    void aReissueForTheBarredLoginIsRefused_data() {
        QTest::addColumn<QString>("staff");
        QTest::addColumn<bool>("newPin");
        QTest::newRow("agent, PIN on file") << u"agent"_s << false;
        QTest::newRow("specialist, new PIN") << u"specialist"_s << true;
    }
    void aReissueForTheBarredLoginIsRefused() {
        QFETCH(QString, staff);
        QFETCH(bool, newPin);
        TestDb t;
        const Family f = family(t, false);
        addOk(t, order({QStringLiteral("700001")}));
        const qint64 invitationsBefore = t.count(QStringLiteral("SELECT count(*) FROM invitations"));
        auto ctx = t.as(staff);
        auto done = InvitationService(*ctx).reissue(
            {f.jose.username, newPin, newPin ? QStringLiteral("photo ID") : QString()},
            newPin ? QStringLiteral("590271") : QString());
        QVERIFY(!done);
        QCOMPARE(done.error().rule, QStringLiteral("restriction.active"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations")), invitationsBefore);
    }

    void liftingOrTheEndGivesNothingBack() {
        TestDb t;
        const Family f = family(t, false);
        RestrictionRequest r = order({QStringLiteral("700001")});
        r.until = QStringLiteral("2026-11-30");
        const qint64 id = addOk(t, r).restrictions.constFirst().restriction.id;
        // A specialist can't lift it; a supervisor lifts it, saying why.
        {
            auto ctx = t.as(QStringLiteral("specialist"));
            auto lifted = RestrictionService(*ctx).lift(id, QStringLiteral("new order"));
            QVERIFY(!lifted);
            QCOMPARE(lifted.error().kind, ErrorKind::NotPermitted);
        }
        {
            auto ctx = t.as(QStringLiteral("supervisor"));
            auto noReason = RestrictionService(*ctx).lift(id, QStringLiteral("  "));
            QVERIFY(!noReason);
            QCOMPARE(noReason.error().rule, QStringLiteral("restriction.lift_reason"));
        }
        // Until the end date, the list of those ending within 30 days has it.
        {
            auto ctx = t.as(QStringLiteral("agent"));
            auto ending = RestrictionService(*ctx).list(RestrictionList::Ending, QString(), 30);
            QVERIFY(ending);
            QCOMPARE(ending->size(), 1);
            auto soon = RestrictionService(*ctx).list(RestrictionList::Ending, QString(), 5);
            QVERIFY(soon);
            QCOMPARE(soon->size(), 0);
        }
        // After its last day it no longer refuses; what it ended stays ended.
        t.clock.set(la(2026, 12, 1, 10));
        QCOMPARE(openGrants(t, f.jose), 0);
        {
            auto ctx = t.as(QStringLiteral("agent"));
            auto standing = RestrictionService(*ctx).list(RestrictionList::Standing);
            QVERIFY(standing);
            QCOMPARE(standing->size(), 0);
            auto all = RestrictionService(*ctx).count(RestrictionList::All);
            QVERIFY(all);
            QCOMPARE(all.value(), 1);
        }
        EnrollRequest again = parentForm(QStringLiteral("700001"), QDate(2026, 12, 1),
                                         QStringLiteral("jose.h@example.org"), QStringLiteral("José"));
        again.familyName = QStringLiteral("Hernández");
        auto ctx = t.as(QStringLiteral("supervisor"));
        auto enrolled = EnrollmentService(*ctx).enroll(again, QStringLiteral("482913"));
        QVERIFY2(enrolled, qPrintable(enrolled ? QString() : enrolled.error().message));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE portal_user_id = %1 AND "
                                        "end_reason = 'restricted'")
                             .arg(f.jose.id)),
                 1);
    }

    void aLiftedRestrictionStaysInTheRecord() {
        TestDb t;
        const Family f = family(t, false);
        const qint64 id =
            addOk(t, order({QStringLiteral("700001")})).restrictions.constFirst().restriction.id;
        auto ctx = t.as(QStringLiteral("supervisor"));
        RestrictionService service(*ctx);
        auto lifted = service.lift(id, QStringLiteral("Order vacated on appeal"));
        QVERIFY2(lifted, qPrintable(lifted ? QString() : lifted.error().message));
        QVERIFY(lifted->restriction.isLifted());
        QCOMPARE(lifted->restriction.liftedBy, QStringLiteral("supervisor"));
        auto twice = service.lift(id, QStringLiteral("again"));
        QVERIFY(!twice);
        QCOMPARE(twice.error().kind, ErrorKind::Conflict);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'restriction.lifted'")),
            1);
        QCOMPARE(openGrants(t, f.jose), 0);
        QCOMPARE(userStatus(t, f.jose), QStringLiteral("terminated"));
    }

    void agentsSeeTheBannerNeverTheOrder() {
        TestDb t;
        family(t);
        const qint64 id =
            addOk(t, order({QStringLiteral("700001")})).restrictions.constFirst().restriction.id;
        auto ctx = t.as(QStringLiteral("agent"));
        RestrictionService service(*ctx);
        auto added = service.add(order({QStringLiteral("700002")}));
        QVERIFY(!added);
        QCOMPARE(added.error().kind, ErrorKind::NotPermitted);
        auto shown = service.show(id);
        QVERIFY(shown);
        QCOMPARE(shown->restriction.documentId, 0);
        QCOMPARE(shown->restriction.email, maskEmail(QStringLiteral("jose.h@example.org")));
        auto document = service.document(id);
        QVERIFY(!document);
        QCOMPARE(document.error().kind, ErrorKind::NotPermitted);
        auto story = PatientService(*ctx).show(QStringLiteral("700001"));
        QVERIFY(story);
        QCOMPARE(story->restrictions.size(), 1);
        QCOMPARE(story->restrictions.constFirst().documentId, 0);
        QVERIFY(story->restrictions.constFirst().isActiveOn(story->today));
        // HIM staff read the order, as filed.
        auto him = t.as(QStringLiteral("specialist"));
        auto filed = RestrictionService(*him).document(id);
        QVERIFY(filed);
        QCOMPARE(filed->content, Pdf);
        QCOMPARE(filed->mediaType, QStringLiteral("application/pdf"));
    }

    void theExplainerNamesTheRestrictionFirst() {
        TestDb t;
        const Family f = family(t);
        const qint64 id =
            addOk(t, order({QStringLiteral("700001")})).restrictions.constFirst().restriction.id;
        auto ctx = t.as(QStringLiteral("agent"));
        auto barred = VisibilityService(*ctx).explain(f.jose.username, QStringLiteral("700001"));
        QVERIFY2(barred, qPrintable(barred ? QString() : barred.error().message));
        QCOMPARE(barred->restrictions.size(), 1);
        QCOMPARE(barred->barredBy, id);
        QCOMPARE(barred->explanation.visibleCount, 0);
        auto mother = VisibilityService(*ctx).explain(f.maria.username, QStringLiteral("700001"));
        QVERIFY(mother);
        QCOMPARE(mother->restrictions.size(), 1);
        QCOMPARE(mother->barredBy, 0);
    }

    void badOrdersAreRefusedAndNothingIsKept_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("rule");
        QTest::newRow("no MRN") << u"mrn"_s << u""_s << u"restriction.mrn_missing"_s;
        QTest::newRow("unknown MRN") << u"mrn"_s << u"999999"_s << u"patient.not_found"_s;
        QTest::newRow("no given name") << u"given"_s << u" "_s << u"input.name"_s;
        QTest::newRow("a name too long") << u"family"_s << QString(101, QLatin1Char('x')) << u"input.name"_s;
        QTest::newRow("bad address") << u"email"_s << u"jose at example"_s << u"input.email"_s;
        QTest::newRow("unknown reason") << u"reason"_s << u"gut_feeling"_s << u"restriction.reason"_s;
        QTest::newRow("other without a note") << u"reason"_s << u"other"_s << u"restriction.note_required"_s;
        QTest::newRow("malformed end") << u"until"_s << u"2026-02-30"_s << u"input.date"_s;
        QTest::newRow("end in the past") << u"until"_s << u"2026-11-23"_s << u"restriction.until_past"_s;
        QTest::newRow("no scan") << u"document"_s << u""_s << u"restriction.document_missing"_s;
        QTest::newRow("not a PDF or image")
            << u"document"_s << u"MZ\x90\x00"_s << u"restriction.document_type"_s;
        QTest::newRow("SQL in the note") << u"note"_s << u"'); DROP TABLE restrictions; --"_s << u""_s;
    }
    void badOrdersAreRefusedAndNothingIsKept() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, rule);
        TestDb t;
        const Family f = family(t, false);
        RestrictionRequest r = order({QStringLiteral("700001")});
        if (field == QLatin1String("mrn"))
            r.mrns = QStringList{value};
        else if (field == QLatin1String("given"))
            r.givenName = value;
        else if (field == QLatin1String("family"))
            r.familyName = value;
        else if (field == QLatin1String("email"))
            r.email = value;
        else if (field == QLatin1String("reason")) {
            r.reason = value;
            r.note.clear();
        } else if (field == QLatin1String("until"))
            r.until = value;
        else if (field == QLatin1String("document"))
            r.document = value.toLatin1();
        else
            r.note = value;
        auto out = add(t, r);
        if (rule.isEmpty()) {
            QVERIFY(out);
            QCOMPARE(out->restrictions.constFirst().restriction.note, value);
            return;
        }
        QVERIFY(!out);
        QCOMPARE(out.error().rule, rule);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM restrictions")), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM documents")), 0);
        QCOMPARE(openGrants(t, f.jose), 1);
    }
};

QTEST_GUILESS_MAIN(TestRestrictions)
#include "TestRestrictions.moc"
