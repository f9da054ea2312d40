// The diagnostics' categories, all switched on for a family's whole story from the command line: each
// category says what the program did, and none of them ever holds the family's names, MRN, birth date,
// addresses, phone, PIN or activation link.
#include "cli/CliRunner.h"

#include <QCryptographicHash>

using namespace pd::test;
using namespace Qt::StringLiterals;

class TestCliLogging : public QObject {
    Q_OBJECT

private slots:
    void everyCategorySpeaksAndNoneNamesTheFamily() {
        Cli cli;
        cli.setEnv(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("portaldesk.*=true"));
        QStringList logs;
        const auto run = [&](const QStringList& args, const QByteArray& input = {},
                             const QString& staff = QStringLiteral("maria")) {
            const CliResult r = cli.run(args, input, staff);
            logs.append(r.err);
            return r;
        };
        QCOMPARE(
            run({"patient", "add", "--mrn", "7700123", "--given", "Zuleika", "--family", "Quintanilla-Ybarra",
                 "--birth-date", "2016-05-04", "--phone", "(323) 555-0199", "--email", "zq.home@example.org"})
                .exitCode,
            0);
        QCOMPARE(run({"enroll", "--mrn", "7700123", "--form", "parent", "--signed", "2026-11-24", "--given",
                      "Ximena", "--family", "Quintanilla", "--email", "ximena.q@example.org",
                      "--relationship", "parent"},
                     "739104")
                     .exitCode,
                 0);
        QCOMPARE(run({"invitation", "send-now", "ximena.q@example.org"}).exitCode, 0);
        QCOMPARE(run({"mail", "send"}).exitCode, 0);
        const QString token = cli.newTokenFor(QStringLiteral("ximena.q@example.org"));
        QCOMPARE(token.size(), 43);
        QCOMPARE(run({"activate", "--token", token}, "739104", QStringLiteral("portal")).exitCode, 0);

        QTemporaryDir dir;
        const QString hl7 = dir.filePath(QStringLiteral("a08.hl7"));
        QFile file(hl7);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // A control id built from the MRN, as some EHRs make them.
        file.write("MSH|^~\\&|EPIC|CHLA|PORTALDESK|CHLA|20261124080000||ADT^A08|7700123-0042|P|2.5.1\r"
                   "EVN|A08|20261124080000\r"
                   "PID|1||7700123^^^CHLA^MR||Quintanilla-Ybarra^Zuleika Marisol||20160504|F\r");
        file.close();
        QCOMPARE(run({"import", "hl7", hl7}).exitCode, 0);
        cli.setNow(QStringLiteral("2026-12-30T01:00:00"));
        QCOMPARE(run({"daily"}).exitCode, 0);

        const QString all = logs.join(QLatin1Char('\n'));
        // Each category the story went through speaks, so this can't pass on silence.
        const QString fingerprint = QString::fromLatin1(
            QCryptographicHash::hash("7700123-0042", QCryptographicHash::Sha256).toHex().left(12));
        for (const QString& said :
             QStringList{u"portaldesk.store: opened the embedded database"_s, u"portaldesk.daily: started"_s,
                         u"portaldesk.mail: outbox 1 (invitation): sent"_s,
                         u"portaldesk.feed: ADT^A08 #"_s + fingerprint + u": AA"_s})
            QVERIFY2(all.contains(said), qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(said, all)));
        for (const char* secret :
             {"7700123", "Zuleika", "Marisol", "Quintanilla", "Ybarra", "Ximena", "2016-05-04", "20160504",
              "555-0199", "5550199", "zq.home", "ximena.q", "739104"})
            QVERIFY2(!all.contains(QLatin1String(secret)),
                     qPrintable(QStringLiteral("\"%1\" in:\n%2").arg(secret, all)));
        QVERIFY(!all.contains(token));
    }
};

QTEST_GUILESS_MAIN(TestCliLogging)
#include "TestCliLogging.moc"
