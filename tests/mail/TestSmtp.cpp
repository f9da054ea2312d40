// Mail over SMTP against a real server: TLS both ways, AUTH, certificate checks, and a dispatcher that
// retries what a server could not take, marks what it refused, never loses a message and never sends one
// twice, and delivers messages a strict parser reads cleanly with a link that activates.
#include "mail/SmtpFixture.h"
#include "services/ServiceFixture.h"

#include "mail/MimeMessage.h"
#include "mail/SmtpTransport.h"
#include "services/AdminService.h"
#include "services/DailyJob.h"
#include "store/InvitationRepository.h"
#include "store/OutboxRepository.h"
#include "store/SettingsRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSslCertificate>

#include <thread>

using namespace pd;
using namespace pd::test;

namespace {

OutgoingMail sample(const QString& body = QStringLiteral("Hello.\r\n.leading dot\r\n..two dots\r\n")) {
    MailContent content{QStringLiteral("Invitación al portal"), body, QStringLiteral("<p>Hello.</p>")};
    const QString id = MimeMessage::newMessageId(QStringLiteral("portal@example.org"));
    return {id, QStringLiteral("portal@example.org"), QStringLiteral("ana@example.org"),
            MimeMessage::build({QStringLiteral("Portal"), QStringLiteral("portal@example.org")},
                               {QString(), QStringLiteral("ana@example.org")}, content,
                               QDateTime(QDate(2026, 11, 24), QTime(17, 0), Qt::UTC), id)};
}

SmtpSettings to(const SmtpServer& server, SmtpSettings::Tls tls,
                const QString& host = QStringLiteral("127.0.0.1")) {
    SmtpSettings s;
    s.host = host;
    s.port = server.port;
    s.tls = tls;
    s.timeoutMs = 5000;
    return s;
}

QString certSha256(const QString& pem) {
    const auto certs = QSslCertificate::fromPath(pem);
    return certs.isEmpty() ? QString()
                           : QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex());
}

// Points the hospital's mail settings at `server` (plain SMTP on loopback).
void useSmtp(TestDb& t, const SmtpServer& server) {
    auto ctx = t.as(QStringLiteral("supervisor"));
    AdminService admin(*ctx);
    for (const auto& [k, v] : {std::pair{"mail.transport", QStringLiteral("smtp")},
                               std::pair{"mail.smtp_host", QStringLiteral("127.0.0.1")},
                               std::pair{"mail.smtp_port", QString::number(server.port)},
                               std::pair{"mail.smtp_tls", QStringLiteral("none")},
                               std::pair{"mail.smtp_timeout_seconds", QStringLiteral("5")}}) {
        if (auto s = admin.setSetting(QLatin1String(k), v); !s)
            qFatal("setting %s: %s", k, qPrintable(s.error().message));
    }
}

Result<DispatchReport> dispatch(TestDb& t) {
    auto ctx = t.as(QStringLiteral("mailer"));
    auto policy = ctx->policy();
    auto transport = makeTransport(policy.value(), *t.db);
    if (!transport)
        return transport.error();
    return MailDispatcher(*ctx).dispatch(**transport);
}

// A family enrolled and its invitation sent now: one message waiting in the outbox.
void queueInvitation(TestDb& t, const QString& mrn, const QString& email) {
    addPatient(t, mrn, QDate(2017, 5, 14));
    enrollOk(t, parentForm(mrn, QDate(2026, 11, 24), email));
    auto ctx = t.as(QStringLiteral("specialist"));
    const QString user = email.section(QLatin1Char('@'), 0, 0);
    if (auto sent = InvitationService(*ctx).sendNow(user); !sent)
        qFatal("send: %s", qPrintable(sent.error().message));
}

} // namespace

