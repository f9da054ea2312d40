// Temporary PIN rules: 4–8 ASCII digits, no repeats, no straight runs, no birth-date digits (SPEC §4).
#include "core/PinPolicy.h"

#include <QTest>

using namespace pd;

class TestPinPolicy : public QObject {
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void messagesNeverRepeatThePin_data();
    void messagesNeverRepeatThePin();
    void noBirthDateSkipsThatRule();
};

void TestPinPolicy::check_data() {
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("rule"); // empty: accepted

    // Born 14 March 2015: MMDD 0314, DDMM 1403, YYYY 2015.
    const QDate b(2015, 3, 14);
    const QString ok;
    const QString format = QStringLiteral("pin.format");
    const QString same = QStringLiteral("pin.all_same");
    const QString run = QStringLiteral("pin.straight_run");
    const QString birth = QStringLiteral("pin.birth_date");

    QTest::newRow("4 digits") << QStringLiteral("4831") << b << ok;
    QTest::newRow("6 digits") << QStringLiteral("482917") << b << ok;
    QTest::newRow("8 digits") << QStringLiteral("48291730") << b << ok;
    QTest::newRow("leading zero kept") << QStringLiteral("0472") << b << ok;
    QTest::newRow("run of three inside is fine") << QStringLiteral("1235") << b << ok;
    QTest::newRow("almost all same") << QStringLiteral("7776") << b << ok;
    QTest::newRow("zig-zag") << QStringLiteral("1212") << b << ok;

    QTest::newRow("empty") << QString() << b << format;
    QTest::newRow("3 digits") << QStringLiteral("483") << b << format;
    QTest::newRow("9 digits") << QStringLiteral("482917305") << b << format;
    QTest::newRow("letters") << QStringLiteral("48a1") << b << format;
    QTest::newRow("all letters") << QStringLiteral("abcd") << b << format;
    QTest::newRow("space inside") << QStringLiteral("48 31") << b << format;
    QTest::newRow("trailing space") << QStringLiteral("4831 ") << b << format;
    QTest::newRow("sign") << QStringLiteral("-4831") << b << format;
    QTest::newRow("Arabic-Indic digits") << QStringLiteral("\u0664\u0668\u0663\u0661") << b << format;
    QTest::newRow("Eastern Arabic-Indic digits") << QStringLiteral("\u06F4\u06F8\u06F3\u06F1") << b << format;
    QTest::newRow("full-width digits") << QStringLiteral("\uFF14\uFF18\uFF13\uFF11") << b << format;
    QTest::newRow("Devanagari digits") << QStringLiteral("\u096A\u096E\u0969\u0967") << b << format;

    QTest::newRow("0000") << QStringLiteral("0000") << b << same;
    QTest::newRow("777777") << QStringLiteral("777777") << b << same;
    QTest::newRow("99999999") << QStringLiteral("99999999") << b << same;

    QTest::newRow("1234") << QStringLiteral("1234") << b << run;
    QTest::newRow("9876") << QStringLiteral("9876") << b << run;
    QTest::newRow("0123") << QStringLiteral("0123") << b << run;
    QTest::newRow("345678") << QStringLiteral("345678") << b << run;
    QTest::newRow("23456789") << QStringLiteral("23456789") << b << run;
    QTest::newRow("87654321") << QStringLiteral("87654321") << b << run;
    QTest::newRow("3210") << QStringLiteral("3210") << b << run;
    QTest::newRow("keypad row 7890") << QStringLiteral("7890") << b << run;
    QTest::newRow("keypad row 0987") << QStringLiteral("0987") << b << run;

    QTest::newRow("MMDD") << QStringLiteral("0314") << b << birth;
    QTest::newRow("DDMM") << QStringLiteral("1403") << b << birth;
    QTest::newRow("YYYY") << QStringLiteral("2015") << b << birth;
    QTest::newRow("MMDDYYYY") << QStringLiteral("03142015") << b << birth;
    QTest::newRow("DDMMYY") << QStringLiteral("140315") << b << birth;
    QTest::newRow("birth year inside") << QStringLiteral("920158") << b << birth;
    QTest::newRow("birth year of another patient") << QStringLiteral("2016") << b << ok;
    QTest::newRow("month and day reversed digits are fine") << QStringLiteral("4130") << b << ok;

    // Single-digit months and days are written with a leading zero on the form.
    const QDate jan(2013, 1, 5);
    QTest::newRow("MMDD 0105") << QStringLiteral("0105") << jan << birth;
    QTest::newRow("DDMM 0501") << QStringLiteral("0501") << jan << birth;
    QTest::newRow("YYYY 2013") << QStringLiteral("82013") << jan << birth;
    QTest::newRow("without the leading zeros is fine") << QStringLiteral("1592") << jan << ok;

    // Rules are reported in order: format, all same, straight run, birth date.
    QTest::newRow("all same beats birth date") << QStringLiteral("1111") << QDate(2011, 11, 11) << same;
    QTest::newRow("straight run beats birth date") << QStringLiteral("1234") << QDate(2012, 12, 12) << run;
}

void TestPinPolicy::check() {
    QFETCH(QString, pin);
    QFETCH(QDate, birth);
    QFETCH(QString, rule);

    const Status s = PinPolicy::check(pin, birth);
    if (rule.isEmpty()) {
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().rule));
    } else {
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::Validation);
        QCOMPARE(s.error().rule, rule);
        QVERIFY(!s.error().message.isEmpty());
    }
}

void TestPinPolicy::messagesNeverRepeatThePin_data() {
    QTest::addColumn<QString>("pin");
    QTest::newRow("format") << QStringLiteral("48a1x");
    QTest::newRow("9 digits") << QStringLiteral("482917305");
    QTest::newRow("all same") << QStringLiteral("5555");
    QTest::newRow("run") << QStringLiteral("5678");
    QTest::newRow("birth date") << QStringLiteral("9031482");
}

void TestPinPolicy::messagesNeverRepeatThePin() {
    QFETCH(QString, pin);
    const Status s = PinPolicy::check(pin, QDate(2015, 3, 14));
    QVERIFY(!s.ok());
    QVERIFY2(!s.error().message.contains(pin), qPrintable(s.error().message));
    // Nor any four of its digits in a row.
    for (qsizetype i = 0; i + 4 <= pin.size(); ++i)
        QVERIFY2(!s.error().message.contains(pin.mid(i, 4)), qPrintable(s.error().message));
}

void TestPinPolicy::noBirthDateSkipsThatRule() {
    QVERIFY(PinPolicy::check(QStringLiteral("0314"), QDate()).ok());
    QCOMPARE(PinPolicy::check(QStringLiteral("1234"), QDate()).error().rule,
             QStringLiteral("pin.straight_run"));
}

QTEST_GUILESS_MAIN(TestPinPolicy)
#include "TestPinPolicy.moc"
