// The folding that the search index and every query share: what staff type becomes the same words as
// what the record holds (SPEC §11a).
#include "core/SearchText.h"

#include <QTest>

using namespace pd;

class TestSearchText : public QObject {
    Q_OBJECT

private slots:
    void words_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words"); // joined by one space
        const auto row = [](const char* name, const char* text, const char* words) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(words);
        };
        row("accents and case", "Sofía HERNÁNDEZ", "sofia hernandez");
        row("hyphenated family name", "Hernández-López", "hernandez lopez");
        row("comma and word order kept", "Hernández, Sofía", "hernandez sofia");
        row("apostrophe joins", "O'Brien", "obrien");
        row("typographic apostrophe joins", "D\u2019Angelo", "dangelo");
        row("ñ", "Ñúñez", "nunez");
        row("Vietnamese stacked marks", "Nguyễn Thị", "nguyen thi");
        row("Vietnamese đ", "Đào", "dao");
        row("Polish ł", "Łukasz Wróbel", "lukasz wrobel");
        row("German ß", "Strauß", "strauss");
        row("Danish ø and æ", "Søren Ærø", "soren aero");
        row("Korean syllables survive", "김민준", "김민준");
        row("Chinese untouched", "王小明", "王小明");
        row("Armenian lower-cased", "Սարգսյան", "սարգսյան");
        row("e-mail splits at punctuation", "maria.lopez@example.org", "maria lopez example org");
        row("full-width letters", "ＡＢＣ", "abc");
        row("symbols only", "%_\\\"'*", "");
        row("SQL is just words", "'; DROP TABLE patients;--", "drop table patients");
    }
    void words() {
        QFETCH(QString, text);
        QFETCH(QString, words);
        QCOMPARE(SearchText::words(text).join(QLatin1Char(' ')), words);
    }

    void phoneDigits_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("digits");
        QTest::newRow("US format") << QStringLiteral("(323) 361-2330") << QStringLiteral("3233612330");
        QTest::newRow("dots") << QStringLiteral("323.361.2330") << QStringLiteral("3233612330");
        QTest::newRow("country code") << QStringLiteral("+1 323 361 2330") << QStringLiteral("3233612330");
        QTest::newRow("short") << QStringLiteral("361-2330") << QStringLiteral("3612330");
    }
    void phoneDigits() {
        QFETCH(QString, text);
        QFETCH(QString, digits);
        QCOMPARE(SearchText::phoneDigits(text), digits);
    }

    void queries_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("exactKey");
        QTest::addColumn<QStringList>("terms");
        QTest::newRow("an MRN") << QStringLiteral(" 100200 ") << QStringLiteral("100200")
                                << QStringList{QStringLiteral("100200")};
        QTest::newRow("a phone in pieces")
            << QStringLiteral("323 361 2330") << QString() << QStringList{QStringLiteral("3233612330")};
        QTest::newRow("two names") << QStringLiteral("Hernández, Sofía") << QString()
                                   << QStringList{QStringLiteral("hernandez"), QStringLiteral("sofia")};
        QTest::newRow("a repeated word once")
            << QStringLiteral("ana ana") << QString() << QStringList{QStringLiteral("ana")};
        QTest::newRow("nothing searchable") << QStringLiteral("%_") << QStringLiteral("%_") << QStringList{};
    }
    void queries() {
        QFETCH(QString, text);
        QFETCH(QString, exactKey);
        QFETCH(QStringList, terms);
        const SearchText::Query q = SearchText::parse(text);
        QCOMPARE(q.exactKey, exactKey);
        QCOMPARE(q.terms, terms);
    }

    // Short terms match where a word starts: the index puts two spaces before every word.
    void shortTermsMatchAtAWordStart() {
        const QString body = SearchText::indexBody({QStringLiteral("Sofía"), QStringLiteral("Ramos")});
        QCOMPARE(body, QStringLiteral("  sofia  ramos  "));
        QVERIFY(body.contains(SearchText::pattern(QStringLiteral("s"), false)));
        QVERIFY(body.contains(SearchText::pattern(QStringLiteral("ra"), false)));
        QVERIFY(!body.contains(SearchText::pattern(QStringLiteral("of"), false)));
        QVERIFY(body.contains(SearchText::pattern(QStringLiteral("ofi"), false)));
        QVERIFY(!body.contains(SearchText::pattern(QStringLiteral("ofi"), true)));
    }

    // The signature holds a bit for how each word of two characters or more starts; a pattern that starts
    // a word needs that bit, so a body without it is passed over unread. Other patterns need nothing.
    void aSignatureHoldsWhatEveryWordStartNeeds_data() {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("typed");
        QTest::newRow("a name's start")
            << QStringList{QStringLiteral("Sofía Hernández")} << QStringLiteral("hern sofi");
        QTest::newRow("a whole word")
            << QStringList{QStringLiteral("Sofía Hernández")} << QStringLiteral("sofia");
        QTest::newRow("Korean, Armenian")
            << QStringList{QStringLiteral("민준 Սարգսյան")} << QStringLiteral("민준 սարգ");
        QTest::newRow("beyond the basic plane")
            << QStringList{QStringLiteral("𠀋𠀍 Li")} << QStringLiteral("𠀋𠀍");
        QTest::newRow("one letter needs nothing")
            << QStringList{QStringLiteral("Ana")} << QStringLiteral("z");
        QTest::newRow("inside a word needs nothing")
            << QStringList{QStringLiteral("Laramos")} << QStringLiteral("ramos");
    }
    void aSignatureHoldsWhatEveryWordStartNeeds() {
        QFETCH(QStringList, fields);
        QFETCH(QString, typed);
        const QString body = SearchText::indexBody(fields);
        QStringList patterns;
        for (const QString& term : SearchText::parse(typed).terms)
            patterns.append(SearchText::pattern(term, term.size() < 3 || typed != QStringLiteral("ramos")));
        const qint64 mask = SearchText::signatureMask(patterns);
        QCOMPARE(SearchText::signature(body) & mask, mask);
    }

    void aBodyWithoutAWordStartIsPassedOver() {
        const qint64 needs = SearchText::signatureMask({QStringLiteral("  xq")});
        QVERIFY(needs != 0);
        QCOMPARE(SearchText::signature(SearchText::indexBody({QStringLiteral("Sofía")})) & needs, 0);
        QCOMPARE(SearchText::signatureMask({QStringLiteral("  x"), QStringLiteral("ndez")}), 0);
    }

    // Two word starts typed are looked up by their pair key: every body that holds both starts holds it,
    // whatever the order they are typed in, whichever fields they come from, and however long the words.
    void aBodyHoldsThePairKeysOfEveryTwoOfItsWordStarts_data() {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("typed");
        const auto row = [](const char* name, QStringList fields, const char* typed) {
            QTest::newRow(name) << fields << QString::fromUtf8(typed);
        };
        row("given and family", {QStringLiteral("Zoë"), QStringLiteral("Kim-Petrosyan")},
            "zoe kim petrosyan");
        row("any order, any case", {QStringLiteral("Zoë"), QStringLiteral("Kim-Petrosyan")}, "PETRO Zoe");
        row("starts only", {QStringLiteral("Sofía"), QStringLiteral("Hernández")}, "sof her");
        row("a name and the e-mail", {QStringLiteral("Ana"), QStringLiteral("ana.quintero@example.org")},
            "ana quin");
        row("letters and digits", {QStringLiteral("A12345"), QStringLiteral("Ramos")}, "a123 ramos");
        row("Armenian and Korean", {QStringLiteral("Սարգսյան"), QStringLiteral("김민준서")}, "սարգ 김민준");
        row("beyond the basic plane", {QStringLiteral("𠀋𠀍𠀎"), QStringLiteral("Li Wei")}, "𠀋𠀍 wei");
        row("twelve starts", {QStringLiteral("Ann Bea Cal Dan Eve Fay Gus Hal Ida Jon Kay Lou")}, "lou ann");
        row("an address's domain takes no part",
            {QStringLiteral("Sofía Ramos"), QStringLiteral("sofia.ramos@gmail.com")}, "sofia gmail ramos");
    }
    void aBodyHoldsThePairKeysOfEveryTwoOfItsWordStarts() {
        QFETCH(QStringList, fields);
        QFETCH(QString, typed);
        const QString body = SearchText::indexBody(fields);
        const QString entry = body + SearchText::pairKeysOf(body);
        QStringList patterns;
        for (const QString& term : SearchText::parse(typed).terms)
            patterns.append(SearchText::pattern(term, true));
        const QStringList keys = SearchText::pairKeys(patterns);
        QVERIFY(!keys.isEmpty());
        for (const QString& key : keys) {
            QCOMPARE(key.size(), 3);
            QVERIFY2(entry.contains(QStringLiteral("  ") + key + QStringLiteral("  ")), qPrintable(key));
            // Folding never leaves a key's letters, so no search term can match one.
            QVERIFY(!SearchText::words(key).join(QString()).contains(key.at(0)));
            QVERIFY(!SearchText::words(key).join(QString()).contains(key.at(2)));
        }
        // Keys start no word anyone types: the signature is the body's.
        QCOMPARE(SearchText::signature(entry), SearchText::signature(body));
    }

    // Fewer than two starts of three characters with a letter: nothing to look up by pair.
    void shortOrNumericTermsHaveNoPairKey_data() {
        QTest::addColumn<QStringList>("patterns");
        QTest::newRow("one word") << QStringList{QStringLiteral("  sofia")};
        QTest::newRow("two letters") << QStringList{QStringLiteral("  so"), QStringLiteral("  hernandez")};
        QTest::newRow("digits only") << QStringList{QStringLiteral("  323"), QStringLiteral("  hernandez")};
        QTest::newRow("the same start") << QStringList{QStringLiteral("  kim"), QStringLiteral("  kimball")};
        QTest::newRow("inside a word") << QStringList{QStringLiteral("ndez"), QStringLiteral("  sofia")};
        QTest::newRow("a word of every address")
            << QStringList{QStringLiteral("  gmail"), QStringLiteral("  sofia")};
    }
    void shortOrNumericTermsHaveNoPairKey() {
        QFETCH(QStringList, patterns);
        QVERIFY(SearchText::pairKeys(patterns).isEmpty());
    }

    // Many words typed: the keys of the first four starts, six lookups, however long the search.
    void manyWordsTypedLookUpSixKeys() {
        QStringList patterns;
        for (const QString& w :
             QStringLiteral("ann bea cal dan eve fay gus hal ida jon kay lou max").split(u' '))
            patterns.append(SearchText::pattern(w, true));
        const QStringList keys = SearchText::pairKeys(patterns);
        QCOMPARE(keys.size(), 6);
        QCOMPARE(keys, SearchText::pairKeys(patterns.mid(0, 4)));
    }

    // A body with one word start has no pair: its keys are empty text, never none at all (the central
    // database's column takes no NULL).
    void aBodyWithOneStartHasEmptyKeys() {
        const QString keys = SearchText::pairKeysOf(SearchText::indexBody({QStringLiteral("王 Սարգսյան")}));
        QVERIFY(keys.isEmpty());
        QVERIFY(!keys.isNull());
    }

    // The words of an address's provider and domain are in nearly every body: they make no keys.
    void wordsOfEveryAddressMakeNoKeys() {
        const QString body =
            SearchText::indexBody({QStringLiteral("Sofía Ramos"), QStringLiteral("sofia.ramos@gmail.com")});
        QCOMPARE(
            SearchText::pairKeysOf(body),
            SearchText::pairKeys({QStringLiteral("  sofia"), QStringLiteral("  ramos")}).join(QString()) +
                QStringLiteral("  "));
    }

    // More starts than a body keeps keys for, or no room for them: the overflow key, which every pair
    // lookup also takes.
    void aBodyWithTooManyStartsHoldsTheOverflowKey() {
        const QStringList thirteen{QStringLiteral("Ann Bea Cal Dan Eve Fay Gus Hal Ida Jon Kay Lou Max")};
        QCOMPARE(SearchText::pairKeysOf(SearchText::indexBody(thirteen)),
                 SearchText::overflowKey() + QStringLiteral("  "));
        QString wide; // eleven words of three-byte letters, near the body's length
        for (int w = 0; w < 11; ++w)
            wide += QString(70, QChar(0xAC00 + w)) + QLatin1Char(' ');
        const QString body = SearchText::indexBody({wide});
        QCOMPARE(SearchText::pairKeysOf(body), SearchText::overflowKey() + QStringLiteral("  "));
        QVERIFY((body + SearchText::pairKeysOf(body)).toUtf8().size() <= SearchText::MaxEntryBytes);
        QVERIFY(!SearchText::words(SearchText::overflowKey())
                     .join(QString())
                     .contains(SearchText::overflowKey()));
    }

    // A name that folds into many letters (a ligature of eighteen) never makes a body the central database
    // can't keep in its key: words that don't fit are left out, whole, and shorter ones after them go in.
    void aBodyKeepsWithinItsLength() {
        const QString ligatures(100, QChar(0xFDFA));
        const QString body = SearchText::indexBody(
            {QStringLiteral("100200"), ligatures, ligatures, QStringLiteral("sofia@example.org")},
            QStringLiteral("(323) 361-2330"));
        QVERIFY(body.size() <= SearchText::MaxBodyLength);
        QVERIFY(body.startsWith(QStringLiteral("  100200  ")));
        QVERIFY(body.endsWith(QStringLiteral("  ")));
        QVERIFY(!body.contains(QStringLiteral("   "))); // no word cut in half
        QCOMPARE(SearchText::indexBody({QStringLiteral("Sofía")}, QStringLiteral("(323) 361-2330")),
                 QStringLiteral("  sofia  3233612330  "));
    }
};

QTEST_APPLESS_MAIN(TestSearchText)
#include "TestSearchText.moc"
