// Input checks shared by every entry point: names in any script, e-mail, phone, MRN, dates, free text.
#include "core/Validation.h"

#include <QTest>

using namespace pd;

namespace {

const QTimeZone LA(QByteArrayLiteral("America/Los_Angeles"));

QDateTime utc(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso) + QLatin1Char('Z'), Qt::ISODate).toUTC();
}

QString u(const char* utf8) {
    return QString::fromUtf8(utf8);
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void name_data();
    void name();
    void nameIsNfcNormalised();
    void nameLengthCountsCharacters();

    void email_data();
    void email();
    void canonicalMailbox_data();
    void canonicalMailbox();

    void phone_data();
    void phone();

    void mrn_data();
    void mrn();

    void isoDate_data();
    void isoDate();

    void isoDateTime_data();
    void isoDateTime();
    void isoDateTimeIgnoresMachineZone();

    void note_data();
    void note();

    void messagesTruncateLongInput();
    void messagesNameTheField();
};

void TestValidation::name_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u("Maria") << true << u("Maria");
    QTest::newRow("trimmed") << u("  Maria  ") << true << u("Maria");
    QTest::newRow("Spanish accents") << u("José María Núñez") << true << u("José María Núñez");
    QTest::newRow("apostrophe and hyphen") << u("O'Brien-Šimić") << true << u("O'Brien-Šimić");
    QTest::newRow("Armenian") << u("Արամ") << true << u("Արամ");
    QTest::newRow("Korean Hangul") << u("김민준") << true << u("김민준");
    QTest::newRow("Chinese") << u("王小明") << true << u("王小明");
    QTest::newRow("Arabic") << u("محمد") << true << u("محمد");
    QTest::newRow("Persian with zero-width non-joiner") << u("می‌نا") << true << u("می‌نا");
    QTest::newRow("Chinese outside the BMP") << u("𠀋𠀋") << true << u("𠀋𠀋");
    QTest::newRow("leading tab from a paste is trimmed") << u("\tMaria") << true << u("Maria");
    QTest::newRow("exactly 100 characters")
        << QString(100, QLatin1Char('a')) << true << QString(100, QLatin1Char('a'));

    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("spaces only") << u("   ") << false << QString();
    QTest::newRow("101 characters") << QString(101, QLatin1Char('a')) << false << QString();
    QTest::newRow("tab inside") << u("Mar\tia") << false << QString();
    QTest::newRow("newline inside") << u("Mar\nia") << false << QString();
    QTest::newRow("NUL inside") << QString(QStringLiteral("Mar") + QChar(0) + QStringLiteral("ia")) << false
                                << QString();
    QTest::newRow("escape inside") << u("Mar\x1bia") << false << QString();
    QTest::newRow("right-to-left override") << u("Mar\u202Eia") << false << QString();
    QTest::newRow("line separator") << u("Mar\u2028ia") << false << QString();
    QTest::newRow("lone surrogate") << QString(QStringLiteral("Mar") + QChar(0xD800) + QStringLiteral("ia"))
                                    << false << QString();
    QTest::newRow("digits only") << u("12345") << false << QString();
    QTest::newRow("punctuation only") << u("-") << false << QString();
}

void TestValidation::name() {
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    const Result<QString> r = Validation::name(value, u("Given name"));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(r.value(), expected);
    } else {
        QCOMPARE(r.error().kind, ErrorKind::Validation);
        QCOMPARE(r.error().rule, u("input.name"));
        QVERIFY(r.error().message.contains(u("Given name")));
    }
}

void TestValidation::nameIsNfcNormalised() {
    const QString decomposed = u("Jose\u0301 Nu\u0303n\u0303ez"); // e + combining acute, etc.
    const Result<QString> r = Validation::name(decomposed, u("Family name"));
    QVERIFY(r.ok());
    QCOMPARE(r.value(), decomposed.normalized(QString::NormalizationForm_C));
    QVERIFY(r.value().contains(QChar(0x00E9)));  // é as one character
    QVERIFY(!r.value().contains(QChar(0x0301))); // no combining acute left
    QCOMPARE(Validation::name(u("José"), u("Family name")).value(),
             Validation::name(u("Jose\u0301"), u("Family name")).value());
}

void TestValidation::nameLengthCountsCharacters() {
    // 100 characters outside the BMP are 200 UTF-16 units but still 100 characters.
    QString wide;
    for (int i = 0; i < 100; ++i)
        wide += u("𠀋");
    QVERIFY(Validation::name(wide, u("Given name")).ok());
    QVERIFY(!Validation::name(wide + u("𠀋"), u("Given name")).ok());
}

