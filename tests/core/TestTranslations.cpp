// Spanish is kept complete: the compiled-in catalogue loads, and the source files have nothing unfinished.
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void spanishCatalogueIsCompiledIn() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/portaldesk_es.qm")));
        QVERIFY(!translator.isEmpty());
        QCoreApplication::installTranslator(&translator);
        const QString translated = QCoreApplication::translate("Cli", "Nothing matches.");
        QVERIFY(translated != QLatin1String("Nothing matches."));
        QCoreApplication::removeTranslator(&translator);
    }

    // Spanish in full, and the English plural forms ("1 match", "2 matches") that English needs too.
    void sourcesAreComplete_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("Spanish") << QStringLiteral("portaldesk_es.ts") << 100;
        QTest::newRow("English plurals") << QStringLiteral("portaldesk_en.ts") << 10;
    }

    void sourcesAreComplete() {
        QFETCH(QString, file);
        QFETCH(int, atLeast);
        QFile ts(QStringLiteral(PORTALDESK_SOURCE_DIR "/translations/") + file);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(ts.readAll());
        QVERIFY(xml.count(QStringLiteral("<message")) > atLeast);
        QCOMPARE(xml.count(QStringLiteral("type=\"unfinished\"")), 0);
        QCOMPARE(xml.count(QStringLiteral("<translation></translation>")), 0);
        QCOMPARE(xml.count(QStringLiteral("<numerusform></numerusform>")), 0);
    }

    void placeholdersSurviveTranslation() {
        QFile ts(QStringLiteral(PORTALDESK_SOURCE_DIR "/translations/portaldesk_es.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(ts.readAll());
        static const QRegularExpression message(
            QStringLiteral("<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>"),
            QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
        const auto placeholders = [](const QString& text) {
            QStringList found;
            for (auto it = placeholder.globalMatch(text); it.hasNext();)
                found.append(it.next().captured(0));
            found.removeDuplicates();
            found.sort();
            return found;
        };
        for (auto it = message.globalMatch(xml); it.hasNext();) {
            const auto m = it.next();
            QCOMPARE(placeholders(m.captured(2)), placeholders(m.captured(1)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
