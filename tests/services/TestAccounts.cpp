// Deactivation (SPEC §5) and changes to a login's address (SPEC §4).
#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/DailyJob.h"
#include "store/OutboxRepository.h"

using namespace pd;
using namespace pd::test;

class TestAccounts : public QObject {
    Q_OBJECT

    EnrollOutcome family(TestDb& t) {
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        return enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
    }

private slots:
    void deactivationRevokesLiveInvitationsAndQueuesANotice() {
        TestDb t;
        const auto e = family(t);
        const QString token = sendAndReadToken(t, e.user.username);
        auto out =
            AccountService(*t.as(QStringLiteral("specialist")))
                .deactivate({e.user.username, QStringLiteral("suspected_compromise"),
                             QStringLiteral("mother, by phone"), QStringLiteral("DOB + MRN"), QString()});
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().message));
        QCOMPARE(out->user.status, QStringLiteral("deactivated"));
        QCOMPARE(out->revokedInvitations.size(), 1);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM invitations WHERE status IN ('queued','sent','delivery_failed')")),
                 0);
        QCOMPARE(
            t.count(QStringLiteral(
                "SELECT count(*) FROM outbox WHERE kind = 'deactivation' AND recipient = 'mom@example.org'")),
            1);
        QCOMPARE(InvitationService(*t.as(QStringLiteral("portal")))
                     .activate(token, QStringLiteral("482913"))
                     .error()
                     .rule,
                 QStringLiteral("activation.revoked"));
    }

    void comingBackTakesANewInvitationWithANewPin() {
        TestDb t;
        const auto e = family(t);
        sendAndReadToken(t, e.user.username);
        QVERIFY(AccountService(*t.as(QStringLiteral("specialist")))
                    .deactivate(
                        {e.user.username, QStringLiteral("family_request"), QString(), QString(), QString()})
                    .ok());
        const auto agentCtx = t.as(QStringLiteral("agent"));
        const auto specialistCtx = t.as(QStringLiteral("specialist"));
        InvitationService agent(*agentCtx);
        QCOMPARE(agent.reissue({e.user.username, true, QStringLiteral("photo ID")}, QStringLiteral("580417"))
                     .error()
                     .kind,
                 ErrorKind::NotPermitted);
        InvitationService specialist(*specialistCtx);
        QCOMPARE(specialist.reissue({e.user.username, false, QString()}, QString()).error().rule,
                 QStringLiteral("reissue.deactivated_needs_new_pin"));
        // The access that comes back is confirmed grant by grant.
        QCOMPARE(specialist
                     .reissue({e.user.username, true, QStringLiteral("photo ID in person")},
                              QStringLiteral("580417"))
                     .error()
                     .rule,
                 QStringLiteral("reissue.confirm_grants"));
        const qint64 grant =
            t.count(QStringLiteral("SELECT id FROM access_grants WHERE portal_user_id = %1").arg(e.user.id));
        auto back = specialist.reissue(
            {e.user.username, true, QStringLiteral("photo ID in person"), QList<qint64>{grant}},
            QStringLiteral("580417"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->user.status, QStringLiteral("pending"));
    }

    void deactivationReasons_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("rule"); // empty = accepted
        QTest::newRow("suspected compromise") << "suspected_compromise"
                                              << ""
                                              << "";
        QTest::newRow("family request") << "family_request"
                                        << ""
                                        << "";
        QTest::newRow("duplicate") << "duplicate"
                                   << ""
                                   << "";
        QTest::newRow("deceased") << "deceased"
                                  << ""
                                  << "";
        QTest::newRow("other with a note") << "other"
                                           << "moved abroad"
                                           << "";
        QTest::newRow("other without a note") << "other"
                                              << ""
                                              << "deactivate.note_required";
        QTest::newRow("unknown reason") << "bored"
                                        << ""
                                        << "deactivate.reason";
    }

    void deactivationReasons() {
        QFETCH(QString, reason);
        QFETCH(QString, note);
        QFETCH(QString, rule);
        TestDb t;
        const auto e = family(t);
        auto out = AccountService(*t.as(QStringLiteral("specialist")))
                       .deactivate({e.user.username, reason, QStringLiteral("caller"),
                                    QStringLiteral("DOB + MRN"), note});
        QCOMPARE(out.ok(), rule.isEmpty());
        if (!rule.isEmpty()) {
            QCOMPARE(out.error().rule, rule);
            QCOMPARE(
                t.count(QStringLiteral("SELECT count(*) FROM portal_users WHERE status = 'deactivated'")), 0);
        }
    }

    void supportAgentsCannotDeactivate() {
        TestDb t;
        const auto e = family(t);
        auto out = AccountService(*t.as(QStringLiteral("agent")))
                       .deactivate({e.user.username, QStringLiteral("family_request"), QString(), QString(),
                                    QString()});
        QCOMPARE(out.error().kind, ErrorKind::NotPermitted);
    }

    void newAddressRevokesTheInvitationAndTellsTheOldOne() {
        TestDb t;
        const auto e = family(t);
        const QString token = sendAndReadToken(t, e.user.username);
        auto u = AccountService(*t.as(QStringLiteral("specialist")))
                     .update({e.user.username, QStringLiteral("New.Mom@Example.org"), QString(), 0});
        QVERIFY2(u.ok(), u.ok() ? "" : qPrintable(u.error().message));
        QCOMPARE(u->email, QStringLiteral("New.Mom@example.org"));
        // Staff find the login by its address however it is capitalised.
        auto found =
            AccountService(*t.as(QStringLiteral("specialist"))).show(QStringLiteral("new.mom@EXAMPLE.org"));
        QVERIFY(found.ok());
        QCOMPARE(found->user.id, e.user.id);
        QCOMPARE(InvitationService(*t.as(QStringLiteral("portal")))
                     .activate(token, QStringLiteral("482913"))
                     .error()
                     .rule,
                 QStringLiteral("activation.revoked"));
        // A fresh invitation to the new address waits to be sent, and the old address hears of the change.
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'queued' AND email "
                                        "= 'New.Mom@example.org'")),
                 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'email_changed' AND "
                                        "recipient = 'mom@example.org'")),
                 1);
    }

    void supportAgentsSeeContactDetailsMasked() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2), QStringLiteral("family@example.org"));
        enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        auto agent = PatientService(*t.as(QStringLiteral("agent"))).show(QStringLiteral("100200"));
        QVERIFY(agent.ok());
        QVERIFY(agent->masked);
        QCOMPARE(agent->patient.email, QStringLiteral("f•••@example.org"));
        QVERIFY(!agent->patient.birthDate.isValid());
        QCOMPARE(agent->users.first().email, QStringLiteral("m•••@example.org"));
        for (const AuditEvent& e : agent->timeline)
            QVERIFY2(!e.details.contains(QStringLiteral("mom@")), qPrintable(e.details));
        QCOMPARE(agent->bracket, Bracket::Child); // the rules still see the real birth date

        auto specialist = PatientService(*t.as(QStringLiteral("specialist"))).show(QStringLiteral("100200"));
        QVERIFY(!specialist->masked);
        QCOMPARE(specialist->patient.email, QStringLiteral("family@example.org"));
        QCOMPARE(specialist->patient.birthDate, QDate(2017, 3, 2));
    }

    void newAddressForALoginNotYetActiveAlwaysGetsAFreshInvitation_data() {
        QTest::addColumn<bool>("expireFirst");
        QTest::addColumn<bool>("activateFirst");
        QTest::addColumn<int>("queued");
        QTest::newRow("sent invitation") << false << false << 1;
        QTest::newRow("expired invitation") << true << false << 1;
        QTest::newRow("active login: nothing to send") << false << true << 0;
    }

    void newAddressForALoginNotYetActiveAlwaysGetsAFreshInvitation() {
        QFETCH(bool, expireFirst);
        QFETCH(bool, activateFirst);
        QFETCH(int, queued);
        TestDb t;
        const auto e = family(t);
        const QString token = sendAndReadToken(t, e.user.username);
        if (activateFirst)
            QVERIFY(InvitationService(*t.as(QStringLiteral("portal")))
                        .activate(token, QStringLiteral("482913"))
                        .ok());
        if (expireFirst) {
            t.clock.advanceDays(31);
            QVERIFY(DailyJob(*t.as(QStringLiteral("specialist"))).expireInvitations().ok());
        }
        QVERIFY(AccountService(*t.as(QStringLiteral("specialist")))
                    .update({e.user.username, QStringLiteral("new.mom@example.org"), QString(), 0})
                    .ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'queued' "
                                        "AND email = 'new.mom@example.org'")),
                 qint64(queued));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'email_changed'")), 1);
    }

    void staleEditIsAConflict() {
        TestDb t;
        const auto e = family(t);
        QVERIFY(AccountService(*t.as(QStringLiteral("specialist")))
                    .update({e.user.username, QString(), QStringLiteral("en"), 0})
                    .ok());
        auto stale = AccountService(*t.as(QStringLiteral("supervisor")))
                         .update({e.user.username, QString(), QStringLiteral("es"), e.user.rowVersion});
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, ErrorKind::Conflict);
        QVERIFY(stale.error().message.contains(QStringLiteral("specialist")));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "TestAccounts.moc"
