// Search finds any part of a name, MRN, e-mail or phone, in any script, and treats input as text.
#include "support/TestSupport.h"

#include "core/SearchText.h"
#include "services/PatientService.h"
#include "store/PatientRepository.h"
#include "store/SearchRepository.h"

using namespace pd;
using namespace pd::test;

class TestSearch : public QObject {
    Q_OBJECT

    TestDb m_t;

    void add(const char* mrn, const char* given, const char* family, const char* email, const char* phone) {
        auto ctx = m_t.as(QStringLiteral("specialist"));
        NewPatient p{QString::fromUtf8(mrn),
                     QString::fromUtf8(given),
                     QString::fromUtf8(family),
                     QStringLiteral("2015-06-01"),
                     QString(),
                     QString(),
                     QString::fromUtf8(email),
                     QString::fromUtf8(phone)};
        auto r = PatientService(*ctx).add(p);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    }

private slots:
    void initTestCase() {
        add("100199", "Carla", "Laramos", "", ""); // "ramos" inside a word, indexed before Sofia Ramos
        add("100200", "José", "Ñúñez", "jose.nunez@example.org", "(323) 555-0199");
        add("100201", "Արամ", "Սարգսյան", "", "");
        add("100202", "민준", "김", "", "");
        add("100203", "小明", "王", "", "");
        add("100204", "Olivia", "O'Brien", "obrien@example.com", "323.555.0142");
        add("100205", "Sofía", "Hernández-López", "", "(323) 361-2330");
        add("100206", "Thị Đào", "Nguyễn", "", "");
        add("100207", "Łukasz", "Wróbel", "", "");
        add("100208", "Sofia", "Ramos", "sr@example.org", "");
        add("300205", "Mateo", "Sofer", "", "");
        add("100209", "Inés", "Vega", "", "(310) 020-5100");     // holds the digits of MRN 100205
        add("93100205100", "Iker", "Soto", "", "");              // holds the digits of 100209's phone
        add("100210", "Ximena", "Ruiz", "", "+52 55 1234 5678"); // a country code before the number
    }