class TestSmtp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void dotStuffing_data();
    void dotStuffing();
    void replies_data();
    void replies();
    void plainDelivery();
    void startTlsWithTheTestCa();
    void implicitTls();
    void authPlainOverTls();
    void theLogHasStepsAndCodesButNoAddressBodyOrPassword();
    void wrongPasswordIsRetriedNotLost();
    void certificateForAnotherNameIsRefused();
    void untrustedCertificateOnlyWhenPinned();
    void startTlsRequiredButNotOffered();
    void addressInAnotherScriptUsesSmtpUtf8();
    void slowServerTimesOut();
    void slowEndOfDataGetsTheLongerWait();
    void refusalBeforeTheRecipientIsRetried_data();
    void refusalBeforeTheRecipientIsRetried();
    void refusedSenderKeepsTheMessageWaiting();
    void startTlsInjectionIsRefused();
    void noPasswordInClearExceptToThisMachine();
    void aLineBreakInAnEnvelopeAddressIsRefused_data();
    void aLineBreakInAnEnvelopeAddressIsRefused();
    void lineLengthIsCheckedBeforeSending_data();
    void lineLengthIsCheckedBeforeSending();
    void serverDownIsRetriedThenSent();
    void busyServerIsRetried();
    void refusalMarksTheInvitationDeliveryFailed();
    void droppedMidDataIsSentAgainOnce();
    void deliveredInvitationReadsCleanlyAndActivates();
    void twoDispatchersDeliverEachMessageOnce();
    void testMessageForSupervisorsOnly();
    void passwordFileReadableByOthersIsRefused();

private:
    // Starts `server` on STARTTLS with the test CA's certificate, taking only the sign-in `account`
    // ("user:password"); `s` becomes settings for it that trust that CA and sign in as `user`:`password`.
    bool startWithSignIn(SmtpServer& server, const QString& account, const QString& user,
                         const QString& password, SmtpSettings& s) {
        if (!server.start({QStringLiteral("--tls"), QStringLiteral("starttls"), QStringLiteral("--cert"),
                           m_certs.path("server.pem"), QStringLiteral("--key"), m_certs.path("server.key"),
                           QStringLiteral("--auth"), account}))
            return false;
        s = to(server, SmtpSettings::Tls::StartTls);
        s.caFile = m_certs.path("ca.pem");
        s.user = user;
        s.password = password;
        return true;
    }

    TestCertificates m_certs;
};

void TestSmtp::initTestCase() {
    QVERIFY2(m_certs.ok, "openssl could not make the test certificates");
}

void TestSmtp::dotStuffing_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("plain lines") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("leading dot doubled") << QByteArray(".x\r\n") << QByteArray("..x\r\n.\r\n");
    QTest::newRow("a lone dot line") << QByteArray("a\r\n.\r\nb") << QByteArray("a\r\n..\r\nb\r\n.\r\n");
    QTest::newRow("bare LF becomes CRLF") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n.\r\n");
}

void TestSmtp::dotStuffing() {
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, wire);
    QCOMPARE(dotStuff(raw), wire);
}

void TestSmtp::replies_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("used"); // 0: the reply is not complete yet; -1: unreadable
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("lines");
    const auto row = [](const char* name, const char* bytes, qsizetype used, int code, QStringList lines) {
        QTest::newRow(name) << QByteArray(bytes) << used << code << lines;
    };
    row("one line", "220 relay ready\r\n", 17, 220, {QStringLiteral("relay ready")});
    row("multi-line", "250-relay.example.org\r\n250-PIPELINING\r\n250 STARTTLS\r\n", 53, 250,
        {QStringLiteral("relay.example.org"), QStringLiteral("PIPELINING"), QStringLiteral("STARTTLS")});
    row("the code alone", "250\r\n", 5, 250, {QString()});
    row("LF alone ends a line", "354 go ahead\n", 13, 354, {QStringLiteral("go ahead")});
    row("the next reply stays", "250 ok\r\n221 bye\r\n", 8, 250, {QStringLiteral("ok")});
    row("the last line's code counts", "250-a\r\n251 b\r\n", 14, 251,
        {QStringLiteral("a"), QStringLiteral("b")});
    row("UTF-8 text", "550 bo\xC3\xAEte inconnue\r\n", 21, 550, {QStringLiteral("bo\u00eete inconnue")});
    row("line not ended", "220 rel", 0, 0, {});
    row("last line not ended", "250-a\r\n250 b", 0, 250, {QStringLiteral("a")});
    row("too short", "25\r\n", -1, 0, {});
    row("no number", "abc def\r\n", -1, 0, {});
    row("unreadable second line", "250-a\r\nhello\r\n", -1, 250, {QStringLiteral("a")});
}

