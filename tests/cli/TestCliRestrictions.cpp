// Access restrictions from the command line (SPEC section 8): "restriction add" bars a named person from
// each record the order names at once, and a login left with nothing is terminated; while it is in force
// no enrollment, reissue or new address lets the person back in; the desk lists, shows and reads the
// order; only a supervisor lifts one, and what it ended stays ended. On the embedded file, and on the
// central database with PORTALDESK_TEST_DB=postgresql.
#include "cli/CliRunner.h"
#include "support/PgCluster.h"

#include <QFile>
#include <QJsonArray>

#include <memory>

using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

} // namespace

class TestCliRestrictions : public QObject {
    Q_OBJECT

    QTemporaryDir m_files;
    QStringList m_databases; // central databases made for the current test, dropped after it
    int m_made = 0;
    std::unique_ptr<Cli> m_listed; // the desk the list's rows read, made once
    QString m_listedDatabase;

    static bool onServer() { return qEnvironmentVariable("PORTALDESK_TEST_DB") == "postgresql"_L1; }

    // A desk of its own: a new embedded file, or a new central database (its owner is the supervisor).
    std::unique_ptr<Cli> desk() {
        if (!onServer())
            return std::make_unique<Cli>();
        PgCluster& pg = PgCluster::shared();
        if (!pg.ok())
            qFatal("no PostgreSQL cluster: %s", qPrintable(pg.error()));
        const QString database =
            u"restrictions_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++m_made);
        if (!pg.createDatabase(database))
            qFatal("can't make database %s", qPrintable(database));
        m_databases.append(database);
        return std::make_unique<Cli>(u"postgresql://%1@127.0.0.1:%2/%3?sslmode=disable"_s.arg(pg.adminUser())
                                         .arg(pg.port())
                                         .arg(database),
                                     pg.adminPassword(), pg.binDirectory() + u"/psql"_s);
    }
    static QString supervisor(const Cli& cli) { return cli.onServer() ? QString() : u"admin"_s; }

    // A file in the test's folder with these bytes.
    QString file(const QString& name, const QByteArray& bytes) {
        const QString path = m_files.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("can't write %s", qPrintable(path));
        return path;
    }

    // Leo (MRN 100700, 7) and Mia (100701, 5) Hernández: their mother María and their father José, each
    // with one login for both; their grandmother Rosa, for Leo only. Eva Ruiz (100702) is no relation.
    static void family(Cli& cli) {
        QCOMPARE(cli.enrollChild("100700", "Leo", "Hernández", "2019-05-05", "María", "maria.h@example.org"),
                 QString());
        QCOMPARE(cli.enrollChild("100701", "Mia", "Hernández", "2021-06-06", "María", "maria.h@example.org"),
                 QString());
        for (const char* mrn : {"100700", "100701"}) {
            const auto jose = cli.run(enrollment(mrn, "José", "Hernández", "jose.h@example.org"), "482913");
            QVERIFY2(jose.exitCode == 0, qPrintable(jose.err));
        }
        const auto rosa = cli.run(enrollment("100700", "Rosa", "Hernández", "rosa.h@example.org") +
                                      QStringList{"--relationship", "family"},
                                  "482913");
        QVERIFY2(rosa.exitCode == 0, qPrintable(rosa.err));
        const auto eva = cli.run({"patient", "add", "--mrn", "100702", "--given", "Eva", "--family", "Ruiz",
                                  "--birth-date", "2018-03-02"});
        QVERIFY2(eva.exitCode == 0, qPrintable(eva.err));
    }

    static QStringList enrollment(const QString& mrn, const QString& given, const QString& family,
                                  const QString& email) {
        return {"enroll",  "--mrn", mrn,        "--form", "parent",  "--signed", "2026-11-20",
                "--given", given,   "--family", family,   "--email", email};
    }

