// Mail templates: every kind in every language renders, placeholders are safe, fallbacks work.
#include "mail/MailTemplates.h"
#include "mail/MimeMessage.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace pd;

namespace {

const QString Link = QStringLiteral("https://portal.example.org/activate?t=Zm9vYmFy&lang=en");

QHash<QString, QString> allVars() {
    return {
        {QStringLiteral("hospital_name"), QStringLiteral("Example Children's Hospital")},
        {QStringLiteral("portal_name"), QStringLiteral("MyKidsChart")},
        {QStringLiteral("recipient_name"), QStringLiteral("Ana Núñez")},
        {QStringLiteral("patient_given_name"), QStringLiteral("Mateo")},
        {QStringLiteral("activation_link"), Link},
        {QStringLiteral("expiry_date"), QStringLiteral("April 30, 2025")},
        {QStringLiteral("him_phone"), QStringLiteral("(555) 010-0199")},
        {QStringLiteral("him_hours"), QStringLiteral("Monday to Friday, 7 a.m. to 4 p.m.")},
        {QStringLiteral("transition_date"), QStringLiteral("May 2, 2025")},
        {QStringLiteral("reason"), QStringLiteral("family request")},
        {QStringLiteral("proxy_name"), QStringLiteral("Jorge Torres")},
        {QStringLiteral("ends_on"), QStringLiteral("June 30, 2028")},
    };
}

QSet<QString> placeholdersIn(const QString& text) {
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([^}]*?)\\s*\\}\\}"));
    QSet<QString> names;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        names.insert(it.next().captured(1));
    return names;
}

QString readResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestMailTemplates : public QObject {
    Q_OBJECT

private slots:
    void languagesDiscovered();
    void everyKindRenders_data();
    void everyKindRenders();
    void templatesUseOnlyKnownPlaceholders();
    void textAndHtmlUseSamePlaceholders_data();
    void textAndHtmlUseSamePlaceholders();
    void missingValueIsAnError();
    void htmlIsOneWholeDocumentAroundTheBody();
    void unknownKindIsAnError();
    void languageFallback_data();
    void languageFallback();
    void htmlValuesAreEscaped();
    void valuesAreNotExpandedAgain();
};

void TestMailTemplates::languagesDiscovered() {
    const QStringList languages = MailTemplates::languages();
    QVERIFY(languages.contains(QStringLiteral("en")));
    QVERIFY(languages.contains(QStringLiteral("es")));
    QCOMPARE(MailTemplates::kinds().size(), 8);
}

void TestMailTemplates::everyKindRenders_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("language");
    for (const QString& language : MailTemplates::languages()) {
        for (const QString& kind : MailTemplates::kinds())
            QTest::addRow("%s/%s", qPrintable(language), qPrintable(kind)) << kind << language;
    }
}