void TestSmtp::replies() {
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, used);
    QFETCH(int, code);
    QFETCH(QStringList, lines);
    SmtpReply reply;
    QCOMPARE(parseSmtpReply(bytes, &reply), used);
    QCOMPARE(reply.code, code);
    QCOMPARE(reply.lines, lines);
}

void TestSmtp::plainDelivery() {
    SmtpServer server;
    QVERIFY(server.start({}));
    SmtpTransport smtp(to(server, SmtpSettings::Tls::None));
    const OutgoingMail mail = sample();
    const Status sent = smtp.send(mail);
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
    QFile f(server.file(server.delivered().first()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray got = f.readAll();
    // The server un-stuffs the dots: what arrives is what was built.
    QCOMPARE(got.trimmed(), mail.raw.trimmed());
    QFile envelope(server.file(server.delivered().first() + QStringLiteral(".envelope")));
    QVERIFY(envelope.open(QIODevice::ReadOnly));
    QVERIFY(envelope.readAll().startsWith("portal@example.org\nana@example.org\n"));
}

void TestSmtp::startTlsWithTheTestCa() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--tls"), QStringLiteral("starttls"), QStringLiteral("--cert"),
                          m_certs.path("server.pem"), QStringLiteral("--key"), m_certs.path("server.key")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::StartTls, QStringLiteral("localhost"));
    s.caFile = m_certs.path("ca.pem");
    SmtpTransport smtp(s);
    const Status sent = smtp.send(sample());
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
}

void TestSmtp::implicitTls() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--tls"), QStringLiteral("implicit"), QStringLiteral("--cert"),
                          m_certs.path("server.pem"), QStringLiteral("--key"), m_certs.path("server.key")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::Implicit);
    s.caFile = m_certs.path("ca.pem");
    SmtpTransport smtp(s);
    const Status sent = smtp.send(sample());
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
}

void TestSmtp::authPlainOverTls() {
    SmtpServer server;
    SmtpSettings s;
    QVERIFY(startWithSignIn(server, QStringLiteral("portal:s3cret-Ünï"), QStringLiteral("portal"),
                            QStringLiteral("s3cret-Ünï"), s));
    SmtpTransport smtp(s);
    const Status sent = smtp.send(sample());
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
}

namespace {
QStringList g_logged;
} // namespace

// QT_LOGGING_RULES=portaldesk.smtp.debug=true shows the conversation: where, which step, which code.
void TestSmtp::theLogHasStepsAndCodesButNoAddressBodyOrPassword() {
    SmtpServer server;
    SmtpSettings s;
    QVERIFY(startWithSignIn(server, QStringLiteral("portal:s3cret-Ünï"), QStringLiteral("portal"),
                            QStringLiteral("s3cret-Ünï"), s));
    g_logged.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("portaldesk.smtp.debug=true"));
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext& context, const QString& message) {
            if (qstrcmp(context.category, "portaldesk.smtp") == 0)
                g_logged.append(message);
        });
    const Status sent =
        SmtpTransport(s).send(sample(QStringLiteral("Your PIN-protected link: token=abc123XYZ\r\n")));
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    const QString log = g_logged.join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QStringLiteral("connecting to 127.0.0.1 port")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("EHLO: 250")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("RCPT TO: 250")), qPrintable(log));
    for (const QString& secret :
         {QStringLiteral("ana@example.org"), QStringLiteral("s3cret"), QStringLiteral("abc123XYZ"),
          QStringLiteral("Invitaci"), QStringLiteral("Hello")})
        QVERIFY2(!log.contains(secret), qPrintable(secret + QStringLiteral(" in: ") + log));
}

