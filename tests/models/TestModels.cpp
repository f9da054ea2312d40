// The models behind every list: checked by QAbstractItemModelTester while pages arrive from the worker,
// stale pages dropped, and the CSV export's quoting.
#include "services/ServiceFixture.h"

#include "models/CsvExport.h"
#include "models/DbRunner.h"
#include "models/PatientModels.h"
#include "models/SearchModel.h"
#include "models/WorklistModels.h"

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>

#include <atomic>
#include <chrono>
#include <thread>

using namespace pd;
using namespace pd::test;

namespace {

constexpr int Wait = 10000;

struct Fixture {
    TestDb t;
    std::unique_ptr<DbRunner> runner;

    explicit Fixture(int extraPatients = 0, const std::function<void(TestDb&)>& more = {}) {
        seed(extraPatients);
        if (more)
            more(t);
        t.db.reset();
        Database::forbidThread(QThread::currentThread());
        DbRunner::Config config;
        config.location = t.path();
        config.clock = std::make_shared<FixedClock>(la(2026, 11, 24, 10, 0));
        runner = std::make_unique<DbRunner>(config);
        auto staff = std::make_shared<StaffMember>();
        auto found = runner->runDb([](Connection& connection, const Clock&) {
            return signIn(connection.database(), QStringLiteral("specialist"));
        });
        found.waitForFinished();
        runner->setStaff(found.result().value());
    }
    ~Fixture() {
        runner.reset();
        Database::forbidThread(nullptr);
    }

