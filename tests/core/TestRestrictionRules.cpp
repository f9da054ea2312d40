// Whom an access restriction bars (SPEC section 8): the named person by given plus family name (accents,
// case and punctuation aside) or by the mailbox of an address; only while it is in force.
#include "core/RestrictionRules.h"

#include <QTest>
#include <QTimeZone>

using namespace pd;
using namespace Qt::StringLiterals;

class TestRestrictionRules : public QObject {
    Q_OBJECT

private slots:
    void match_data();
    void match();
    void inForce_data();
    void inForce();
    void theFirstRestrictionInForceBars();
};

namespace {

Restriction order(const QString& given, const QString& family, const QString& email = QString()) {
    Restriction r;
    r.id = 7;
    r.patientId = 1;
    r.givenName = given;
    r.familyName = family;
    r.email = email;
    r.reason = QStringLiteral("custody_order");
    return r;
}

} // namespace

void TestRestrictionRules::match_data() {
    QTest::addColumn<QString>("orderGiven");
    QTest::addColumn<QString>("orderFamily");
    QTest::addColumn<QString>("orderEmail");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("email");
    QTest::addColumn<int>("expected"); // RestrictionRules::Match

    const int none = int(RestrictionRules::Match::None);
    const int name = int(RestrictionRules::Match::Name);
    const int mail = int(RestrictionRules::Match::Email);
    const int both = int(RestrictionRules::Match::Both);
    const QString marco = QStringLiteral("marco.ruiz@example.org");

    QTest::newRow("the same name and address")
        << u"Marco"_s << u"Ruiz"_s << marco << u"Marco"_s << u"Ruiz"_s << marco << both;
    QTest::newRow("name with accents, order without")
        << u"Jose"_s << u"Hernandez"_s << u""_s << u"José"_s << u"Hernández"_s << u"j@example.org"_s << name;
    QTest::newRow("order with accents, name without")
        << u"José"_s << u"Hernández"_s << u""_s << u"JOSE"_s << u"hernandez"_s << u""_s << name;
    QTest::newRow("decomposed accents")
        << u"Jose\u0301"_s << u"Nu\u0301n\u0303ez"_s << u""_s << u"José"_s << u"Núñez"_s << u""_s << name;
    QTest::newRow("apostrophe and hyphen")
        << u"Sean"_s << u"O'Brien-Lopez"_s << u""_s << u"Seán"_s << u"OBrien Lopez"_s << u""_s << name;
    QTest::newRow("given and family split differently")
        << u"María José"_s << u"López"_s << u""_s << u"María"_s << u"José López"_s << u""_s << name;
    QTest::newRow("Vietnamese") << u"Nguyễn Văn"_s << u"Đức"_s << u""_s << u"nguyen van"_s << u"duc"_s
                                << u""_s << name;
    QTest::newRow("Polish ł") << u"Łukasz"_s << u"Wałęsa"_s << u""_s << u"Lukasz"_s << u"Walesa"_s << u""_s
                              << name;
    QTest::newRow("Cyrillic, case") << u"Иван"_s << u"Петров"_s << u""_s << u"ИВАН"_s << u"петров"_s << u""_s
                                    << name;
    QTest::newRow("Chinese") << u"伟"_s << u"王"_s << u""_s << u"伟"_s << u"王"_s << u""_s << name;
    QTest::newRow("another family name")
        << u"Marco"_s << u"Ruiz"_s << u""_s << u"Marco"_s << u"Ruíz-Soto"_s << u""_s << none;
    QTest::newRow("another given name")
        << u"Marco"_s << u"Ruiz"_s << u""_s << u"Mario"_s << u"Ruiz"_s << u""_s << none;
    QTest::newRow("address in capitals")
        << u"Marco"_s << u"Ruiz"_s << marco << u"Mark"_s << u"R"_s << u"MARCO.RUIZ@EXAMPLE.ORG"_s << mail;
    QTest::newRow("address with a plus tag")
        << u"Marco"_s << u"Ruiz"_s << marco << u"M"_s << u"R"_s << u"marco.ruiz+portal@example.org"_s << mail;
    QTest::newRow("order's address with a plus tag")
        << u"Marco"_s << u"Ruiz"_s << u"marco.ruiz+kids@example.org"_s << u"M"_s << u"R"_s << marco << mail;
    QTest::newRow("another address, the same name")
        << u"Marco"_s << u"Ruiz"_s << marco << u"Marco"_s << u"Ruiz"_s << u"mr1980@example.net"_s << name;
    QTest::newRow("another domain") << u"Marco"_s << u"Ruiz"_s << marco << u"M"_s << u"R"_s
                                    << u"marco.ruiz@example.com"_s << none;
    QTest::newRow("no address on the order never matches an empty one")
        << u"Marco"_s << u"Ruiz"_s << u""_s << u"Ana"_s << u"Ruiz"_s << u""_s << none;
}

