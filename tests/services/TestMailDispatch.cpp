// The outbox: mail is written with the change, delivered once, retried when the transport is down,
// and what was sent no longer carries its activation link.
#include "services/ServiceFixture.h"

#include "mail/MailTransport.h"
#include "services/DailyJob.h"
#include "store/OutboxRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

using namespace pd;
using namespace pd::test;

namespace {

// Notes when each message reached it.
class TimingTransport final : public MailTransport {
public:
    TimingTransport() { m_clock.start(); }
    Status send(const OutgoingMail&) override {
        m_at.append(m_clock.nsecsElapsed());
        return {};
    }
    QList<qint64> m_at;

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
        QVERIFY(ctx->enqueueMail(policy, mail).ok());
    }
    QVERIFY(t.db->commit());
}

} // namespace

class TestMailDispatch : public QObject {
    Q_OBJECT

private slots:
    void deliversOnceAndForgetsTheLink() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        const QString token = sendAndReadToken(t, e.user.username);
        const QString folder = t.dir.filePath(QStringLiteral("mail"));
        FileDropTransport transport(folder);
        auto r = MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(transport);
        QVERIFY(r.ok());
        QCOMPARE(r->sent, 1);
        const QStringList files = QDir(folder).entryList({QStringLiteral("*.eml")});
        QCOMPARE(files.size(), 1);
        QFile f(QDir(folder).filePath(files.first()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        QVERIFY(MimeMessage::decodeQuotedPrintable(raw).contains(token.toLatin1()));
        QVERIFY(!raw.contains("100200")); // no MRN
        QVERIFY(!raw.contains("2017"));   // no birth date
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent' AND raw IS NULL")),
                 1);
        auto again = MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(transport);
        QCOMPARE(again->sent, 0);
    }

    // Everything due goes out in one run, however much there is, and no faster than the relay allows.
    void everythingDueGoesOutAtTheRateTheRelayAllows() {
        TestDb t;
        queueNotices(t, 620);
        TimingTransport unlimited;
        auto all = MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(unlimited);
        QVERIFY(all.ok());
        QCOMPARE(all->sent, 620);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent'")), 620);

        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setSetting(QStringLiteral("mail.max_per_minute"), QStringLiteral("1200"))
                    .ok());
        queueNotices(t, 6);
        TimingTransport paced;
        auto some = MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(paced);
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
        const QString body = QString::fromUtf8(MimeMessage::decodeQuotedPrintable(message.raw));
        QVERIFY2(body.contains(expiry), qPrintable(body.left(2000)));
        QCOMPARE(message.language, language == QLatin1String("ko") ? QStringLiteral("en") : language);
    }

    void unavailableTransportIsRetriedLaterNotLost() {
        TestDb t;
        addPatient(t, QStringLiteral("100200"), QDate(2017, 3, 2));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100200"), QDate(2026, 11, 24), QStringLiteral("mom@example.org")));
        sendAndReadToken(t, e.user.username);
        // The folder's path is taken by a file: the transport can't write.
        const QString folder = t.dir.filePath(QStringLiteral("blocked"));
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        FileDropTransport transport(folder);
        auto first = MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(transport);
        QCOMPARE(first->retrying, 1);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM outbox WHERE status = 'pending' AND last_error IS NOT NULL")),
                 1);
        // Not due yet: nothing is tried again at once.
        QCOMPARE(MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(transport)->retrying, 0);
        QVERIFY(QFile::remove(folder));
        t.clock.advanceSecs(120);
        auto later = MailDispatcher(*t.as(QStringLiteral("specialist"))).dispatch(transport);
        QCOMPARE(later->sent, 1);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.eml")}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMailDispatch)
#include "TestMailDispatch.moc"
