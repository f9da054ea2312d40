// The crypto facade: known answers, token shape, PIN hashing and constant-time comparison.
#include "core/Secrets.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace pd;

class TestSecrets : public QObject {
    Q_OBJECT

private slots:
    void selfTestPasses();

    void randomBytesHaveRequestedLength();
    void tokensAreBase64UrlOf32Bytes();
    void tokensAreDistinct();

    void sha256Hex_data();
    void sha256Hex();

    void hashAndVerifyRoundTrip();
    void hashHasCurrentFormat();
    void wrongPinRefused();
    void samePinTwiceGivesDifferentHashes();
    void tamperedHashRefused_data();
    void tamperedHashRefused();
    void malformedStoredRefused_data();
    void malformedStoredRefused();
    void weakerParametersNeedRehashButStillVerify();
    void foreignParameterOrderStillParses();

    void constantTimeEquals_data();
    void constantTimeEquals();

    void wipeClears();

    void saslPrepPreparesAsLibpqDoes_data();
    void saslPrepPreparesAsLibpqDoes();
    void scramVerifierKnownAnswers_data();
    void scramVerifierKnownAnswers();
    void scramVerifiersAreSaltedAndFormed();
};

void TestSecrets::selfTestPasses() {
    QVERIFY(Secrets::selfTest());
}

void TestSecrets::randomBytesHaveRequestedLength() {
    QCOMPARE(Secrets::randomBytes(16).size(), 16);
    QCOMPARE(Secrets::randomBytes(1).size(), 1);
    QVERIFY(Secrets::randomBytes(0).isEmpty());
    QVERIFY(Secrets::randomBytes(-4).isEmpty());
}

void TestSecrets::tokensAreBase64UrlOf32Bytes() {
    const QString token = Secrets::newToken();
    QCOMPARE(token.size(), 43);
    for (const QChar c : token) {
        const bool allowed = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                             (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
        QVERIFY2(allowed, qPrintable(QStringLiteral("unexpected character in token: ") + c));
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), 32);
}

