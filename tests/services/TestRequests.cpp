// Family requests and their 2-business-day clock (SPEC §5): logged by anyone on staff, worked by HIM
// specialists (SPEC §6), due times from the hospital's calendar, late as the clock moves.
#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/RequestService.h"
#include "store/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace pd;
using namespace pd::test;

namespace {

struct Family {
    Patient patient;
    EnrollOutcome enrollment;
};

// A child (8) enrolled by her mother on the pinned clock (Tuesday 24 November 2026, 09:00 Los Angeles).
Family family(TestDb& t, const QString& mrn = QStringLiteral("100200"),
              const QString& email = QStringLiteral("maria.lopez@example.org")) {
    Family f;
    f.patient = addPatient(t, mrn, QDate(2018, 3, 2));
    f.enrollment = enrollOk(t, parentForm(mrn, QDate(2026, 11, 24), email));
    return f;
}

NewRequest request(const QString& kind, const QString& mrn, const QString& user = QString(),
                   const QString& received = QString()) {
    NewRequest r;
    r.kind = kind;
    r.mrn = mrn;
    r.user = user;
    r.received = received;
    return r;
}

QString message(const Error& e) {
    return e.rule + QStringLiteral(": ") + e.message;
}

QList<qint64> ids(const QList<RequestRow>& rows) {
    QList<qint64> out;
    for (const RequestRow& r : rows)
        out.append(r.request.id);
    return out;
}

} // namespace

