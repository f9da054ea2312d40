// Search as you type over a large patient table: how long each keystroke's query takes.
// Usage: bench-search [--patients N] [--postgresql]   (default 50000, on SQLite; --postgresql runs it on a
// throw-away PostgreSQL cluster, as the tests do)
#include "benchmarks/BenchData.h"
#include "benchmarks/BenchReport.h"
#include "support/TestSupport.h"

#include "store/SearchRepository.h"

#include <QCoreApplication>

using namespace pd;
using namespace pd::bench;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    quietDiagnostics();
    int patients = 50000;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--patients")); i > 0 && i + 1 < args.size())
        patients = args.at(i + 1).toInt();
    if (args.contains(QStringLiteral("--postgresql")))
        qputenv("PORTALDESK_TEST_DB", "postgresql");

    test::TestDb t;
    QElapsedTimer fill;
    fill.start();
    if (!fillPatients(t, patients))
        return 1;
    std::printf("filled %d patients in %.1f s\n\n", patients, double(fill.elapsed()) / 1000.0);

    if (t.db->dialect() == Dialect::Postgres) {
        QSqlQuery analyze(t.db->connection()); // as autovacuum would after a bulk load
        analyze.exec(QStringLiteral("ANALYZE"));
    }
    SearchRepository search(*t.db);
    const QStringList typed = {QStringLiteral("Hernández4"),  QStringLiteral("Սարգսյան1"),
                               QStringLiteral("1004321"),     QStringLiteral("5550199"),
                               QStringLiteral("family4242@"), QStringLiteral("O'Brien12")};
    header();
    for (int length = 1; length <= 8; ++length) {
        Samples s;
        for (const QString& word : typed) {
            if (word.size() < length)
                continue;
            for (int repeat = 0; repeat < 20; ++repeat)
                s.time([&] { (void)search.search(word.left(length), 50); });
        }
        row(QStringLiteral("search, %1 character(s) typed, 50 rows").arg(length), s);
    }
    Samples cjk;
    for (const QString& word : {QStringLiteral("민준"), QStringLiteral("小明"), QStringLiteral("王")})
        for (int repeat = 0; repeat < 20; ++repeat)
            cjk.time([&] { (void)search.search(word, 50); });
    row(QStringLiteral("search, 1-2 CJK characters"), cjk);
    Samples rare;
    for (const QString& word : {QStringLiteral("xq"), QStringLiteral("q"), QStringLiteral("zz")})
        for (int repeat = 0; repeat < 20; ++repeat)
            rare.time([&] { (void)search.search(word, 50); });
    row(QStringLiteral("search, a rare 1-2 character term"), rare);
    Samples names;
    for (const QString& words : {QStringLiteral("hernandez sofia"), QStringLiteral("Lopez, Ana"),
                                 QStringLiteral("so he"), QStringLiteral("323 361 2330")})
        for (int repeat = 0; repeat < 20; ++repeat)
            names.time([&] { (void)search.search(words, 50); });
    row(QStringLiteral("search, two words in any order / a phone"), names);

    QSqlQuery plan(t.db->connection());
    std::printf("\nquery plan for a 3+ character search:\n");
    if (t.db->dialect() == Dialect::Postgres) {
        // What the search function runs for one term (it plans each term anew).
        plan.exec(QStringLiteral("EXPLAIN SELECT s.rowid FROM public.search_index s WHERE s.body LIKE "
                                 "'%hernandez4242%' ORDER BY s.rowid LIMIT 50"));
        while (plan.next())
            std::printf("  %s\n", qPrintable(plan.value(0).toString()));
        std::printf("\nand for a common one:\n");
        plan.exec(QStringLiteral("EXPLAIN SELECT s.rowid FROM public.search_index s WHERE s.body LIKE "
                                 "'%  he%' ORDER BY s.rowid LIMIT 50"));
        while (plan.next())
            std::printf("  %s\n", qPrintable(plan.value(0).toString()));
    } else {
        plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT rowid FROM search_index WHERE search_index MATCH "
                                 "'\"  he\" AND \"hernan\"' ORDER BY rowid LIMIT 50"));
        while (plan.next())
            std::printf("  %s\n", qPrintable(plan.value(3).toString()));
    }
    return 0;
}
