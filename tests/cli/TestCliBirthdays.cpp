// Support agents at the command line (SPEC section 6): no birth date and no birthday in disguise, in text
// or --json; the birthdays ahead refused; a caller's date checked with "patient verify", a few tries an
// hour.
#include "cli/CliRunner.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace pd::test;

namespace {

// Ana, born 1 December 2014, and the forms her birthday could take in what a command prints.
const QStringList AnasBirthday{"2014-12-01", "2026-12-01", "12-01", "12/01", "01/12", "2014"};

// What of `forms` appears in `text`.
QStringList found(const QString& text, const QStringList& forms) {
    QStringList out;
    for (const QString& f : forms) {
        if (text.contains(f))
            out << f;
    }
    return out;
}

} // namespace

class TestCliBirthdays : public QObject {
    Q_OBJECT

    // Her mother's enrollment, the notice before the 12th birthday, the run that marked the invitation
    // late, and the birthday's own run, which ended the access, closed the login and revoked the invitation.
    // `runner` runs the daily job.
    void anasStory(Cli& cli, const QString& runner = QStringLiteral("maria")) {
        QCOMPARE(cli.enrollChild("100500", "Ana", "Ruiz", "2014-12-01", "Rosa", "rosa@example.org"),
                 QString());
        for (const char* night : {"", "2026-11-30T08:00:00", "2026-12-01T08:00:00"}) {
            if (*night)
                cli.setNow(QString::fromLatin1(night));
            const CliResult ran = cli.run({"daily", "--no-mail"}, {}, runner);
            QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        }
        cli.setNow("2026-12-02T09:00:00");
    }

private slots:
    void aPatientShowsNoBirthdayToAnAgent_data() {
        QTest::addColumn<QString>("staff");
        QTest::addColumn<bool>("json");
        QTest::addColumn<bool>("hidden");
        QTest::newRow("agent, text") << "sam" << false << true;
        QTest::newRow("agent, json") << "sam" << true << true;
        QTest::newRow("specialist, text") << "maria" << false << false;
        QTest::newRow("specialist, json") << "maria" << true << false;
    }
    void aPatientShowsNoBirthdayToAnAgent() {
        QFETCH(QString, staff);
        QFETCH(bool, json);
        QFETCH(bool, hidden);
        Cli cli;
        anasStory(cli);
        const auto r = cli.run({"patient", "show", "100500"}, {}, staff, json);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList there = found(r.out, AnasBirthday);
        if (!hidden) {
            QVERIFY2(there.contains("2014-12-01"), qPrintable(r.out));
            return;
        }
        QVERIFY2(there.isEmpty(), qPrintable(there.join(", ") + "\n" + r.out));
        // What the rules decided is all still there, in words.
        if (json) {
            const QJsonObject doc = r.json();
            QVERIFY(doc.value("age").isNull());
            QCOMPARE(doc.value("bracket").toString(), QStringLiteral("adolescent"));
            QVERIFY(doc.value("next_transition").toObject().value("date").isNull());
            QCOMPARE(doc.value("next_transition").toObject().value("age").toInt(), 18);
            const QJsonObject grant = doc.value("grants").toArray().at(0).toObject();
            QCOMPARE(grant.value("end_reason").toString(), QStringLiteral("age_12"));
            QCOMPARE(grant.value("open").toBool(), false);
            QVERIFY(grant.value("ended_at").isNull());
        } else {
            QVERIFY2(r.out.contains("born ••• (Adolescent (12–17);"), qPrintable(r.out));
            QVERIFY2(r.out.contains("next transition: turns 18 (the day is a birthday"), qPrintable(r.out));
            QVERIFY2(r.out.contains("ENDED — (age_12)"), qPrintable(r.out));
            QVERIFY2(r.out.contains("Access ended (patient turned 12): child-bracket access ends on the 12th "
                                    "birthday."),
                     qPrintable(r.out));
            QVERIFY2(r.out.contains("Notice queued: access changes at age 12.\n"), qPrintable(r.out));
        }
    }

    void aLoginShowsNoBirthdayToAnAgent() {
        Cli cli;
        anasStory(cli);
        for (bool json : {false, true}) {
            const auto r = cli.run({"user", "show", "rosa@example.org"}, {}, "sam", json);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(found(r.out, AnasBirthday).isEmpty(), qPrintable(r.out));
        }
        QVERIFY(cli.run({"user", "show", "rosa@example.org"}).out.contains("2026-12-01"));
    }

