// The EHR's ADT feed applied (SPEC §11a): each message in its own transaction and acknowledged AA, AE
// or AR; duplicates and older messages not applied over newer ones; a death ends access without
// e-mailing the family; refused messages wait on the Feed desk.
#include "services/ServiceFixture.h"

#include "ehr/FeedProcessor.h"
#include "ehr/Importer.h"
#include "services/AccountService.h"
#include "services/Batch.h"
#include "services/DailyJob.h"
#include "services/DemoData.h"
#include "services/PatientFeedService.h"
#include "services/RestrictionService.h"
#include "store/GrantRepository.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QSqlQuery>

using namespace pd;
using namespace pd::test;
using namespace pd::hl7;

namespace {

// An ADT message from the hospital's EHR ("EPIC^CHLA"), recorded at `recorded` (EVN-2, local time).
QByteArray adt(const QByteArray& trigger, const QByteArray& controlId, const QByteArray& pid,
               const QByteArray& recorded = "20261124080000") {
    return "MSH|^~\\&|EPIC|CHLA|PORTALDESK|CHLA|" + recorded + "||ADT^" + trigger + "^ADT_A01|" + controlId +
           "|P|2.5.1|||||||UNICODE UTF-8\rEVN|" + trigger + "|" + recorded + "\r" + pid + "\r";
}

QByteArray pidWith(const QByteArray& mrn, QList<std::pair<int, QByteArray>> fields) {
    QList<QByteArray> pid = QByteArray("PID|1||" + mrn + "^^^CHLA^MR").split('|');
    for (const auto& [field, value] : fields) {
        while (pid.size() <= field)
            pid.append(QByteArray());
        pid[field] = value;
    }
    return pid.join('|');
}

const QByteArray Sofia = pidWith("100200", {{5, "Hernández-López^Sofía"},
                                            {7, "20150312"},
                                            {8, "F"},
                                            {13, "(323) 361-2330^PRN^PH~^NET^Internet^maria@example.org"},
                                            {15, "spa^Spanish^ISO639-2"}});

QString msa(const QByteArray& ack, int field) {
    auto m = Message::parse(ack);
    if (!m)
        return QStringLiteral("(unreadable ACK)");
    return m->segment(QStringLiteral("MSA")).field(field).text();
}

Patient patient(TestDb& t, const QString& mrn) {
    auto p = PatientRepository(*t.db).byMrn(mrn);
    if (!p || !p->has_value())
        qFatal("no patient %s", qPrintable(mrn));
    return **p;
}

} // namespace

