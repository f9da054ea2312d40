// Invitations: send, reissue (one live at a time), activation with PIN, lockout and expiry (SPEC §4).
#include "services/ServiceFixture.h"

#include "store/InvitationRepository.h"
#include "store/PortalUserRepository.h"

using namespace pd;
using namespace pd::test;

class TestInvitations : public QObject {
    Q_OBJECT

    QString enrollChild(TestDb& t) {
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        return enrollOk(t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24),
                                      QStringLiteral("mom@example.org")))
            .user.username;
    }

    Result<ActivationOutcome> activate(TestDb& t, const QString& token, const QString& pin) {
        return InvitationService(*t.as(QStringLiteral("portal"))).activate(token, pin);
    }

    QString statusOf(TestDb& t, const QString& username) {
        return PortalUserRepository(*t.db).byUsername(username).value().value().status;
    }

private slots:
    void sendGivesALinkThatActivatesWithThePin() {
        TestDb t;
        const QString user = enrollChild(t);
        const QString token = sendAndReadToken(t, user);
        QCOMPARE(token.size(), 43);
        // Only the token's SHA-256 is kept.
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE token_hash = '%1'").arg(token)),
            0);
        t.clock.advanceDays(1);
        auto out = activate(t, token, QStringLiteral("482913"));
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().message));
        QCOMPARE(out->user.status, QStringLiteral("active"));
        QCOMPARE(out->invitation.status, QStringLiteral("activated"));
        auto again = activate(t, token, QStringLiteral("482913"));
        QCOMPARE(again.error().rule, QStringLiteral("activation.used"));
    }

    void sendingTwiceIsRefused() {
        TestDb t;
        const QString user = enrollChild(t);
        sendAndReadToken(t, user);
        auto second = InvitationService(*t.as(QStringLiteral("agent"))).sendNow(user);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().rule, QStringLiteral("invitation.already_sent"));
    }

    void reissueRevokesTheOldLinkInTheSameTransaction() {
        TestDb t;
        const QString user = enrollChild(t);
        const QString oldToken = sendAndReadToken(t, user);
        t.clock.advanceDays(3);
        auto re =
            InvitationService(*t.as(QStringLiteral("agent"))).reissue({user, false, QString()}, QString());
        QVERIFY2(re.ok(), re.ok() ? "" : qPrintable(re.error().message));
        QVERIFY(re->revokedId > 0);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM invitations WHERE status IN ('queued','sent','delivery_failed')")),
                 1);
        QVERIFY(!re->invitation.expiresAt.isValid()); // its window starts when the mail server accepts it

        auto old = activate(t, oldToken, QStringLiteral("482913"));
        QVERIFY(!old.ok());
        QCOMPARE(old.error().rule, QStringLiteral("activation.revoked"));
        const QString newToken = deliverAndReadToken(t, re->outboxId);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'sent' AND "
                                        "expires_at = '2026-12-27T17:00:00.000Z'")),
                 1);                                                   // a new 30-day window
        QVERIFY(activate(t, newToken, QStringLiteral("482913")).ok()); // the PIN was kept
    }

    void reissueWithANewPinNeedsIdentityVerification() {
        TestDb t;
        const QString user = enrollChild(t);
        sendAndReadToken(t, user);
        auto refused = InvitationService(*t.as(QStringLiteral("agent")))
                           .reissue({user, true, QString()}, QStringLiteral("580417"));
        QCOMPARE(refused.error().rule, QStringLiteral("reissue.verification_required"));
        auto re = InvitationService(*t.as(QStringLiteral("agent")))
                      .reissue({user, true, QStringLiteral("DOB + MRN")}, QStringLiteral("580417"));
        QVERIFY(re.ok());
        QCOMPARE(re->invitation.pinVerifiedBy, QStringLiteral("DOB + MRN"));
        const QString token = deliverAndReadToken(t, re->outboxId);
        QCOMPARE(activate(t, token, QStringLiteral("482913")).error().rule,
                 QStringLiteral("activation.wrong_pin"));
        QVERIFY(activate(t, token, QStringLiteral("580417")).ok());
    }

    void fiveWrongPinsLockAndOnlyAReissueUnlocks() {
        TestDb t;
        const QString user = enrollChild(t);
        const QString token = sendAndReadToken(t, user);
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(activate(t, token, QStringLiteral("000111")).error().rule,
                     QStringLiteral("activation.wrong_pin"));
        QCOMPARE(activate(t, token, QStringLiteral("000111")).error().rule,
                 QStringLiteral("activation.locked"));
        QCOMPARE(activate(t, token, QStringLiteral("482913")).error().rule,
                 QStringLiteral("activation.locked"));
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM invitations WHERE status = 'locked' AND failed_attempts = 5")),
                 1);
        QCOMPARE(statusOf(t, user), QStringLiteral("pending"));

        auto re =
            InvitationService(*t.as(QStringLiteral("agent"))).reissue({user, false, QString()}, QString());
        QVERIFY(re.ok());
        QCOMPARE(re->revokedId, qint64(0)); // a locked invitation is no longer live
        QVERIFY(activate(t, deliverAndReadToken(t, re->outboxId), QStringLiteral("482913")).ok());
    }

    void expiresThirtyDaysAfterSending_data() {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<bool>("works");
        // Sent 2026-11-24 09:00 in Los Angeles.
        QTest::newRow("29 days later") << la(2026, 12, 23, 9, 0) << true;
        QTest::newRow("one minute before 30 days") << la(2026, 12, 24, 8, 59) << true;
        QTest::newRow("exactly 30 days") << la(2026, 12, 24, 9, 0) << false;
        QTest::newRow("31 days") << la(2026, 12, 25, 9, 0) << false;
    }

    void expiresThirtyDaysAfterSending() {
        QFETCH(QDateTime, when);
        QFETCH(bool, works);
        TestDb t;
        const QString user = enrollChild(t);
        const QString token = sendAndReadToken(t, user);
        t.clock.set(when);
        auto out = activate(t, token, QStringLiteral("482913"));
        QCOMPARE(out.ok(), works);
        if (!works) {
            QCOMPARE(out.error().rule, QStringLiteral("activation.expired"));
            QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'expired'")), 1);
        }
    }

    void expiryKeepsWallClockTimeAcrossDaylightSaving() {
        TestDb t;
        t.clock.set(la(2026, 10, 20, 10, 0)); // PDT; 30 days later is PST
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const QString user = enrollOk(t, parentForm(QStringLiteral("100200"), QDate(2026, 10, 20),
                                                    QStringLiteral("mom@example.org")))
                                 .user.username;
        sendAndReadToken(t, user);
        Query q(*t.db, QStringLiteral("SELECT expires_at FROM invitations WHERE status = 'sent'"));
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(DbTime::instant(q.value(0)), la(2026, 11, 19, 10, 0));
    }

    void revokeNeedsAnHimSpecialist() {
        TestDb t;
        const QString user = enrollChild(t);
        QCOMPARE(InvitationService(*t.as(QStringLiteral("agent"))).revoke(user).error().kind,
                 ErrorKind::NotPermitted);
        auto r = InvitationService(*t.as(QStringLiteral("specialist"))).revoke(user);
        QVERIFY(r.ok());
        QCOMPARE(r->status, QStringLiteral("revoked"));
    }

    void aBirthdayBeforeTheDailyRunStillEndsAccessAtActivation_data() {
        QTest::addColumn<bool>("sibling");
        QTest::addColumn<bool>("activates");
        QTest::newRow("only child turned 12: refused") << false << false;
        QTest::newRow("a younger sibling keeps the login: activates") << true << true;
    }

    void aBirthdayBeforeTheDailyRunStillEndsAccessAtActivation() {
        QFETCH(bool, sibling);
        QFETCH(bool, activates);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2014, 12, 1)); // turns 12 on 2026-12-01
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        if (sibling) {
            addPatient(t, QStringLiteral("100201"), QDate(2019, 1, 1));
            enrollOk(t, parentForm(QStringLiteral("100201"), QDate(2026, 11, 24),
                                   QStringLiteral("mom@example.org")));
        }
        const QString token = sendAndReadToken(t, e.user.username);
        t.clock.set(la(2026, 12, 1, 0, 30)); // the birthday; no daily run yet
        auto out = activate(t, token, QStringLiteral("482913"));
        QCOMPARE(out.ok(), activates);
        if (!activates) {
            QCOMPARE(out.error().rule, QStringLiteral("activation.access_ended"));
            QCOMPARE(statusOf(t, e.user.username), QStringLiteral("terminated"));
        }
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE end_reason = 'age_12'")),
                 1);
    }

    void unknownTokenIsNotFound() {
        TestDb t;
        auto out = activate(t, QStringLiteral("not-a-token"), QStringLiteral("482913"));
        QCOMPARE(out.error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestInvitations)
#include "TestInvitations.moc"
