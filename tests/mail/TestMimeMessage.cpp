// MIME building: headers, RFC 2047 words, line limits, quoted-printable and the two parts.
#include "mail/MimeMessage.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace pd;

namespace {

const MailAddress Sender{QStringLiteral("Children's Hospital HIM"),
                         QStringLiteral("portal@hospital.example.org")};

MailContent sampleContent() {
    return {QStringLiteral("Your invitation"), QStringLiteral("Hello,\nplease click the link.\n"),
            QStringLiteral("<p>Hello,</p>\n<p>please click the link.</p>\n")};
}

struct Header {
    QByteArray name;
    QByteArray value; // unfolded: CRLF + space becomes a space
};

QByteArray headerBlock(const QByteArray& raw) {
    const qsizetype end = raw.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : raw.left(end + 2);
}

QList<Header> parseHeaders(const QByteArray& raw) {
    QList<Header> headers;
    for (const QByteArray& line : headerBlock(raw).split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.isEmpty())
            continue;
        if ((l.startsWith(' ') || l.startsWith('\t')) && !headers.isEmpty()) {
            headers.last().value += l;
            continue;
        }
        const qsizetype colon = l.indexOf(':');
        headers.append({l.left(colon), l.mid(colon + 1).trimmed()});
    }
    return headers;
}

QByteArray header(const QByteArray& raw, const QByteArray& name) {
    for (const Header& h : parseHeaders(raw)) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

// Minimal RFC 2047 reader for "B" words in UTF-8: adjacent encoded words join without the blanks
// between them, as section 6.2 says.
QString decodeHeader(const QByteArray& value) {
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="),
                                         QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(value);
    QByteArray out;
    qsizetype pos = 0;
    bool previousWasEncoded = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = text.mid(pos, m.capturedStart() - pos);
        if (!(previousWasEncoded && between.trimmed().isEmpty()))
            out += between.toUtf8();
        out += QByteArray::fromBase64(m.captured(1).toLatin1());
        pos = m.capturedEnd();
        previousWasEncoded = true;
    }
    out += text.mid(pos).toUtf8();
    return QString::fromUtf8(out);
}

QList<QByteArray> lines(const QByteArray& raw) {
    QList<QByteArray> result = raw.split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

QByteArray boundaryOf(const QByteArray& raw) {
    static const QRegularExpression re(QStringLiteral("boundary=\"([^\"]+)\""));
    return re.match(QString::fromLatin1(header(raw, "Content-Type"))).captured(1).toLatin1();
}

struct Part {
    QByteArray headers;
    QByteArray body;
};

QList<Part> parts(const QByteArray& raw) {
    const QByteArray delimiter = "\r\n--" + boundaryOf(raw);
    QList<Part> result;
    qsizetype pos = raw.indexOf(delimiter);
    while (pos >= 0) {
        const qsizetype start = pos + delimiter.size();
        if (raw.mid(start, 2) == "--")
            break;
        const qsizetype next = raw.indexOf(delimiter, start);
        const QByteArray chunk = raw.mid(start + 2, next - start - 2);
        const qsizetype split = chunk.indexOf("\r\n\r\n");
        result.append({chunk.left(split + 2), chunk.mid(split + 4)});
        pos = next;
    }
    return result;
}

void checkLines(const QByteArray& raw) {
    QVERIFY(raw.endsWith("\r\n"));
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '\n')
            QVERIFY2(i > 0 && raw.at(i - 1) == '\r', "bare LF");
        if (raw.at(i) == '\r')
            QVERIFY2(i + 1 < raw.size() && raw.at(i + 1) == '\n', "bare CR");
    }
    for (const QByteArray& line : lines(raw)) {
        QVERIFY2(line.size() - 1 <= 78, line.constData());
        for (const char c : line)
            QVERIFY2(static_cast<unsigned char>(c) < 128, "8-bit byte in a 7-bit message");
    }
}

} // namespace

class TestMimeMessage : public QObject {
    Q_OBJECT

private slots:
    void requiredHeadersPresent();
    void date_data();
    void date();
    void messageIdShape();
    void subjectEncoding_data();
    void subjectEncoding();
    void asciiHeaderWordUnchanged();
    void displayNames_data();
    void displayNames();
    void headerInjectionIsFlattened();
    void linesAreCrlfAndShort_data();
    void linesAreCrlfAndShort();
    void bothPartsInOrder();
    void boundaryIsRandom();
    void quotedPrintableRoundTrip_data();
    void quotedPrintableRoundTrip();
    void quotedPrintableDecodesForeignInput_data();
    void quotedPrintableDecodesForeignInput();
};