    // The custody order that bars José from both children's records, until lifted.
    QStringList order() {
        return {"restriction", "add",
                "--mrn",       "100700",
                "--mrn",       "100701",
                "--given",     "Jose",
                "--family",    "Hernandez",
                "--email",     "jose.h@example.org",
                "--reason",    "custody_order",
                "--document",  file(u"custody-order.pdf"_s, Pdf),
                "--note",      "LA Superior Court, case 26FL01234"};
    }

    static QString openGrantsOf(const Cli& cli, const QString& email) {
        return cli.sql(u"SELECT count(*) FROM access_grants g JOIN portal_users u ON u.id = g.portal_user_id "
                       "WHERE u.email = '%1' AND g.ended_at IS NULL"_s.arg(email));
    }

    // Everything a refused command could have written.
    static QString written(const Cli& cli) {
        QStringList counts;
        for (const char* rows : {"portal_users", "access_grants", "access_grants WHERE ended_at IS NULL",
                                 "enrollments", "invitations", "outbox", "restrictions", "documents",
                                 "portal_users WHERE email LIKE 'jose.h+%'"})
            counts << cli.sql(u"SELECT count(*) FROM "_s + QLatin1StringView(rows));
        return counts.join(u'/');
    }

    // "100700 Jose, 100701 Jose": whom each listed restriction bars, and from which record.
    static QString whom(const QJsonArray& restrictions) {
        QStringList out;
        for (const QJsonValue& r : restrictions)
            out << r[u"mrn"_s].toString() + u' ' + r[u"given_name"_s].toString();
        return out.join(u", "_s);
    }

private slots:
    void cleanup() {
        for (const QString& database : std::as_const(m_databases))
            PgCluster::shared().dropDatabase(database);
        m_databases.clear();
    }

    void cleanupTestCase() {
        m_listed.reset();
        if (!m_listedDatabase.isEmpty())
            PgCluster::shared().dropDatabase(m_listedDatabase);
    }