    void seed(int extra) {
        auto ctx = t.as(QStringLiteral("specialist"));
        PatientService patients(*ctx);
        for (int i = 0; i < extra; ++i) {
            (void)patients.add({QStringLiteral("77%1").arg(i, 5, 10, QLatin1Char('0')),
                                QStringLiteral("Pagina"), QStringLiteral("Testperson%1").arg(i),
                                QStringLiteral("2015-01-15"), QString(), QString(), QString(), QString()});
        }
        addPatient(t, QStringLiteral("9000002"), QDate(2012, 2, 3));
        addPatient(t, QStringLiteral("9000003"), QDate(2014, 12, 10));
        enrollOk(t, parentForm(QStringLiteral("9000002"), QDate(2026, 11, 20),
                               QStringLiteral("linh@example.org")));
        sendAndReadToken(t, QStringLiteral("linh"));
        enrollOk(t, parentForm(QStringLiteral("9000003"), QDate(2026, 11, 23),
                               QStringLiteral("grace@example.org")));
    }
};

bool settled(const PagedModelBase& m) {
    return QTest::qWaitFor([&m] { return !m.isLoading(); }, Wait);
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private slots:
    void searchModelPagesInEveryHit();
    void aPageForAnOldQueryIsDropped();
    void emptyQueryClears();
    void invitationWorklistsPassTheTester_data();
    void invitationWorklistsPassTheTester();
    void transitionWorklistPassesTheTester();
    void aLongWorklistShowsItsTotal();
    void patientModelsPassTheTester();
    void unavailableDatabaseIsAnErrorNotACrash();
    void clearingWhileLoadingSaysSo();
    void aCallActsAsTheStaffSignedInWhenMade();
    void closingSkipsQueuedCallsAndWaitsOnlyForTheRunningOne();
    void shutdownLaterNeverWaits();
    void csvField_data();
    void csvField();
    void csvDocument();
};

void TestModels::searchModelPagesInEveryHit() {
    Fixture f(120);
    SearchModel model(*f.runner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false); // pages are asked for below, as a scrolling view would
    model.setQuery(QStringLiteral("Testperson"));
    QVERIFY(settled(model));
    QCOMPARE(model.rowCount(), SearchModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(settled(model));
    }
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(model.isComplete());
    QSet<QString> keys;
    for (const SearchHit& h : model.rows())
        keys.insert(h.key);
    QCOMPARE(keys.size(), 120); // no row twice, none missing
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Name"));
}

void TestModels::aPageForAnOldQueryIsDropped() {
    Fixture f(60);
    SearchModel model(*f.runner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(QStringLiteral("Testperson"));
    model.setQuery(QStringLiteral("López")); // typed on before the first answer came
    QVERIFY(QTest::qWaitFor([&f] { return f.runner->pending() == 0; }, Wait));
    QVERIFY(settled(model));
    QTest::qWait(50);
    QCOMPARE(model.query(), QStringLiteral("López"));
    QCOMPARE(model.rowCount(), 4); // two patients and two parents' logins
    for (const SearchHit& h : model.rows())
        QVERIFY(h.name.contains(QStringLiteral("López")));
}

void TestModels::emptyQueryClears() {
    Fixture f;
    SearchModel model(*f.runner);
    model.setQuery(QStringLiteral("López"));
    QVERIFY(settled(model));
    QVERIFY(model.rowCount() > 0);
    model.setQuery(QStringLiteral("   "));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestModels::invitationWorklistsPassTheTester_data() {
    QTest::addColumn<int>("list");
    QTest::addColumn<int>("rows");
    QTest::newRow("due") << int(InvitationWorklist::Due) << 1;
    QTest::newRow("late") << int(InvitationWorklist::Late) << 0;
    QTest::newRow("expired") << int(InvitationWorklist::Expired) << 0;
    QTest::newRow("delivery failed") << int(InvitationWorklist::DeliveryFailed) << 0;
    QTest::newRow("locked") << int(InvitationWorklist::Locked) << 0;
}

void TestModels::invitationWorklistsPassTheTester() {
    QFETCH(int, list);
    QFETCH(int, rows);
    Fixture f;
    InvitationWorklistModel model(*f.runner, losAngeles());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.show(static_cast<InvitationWorklist>(list));
    QVERIFY(settled(model));
    QVERIFY(!model.lastError());
    QCOMPARE(model.rowCount(), rows);
    if (rows > 0) {
        // Times are shown in the hospital's zone, whatever the machine's own zone is.
        QCOMPARE(model.index(0, InvitationWorklistModel::QueuedColumn).data().toString(),
                 QStringLiteral("2026-11-24 09:00"));
        QCOMPARE(model.index(0, InvitationWorklistModel::MrnColumn).data().toString(),
                 QStringLiteral("9000003"));
    }
}

void TestModels::transitionWorklistPassesTheTester() {
    Fixture f;
    TransitionWorklistModel model(*f.runner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.show(30);
    QVERIFY(settled(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("2026-12-10"));
    QCOMPARE(model.index(0, 1).data().toInt(), 12);
    model.show(7);
    QVERIFY(settled(model));
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::aLongWorklistShowsItsTotal() {
    // 250 families whose invitation is overdue: more than a page.
    Fixture f(0, [](TestDb& t) {
        Query q(
            *t.db,
            QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
                "INSERT INTO portal_users (username, email, given_name, family_name, language, kind, status, "
                "created_at, created_by, updated_at, updated_by) SELECT 'family' || i, 'family' || i || "
                "'@example.org', 'Rosa', 'Pérez', 'es', 'proxy', 'pending', '2026-11-01T17:00:00.000Z', "
                "'specialist', '2026-11-01T17:00:00.000Z', 'specialist' FROM n"));
        QVERIFY(q.exec());
        Query i(*t.db,
                QStringLiteral("INSERT INTO invitations (portal_user_id, email, pin_hash, status, queued_at, "
                               "due_at, created_by, updated_at, updated_by) SELECT id, email, 'x', 'queued', "
                               "'2026-11-01T17:00:00.000Z', '2026-11-04T17:00:00.000Z', 'specialist', "
                               "'2026-11-01T17:00:00.000Z', 'specialist' FROM portal_users "
                               "WHERE username LIKE 'family%'"));
        QVERIFY(i.exec());
    });
    InvitationWorklistModel model(*f.runner, losAngeles());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.show(InvitationWorklist::Late);
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading() && model.total().has_value(); }, Wait));
    QCOMPARE(*model.total(), 250);
    QCOMPARE(model.rowCount(), InvitationWorklistModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(settled(model));
    QCOMPARE(model.rowCount(), 250);
    QVERIFY(!model.canFetchMore({}));
    // A new list forgets the old total until its own is counted.
    model.show(InvitationWorklist::Locked);
    QVERIFY(!model.total().has_value());
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading() && model.total().has_value(); }, Wait));
    QCOMPARE(*model.total(), 0);
}