void TestMimeMessage::requiredHeadersPresent() {
    const QString id = MimeMessage::newMessageId(Sender.address);
    const QByteArray raw = MimeMessage::build(
        Sender, {QStringLiteral("Ana Lopez"), QStringLiteral("ana@example.org")}, sampleContent(),
        QDateTime(QDate(2024, 3, 5), QTime(14, 7, 9), QTimeZone::utc()), id);

    QCOMPARE(header(raw, "From"), QByteArray("Children's Hospital HIM <portal@hospital.example.org>"));
    QCOMPARE(header(raw, "To"), QByteArray("Ana Lopez <ana@example.org>"));
    QCOMPARE(header(raw, "Subject"), QByteArray("Your invitation"));
    QCOMPARE(header(raw, "Date"), QByteArray("Tue, 05 Mar 2024 14:07:09 +0000"));
    QCOMPARE(QString::fromLatin1(header(raw, "Message-ID")), id);
    QCOMPARE(header(raw, "MIME-Version"), QByteArray("1.0"));
    QVERIFY(header(raw, "Content-Type").startsWith("multipart/alternative;"));
    QVERIFY(!boundaryOf(raw).isEmpty());
}

void TestMimeMessage::date_data() {
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("utc") << QDateTime(QDate(2024, 3, 5), QTime(14, 7, 9), QTimeZone::utc())
                         << QByteArray("Tue, 05 Mar 2024 14:07:09 +0000");
    QTest::newRow("tokyo is shown in utc")
        << QDateTime(QDate(2024, 1, 1), QTime(8, 0, 0), QTimeZone(QByteArrayLiteral("Asia/Tokyo")))
        << QByteArray("Sun, 31 Dec 2023 23:00:00 +0000");
    QTest::newRow("los angeles summer") << QDateTime(QDate(2025, 7, 4), QTime(16, 59, 59),
                                                     QTimeZone(QByteArrayLiteral("America/Los_Angeles")))
                                        << QByteArray("Fri, 04 Jul 2025 23:59:59 +0000");
    QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(0, 0, 1), QTimeZone::utc())
                              << QByteArray("Tue, 29 Feb 2028 00:00:01 +0000");
}

void TestMimeMessage::date() {
    QFETCH(QDateTime, when);
    QFETCH(QByteArray, expected);
    const QByteArray raw = MimeMessage::build(Sender, {QString(), QStringLiteral("a@example.org")},
                                              sampleContent(), when, QStringLiteral("<x@example.org>"));
    QCOMPARE(header(raw, "Date"), expected);
}

void TestMimeMessage::messageIdShape() {
    static const QRegularExpression shape(QStringLiteral("^<[0-9a-f]{32}@hospital\\.example\\.org>$"));
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i) {
        const QString id = MimeMessage::newMessageId(Sender.address);
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 100);
    QVERIFY(MimeMessage::newMessageId(QStringLiteral("no-domain")).endsWith(u'>'));
}

void TestMimeMessage::subjectEncoding_data() {
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("encoded");

    QTest::newRow("plain ascii") << QStringLiteral("Your invitation to the portal") << false;
    QTest::newRow("spanish") << QStringLiteral("Su invitación a MiPortal") << true;
    QTest::newRow("only accents") << QStringLiteral("Invitación") << true;
    QTest::newRow("long spanish")
        << QStringLiteral("Cambios en su acceso a MiPortal del Hospital Infantil para María José: "
                          "información importante sobre la inscripción para adolescentes")
        << true;
    QTest::newRow("long ascii") << QString(QStringLiteral("Changes to your access ").repeated(8)).trimmed()
                                << false;
    QTest::newRow("emoji and cjk") << QStringLiteral("予約のお知らせ 🎉 ") + QString(60, u'é') << true;
    QTest::newRow("looks encoded") << QStringLiteral("=?UTF-8?B?abc?=") << true;
}

void TestMimeMessage::subjectEncoding() {
    QFETCH(QString, subject);
    QFETCH(bool, encoded);

    MailContent content = sampleContent();
    content.subject = subject;
    const QByteArray raw =
        MimeMessage::build(Sender, {QString(), QStringLiteral("a@example.org")}, content,
                           QDateTime::currentDateTimeUtc(), QStringLiteral("<x@example.org>"));
    checkLines(raw);
    const QByteArray value = header(raw, "Subject");
    QCOMPARE(value.contains("=?UTF-8?B?"), encoded);
    QCOMPARE(decodeHeader(value), subject.simplified());

    static const QRegularExpression word(QStringLiteral("=\\?[^?]+\\?[BQ]\\?[^?]*\\?="));
    auto it = word.globalMatch(QString::fromLatin1(value));
    while (it.hasNext())
        QVERIFY(it.next().capturedLength() <= 75);
}

