// request add/list/resolve from the command line: due times, the late worklist, resolution with a link to
// the action that answered it, and bad input refused with the right exit code and nothing written.
#include "cli/CliRunner.h"

#include <QJsonArray>

using namespace pd::test;

class TestCliRequests : public QObject {
    Q_OBJECT

    Cli* m_cli = nullptr;

    QString requestCount() { return m_cli->sql(QStringLiteral("SELECT count(*) FROM requests")); }

private slots:
    void initTestCase() {
        m_cli = new Cli;
        const QString failed =
            m_cli->enrollChild("100200", "Ana", "López", "2017-03-02", "María", "maria.lopez@example.org");
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase() { delete m_cli; }

    void aRequestIsLoggedWorkedAndResolved() {
        // Tuesday 24 November 2026, 09:00 in Los Angeles; Thursday is Thanksgiving.
        m_cli->setNow("2026-11-24T09:00:00");
        const CliResult added =
            m_cli->json({"request", "add", "--kind", "never_received", "--mrn", "100200", "--user",
                         "maria.lopez@example.org", "--received", "2026-11-23T17:30:00", "--channel", "phone",
                         "--note", "Mother called: no e-mail yet."},
                        {}, "sam");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QJsonObject r = added.json().value("request").toObject();
        const int id = r.value("id").toInt();
        QVERIFY(id > 0);
        QCOMPARE(r.value("kind").toString(), "never_received");
        QCOMPARE(r.value("status").toString(), "open");
        QCOMPARE(r.value("channel").toString(), "phone");
        QCOMPARE(r.value("mrn").toString(), "100200");
        QCOMPARE(r.value("received_at").toString(), "2026-11-24T01:30:00.000Z"); // Mon 17:30 PST
        QCOMPARE(r.value("due_at").toString(), "2026-11-26T00:00:00.000Z");      // Wed 16:00 PST
        QCOMPARE(r.value("late").toBool(), false);
        QCOMPARE(r.value("created_by").toString(), "sam");

        // Logged now (Tue 09:00): due Friday 09:00, over Thanksgiving.
        const CliResult now =
            m_cli->json({"request", "add", "--kind", "visibility", "--mrn", "100200"}, {}, "sam");
        QVERIFY2(now.exitCode == 0, qPrintable(now.err));
        QCOMPARE(now.json().value("request").toObject().value("due_at").toString(),
                 "2026-11-27T17:00:00.000Z");
        const int second = now.json().value("request").toObject().value("id").toInt();

        const CliResult text = m_cli->run({"request", "list"}, {}, "sam");
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("due 2026-11-25 16:00 PST"), qPrintable(text.out));
        QVERIFY(!text.out.contains("LATE"));
        QVERIFY(text.out.indexOf(QString("#%1").arg(id, 4)) <
                text.out.indexOf(QString("#%1").arg(second, 4)));

        // Thanksgiving morning: the first one is late.
        m_cli->setNow("2026-11-26T08:00:00");
        const CliResult late = m_cli->json({"request", "list", "--late"}, {}, "sam");
        QCOMPARE(late.exitCode, 0);
        const QJsonArray lateRows = late.json().value("requests").toArray();
        QCOMPARE(lateRows.size(), 1);
        QCOMPARE(lateRows.at(0).toObject().value("id").toInt(), id);
        QCOMPARE(lateRows.at(0).toObject().value("late").toBool(), true);
        QVERIFY(m_cli->run({"request", "list", "--late"}, {}, "sam").out.contains("LATE"));

        // An agent logs and lists; an HIM specialist resolves.
        const CliResult agent =
            m_cli->run({"request", "resolve", QString::number(id), "--note", "Resent."}, {}, "sam");
        QCOMPARE(agent.exitCode, 6);
        QVERIFY2(agent.err.contains("HIM specialist"), qPrintable(agent.err));

        const CliResult invitations = m_cli->json({"invitation", "list", "--mrn", "100200"});
        QCOMPARE(invitations.exitCode, 0);
        const int invitation =
            invitations.json().value("invitations").toArray().at(0).toObject().value("id").toInt();
        QVERIFY(invitation > 0);
        QCOMPARE(m_cli->run({"invitation", "send-now", "maria.lopez@example.org"}).exitCode, 0);
        const QString ref = QString("invitation:%1").arg(invitation);
        const CliResult resolved = m_cli->json(
            {"request", "resolve", QString::number(id), "--note", "Invitation sent again.", "--action", ref});
        QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err + resolved.out));
        const QJsonObject done = resolved.json().value("request").toObject();
        QCOMPARE(done.value("status").toString(), "resolved");
        QCOMPARE(done.value("resolved_by").toString(), "maria");
        QCOMPARE(done.value("resolution_note").toString(), "Invitation sent again.");
        QCOMPARE(done.value("action").toString(), ref);
        QVERIFY(done.value("action_event_id").toInt() > 0);
        QCOMPARE(done.value("late").toBool(), false);
        QCOMPARE(done.value("row_version").toInt(), 2);
        QCOMPARE(m_cli->sql(QString("SELECT action FROM audit_events WHERE id = %1")
                                .arg(done.value("action_event_id").toInt())),
                 "invitation.mail_queued"); // the specialist's own step; the mail server's comes later

        // Twice is refused; the worklist moves on; "all" keeps the history.
        const CliResult twice = m_cli->run({"request", "resolve", QString::number(id), "--note", "Again."});
        QCOMPARE(twice.exitCode, 3);
        QVERIFY2(twice.err.contains("already resolved"), qPrintable(twice.err));
        QCOMPARE(
            m_cli->json({"request", "list", "--late"}, {}, "sam").json().value("requests").toArray().size(),
            0);
        QVERIFY(m_cli->run({"request", "list", "--late"}, {}, "sam").out.contains("No request is late."));
        const QJsonArray all =
            m_cli->json({"request", "list", "--all"}, {}, "sam").json().value("requests").toArray();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value("status").toString(), "resolved");
        QCOMPARE(all.at(1).toObject().value("status").toString(), "open");
        QCOMPARE(m_cli->sql("SELECT count(*) FROM audit_events WHERE action IN ('request.added', "
                            "'request.resolved')"),
                 "3");
        QCOMPARE(m_cli->run({"audit", "verify"}, {}, "admin").exitCode, 0);
    }

    void badInputIsRefusedAndNothingWritten_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QStringList add = {"request", "add", "--mrn", "100200"};
        QTest::newRow("no kind") << add << "sam" << 3 << "--kind";
        QTest::newRow("unknown kind")
            << (add + QStringList{"--kind", "pin_reset"}) << "sam" << 3 << "never_received";
        QTest::newRow("unknown channel")
            << (add + QStringList{"--kind", "other", "--note", "x", "--channel", "fax"}) << "sam" << 3
            << "in_person";
        QTest::newRow("note of 2001 characters")
            << (add + QStringList{"--kind", "other", "--note", QString(2001, 'x')}) << "sam" << 3
            << "too long";
        QTest::newRow("received in the future")
            << (add + QStringList{"--kind", "deactivate", "--received", "2026-11-24T15:00:00"}) << "sam" << 3
            << "future";
        QTest::newRow("received two years ago")
            << (add + QStringList{"--kind", "deactivate", "--received", "2024-11-24T09:00:00"}) << "sam" << 3
            << "days ago";
        QTest::newRow("received not a time")
            << (add + QStringList{"--kind", "deactivate", "--received", "last Tuesday"}) << "sam" << 3
            << "YYYY-MM-DD";
        QTest::newRow("unknown MRN") << QStringList{"request",    "add",   "--kind",
                                                    "deactivate", "--mrn", "999999"}
                                     << "sam" << 5 << "999999";
        QTest::newRow("unknown login")
            << QStringList{"request", "add", "--kind", "deactivate", "--user", "nobody@example.org"} << "sam"
            << 5 << "nobody@example.org";
        QTest::newRow("nobody named")
            << QStringList{"request", "add", "--kind", "deactivate"} << "sam" << 3 << "MRN";
        QTest::newRow("late and all")
            << QStringList{"request", "list", "--late", "--all"} << "sam" << 3 << "not both";
        QTest::newRow("unknown option")
            << QStringList{"request", "list", "--status", "open"} << "sam" << 2 << "--status";
        QTest::newRow("resolve: not a number")
            << QStringList{"request", "resolve", "first", "--note", "x"} << "maria" << 3 << "number";
        QTest::newRow("resolve: no note")
            << QStringList{"request", "resolve", "1"} << "maria" << 3 << "--note";
        QTest::newRow("resolve: unknown request")
            << QStringList{"request", "resolve", "4242", "--note", "x"} << "maria" << 5 << "4242";
        QTest::newRow("resolve: action not TYPE:ID")
            << QStringList{"request", "resolve", "1", "--note", "x", "--action", "resent it"} << "maria" << 3
            << "TYPE:ID";
    }
    void badInputIsRefusedAndNothingWritten() {
        QFETCH(QStringList, args);
        QFETCH(QString, staff);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        m_cli->setNow("2026-11-24T09:00:00");
        const QString before = requestCount() + "/" +
                               m_cli->sql("SELECT group_concat(status || row_version) FROM requests") + "/" +
                               m_cli->sql("SELECT count(*) FROM audit_events");
        const CliResult r = m_cli->run(args, {}, staff);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(requestCount() + "/" +
                     m_cli->sql("SELECT group_concat(status || row_version) FROM requests") + "/" +
                     m_cli->sql("SELECT count(*) FROM audit_events"),
                 before);
        const CliResult json = m_cli->json(args, {}, staff);
        QCOMPARE(json.exitCode, exitCode);
        if (exitCode != 2)
            QVERIFY(!json.json().value("error").toObject().value("rule").toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliRequests)
#include "TestCliRequests.moc"
