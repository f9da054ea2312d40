// The central server restarted or away in the middle of a workstation's change: the change is either
// all saved or reported as not done, never half-done and never silently lost, and the workstation's
// connection comes back by itself.
#include "services/ServiceFixture.h"

#include "core/FailPoint.h"
#include "ehr/Importer.h"

#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

struct Snapshot {
    qint64 invitations = 0;
    qint64 live = 0;
    qint64 audit = 0;
    qint64 outbox = 0;
    bool operator==(const Snapshot&) const = default;
};

// Read on a connection of its own: the test's first one was cut by the restart too.
Snapshot snapshot(const QString& location) {
    auto db = Database::open(location);
    if (!db)
        qFatal("can't read the database back: %s", qPrintable(db.error().message));
    const auto count = [&](const QString& sql) {
        Query q(*db.value(), sql);
        if (!q.exec() || !q.next())
            qFatal("count failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    };
    return {count(QStringLiteral("SELECT count(*) FROM invitations")),
            count(QStringLiteral("SELECT count(*) FROM invitations WHERE status IN ('queued', 'sent')")),
            count(QStringLiteral("SELECT count(*) FROM audit_events")),
            count(QStringLiteral("SELECT count(*) FROM outbox"))};
}

// Runs `action` once, the first time the named point in the code is reached.
void atPoint(const char* point, std::function<void()> action) {
    auto once = std::make_shared<bool>(false);
    FailPoint::setHook([point, action = std::move(action), once](const char* name) {
        if (!*once && qstrcmp(name, point) == 0) {
            *once = true;
            action();
        }
    });
}

} // namespace

class TestServerFaults : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDb> m_t;

    struct Workstation {
        std::unique_ptr<Database> db;
        std::unique_ptr<ServiceContext> ctx;
    };

    Workstation workstation(int busyTimeoutMs = 10000) {
        Workstation w;
        auto db = Database::open(m_t->location, busyTimeoutMs);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        w.db = std::move(db.value());
        w.ctx = std::make_unique<ServiceContext>(
            *w.db, m_t->clock, signIn(*w.db, QStringLiteral("specialist")).value(), QStringLiteral("ws"));
        return w;
    }

private slots:
    void initTestCase() {
        if (!onPostgres())
            QSKIP("a database server to restart exists on the central database only");
    }

    void init() {
        m_t = std::make_unique<TestDb>();
        addPatient(*m_t, QStringLiteral("900001"), QDate(2016, 5, 14));
        enrollOk(*m_t, parentForm(QStringLiteral("900001"), QDate(2026, 11, 20),
                                  QStringLiteral("linh.nguyen@example.org")));
        sendAndReadToken(*m_t, QStringLiteral("linh.nguyen"));
    }

    void cleanup() {
        FailPoint::setHook({});
        PgCluster::shared().start(); // in case a test left it stopped
        m_t.reset();
    }

    void aRestartMidReissueLeavesNothingHalfDone_data() {
        QTest::addColumn<QString>("point");
        QTest::addColumn<bool>("immediate");
        QTest::addColumn<QString>("rule");
        // After the old invitation was revoked, before the new one exists: the next statement fails.
        QTest::newRow("after the revoke") << "reissue.after_revoke" << false << "db.unavailable";
        QTest::newRow("after the revoke, server crashed")
            << "reissue.after_revoke" << true << "db.unavailable";
        // Everything written, the commit not yet sent: the server is asked how it ended.
        QTest::newRow("just before the commit") << "db.before_commit" << false << "db.not_saved";
    }
    void aRestartMidReissueLeavesNothingHalfDone() {
        QFETCH(QString, point);
        QFETCH(bool, immediate);
        QFETCH(QString, rule);
        Workstation ws = workstation();
        const Snapshot before = snapshot(m_t->location);
        const QByteArray name = point.toLatin1();
        atPoint(name.constData(), [immediate] { QVERIFY(PgCluster::shared().restart(immediate)); });

        auto reissued =
            InvitationService(*ws.ctx).reissue({QStringLiteral("linh.nguyen"), false, QString()}, QString());
        FailPoint::setHook({});
        QVERIFY(!reissued.ok());
        QCOMPARE(reissued.error().kind, ErrorKind::Unavailable);
        QCOMPARE(reissued.error().rule, rule);
        QCOMPARE(snapshot(m_t->location), before);

        // The same workstation goes on without being restarted: its connection comes back by itself.
        auto again =
            InvitationService(*ws.ctx).reissue({QStringLiteral("linh.nguyen"), false, QString()}, QString());
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        const Snapshot after = snapshot(m_t->location);
        QCOMPARE(after.invitations, before.invitations + 1);
        QCOMPARE(after.live, 1);
    }

    void aServerThatStaysAwayAtCommitIsReportedAsUnknown() {
        Workstation ws = workstation(1500);
        const Snapshot before = snapshot(m_t->location);
        atPoint("db.before_commit", [] { QVERIFY(PgCluster::shared().stop()); });
        auto reissued =
            InvitationService(*ws.ctx).reissue({QStringLiteral("linh.nguyen"), false, QString()}, QString());
        FailPoint::setHook({});
        QVERIFY(!reissued.ok());
        QCOMPARE(reissued.error().kind, ErrorKind::Unavailable);
        QCOMPARE(reissued.error().rule, QStringLiteral("db.commit_unknown"));
        QVERIFY(reissued.error().message.contains(QStringLiteral("look at the record")));
        QVERIFY(PgCluster::shared().start());
        QCOMPARE(snapshot(m_t->location), before); // it was stopped before the commit reached it
    }

    void anUnreachableServerIsUnavailableUntilItIsBack() {
        Workstation ws = workstation(1000);
        QVERIFY(PgCluster::shared().stop());
        auto search = PatientService(*ws.ctx).search(QStringLiteral("900001"));
        QVERIFY(!search.ok());
        QCOMPARE(search.error().kind, ErrorKind::Unavailable);
        auto reissue =
            InvitationService(*ws.ctx).reissue({QStringLiteral("linh.nguyen"), false, QString()}, QString());
        QVERIFY(!reissue.ok());
        QCOMPARE(reissue.error().kind, ErrorKind::Unavailable);
        QVERIFY(PgCluster::shared().start());
        auto back = PatientService(*ws.ctx).search(QStringLiteral("900001"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->size(), 1);
    }

    // A server restarted in the middle of a large import (its file read ahead on a thread of its own): the
    // import stops, saying where; what it committed stays; the same file again applies the rest, once.
    void anImportCutByARestartKeepsItsBatchesAndResumes_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("FHIR NDJSON") << int(hl7::ImportKind::Fhir);
        QTest::newRow("CSV") << int(hl7::ImportKind::Csv);
    }
    void anImportCutByARestartKeepsItsBatchesAndResumes() {
        QFETCH(int, kind);
        const bool fhir = kind == int(hl7::ImportKind::Fhir);
        constexpr int Records = 3000;
        QTemporaryDir dir;
        const QString path = dir.filePath(fhir ? QStringLiteral("p.ndjson") : QStringLiteral("p.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            if (!fhir)
                f.write("mrn,given_name,family_name,birth_date\n");
            for (int i = 0; i < Records; ++i) {
                const QByteArray mrn = QByteArray::number(700000 + i);
                if (fhir)
                    f.write("{\"resourceType\":\"Patient\",\"id\":\"p" + mrn +
                            "\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"MR\"}]},\"value\":\"" +
                            mrn +
                            "\"}],\"name\":[{\"family\":\"Nguyễn\",\"given\":[\"Minh\"]}],"
                            "\"birthDate\":\"2014-02-03\"}\n");
                else
                    f.write(mrn + ",Minh,Nguyễn,2014-02-03\n");
            }
        }
        Workstation ws = workstation(1500);
        const qint64 before = m_t->count(QStringLiteral("SELECT count(*) FROM patients"));
        bool restarted = false;
        auto cut =
            hl7::Importer(*ws.ctx).run(hl7::ImportKind(kind), {path}, {}, [&](qint64 read, qint64, qint64) {
                if (!restarted && read > 0) {
                    restarted = true;
                    QVERIFY(PgCluster::shared().restart(true));
                }
            });
        QVERIFY(restarted);
        QVERIFY2(cut.ok(), qPrintable(cut.ok() ? QString() : cut.error().message));
        QVERIFY(cut->stopped.has_value());
        QCOMPARE(cut->stopped->kind, ErrorKind::Unavailable);
        QVERIFY(cut->stoppedAt.startsWith(QFileInfo(path).fileName() + QLatin1Char(':')));
        QVERIFY(cut->applied < Records);
        auto db = Database::open(m_t->location);
        QVERIFY(db.ok());
        const auto patients = [&] {
            Query q(*db.value(), QStringLiteral("SELECT count(*) FROM patients"));
            return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
        };
        QCOMPARE(patients(), before + cut->applied);

        auto rest = hl7::Importer(*ws.ctx).run(hl7::ImportKind(kind), {path});
        QVERIFY2(rest.ok(), qPrintable(rest.ok() ? QString() : rest.error().message));
        QVERIFY(!rest->stopped.has_value());
        QCOMPARE(rest->read, qint64(Records));
        QCOMPARE(rest->refused, 0);
        QCOMPARE(patients(), before + Records);
    }

    void aNewConnectionToAStoppedServerSaysSo() {
        QVERIFY(PgCluster::shared().stop());
        auto db = Database::open(m_t->location);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Unavailable);
        QVERIFY(db.error().message.contains(QStringLiteral("can't be reached")));
        QVERIFY(PgCluster::shared().start());
    }
};

QTEST_GUILESS_MAIN(TestServerFaults)
#include "TestServerFaults.moc"
