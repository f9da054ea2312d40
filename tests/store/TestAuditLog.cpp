// Audit events are chained: an edited or deleted event is found, and named, by verify (SPEC §7).
#include "support/TestSupport.h"
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>

#include "services/AdminService.h"
#include "store/AuditLog.h"

using namespace pd;
using namespace pd::test;

class TestAuditLog : public QObject {
    Q_OBJECT

private:
    void write(TestDb& t, int n) {
        auto ctx = t.as(QStringLiteral("specialist"));
        Transaction tx(*t.db);
        QVERIFY(tx.begin().ok());
        for (int i = 0; i < n; ++i)
            QVERIFY(ctx->audit(QStringLiteral("test.event"), QStringLiteral("patient"), i, i, 0,
                               {{QStringLiteral("n"), i}})
                        .ok());
        QVERIFY(tx.commit().ok());
    }

    // What someone with the file, or the server's superuser, could still do.
    void force(TestDb& t, const QString& sql) { forceAll(t, {sql}); }
    void forceAll(TestDb& t, const QStringList& sql) {
        const QStringList steps =
            (onPostgres() ? QStringList{QStringLiteral("DROP TRIGGER audit_events_no_update ON audit_events")}
                          : QStringList{QStringLiteral("DROP TRIGGER audit_events_no_update"),
                                        QStringLiteral("DROP TRIGGER audit_events_no_delete")}) +
            sql;
        for (const QString& s : steps) {
            QSqlQuery q(t.db->connection()); // not prepared: PostgreSQL prepares no DDL
            QVERIFY2(q.exec(s), qPrintable(s + QStringLiteral(": ") + q.lastError().text()));
        }
    }

private slots:
    void intactChainVerifies() {
        TestDb t;
        write(t, 10);
        const auto v = AuditLog(*t.db).verify();
        QVERIFY(v.ok());
        QVERIFY(v->intact);
        QCOMPARE(v->checked, 11); // the first supervisor's event plus ten
    }

