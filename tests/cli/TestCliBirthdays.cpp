// Support agents at the command line (SPEC section 6): no birth date and no birthday in disguise, in text
// or --json; the birthdays ahead refused; a caller's date checked with "patient verify", a few tries an
// hour.
#include "cli/CliRunner.h"

#include <QJsonArray>

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
    void anasStory(Cli& cli) {
        QCOMPARE(cli.enrollChild("100500", "Ana", "Ruiz", "2014-12-01", "Rosa", "rosa@example.org"),
                 QString());
        QCOMPARE(cli.run({"daily", "--no-mail"}).exitCode, 0);
        cli.setNow("2026-11-30T08:00:00");
        QCOMPARE(cli.run({"daily", "--no-mail"}).exitCode, 0);
        cli.setNow("2026-12-01T08:00:00");
        QCOMPARE(cli.run({"daily", "--no-mail"}).exitCode, 0);
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

    void listedInTheUsage() {
        Cli cli;
        QVERIFY(cli.run({"--help"}).out.contains("patient verify MRN --birth-date YYYY-MM-DD"));
    }
};

QTEST_GUILESS_MAIN(TestCliBirthdays)
#include "TestCliBirthdays.moc"