void TestSmtp::wrongPasswordIsRetriedNotLost() {
    SmtpServer server;
    SmtpSettings s;
    QVERIFY(startWithSignIn(server, QStringLiteral("portal:right"), QStringLiteral("portal"),
                            QStringLiteral("wrong"), s));
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable); // settings can be fixed; the message waits
    QVERIFY2(sent.error().message.contains(QStringLiteral("signing in as portal")),
             qPrintable(sent.error().message));
    QVERIFY(!sent.error().message.contains(QStringLiteral("wrong")));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::certificateForAnotherNameIsRefused() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--tls"), QStringLiteral("starttls"), QStringLiteral("--cert"),
                          m_certs.path("wrong.pem"), QStringLiteral("--key"), m_certs.path("wrong.key")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::StartTls, QStringLiteral("localhost"));
    s.caFile = m_certs.path("ca.pem");
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable);
    QVERIFY2(sent.error().message.contains(QStringLiteral("certificate")), qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::untrustedCertificateOnlyWhenPinned() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--tls"), QStringLiteral("implicit"), QStringLiteral("--cert"),
                          m_certs.path("wrong.pem"), QStringLiteral("--key"), m_certs.path("wrong.key")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::Implicit);
    QVERIFY(!SmtpTransport(s).send(sample()).ok()); // no CA file, wrong name: refused
    s.pinnedSha256 = certSha256(m_certs.path("server.pem"));
    QVERIFY(!SmtpTransport(s).send(sample()).ok()); // pinned to another certificate: still refused
    s.pinnedSha256 = certSha256(m_certs.path("wrong.pem"));
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
}

void TestSmtp::startTlsRequiredButNotOffered() {
    SmtpServer server;
    QVERIFY(server.start({}));
    const Status sent = SmtpTransport(to(server, SmtpSettings::Tls::StartTls)).send(sample());
    QVERIFY(!sent.ok());
    QVERIFY(sent.error().message.contains(QStringLiteral("STARTTLS")));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::addressInAnotherScriptUsesSmtpUtf8() {
    SmtpServer server;
    QVERIFY(server.start({}));
    OutgoingMail mail = sample();
    mail.to = QStringLiteral("josé.núñez@ejemplo.org");
    const Status sent = SmtpTransport(to(server, SmtpSettings::Tls::None)).send(mail);
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QFile envelope(server.file(server.delivered().value(0) + QStringLiteral(".envelope")));
    QVERIFY(envelope.open(QIODevice::ReadOnly));
    const QString lines = QString::fromUtf8(envelope.readAll());
    QVERIFY2(lines.contains(QStringLiteral("josé.núñez@ejemplo.org")) &&
                 lines.contains(QStringLiteral("SMTPUTF8")),
             qPrintable(lines));
}

void TestSmtp::slowServerTimesOut() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--delay"), QStringLiteral("3")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::None);
    s.timeoutMs = 500;
    s.dataTimeoutMs = 500; // the wait at the end of the data is the one that runs out
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable); // tried again later, never dropped
    QVERIFY2(sent.error().message.contains(QStringLiteral("did not confirm")),
             qPrintable(sent.error().message));
}

void TestSmtp::slowEndOfDataGetsTheLongerWait() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--delay"), QStringLiteral("2")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::None);
    s.timeoutMs = 500;      // every other step answers at once
    s.dataTimeoutMs = 8000; // the server checks the message before it answers
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
}