    void anOrderEndsTheBarredFathersAccessToEachRecordAtOnce() {
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        // His invitation waits in the outbox.
        QCOMPARE(cli.run({"invitation", "send-now", "jose.h@example.org"}).exitCode, 0);
        const QString mailToHim = u"SELECT count(*) FROM outbox WHERE recipient = 'jose.h@example.org'"_s;
        const QString mailBefore = cli.sql(mailToHim);
        QCOMPARE(cli.sql(mailToHim + u" AND status = 'pending'"_s), u"1"_s);
        const auto r = cli.run(order());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(u"^Restriction \\d+ recorded: Jose Hernandez "
                                                   "<jose.h@example.org> is barred from MRN 100700's record "
                                                   "\\(custody order, until lifted\\)\\.$"_s,
                                                   QRegularExpression::MultilineOption)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(u"^Restriction \\d+ recorded: .* MRN 100701's record"_s,
                                                   QRegularExpression::MultilineOption)),
                 qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QRegularExpression(u"^  2 grant(\\(s\\)|s) ended at once; 1 login(\\(s\\))? left "
                                              "with none terminated;"_s,
                                              QRegularExpression::MultilineOption)),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(u"; 1 waiting message(\\(s\\))? cancelled"_s)),
                 qPrintable(r.out));
        // José's two grants ended for the restriction, and his login, left with none, is terminated.
        QCOMPARE(cli.sql(u"SELECT count(*) FROM access_grants g JOIN portal_users u ON u.id = "
                         "g.portal_user_id WHERE u.email = 'jose.h@example.org' AND g.ended_at IS NOT NULL "
                         "AND g.end_reason = 'restricted'"_s),
                 u"2"_s);
        QCOMPARE(cli.sql(u"SELECT status FROM portal_users WHERE email = 'jose.h@example.org'"_s),
                 u"terminated"_s);
        // Everyone else's access goes on.
        QCOMPARE(openGrantsOf(cli, u"maria.h@example.org"_s), u"2"_s);
        QCOMPARE(openGrantsOf(cli, u"rosa.h@example.org"_s), u"1"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM portal_users WHERE status = 'terminated'"_s), u"1"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM restrictions"_s), u"2"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM documents"_s), u"1"_s); // one scan for both records
        // Nothing goes to him because of it: what waited is cancelled, and nothing new is queued.
        QCOMPARE(cli.sql(mailToHim), mailBefore);
        QCOMPARE(cli.sql(mailToHim + u" AND status = 'pending'"_s), u"0"_s);
    }

    void theJsonNamesEachRecordAndWhatItEnded() {
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        const auto r = cli.json(order());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        const QJsonArray restrictions = j[u"restrictions"_s].toArray();
        QCOMPARE(restrictions.size(), 2);
        QCOMPARE(whom(restrictions), u"100700 Jose, 100701 Jose"_s);
        QCOMPARE(restrictions[0][u"reason"_s].toString(), u"custody_order"_s);
        QCOMPARE(restrictions[0][u"document_id"_s].toInteger(),
                 restrictions[1][u"document_id"_s].toInteger());
        QVERIFY(restrictions[0][u"until"_s].isNull());
        QStringList ended;
        for (const QJsonValue& id : j[u"grants_ended"_s].toArray())
            ended << QString::number(id.toInteger());
        ended.sort();
        QCOMPARE(ended.join(u','),
                 cli.sql(u"SELECT g.id FROM access_grants g JOIN portal_users u ON u.id = g.portal_user_id "
                         "WHERE u.email = 'jose.h@example.org' ORDER BY g.id"_s)
                     .split(u'\n')
                     .join(u','));
        const QJsonArray terminated = j[u"logins_terminated"_s].toArray();
        QCOMPARE(terminated.size(), 1);
        QCOMPARE(QString::number(terminated[0].toInteger()),
                 cli.sql(u"SELECT id FROM portal_users WHERE email = 'jose.h@example.org'"_s));
    }

    // The patient's page opens with the restriction, before the patient's own line; an agent sees it
    // too, without the order and with the address masked.
    void thePatientsPageOpensWithTheRestriction() {
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        const auto added = cli.json(order());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString leos = QString::number(added.json()[u"restrictions"_s][0][u"id"_s].toInteger());
        const auto shown = cli.run({"patient", "show", "100700"});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QStringList lines = shown.out.split(u'\n');
        qsizetype banner = -1, patient = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (banner < 0 && lines.at(i).startsWith(u"RESTRICTED #"_s))
                banner = i;
            if (patient < 0 && lines.at(i).startsWith(u"Patient "_s))
                patient = i;
        }
        QVERIFY2(banner >= 0 && patient > banner, qPrintable(shown.out));
        QCOMPARE(lines.at(banner), u"RESTRICTED #%1: Jose Hernandez <jose.h@example.org> is barred from MRN "
                                   "100700's record (custody order, until lifted)."_s.arg(leos));
        QCOMPARE(lines.at(banner + 1).trimmed(), u"LA Superior Court, case 26FL01234"_s);
        // Eva's page has none.
        const auto eva = cli.run({"patient", "show", "100702"});
        QVERIFY2(eva.exitCode == 0, qPrintable(eva.err));
        QVERIFY2(!eva.out.contains(u"RESTRICTED"_s), qPrintable(eva.out));

        const auto him = cli.json({"patient", "show", "100700"});
        QVERIFY2(him.exitCode == 0, qPrintable(him.err));
        const QJsonArray seen = him.json()[u"restrictions"_s].toArray();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(QString::number(seen[0][u"id"_s].toInteger()), leos);
        QCOMPARE(seen[0][u"in_force"_s].toBool(), true);
        QCOMPARE(seen[0][u"email"_s].toString(), u"jose.h@example.org"_s);
        QVERIFY(seen[0][u"document_id"_s].toInteger() > 0);

        const auto agent = cli.json({"patient", "show", "100700"}, {}, u"sam"_s);
        QVERIFY2(agent.exitCode == 0, qPrintable(agent.err));
        const QJsonArray masked = agent.json()[u"restrictions"_s].toArray();
        QCOMPARE(masked.size(), 1);
        QVERIFY(masked[0][u"document_id"_s].isNull());
        QCOMPARE(masked[0][u"email"_s].toString(), u"j•••@example.org"_s);
        QCOMPARE(masked[0][u"given_name"_s].toString(), u"Jose"_s);
    }

    // While it is in force, each way back in is refused with the restriction's rule and writes nothing;
    // the person is known by name (accents and case aside) or by the mailbox of an address (case and a
    // "+tag" aside).
    void whileInForceNoWayBackInIsOpen_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<bool>("refused");
        QTest::newRow("enrolling him by his name with accents and in capitals")
            << enrollment(u"100700"_s, u"JOSÉ"_s, u"HERNÁNDEZ"_s, u"pepe77@example.net"_s)
            << QByteArray("482913") << u"maria"_s << true;
        QTest::newRow("enrolling him by his name with accents where the order has none, in lower case")
            << enrollment(u"100701"_s, u"jósé"_s, u"hernández"_s, u"pepe77@example.net"_s)
            << QByteArray("482913") << u"maria"_s << true;
        QTest::newRow("enrolling him by his address in capitals")
            << enrollment(u"100701"_s, u"Pepe"_s, u"Smith"_s, u"Jose.H@EXAMPLE.ORG"_s) << QByteArray("482913")
            << u"maria"_s << true;
        QTest::newRow("enrolling him by his address with a +tag")
            << enrollment(u"100700"_s, u"Pepe"_s, u"Smith"_s, u"JOSE.H+kids@example.org"_s)
            << QByteArray("482913") << u"maria"_s << true;
        QTest::newRow("enrolling his brother, who is someone else")
            << enrollment(u"100700"_s, u"Pablo"_s, u"Hernández"_s, u"pablo.h@example.org"_s)
            << QByteArray("482913") << u"maria"_s << false;
        QTest::newRow("enrolling him for a record no order names")
            << enrollment(u"100702"_s, u"José"_s, u"Hernández"_s, u"pepe77@example.net"_s)
            << QByteArray("482913") << u"maria"_s << false;
        QTest::newRow("an agent reissuing his invitation")
            << QStringList{u"invitation"_s, u"reissue"_s, u"jose.h@example.org"_s} << QByteArray() << u"sam"_s
            << true;
        QTest::newRow("a specialist reissuing his invitation with a new PIN")
            << QStringList{u"invitation"_s, u"reissue"_s,       u"jose.h@example.org"_s,
                           u"--new-pin"_s,  u"--verified-by"_s, u"photo ID"_s}
            << QByteArray("590271") << u"maria"_s << true;
        QTest::newRow("the grandmother's login taking his address with a +tag")
            << QStringList{u"user"_s, u"update"_s, u"rosa.h@example.org"_s, u"--email"_s,
                           u"jose.h+x@example.org"_s}
            << QByteArray() << u"maria"_s << true;
        QTest::newRow("the grandmother's login taking his address in capitals")
            << QStringList{u"user"_s, u"update"_s, u"rosa.h@example.org"_s, u"--email"_s,
                           u"JOSE.H@example.org"_s}
            << QByteArray() << u"maria"_s << true;
        QTest::newRow("the grandmother's login taking an address of her own")
            << QStringList{u"user"_s, u"update"_s, u"rosa.h@example.org"_s, u"--email"_s,
                           u"rosa.new@example.org"_s}
            << QByteArray() << u"maria"_s << false;
    }
    void whileInForceNoWayBackInIsOpen() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, pin);
        QFETCH(QString, staff);
        QFETCH(bool, refused);
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        const auto added = cli.run(order());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString before = written(cli);
        const auto r = cli.json(args, pin, staff);
        if (!refused) {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            return;
        }
        QVERIFY2(r.exitCode == 3, qPrintable(QString::number(r.exitCode) + u' ' + r.err));
        const QJsonObject error = r.json()[u"error"_s].toObject();
        QCOMPARE(error[u"rule"_s].toString(), u"restriction.active"_s);
        QVERIFY2(error[u"message"_s].toString().contains(u"Restriction #"_s), qPrintable(r.out));
        QCOMPARE(written(cli), before);
        QCOMPARE(cli.sql(u"SELECT status FROM portal_users WHERE email = 'jose.h@example.org'"_s),
                 u"terminated"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM portal_users WHERE email = 'rosa.h@example.org'"_s), u"1"_s);
    }

    // Whom the list shows: in force by default (newest first), those ending within N days (soonest
    // first), or all of them, lifted ones too; and one patient's only. José's order bars him from both
    // children until lifted; Pedro's from Leo until 10 December; Luis's from Mia was lifted.
    void theListShowsWhatIsAsked_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("listed");
        QTest::newRow("in force, newest first")
            << QStringList() << u"maria"_s << u"100700 Pedro, 100701 Jose, 100700 Jose"_s;
        QTest::newRow("an agent sees the same")
            << QStringList() << u"sam"_s << u"100700 Pedro, 100701 Jose, 100700 Jose"_s;
        QTest::newRow("ending within 30 days")
            << QStringList{u"--ending"_s, u"30"_s} << u"maria"_s << u"100700 Pedro"_s;
        QTest::newRow("ending within 10 days")
            << QStringList{u"--ending"_s, u"10"_s} << u"maria"_s << QString();
        QTest::newRow("all, the lifted one too") << QStringList{u"--all"_s} << u"maria"_s
                                                 << u"100701 Luis, 100700 Pedro, 100701 Jose, 100700 Jose"_s;
        QTest::newRow("one patient's, in force")
            << QStringList{u"--mrn"_s, u"100701"_s} << u"maria"_s << u"100701 Jose"_s;
        QTest::newRow("one patient's, all") << QStringList{u"--mrn"_s, u"100701"_s, u"--all"_s} << u"maria"_s
                                            << u"100701 Luis, 100701 Jose"_s;
        QTest::newRow("a patient with none")
            << QStringList{u"--mrn"_s, u"100702"_s} << u"maria"_s << QString();
    }
    void theListShowsWhatIsAsked() {
        QFETCH(QStringList, options);
        QFETCH(QString, staff);
        QFETCH(QString, listed);
        if (!m_listed) {
            m_listed = desk();
            Cli& cli = *m_listed;
            if (!m_databases.isEmpty()) // kept for every row, dropped at the end
                m_listedDatabase = m_databases.takeLast();
            family(cli);
            QVERIFY(!QTest::currentTestFailed());
            QCOMPARE(cli.run(order()).exitCode, 0);
            QCOMPARE(cli.run({"restriction", "add", "--mrn", "100700", "--given", "Pedro", "--family",
                              "Gómez", "--reason", "protective_order", "--until", "2026-12-10", "--document",
                              file(u"protective-order.pdf"_s, Pdf)})
                         .exitCode,
                     0);
            const auto luis = cli.json({"restriction", "add", "--mrn", "100701", "--given", "Luis",
                                        "--family", "Díaz", "--reason", "court_order", "--until",
                                        "2027-06-30", "--document", file(u"court-order.pdf"_s, Pdf)});
            QCOMPARE(luis.exitCode, 0);
            const QString id = QString::number(luis.json()[u"restrictions"_s][0][u"id"_s].toInteger());
            const auto lifted = cli.run({"restriction", "lift", id, "--reason", "Order vacated on appeal"},
                                        {}, supervisor(cli));
            QVERIFY2(lifted.exitCode == 0, qPrintable(lifted.err));
        }
        Cli& cli = *m_listed;
        const auto r = cli.json(QStringList{u"restriction"_s, u"list"_s} + options, {}, staff);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(whom(r.json()[u"restrictions"_s].toArray()), listed);
        const auto text = cli.run(QStringList{u"restriction"_s, u"list"_s} + options, {}, staff);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(listed.isEmpty() == text.out.contains(u"No restrictions."_s), qPrintable(text.out));
        if (options.contains(u"--all"_s))
            QVERIFY2(text.out.contains(u"lifted"_s), qPrintable(text.out));
    }

    void showReadsOneAndHimStaffReadTheOrder() {
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        const QByteArray scan = Pdf + QByteArray(3000, '\x7f') + QByteArray("\n%%EOF\n");
        QStringList args = order();
        args[args.indexOf(u"--document"_s) + 1] = file(u"scanned order.pdf"_s, scan);
        const auto added = cli.json(args);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString id = QString::number(added.json()[u"restrictions"_s][1][u"id"_s].toInteger());

        const auto shown = cli.run({"restriction", "show", id});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QVERIFY2(shown.out.startsWith(u"Restriction %1 (in force): Jose Hernandez <jose.h@example.org> is "
                                      "barred from MRN 100701's record (Mia Hernández)."_s.arg(id)),
                 qPrintable(shown.out));
        QVERIFY2(shown.out.contains(u"custody order, until lifted; recorded"_s), qPrintable(shown.out));
        const auto json = cli.json({"restriction", "show", id}, {}, u"sam"_s);
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QCOMPARE(json.json()[u"restriction"_s][u"mrn"_s].toString(), u"100701"_s);
        QCOMPARE(json.json()[u"restriction"_s][u"email"_s].toString(), u"j•••@example.org"_s);
        QVERIFY(json.json()[u"restriction"_s][u"document_id"_s].isNull());
        QCOMPARE(cli.run({"restriction", "show", "999999"}).exitCode, 5);
        QCOMPARE(cli.run({"restriction", "show", "twelve"}).exitCode, 3);

        // HIM staff write out the order as filed, byte for byte.
        const QString out = m_files.filePath(u"copy-%1.pdf"_s.arg(id));
        const auto copied = cli.json({"restriction", "document", id, "--out", out});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QFile copy(out);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), scan);
        QCOMPARE(copied.json()[u"media_type"_s].toString(), u"application/pdf"_s);
        QCOMPARE(copied.json()[u"name"_s].toString(), u"scanned order.pdf"_s);
        QCOMPARE(copied.json()[u"size"_s].toInteger(), qint64(scan.size()));
        // A support agent never reads it.
        const QString denied = m_files.filePath(u"agent-%1.pdf"_s.arg(id));
        const auto agent = cli.json({"restriction", "document", id, "--out", denied}, {}, u"sam"_s);
        QCOMPARE(agent.exitCode, 6);
        QCOMPARE(agent.json()[u"error"_s][u"kind"_s].toString(), u"not_permitted"_s);
        QVERIFY(!QFile::exists(denied));
    }

    void onlyASupervisorLiftsOneAndWhatItEndedStaysEnded() {
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        const auto added = cli.json(order());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString leos = QString::number(added.json()[u"restrictions"_s][0][u"id"_s].toInteger());
        const QStringList lift{u"restriction"_s, u"lift"_s, leos, u"--reason"_s,
                               u"New order of 2026-11-23"_s};

        QCOMPARE(cli.run(lift).exitCode, 6); // a specialist
        QCOMPARE(cli.run(lift, {}, u"sam"_s).exitCode, 6);
        QCOMPARE(cli.run({"restriction", "lift", leos}, {}, supervisor(cli)).exitCode, 3); // no --reason
        QCOMPARE(cli.run({"restriction", "lift", leos, "--reason", "  "}, {}, supervisor(cli)).exitCode, 3);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM restrictions WHERE lifted_at IS NOT NULL"_s), u"0"_s);

        const auto lifted = cli.json(lift, {}, supervisor(cli));
        QVERIFY2(lifted.exitCode == 0, qPrintable(lifted.err));
        QCOMPARE(lifted.json()[u"restriction"_s][u"lift_reason"_s].toString(), u"New order of 2026-11-23"_s);
        QVERIFY(!lifted.json()[u"restriction"_s][u"lifted_at"_s].isNull());
        QCOMPARE(cli.run(lift, {}, supervisor(cli)).exitCode, 4); // already lifted
        // The grants it ended stay ended, and his login stays terminated.
        QCOMPARE(openGrantsOf(cli, u"jose.h@example.org"_s), u"0"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM access_grants g JOIN portal_users u ON u.id = "
                         "g.portal_user_id WHERE u.email = 'jose.h@example.org' AND g.end_reason = "
                         "'restricted'"_s),
                 u"2"_s);
        QCOMPARE(cli.sql(u"SELECT status FROM portal_users WHERE email = 'jose.h@example.org'"_s),
                 u"terminated"_s);
        // Leo's page has no banner any more; Mia's order is still in force.
        const auto leo = cli.run({"patient", "show", "100700"});
        QVERIFY2(leo.exitCode == 0 && !leo.out.contains(u"RESTRICTED"_s), qPrintable(leo.out));
        const auto mia = cli.run({"patient", "show", "100701"});
        QVERIFY2(mia.out.contains(u"RESTRICTED #"_s), qPrintable(mia.out));
        const auto shown = cli.run({"restriction", "show", leos});
        QVERIFY2(shown.out.startsWith(u"Restriction %1 (lifted)"_s.arg(leos)), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(u": New order of 2026-11-23"_s), qPrintable(shown.out));
    }

    // A bad order is refused whole: no restriction, no scan kept, and nobody's access ends.
    void aBadOrderIsRefusedAndNothingIsKept_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QStringList>("values"); // none: the option left out
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("rule");
        QTest::newRow("without the order's scan")
            << u"document"_s << QStringList() << 3 << u"input.missing"_s;
        QTest::newRow("a scan that is a program")
            << u"document"_s << QStringList{u"program.exe"_s} << 3 << u"restriction.document_type"_s;
        QTest::newRow("a text file named .pdf")
            << u"document"_s << QStringList{u"not-a-scan.pdf"_s} << 3 << u"restriction.document_type"_s;
        QTest::newRow("an empty file")
            << u"document"_s << QStringList{u"empty.pdf"_s} << 3 << u"restriction.document_missing"_s;
        QTest::newRow("a file that isn't there")
            << u"document"_s << QStringList{u"absent.pdf"_s} << 3 << u"input.document"_s;
        QTest::newRow("a reason no order has")
            << u"reason"_s << QStringList{u"gut_feeling"_s} << 3 << u"restriction.reason"_s;
        QTest::newRow("other, without a note saying what the document is")
            << u"reason"_s << QStringList{u"other"_s} << 3 << u"restriction.note_required"_s;
        QTest::newRow("a last day February doesn't have")
            << u"until"_s << QStringList{u"2026-02-30"_s} << 3 << u"input.date"_s;
        QTest::newRow("a last day already past")
            << u"until"_s << QStringList{u"2026-11-23"_s} << 3 << u"restriction.until_past"_s;
        QTest::newRow("without the person's family name")
            << u"family"_s << QStringList() << 3 << u"input.missing"_s;
        QTest::newRow("an address that is not one")
            << u"email"_s << QStringList{u"jose at example"_s} << 3 << u"input.email"_s;
        QTest::newRow("an MRN not on file")
            << u"mrn"_s << QStringList{u"999999"_s} << 5 << u"patient.not_found"_s;
        QTest::newRow("a sibling's MRN not on file: the other record is not restricted either")
            << u"mrn"_s << QStringList{u"100700"_s, u"999999"_s} << 5 << u"patient.not_found"_s;
        QTest::newRow("an option restriction add doesn't have")
            << u"expires"_s << QStringList{u"2027-01-01"_s} << 2 << QString();
    }
    void aBadOrderIsRefusedAndNothingIsKept() {
        QFETCH(QString, option);
        QFETCH(QStringList, values);
        QFETCH(int, exitCode);
        QFETCH(QString, rule);
        auto made = desk();
        Cli& cli = *made;
        family(cli);
        QVERIFY(!QTest::currentTestFailed());
        const QHash<QString, QByteArray> files{
            {u"program.exe"_s, QByteArray("MZ\x90\x00\x03\x00\x00\x00", 8)},
            {u"not-a-scan.pdf"_s, "The judge said no.\n"},
            {u"empty.pdf"_s, QByteArray()}};
        QStringList args = order();
        if (option == u"note"_s || (option == u"reason"_s && values == QStringList{u"other"_s})) {
            const qsizetype at = args.indexOf(u"--note"_s);
            args.remove(at, 2);
        }
        const QString flag = u"--"_s + option;
        qsizetype at = args.indexOf(flag);
        while (at >= 0) {
            args.remove(at, 2);
            at = args.indexOf(flag);
        }
        for (const QString& value : std::as_const(values)) {
            QString v = value;
            if (option == u"document"_s)
                v = files.contains(value) ? file(value, files.value(value)) : m_files.filePath(value);
            args << flag << v;
        }
        const QString before = cli.sql(u"SELECT count(*) FROM audit_events"_s);
        const auto r = cli.json(args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + u' ' + r.err));
        const QJsonObject error = r.json()[u"error"_s].toObject();
        if (rule.isEmpty())
            QCOMPARE(error[u"kind"_s].toString(), u"usage"_s);
        else
            QCOMPARE(error[u"rule"_s].toString(), rule);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM restrictions"_s), u"0"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM documents"_s), u"0"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM audit_events"_s), before);
        QCOMPARE(openGrantsOf(cli, u"jose.h@example.org"_s), u"2"_s);
        QCOMPARE(cli.sql(u"SELECT status FROM portal_users WHERE email = 'jose.h@example.org'"_s),
                 u"pending"_s);
    }

    // A note is kept as typed: SQL, quotes and the like are text, nothing more.
    void theNoteIsKeptAsTyped_data() {
        QTest::addColumn<QString>("note");
        QTest::newRow("SQL ending the statement") << u"'); DROP TABLE restrictions; --"_s;
        QTest::newRow("SQL in double quotes") << u"\"; DELETE FROM documents WHERE \"\" = \""_s;
        QTest::newRow("apostrophes") << u"O'Brien's lawyer: Ms. D'Angelo’s copy"_s;
        QTest::newRow("LIKE wildcards and backslashes") << u"100% _sure_ C:\\orders\\26FL01234"_s;
        QTest::newRow("Spanish") << u"Orden del juez Núñez: «sin acceso» — caso 26FL01234"_s;
    }
    void theNoteIsKeptAsTyped() {
        QFETCH(QString, note);
        auto made = desk();
        Cli& cli = *made;
        QCOMPARE(cli.run({"patient", "add", "--mrn", "100700", "--given", "Leo", "--family", "Hernández",
                          "--birth-date", "2019-05-05"})
                     .exitCode,
                 0);
        const auto added =
            cli.json({"restriction", "add", "--mrn", "100700", "--given", "Jose", "--family", "Hernandez",
                      "--reason", "other", "--note", note, "--document", file(u"order.pdf"_s, Pdf)});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.json()[u"restrictions"_s][0][u"note"_s].toString(), note);
        const QString id = QString::number(added.json()[u"restrictions"_s][0][u"id"_s].toInteger());
        const auto shown = cli.json({"restriction", "show", id}, {}, u"sam"_s);
        QCOMPARE(shown.json()[u"restriction"_s][u"note"_s].toString(), note);
        const auto text = cli.run({"patient", "show", "100700"});
        QVERIFY2(text.out.contains(u"\n  "_s + note + u'\n'), qPrintable(text.out));
        QCOMPARE(cli.sql(u"SELECT count(*) FROM restrictions"_s), u"1"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM documents"_s), u"1"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliRestrictions)
#include "TestCliRestrictions.moc"