void TestMimeMessage::asciiHeaderWordUnchanged() {
    QCOMPARE(MimeMessage::encodeHeaderWord(QStringLiteral("Your invitation")), QByteArray("Your invitation"));
    QCOMPARE(decodeHeader(MimeMessage::encodeHeaderWord(QStringLiteral("Invitación"))),
             QStringLiteral("Invitación"));
    QVERIFY(MimeMessage::encodeHeaderWord(QStringLiteral("Invitación")).startsWith("=?UTF-8?B?"));
}

void TestMimeMessage::displayNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expectedStart"); // empty: only the decoded round trip is checked

    QTest::newRow("plain") << QStringLiteral("Ana Lopez") << QByteArray("Ana Lopez <");
    QTest::newRow("needs quoting") << QStringLiteral("Lopez, Ana \"Annie\"")
                                   << QByteArray("\"Lopez, Ana \\\"Annie\\\"\" <");
    QTest::newRow("spanish") << QStringLiteral("José Núñez") << QByteArray("=?UTF-8?B?");
    QTest::newRow("very long spanish")
        << QStringLiteral("María Guadalupe de los Ángeles Hernández Rodríguez de la Peña y Núñez")
        << QByteArray("=?UTF-8?B?");
    QTest::newRow("none") << QString() << QByteArray("family@example.org");
}

void TestMimeMessage::displayNames() {
    QFETCH(QString, name);
    QFETCH(QByteArray, expectedStart);

    const QByteArray raw =
        MimeMessage::build(Sender, {name, QStringLiteral("family@example.org")}, sampleContent(),
                           QDateTime::currentDateTimeUtc(), QStringLiteral("<x@example.org>"));
    checkLines(raw);
    const QByteArray to = header(raw, "To");
    QVERIFY2(to.startsWith(expectedStart), to.constData());
    if (name.isEmpty()) {
        QCOMPARE(to, QByteArray("family@example.org"));
        return;
    }
    QVERIFY(to.endsWith(" <family@example.org>"));
    if (expectedStart.startsWith("=?"))
        QCOMPARE(decodeHeader(to.chopped(int(sizeof(" <family@example.org>")) - 1)), name);
}

void TestMimeMessage::headerInjectionIsFlattened() {
    MailContent content = sampleContent();
    content.subject = QStringLiteral("Hello\r\nBcc: attacker@example.net");
    const QByteArray raw = MimeMessage::build(
        Sender, {QStringLiteral("Ana\r\nCc: someone@example.net"), QStringLiteral("ana@example.org\r\nX: y")},
        content, QDateTime::currentDateTimeUtc(), QStringLiteral("<x@example.org>"));
    checkLines(raw);
    for (const Header& h : parseHeaders(raw)) {
        QVERIFY2(h.name != "Bcc" && h.name != "Cc" && h.name != "X", h.name.constData());
    }
}

void TestMimeMessage::linesAreCrlfAndShort_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("short") << QStringLiteral("Hello.\n");
    QTest::newRow("long line") << QStringLiteral("word ").repeated(100);
    QTest::newRow("long link") << QStringLiteral("https://portal.example.org/activate?token=") +
                                      QString(200, u'x');
    QTest::newRow("spanish") << QStringLiteral("Información importante para la inscripción. ").repeated(20);
    QTest::newRow("windows newlines") << QStringLiteral("one\r\ntwo\r\n\r\nthree");
    QTest::newRow("old mac newlines") << QStringLiteral("one\rtwo\r");
}

void TestMimeMessage::linesAreCrlfAndShort() {
    QFETCH(QString, text);
    MailContent content{QStringLiteral("Su invitación a MiPortal del Hospital Infantil de Los Ángeles: "
                                       "información para la familia"),
                        text, u"<p>" + text.toHtmlEscaped() + u"</p>"};
    const QByteArray raw = MimeMessage::build(
        Sender, {QStringLiteral("Familia Núñez"), QStringLiteral("familia@example.org")}, content,
        QDateTime::currentDateTimeUtc(), MimeMessage::newMessageId(Sender.address));
    checkLines(raw);
}