void TestValidation::email_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u("ana@example.org") << true << u("ana@example.org");
    QTest::newRow("domain lower-cased, local kept")
        << u("Ana.Lopez@Example.ORG") << true << u("Ana.Lopez@example.org");
    QTest::newRow("trimmed") << u("  ana@example.org ") << true << u("ana@example.org");
    QTest::newRow("plus tag") << u("ana+portal@mail.example.org") << true << u("ana+portal@mail.example.org");
    QTest::newRow("hyphenated domain")
        << u("a@my-clinic.example.org") << true << u("a@my-clinic.example.org");
    QTest::newRow("international domain") << u("ana@correo.españa.es") << true << u("ana@correo.españa.es");
    QTest::newRow("254 characters")
        << QString(QString(64, QLatin1Char('a')) + u("@") + QString(63, QLatin1Char('b')) + u(".") +
                   QString(63, QLatin1Char('c')) + u(".") + QString(61, QLatin1Char('d')))
        << true
        << QString(QString(64, QLatin1Char('a')) + u("@") + QString(63, QLatin1Char('b')) + u(".") +
                   QString(63, QLatin1Char('c')) + u(".") + QString(61, QLatin1Char('d')));

    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("no @") << u("ana.example.org") << false << QString();
    QTest::newRow("two @") << u("ana@home@example.org") << false << QString();
    QTest::newRow("nothing before @") << u("@example.org") << false << QString();
    QTest::newRow("nothing after @") << u("ana@") << false << QString();
    QTest::newRow("no dot in domain") << u("ana@localhost") << false << QString();
    QTest::newRow("empty label") << u("ana@example..org") << false << QString();
    QTest::newRow("leading dot in domain") << u("ana@.example.org") << false << QString();
    QTest::newRow("trailing dot in domain") << u("ana@example.org.") << false << QString();
    QTest::newRow("label starting with hyphen") << u("ana@-example.org") << false << QString();
    QTest::newRow("space inside") << u("ana lopez@example.org") << false << QString();
    QTest::newRow("tab inside") << u("ana\t@example.org") << false << QString();
    QTest::newRow("no-break space inside") << u("ana\u00A0@example.org") << false << QString();
    QTest::newRow("display name pasted") << u("Ana <ana@example.org>") << false << QString();
    QTest::newRow("angle brackets without space") << u("<ana@example.org>") << false << QString();
    QTest::newRow("two addresses") << u("ana@example.org,bob@example.org") << false << QString();
    QTest::newRow("dot at start of local part") << u(".ana@example.org") << false << QString();
    QTest::newRow("double dot in local part") << u("ana..lopez@example.org") << false << QString();
    QTest::newRow("underscore in domain") << u("ana@ex_ample.org") << false << QString();
    QTest::newRow("255 characters") << QString(QString(64, QLatin1Char('a')) + u("@") +
                                               QString(63, QLatin1Char('b')) + u(".") +
                                               QString(63, QLatin1Char('c')) + u(".") +
                                               QString(62, QLatin1Char('d')))
                                    << false << QString();
    QTest::newRow("local part over 64")
        << QString(QString(65, QLatin1Char('a')) + u("@example.org")) << false << QString();
    QTest::newRow("decomposed accent made NFC")
        << u("jose\u0301@example.org") << true << u("jos\u00E9@example.org");
    QTest::newRow("right-to-left override") << u("ana\u202Egro.elpmaxe@example.org") << false << QString();
    QTest::newRow("left-to-right mark") << u("ana\u200E@example.org") << false << QString();
    QTest::newRow("right-to-left isolate") << u("\u2067ana@example.org") << false << QString();
    QTest::newRow("zero-width joiner") << u("an\u200Da@example.org") << false << QString();
    QTest::newRow("zero-width no-break space") << u("ana\uFEFF@example.org") << false << QString();
    QTest::newRow("soft hyphen") << u("ana\u00ADlopez@example.org") << false << QString();
    QTest::newRow("tag character") << u("ana\U000E0041@example.org") << false << QString();
    QTest::newRow("lone surrogate") << QString(u("ana") + QChar(0xD800) + u("@example.org")) << false
                                    << QString();
}