void TestMailTemplates::everyKindRenders() {
    QFETCH(QString, kind);
    QFETCH(QString, language);

    const auto rendered = MailTemplates::render(kind, language, allVars());
    QVERIFY2(rendered.ok(), rendered.ok() ? "" : qPrintable(rendered.error().message));
    const MailContent& mail = rendered.value();

    QVERIFY(!mail.subject.isEmpty());
    QVERIFY(!mail.subject.contains(u'\n'));
    for (const QString* part : {&mail.subject, &mail.text, &mail.html}) {
        QVERIFY2(!part->contains(QStringLiteral("{{")) && !part->contains(QStringLiteral("}}")),
                 qPrintable(*part));
    }
    QVERIFY(mail.text.contains(QStringLiteral("Ana Núñez")));
    QVERIFY(mail.html.contains(QStringLiteral("Ana Núñez")));
    QVERIFY(mail.text.contains(QStringLiteral("(555) 010-0199")));
    QVERIFY(mail.html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(mail.html.contains(QStringLiteral("lang=\"%1\"").arg(language)));

    const bool carriesLink = kind == u"invitation" || kind == u"reissue";
    QCOMPARE(mail.text.contains(Link), carriesLink);
    QCOMPARE(mail.html.contains(Link.toHtmlEscaped()), carriesLink);
    if (carriesLink)
        QVERIFY(mail.text.contains(QStringLiteral("April 30, 2025")));
    if (kind.startsWith(QStringLiteral("transition_")))
        QVERIFY(mail.text.contains(QStringLiteral("May 2, 2025")));
    if (kind == u"consent_reminder") {
        // It names the proxy and the day, and how to renew.
        QVERIFY(mail.subject.contains(QStringLiteral("Jorge Torres")));
        QVERIFY(mail.text.contains(QStringLiteral("June 30, 2028")));
    }

    // The rendered message must still make a valid, short-lined MIME message.
    const QByteArray raw =
        MimeMessage::build({QStringLiteral("MyKidsChart"), QStringLiteral("noreply@hospital.example.org")},
                           {QStringLiteral("Ana Núñez"), QStringLiteral("ana@example.org")}, mail,
                           QDateTime::currentDateTimeUtc(),
                           MimeMessage::newMessageId(QStringLiteral("noreply@hospital.example.org")));
    for (const QByteArray& line : raw.split('\n'))
        QVERIFY(line.size() <= 79); // 78 plus the CR
}

void TestMailTemplates::templatesUseOnlyKnownPlaceholders() {
    const QSet<QString> allowed{QStringLiteral("hospital_name"),   QStringLiteral("portal_name"),
                                QStringLiteral("recipient_name"),  QStringLiteral("patient_given_name"),
                                QStringLiteral("activation_link"), QStringLiteral("expiry_date"),
                                QStringLiteral("him_phone"),       QStringLiteral("him_hours"),
                                QStringLiteral("transition_date"), QStringLiteral("reason"),
                                QStringLiteral("proxy_name"),      QStringLiteral("ends_on")};
    static const QRegularExpression forbidden(QStringLiteral("mrn|birth|dob|diagnos|medical_record"),
                                              QRegularExpression::CaseInsensitiveOption);
    int files = 0;
    QDirIterator it(QStringLiteral(":/mail"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        const QString text = readResource(path);
        QVERIFY2(!text.isEmpty(), qPrintable(path));
        QVERIFY2(!text.contains(QStringLiteral("MRN")), qPrintable(path));
        const bool layout = path.endsWith(QStringLiteral("/layout.html"));
        for (const QString& name : placeholdersIn(text)) {
            if (layout && (name == u"subject" || name == u"content"))
                continue; // the layout wraps the rendered subject and body
            QVERIFY2(allowed.contains(name), qPrintable(path + u": " + name));
            QVERIFY2(!forbidden.match(name).hasMatch(), qPrintable(path + u": " + name));
        }
    }
    QCOMPARE(files, MailTemplates::languages().size() * (MailTemplates::kinds().size() * 2 + 1));
}

void TestMailTemplates::textAndHtmlUseSamePlaceholders_data() {
    everyKindRenders_data();
}

void TestMailTemplates::textAndHtmlUseSamePlaceholders() {
    QFETCH(QString, kind);
    QFETCH(QString, language);
    const QString base = QStringLiteral(":/mail/%1/%2").arg(language, kind);
    const QString text = readResource(base + QStringLiteral(".txt"));
    const QString html = readResource(base + QStringLiteral(".html"));
    QVERIFY(text.startsWith(QStringLiteral("Subject: ")));
    // The HTML part is the kind's body inside the language's layout.
    QSet<QString> htmlNames =
        placeholdersIn(html) +
        placeholdersIn(readResource(QStringLiteral(":/mail/%1/layout.html").arg(language)));
    htmlNames.remove(QStringLiteral("subject"));
    htmlNames.remove(QStringLiteral("content"));
    QCOMPARE(htmlNames, placeholdersIn(text));
    QCOMPARE(placeholdersIn(text).contains(QStringLiteral("activation_link")),
             kind == u"invitation" || kind == u"reissue");
}

void TestMailTemplates::missingValueIsAnError() {
    QHash<QString, QString> vars = allVars();
    vars.remove(QStringLiteral("him_phone"));
    const auto rendered = MailTemplates::render(QStringLiteral("invitation"), QStringLiteral("en"), vars);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().kind, ErrorKind::Internal);
    QCOMPARE(rendered.error().rule, QStringLiteral("mail.template"));
    QVERIFY(rendered.error().message.contains(QStringLiteral("him_phone")));

    // An empty value is a value: staff may have left an optional setting blank.
    vars.insert(QStringLiteral("him_phone"), QString());
    QVERIFY(MailTemplates::render(QStringLiteral("invitation"), QStringLiteral("en"), vars).ok());
}

void TestMailTemplates::unknownKindIsAnError() {
    const auto rendered =
        MailTemplates::render(QStringLiteral("birthday_card"), QStringLiteral("en"), allVars());
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().kind, ErrorKind::Internal);
    QCOMPARE(rendered.error().rule, QStringLiteral("mail.template"));
}

