// The desktop's side of speed: how long the UI thread is busy per keystroke (it only posts work), and how
// long until a keystroke's first page of results, a patient's page and a worklist arrive from the worker.
// Usage: bench-desktop [--patients N]   (default 50000)
#include "benchmarks/BenchData.h"
#include "benchmarks/BenchReport.h"

#include "models/DbRunner.h"
#include "models/SearchModel.h"
#include "models/WorklistModels.h"
#include "services/PatientService.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

using namespace pd;
using namespace pd::bench;

namespace {

// Runs the event loop until the model has its page (no polling, so the figure is the real latency).
bool waitLoaded(PagedModelBase& model) {
    if (!model.isLoading())
        return true;
    QEventLoop loop;
    QObject::connect(&model, &PagedModelBase::loadingChanged, &loop, [&loop](bool loading) {
        if (!loading)
            loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return !model.isLoading();
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    quietDiagnostics();
    int patients = 50000;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--patients")); i > 0 && i + 1 < args.size())
        patients = args.at(i + 1).toInt();

    test::TestDb t;
    QElapsedTimer fill;
    fill.start();
    if (!fillPatients(t, patients))
        return 1;
    std::printf("filled %d patients in %.1f s\n\n", patients, double(fill.elapsed()) / 1000.0);
    const QString path = t.path();
    t.db.reset();
    Database::forbidThread(QThread::currentThread());

    DbRunner::Config config;
    config.location = path;
    config.clock = std::make_shared<FixedClock>(test::la(2026, 11, 24, 10, 0));
    DbRunner runner(config);
    auto staff = runner.runDb([](Connection& connection, const Clock&) {
        return signIn(connection.database(), QStringLiteral("specialist"));
    });
    staff.waitForFinished();
    runner.setStaff(staff.result().value());

    SearchModel model(runner);
    const QStringList typed = {QStringLiteral("Hernández4"), QStringLiteral("Սարգսյան1"),
                               QStringLiteral("1004321"), QStringLiteral("5550199"),
                               QStringLiteral("family4242@")};
    Samples uiBusy;
    Samples firstPage;
    for (int repeat = 0; repeat < 5; ++repeat) {
        for (const QString& word : typed) {
            for (int length = 1; length <= word.size(); ++length) {
                QElapsedTimer round;
                round.start();
                uiBusy.time([&] { model.setQuery(word.left(length)); });
                if (!waitLoaded(model))
                    return 1;
                firstPage.add(round.nsecsElapsed());
            }
        }
    }
    header();
    row(QStringLiteral("UI thread busy per keystroke"), uiBusy);
    row(QStringLiteral("keystroke to first page of results"), firstPage);

    Samples scroll;
    model.setQuery(QStringLiteral("Hernández"));
    waitLoaded(model);
    for (int page = 0; page < 10 && model.canFetchMore({}); ++page) {
        QElapsedTimer round;
        round.start();
        model.fetchMore({});
        waitLoaded(model);
        scroll.add(round.nsecsElapsed());
    }
    row(QStringLiteral("scrolling: next page of 50 results"), scroll);

    Samples page;
    for (int i = 0; i < 50; ++i) {
        const QString mrn = QString::number(1000000 + (i * 997) % patients);
        page.time([&] {
            auto f = runner.run([mrn](const ServiceContext& ctx) { return PatientService(ctx).show(mrn); });
            f.waitForFinished();
        });
    }
    row(QStringLiteral("patient's page, from request to story"), page);

    InvitationWorklistModel worklist(runner, test::losAngeles());
    Samples lists;
    for (int i = 0; i < 20; ++i) {
        lists.time([&] {
            worklist.show(InvitationWorklist::Due);
            waitLoaded(worklist);
        });
    }
    row(QStringLiteral("invitations-due worklist, first page"), lists);
    Database::forbidThread(nullptr);
    return 0;
}