void TestValidation::canonicalMailbox_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::newRow("identical") << u("ana@example.org") << u("ana@example.org") << true;
    QTest::newRow("case of the local part")
        << u("Ana.Lopez@example.org") << u("ana.lopez@example.org") << true;
    QTest::newRow("case of the domain") << u("ana@EXAMPLE.org") << u("ana@example.org") << true;
    QTest::newRow("plus tag ignored") << u("ana+portal@example.org") << u("ana@example.org") << true;
    QTest::newRow("two plus tags") << u("ana+kid1@example.org") << u("ana+kid2@example.org") << true;
    QTest::newRow("composed and decomposed")
        << u("jos\u00E9@example.org") << u("jose\u0301@example.org") << true;
    QTest::newRow("German sharp s case-folds")
        << u("STRASSE@example.org") << u("stra\u00DFe@example.org") << false;
    QTest::newRow("Greek final sigma folds") << u("\u03A3\u039F\u03A6\u0399\u0391@example.org")
                                             << u("\u03C3\u03BF\u03C6\u03B9\u03B1@example.org") << true;
    QTest::newRow("different mailbox") << u("ana@example.org") << u("anna@example.org") << false;
    QTest::newRow("different domain") << u("ana@example.org") << u("ana@example.com") << false;
    QTest::newRow("a leading plus is the name") << u("+ana@example.org") << u("@example.org") << false;
    QTest::newRow("dots are kept") << u("a.na@example.org") << u("ana@example.org") << false;
}

void TestValidation::canonicalMailbox() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(Validation::canonicalMailbox(a) == Validation::canonicalMailbox(b), same);
}

void TestValidation::email() {
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    const Result<QString> r = Validation::email(value);
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(r.value(), expected);
    } else {
        QCOMPARE(r.error().rule, u("input.email"));
        QVERIFY(!r.error().message.isEmpty());
    }
}

void TestValidation::phone_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");

    QTest::newRow("US with punctuation") << u("(323) 361-2330") << true;
    QTest::newRow("dashes") << u("323-361-2330") << true;
    QTest::newRow("dots") << u("323.361.2330") << true;
    QTest::newRow("international") << u("+52 55 1234 5678") << true;
    QTest::newRow("7 digits") << u("361-2330") << true;
    QTest::newRow("15 digits") << u("+123456789012345") << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("6 digits") << u("361-233") << false;
    QTest::newRow("16 digits") << u("+1234567890123456") << false;
    QTest::newRow("letters") << u("1-800-FLOWERS") << false;
    QTest::newRow("extension") << u("323-361-2330 x12") << false;
    QTest::newRow("plus in the middle") << u("323+3612330") << false;
    QTest::newRow("Arabic-Indic digits")
        << u("\u0663\u0662\u0663\u0663\u0666\u0661\u0662\u0663\u0663\u0660") << false;
    QTest::newRow("over 32 characters") << u("3 2 3 - 3 6 1 - 2 3 3 0 - 1 2 3 4 5") << false;
}

void TestValidation::phone() {
    QFETCH(QString, value);
    QFETCH(bool, ok);
    const Result<QString> r = Validation::phone(value);
    QCOMPARE(r.ok(), ok);
    if (ok)
        QCOMPARE(r.value(), value.simplified());
    else
        QCOMPARE(r.error().rule, u("input.phone"));
}

void TestValidation::mrn_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::newRow("digits") << u("00123456") << true << u("00123456");
    QTest::newRow("letters, digits and hyphen") << u("CH-2024-001") << true << u("CH-2024-001");
    QTest::newRow("trimmed") << u(" 42 ") << true << u("42");
    QTest::newRow("20 characters") << QString(20, QLatin1Char('9')) << true << QString(20, QLatin1Char('9'));

    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("21 characters") << QString(21, QLatin1Char('9')) << false << QString();
    QTest::newRow("space inside") << u("123 456") << false << QString();
    QTest::newRow("slash") << u("123/456") << false << QString();
    QTest::newRow("accented letter") << u("É123") << false << QString();
    QTest::newRow("full-width digits") << u("\uFF11\uFF12\uFF13") << false << QString();
}

void TestValidation::mrn() {
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    const Result<QString> r = Validation::mrn(value);
    QCOMPARE(r.ok(), ok);
    if (ok)
        QCOMPARE(r.value(), expected);
    else
        QCOMPARE(r.error().rule, u("input.mrn"));
}