class TestFeed : public QObject {
    Q_OBJECT

private slots:
    void aRegistrationCreatesThePatient() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        const Processed r = feed.process(adt("A04", "M1", Sofia));
        QCOMPARE(r.code, AckCode::Accept);
        QCOMPARE(msa(r.ack, 1), QStringLiteral("AA"));
        QCOMPARE(msa(r.ack, 2), QStringLiteral("M1"));
        QVERIFY(r.outcome && r.outcome->created);
        const Patient p = patient(t, QStringLiteral("100200"));
        QCOMPARE(p.familyName, QStringLiteral("Hernández-López"));
        QCOMPARE(p.givenName, QStringLiteral("Sofía"));
        QCOMPARE(p.birthDate, QDate(2015, 3, 12));
        QCOMPARE(p.sex, QStringLiteral("female"));
        QCOMPARE(p.language, QStringLiteral("es"));
        QCOMPARE(p.email, QStringLiteral("maria@example.org"));
        QCOMPARE(p.phone, QStringLiteral("(323) 361-2330"));
        QCOMPARE(p.feedEventAt, QDateTime(QDate(2026, 11, 24), QTime(16, 0), QTimeZone::utc()));
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM audit_events WHERE action = 'patient.added' AND "
                     "details LIKE '%\"source\":\"ehr\"%' AND details LIKE '%\"message\":\"M1\"%'")),
                 1);
        // Found as staff type it.
        auto hits = PatientService(*ctx).search(QStringLiteral("hernandez sofia"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
    }

    void anUpdateChangesWhatItSendsAndLeavesTheRest() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A04", "M1", Sofia)).code, AckCode::Accept);
        // A new family name, the phone cleared with "", nothing said of the birth date or language.
        const Processed r = feed.process(
            adt("A08", "M2", pidWith("100200", {{5, "Hernández^Sofía"}, {13, "\"\""}}), "20261124090000"));
        QCOMPARE(r.code, AckCode::Accept);
        QVERIFY(r.outcome);
        QCOMPARE(r.outcome->changed, (QStringList{QStringLiteral("family_name"), QStringLiteral("email"),
                                                  QStringLiteral("phone")}));
        const Patient p = patient(t, QStringLiteral("100200"));
        QCOMPARE(p.familyName, QStringLiteral("Hernández"));
        QCOMPARE(p.birthDate, QDate(2015, 3, 12));
        QCOMPARE(p.language, QStringLiteral("es"));
        QCOMPARE(p.phone, QString());
        QCOMPARE(p.email, QString());
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.updated' AND "
                                   "details LIKE '%\"message\":\"M2\"%'")),
            1);
    }

    void anUnknownPatientIsRegisteredByAnUpdateOnlyWithWhatARecordNeeds() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A08", "M1", Sofia)).code, AckCode::Accept);
        const Processed r = feed.process(adt("A08", "M2", pidWith("100300", {{5, "Lopez^Ana"}})));
        QCOMPARE(r.code, AckCode::Error);
        QCOMPARE(r.rule, QStringLiteral("feed.incomplete"));
        QVERIFY(!PatientRepository(*t.db).byMrn(QStringLiteral("100300")).value().has_value());
    }

    void aResentMessageIsNotAppliedTwice() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A04", "M1", Sofia)).code, AckCode::Accept);
        QCOMPARE(feed.process(adt("A08", "M2", pidWith("100200", {{5, "Hernández^Sofía"}}), "20261124090000"))
                     .code,
                 AckCode::Accept);
        const qint64 events = t.count(QStringLiteral("SELECT count(*) FROM audit_events"));
        // The engine sends M1 again (its ACK was lost): acknowledged, and the newer name stays.
        const Processed again = feed.process(adt("A04", "M1", Sofia));
        QCOMPARE(again.code, AckCode::Accept);
        QVERIFY(again.outcome);
        QCOMPARE(again.outcome->kind, FeedOutcome::Kind::Duplicate);
        QCOMPARE(patient(t, QStringLiteral("100200")).familyName, QStringLiteral("Hernández"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events")), events);
        // The same control ID from another sender is another message.
        QByteArray other = adt("A08", "M1", pidWith("100200", {{5, "Lopez^Sofía"}}), "20261124100000");
        other.replace("|EPIC|CHLA|", "|CERNER|CHLA|");
        QCOMPARE(feed.process(other).outcome->kind, FeedOutcome::Kind::Applied);
    }

    void anOlderMessageIsNotAppliedOverANewerOne() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A04", "M1", Sofia, "20261124100000")).code, AckCode::Accept);
        const Processed late =
            feed.process(adt("A08", "M0", pidWith("100200", {{5, "Old^Name"}}), "20261124093000"));
        QCOMPARE(late.code, AckCode::Accept);
        QCOMPARE(late.outcome->kind, FeedOutcome::Kind::Stale);
        QCOMPARE(patient(t, QStringLiteral("100200")).familyName, QStringLiteral("Hernández-López"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM feed_messages WHERE control_id = 'M0' AND "
                                        "status = 'stale'")),
                 1);
    }

    void aTriggerWeDontUseIsAcknowledgedAndIgnored() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        const Processed r = feed.process(adt("A03", "M1", Sofia));
        QCOMPARE(r.code, AckCode::Accept);
        QVERIFY(r.ignored);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 0);
    }

    void aContentErrorWritesNothingAndWaitsOnTheDesk() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A04", "M1", Sofia)).code, AckCode::Accept);
        // A birth date after today in the hospital's zone, with a new name: neither is written.
        const QByteArray bad =
            adt("A08", "M2", pidWith("100200", {{5, "Nueva^Sofía"}, {7, "20261201"}}), "20261124090000");
        const Processed r = feed.process(bad);
        QCOMPARE(r.code, AckCode::Error);
        QCOMPARE(msa(r.ack, 1), QStringLiteral("AE"));
        auto ack = Message::parse(r.ack);
        QCOMPARE(ack->segment(QStringLiteral("ERR")).field(2).component(3), QStringLiteral("7"));
        QCOMPARE(patient(t, QStringLiteral("100200")).familyName, QStringLiteral("Hernández-López"));
        PatientFeedService desk(*ctx);
        auto waiting = desk.refused();
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().controlId, QStringLiteral("M2"));
        QCOMPARE(waiting->first().rule, QStringLiteral("patient.birth_in_future"));
        QCOMPARE(waiting->first().mrn, QStringLiteral("100200"));
        QCOMPARE(desk.refusedMessage(waiting->first().id)->raw, bad);
        // Sent again once the EHR fixed it, it applies and leaves the desk.
        const Processed fixed = feed.process(
            adt("A08", "M2", pidWith("100200", {{5, "Nueva^Sofía"}, {7, "20150313"}}), "20261124090000"));
        QCOMPARE(fixed.code, AckCode::Accept);
        QCOMPARE(desk.refusedCount().value(), 0);
        QCOMPARE(patient(t, QStringLiteral("100200")).familyName, QStringLiteral("Nueva"));
        QCOMPARE(t.count(QStringLiteral("SELECT attempts FROM feed_messages WHERE control_id = 'M2'")), 2);
    }

    void anUnreadableMessageIsRefusedAndKept() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        const Processed r = feed.process("MSH|^~\\&|EPIC|CHLA|||20261124||ADT^A08|X9|P|2.5\rpid|broken\r");
        QCOMPARE(r.code, AckCode::Error);
        QCOMPARE(msa(r.ack, 1), QStringLiteral("AE"));
        QCOMPARE(msa(r.ack, 2), QStringLiteral("X9"));
        QCOMPARE(r.rule, QStringLiteral("hl7.segment"));
        QCOMPARE(PatientFeedService(*ctx).refusedCount().value(), 1);
        // Dismissed by a specialist, it leaves the desk, audited.
        const qint64 id = PatientFeedService(*ctx).refused()->first().id;
        QVERIFY(PatientFeedService(*ctx).dismiss(id).ok());
        QCOMPARE(PatientFeedService(*ctx).refusedCount().value(), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'feed.dismissed'")),
                 1);
    }

    void aBirthDateCorrectionFromTheEhrAppliesTheAgeRules() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A04", "M1", Sofia)).code, AckCode::Accept);
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 20), QStringLiteral("mom@example.org")));
        // The EHR's date was wrong: she is 12 already.
        const Processed r =
            feed.process(adt("A08", "M2", pidWith("100200", {{7, "20140601"}}), "20261124090000"));
        QCOMPARE(r.code, AckCode::Accept);
        QCOMPARE(r.outcome->grantsEnded, 1);
        const Grant g = GrantRepository(*t.db).forUser(e.user.id).value().first();
        QCOMPARE(g.endReason, QStringLiteral("age_12"));
    }

    // A 15-year-old with her own login and a parent's: at her death every grant ends, her login is
    // closed, and nothing queued for the family goes out.
    void aDeathEndsAccessWithoutMailingTheFamily() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(
            feed.process(adt("A04", "M1", pidWith("100400", {{5, "Mendoza^Lucía"}, {7, "20110305"}}))).code,
            AckCode::Accept);
        const auto parent = enrollOk(
            t, parentForm(QStringLiteral("100400"), QDate(2026, 11, 20), QStringLiteral("mom@example.org")));
        const auto own = enrollOk(t, patientForm(QStringLiteral("100400"), QDate(2026, 11, 20),
                                                 QStringLiteral("lucia@example.org")));
        const qint64 mailBefore = t.count(QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'queued'")) == 2);

        const Processed r = feed.process(
            adt("A08", "M2", pidWith("100400", {{29, "202611240615"}, {30, "Y"}}), "20261124090000"));
        QCOMPARE(r.code, AckCode::Accept);
        QVERIFY(r.outcome && r.outcome->died);
        QCOMPARE(r.outcome->grantsEnded, 2);
        QCOMPARE(r.outcome->loginsEnded, 2);
        const Patient p = patient(t, QStringLiteral("100400"));
        QCOMPARE(p.deceasedAt, QDateTime(QDate(2026, 11, 24), QTime(14, 15), QTimeZone::utc()));
        const QList<Grant> grants = GrantRepository(*t.db).forPatient(p.id).value();
        QCOMPARE(grants.size(), 2);
        for (const Grant& g : grants) {
            QVERIFY(!g.isOpen());
            QCOMPARE(g.endReason, QStringLiteral("deceased"));
        }
        const PortalUser ownAfter = PortalUserRepository(*t.db).byId(own.user.id).value().value();
        QCOMPARE(ownAfter.status, QStringLiteral("deactivated"));
        QCOMPARE(ownAfter.deactivationReason, QStringLiteral("deceased"));
        QCOMPARE(PortalUserRepository(*t.db).byId(parent.user.id).value()->status,
                 QStringLiteral("terminated"));
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status IN ('queued', 'sent')")),
            0);
        // No new mail, and none waiting.
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox")), mailBefore);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'pending'")), 0);
        auto daily = DailyJob(*ctx).run(nullptr);
        QVERIFY(daily.ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox")), mailBefore);

        // The EHR takes the death back: listed for review, nothing reopens.
        const Processed undo =
            feed.process(adt("A08", "M3", pidWith("100400", {{29, "\"\""}, {30, "N"}}), "20261124100000"));
        QCOMPARE(undo.code, AckCode::Accept);
        QVERIFY(undo.outcome->needsReview);
        QVERIFY(!patient(t, QStringLiteral("100400")).deceasedAt.isValid());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE ended_at IS NULL")), 0);
        QCOMPARE(PortalUserRepository(*t.db).byId(own.user.id).value()->status,
                 QStringLiteral("deactivated"));
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.review_needed' "
                                   "AND details LIKE '%death_cleared%'")),
            1);
        QCOMPARE(patient(t, QStringLiteral("100400")).reviewReason, QStringLiteral("death_cleared"));
    }

    // An order recorded on the record the EHR later merges away bars the same person from the survivor's.
    void aRestrictionOnTheMergedRecordBarsThePersonFromTheSurvivor() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        for (const char* mrn : {"100700", "100701"})
            QCOMPARE(feed.process(adt("A04", mrn,
                                      pidWith(QByteArray(mrn), {{5, "Rivera^Mateo"}, {7, "20180704"}})))
                         .code,
                     AckCode::Accept);
        const auto papa = enrollOk(
            t, parentForm(QStringLiteral("100700"), QDate(2026, 11, 20), QStringLiteral("papa@example.org")));
        RestrictionRequest order;
        order.mrns = {QStringLiteral("100701")};
        order.givenName = papa.user.givenName;
        order.familyName = papa.user.familyName;
        order.reason = QStringLiteral("court_order");
        order.documentName = QStringLiteral("order.pdf");
        order.document = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
        auto added = RestrictionService(*ctx).add(order);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QVERIFY(added->effect.grantsEnded.isEmpty()); // he has no access to that record
        const Processed r =
            feed.process(adt("A40", "M9", pidWith("100700", {{5, "Rivera^Mateo"}}), "20261124090000") +
                         "MRG|100701^^^CHLA^MR\r");
        QVERIFY2(r.outcome && r.outcome->merged, qPrintable(r.text));
        const Patient survivor = patient(t, QStringLiteral("100700"));
        QCOMPARE(
            t.count(
                QStringLiteral("SELECT count(*) FROM restrictions WHERE patient_id = %1").arg(survivor.id)),
            1);
        const QList<Grant> grants = GrantRepository(*t.db).forUser(papa.user.id).value();
        QCOMPARE(grants.size(), 1);
        QCOMPARE(grants.first().endReason, QStringLiteral("restricted"));
        QCOMPARE(PortalUserRepository(*t.db).byId(papa.user.id).value()->status,
                 QStringLiteral("terminated"));
    }

    void aMergeMovesThePriorRecordToTheSurvivor() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(
            feed.process(adt("A04", "M1", pidWith("100500", {{5, "Rivera^Mateo"}, {7, "20180704"}}))).code,
            AckCode::Accept);
        QCOMPARE(
            feed.process(adt("A04", "M2", pidWith("100501", {{5, "Rivera^Mateo"}, {7, "20180704"}}))).code,
            AckCode::Accept);
        const auto parent = enrollOk(
            t, parentForm(QStringLiteral("100501"), QDate(2026, 11, 20), QStringLiteral("papa@example.org")));
        const QByteArray merge =
            adt("A40", "M3", pidWith("100500", {{5, "Rivera^Mateo"}}), "20261124090000") +
            "MRG|100501^^^CHLA^MR\r";
        const Processed r = feed.process(merge);
        QCOMPARE(r.code, AckCode::Accept);
        QVERIFY2(r.outcome && r.outcome->merged, qPrintable(r.text));
        const Patient survivor = patient(t, QStringLiteral("100500"));
        const Patient prior = patient(t, QStringLiteral("100501"));
        QCOMPARE(prior.mergedInto, survivor.id);
        const QList<Grant> grants = GrantRepository(*t.db).forUser(parent.user.id).value();
        QCOMPARE(grants.size(), 1);
        QCOMPARE(grants.first().patientId, survivor.id);
        QVERIFY(grants.first().isOpen());
        // The prior MRN leads to the survivor, whose timeline keeps the prior record's history.
        auto story = PatientService(*ctx).show(QStringLiteral("100501"));
        QVERIFY(story.ok());
        QCOMPARE(story->patient.mrn, QStringLiteral("100500"));
        QCOMPARE(story->mergedFrom, QStringLiteral("100501"));
        QCOMPARE(story->users.size(), 1);
        QVERIFY(std::any_of(story->timeline.cbegin(), story->timeline.cend(), [](const AuditEvent& e) {
            return e.action == QLatin1String("enrollment.created");
        }));
        QCOMPARE(PatientService(*ctx).show(QStringLiteral("100500"))->priorMrns,
                 QStringList{QStringLiteral("100501")});
        // Sent again, nothing moves twice; a later merge of the same pair is already done.
        QCOMPARE(feed.process(merge).outcome->kind, FeedOutcome::Kind::Duplicate);
        QByteArray again = merge;
        again.replace("|M3|", "|M4|");
        const Processed later = feed.process(again);
        QCOMPARE(later.code, AckCode::Accept);
        QVERIFY(!later.outcome->merged && !later.outcome->held);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.merged'")),
                 1);
    }

    // Two adults' records of one person, each with the patient's own login: the merge waits for HIM.
    void aConflictingMergeIsHeldUntilStaffResolveIt() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        for (const char* mrn : {"100600", "100601"})
            QCOMPARE(feed.process(adt("A04", QByteArray("R") + mrn,
                                      pidWith(mrn, {{5, "Chen^Wei"}, {7, "20000115"}})))
                         .code,
                     AckCode::Accept);
        const auto a = enrollOk(
            t, patientForm(QStringLiteral("100600"), QDate(2026, 11, 20), QStringLiteral("wei@example.org")));
        const auto b = enrollOk(t, patientForm(QStringLiteral("100601"), QDate(2026, 11, 20),
                                               QStringLiteral("wchen@example.org")));
        const Processed r = feed.process(adt("A40", "M9", pidWith("100600", {}), "20261124090000") +
                                         "MRG|100601^^^CHLA^MR\r");
        QCOMPARE(r.code, AckCode::Accept);
        QVERIFY(r.outcome && r.outcome->held);
        QVERIFY(r.text.contains(QStringLiteral("held for HIM review")));
        QCOMPARE(patient(t, QStringLiteral("100601")).mergedInto, 0);
        PatientFeedService desk(*ctx);
        auto held = desk.heldMerges();
        QVERIFY(held.ok());
        QCOMPARE(held->size(), 1);
        QCOMPARE(held->first().priorMrn, QStringLiteral("100601"));
        QVERIFY(held->first().conflicts.first().contains(b.user.username));
        // While both logins are live it can't be carried out.
        auto refused = desk.resolveMerge(held->first().id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().rule, QStringLiteral("merge.conflicts"));
        // The duplicate login is deactivated; then the merge goes through and that login stays behind.
        QVERIFY(
            AccountService(*ctx)
                .deactivate({b.user.username, QStringLiteral("duplicate"), QString(), QString(), QString()})
                .ok());
        auto done = desk.resolveMerge(held->first().id);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
        QCOMPARE(patient(t, QStringLiteral("100601")).mergedInto, patient(t, QStringLiteral("100600")).id);
        QCOMPARE(PortalUserRepository(*t.db).byId(a.user.id).value()->patientId,
                 patient(t, QStringLiteral("100600")).id);
        QCOMPARE(PortalUserRepository(*t.db).byId(b.user.id).value()->patientId,
                 patient(t, QStringLiteral("100601")).id);
        QCOMPARE(desk.heldMergeCount().value(), 0);
    }

    // A file goes in short batches, each record a step of its own: a refused one in the middle of a batch
    // leaves the others, and its message still waits on the desk.
    void anImportCommitsInBatchesAndARefusalLeavesTheRest() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        QTemporaryDir dir;
        QByteArray csv = "mrn,given_name,family_name,birth_date\n";
        QByteArray hl7;
        for (int i = 0; i < 450; ++i) {
            const QByteArray mrn = QByteArray::number(300000 + i);
            const QByteArray birth = i == 222 ? "2031-01-01" : "2015-03-12";
            csv += mrn + ",Ana,López," + birth + "\n";
            hl7 += adt("A04", "H" + QByteArray::number(i),
                       pidWith(QByteArray::number(400000 + i),
                               {{5, "Kim^Min"}, {7, i == 300 ? "20310101" : "20120809"}}));
        }
        const auto write = [&](const char* name, const QByteArray& bytes) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write("p.csv", csv);
        write("p.hl7", hl7);
        QList<QString> lines;
        auto report = Importer(*ctx).run(ImportKind::Csv, {dir.filePath(QStringLiteral("p.csv"))},
                                         [&](const ImportLine& l) { lines.append(l.where); });
        QVERIFY(report.ok());
        QCOMPARE(report->read, 450);
        QCOMPARE(report->applied, 449);
        QCOMPARE(report->refused, 1);
        QCOMPARE(report->refusals.first().where, QStringLiteral("p.csv:224"));
        QCOMPARE(lines.size(), 450);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 449);
        auto messages = Importer(*ctx).run(ImportKind::Hl7, {dir.filePath(QStringLiteral("p.hl7"))});
        QVERIFY(messages.ok());
        QCOMPARE(messages->applied, 449);
        QCOMPARE(messages->refused, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 898);
        QCOMPARE(PatientFeedService(*ctx).refusedCount().value(), 1);
        // Stopped by the user before anything: nothing more is applied.
        std::atomic<bool> cancel{true};
        auto cancelled =
            Importer(*ctx).run(ImportKind::Csv, {dir.filePath(QStringLiteral("p.csv"))}, {}, {}, &cancel);
        QVERIFY(cancelled.ok());
        QVERIFY(cancelled->cancelled);
        QCOMPARE(cancelled->read, 0);
        // Stopped in the middle (the file is read ahead of the database): what was committed stays, and the
        // report counts just that.
        const qint64 onFile = t.count(QStringLiteral("SELECT count(*) FROM patients"));
        QByteArray more = "mrn,given_name,family_name,birth_date\n";
        for (int i = 0; i < 5000; ++i)
            more += QByteArray::number(600000 + i) + ",Ana,López,2015-03-12\n";
        write("more.csv", more);
        std::atomic<bool> stop{false};
        qint64 lastPosition = 0, fileSize = 0;
        auto stopped = Importer(*ctx).run(
            ImportKind::Csv, {dir.filePath(QStringLiteral("more.csv"))}, {},
            [&](qint64 read, qint64 position, qint64 size) {
                stop = stop || read > 0;
                lastPosition = position;
                fileSize = size;
            },
            &stop);
        QVERIFY(stopped.ok());
        QVERIFY(stopped->cancelled);
        QVERIFY(lastPosition < fileSize); // the progress stays where it stopped, not at the end
        QVERIFY(stopped->applied < 5000);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), onFile + stopped->applied);
    }

    // Many records at once (an import's chunk): new patients go in together, and each record has the
    // outcome it would have had alone, with the same rows and the same audit trail, in the same order.
    void manyRecordsAtOnceEndAsEachWouldAlone() {
        const auto record = [](const QString& mrn, const QString& controlId, const char* family,
                               const char* birth, FeedAction action = FeedAction::Register) {
            FeedRecord r;
            r.source = controlId.isEmpty() ? QStringLiteral("CSV") : QStringLiteral("FHIR");
            r.trigger = controlId.isEmpty() ? QStringLiteral("CSV") : QStringLiteral("FHIR Patient");
            r.controlId = controlId;
            r.action = action;
            r.patient.mrn = mrn;
            r.patient.givenName = QStringLiteral("Ana");
            if (family)
                r.patient.familyName = QString::fromUtf8(family);
            if (birth)
                r.patient.birthDate = QString::fromLatin1(birth);
            return r;
        };
        FeedRecord dead = record(QStringLiteral("500005"), QString(), "Kim", "2012-08-09");
        dead.patient.deceased = true;
        const QList<FeedRecord> batch = {
            record(QStringLiteral("500001"), QStringLiteral("Patient/1"), "Hernández", "2015-03-12"),
            record(QStringLiteral("500002"), QString(), "Nguyễn", "2009-01-31"),
            record(QStringLiteral("500003"), QString(), "Park", nullptr),     // no birth date
            record(QStringLiteral("500004"), QString(), "Lee", "2031-01-01"), // born after today
            record(QStringLiteral("500001"), QStringLiteral("Patient/1/2"), "Hernández-López", nullptr),
            record(QStringLiteral("400001"), QString(), "Sargsyan", nullptr), // on file before
            record(QStringLiteral("400002"), QStringLiteral("Patient/9"), "Old", "2010-01-01"), // seen before
            record(QStringLiteral("500001"), QStringLiteral("Patient/1"), "Again",
                   "2015-03-12"), // this batch
            dead,
            record(QStringLiteral("500006"), QStringLiteral("Patient/6"), "Ruiz", "2020-02-29"),
            record(QStringLiteral("5000?"), QString(), "Bad", "2015-03-12"),     // not an MRN
            record(QStringLiteral("500002"), QString(), "Nguyễn", "2009-01-31"), // nothing differs
        };
        const auto prepare = [&](TestDb& t) {
            auto ctx = t.as(QStringLiteral("specialist"));
            PatientFeedService feed(*ctx);
            QVERIFY(feed.apply(record(QStringLiteral("400001"), QString(), "Sarkisian", "2014-05-05")).ok());
            QVERIFY(
                feed.apply(record(QStringLiteral("400002"), QStringLiteral("Patient/9"), "Old", "2010-01-01"))
                    .ok());
            t.clock.set(la(2026, 11, 24, 10, 0));
        };
        const auto describe = [](const Result<FeedOutcome>& r) -> QString {
            if (!r)
                return QStringLiteral("refused ") + r.error().rule;
            QString kind = r->kind == FeedOutcome::Kind::Duplicate ? QStringLiteral("duplicate")
                           : r->kind == FeedOutcome::Kind::Stale   ? QStringLiteral("stale")
                           : r->created                            ? QStringLiteral("created")
                                                                   : QStringLiteral("applied");
            return kind + QLatin1Char(' ') + r->changed.join(QLatin1Char(',')) +
                   (r->died ? QStringLiteral(" died") : QString());
        };
        const auto trail = [](TestDb& t) {
            QStringList out;
            Query q(*t.db,
                    QStringLiteral("SELECT id, action, record_id, patient_id, details FROM audit_events "
                                   "WHERE id > 2 ORDER BY id"));
            if (!q.exec())
                return out;
            while (q.next())
                out.append(QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                       q.value(3).toString(), q.value(4).toString()}
                               .join(QLatin1Char('|')));
            return out;
        };
        const auto patientsOf = [](TestDb& t) {
            QStringList out;
            Query q(*t.db,
                    QStringLiteral("SELECT id, mrn, given_name, family_name, birth_date, feed_event_at, "
                                   "deceased_at FROM patients ORDER BY id"));
            if (!q.exec())
                return out;
            while (q.next()) {
                QStringList row;
                for (int c = 0; c < 7; ++c)
                    row.append(q.value(c).toString());
                out.append(row.join(QLatin1Char('|')));
            }
            return out;
        };

        TestDb together, alone;
        prepare(together);
        prepare(alone);
        auto ctx = together.as(QStringLiteral("specialist"));
        const QList<Result<FeedOutcome>> all = PatientFeedService(*ctx).applyAll(batch);
        QCOMPARE(all.size(), batch.size());
        auto ctxAlone = alone.as(QStringLiteral("specialist"));
        QStringList each, atOnce;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            each.append(describe(PatientFeedService(*ctxAlone).apply(batch.at(i))));
            atOnce.append(describe(all.at(i)));
        }
        QCOMPARE(atOnce, each);
        QCOMPARE(atOnce.at(0), QStringLiteral("created "));
        QCOMPARE(atOnce.at(2), QStringLiteral("refused feed.incomplete"));
        QCOMPARE(atOnce.at(3), QStringLiteral("refused patient.birth_in_future"));
        QCOMPARE(atOnce.at(6), QStringLiteral("duplicate "));
        QCOMPARE(atOnce.at(7), QStringLiteral("duplicate "));
        QVERIFY(atOnce.at(8).endsWith(QLatin1String(" died")));
        QCOMPARE(atOnce.at(9), QStringLiteral("created "));
        QCOMPARE(patientsOf(together), patientsOf(alone));
        QCOMPARE(trail(together), trail(alone));
        QCOMPARE(together.count(QStringLiteral("SELECT count(*) FROM patients")), 6);
        // Written once, with the others (alone, a record is inserted, then its feed state written).
        QCOMPARE(together.count(QStringLiteral("SELECT row_version FROM patients WHERE mrn = '500006'")), 1);
        QCOMPARE(alone.count(QStringLiteral("SELECT row_version FROM patients WHERE mrn = '500006'")), 2);
        QCOMPARE(
            together.count(QStringLiteral("SELECT count(*) FROM feed_messages WHERE status = 'applied'")), 4);
        QVERIFY(AuditLog(*together.db).verify()->intact);
        // Found as staff type them, like one registered alone.
        auto hits = PatientService(*ctx).search(QStringLiteral("nguyen ana"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        // The same batch again applies nothing twice.
        const QList<Result<FeedOutcome>> again = PatientFeedService(*ctx).applyAll(batch);
        QCOMPARE(describe(again.at(0)), QStringLiteral("duplicate "));
        QCOMPARE(describe(again.at(1)), QStringLiteral("applied "));
        QCOMPARE(together.count(QStringLiteral("SELECT count(*) FROM patients")), 6);
    }

    // When the server refuses the rows written together (another writer took an MRN first, or a rule of the
    // server's own), each record goes on its own and only the one refused is refused.
    void aBatchTheServerRefusesGoesRecordByRecord() {
        TestDb t;
        QSqlQuery ddl(t.db->connection());
        if (t.db->dialect() == Dialect::Postgres) {
            QVERIFY(ddl.exec(QStringLiteral(
                "CREATE FUNCTION refuse_500099() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.mrn = "
                "'500099' THEN RAISE EXCEPTION 'refused by the server'; END IF; RETURN NEW; END $$")));
            QVERIFY(ddl.exec(QStringLiteral("CREATE TRIGGER refuse_500099 BEFORE INSERT ON patients FOR EACH "
                                            "ROW EXECUTE FUNCTION refuse_500099()")));
        } else {
            QVERIFY(ddl.exec(QStringLiteral("CREATE TRIGGER refuse_500099 BEFORE INSERT ON patients WHEN "
                                            "NEW.mrn = '500099' BEGIN SELECT RAISE(ABORT, 'refused by the "
                                            "server'); END")));
        }
        QList<FeedRecord> records;
        for (const char* mrn : {"500098", "500099", "500100"}) {
            FeedRecord r;
            r.source = QStringLiteral("CSV");
            r.trigger = QStringLiteral("CSV");
            r.action = FeedAction::Register;
            r.patient.mrn = QString::fromLatin1(mrn);
            r.patient.givenName = QStringLiteral("Ana");
            r.patient.familyName = QStringLiteral("López");
            r.patient.birthDate = QStringLiteral("2015-03-12");
            records.append(r);
        }
        auto ctx = t.as(QStringLiteral("specialist"));
        Batch batch(*ctx);
        QVERIFY(batch.begin().ok());
        const QList<Result<FeedOutcome>> out = PatientFeedService(*ctx).applyAll(records);
        QVERIFY(batch.commit().ok());
        QCOMPARE(out.size(), 3);
        QVERIFY(out.at(0).ok() && out.at(0)->created);
        QVERIFY(!out.at(1).ok());
        QVERIFY(out.at(2).ok() && out.at(2)->created);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients WHERE mrn IN ('500098', '500100')")),
                 2);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients WHERE mrn = '500099'")), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.added'")),
                 2);
        QVERIFY(AuditLog(*t.db).verify()->intact);
    }

    // Demo data of any size: past its families, patients arrive as from the EHR, with no portal login, a
    // chunk at a time, with progress.
    void demoDataBeyondItsFamiliesRegistersPatientsWithoutLogins() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("supervisor"));
        QList<qint64> heard;
        auto report = DemoData::generate(
            *ctx, 350, 7, [&heard](qint64 done, qint64 total) { heard.append(total == 350 ? done : -1); },
            12);
        if (!report)
            QFAIL(qPrintable(report.error().message));
        QCOMPARE(report->patients, 350);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 350);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients WHERE feed_event_at IS NOT NULL")),
                 338);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants g JOIN patients p ON p.id = "
                                        "g.patient_id WHERE p.feed_event_at IS NOT NULL")),
                 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users u JOIN patients p ON p.id = "
                                        "u.patient_id WHERE p.feed_event_at IS NOT NULL")),
                 0);
        QCOMPARE(heard, (QList<qint64>{12, 112, 212, 312, 350}));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'patient.added'")),
                 350);
        QVERIFY(AuditLog(*t.db).verify()->intact);
        // Every one is found as staff type it.
        auto one = PatientRepository(*t.db).byId(300);
        QVERIFY(one.ok() && one->has_value());
        auto hits = PatientService(*t.as(QStringLiteral("specialist"))).search((*one)->mrn);
        QVERIFY(hits.ok() && !hits->isEmpty());
        QCOMPARE(hits->first().key, (*one)->mrn);
    }

    // With a feed, the EHR owns the fields it sends: the desk refuses to correct them, the EHR's next
    // message does it (a site without a feed corrects them here).
    void aRecordFromTheEhrIsCorrectedInTheEhr() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        FeedProcessor feed(*ctx);
        QCOMPARE(feed.process(adt("A04", "M1", Sofia)).code, AckCode::Accept);
        PatientChanges change;
        change.birthDate = QStringLiteral("2015-03-13");
        auto refused = PatientService(*ctx).update(QStringLiteral("100200"), change);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().rule, QStringLiteral("patient.from_ehr"));
        QCOMPARE(patient(t, QStringLiteral("100200")).birthDate, QDate(2015, 3, 12));
        QCOMPARE(feed.process(adt("A08", "M2", pidWith("100200", {{7, "20150313"}}), "20261124090000")).code,
                 AckCode::Accept);
        QCOMPARE(patient(t, QStringLiteral("100200")).birthDate, QDate(2015, 3, 13));
        // A record typed in at the desk stays the desk's.
        addPatient(t, QStringLiteral("100900"), QDate(2016, 1, 1));
        QVERIFY(PatientService(*ctx).update(QStringLiteral("100900"), change).ok());
    }

    void theFeedNeedsAnHimSpecialist() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("agent"));
        FeedProcessor feed(*ctx);
        const Processed r = feed.process(adt("A04", "M1", Sofia));
        QCOMPARE(r.code, AckCode::Reject);
        QCOMPARE(msa(r.ack, 1), QStringLiteral("AR"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM patients")), 0);
    }
};

QTEST_GUILESS_MAIN(TestFeed)
#include "TestFeed.moc"