void TestMimeMessage::bothPartsInOrder() {
    const MailContent content{QStringLiteral("Invitación"),
                              QStringLiteral("Hola, José:\n\nSu invitación está lista. 100% = listo.\n"),
                              QStringLiteral("<p style=\"margin:0\">Hola, José:</p>\n")};
    const QByteArray raw =
        MimeMessage::build(Sender, {QString(), QStringLiteral("a@example.org")}, content,
                           QDateTime::currentDateTimeUtc(), QStringLiteral("<x@example.org>"));
    QVERIFY(raw.endsWith(QByteArray("--" + boundaryOf(raw) + "--\r\n")));

    const QList<Part> found = parts(raw);
    QCOMPARE(found.size(), 2);
    QVERIFY(found[0].headers.contains("Content-Type: text/plain; charset=utf-8\r\n"));
    QVERIFY(found[1].headers.contains("Content-Type: text/html; charset=utf-8\r\n"));
    for (const Part& part : found)
        QVERIFY(part.headers.contains("Content-Transfer-Encoding: quoted-printable\r\n"));
    QCOMPARE(QString::fromUtf8(MimeMessage::decodeQuotedPrintable(found[0].body)), content.text);
    QCOMPARE(QString::fromUtf8(MimeMessage::decodeQuotedPrintable(found[1].body)), content.html);
}

void TestMimeMessage::boundaryIsRandom() {
    const auto make = [] {
        return MimeMessage::build(Sender, {QString(), QStringLiteral("a@example.org")}, sampleContent(),
                                  QDateTime::currentDateTimeUtc(), QStringLiteral("<x@example.org>"));
    };
    const QByteArray first = boundaryOf(make());
    const QByteArray second = boundaryOf(make());
    QVERIFY(first.size() >= 20);
    QVERIFY(first != second);
}

void TestMimeMessage::quotedPrintableRoundTrip_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << QStringLiteral("Hello, world.");
    QTest::newRow("equals signs") << QStringLiteral("a=b, ==, =3D, =\n=");
    QTest::newRow("non-ascii") << QStringLiteral("Información para la señora Núñez — ¿listo? ✓ 🎉");
    QTest::newRow("trailing spaces") << QStringLiteral("line with spaces   \nand a tab\t\nend ");
    QTest::newRow("long line") << QStringLiteral("abcdefghij").repeated(40);
    QTest::newRow("long non-ascii line") << QStringLiteral("ñandú ").repeated(60);
    QTest::newRow("long line of spaces") << QString(200, u' ') + u'x';
    QTest::newRow("long equals line") << QString(120, u'=');
    QTest::newRow("dot and From") << QStringLiteral(".\nFrom here\n..two\nFrom");
    // A soft break puts the next character at the start of a line just as a line break does.
    QTest::newRow("dot after a soft break") << QString(75, u'a') + QStringLiteral(".x");
    QTest::newRow("From after a soft break") << QString(75, u'a') + QStringLiteral("From here");
    QTest::newRow("blank lines") << QStringLiteral("\n\n\na\n\n");
    QTest::newRow("html") << QStringLiteral("<a href=\"https://p.example.org/a?t=abc&x=1\">Go</a>");
}

void TestMimeMessage::quotedPrintableRoundTrip() {
    QFETCH(QString, text);
    const QByteArray encoded = MimeMessage::encodeQuotedPrintable(text.toUtf8());

    for (const QByteArray& line : encoded.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        QVERIFY2(l.size() <= 76, l.constData());
        QVERIFY2(!l.endsWith(' ') && !l.endsWith('\t'), "trailing whitespace survives transport badly");
        for (const char c : l)
            QVERIFY(c >= 32 && c <= 126);
        QVERIFY(!l.startsWith('.'));
    }
    QVERIFY(!encoded.contains("\nFrom "));
    QCOMPARE(QString::fromUtf8(MimeMessage::decodeQuotedPrintable(encoded)), text);
}

void TestMimeMessage::quotedPrintableDecodesForeignInput_data() {
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decoded");

    QTest::newRow("lowercase hex") << QByteArray("caf=c3=a9") << QByteArray("caf\xc3\xa9");
    QTest::newRow("soft break lf") << QByteArray("ab=\ncd") << QByteArray("abcd");
    QTest::newRow("soft break crlf") << QByteArray("ab=\r\ncd") << QByteArray("abcd");
    QTest::newRow("soft break with padding") << QByteArray("ab=  \r\ncd") << QByteArray("abcd");
    QTest::newRow("transport padding") << QByteArray("ab   \r\ncd") << QByteArray("ab\ncd");
    QTest::newRow("stray equals") << QByteArray("a=zz b=") << QByteArray("a=zz b");
    QTest::newRow("equals at end of short line") << QByteArray("=4") << QByteArray("=4");
}

void TestMimeMessage::quotedPrintableDecodesForeignInput() {
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decoded);
    QCOMPARE(MimeMessage::decodeQuotedPrintable(encoded), decoded);
}

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "TestMimeMessage.moc"