    // What staff type, and who must (and must not) come back: SPEC §11a, search as staff type it.
    void asStaffTypeIt_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("found");    // MRNs that must be among the hits
        QTest::addColumn<QString>("notFound"); // MRNs that must not
        const auto row = [](const char* name, const char* text, const char* found, const char* notFound) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromLatin1(found)
                                << QString::fromLatin1(notFound);
        };
        row("no accents", "Hernandez", "100205", "100208");
        row("lower case, no accent", "sofia", "100205 100208", "100207");
        row("upper case, two names", "HERNANDEZ LOPEZ", "100205", "100208");
        row("family then given", "lopez sofia", "100205", "100208");
        row("with accents and a comma", "Hernández, Sofía", "100205", "100208");
        row("word starts", "sofi hern", "100205", "100208");
        row("every word must match", "sofia ramos", "100208", "100205");
        row("two letters only at a word's start", "so ra", "100208", "100205 300205");
        row("one letter at a word's start", "s h", "100205", "100208");
        row("three letters match inside a word", "ofi", "100205 100208", "");
        row("two letters inside a word do not", "fi", "", "100205 100208");
        row("phone with spaces", "323 361 2330", "100205", "100200");
        row("phone as written", "(323) 361-2330", "100205", "100200");
        row("phone with the country code", "+1 323-361-2330", "100205", "100200");
        row("phone, last digits", "2330", "100205", "100200");
        row("a whole MRN is that patient alone", "100205", "100205", "100209 300205");
        row("part of an MRN is found inside numbers", "00205", "100205 300205 100209", "");
        row("a whole phone number, not inside a longer one", "(310) 020-5100", "100209", "93100205100");
        row("part of a phone number, inside one", "0205100", "100209 93100205100", "");
        row("a whole number that starts none is found inside one", "55 1234 5678", "100210", "");
        row("Vietnamese without marks", "nguyen dao", "100206", "");
        row("Vietnamese as written", "Nguyễn Thị Đào", "100206", "");
        row("Polish ł and ó", "lukasz wrobel", "100207", "");
        row("Korean given name", "민준 김", "100202", "");
        row("Armenian any case", "արամ", "100201", "");
        row("Chinese family name", "王 小明", "100203", "");
        row("apostrophe left out", "obrien", "100204", "");
        row("e-mail as typed", "sr@example.org", "100208", "100205");
    }
    void asStaffTypeIt() {
        QFETCH(QString, text);
        QFETCH(QString, found);
        QFETCH(QString, notFound);
        auto ctx = m_t.as(QStringLiteral("specialist"));
        auto hits = PatientService(*ctx).search(text);
        QVERIFY2(hits.ok(), hits.ok() ? "" : qPrintable(hits.error().message));
        QStringList mrns;
        for (const SearchHit& h : hits.value()) {
            if (h.kind == QLatin1String("patient"))
                mrns.append(h.key);
        }
        for (const QString& m : found.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            QVERIFY2(mrns.contains(m), qPrintable(text + QStringLiteral(" should find ") + m));
        for (const QString& m : notFound.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            QVERIFY2(!mrns.contains(m), qPrintable(text + QStringLiteral(" should not find ") + m));
    }

    // An exact MRN first, then people whose words start as typed, then the rest.
    void bestMatchesFirst() {
        auto ctx = m_t.as(QStringLiteral("specialist"));
        auto byMrn = PatientService(*ctx).search(QStringLiteral("300205"));
        QVERIFY(byMrn.ok());
        QVERIFY(!byMrn->isEmpty());
        QCOMPARE(byMrn->first().key, QStringLiteral("300205"));
        auto sof = PatientService(*ctx).search(QStringLiteral("sofe"));
        QVERIFY(sof.ok());
        QCOMPARE(sof->size(), 1);
        QCOMPARE(sof->first().key, QStringLiteral("300205"));
        auto mrnPart = PatientService(*ctx).search(QStringLiteral("0205"));
        QVERIFY(mrnPart.ok());
        QCOMPARE(mrnPart->size(), 4); // 100205, 300205, 100209 (its phone) and 93100205100, each holding it
        auto paged = PatientService(*ctx).search(QStringLiteral("sofia"), 1, 1);
        QVERIFY(paged.ok());
        QCOMPARE(paged->size(), 1);
        auto first = PatientService(*ctx).search(QStringLiteral("sofia"), 1, 0);
        QVERIFY(first.ok());
        QVERIFY(first->first().key != paged->first().key);
        // "Sofer" holds "sof" at its start and "ofe" inside: a word start ranks above a match inside.
        auto ranked = PatientService(*ctx).search(QStringLiteral("ofe"));
        QVERIFY(ranked.ok());
        QCOMPARE(ranked->size(), 1);
        auto ramos = PatientService(*ctx).search(QStringLiteral("ramos"));
        QVERIFY(ramos.ok());
        QCOMPARE(ramos->size(), 2);
        QCOMPARE(ramos->at(0).key, QStringLiteral("100208")); // Ramos: the word starts so
        QCOMPARE(ramos->at(1).key, QStringLiteral("100199")); // Laramos: inside a word
    }

    // A database from before the folded index: its people are indexed again, in batches, by the upgrade.
    void anUpgradeIndexesEveryoneAgain() {
        QCOMPARE(m_t.count(QStringLiteral("SELECT count(*) FROM search_rebuild")), 0);
        const qint64 indexed = m_t.count(QStringLiteral("SELECT count(*) FROM search_index"));
        QVERIFY(indexed >= 11);
        {
            Query wipe(*m_t.db, QStringLiteral("DELETE FROM search_index"));
            QVERIFY(wipe.exec().ok());
            Query pending(*m_t.db, QStringLiteral("INSERT INTO search_rebuild (kind, next_id) VALUES "
                                                  "('patient', 0), ('portal_user', 0)"));
            QVERIFY(pending.exec().ok());
        }
        auto ctx = m_t.as(QStringLiteral("specialist"));
        QVERIFY(PatientService(*ctx).search(QStringLiteral("hernandez"))->isEmpty());
        QList<QPair<qint64, qint64>> told;                    // done, of about how many
        auto some = SearchRepository(*m_t.db).rebuildPending( // in batches of 3, each committed
            3, [&told](qint64 done, qint64 total) {
                told.append({done, total});
            });
        QVERIFY(some.ok());
        QVERIFY(told.size() >= 4);
        QCOMPARE(told.first().first, 0);
        QCOMPARE(told.last().first, told.last().second);
        QVERIFY(told.last().first >= some.value());
        for (qsizetype i = 1; i < told.size(); ++i) {
            QVERIFY(told.at(i).first >= told.at(i - 1).first);
            QVERIFY(told.at(i) != told.at(i - 1)); // each figure once
        }
        QCOMPARE(m_t.count(QStringLiteral("SELECT count(*) FROM search_rebuild")), 0);
        QCOMPARE(m_t.count(QStringLiteral("SELECT count(*) FROM search_index")), indexed);
        QVERIFY(m_t.db->migrate().ok()); // a later start finds nothing left to do
        auto found = PatientService(*ctx).search(QStringLiteral("hernandez"));
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
    }

    void findsByAnyPart_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mrn");
        QTest::newRow("MRN part") << QStringLiteral("0020") << QStringLiteral("100200");
        QTest::newRow("family name part, any case") << QStringLiteral("ÑÚÑ") << QStringLiteral("100200");
        QTest::newRow("e-mail part") << QStringLiteral("nunez@exa") << QStringLiteral("100200");
        QTest::newRow("phone as typed") << QStringLiteral("555-0199") << QStringLiteral("100200");
        QTest::newRow("phone digits only") << QStringLiteral("3235550199") << QStringLiteral("100200");
        QTest::newRow("Armenian") << QStringLiteral("Սարգս") << QStringLiteral("100201");
        QTest::newRow("Korean two characters") << QStringLiteral("민준") << QStringLiteral("100202");
        QTest::newRow("Chinese one character") << QStringLiteral("王") << QStringLiteral("100203");
        QTest::newRow("apostrophe") << QStringLiteral("O'Bri") << QStringLiteral("100204");
    }

    void findsByAnyPart() {
        QFETCH(QString, text);
        QFETCH(QString, mrn);
        auto ctx = m_t.as(QStringLiteral("agent"));
        auto hits = PatientService(*ctx).search(text);
        QVERIFY(hits.ok());
        bool found = false;
        for (const SearchHit& h : hits.value())
            found = found || (h.kind == QLatin1String("patient") && h.key == mrn);
        QVERIFY2(found, qPrintable(text));
    }

    void inputIsNeverSql_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("drop table") << QStringLiteral("'; DROP TABLE patients;--");
        QTest::newRow("fts syntax") << QStringLiteral("NEAR(a b) OR *");
        QTest::newRow("double quotes") << QStringLiteral("\"\"\"");
        QTest::newRow("like wildcards") << QStringLiteral("%_");
        QTest::newRow("backslash") << QStringLiteral("\\");
    }

    void inputIsNeverSql() {
        QFETCH(QString, text);
        auto ctx = m_t.as(QStringLiteral("agent"));
        auto hits = PatientService(*ctx).search(text);
        QVERIFY2(hits.ok(), hits.ok() ? "" : qPrintable(hits.error().message));
        QVERIFY(hits->isEmpty());
        QCOMPARE(m_t.count(QStringLiteral("SELECT count(*) FROM patients")), 14);
    }

    // An index of tens of thousands: the central database chooses, by how common the words are together,
    // between reading the index in order and its trigram index, or walks a stretch and then uses the trigram
    // index for the rest. Whatever it chooses, the hits are those reading every row would give, in order.
    void aLargeIndexGivesWhatReadingEveryRowGives_data() {
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<int>("limit");
        const auto row = [](const char* name, QStringList patterns, int limit) {
            QTest::newRow(name) << patterns << limit;
        };
        row("common: the first rows fill the page", {QStringLiteral("  common")}, 50);
        row("less common: a stretch fills it", {QStringLiteral("  walker")}, 50);
        row("sparse: a stretch, then the trigram index", {QStringLiteral("  sparse")}, 50);
        row("rare: the trigram index", {QStringLiteral("  rarest")}, 50);
        row("two words, common together", {QStringLiteral("  common"), QStringLiteral("  pair")}, 50);
        row("two words, rare together", {QStringLiteral("  walker"), QStringLiteral("  sparse")}, 50);
        row("inside a word", {QStringLiteral("ommo")}, 50);
        row("every hit", {QStringLiteral("  sparse")}, 10000);
        row("none", {QStringLiteral("  nowhere")}, 50);
    }

    void aLargeIndexGivesWhatReadingEveryRowGives() {
        QFETCH(QStringList, patterns);
        QFETCH(int, limit);
        constexpr int Rows = 40000;
        constexpr qint64 FirstRow = 1000; // after the people above, as ids follow each other
        const auto bodyOf = [](int k) -> QString {
            QString words = QStringLiteral("filler%1").arg(k % 97);
            if (k % 40 == 0)
                words += QStringLiteral(" common");
            if (k % 80 == 0)
                words += QStringLiteral(" pair");
            if (k % 400 == 7)
                words += QStringLiteral(" walker");
            if (k % 2000 == 1999 || k == 2407 || k == 39607)
                words += QStringLiteral(" sparse");
            if (k == 9000 || k == 39000)
                words += QStringLiteral(" rarest");
            if (k == 30007) // too many word starts for pair keys: the overflow key stands for them all
                words += QStringLiteral(" sparse ann bea cal dan eve fay gus hal ida jon kay lou");
            return SearchText::indexBody({words});
        };
        if (m_t.count(QStringLiteral("SELECT count(*) FROM search_index WHERE rowid >= %1").arg(FirstRow)) ==
            0) {
            // The central database keeps each body's signature; one row in ten is left unsigned (every bit
            // set), as rows are until an upgrade signs them.
            const bool signs = m_t.db->dialect() == Dialect::Postgres;
            for (int from = 0; from < Rows; from += 1000) {
                QStringList values;
                for (int k = from; k < from + 1000; ++k) {
                    // With its pair keys, as the store writes it: beside the body, or after it.
                    const QString body = bodyOf(k);
                    const QString keys = SearchText::pairKeysOf(body);
                    values.append(signs
                                      ? QStringLiteral("(%1, '%2', %3, '%4')")
                                            .arg(FirstRow + 2 * k)
                                            .arg(body)
                                            .arg(k % 10 == 3 ? -1 : SearchText::signature(body))
                                            .arg(keys)
                                      : QStringLiteral("(%1, '%2')").arg(FirstRow + 2 * k).arg(body + keys));
                }
                Query q(*m_t.db,
                        (signs ? QStringLiteral("INSERT INTO search_index (rowid, body, sig, pairs) VALUES ")
                               : QStringLiteral("INSERT INTO search_index (rowid, body) VALUES ")) +
                            values.join(QLatin1Char(',')));
                QVERIFY2(q.exec().ok(), "the index rows");
            }
        }
        QList<qint64> expected;
        for (int k = 0; k < Rows && expected.size() < limit; ++k) {
            const QString body = bodyOf(k);
            if (std::all_of(patterns.cbegin(), patterns.cend(),
                            [&](const QString& p) { return body.contains(p); }))
                expected.append(FirstRow + 2 * k);
        }
        auto got = SearchRepository(*m_t.db).matching(patterns, limit);
        QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(got.error().message));
        QCOMPARE(got.value(), expected);
    }

    // An upgrade writes every body again with its pair keys, in batches; until it has finished, searches
    // don't look keys up, so people whose bodies don't hold them yet are still found.
    void bodiesWaitingForTheirKeysAreStillFound() {
        constexpr qint64 Row = 1000 + 2 * 39607; // "walker sparse", beyond where the index is walked
        const QStringList both{QStringLiteral("  walker"), QStringLiteral("  sparse")};
        SearchRepository search(*m_t.db);
        auto before = search.matching(both, 50);
        QVERIFY(before.ok());
        QVERIFY(before->contains(Row));
        const QString body = SearchText::indexBody({QStringLiteral("filler31 walker sparse")});
        const auto setKeys = [&](const QString& keys) {
            Query q(*m_t.db, m_t.db->dialect() == Dialect::Postgres
                                 ? QStringLiteral("UPDATE search_index SET pairs = ? WHERE rowid = ?")
                                 : QStringLiteral("UPDATE search_index SET body = ? WHERE rowid = ?"));
            q.add(m_t.db->dialect() == Dialect::Postgres ? keys : QString(body + keys)).add(Row);
            return q.exec().ok();
        };
        QVERIFY(!SearchText::pairKeysOf(body).isEmpty());
        QVERIFY(setKeys(QStringLiteral(""))); // as a row from before keys (empty, not NULL)
        {
            Query pending(*m_t.db, QStringLiteral("INSERT INTO search_rebuild (kind, next_id) VALUES "
                                                  "('patient', 999999999)"));
            QVERIFY(pending.exec().ok());
        }
        auto waiting = search.matching(both, 50);
        QVERIFY(waiting.ok());
        QCOMPARE(waiting.value(), before.value());
        QVERIFY(setKeys(SearchText::pairKeysOf(body)));
        Query done(*m_t.db, QStringLiteral("DELETE FROM search_rebuild"));
        QVERIFY(done.exec().ok());
    }

    // A person written twice in one call keeps the last body, and is found by it alone.
    void aPersonWrittenTwiceInOneCallKeepsTheLastBody() {
        auto patient = PatientRepository(*m_t.db).byMrn(QStringLiteral("100204"));
        QVERIFY(patient && patient->has_value());
        Patient first = **patient;
        first.givenName = QStringLiteral("Firstwritten");
        Patient later = **patient;
        later.givenName = QStringLiteral("Laterwritten");
        SearchRepository search(*m_t.db);
        QVERIFY(search.indexPatients({first, later}).ok());
        const qint64 rowid = first.id * 2;
        QCOMPARE(m_t.count(QStringLiteral("SELECT count(*) FROM search_index WHERE rowid = %1").arg(rowid)),
                 1);
        auto found = search.matching({QStringLiteral("laterwritten")}, 10);
        QVERIFY(found.ok());
        QCOMPARE(*found, QList<qint64>{rowid});
        found = search.matching({QStringLiteral("firstwritten")}, 10);
        QVERIFY(found.ok());
        QVERIFY(found->isEmpty());
        QVERIFY(search.indexPatient(**patient).ok()); // as it was, for the tests after
    }

    void overLongSearchIsRefused() {
        auto ctx = m_t.as(QStringLiteral("agent"));
        auto hits = PatientService(*ctx).search(QString(500, QLatin1Char('a')));
        QVERIFY(!hits.ok());
        QCOMPARE(hits.error().kind, ErrorKind::Validation);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "TestSearch.moc"