void TestSmtp::refusalBeforeTheRecipientIsRetried_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("reply");
    QTest::newRow("greeting") << QStringList{QStringLiteral("--greeting-reply"),
                                             QStringLiteral("554 5.3.2 No service here")}
                              << QString() << QStringLiteral("554 5.3.2");
    QTest::newRow("MAIL FROM") << QStringList{QStringLiteral("--mail-reply"),
                                              QStringLiteral("553 5.7.1 Sender address rejected")}
                               << QString() << QStringLiteral("553 5.7.1");
    QTest::newRow("AUTH PLAIN") << QStringList{QStringLiteral("--auth"), QStringLiteral("portal:right"),
                                               QStringLiteral("--auth-reply"),
                                               QStringLiteral("535 5.7.8 Not today")}
                                << QStringLiteral("portal") << QStringLiteral("535 5.7.8");
    QTest::newRow("AUTH LOGIN") << QStringList{QStringLiteral("--auth"),
                                               QStringLiteral("portal:right"),
                                               QStringLiteral("--auth-mechanisms"),
                                               QStringLiteral("LOGIN"),
                                               QStringLiteral("--auth-reply"),
                                               QStringLiteral("534 5.7.9 Mechanism too weak")}
                                << QStringLiteral("portal") << QStringLiteral("534 5.7.9");
}

void TestSmtp::refusalBeforeTheRecipientIsRetried() {
    // A 5xx before the recipient is named is about the server or the settings, never this message.
    QFETCH(QStringList, args);
    QFETCH(QString, user);
    QFETCH(QString, reply);
    SmtpServer server;
    QVERIFY(server.start(args));
    SmtpSettings s = to(server, SmtpSettings::Tls::None);
    s.user = user;
    s.password = QStringLiteral("right");
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable);
    QCOMPARE(sent.error().rule, QStringLiteral("mail.unavailable"));
    QVERIFY2(sent.error().message.contains(reply), qPrintable(sent.error().message));
    if (!user.isEmpty())
        QVERIFY2(sent.error().message.contains(QStringLiteral("signing in as portal")),
                 qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::refusedSenderKeepsTheMessageWaiting() {
    TestDb t;
    SmtpServer server;
    QVERIFY(
        server.start({QStringLiteral("--mail-reply"), QStringLiteral("553 5.7.1 Sender address rejected")}));
    useSmtp(t, server);
    queueInvitation(t, QStringLiteral("5000006"), QStringLiteral("ana@example.org"));
    auto r = dispatch(t);
    QVERIFY(r.ok());
    QCOMPARE(r->failed, 0);
    QCOMPARE(r->retrying, 1);
    // Still waiting, with its template's values and no link at rest; the invitation's token died.
    QCOMPARE(
        t.count(QStringLiteral(
            "SELECT count(*) FROM outbox WHERE status = 'pending' AND raw IS NULL AND vars IS NOT NULL")),
        1);
    QCOMPARE(t.count(QStringLiteral(
                 "SELECT count(*) FROM invitations WHERE status = 'queued' AND token_hash IS NULL")),
             1);
    QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'delivery_failed'")), 0);
}

// A password over an unencrypted connection could be read on the way: only to this machine.
void TestSmtp::noPasswordInClearExceptToThisMachine() {
    QString other;
    for (const QHostAddress& a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            other = a.toString();
    }
    if (other.isEmpty())
        QSKIP("this machine has no address but loopback");
    SmtpServer server;
    QVERIFY(server.start(
        {QStringLiteral("--host"), other, QStringLiteral("--auth"), QStringLiteral("portal:right")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::None);
    s.host = other;
    s.user = QStringLiteral("portal");
    s.password = QStringLiteral("right");
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable); // a matter for the settings: the message waits
    QVERIFY2(sent.error().message.contains(QStringLiteral("not encrypted")),
             qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::aLineBreakInAnEnvelopeAddressIsRefused_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("a second recipient smuggled in") << "portal@example.org"
                                                    << "ana@example.org\r\nRCPT TO:<eve@example.org>";
    QTest::newRow("a bare line feed") << "portal@example.org"
                                      << "ana@example.org\nDATA";
    QTest::newRow("in the sender") << "portal@example.org\r\nRSET"
                                   << "ana@example.org";
    QTest::newRow("angle brackets") << "portal@example.org"
                                    << "ana@example.org> NOTIFY=NEVER <x";
}

void TestSmtp::aLineBreakInAnEnvelopeAddressIsRefused() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    const QString envelopeFrom = from;
    const QString envelopeTo = to;
    SmtpServer server;
    QVERIFY(server.start({}));
    OutgoingMail mail = sample();
    mail.from = envelopeFrom;
    mail.to = envelopeTo;
    const Status sent = SmtpTransport(::to(server, SmtpSettings::Tls::None)).send(mail);
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().rule, QStringLiteral("mail.rejected"));
    QVERIFY(!QFile::exists(server.file(QStringLiteral("mail-from.log"))));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::startTlsInjectionIsRefused() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--tls"), QStringLiteral("starttls"), QStringLiteral("--cert"),
                          m_certs.path("server.pem"), QStringLiteral("--key"), m_certs.path("server.key"),
                          QStringLiteral("--starttls-inject")}));
    SmtpSettings s = to(server, SmtpSettings::Tls::StartTls, QStringLiteral("localhost"));
    s.caFile = m_certs.path("ca.pem");
    const Status sent = SmtpTransport(s).send(sample());
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable);
    QVERIFY2(sent.error().message.contains(QStringLiteral("STARTTLS injection")),
             qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::lineLengthIsCheckedBeforeSending_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("fits");
    QTest::newRow("998 characters") << QByteArray(998, 'a') << true;
    QTest::newRow("999 characters") << QByteArray(999, 'a') << false;
    // The doubled dot is on the wire too.
    QTest::newRow("998 with a leading dot") << (QByteArray(".") + QByteArray(997, 'a')) << false;
}