void TestMailTemplates::languageFallback_data() {
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("expected");

    QTest::newRow("english") << QStringLiteral("en") << QStringLiteral("en");
    QTest::newRow("spanish") << QStringLiteral("es") << QStringLiteral("es");
    QTest::newRow("spanish region") << QStringLiteral("es-MX") << QStringLiteral("es");
    QTest::newRow("spanish posix") << QStringLiteral("es_US") << QStringLiteral("es");
    QTest::newRow("upper case") << QStringLiteral("ES") << QStringLiteral("es");
    QTest::newRow("unknown") << QStringLiteral("fr") << QStringLiteral("en");
    QTest::newRow("empty") << QString() << QStringLiteral("en");
    QTest::newRow("path trick") << QStringLiteral("../en") << QStringLiteral("en");
}

void TestMailTemplates::languageFallback() {
    QFETCH(QString, requested);
    QFETCH(QString, expected);
    const auto got = MailTemplates::render(QStringLiteral("reissue"), requested, allVars());
    const auto want = MailTemplates::render(QStringLiteral("reissue"), expected, allVars());
    QVERIFY(got.ok() && want.ok());
    QCOMPARE(got->subject, want->subject);
    QCOMPARE(got->text, want->text);
    QCOMPARE(got->html, want->html);
}

void TestMailTemplates::htmlValuesAreEscaped() {
    QHash<QString, QString> vars = allVars();
    vars.insert(QStringLiteral("recipient_name"), QStringLiteral("<script>alert(\"x\")</script> & Co"));
    const auto rendered = MailTemplates::render(QStringLiteral("deactivation"), QStringLiteral("es"), vars);
    QVERIFY(rendered.ok());
    QVERIFY(!rendered->html.contains(QStringLiteral("<script>")));
    QVERIFY(rendered->html.contains(
        QStringLiteral("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co")));
    QVERIFY(rendered->text.contains(QStringLiteral("<script>alert(\"x\")</script> & Co")));

    const auto invitation =
        MailTemplates::render(QStringLiteral("invitation"), QStringLiteral("en"), allVars());
    QVERIFY(invitation.ok());
    QVERIFY(invitation->html.contains(
        QStringLiteral("href=\"https://portal.example.org/activate?t=Zm9vYmFy&amp;lang=en\"")));
}

void TestMailTemplates::valuesAreNotExpandedAgain() {
    QHash<QString, QString> vars = allVars();
    vars.insert(QStringLiteral("recipient_name"), QStringLiteral("{{reason}} {{unknown}}"));
    const auto rendered = MailTemplates::render(QStringLiteral("email_changed"), QStringLiteral("en"), vars);
    QVERIFY(rendered.ok());
    QVERIFY(rendered->text.contains(QStringLiteral("{{reason}} {{unknown}}")));
}

void TestMailTemplates::htmlIsOneWholeDocumentAroundTheBody() {
    QHash<QString, QString> vars = allVars();
    vars.insert(QStringLiteral("recipient_name"), QStringLiteral("Ana <b>{{content}}</b>"));
    const auto mail = MailTemplates::render(QStringLiteral("deactivation"), QStringLiteral("es"), vars);
    QVERIFY(mail.ok());
    const QString& html = mail->html;
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    QCOMPARE(html.count(QStringLiteral("<html")), 1);
    QVERIFY(html.contains(QStringLiteral("<title>") + mail->subject.toHtmlEscaped() +
                          QStringLiteral("</title>")));
    // A value that looks like the layout's slot stays text.
    QVERIFY(html.contains(QStringLiteral("Ana &lt;b&gt;{{content}}&lt;/b&gt;")));
    QVERIFY(html.indexOf(QStringLiteral("<h1")) < html.indexOf(QStringLiteral("<hr")));
}

QTEST_GUILESS_MAIN(TestMailTemplates)
#include "TestMailTemplates.moc"