void TestValidation::isoDate_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDate>("date"); // invalid: refused

    QTest::newRow("ordinary") << u("2014-03-09") << QDate(2014, 3, 9);
    QTest::newRow("leap day in a leap year") << u("2024-02-29") << QDate(2024, 2, 29);
    QTest::newRow("trimmed") << u(" 2014-03-09 ") << QDate(2014, 3, 9);

    QTest::newRow("leap day in a common year") << u("2023-02-29") << QDate();
    QTest::newRow("30 February") << u("2023-02-30") << QDate();
    QTest::newRow("month 13") << u("2023-13-01") << QDate();
    QTest::newRow("day 00") << u("2023-01-00") << QDate();
    QTest::newRow("31 April") << u("2023-04-31") << QDate();
    QTest::newRow("no zero padding") << u("2014-3-9") << QDate();
    QTest::newRow("US order") << u("03/09/2014") << QDate();
    QTest::newRow("with time") << u("2014-03-09T00:00:00") << QDate();
    QTest::newRow("two-digit year") << u("14-03-09") << QDate();
    QTest::newRow("slashes") << u("2014/03/09") << QDate();
    QTest::newRow("Arabic-Indic digits")
        << u("\u0662\u0660\u0661\u0664-\u0660\u0663-\u0660\u0669") << QDate();
    QTest::newRow("empty") << QString() << QDate();
}

void TestValidation::isoDate() {
    QFETCH(QString, value);
    QFETCH(QDate, date);
    const Result<QDate> r = Validation::isoDate(value, u("Birth date"));
    QCOMPARE(r.ok(), date.isValid());
    if (r.ok()) {
        QCOMPARE(r.value(), date);
    } else {
        QCOMPARE(r.error().rule, u("input.date"));
        QVERIFY(r.error().message.startsWith(u("Birth date")));
        QVERIFY(r.error().message.contains(u("YYYY-MM-DD")));
    }
}

void TestValidation::isoDateTime_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDateTime>("instant"); // invalid: refused

    QTest::newRow("local winter time in LA") << u("2026-11-24T09:00:00") << utc("2026-11-24T17:00:00");
    QTest::newRow("local summer time in LA") << u("2026-07-10T09:00:00") << utc("2026-07-10T16:00:00");
    QTest::newRow("without seconds") << u("2026-11-24T09:00") << utc("2026-11-24T17:00:00");
    QTest::newRow("space instead of T") << u("2026-11-24 09:00:00") << utc("2026-11-24T17:00:00");
    QTest::newRow("fractional seconds") << u("2026-11-24T09:00:00.250") << utc("2026-11-24T17:00:00.250");
    QTest::newRow("one fractional digit") << u("2026-11-24T09:00:00.5") << utc("2026-11-24T17:00:00.500");
    QTest::newRow("microseconds truncated")
        << u("2026-11-24T09:00:00.123456") << utc("2026-11-24T17:00:00.123");
    QTest::newRow("Z") << u("2026-11-24T09:00:00Z") << utc("2026-11-24T09:00:00");
    QTest::newRow("positive offset") << u("2026-11-24T09:00:00+09:00") << utc("2026-11-24T00:00:00");
    QTest::newRow("negative offset") << u("2026-11-24T09:00:00-08:00") << utc("2026-11-24T17:00:00");
    QTest::newRow("half-hour offset") << u("2026-11-24T09:00:00+05:30") << utc("2026-11-24T03:30:00");
    QTest::newRow("offset with fraction")
        << u("2026-11-24T09:00:00.5+01:00") << utc("2026-11-24T08:00:00.500");
    QTest::newRow("just after spring-forward") << u("2026-03-08T03:00:00") << utc("2026-03-08T10:00:00");
    QTest::newRow("local midnight in LA") << u("2026-01-20T00:00:00") << utc("2026-01-20T08:00:00");

    QTest::newRow("spring-forward gap never happened") << u("2026-03-08T02:30:00") << QDateTime();
    QTest::newRow("date only") << u("2026-11-24") << QDateTime();
    QTest::newRow("not a real day") << u("2026-02-30T09:00:00") << QDateTime();
    QTest::newRow("hour 24") << u("2026-11-24T24:00:00") << QDateTime();
    QTest::newRow("minute 60") << u("2026-11-24T09:60:00") << QDateTime();
    QTest::newRow("leap second") << u("2026-11-24T09:00:60") << QDateTime();
    QTest::newRow("offset without colon") << u("2026-11-24T09:00:00+0900") << QDateTime();
    QTest::newRow("offset beyond 14 hours") << u("2026-11-24T09:00:00+15:00") << QDateTime();
    QTest::newRow("offset minutes 60") << u("2026-11-24T09:00:00+01:60") << QDateTime();
    QTest::newRow("zone name") << u("2026-11-24T09:00:00 PST") << QDateTime();
    QTest::newRow("US order") << u("11/24/2026 9:00 AM") << QDateTime();
    QTest::newRow("single-digit hour") << u("2026-11-24T9:00:00") << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestValidation::isoDateTime() {
    QFETCH(QString, value);
    QFETCH(QDateTime, instant);
    const Result<QDateTime> r = Validation::isoDateTime(value, LA, u("Received"));
    QCOMPARE(r.ok(), instant.isValid());
    if (r.ok()) {
        QCOMPARE(r.value(), instant);
        QCOMPARE(r.value().timeSpec(), Qt::UTC);
    } else {
        QCOMPARE(r.error().rule, u("input.datetime"));
        QVERIFY(r.error().message.contains(u("Received")));
    }
}