void TestSmtp::lineLengthIsCheckedBeforeSending() {
    QFETCH(QByteArray, line);
    QFETCH(bool, fits);
    SmtpServer server;
    QVERIFY(server.start({}));
    OutgoingMail mail = sample();
    mail.raw =
        "From: portal@example.org\r\nTo: ana@example.org\r\nSubject: Long\r\n\r\n" + line + "\r\nEnd.\r\n";
    const Status sent = SmtpTransport(to(server, SmtpSettings::Tls::None)).send(mail);
    if (fits) {
        QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
        QCOMPARE(server.delivered().size(), 1);
        return;
    }
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Validation);
    QCOMPARE(sent.error().rule, QStringLiteral("mail.rejected"));
    // Refused before any of it went out: the server never saw a MAIL FROM.
    QVERIFY(!QFile::exists(server.file(QStringLiteral("mail-from.log"))));
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::serverDownIsRetriedThenSent() {
    TestDb t;
    SmtpServer server;
    server.port = freePort(); // nothing listens there yet
    useSmtp(t, server);
    queueInvitation(t, QStringLiteral("5000001"), QStringLiteral("ana@example.org"));
    auto first = dispatch(t);
    QVERIFY(first.ok());
    QCOMPARE(first->sent, 0);
    QCOMPARE(first->retrying, 1);
    // Still waiting, with its template's values and no link at rest; the invitation's token died.
    QCOMPARE(
        t.count(QStringLiteral(
            "SELECT count(*) FROM outbox WHERE status = 'pending' AND raw IS NULL AND vars IS NOT NULL")),
        1);
    QCOMPARE(t.count(QStringLiteral(
                 "SELECT count(*) FROM invitations WHERE status = 'queued' AND token_hash IS NULL")),
             1);
    // Not due again yet.
    auto early = dispatch(t);
    QVERIFY(early.ok());
    QCOMPARE(early->sent + early->retrying, 0);
    QVERIFY(server.start({}, server.port));
    t.clock.advanceSecs(120);
    auto later = dispatch(t);
    QVERIFY(later.ok());
    QCOMPARE(later->sent, 1);
    QCOMPARE(server.delivered().size(), 1);
    // Once sent, the stored copy with its activation link is gone.
    QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent' AND raw IS NULL")), 1);
}