    // A batch writes many events in one transaction and may undo one step of it (a refused record): the
    // chain goes on from the last event that stayed, and the next transaction from the last committed.
    void aStepUndoneInsideABatchLeavesTheChainWhole() {
        TestDb t;
        auto ctx = t.as(QStringLiteral("specialist"));
        const auto event = [&](int n) {
            return ctx->audit(QStringLiteral("test.event"), QStringLiteral("patient"), n, n, 0,
                              {{QStringLiteral("n"), n}});
        };
        {
            Transaction batch(*t.db);
            QVERIFY(batch.begin().ok());
            QVERIFY(event(1).ok());
            {
                Transaction step(*t.db);
                QVERIFY(step.begin().ok());
                QVERIFY(event(2).ok());
                QVERIFY(event(3).ok());
            } // refused: rolled back to its savepoint
            {
                Transaction step(*t.db);
                QVERIFY(step.begin().ok());
                QVERIFY(event(4).ok());
                QVERIFY(step.commit().ok());
            }
            QVERIFY(event(5).ok());
            QVERIFY(batch.commit().ok());
        }
        {
            Transaction undone(*t.db);
            QVERIFY(undone.begin().ok());
            QVERIFY(event(6).ok());
        } // the whole transaction rolled back
        write(t, 1);
        const auto v = AuditLog(*t.db).verify();
        QVERIFY(v.ok());
        QVERIFY2(v->intact, qPrintable(v->problem));
        QCOMPARE(v->checked, 5); // the first supervisor's event, 1, 4, 5 and the last one
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE record_id IN ('2', '3', '6')")),
            0);
    }

    // On the central database the time of an event is the server's, whatever a workstation's clock says,
    // unless the database is a training one, which keeps the clock it is given.
    void theCentralDatabaseStampsItsOwnTime() {
        if (!onPostgres())
            QSKIP("the embedded file has one clock already: its machine's");
        QTemporaryDir dir;
        const QString location = freshLocation(dir);
        const auto drop = qScopeGuard([location] { dropLocation(location); });
        auto db = Database::open(location);
        QVERIFY(db.ok());
        FixedClock workstation(la(2026, 11, 24)); // days behind the server
        QVERIFY(AdminService::initialize(*db.value(), workstation, QStringLiteral("supervisor")).ok());
        auto signedIn = signIn(*db.value(), QStringLiteral("supervisor"));
        QVERIFY(signedIn.ok());
        ServiceContext live(*db.value(), workstation, signedIn.value(), QStringLiteral("ws"));
        {
            Transaction tx(*db.value());
            QVERIFY(tx.begin().ok());
            QVERIFY(live.audit(QStringLiteral("test.event"), QStringLiteral("patient"), 1, 1, 0).ok());
            QVERIFY(tx.commit().ok());
        }
        auto newest = AuditLog(*db.value()).list(QString(), QString(), 1);
        QVERIFY(newest.ok() && newest->size() == 1);
        QVERIFY2(qAbs(newest->first().at.secsTo(QDateTime::currentDateTimeUtc())) < 600,
                 qPrintable(newest->first().at.toString(Qt::ISODate)));
        QVERIFY(AuditLog(*db.value()).verify()->intact);

        // The fixture's database is a training one: the pinned clock's time is kept.
        TestDb training;
        write(training, 1);
        auto kept = AuditLog(*training.db).list(QString(), QString(), 1);
        QVERIFY(kept.ok() && kept->size() == 1);
        QCOMPARE(kept->first().at, training.clock.nowUtc());
    }

    // Anchors written outside the database catch what the chain alone can't: the newest events deleted,
    // and a chain rewritten and recomputed by someone holding the file (or the server).
    void anchorsCatchTheNewestEventsDeleted() {
        TestDb t;
        write(t, 5);
        auto head = AuditLog(*t.db).head();
        QVERIFY(head.ok());
        const qint64 last = head->id;
        force(t, QStringLiteral("DELETE FROM audit_events WHERE id >= %1").arg(last - 1));
        QVERIFY(AuditLog(*t.db).verify()->intact); // the chain alone can't tell
        auto v = AuditLog(*t.db).verify({head.value()});
        QVERIFY(v.ok());
        QVERIFY(!v->intact);
        QCOMPARE(v->badEventId, last - 1);
        QVERIFY2(v->problem.contains(QStringLiteral("newest events were deleted")), qPrintable(v->problem));
    }

    void anchorsCatchAWholeChainRecomputed() {
        TestDb t;
        write(t, 5);
        auto head = AuditLog(*t.db).head();
        QVERIFY(head.ok());
        // Event last-2 says something else, and every hash from it on is made again, links and all.
        auto events = AuditLog(*t.db).list(QString(), QString(), 10000);
        QVERIFY(events.ok());
        std::reverse(events->begin(), events->end());
        QStringList rewrite;
        QString prev;
        for (AuditEvent e : events.value()) {
            if (e.id < head->id - 2) {
                prev = e.hash;
                continue;
            }
            if (e.id == head->id - 2)
                e.details = QStringLiteral("{\"n\":999}");
            e.prevHash = prev;
            e.hash = AuditLog::hashOf(e);
            prev = e.hash;
            rewrite << QStringLiteral("UPDATE audit_events SET details = '%1', prev_hash = '%2', hash = '%3' "
                                      "WHERE id = %4")
                           .arg(e.details, e.prevHash, e.hash)
                           .arg(e.id);
        }
        forceAll(t, rewrite);
        QVERIFY(AuditLog(*t.db).verify()->intact); // a consistent forgery
        auto v = AuditLog(*t.db).verify({head.value()});
        QVERIFY(v.ok());
        QVERIFY(!v->intact);
        QCOMPARE(v->badEventId, head->id);
        QVERIFY2(v->problem.contains(QStringLiteral("rewritten")), qPrintable(v->problem));
    }

    // `audit anchor` appends the head to its own file (owner-only), and verify reads every anchor there.
    void anchorsGoToTheirFileAndVerifyReadsThem() {
        TestDb t;
        const QString file = t.dir.filePath(QStringLiteral("anchors.jsonl"));
        QVERIFY(AdminService(*t.as(QStringLiteral("supervisor")))
                    .setSetting(QStringLiteral("audit.anchor_file"), file)
                    .ok());
        write(t, 3);
        auto first = AdminService(*t.as(QStringLiteral("specialist"))).anchorAudit();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->file, file);
        QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        write(t, 2);
        QVERIFY(AdminService(*t.as(QStringLiteral("specialist"))).anchorAudit().ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2);
        f.close();
        auto v = AdminService(*t.as(QStringLiteral("supervisor"))).verifyAudit();
        QVERIFY(v.ok());
        QVERIFY(v->intact);
        QCOMPARE(v->anchorsChecked, 2);
        QCOMPARE(v->anchorFile, file);
        QCOMPARE(AdminService(*t.as(QStringLiteral("agent"))).anchorAudit().error().kind,
                 ErrorKind::NotPermitted);

        // The newest event goes: the second anchor names it.
        force(t, QStringLiteral("DELETE FROM audit_events WHERE id = %1").arg(first->anchor.id + 2));
        auto gone = AdminService(*t.as(QStringLiteral("supervisor"))).verifyAudit();
        QVERIFY(gone.ok());
        QVERIFY(!gone->intact);
        QCOMPARE(gone->badEventId, first->anchor.id + 2);

        // An anchor file edited by hand is named as such.
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"id\": \"many\"}\n");
        f.close();
        auto edited = AdminService(*t.as(QStringLiteral("supervisor"))).verifyAudit();
        QVERIFY(!edited.ok());
        QCOMPARE(edited.error().rule, QStringLiteral("audit.anchor_edited"));
    }

    void eventsCannotBeUpdatedOrDeletedThroughSql() {
        TestDb t;
        write(t, 2);
        Query update(*t.db, QStringLiteral("UPDATE audit_events SET staff = 'someone' WHERE id = 2"));
        QVERIFY(!update.exec().ok());
        Query remove(*t.db, QStringLiteral("DELETE FROM audit_events WHERE id = 2"));
        QVERIFY(!remove.exec().ok());
    }

    void tamperingIsFoundAtTheExactEvent_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("badEvent");
        QTest::newRow("details edited")
            << QStringLiteral("UPDATE audit_events SET details = '{}' WHERE id = 5") << qint64(5);
        QTest::newRow("staff edited")
            << QStringLiteral("UPDATE audit_events SET staff = 'x' WHERE id = 7") << qint64(7);
        QTest::newRow("time edited")
            << QStringLiteral("UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE id = 3")
            << qint64(3);
        QTest::newRow("event deleted")
            << QStringLiteral("DELETE FROM audit_events WHERE id = 6") << qint64(7);
        QTest::newRow("last event deleted and hash rewritten")
            << QStringLiteral("UPDATE audit_events SET hash = 'f' || substr(hash, 2) WHERE id = 4")
            << qint64(4);
    }

    void tamperingIsFoundAtTheExactEvent() {
        QFETCH(QString, sql);
        QFETCH(qint64, badEvent);
        TestDb t;
        write(t, 10);
        force(t, sql);
        const auto v = AuditLog(*t.db).verify();
        QVERIFY(v.ok());
        QVERIFY(!v->intact);
        QCOMPARE(v->badEventId, badEvent);
        QVERIFY(!v->problem.isEmpty());
    }

    void secretsNeverReachTheLog() {
        TestDb t;
        write(t, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE details LIKE '%pin_hash%' "
                                        "OR details LIKE '%token%'")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
