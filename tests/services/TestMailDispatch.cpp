// The outbox: mail is written with the change, delivered once, retried when the transport is down,
// and what was sent no longer carries its activation link.
#include "services/ServiceFixture.h"

#include "mail/MailTransport.h"
#include "services/DailyJob.h"
#include "store/OutboxRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <functional>
#include <utility>

using namespace pd;
using namespace pd::test;

namespace {

// Notes when each message reached it, and keeps the last one.
class TimingTransport final : public MailTransport {
public:
    TimingTransport() { m_clock.start(); }
    Status send(const OutgoingMail& mail) override {
        m_at.append(m_clock.nsecsElapsed());
        m_raw = mail.raw;
        return {};
    }
    QList<qint64> m_at;
    QByteArray m_raw;

private:
    QElapsedTimer m_clock;
};

void queueNotices(TestDb& t, int count) {
    auto ctx = t.as(QStringLiteral("specialist"));
    const Policy policy = ctx->policy().value();
    QVERIFY(t.db->begin());
    for (int i = 0; i < count; ++i) {
        ServiceContext::Mail mail;
        mail.kind = QStringLiteral("transition_12");
        mail.language = QStringLiteral("en");
        mail.to = {QStringLiteral("Ana López"), QStringLiteral("family%1@example.org").arg(i)};
        mail.vars.insert(QStringLiteral("patient_given_name"), QStringLiteral("Ana"));
        mail.vars.insert(QStringLiteral("transition_date"), QStringLiteral("January 20, 2027"));
        // Written straight into the outbox (as the schema's owner may), for messages without logins.
        auto m = ctx->prepareMail(policy, mail);
        QVERIFY(m.ok());
        QVERIFY(OutboxRepository(*t.db).insert(m.value()).ok());
    }
    QVERIFY(t.db->commit());
}

// A mail server that refuses every message for good (5xx), after reading it.
class RefusingTransport final : public MailTransport {
public:
    explicit RefusingTransport(QString reply = QStringLiteral("550 5.1.1 No such user"))
        : m_reply(std::move(reply)) {}
    Status send(const OutgoingMail& mail) override {
        m_raw = mail.raw;
        return Error::validation(QStringLiteral("mail.rejected"), m_reply);
    }
    QString m_reply;
    QByteArray m_raw;
};

QString activationToken(const QByteArray& raw) {
    static const QRegularExpression link(QStringLiteral("token=([A-Za-z0-9_-]{43})"));
    return link.match(QString::fromUtf8(MimeMessage::decodeQuotedPrintable(raw))).captured(1);
}

Result<ActivationOutcome> activate(TestDb& t, const QString& token, const QString& pin) {
    return InvitationService(*t.as(QStringLiteral("portal"))).activate(token, pin);
}

} // namespace