class TestRequests : public QObject {
    Q_OBJECT

private slots:
    // The clock reads Tuesday 24 November 2026, 09:00 in Los Angeles; Thursday is Thanksgiving.
    void addComputesTheDueTime_data() {
        QTest::addColumn<QString>("received");
        QTest::addColumn<QDateTime>("due");
        QTest::addColumn<bool>("late");
        QTest::newRow("now, Tue 09:00 → Fri 09:00 (Thanksgiving skipped)") << "" << la(2026, 11, 27) << false;
        QTest::newRow("Mon 07:00, at opening → Tue 16:00")
            << "2026-11-23T07:00:00" << la(2026, 11, 24, 16) << false;
        QTest::newRow("Mon 16:00, at closing → Wed 16:00")
            << "2026-11-23T16:00:00" << la(2026, 11, 25, 16) << false;
        QTest::newRow("Mon 17:30, after hours → Wed 16:00")
            << "2026-11-23T17:30:00" << la(2026, 11, 25, 16) << false;
        QTest::newRow("Tue 05:45, before opening → Wed 16:00")
            << "2026-11-24T05:45:00" << la(2026, 11, 25, 16) << false;
        QTest::newRow("Sat → Tue 16:00") << "2026-11-21T10:00:00" << la(2026, 11, 24, 16) << false;
        QTest::newRow("Fri 10:00 → Tue 10:00") << "2026-11-20T10:00:00" << la(2026, 11, 24, 10) << false;
        QTest::newRow("Thu 10:00 → Mon 10:00, late") << "2026-11-19T10:00:00" << la(2026, 11, 23, 10) << true;
        QTest::newRow("with an offset: 18:00Z is Mon 10:00 PST → Wed 10:00")
            << "2026-11-23T18:00:00Z" << la(2026, 11, 25, 10) << false;
        QTest::newRow("Veterans Day (Wed 11 Nov) skipped: Tue 10 Nov 10:00 → Fri 13 Nov 10:00")
            << "2026-11-10T10:00:00" << la(2026, 11, 13, 10) << true;
        QTest::newRow("DST week: Fri 30 Oct 10:00 PDT → Tue 3 Nov 10:00 PST")
            << "2026-10-30T10:00:00" << la(2026, 11, 3, 10) << true;
    }
    void addComputesTheDueTime() {
        QFETCH(QString, received);
        QFETCH(QDateTime, due);
        QFETCH(bool, late);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto ctx = t.as(QStringLiteral("agent"));
        auto row = RequestService(*ctx).add(
            request(QStringLiteral("never_received"), QStringLiteral("100200"), QString(), received));
        QVERIFY2(row.ok(), qPrintable(row.ok() ? QString() : message(row.error())));
        QCOMPARE(row->request.dueAt, due);
        QCOMPARE(row->late, late);
        QCOMPARE(row->request.status, QStringLiteral("open"));
        QCOMPARE(row->request.channel, QStringLiteral("phone"));
        QCOMPARE(row->mrn, QStringLiteral("100200"));
        QCOMPARE(row->request.createdBy, QStringLiteral("agent"));
        QCOMPARE(row->request.rowVersion, 1);
        if (received.isEmpty())
            QCOMPARE(row->request.receivedAt, t.clock.nowUtc());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'request.added' "
                                        "AND record_type = 'request'")),
                 1);
        // What was stored reads back the same.
        auto again = RequestService(*ctx).byId(row->request.id);
        QVERIFY(again.ok());
        QCOMPARE(again->request.dueAt, due);
        QCOMPARE(again->request.receivedAt, row->request.receivedAt);
    }

    void theHospitalsCalendarAndSettingsDecide() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto boss = t.as(QStringLiteral("supervisor"));
        auto agent = t.as(QStringLiteral("agent"));
        RequestService requests(*agent);
        // The Friday after Thanksgiving closed: Tue 09:00 → Wed 09:00, Mon 09:00.
        QVERIFY(AdminService(*boss)
                    .setHoliday(QStringLiteral("2026-11-27"), QStringLiteral("Day after"), true)
                    .ok());
        auto closed = requests.add(request(QStringLiteral("visibility"), QStringLiteral("100200")));
        QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : message(closed.error())));
        QCOMPARE(closed->request.dueAt, la(2026, 11, 30));
        // Open on Thanksgiving instead: Wed 09:00, Thu 09:00.
        QVERIFY(
            AdminService(*boss).setHoliday(QStringLiteral("2026-11-26"), QStringLiteral("Open"), false).ok());
        auto open = requests.add(request(QStringLiteral("visibility"), QStringLiteral("100200")));
        QVERIFY(open.ok());
        QCOMPARE(open->request.dueAt, la(2026, 11, 26));
        // Three business days and shorter hours.
        QVERIFY(AdminService(*boss)
                    .setSetting(QStringLiteral("request.due_business_days"), QStringLiteral("3"))
                    .ok());
        auto three = requests.add(request(QStringLiteral("visibility"), QStringLiteral("100200"), QString(),
                                          QStringLiteral("2026-11-23T17:30:00")));
        QVERIFY(three.ok());
        // Tue opening counts: Tue, Wed, Thu (open) → Thu 16:00.
        QCOMPARE(three->request.dueAt, la(2026, 11, 26, 16));
    }

    void theWorklistIsOrderedByDueAndMarksLateAsTheClockMoves() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto agentCtx = t.as(QStringLiteral("agent"));
        RequestService agent(*agentCtx);
        // Logged out of order: due Fri 27 09:00, Tue 24 16:00, Wed 25 16:00.
        auto now = agent.add(request(QStringLiteral("never_received"), QStringLiteral("100200")));
        auto saturday = agent.add(request(QStringLiteral("invitation_expired"), QStringLiteral("100200"),
                                          QString(), QStringLiteral("2026-11-21T10:00:00")));
        auto evening = agent.add(request(QStringLiteral("visibility"), QStringLiteral("100200"), QString(),
                                         QStringLiteral("2026-11-23T17:30:00")));
        QVERIFY(now.ok() && saturday.ok() && evening.ok());
        const qint64 a = now->request.id, b = saturday->request.id, c = evening->request.id;

        auto open = agent.list(RequestFilter::Show::Open);
        QVERIFY(open.ok());
        QCOMPARE(ids(open.value()), (QList<qint64>{b, c, a}));
        for (const RequestRow& r : open.value())
            QVERIFY(!r.late);
        QVERIFY(agent.list(RequestFilter::Show::Late)->isEmpty());

        // Tuesday 16:00 exactly: due, not yet late.
        t.clock.set(la(2026, 11, 24, 16));
        QVERIFY(agent.list(RequestFilter::Show::Late)->isEmpty());
        // A minute later the Saturday request is late.
        t.clock.set(la(2026, 11, 24, 16, 1));
        auto late = agent.list(RequestFilter::Show::Late);
        QCOMPARE(ids(late.value()), (QList<qint64>{b}));
        QVERIFY(late->first().late);
        // The desk's totals count the same lists.
        QCOMPARE(agent.count(RequestFilter::Show::Late).value(), 1);
        QCOMPARE(agent.count(RequestFilter::Show::Open).value(), 3);
        QCOMPARE(agent.list(RequestFilter::Show::Open, 2, 2)->size(), 1);
        open = agent.list(RequestFilter::Show::Open);
        QCOMPARE(ids(open.value()), (QList<qint64>{b, c, a}));
        QCOMPARE(open->at(0).late, true);
        QCOMPARE(open->at(1).late, false);

        // Thursday (Thanksgiving): two late.
        t.clock.set(la(2026, 11, 26, 12));
        QCOMPARE(ids(agent.list(RequestFilter::Show::Late).value()), (QList<qint64>{b, c}));

        // Resolved requests leave the open and late lists, and are no longer late in "all".
        auto specialistCtx = t.as(QStringLiteral("specialist"));
        auto done =
            RequestService(*specialistCtx).resolve({b, QStringLiteral("Sent a new invitation."), {}, 0});
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : message(done.error())));
        QVERIFY(!done->late);
        QCOMPARE(ids(agent.list(RequestFilter::Show::Late).value()), (QList<qint64>{c}));
        QCOMPARE(ids(agent.list(RequestFilter::Show::Open).value()), (QList<qint64>{c, a}));
        auto all = agent.list(RequestFilter::Show::All);
        QCOMPARE(ids(all.value()), (QList<qint64>{b, c, a}));
        QCOMPARE(all->at(0).request.status, QStringLiteral("resolved"));
        QVERIFY(!all->at(0).late);

        // Paging.
        QCOMPARE(ids(agent.list(RequestFilter::Show::All, 2).value()), (QList<qint64>{b, c}));
        QCOMPARE(ids(agent.list(RequestFilter::Show::All, 2, 2).value()), (QList<qint64>{a}));
    }

    void resolvingLinksTheActionThatAnsweredIt() {
        TestDb t;
        const Family f = family(t);
        const QString username = f.enrollment.user.username;
        auto agentCtx = t.as(QStringLiteral("agent"));
        auto added = RequestService(*agentCtx).add(
            request(QStringLiteral("never_received"), QStringLiteral("100200"), username));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : message(added.error())));
        QCOMPARE(added->username, username);
        QCOMPARE(added->userName, f.enrollment.user.fullName());
        QCOMPARE(added->patientName, f.patient.fullName());

        // The specialist resends the invitation, opens the login (an opening is not a change), resolves.
        const QString token = sendAndReadToken(t, username);
        QVERIFY(!token.isEmpty());
        auto specialistCtx = t.as(QStringLiteral("specialist"));
        QVERIFY(AccountService(*specialistCtx).show(username).ok());
        const QString invitation = QStringLiteral("invitation:%1").arg(f.enrollment.invitationId);
        auto changes =
            AuditLog(*t.db).list(QStringLiteral("invitation"), QString::number(f.enrollment.invitationId), 1);
        QVERIFY(changes.ok() && changes->size() == 1);
        const qint64 sentEvent = changes->first().id;

        RequestService specialist(*specialistCtx);
        auto resolved = specialist.resolve({added->request.id,
                                            QStringLiteral("Invitation sent again to the address on file."),
                                            invitation, added->request.rowVersion});
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : message(resolved.error())));
        const FamilyRequest& r = resolved->request;
        QCOMPARE(r.status, QStringLiteral("resolved"));
        QCOMPARE(r.resolvedBy, QStringLiteral("specialist"));
        QCOMPARE(r.resolvedAt, t.clock.nowUtc());
        QCOMPARE(r.resolvedAction, invitation);
        QCOMPARE(r.resolvedEventId, sentEvent);
        QCOMPARE(r.resolutionNote, QStringLiteral("Invitation sent again to the address on file."));
        QCOMPARE(r.rowVersion, 2);
        QCOMPARE(r.updatedBy, QStringLiteral("specialist"));

        // One resolution event, on the patient's and the login's timelines, naming the link.
        auto events = AuditLog(*t.db).list(QStringLiteral("request"), QString::number(r.id), 10);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);
        const AuditEvent& e = events->first();
        QCOMPARE(e.action, QStringLiteral("request.resolved"));
        QCOMPARE(e.patientId, f.patient.id);
        QCOMPARE(e.portalUserId, f.enrollment.user.id);
        const QJsonObject details = QJsonDocument::fromJson(e.details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("action")).toString(), invitation);
        QCOMPARE(details.value(QStringLiteral("event_id")).toInteger(), sentEvent);
        QCOMPARE(details.value(QStringLiteral("late")).toBool(), false);
        QVERIFY(AuditLog(*t.db).verify()->intact);

        // The same link named by its audit event.
        auto second =
            RequestService(*agentCtx).add(request(QStringLiteral("invitation_expired"), QString(), username));
        QVERIFY(second.ok());
        auto byEvent = specialist.resolve({second->request.id, QStringLiteral("Same resend."),
                                           QStringLiteral("audit:%1").arg(sentEvent), 0});
        QVERIFY2(byEvent.ok(), qPrintable(byEvent.ok() ? QString() : message(byEvent.error())));
        QCOMPARE(byEvent->request.resolvedAction, invitation);
        QCOMPARE(byEvent->request.resolvedEventId, sentEvent);

        // A login named as the record: its newest change, not the specialist's opening of it.
        auto fourth =
            RequestService(*agentCtx).add(request(QStringLiteral("deactivate"), QString(), username));
        QVERIFY(fourth.ok());
        auto byLogin = specialist.resolve({fourth->request.id, QStringLiteral("Family says it is fine now."),
                                           QStringLiteral("portal_user:%1").arg(f.enrollment.user.id), 0});
        QVERIFY2(byLogin.ok(), qPrintable(byLogin.ok() ? QString() : message(byLogin.error())));
        const auto loginEvents =
            AuditLog(*t.db).list(QStringLiteral("portal_user"), QString::number(f.enrollment.user.id), 10);
        QVERIFY(loginEvents.ok() && loginEvents->size() >= 2);
        QCOMPARE(loginEvents->first().action, QStringLiteral("portal_user.opened"));
        const auto linked =
            std::find_if(loginEvents->cbegin(), loginEvents->cend(), [&](const AuditEvent& event) {
                return event.id == byLogin->request.resolvedEventId;
            });
        QVERIFY(linked != loginEvents->cend());
        QVERIFY(!linked->action.endsWith(QLatin1String(".opened")));

        // A question answered by phone needs no link; a late one says so in its event.
        auto third =
            RequestService(*agentCtx).add(request(QStringLiteral("visibility"), QStringLiteral("100200")));
        QVERIFY(third.ok());
        t.clock.set(la(2026, 12, 1));
        auto plain =
            specialist.resolve({third->request.id, QStringLiteral("Explained the limited view."), {}, 0});
        QVERIFY(plain.ok());
        QVERIFY(plain->request.resolvedAction.isEmpty());
        QCOMPARE(plain->request.resolvedEventId, 0);
        auto lateEvent =
            AuditLog(*t.db).list(QStringLiteral("request"), QString::number(third->request.id), 1);
        QVERIFY(QJsonDocument::fromJson(lateEvent->first().details.toUtf8())
                    .object()
                    .value(QStringLiteral("late"))
                    .toBool());
    }

    void aStaleVersionIsAConflictNamingWhoChangedIt() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto added = RequestService(*t.as(QStringLiteral("agent")))
                         .add(request(QStringLiteral("deactivate"), QStringLiteral("100200")));
        QVERIFY(added.ok());
        const int seen = added->request.rowVersion;
        // The supervisor resolves it first, at 10:15.
        t.clock.set(la(2026, 11, 24, 10, 15));
        auto boss = t.as(QStringLiteral("supervisor"));
        QVERIFY(RequestService(*boss)
                    .resolve({added->request.id, QStringLiteral("Done by phone."), {}, seen})
                    .ok());
        // The specialist still has the version read before.
        auto specialistCtx = t.as(QStringLiteral("specialist"));
        auto stale = RequestService(*specialistCtx)
                         .resolve({added->request.id, QStringLiteral("Deactivated."), {}, seen});
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, ErrorKind::Conflict);
        QCOMPARE(stale.error().rule, QStringLiteral("record.changed"));
        QVERIFY2(stale.error().message.contains(QStringLiteral("supervisor")),
                 qPrintable(stale.error().message));
        QVERIFY2(stale.error().message.contains(QStringLiteral("2026-11-24 18:15")),
                 qPrintable(stale.error().message));
        // Without a version (the CLI) it is refused as already resolved.
        auto again = RequestService(*specialistCtx)
                         .resolve({added->request.id, QStringLiteral("Deactivated."), {}, 0});
        QCOMPARE(again.error().rule, QStringLiteral("request.already_resolved"));
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'request.resolved'")),
            1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM requests WHERE resolved_by = 'supervisor' AND "
                                        "resolution_note = 'Done by phone.' AND row_version = 2")),
                 1);
    }

    // SPEC §6: support agents log requests and see the worklist; HIM specialists work it.
    void agentsLogAndListSpecialistsResolve() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto agentCtx = t.as(QStringLiteral("agent"));
        RequestService agent(*agentCtx);
        auto added = agent.add(request(QStringLiteral("never_received"), QStringLiteral("100200")));
        QVERIFY(added.ok());
        QVERIFY(agent.list(RequestFilter::Show::All).ok());
        QVERIFY(agent.byId(added->request.id).ok());
        auto refused = agent.resolve({added->request.id, QStringLiteral("Sent again."), {}, 0});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::NotPermitted);
        QCOMPARE(refused.error().rule, QStringLiteral("role.required"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("HIM specialist")),
                 qPrintable(refused.error().message));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM requests WHERE status = 'open'")), 1);

        auto nobody = t.as(QStringLiteral("portal"));
        QCOMPARE(RequestService(*nobody)
                     .add(request(QStringLiteral("never_received"), QStringLiteral("100200")))
                     .error()
                     .kind,
                 ErrorKind::NotPermitted);
        QCOMPARE(RequestService(*nobody).list(RequestFilter::Show::Open).error().kind,
                 ErrorKind::NotPermitted);

        auto specialistCtx = t.as(QStringLiteral("specialist"));
        QVERIFY(RequestService(*specialistCtx)
                    .resolve({added->request.id, QStringLiteral("Sent again."), {}, 0})
                    .ok());
    }

    void badInputIsRefusedAndNothingWritten_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("mrn");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("received");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("errorKind");
        const int validation = int(ErrorKind::Validation);
        const int notFound = int(ErrorKind::NotFound);
        QTest::newRow("unknown kind") << "new_pin"
                                      << "100200"
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "request.kind" << validation;
        QTest::newRow("no kind") << ""
                                 << "100200"
                                 << ""
                                 << ""
                                 << ""
                                 << ""
                                 << "request.kind" << validation;
        QTest::newRow("unknown channel") << "never_received"
                                         << "100200"
                                         << ""
                                         << ""
                                         << "fax"
                                         << ""
                                         << "request.channel" << validation;
        QTest::newRow("note of 2001 characters")
            << "never_received"
            << "100200"
            << ""
            << ""
            << "" << QString(2001, QLatin1Char('x')) << "input.text" << validation;
        QTest::newRow("note with a tab") << "never_received"
                                         << "100200"
                                         << ""
                                         << ""
                                         << ""
                                         << "a\tb"
                                         << "input.text" << validation;
        QTest::newRow("received three hours ahead") << "never_received"
                                                    << "100200"
                                                    << ""
                                                    << "2026-11-24T12:00:00"
                                                    << ""
                                                    << ""
                                                    << "request.received_future" << validation;
        QTest::newRow("received tomorrow, in UTC") << "never_received"
                                                   << "100200"
                                                   << ""
                                                   << "2026-11-25T17:00:00Z"
                                                   << ""
                                                   << ""
                                                   << "request.received_future" << validation;
        QTest::newRow("received last year") << "never_received"
                                            << "100200"
                                            << ""
                                            << "2025-11-24T09:00:00"
                                            << ""
                                            << ""
                                            << "request.received_too_old" << validation;
        QTest::newRow("received in 1926") << "never_received"
                                          << "100200"
                                          << ""
                                          << "1926-11-24T09:00:00"
                                          << ""
                                          << ""
                                          << "request.received_too_old" << validation;
        QTest::newRow("received not a time") << "never_received"
                                             << "100200"
                                             << ""
                                             << "yesterday"
                                             << ""
                                             << ""
                                             << "input.datetime" << validation;
        QTest::newRow("unknown MRN") << "never_received"
                                     << "999999"
                                     << ""
                                     << ""
                                     << ""
                                     << ""
                                     << "patient.not_found" << notFound;
        QTest::newRow("malformed MRN") << "never_received"
                                       << "1'; DROP TABLE requests;--"
                                       << ""
                                       << ""
                                       << ""
                                       << ""
                                       << "input.mrn" << validation;
        QTest::newRow("unknown login") << "never_received"
                                       << ""
                                       << "nobody.here"
                                       << ""
                                       << ""
                                       << ""
                                       << "user.not_found" << notFound;
        QTest::newRow("login of another family") << "never_received"
                                                 << "100200"
                                                 << "jose.ruiz@example.org"
                                                 << ""
                                                 << ""
                                                 << ""
                                                 << "request.user_not_for_patient" << validation;
        QTest::newRow("nobody named") << "deactivate"
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "request.subject_required" << validation;
        QTest::newRow("other without a note") << "other"
                                              << ""
                                              << ""
                                              << ""
                                              << ""
                                              << ""
                                              << "request.note_required" << validation;
    }
    void badInputIsRefusedAndNothingWritten() {
        QFETCH(QString, kind);
        QFETCH(QString, mrn);
        QFETCH(QString, user);
        QFETCH(QString, received);
        QFETCH(QString, channel);
        QFETCH(QString, note);
        QFETCH(QString, rule);
        QFETCH(int, errorKind);
        TestDb t;
        family(t);
        family(t, QStringLiteral("100300"), QStringLiteral("jose.ruiz@example.org"));
        const qint64 events = t.count(QStringLiteral("SELECT count(*) FROM audit_events"));
        NewRequest in = request(kind, mrn, user, received);
        in.channel = channel;
        in.note = note;
        auto r = RequestService(*t.as(QStringLiteral("agent"))).add(in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().rule, rule);
        QCOMPARE(int(r.error().kind), errorKind);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM requests")), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events")), events);
    }

    void aFewMinutesAheadIsThisWorkstationsClock() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto r = RequestService(*t.as(QStringLiteral("agent")))
                     .add(request(QStringLiteral("never_received"), QStringLiteral("100200"), QString(),
                                  QStringLiteral("2026-11-24T09:03:00")));
        QVERIFY(r.ok());
        QCOMPARE(r->request.receivedAt, t.clock.nowUtc());
        // An instant from a date-time editor wins over text.
        NewRequest typed = request(QStringLiteral("never_received"), QStringLiteral("100200"));
        typed.received = QStringLiteral("not read");
        typed.receivedAt = la(2026, 11, 23, 17, 30);
        typed.channel = QStringLiteral("in_person");
        auto fromEditor = RequestService(*t.as(QStringLiteral("agent"))).add(typed);
        QVERIFY(fromEditor.ok());
        QCOMPARE(fromEditor->request.receivedAt, la(2026, 11, 23, 17, 30));
        QCOMPARE(fromEditor->request.dueAt, la(2026, 11, 25, 16));
        QCOMPARE(fromEditor->request.channel, QStringLiteral("in_person"));
    }

    void badResolutionsAreRefusedAndNothingWritten_data() {
        QTest::addColumn<qint64>("id"); // 0 = the open request
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("rule");
        QTest::newRow("no note") << qint64(0) << "  "
                                 << ""
                                 << "request.resolution_note_required";
        QTest::newRow("over-long note") << qint64(0) << QString(2001, QLatin1Char('n')) << ""
                                        << "input.text";
        QTest::newRow("action not TYPE:ID") << qint64(0) << "Done."
                                            << "the reissue"
                                            << "request.action";
        QTest::newRow("action with SQL") << qint64(0) << "Done."
                                         << "invitation:1 OR 1=1"
                                         << "request.action";
        QTest::newRow("action on a record never changed") << qint64(0) << "Done."
                                                          << "invitation:9999"
                                                          << "request.action_not_found";
        QTest::newRow("audit event that does not exist") << qint64(0) << "Done."
                                                         << "audit:99999"
                                                         << "request.action_not_found";
        QTest::newRow("unknown request") << qint64(4242) << "Done."
                                         << ""
                                         << "request.not_found";
    }
    void badResolutionsAreRefusedAndNothingWritten() {
        QFETCH(qint64, id);
        QFETCH(QString, note);
        QFETCH(QString, action);
        QFETCH(QString, rule);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2018, 3, 2));
        auto added = RequestService(*t.as(QStringLiteral("agent")))
                         .add(request(QStringLiteral("never_received"), QStringLiteral("100200")));
        QVERIFY(added.ok());
        const qint64 events = t.count(QStringLiteral("SELECT count(*) FROM audit_events"));
        auto r = RequestService(*t.as(QStringLiteral("specialist")))
                     .resolve({id == 0 ? added->request.id : id, note, action, 0});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().rule, rule);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM requests WHERE status = 'open' AND row_version = 1")),
                 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events")), events);
    }

    void theSchemaRefusesWhatTheRulesRefuse() {
        TestDb t;
        const QString insert = QStringLiteral(
            "INSERT INTO requests (kind, received_at, channel, due_at, status, created_at, created_by, "
            "updated_at, updated_by) VALUES ('%1', '2026-11-24T17:00:00.000Z', '%2', '%3', '%4', 'x', 'x', "
            "'x', 'x')");
        const auto works = [&](const QString& sql) {
            QSqlQuery q(t.db->connection());
            return q.exec(sql);
        };
        QVERIFY(works(insert.arg(QStringLiteral("other"), QStringLiteral("mail"),
                                 QStringLiteral("2026-11-26T00:00:00.000Z"), QStringLiteral("open"))));
        QVERIFY(!works(insert.arg(QStringLiteral("pin"), QStringLiteral("mail"),
                                  QStringLiteral("2026-11-26T00:00:00.000Z"), QStringLiteral("open"))));
        QVERIFY(!works(insert.arg(QStringLiteral("other"), QStringLiteral("fax"),
                                  QStringLiteral("2026-11-26T00:00:00.000Z"), QStringLiteral("open"))));
        QVERIFY(!works(insert.arg(QStringLiteral("other"), QStringLiteral("mail"),
                                  QStringLiteral("2026-11-20T00:00:00.000Z"), QStringLiteral("open"))));
        // Resolved needs who and when.
        QVERIFY(!works(insert.arg(QStringLiteral("other"), QStringLiteral("mail"),
                                  QStringLiteral("2026-11-26T00:00:00.000Z"), QStringLiteral("resolved"))));
        QVERIFY(
            !works(QStringLiteral("UPDATE requests SET note = '%1'").arg(QString(2001, QLatin1Char('x')))));
        QVERIFY(!works(QStringLiteral("UPDATE requests SET resolved_event_id = 999999")));
    }

    // On the central database the server itself keeps agents to logging and reading (SPEC §6).
    void onTheCentralDatabaseTheServerEnforcesTheRoles() {
        if (!onPostgres())
            QSKIP("server roles exist on the central database only");
        TestDb t;
        const Family f = family(t);
        const QString password = QStringLiteral("correct horse battery staple");
        const QString database = QUrl(t.location).path().mid(1);
        auto admin = t.as(QStringLiteral("supervisor"));
        QVERIFY(AdminService(*admin)
                    .addStaff(QStringLiteral("rita"), QStringLiteral("Rita Agent"),
                              QStringLiteral("support_agent"), password)
                    .ok());
        QVERIFY(AdminService(*admin)
                    .addStaff(QStringLiteral("paco"), QStringLiteral("Paco Specialist"),
                              QStringLiteral("him_specialist"), password)
                    .ok());
        struct Login {
            std::unique_ptr<Database> db;
            std::unique_ptr<ServiceContext> ctx;
        };
        const auto signInAs = [&](const QString& name) {
            Login l;
            auto db = Database::open(PgCluster::shared().url(database, name, password));
            if (!db)
                qFatal("%s can't connect: %s", qPrintable(name), qPrintable(db.error().message));
            l.db = std::move(db.value());
            auto staff = signIn(*l.db, QString());
            if (!staff)
                qFatal("%s can't sign in: %s", qPrintable(name), qPrintable(staff.error().message));
            l.ctx = std::make_unique<ServiceContext>(*l.db, t.clock, staff.value(), QStringLiteral("ws"));
            return l;
        };

        Login agent = signInAs(QStringLiteral("rita"));
        auto added = RequestService(*agent.ctx)
                         .add(request(QStringLiteral("never_received"), QStringLiteral("100200"),
                                      f.enrollment.user.username));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : message(added.error())));
        QVERIFY(added->request.id > 0);
        auto listed = RequestService(*agent.ctx).list(RequestFilter::Show::Open);
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : message(listed.error())));
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().mrn, QStringLiteral("100200"));
        {
            QSqlQuery q(agent.db->connection());
            QVERIFY(!q.exec(QStringLiteral("UPDATE requests SET status = 'resolved', resolved_at = 'x', "
                                           "resolved_by = 'rita'")));
            QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM requests")));
        }

        Login specialist = signInAs(QStringLiteral("paco"));
        const QString invitation = QStringLiteral("invitation:%1").arg(f.enrollment.invitationId);
        auto resolved = RequestService(*specialist.ctx)
                            .resolve({added->request.id, QStringLiteral("Resent."), invitation, 0});
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : message(resolved.error())));
        QCOMPARE(resolved->request.resolvedAction, invitation);
        QVERIFY(resolved->request.resolvedEventId > 0);
        {
            QSqlQuery q(specialist.db->connection());
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM requests")));
        }
        QVERIFY(AuditLog(*t.db).verify()->intact);
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "TestRequests.moc"