void TestSmtp::busyServerIsRetried() {
    TestDb t;
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--rcpt-reply"), QStringLiteral("451 4.3.0 Mailbox busy, try later"),
                          QStringLiteral("--rcpt-fail-times"), QStringLiteral("1")}));
    useSmtp(t, server);
    queueInvitation(t, QStringLiteral("5000002"), QStringLiteral("ana@example.org"));
    auto first = dispatch(t);
    QVERIFY(first.ok());
    QCOMPARE(first->retrying, 1);
    QVERIFY(first->errors.value(0).contains(QStringLiteral("451")));
    t.clock.advanceSecs(120);
    auto later = dispatch(t);
    QCOMPARE(later->sent, 1);
    QCOMPARE(server.delivered().size(), 1);
}

void TestSmtp::refusalMarksTheInvitationDeliveryFailed() {
    TestDb t;
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--rcpt-reply"), QStringLiteral("550 5.1.1 No such mailbox")}));
    useSmtp(t, server);
    queueInvitation(t, QStringLiteral("5000003"), QStringLiteral("ana@example.org"));
    auto r = dispatch(t);
    QVERIFY(r.ok());
    QCOMPARE(r->failed, 1);
    QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'failed' AND last_error LIKE "
                                    "'%550 5.1.1 No such mailbox%'")),
             1);
    QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM invitations WHERE status = 'delivery_failed'")), 1);
    QCOMPARE(server.delivered().size(), 0);
}

void TestSmtp::droppedMidDataIsSentAgainOnce() {
    TestDb t;
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--drop-data-once")}));
    useSmtp(t, server);
    queueInvitation(t, QStringLiteral("5000004"), QStringLiteral("ana@example.org"));
    auto first = dispatch(t);
    QCOMPARE(first->retrying, 1);
    QVERIFY2(first->errors.value(0).contains(QStringLiteral("sent again")),
             qPrintable(first->errors.value(0)));
    t.clock.advanceSecs(120);
    auto later = dispatch(t);
    QCOMPARE(later->sent, 1);
    t.clock.advanceSecs(3600);
    auto after = dispatch(t);
    QCOMPARE(after->sent, 0);
    QCOMPARE(server.delivered().size(), 1);
}