class TestMailDispatch : public QObject {
    Q_OBJECT

private slots:
    // The link is made when the message goes, sent means the mail server accepted it, and no row ever
    // holds the link.
    void theLinkIsMadeWhenTheMailServerAcceptsIt() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        auto queued = InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username);
        QVERIFY(queued.ok());
        QCOMPARE(queued->invitation.status, QStringLiteral("queued"));
        QVERIFY(!queued->invitation.expiresAt.isValid()); // its 30 days have not started
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE raw IS NOT NULL")), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE token_hash IS NOT NULL")), 0);
        // Asked twice, it is queued once.
        auto twice = InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username);
        QCOMPARE(twice.error().rule, QStringLiteral("invitation.in_the_mail"));

        t.clock.advanceSecs(600); // the mail run, ten minutes later
        const QString folder = t.dir.filePath(QStringLiteral("mail"));
        FileDropTransport transport(folder);
        auto r = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport);
        QVERIFY(r.ok());
        QCOMPARE(r->sent, 1);
        const QStringList files = QDir(folder).entryList({QStringLiteral("*.eml")});
        QCOMPARE(files.size(), 1);
        QFile f(QDir(folder).filePath(files.first()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        const QString token = activationToken(raw);
        QVERIFY2(!token.isEmpty(), raw.left(2000).constData());
        QVERIFY(!raw.contains("100200")); // no MRN
        QVERIFY(!raw.contains("2017"));   // no birth date
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent' AND raw IS NULL")),
                 1);
        Query held(*t.db,
                   QStringLiteral("SELECT count(*) FROM outbox WHERE vars LIKE :t OR subject LIKE :t2"));
        held.bind(QStringLiteral(":t"), QString(QLatin1Char('%') + token + QLatin1Char('%')))
            .bind(QStringLiteral(":t2"), QString(QLatin1Char('%') + token + QLatin1Char('%')));
        QVERIFY(held.exec().ok() && held.next());
        QCOMPARE(held.value(0).toInt(), 0);
        // Sent at acceptance, and 30 days from then.
        Query inv(*t.db, QStringLiteral("SELECT status, sent_at, expires_at FROM invitations"));
        QVERIFY(inv.exec().ok() && inv.next());
        QCOMPARE(inv.value(0).toString(), QStringLiteral("sent"));
        QCOMPARE(DbTime::instant(inv.value(1)), t.clock.nowUtc());
        QCOMPARE(DbTime::instant(inv.value(2)), t.clock.nowUtc().addDays(30));
        QVERIFY(activate(t, token, QStringLiteral("482913")).ok());
        auto again = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport);
        QCOMPARE(again->sent, 0);
    }

    // A message whose invitation is revoked before it goes never goes, and its link is never made.
    void aRevokedInvitationsMessageIsCancelled() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        QVERIFY(InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username).ok());
        QVERIFY(InvitationService(*t.as(QStringLiteral("specialist"))).revoke(e.user.username).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'cancelled'")), 1);
        TimingTransport transport;
        auto r = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport);
        QVERIFY(r.ok());
        QCOMPARE(r->sent, 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE token_hash IS NOT NULL")), 0);
    }

    // The mail server refuses the message for good: the invitation can't be activated, and holds no token.
    void aRefusedMessageLeavesNothingToActivate() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        auto queued = InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username);
        QVERIFY(queued.ok());
        RefusingTransport transport;
        auto r = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport);
        QVERIFY(r.ok());
        QCOMPARE(r->failed, 1);
        QCOMPARE(
            t.count(QStringLiteral(
                "SELECT count(*) FROM invitations WHERE status = 'delivery_failed' AND token_hash IS NULL")),
            1);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'failed' AND raw IS NULL")),
            1);
        const QString token = activationToken(transport.m_raw);
        QVERIFY(!token.isEmpty());
        QCOMPARE(activate(t, token, QStringLiteral("482913")).error().rule,
                 QStringLiteral("activation.bad_link"));
    }

    void aMailServersReplyIsMaskedForAgents_data() {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("masked");
        QTest::newRow("refusal with the address")
            << QStringLiteral("it answered RCPT TO with \"550 5.1.1 <mom@example.org>: user unknown\"")
            << QStringLiteral("it answered RCPT TO with \"550 5.1.1 …\"");
        QTest::newRow("no enhanced code")
            << QStringLiteral("it answered DATA with \"554 Message rejected as spam from 10.1.2.3\"")
            << QStringLiteral("it answered DATA with \"554 …\"");
        QTest::newRow("inside an event's JSON")
            << QStringLiteral("{\"error\":\"it answered RCPT TO with \\\"550 5.1.1 <mom@example.org>\\\"\"}")
            << QStringLiteral("{\"error\":\"it answered RCPT TO with \\\"550 5.1.1 …\\\"\"}");
        QTest::newRow("an address outside a reply") << QStringLiteral("could not send to mom@example.org")
                                                    << QStringLiteral("could not send to m•••@example.org");
        QTest::newRow("no reply at all") << QStringLiteral("no answer to the greeting within 30 seconds")
                                         << QStringLiteral("no answer to the greeting within 30 seconds");
        QTest::newRow("empty") << QString() << QString();
    }

    void aMailServersReplyIsMaskedForAgents() {
        QFETCH(QString, reply);
        QFETCH(QString, masked);
        QCOMPARE(maskMailReply(reply), masked);
    }

    // An agent learns that a message was refused and the server's code, never the server's words.
    void anAgentSeesTheCodeOfARefusalNotTheReply() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        QVERIFY(InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username).ok());
        RefusingTransport transport(
            QStringLiteral("The mail server refused the message at mx.example.org: it "
                           "answered RCPT TO with \"550 5.1.1 <mom@example.org>: "
                           "Recipient address rejected: mailbox full of secrets\""));
        QVERIFY(MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport).ok());
        const QString masked = QStringLiteral("The mail server refused the message at mx.example.org: it "
                                              "answered RCPT TO with \"550 5.1.1 …\"");

        auto agentOutbox = AdminService(*t.as(QStringLiteral("agent"))).outbox(QStringLiteral("failed"), 10);
        QVERIFY(agentOutbox.ok());
        QCOMPARE(agentOutbox->size(), 1);
        QCOMPARE(agentOutbox->first().lastError, masked);
        auto specialistOutbox =
            AdminService(*t.as(QStringLiteral("specialist"))).outbox(QStringLiteral("failed"), 10);
        QVERIFY(specialistOutbox.ok());
        QCOMPARE(specialistOutbox->first().lastError, transport.m_reply);

        InvitationFilter filter;
        auto rows = InvitationService(*t.as(QStringLiteral("agent"))).list(filter, QStringLiteral("100200"));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().mailError, masked);

        auto story = PatientService(*t.as(QStringLiteral("agent"))).show(QStringLiteral("100200"));
        QVERIFY(story.ok());
        bool seen = false;
        for (const AuditEvent& ev : std::as_const(story->timeline)) {
            if (ev.action != QLatin1String("mail.failed"))
                continue;
            seen = true;
            QVERIFY2(!ev.details.contains(QLatin1String("secrets")), qPrintable(ev.details));
            QVERIFY2(!ev.details.contains(QLatin1String("mom@")), qPrintable(ev.details));
        }
        QVERIFY(seen);
    }

    // A relay so slow (ten minutes a message, within its timeouts) that a batch outlasts the half hour after
    // which a claim counts as abandoned: each claim is renewed as its message goes, so another sender takes
    // over only what the first has not reached, and the first leaves that alone. Each message goes once.
    void aMessageAnotherSenderTookOverIsNotSentTwice() {
        TestDb t;
        queueNotices(t, 4);
        QStringList sent;
        FixedClock firstClock(t.clock.nowUtc());
        class SlowRelay final : public MailTransport {
        public:
            FixedClock* m_clock = nullptr;
            QStringList* m_sent = nullptr;
            std::function<void()> m_duringThird;
            Status send(const OutgoingMail& mail) override {
                m_sent->append(mail.messageId);
                if (m_clock)
                    m_clock->advanceSecs(10 * 60);
                if (m_sent->size() == 3 && m_duringThird)
                    std::exchange(m_duringThird, {})();
                return {};
            }
        };
        SlowRelay slow;
        slow.m_clock = &firstClock;
        slow.m_sent = &sent;
        SlowRelay other;
        other.m_sent = &sent;
        int otherSent = 0;
        slow.m_duringThird = [&] {
            // 09:31 at another workstation: the fourth message's claim, made at 09:00, looks abandoned.
            FixedClock later(firstClock.nowUtc().addSecs(60));
            ServiceContext ctx(*t.db, later, t.as(QStringLiteral("mailer"))->staff(),
                               QStringLiteral("other-workstation"));
            auto r = MailDispatcher(ctx).dispatch(other);
            QVERIFY(r.ok());
            otherSent = r->sent;
        };
        ServiceContext first(*t.db, firstClock, t.as(QStringLiteral("mailer"))->staff(),
                             QStringLiteral("ws"));
        auto r = MailDispatcher(first).dispatch(slow);
        QVERIFY(r.ok());
        QCOMPARE(r->sent, 3);
        QCOMPARE(otherSent, 1);
        QCOMPARE(sent.size(), 4);
        QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), 4);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent'")), 4);
    }

    // The file transport's folder is beside the embedded file, and never made from a server's address.
    void theDropFolderIsNeverAServersAddress() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        const QString folder = mailDropFolder(*ctx, ctx->policy().value());
        if (onPostgres())
            QVERIFY2(folder.isEmpty(), qPrintable(folder)); // the central database needs mail.drop_folder
        else
            QCOMPARE(folder, QFileInfo(t.location).absoluteDir().filePath(QStringLiteral("mail")));
    }

    // Everything due goes out in one run, however much there is, and no faster than the relay allows.
    void everythingDueGoesOutAtTheRateTheRelayAllows() {
        TestDb t;
        queueNotices(t, 620);
        TimingTransport unlimited;
        auto all = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(unlimited);
        QVERIFY(all.ok());
        QCOMPARE(all->sent, 620);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent'")), 620);

        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setSetting(QStringLiteral("mail.max_per_minute"), QStringLiteral("1200"))
                    .ok());
        queueNotices(t, 6);
        TimingTransport paced;
        auto some = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(paced);
        QVERIFY(some.ok());
        QCOMPARE(some->sent, 6);
        // 1,200 a minute: each message starts at least 50 ms after the one before.
        for (qsizetype i = 1; i < paced.m_at.size(); ++i)
            QVERIFY2(paced.m_at.at(i) - paced.m_at.at(i - 1) >= 49'000'000,
                     qPrintable(QString::number(paced.m_at.at(i) - paced.m_at.at(i - 1))));
        for (const QString& bad : {QStringLiteral("-1"), QStringLiteral("fast"), QStringLiteral("100001")})
            QCOMPARE(AdminService(*t.as(QStringLiteral("supervisor")))
                         .setSetting(QStringLiteral("mail.max_per_minute"), bad)
                         .error()
                         .kind,
                     ErrorKind::Validation);
    }

    void mailIsInTheFamilysLanguageOrEnglish_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expiry");
        QTest::newRow("Spanish") << "es" << QStringLiteral("24 de diciembre de 2026");
        QTest::newRow("English") << "en" << QStringLiteral("December 24, 2026");
        QTest::newRow("Korean has no templates yet: English throughout")
            << "ko" << QStringLiteral("December 24, 2026");
    }

    void mailIsInTheFamilysLanguageOrEnglish() {
        QFETCH(QString, language);
        QFETCH(QString, expiry);
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        EnrollRequest r =
            parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org"));
        r.language = language;
        const auto e = enrollOk(t, r);
        auto sent = InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username);
        QVERIFY(sent.ok());
        auto message = OutboxRepository(*t.db).byId(sent->outboxId).value().value();
        TimingTransport transport;
        QVERIFY(MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport).ok());
        const QString body = QString::fromUtf8(MimeMessage::decodeQuotedPrintable(transport.m_raw));
        QVERIFY2(body.contains(expiry), qPrintable(body.left(2000)));
        QCOMPARE(message.language, language == QLatin1String("ko") ? QStringLiteral("en") : language);
    }

    void unavailableTransportIsRetriedLaterNotLost() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        QVERIFY(InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(e.user.username).ok());
        // The folder's path is taken by a file: the transport can't write.
        const QString folder = t.dir.filePath(QStringLiteral("blocked"));
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        FileDropTransport transport(folder);
        auto first = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport);
        QCOMPARE(first->retrying, 1);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM outbox WHERE status = 'pending' AND last_error IS NOT NULL")),
                 1);
        // Not due yet: nothing is tried again at once.
        QCOMPARE(MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport)->retrying, 0);
        QVERIFY(QFile::remove(folder));
        t.clock.advanceSecs(120);
        auto later = MailDispatcher(*t.as(QStringLiteral("mailer"))).dispatch(transport);
        QCOMPARE(later->sent, 1);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.eml")}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMailDispatch)
#include "TestMailDispatch.moc"