void TestModels::patientModelsPassTheTester() {
    Fixture f;
    auto story = f.runner->run(
        [](const ServiceContext& ctx) { return PatientService(ctx).show(QStringLiteral("9000002")); });
    story.waitForFinished();
    QVERIFY2(story.result().ok(), story.result().ok() ? "" : qPrintable(story.result().error().message));
    AccessModel access(losAngeles());
    PatientInvitationsModel invitations(losAngeles());
    TimelineModel timeline(losAngeles());
    QAbstractItemModelTester t1(&access, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&invitations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    access.setStory(story.result().value());
    invitations.setStory(story.result().value());
    timeline.setStory(story.result().value());
    QCOMPARE(access.rowCount(), 1);
    QCOMPARE(access.index(0, AccessModel::LevelColumn).data().toString(), QStringLiteral("limited"));
    QCOMPARE(access.index(0, AccessModel::AccessColumn).data().toString(),
             QStringLiteral("since 2026-11-24"));
    QCOMPARE(invitations.rowCount(), 1);
    QCOMPARE(invitations.index(0, PatientInvitationsModel::StatusColumn).data().toString(),
             QStringLiteral("sent"));
    QVERIFY(timeline.rowCount() >= 4);
    // Newest first.
    QVERIFY(timeline.row(0).id > timeline.row(timeline.rowCount() - 1).id);
}

void TestModels::unavailableDatabaseIsAnErrorNotACrash() {
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    DbRunner::Config config;
    config.location = dir.filePath(QStringLiteral("not-a-folder/portaldesk.sqlite"));
    DbRunner runner(config);
    SearchModel model(runner);
    QSignalSpy failed(&model, &PagedModelBase::failed);
    model.setQuery(QStringLiteral("López"));
    QVERIFY(failed.wait(Wait));
    QVERIFY(model.lastError());
    QCOMPARE(model.lastError()->kind, ErrorKind::Unavailable);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestModels::clearingWhileLoadingSaysSo() {
    using Model = RowsModel<QString>;
    Model model({textColumn<QString>(QStringLiteral("Name"), [](const QString& s) { return s; })});
    QPromise<Model::Page> page;
    page.start();
    QSignalSpy loading(&model, &PagedModelBase::loadingChanged);
    model.load([&page](int, int) { return page.future(); });
    QVERIFY(model.isLoading());
    QCOMPARE(loading.count(), 1);
    model.clear();
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.count(), 2); // a busy indicator hears that it can stop
    QCOMPARE(loading.last().at(0).toBool(), false);
    // The page that arrives after all is dropped.
    page.addResult(Model::Page(QList<QString>{QStringLiteral("late")}));
    page.finish();
    QTest::qWait(50);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.count(), 2);
}

void TestModels::aCallActsAsTheStaffSignedInWhenMade() {
    Fixture f;
    QSemaphore go;
    auto busy = f.runner->runDb([&go](Connection&, const Clock&) -> Result<bool> {
        go.acquire();
        return true;
    });
    const StaffMember first = f.runner->staff();
    auto asWho = f.runner->run([](const ServiceContext& ctx) -> Result<QString> { return ctx.staff().name; });
    StaffMember next = first;
    next.id += 1000;
    next.name = QStringLiteral("next.person");
    f.runner->setStaff(next); // before the worker got to the call
    go.release();
    asWho.waitForFinished();
    QCOMPARE(asWho.result().value(), first.name);
    busy.waitForFinished();
}