void TestValidation::isoDateTimeIgnoresMachineZone() {
    // The same text read for two hospitals gives two instants; neither depends on the workstation.
    const auto tokyo = Validation::isoDateTime(u("2026-11-24T09:00:00"),
                                               QTimeZone(QByteArrayLiteral("Asia/Tokyo")), u("Received"));
    const auto utcZone = Validation::isoDateTime(u("2026-11-24T09:00:00"), QTimeZone::utc(), u("Received"));
    QVERIFY(tokyo.ok());
    QVERIFY(utcZone.ok());
    QCOMPARE(tokyo.value(), utc("2026-11-24T00:00:00"));
    QCOMPARE(utcZone.value(), utc("2026-11-24T09:00:00"));
}

void TestValidation::note_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty is allowed") << QString() << true << QString();
    QTest::newRow("plain") << u("Caller verified with DOB and MRN.") << true
                           << u("Caller verified with DOB and MRN.");
    QTest::newRow("newlines kept") << u("Line one\nLine two") << true << u("Line one\nLine two");
    QTest::newRow("CRLF becomes LF") << u("Line one\r\nLine two") << true << u("Line one\nLine two");
    QTest::newRow("trimmed") << u("  note \n") << true << u("note");
    QTest::newRow("Spanish") << u("La madre llamó el lunes.") << true << u("La madre llamó el lunes.");
    QTest::newRow("2000 characters") << QString(2000, QLatin1Char('x')) << true
                                     << QString(2000, QLatin1Char('x'));

    QTest::newRow("2001 characters") << QString(2001, QLatin1Char('x')) << false << QString();
    QTest::newRow("tab") << u("a\tb") << false << QString();
    QTest::newRow("bell") << u("a\x07"
                               "b")
                          << false << QString();
    QTest::newRow("right-to-left override") << u("a\u202Eb") << false << QString();
}

void TestValidation::note() {
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    const Result<QString> r = Validation::note(value, u("Reason"));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(r.value(), expected);
    } else {
        QCOMPARE(r.error().rule, u("input.text"));
        QVERIFY(r.error().message.contains(u("Reason")));
    }
}

void TestValidation::messagesTruncateLongInput() {
    const QString longDate = u("2014-03-09") + QString(200, QLatin1Char('x'));
    const auto r = Validation::isoDate(longDate, u("Birth date"));
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.contains(longDate));
    QVERIFY(r.error().message.contains(QChar(0x2026)));
    QVERIFY(r.error().message.size() < 200);

    const QString longEmail = QString(300, QLatin1Char('a')) + u("@example.org");
    const auto e = Validation::email(longEmail);
    QVERIFY(!e.ok());
    QVERIFY(e.error().message.size() < 200);

    // Control characters in the input are not copied into the message.
    const auto c = Validation::isoDate(u("2014\x1b[2J-03-09"), u("Birth date"));
    QVERIFY(!c.ok());
    QVERIFY(!c.error().message.contains(QChar(0x1b)));
}

void TestValidation::messagesNameTheField() {
    const auto r = Validation::isoDate(u("2023-02-30"), u("Birth date"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, u("Birth date \"2023-02-30\" is not a real date; use YYYY-MM-DD."));

    const auto f = Validation::isoDate(u("09/03/2014"), u("Date signed"));
    QVERIFY(!f.ok());
    QVERIFY(f.error().message.startsWith(u("Date signed \"09/03/2014\"")));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"
