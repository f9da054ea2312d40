// The whole life of a portal login from the command line: enroll, send, activate, reissue, lockout,
// expiry, the 12th birthday, and an audit log that notices tampering.
#include "cli/CliRunner.h"

#include <QFile>

#include <QJsonArray>
#include <QSet>

using namespace pd::test;

class TestCliFlow : public QObject {
    Q_OBJECT

    // A 9-year-old (born 2017-03-02) enrolled by her mother, invitation sent and delivered.
    void enrolledFamily(Cli& cli, const QString& mrn, const QString& email,
                        const QString& pin = QStringLiteral("482913")) {
        QCOMPARE(cli.enrollChild(mrn, "Ana", "López", "2017-03-02", "María", email, pin.toUtf8()), QString());
        QCOMPARE(cli.run({"invitation", "send-now", email}).exitCode, 0);
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0);
    }

    QString userStatus(Cli& cli, const QString& user) {
        return cli.json({"user", "show", user})
            .json()
            .value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

private slots:
    void enrollSendActivate() {
        Cli cli;
        enrolledFamily(cli, QStringLiteral("100200"), QStringLiteral("maria.lopez@example.org"));
        const QString token = cli.newTokenFor(QStringLiteral("maria.lopez@example.org"));
        QCOMPARE(token.size(), 43);
        QCOMPARE(userStatus(cli, QStringLiteral("maria.lopez")), QStringLiteral("pending"));
        cli.setNow(QStringLiteral("2026-11-25T18:00:00"));
        const auto activated = cli.run({"activate", "--token", token}, "482913", QStringLiteral("portal"));
        QVERIFY2(activated.exitCode == 0, qPrintable(activated.err));
        QCOMPARE(userStatus(cli, QStringLiteral("maria.lopez")), QStringLiteral("active"));
        const auto show = cli.json({"patient", "show", "100200"}).json();
        QCOMPARE(show.value(QStringLiteral("bracket")).toString(), QStringLiteral("child"));
        QCOMPARE(show.value(QStringLiteral("grants"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("level"))
                     .toString(),
                 QStringLiteral("full"));
        QCOMPARE(show.value(QStringLiteral("invitations"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("activated"));
    }

    void reissueKillsTheOldLink() {
        Cli cli;
        enrolledFamily(cli, QStringLiteral("100200"), QStringLiteral("maria.lopez@example.org"));
        const QString oldToken = cli.newTokenFor(QStringLiteral("maria.lopez@example.org"));
        cli.setNow(QStringLiteral("2026-11-30T10:00:00"));
        QCOMPARE(cli.run({"invitation", "reissue", "maria.lopez"}, {}, QStringLiteral("sam")).exitCode, 0);
        QCOMPARE(cli.run({"mail", "send"}).exitCode, 0);
        const QString newToken = cli.newTokenFor(QStringLiteral("maria.lopez@example.org"), {oldToken});
        QCOMPARE(newToken.size(), 43);

        const auto old = cli.run({"activate", "--token", oldToken}, "482913", QStringLiteral("portal"));
        QCOMPARE(old.exitCode, 3);
        QVERIFY2(old.err.contains(QStringLiteral("newer")), qPrintable(old.err));
        QCOMPARE(cli.run({"activate", "--token", newToken}, "482913", QStringLiteral("portal")).exitCode, 0);
        QCOMPARE(cli.sql(QStringLiteral("SELECT status FROM invitations ORDER BY id")),
                 QStringLiteral("revoked\nactivated"));
    }

    // The embedded file's desktop passwords: the first supervisor's at init, one-time ones from a supervisor.
    void desktopPasswordsAreGivenAtTheCommandLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QStringList give = {QStringLiteral("staff"), QStringLiteral("password"),
                                  QStringLiteral("maria")};
        QTest::newRow("a one-time password")
            << give << QStringLiteral("admin") << QByteArray("one-time-pw-2026") << 0
            << QStringLiteral("one-time password");
        QTest::newRow("too short") << give << QStringLiteral("admin") << QByteArray("short") << 3
                                   << QStringLiteral("12 characters");
        QTest::newRow("holding the name") << give << QStringLiteral("admin") << QByteArray("maria-pw-2026-x")
                                          << 3 << QStringLiteral("sign-in name");
        QTest::newRow("not a supervisor")
            << give << QStringLiteral("sam") << QByteArray("one-time-pw-2026") << 6 << QString();
        QTest::newRow("the first supervisor's own, at init")
            << QStringList{QStringLiteral("init"), QStringLiteral("--password-stdin")}
            << QStringLiteral("admin") << QByteArray("boss-password-2026") << 0
            << QStringLiteral("password is set");
    }

    void desktopPasswordsAreGivenAtTheCommandLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, staff);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        Cli cli;
        const CliResult r = cli.run(args, input, staff);
        const QString printed = r.out + r.err;
        QVERIFY2(r.exitCode == exitCode, qPrintable(printed));
        QVERIFY2(printed.contains(says), qPrintable(printed));
        QVERIFY2(!printed.contains(QString::fromUtf8(input)), qPrintable(printed)); // never echoed
    }

    void fiveWrongPinsLock() {
        Cli cli;
        enrolledFamily(cli, QStringLiteral("100200"), QStringLiteral("maria.lopez@example.org"));
        const QString token = cli.newTokenFor(QStringLiteral("maria.lopez@example.org"));
        for (int i = 1; i <= 5; ++i) {
            const auto r = cli.run({"activate", "--token", token}, "111000", QStringLiteral("portal"));
            QCOMPARE(r.exitCode, 3);
            QCOMPARE(r.err.contains(QStringLiteral("locked")), i == 5);
        }
        const auto right = cli.run({"activate", "--token", token}, "482913", QStringLiteral("portal"));
        QCOMPARE(right.exitCode, 3);
        QVERIFY(right.err.contains(QStringLiteral("locked")));
        const auto locked = cli.json({"invitation", "list", "--status", "locked"}).json();
        QCOMPARE(locked.value(QStringLiteral("invitations")).toArray().size(), 1);
        QCOMPARE(userStatus(cli, QStringLiteral("maria.lopez")), QStringLiteral("pending"));
    }

    void expiresThirtyDaysAfterSending_data() {
        QTest::addColumn<QString>("now");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("30 days less a minute") << "2026-12-24T08:59:00" << 0;
        QTest::newRow("exactly 30 days") << "2026-12-24T09:00:00" << 3;
        QTest::newRow("31 days") << "2026-12-25T09:00:00" << 3;
        QTest::newRow("31 days, given in UTC") << "2026-12-25T17:00:00Z" << 3;
    }

    void expiresThirtyDaysAfterSending() {
        QFETCH(QString, now);
        QFETCH(int, exitCode);
        Cli cli; // sent 2026-11-24 09:00 Los Angeles
        enrolledFamily(cli, QStringLiteral("100200"), QStringLiteral("maria.lopez@example.org"));
        const QString token = cli.newTokenFor(QStringLiteral("maria.lopez@example.org"));
        cli.setNow(now);
        const auto daily = cli.run({"daily"});
        QCOMPARE(daily.exitCode, 0);
        const auto listed = cli.json({"invitation", "list", "--status", "expired"}).json();
        QCOMPARE(listed.value(QStringLiteral("invitations")).toArray().size(), exitCode == 0 ? 0 : 1);
        const auto r = cli.run({"activate", "--token", token}, "482913", QStringLiteral("portal"));
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY2(r.err.contains(QStringLiteral("expired")), qPrintable(r.err));
    }

    void twelfthBirthdayEndsTheParentsAccessAndTheAuditHolds() {
        Cli cli;
        cli.setNow(QStringLiteral("2026-11-24T09:00:00"));
        QCOMPARE(cli.run({"patient", "add", "--mrn", "100300", "--given", "Lucía", "--family", "Pérez",
                          "--birth-date", "2015-01-10"})
                     .exitCode,
                 0);
        QCOMPARE(cli.run({"enroll", "--mrn", "100300", "--form", "parent", "--signed", "2026-11-24",
                          "--given", "Rosa", "--family", "Pérez", "--email", "rosa.perez@example.org"},
                         "580417")
                     .exitCode,
                 0);
        const auto upcoming = cli.json({"transitions", "upcoming", "--days", "60"}).json();
        QCOMPARE(upcoming.value(QStringLiteral("transitions")).toArray().size(), 1);

        cli.setNow(QStringLiteral("2027-01-10T00:30:00")); // the birthday, half past midnight in Los Angeles
        const auto daily = cli.json({"daily"}).json();
        QCOMPARE(daily.value(QStringLiteral("grants_ended")).toInt(), 1);
        QCOMPARE(daily.value(QStringLiteral("users_terminated")).toInt(), 1);
        const auto show = cli.json({"patient", "show", "100300"}).json();
        const auto grant = show.value(QStringLiteral("grants")).toArray().first().toObject();
        QCOMPARE(grant.value(QStringLiteral("end_reason")).toString(), QStringLiteral("age_12"));
        QCOMPARE(grant.value(QStringLiteral("ended_at")).toString(),
                 QStringLiteral("2027-01-10T08:00:00.000Z"));
        QCOMPARE(userStatus(cli, QStringLiteral("rosa.perez")), QStringLiteral("terminated"));
        // The patient's timeline answers "why did I lose access?" in words.
        QStringList story;
        for (const auto v : show.value(QStringLiteral("timeline")).toArray())
            story.append(v.toObject().value(QStringLiteral("text")).toString());
        QVERIFY2(story.filter(QStringLiteral("Access ended (patient turned 12) on 2027-01-10")).size() == 1,
                 qPrintable(story.join(u'\n')));
        QVERIFY(story.filter(QStringLiteral("Login ended: no access to any patient was left.")).size() == 1);
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);

        // An attacker edits one event directly in the file; verify names exactly that event.
        const QString id =
            cli.sql(QStringLiteral("SELECT id FROM audit_events WHERE action = 'grant.ended'"));
        cli.sql(
            QStringLiteral(
                "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET details = '{}' WHERE id = %1;")
                .arg(id));
        const auto verify = cli.json({"audit", "verify"}, {}, QStringLiteral("admin"));
        QCOMPARE(verify.exitCode, 3);
        QCOMPARE(QString::number(verify.json().value(QStringLiteral("bad_event")).toInteger()), id);
    }

    void demoDataCoversEveryBracketAndState() {
        Cli cli;
        const auto r = cli.json({"demo-data", "--patients", "40", "--seed", "11"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Brackets on 2026-11-24: child born after 2014-11-24, adult on or before 2008-11-24.
        QVERIFY(
            cli.sql(QStringLiteral("SELECT count(*) FROM patients WHERE birth_date > '2014-11-24'")).toInt() >
            0);
        QVERIFY(
            cli
                .sql(QStringLiteral(
                    "SELECT count(*) FROM patients WHERE birth_date BETWEEN '2008-11-25' AND '2014-11-24'"))
                .toInt() > 0);
        QVERIFY(cli.sql(QStringLiteral("SELECT count(*) FROM patients WHERE birth_date <= '2008-11-24'"))
                    .toInt() > 0);
        for (const char* status : {"queued", "sent", "activated", "expired", "locked", "revoked"})
            QVERIFY2(cli.sql(QStringLiteral("SELECT count(*) FROM invitations WHERE status = '%1'")
                                 .arg(QLatin1String(status)))
                             .toInt() > 0,
                     status);
        QVERIFY(cli.sql(QStringLiteral("SELECT count(*) FROM portal_users WHERE status = 'deactivated'"))
                    .toInt() > 0);
        const auto upcoming = cli.json({"transitions", "upcoming", "--days", "30"})
                                  .json()
                                  .value(QStringLiteral("transitions"))
                                  .toArray();
        QSet<int> ages;
        for (const auto v : upcoming)
            ages.insert(v.toObject().value(QStringLiteral("age")).toInt());
        QVERIFY(ages.contains(12));
        QVERIFY(ages.contains(18));
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);
    }

    // Asked for N patients, demo data makes N, whatever the hour: a family "enrolled" later today than
    // the clock moves to the business day before instead of being left out (or consented before it
    // exists).
    void demoDataMakesEveryPatientAskedFor() {
        Cli cli;
        cli.setNow(QStringLiteral("2026-11-24T07:00:00"));
        const auto r = cli.json({"demo-data", "--patients", "20", "--seed", "6"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM patients")).toInt(), 20);
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM patients p WHERE NOT EXISTS (SELECT 1 FROM "
                                        "audit_events e WHERE e.record_type = 'patient' AND e.record_id = "
                                        "CAST(p.id AS TEXT) AND e.at > '2026-11-24T15:00')"))
                     .toInt(),
                 20); // all registered before 07:00 in Los Angeles
    }

    // A newer version that changes the search index's form writes everyone's row again on its first start,
    // saying how far it has got, and then finds people as before.
    // Every daily run leaves the audit log's head outside the database: the system log and the anchor
    // file beside the embedded database; verify then checks the log against it.
    void theDailyRunAnchorsTheAuditLogOutsideTheDatabase() {
        Cli cli;
        QCOMPARE(cli.enrollChild("400300", "Ana", "Ruiz", "2016-02-03", "Rosa", "rosa.ruiz@example.org"),
                 QString());
        cli.setEnv(QStringLiteral("PORTALDESK_SYSLOG_ECHO"), QStringLiteral("1"));
        const CliResult daily = cli.run({"daily", "--no-mail"});
        QVERIFY2(daily.exitCode == 0, qPrintable(daily.err));
        QVERIFY2(daily.out.contains(QStringLiteral("Audit log anchored at event")), qPrintable(daily.out));
        QVERIFY2(daily.err.contains(QStringLiteral("audit anchor: database=")), qPrintable(daily.err));
        const QString anchors = cli.dbPath() + QStringLiteral(".audit-anchors");
        QFile file(anchors);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 1);
        const CliResult verified = cli.run({"audit", "verify"}, {}, "admin");
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
        QVERIFY2(verified.out.contains(QStringLiteral("Checked against 1 anchor")), qPrintable(verified.out));
        // The newest events deleted by someone holding the file: named.
        cli.sql(QStringLiteral("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE id = "
                               "(SELECT max(id) FROM audit_events);"));
        const CliResult broken = cli.run({"audit", "verify"}, {}, "admin");
        QCOMPARE(broken.exitCode, 3);
        QVERIFY2(broken.out.contains(QStringLiteral("newest events were deleted")) ||
                     broken.err.contains(QStringLiteral("newest events were deleted")),
                 qPrintable(broken.out + broken.err));
    }

    void anUpgradeShowsHowFarTheSearchIndexHasGot() {
        Cli cli;
        const auto made = cli.json({"demo-data", "--patients", "30", "--seed", "4"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const int people = cli.sql(QStringLiteral("SELECT (SELECT count(*) FROM patients) + "
                                                  "(SELECT count(*) FROM portal_users)"))
                               .toInt();
        cli.sql(QStringLiteral("INSERT OR REPLACE INTO search_rebuild (kind, next_id) VALUES ('patient', 0), "
                               "('portal_user', 0); DELETE FROM search_index;"));
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM search_index")).toInt(), 0);
        const auto r = cli.run({"search", "garcia"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Indexing people for search: 0 of ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Indexing people for search: %1 of %1").arg(people)),
                 qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("García")), qPrintable(r.out)); // found once indexed
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM search_rebuild")).toInt(), 0);
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM search_index")).toInt(), people);
        const auto again = cli.run({"search", "garcia"});
        QVERIFY(!again.err.contains(QStringLiteral("Indexing"))); // nothing left to do
    }

    // patient update: a correction as HIM types it; a birth date that makes the child 12 ends the
    // parent's child-bracket access at once, and the story says why.
    void aBirthDateCorrectionEndsAccessAtOnce() {
        Cli cli;
        QCOMPARE(cli.enrollChild(QStringLiteral("100300"), QStringLiteral("Ana"), QStringLiteral("López"),
                                 QStringLiteral("2017-03-02"), QStringLiteral("María"),
                                 QStringLiteral("maria.lopez@example.org")),
                 QString());
        const auto r = cli.json(
            {"patient", "update", "100300", "--birth-date", "2013-03-02", "--phone", "(323) 361-2330"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("grants_ended")).toInt(), 1);
        QCOMPARE(r.json().value(QStringLiteral("changed")).toArray().size(), 2);
        const auto story = cli.json({"patient", "show", "100300"}).json();
        QCOMPARE(story.value(QStringLiteral("bracket")).toString(), QStringLiteral("adolescent"));
        QCOMPARE(story.value(QStringLiteral("grants"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("end_reason"))
                     .toString(),
                 QStringLiteral("age_12"));
        QVERIFY(
            cli.run({"patient", "show", "100300"}).out.contains(QStringLiteral("birth date was corrected")));
        QCOMPARE(
            cli.json({"search", "323 361 2330"}).json().value(QStringLiteral("results")).toArray().size(), 1);
        // Refusals: nothing to change, bad input, an unknown MRN, a support agent.
        QCOMPARE(cli.run({"patient", "update", "100300"}).exitCode, 3);
        QCOMPARE(cli.run({"patient", "update", "100300", "--birth-date", "02/03/2013"}).exitCode, 3);
        QCOMPARE(cli.run({"patient", "update", "999999", "--sex", "female"}).exitCode, 5);
        QCOMPARE(
            cli.run({"patient", "update", "100300", "--sex", "female"}, {}, QStringLiteral("sam")).exitCode,
            6);
        QCOMPARE(cli.run({"audit", "verify"}, {}, QStringLiteral("admin")).exitCode, 0);
    }

    void supportAgentsSeeMaskedContactDetails() {
        Cli cli;
        QCOMPARE(cli.run({"patient", "add", "--mrn", "100200", "--given", "Ana", "--family", "López",
                          "--birth-date", "2017-03-02", "--email", "family@example.org", "--phone",
                          "(323) 555-0142"})
                     .exitCode,
                 0);
        const auto shown = cli.json({"patient", "show", "100200"}, {}, QStringLiteral("sam"))
                               .json()
                               .value(QStringLiteral("patient"))
                               .toObject();
        QCOMPARE(shown.value(QStringLiteral("email")).toString(), QString::fromUtf8("f•••@example.org"));
        QCOMPARE(shown.value(QStringLiteral("phone")).toString(), QString::fromUtf8("•••-•••-0142"));
        QVERIFY(shown.value(QStringLiteral("birth_date")).isNull());
        const auto full =
            cli.json({"patient", "show", "100200"}).json().value(QStringLiteral("patient")).toObject();
        QCOMPARE(full.value(QStringLiteral("birth_date")).toString(), QStringLiteral("2017-03-02"));
    }

    void deactivationRevokesAndNotifies() {
        Cli cli;
        enrolledFamily(cli, QStringLiteral("100200"), QStringLiteral("maria.lopez@example.org"));
        const QString token = cli.newTokenFor(QStringLiteral("maria.lopez@example.org"));
        const auto refused =
            cli.run({"user", "deactivate", "maria.lopez", "--reason", "suspected_compromise"}, {},
                    QStringLiteral("sam"));
        QCOMPARE(refused.exitCode, 6);
        const auto r = cli.json({"user", "deactivate", "maria.lopez", "--reason", "suspected_compromise",
                                 "--reported-by", "mother by phone", "--verified-by", "DOB + MRN"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("revoked_invitations")).toArray().size(), 1);
        QCOMPARE(userStatus(cli, QStringLiteral("maria.lopez")), QStringLiteral("deactivated"));
        QCOMPARE(cli.run({"activate", "--token", token}, "482913", QStringLiteral("portal")).exitCode, 3);
        QCOMPARE(cli.sql(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'deactivation'")),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestCliFlow)
#include "TestCliFlow.moc"