void TestModels::closingSkipsQueuedCallsAndWaitsOnlyForTheRunningOne() {
    Fixture f;
    QSemaphore started;
    QSemaphore go;
    std::atomic<int> ran{0};
    auto running = f.runner->runDb([&](Connection&, const Clock&) -> Result<bool> {
        started.release();
        go.acquire();
        return true;
    });
    QList<QFuture<Result<bool>>> queued;
    for (int i = 0; i < 5; ++i) {
        queued.append(f.runner->run([&ran](const ServiceContext&) -> Result<bool> {
            ++ran;
            return true;
        }));
    }
    bool called = false;
    QObject receiver;
    onReady(&receiver, queued.first(), [&called](const Result<bool>&) { called = true; });
    QVERIFY(started.tryAcquire(1, Wait));
    std::thread release([&go] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        go.release();
    });
    f.runner.reset();
    release.join();
    QCOMPARE(ran.load(), 0); // none of the queued calls ran
    QVERIFY(running.isFinished());
    QCOMPARE(running.resultCount(), 1); // the one running was finished
    for (const auto& q : std::as_const(queued)) {
        QVERIFY(q.isFinished());
        QCOMPARE(q.resultCount(), 0);
    }
    QTest::qWait(50);
    QVERIFY(!called); // a continuation is not called without a result
}

void TestModels::shutdownLaterNeverWaits() {
    Fixture f;
    QSemaphore started;
    QSemaphore go;
    std::atomic<int> ran{0};
    auto running = f.runner->runDb([&](Connection&, const Clock&) -> Result<bool> {
        started.release();
        go.acquire();
        return true;
    });
    auto queued = f.runner->run([&ran](const ServiceContext&) -> Result<bool> {
        ++ran;
        return true;
    });
    QVERIFY(started.tryAcquire(1, Wait));
    QPointer<DbRunner> runner = f.runner.get();
    f.runner.release()->shutdownLater(); // returns although a call is still running
    QVERIFY(runner);
    auto late = runner->run([&ran](const ServiceContext&) -> Result<bool> {
        ++ran;
        return true;
    });
    QVERIFY(late.isFinished());
    QCOMPARE(late.resultCount(), 0);
    go.release();
    QTRY_VERIFY_WITH_TIMEOUT(runner.isNull(), Wait); // gone once its thread ended
    QCOMPARE(running.resultCount(), 1);
    QVERIFY(queued.isFinished());
    QCOMPARE(queued.resultCount(), 0);
    QCOMPARE(ran.load(), 0);
}

void TestModels::csvField_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "grace.kim"
                           << "grace.kim";
    QTest::newRow("comma") << "Kim, Grace"
                           << "\"Kim, Grace\"";
    QTest::newRow("quote") << "O\"Brien"
                           << "\"O\"\"Brien\"";
    QTest::newRow("newline") << "line\nbreak"
                             << "\"line\nbreak\"";
    QTest::newRow("formula") << "=HYPERLINK(\"x\")"
                             << "\"'=HYPERLINK(\"\"x\"\")\"";
    QTest::newRow("plus") << "+1 323 555"
                          << "'+1 323 555";
    QTest::newRow("minus") << "-5"
                           << "'-5";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("any script") << "김민준"
                                << "김민준";
    QTest::newRow("empty") << ""
                           << "";
}

void TestModels::csvField() {
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(CsvExport::field(value), field);
}

void TestModels::csvDocument() {
    AccessModel access(losAngeles());
    PatientStory story;
    PortalUser u;
    u.id = 1;
    u.username = QStringLiteral("ana");
    u.givenName = QStringLiteral("Ana");
    u.familyName = QStringLiteral("López, hija");
    u.kind = QStringLiteral("proxy");
    u.status = QStringLiteral("active");
    story.users = {u};
    access.setStory(story);
    const QByteArray csv = CsvExport::toCsv(access);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(csv.mid(3)).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 3); // header, one row, and the empty string after the last CRLF
    QVERIFY(lines.at(1).startsWith(QStringLiteral("ana,\"Ana López, hija\",")));
}

QTEST_MAIN(TestModels)
#include "TestModels.moc"