void TestRestrictionRules::match() {
    QFETCH(QString, orderGiven);
    QFETCH(QString, orderFamily);
    QFETCH(QString, orderEmail);
    QFETCH(QString, given);
    QFETCH(QString, family);
    QFETCH(QString, email);
    QFETCH(int, expected);
    const Restriction r = order(orderGiven, orderFamily, orderEmail);
    QCOMPARE(int(RestrictionRules::match(r, given, family, email)), expected);
    QCOMPARE(RestrictionRules::matches(r, given, family, email),
             expected != int(RestrictionRules::Match::None));
}

void TestRestrictionRules::inForce_data() {
    QTest::addColumn<QDate>("until");
    QTest::addColumn<bool>("lifted");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("active");

    const QDate today(2026, 3, 31);
    QTest::newRow("no end") << QDate() << false << today << true;
    QTest::newRow("ends today: still in force") << today << false << today << true;
    QTest::newRow("ended yesterday") << today.addDays(-1) << false << today << false;
    QTest::newRow("ends next year") << QDate(2027, 2, 28) << false << today << true;
    QTest::newRow("lifted") << QDate() << true << today << false;
    QTest::newRow("lifted before its end") << QDate(2027, 2, 28) << true << today << false;
}

void TestRestrictionRules::inForce() {
    QFETCH(QDate, until);
    QFETCH(bool, lifted);
    QFETCH(QDate, today);
    QFETCH(bool, active);
    Restriction r = order(QStringLiteral("Marco"), QStringLiteral("Ruiz"));
    r.until = until;
    if (lifted)
        r.liftedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
    QCOMPARE(r.isActiveOn(today), active);
    const QList<Restriction> all{r};
    QCOMPARE(RestrictionRules::barring(all, today, QStringLiteral("marco"), QStringLiteral("RUIZ"),
                                       QString()) != nullptr,
             active);
}

void TestRestrictionRules::theFirstRestrictionInForceBars() {
    Restriction ended = order(QStringLiteral("Marco"), QStringLiteral("Ruiz"));
    ended.id = 1;
    ended.until = QDate(2025, 1, 1);
    Restriction other = order(QStringLiteral("Lucía"), QStringLiteral("Ruiz"));
    other.id = 2;
    Restriction current =
        order(QStringLiteral("Marco"), QStringLiteral("Ruiz"), QStringLiteral("m@example.org"));
    current.id = 3;
    const QList<Restriction> all{ended, other, current};
    const Restriction* r = RestrictionRules::barring(all, QDate(2026, 3, 31), QStringLiteral("Marco"),
                                                     QStringLiteral("Ruiz"), {});
    QVERIFY(r);
    QCOMPARE(r->id, 3);
    QVERIFY(!RestrictionRules::barring(all, QDate(2026, 3, 31), QStringLiteral("Ana"), QStringLiteral("Ruiz"),
                                       QStringLiteral("a@example.org")));
    QCOMPARE(RestrictionRules::reasons().size(), 4);
}

QTEST_APPLESS_MAIN(TestRestrictionRules)
#include "TestRestrictionRules.moc"