void TestSecrets::tokensAreDistinct() {
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString token = Secrets::newToken();
        QCOMPARE(token.size(), 43);
        seen.insert(token);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestSecrets::sha256Hex_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral(
                                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArrayLiteral("abc")
                         << QStringLiteral(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks")
        << QByteArrayLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestSecrets::sha256Hex() {
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(Secrets::sha256Hex(input), expected);
    QCOMPARE(Secrets::sha256(input).toHex(), expected.toLatin1());
}

void TestSecrets::hashAndVerifyRoundTrip() {
    const QString stored = Secrets::hashPin(QStringLiteral("4826"));
    QVERIFY(!stored.isEmpty());
    QVERIFY(Secrets::verifyPin(QStringLiteral("4826"), stored));
    QVERIFY(!Secrets::needsRehash(stored));
}

void TestSecrets::hashHasCurrentFormat() {
    const QString stored = Secrets::hashPin(QStringLiteral("48261937"));
    const QStringList fields = stored.split(u'$');
    QCOMPARE(fields.size(), 4);
    QCOMPARE(fields[0], QStringLiteral("scrypt"));
    QCOMPARE(fields[1], QStringLiteral("ln=15,r=8,p=1"));
    QCOMPARE(QByteArray::fromBase64(fields[2].toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(fields[3].toLatin1()).size(), 32);
    QVERIFY(!stored.contains(QStringLiteral("48261937")));
}

void TestSecrets::wrongPinRefused() {
    const QString stored = Secrets::hashPin(QStringLiteral("4826"));
    QVERIFY(!Secrets::verifyPin(QStringLiteral("4827"), stored));
    QVERIFY(!Secrets::verifyPin(QStringLiteral("48260"), stored));
    QVERIFY(!Secrets::verifyPin(QString(), stored));
}

void TestSecrets::samePinTwiceGivesDifferentHashes() {
    const QString first = Secrets::hashPin(QStringLiteral("4826"));
    const QString second = Secrets::hashPin(QStringLiteral("4826"));
    QVERIFY(first != second);
    QVERIFY(first.section(u'$', 2, 2) != second.section(u'$', 2, 2));
    QVERIFY(Secrets::verifyPin(QStringLiteral("4826"), first));
    QVERIFY(Secrets::verifyPin(QStringLiteral("4826"), second));
}

void TestSecrets::tamperedHashRefused_data() {
    QTest::addColumn<int>("field"); // 2 = salt, 3 = hash
    QTest::addColumn<int>("byteIndex");

    QTest::newRow("first salt byte") << 2 << 0;
    QTest::newRow("last salt byte") << 2 << 15;
    QTest::newRow("first hash byte") << 3 << 0;
    QTest::newRow("last hash byte") << 3 << 31;
}

void TestSecrets::tamperedHashRefused() {
    QFETCH(int, field);
    QFETCH(int, byteIndex);

    const QString stored = Secrets::hashPin(QStringLiteral("4826"));
    QStringList fields = stored.split(u'$');
    QByteArray bytes = QByteArray::fromBase64(fields[field].toLatin1());
    bytes[byteIndex] = static_cast<char>(bytes[byteIndex] ^ 0x01);
    fields[field] = QString::fromLatin1(bytes.toBase64());
    const QString tampered = fields.join(u'$');

    QVERIFY(tampered != stored);
    QVERIFY(!Secrets::verifyPin(QStringLiteral("4826"), tampered));
}

void TestSecrets::malformedStoredRefused_data() {
    QTest::addColumn<QString>("stored");

    const QString salt = QString::fromLatin1(QByteArray(16, 'S').toBase64());
    const QString hash = QString::fromLatin1(QByteArray(32, 'H').toBase64());
    const auto make = [&](const QString& scheme, const QString& params, const QString& s,
                          const QString& h) -> QString {
        return scheme + u'$' + params + u'$' + s + u'$' + h;
    };
    const QString sc = QStringLiteral("scrypt");
    const QString ok = QStringLiteral("ln=10,r=8,p=1");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a hash");
    QTest::newRow("only dollars") << QStringLiteral("$$$");
    QTest::newRow("plain pin") << QStringLiteral("4826");
    QTest::newRow("unknown scheme") << make(QStringLiteral("pbkdf2"), ok, salt, hash);
    QTest::newRow("scheme case") << make(QStringLiteral("SCRYPT"), ok, salt, hash);
    QTest::newRow("too few fields") << QString(sc + u'$' + ok + u'$' + salt);
    QTest::newRow("too many fields") << QString(make(sc, ok, salt, hash) + u'$');
    QTest::newRow("missing ln") << make(sc, QStringLiteral("r=8,p=1"), salt, hash);
    QTest::newRow("missing p") << make(sc, QStringLiteral("ln=10,r=8"), salt, hash);
    QTest::newRow("duplicate key") << make(sc, QStringLiteral("ln=10,ln=10,r=8,p=1"), salt, hash);
    QTest::newRow("unknown key") << make(sc, QStringLiteral("ln=10,r=8,p=1,x=1"), salt, hash);
    QTest::newRow("negative") << make(sc, QStringLiteral("ln=-10,r=8,p=1"), salt, hash);
    QTest::newRow("plus sign") << make(sc, QStringLiteral("ln=+10,r=8,p=1"), salt, hash);
    QTest::newRow("not a number") << make(sc, QStringLiteral("ln=ten,r=8,p=1"), salt, hash);
    QTest::newRow("blank value") << make(sc, QStringLiteral("ln=,r=8,p=1"), salt, hash);
    QTest::newRow("zero ln") << make(sc, QStringLiteral("ln=0,r=8,p=1"), salt, hash);
    QTest::newRow("huge ln") << make(sc, QStringLiteral("ln=64,r=8,p=1"), salt, hash);
    QTest::newRow("absurd ln") << make(sc, QStringLiteral("ln=99999999999,r=8,p=1"), salt, hash);
    QTest::newRow("zero r") << make(sc, QStringLiteral("ln=10,r=0,p=1"), salt, hash);
    QTest::newRow("zero p") << make(sc, QStringLiteral("ln=10,r=8,p=0"), salt, hash);
    QTest::newRow("memory bomb") << make(sc, QStringLiteral("ln=20,r=32,p=16"), salt, hash);
    QTest::newRow("empty salt") << make(sc, ok, QString(), hash);
    QTest::newRow("empty hash") << make(sc, ok, salt, QString());
    QTest::newRow("bad base64") << make(sc, ok, QStringLiteral("!!!!"), hash);
    QTest::newRow("short hash") << make(sc, ok, salt, QString::fromLatin1(QByteArray(4, 'H').toBase64()));
    QTest::newRow("long hash") << make(sc, ok, salt, QString::fromLatin1(QByteArray(200, 'H').toBase64()));
}

void TestSecrets::malformedStoredRefused() {
    QFETCH(QString, stored);
    QVERIFY(!Secrets::verifyPin(QStringLiteral("4826"), stored));
    QVERIFY(Secrets::needsRehash(stored));
}

void TestSecrets::weakerParametersNeedRehashButStillVerify() {
    // A hash of "4826" as an older release with ln=10 would have stored it; computed independently
    // with Python: hashlib.scrypt(b"4826", salt=b"0123456789abcdef", n=1024, r=8, p=1, dklen=32).
    const QString stored = QStringLiteral(
        "scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$0v58WMEDKCxdhovVCXv1s2ZtGj3EkmcEN4TiJQPYJTQ=");
    QVERIFY(Secrets::needsRehash(stored));
    QVERIFY(Secrets::verifyPin(QStringLiteral("4826"), stored));
    QVERIFY(!Secrets::verifyPin(QStringLiteral("4827"), stored));

    const QString weakR =
        QStringLiteral("scrypt$ln=15,r=4,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$") + stored.section(u'$', 3);
    QVERIFY(Secrets::needsRehash(weakR));
}

void TestSecrets::foreignParameterOrderStillParses() {
    const QString stored = Secrets::hashPin(QStringLiteral("4826"));
    QString reordered = stored;
    reordered.replace(QStringLiteral("ln=15,r=8,p=1"), QStringLiteral("p=1,r=8,ln=15"));
    QVERIFY(reordered != stored);
    QVERIFY(Secrets::verifyPin(QStringLiteral("4826"), reordered));
}

void TestSecrets::constantTimeEquals_data() {
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("equal") << QByteArrayLiteral("0123456789abcdef") << QByteArrayLiteral("0123456789abcdef")
                           << true;
    QTest::newRow("different last byte")
        << QByteArrayLiteral("0123456789abcdef") << QByteArrayLiteral("0123456789abcdeg") << false;
    QTest::newRow("different first byte") << QByteArrayLiteral("x123") << QByteArrayLiteral("0123") << false;
    QTest::newRow("prefix is shorter") << QByteArrayLiteral("0123") << QByteArrayLiteral("01234") << false;
    QTest::newRow("longer than other") << QByteArrayLiteral("01234") << QByteArrayLiteral("0123") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("one empty") << QByteArray() << QByteArrayLiteral("a") << false;
    QTest::newRow("embedded zero") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
}

void TestSecrets::constantTimeEquals() {
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(Secrets::constantTimeEquals(a, b), equal);
}

void TestSecrets::wipeClears() {
    QByteArray bytes = QByteArrayLiteral("secret");
    bytes.detach();
    Secrets::wipe(bytes);
    QVERIFY(bytes.isEmpty());

    QString text = QStringLiteral("4826");
    text.detach();
    Secrets::wipe(text);
    QVERIFY(text.isEmpty());
}

// RFC 4013, section 3: what SASLprep makes of a password; a prohibited one is used as typed.
void TestSecrets::saslPrepPreparesAsLibpqDoes_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("prepared");
    QTest::newRow("soft hyphen mapped to nothing") << QStringLiteral("I\u00ADX") << QByteArray("IX");
    QTest::newRow("ASCII untouched") << QStringLiteral("user") << QByteArray("user");
    QTest::newRow("case kept") << QStringLiteral("USER") << QByteArray("USER");
    QTest::newRow("feminine ordinal to a") << QStringLiteral("\u00AA") << QByteArray("a");
    QTest::newRow("roman numeral nine to IX") << QStringLiteral("\u2168") << QByteArray("IX");
    QTest::newRow("no-break space to space") << QStringLiteral("contrase\u00F1a\u00A0larga")
                                             << QByteArray("contrase\xc3\xb1"
                                                           "a larga");
    QTest::newRow("already composed stays") << QStringLiteral("contraseña")
                                            << QByteArray("contrase\xc3\xb1"
                                                          "a");
    QTest::newRow("decomposed is composed") << QStringLiteral("contrasen\u0303a")
                                            << QByteArray("contrase\xc3\xb1"
                                                          "a");
    QTest::newRow("control character: used as typed")
        << QStringLiteral("\u00E9\u0007") << QByteArray("\xc3\xa9\x07");
    QTest::newRow("mixed directions: used as typed")
        << QStringLiteral("\u0627\u0031") << QByteArray("\xd8\xa7\x31");
}

void TestSecrets::saslPrepPreparesAsLibpqDoes() {
    QFETCH(QString, typed);
    QFETCH(QByteArray, prepared);
    QCOMPARE(Secrets::saslPrep(typed), prepared);
}

// Computed independently (Python's hashlib: PBKDF2-HMAC-SHA-256, HMAC "Client Key"/"Server Key").
void TestSecrets::scramVerifierKnownAnswers_data() {
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("verifier");
    QTest::newRow("ASCII") << QStringLiteral("pencil")
                           << QStringLiteral(
                                  "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$zHCdol2044/ZyWzPLi7oxApCkamKw9"
                                  "Z+E4U/QApd/5Y=:dd5peBOitVnLNFu7VmwP+HiDaaw4OUCv396eVCWhYiE=");
    QTest::newRow("Spanish") << QStringLiteral("contraseña segura")
                             << QStringLiteral(
                                    "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$W1ysogMLEDJbBl2cGnfhvx5b6u"
                                    "DCl36uwojQUdO6lTk=:gwhuQXxjpDMYu3rfJkfowmbdtLjnchsTDW8ndt7C6nY=");
}

void TestSecrets::scramVerifierKnownAnswers() {
    QFETCH(QString, password);
    QFETCH(QString, verifier);
    QByteArray salt;
    for (char i = 0; i < 16; ++i)
        salt.append(i);
    QCOMPARE(Secrets::scramVerifier(password, 4096, salt), verifier);
}

void TestSecrets::scramVerifiersAreSaltedAndFormed() {
    const QString a = Secrets::scramVerifier(QStringLiteral("a long passphrase"));
    const QString b = Secrets::scramVerifier(QStringLiteral("a long passphrase"));
    QVERIFY(a != b);
    static const QRegularExpression form(
        QStringLiteral("^SCRAM-SHA-256\\$4096:[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$"));
    QVERIFY2(form.match(a).hasMatch(), qPrintable(a));
    QVERIFY(!a.contains(QStringLiteral("passphrase")));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "TestSecrets.moc"