void TestSmtp::deliveredInvitationReadsCleanlyAndActivates() {
    TestDb t;
    SmtpServer server;
    QVERIFY(server.start({}));
    useSmtp(t, server);
    queueInvitation(t, QStringLiteral("5000005"), QStringLiteral("maria@example.org")); // Spanish family
    QCOMPARE(dispatch(t)->sent, 1);
    QCOMPARE(server.delivered().size(), 1);
    const QJsonObject m = SmtpServer::parse(server.file(server.delivered().first()));
    QVERIFY2(m.value(QStringLiteral("defects")).toArray().isEmpty(),
             qPrintable(QString::fromUtf8(QJsonDocument(m).toJson())));
    QCOMPARE(m.value(QStringLiteral("type")).toString(), QStringLiteral("multipart/alternative"));
    const QJsonArray parts = m.value(QStringLiteral("parts")).toArray();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text/plain"));
    QCOMPARE(parts.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text/html"));
    QVERIFY(m.value(QStringLiteral("raw_subject")).toString().contains(QStringLiteral("=?UTF-8?")));
    QVERIFY(m.value(QStringLiteral("subject")).toString().contains(QStringLiteral("ó"))); // Spanish, decoded
    QVERIFY(m.value(QStringLiteral("longest_line")).toInt() <= 78);
    const QString text = parts.at(0).toObject().value(QStringLiteral("body")).toString();
    QVERIFY(!text.contains(QStringLiteral("5000005"))); // no MRN
    QVERIFY(!text.contains(QStringLiteral("2017")));    // no birth date
    const QString token =
        QRegularExpression(QStringLiteral("token=([A-Za-z0-9_-]{43})")).match(text).captured(1);
    QCOMPARE(token.size(), 43);
    auto portal = t.as(QStringLiteral("portal"));
    auto activated = InvitationService(*portal).activate(token, QStringLiteral("482913"));
    QVERIFY2(activated.ok(), activated ? "" : qPrintable(activated.error().message));
    QCOMPARE(activated->user.status, QStringLiteral("active"));
}

void TestSmtp::twoDispatchersDeliverEachMessageOnce() {
    TestDb t;
    SmtpServer server;
    QVERIFY(server.start({}));
    useSmtp(t, server);
    for (int i = 0; i < 12; ++i)
        queueInvitation(t, QStringLiteral("51000%1").arg(i, 2, 10, QLatin1Char('0')),
                        QStringLiteral("family%1@example.org").arg(i));
    const QString path = t.path();
    const QDateTime now = t.clock.nowUtc();
    std::atomic<int> sent{0};
    const auto worker = [&](const QString& workstation) {
        auto db = Database::open(path);
        if (!db)
            return;
        FixedClock clock(now);
        auto staff = signIn(*db.value(), QStringLiteral("mailer"));
        ServiceContext ctx(*db.value(), clock, staff.value(), workstation);
        auto transport = makeTransport(ctx.policy().value(), *db.value());
        // Small batches, so the two take turns claiming.
        for (int round = 0; round < 12; ++round) {
            auto r = MailDispatcher(ctx).dispatch(**transport, 2);
            if (r)
                sent += r->sent;
        }
    };
    std::thread a(worker, QStringLiteral("ws-a"));
    std::thread b(worker, QStringLiteral("ws-b"));
    a.join();
    b.join();
    QCOMPARE(sent.load(), 12);
    QCOMPARE(server.delivered().size(), 12);
    QSet<QString> ids;
    for (const QString& f : server.delivered())
        ids.insert(SmtpServer::parse(server.file(f)).value(QStringLiteral("message_id")).toString());
    QCOMPARE(ids.size(), 12);
}

void TestSmtp::testMessageForSupervisorsOnly() {
    TestDb t;
    SmtpServer server;
    QVERIFY(server.start({}));
    useSmtp(t, server);
    auto specialist = t.as(QStringLiteral("specialist"));
    auto refused = AdminService(*specialist).sendTestMessage(QStringLiteral("him@example.org"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::NotPermitted);
    auto supervisor = t.as(QStringLiteral("supervisor"));
    auto sent = AdminService(*supervisor).sendTestMessage(QStringLiteral("him@example.org"));
    QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error().message));
    QCOMPARE(server.delivered().size(), 1);
    QVERIFY(SmtpServer::parse(server.file(server.delivered().first()))
                .value(QStringLiteral("defects"))
                .toArray()
                .isEmpty());
}

void TestSmtp::passwordFileReadableByOthersIsRefused() {
#ifndef Q_OS_UNIX
    QSKIP("file modes are a Unix check");
#else
    TestDb t;
    SmtpServer server;
    server.port = freePort();
    useSmtp(t, server);
    QTemporaryDir dir;
    const QString secret = dir.filePath(QStringLiteral("smtp-password"));
    QFile f(secret);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("s3cret\n");
    f.close();
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    auto supervisor = t.as(QStringLiteral("supervisor"));
    QVERIFY(AdminService(*supervisor)
                .setSetting(QStringLiteral("mail.smtp_user"), QStringLiteral("portal"))
                .ok());
    QVERIFY(AdminService(*supervisor).setSetting(QStringLiteral("mail.smtp_password_file"), secret).ok());
    auto policy = supervisor->policy();
    auto transport = makeTransport(policy.value(), *t.db);
    QVERIFY(!transport.ok());
    QVERIFY(transport.error().message.contains(QStringLiteral("chmod 600")));
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(makeTransport(policy.value(), *t.db).ok());
    // The password itself is nowhere in the database.
    QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM settings WHERE value LIKE '%s3cret%'")), 0);
#endif
}

QTEST_GUILESS_MAIN(TestSmtp)
#include "TestSmtp.moc"