    void theBirthdaysAheadAreForHimStaff() {
        Cli cli;
        QCOMPARE(cli.enrollChild("100501", "Leo", "Ruiz", "2014-12-10", "Rosa", "rosa@example.org"),
                 QString());
        const auto agent = cli.run({"transitions", "upcoming"}, {}, "sam");
        QCOMPARE(agent.exitCode, 6);
        QVERIFY2(agent.out.isEmpty(), qPrintable(agent.out));
        const auto staff = cli.run({"transitions", "upcoming"});
        QCOMPARE(staff.exitCode, 0);
        QVERIFY(staff.out.contains("2026-12-10"));
    }

    // The caller's date, checked: the answer only, five tries an hour for the patient, then exit 3 with the
    // rule; a date that is no date is no try.
    void aCallersDateIsCheckedNotShown() {
        Cli cli;
        anasStory(cli);
        const auto yes = cli.run({"patient", "verify", "100500", "--birth-date", "2014-12-01"}, {}, "sam");
        QCOMPARE(yes.exitCode, 0);
        QVERIFY2(yes.out.startsWith("Matches"), qPrintable(yes.out));
        const auto no = cli.json({"patient", "verify", "100500", "--birth-date", "2014-01-12"}, {}, "sam");
        QCOMPARE(no.exitCode, 0);
        QCOMPARE(no.json().value("matches").toBool(), false);
        QVERIFY(found(no.out, AnasBirthday).isEmpty());
        const auto bad = cli.run({"patient", "verify", "100500", "--birth-date", "2014-02-30"}, {}, "sam");
        QCOMPARE(bad.exitCode, 3);
        QCOMPARE(cli.run({"patient", "verify", "100500"}, {}, "sam").exitCode, 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                cli.run({"patient", "verify", "100500", "--birth-date", "2014-12-02"}, {}, "sam").exitCode,
                0);
        const auto sixth = cli.run({"patient", "verify", "100500", "--birth-date", "2014-12-01"}, {}, "sam");
        QCOMPARE(sixth.exitCode, 3);
        QVERIFY2(sixth.err.contains("identity.checks_per_hour"), qPrintable(sixth.err));
        cli.setNow("2026-12-02T10:01:00");
        QCOMPARE(cli.run({"patient", "verify", "100500", "--birth-date", "2014-12-01"}, {}, "sam").exitCode,
                 0);
        // Each check is in the timeline, with its answer and without the date.
        const auto page = cli.run({"patient", "show", "100500"}, {}, "sam");
        QCOMPARE(page.out.count("Identity check: the birth date the caller gave matches."), 2);
        QCOMPARE(page.out.count("Identity check: the birth date the caller gave doesn't match."), 4);
    }

    // The daily job's own service account runs the nights of Ana's story as a specialist would, and is
    // refused everything else.
    void theDailyJobsAccountRunsTheNightsOnly() {
        Cli cli;
        const CliResult added = cli.run({"staff", "add", "nightly", "--role", "daily_job"}, {}, "admin");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        anasStory(cli, QStringLiteral("nightly"));
        const QJsonObject ana = cli.run({"patient", "show", "100500"}, {}, "maria", true).json();
        const QJsonObject grant = ana.value("grants").toArray().at(0).toObject();
        QCOMPARE(grant.value("end_reason").toString(), QStringLiteral("age_12"));
        QCOMPARE(grant.value("open").toBool(), false);
        const CliResult page = cli.run({"patient", "show", "100500"});
        // The night's work is in the timeline in the account's name.
        QVERIFY2(page.out.contains(QRegularExpression("nightly +Notice queued: access changes at age 12")),
                 qPrintable(page.out));
        QVERIFY2(page.out.contains(QRegularExpression("nightly +Access ended \\(patient turned 12\\)")),
                 qPrintable(page.out));
        for (const QStringList& other :
             {QStringList{"search", "ruiz"}, QStringList{"patient", "show", "100500"},
              QStringList{"transitions", "upcoming"}, QStringList{"audit", "anchor"},
              QStringList{"mail", "send"}, QStringList{"staff", "list"}}) {
            const CliResult r = cli.run(other, {}, QStringLiteral("nightly"));
            QCOMPARE(r.exitCode, 6);
            QVERIFY2(r.err.contains("daily job's service account"), qPrintable(r.err));
        }
    }

    void listedInTheUsage() {
        Cli cli;
        QVERIFY(cli.run({"--help"}).out.contains("patient verify MRN --birth-date YYYY-MM-DD"));
    }
};

QTEST_GUILESS_MAIN(TestCliBirthdays)
#include "TestCliBirthdays.moc"
