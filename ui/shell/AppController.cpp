#include "ui/shell/AppController.h"
#include "core/Log.h"

#include "services/DemoData.h"
#include "services/StartupService.h"
#include "translations/Translations.h"
#include "ui/common/Prompts.h"
#include "ui/common/WorkstationSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/signin/ConnectionDialog.h"

#include <QApplication>
#include <QPointer>
#include <QProgressDialog>
#include <QSysInfo>

namespace pd {

namespace {

constexpr auto DemoSupervisor = "dana.kim";

} // namespace

AppController::AppController(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    makeRunner();
}

void AppController::makeRunner() {
    DbRunner::Config config;
    config.location =
        m_options.location.isEmpty() ? WorkstationSettings::databaseLocation() : m_options.location;
    config.clock = m_options.clock ? m_options.clock : std::make_shared<SystemClock>();
    config.pinnedClock = m_options.clock != nullptr;
    config.workstation = QSysInfo::machineHostName();
    config.busyTimeoutMs = m_options.busyTimeoutMs;
    m_runner = std::make_unique<DbRunner>(config);
}

AppController::~AppController() {
    delete m_window;
    delete m_signIn;
}

void AppController::installTranslation(const QString& language) {
    Translations::install(language);
}

void AppController::start() {
    if (isServerLocation(m_runner->config().location)) {
        // The central database is opened by each person's own login, at sign-in.
        m_databaseLabel = ConnectionDialog::describe(m_runner->config().location);
        m_firstUse = false;
        showSignIn();
        return;
    }
    const bool demo = m_options.demo;
    const int patients = m_options.demoPatients;
    // A new version may index everyone again for search first: minutes on a large file. The dialog shows
    // itself only when that is under way and will take a while.
    QPointer<QProgressDialog> upgrading = new QProgressDialog;
    upgrading->setObjectName(QStringLiteral("upgradeProgressDialog"));
    upgrading->setWindowTitle(tr("Upgrading PortalDesk"));
    upgrading->setLabelText(tr("Preparing search for this version…"));
    upgrading->setCancelButton(nullptr);
    upgrading->setMinimumDuration(1000);
    upgrading->setAutoReset(false);
    upgrading->setAutoClose(false);
    upgrading->reset(); // hidden until the first step is told
    const StartupService::Progress progress = [upgrading](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [upgrading, done, total] {
                if (!upgrading)
                    return;
                upgrading->setLabelText(tr("Indexing people for search: %L1 of %L2").arg(done).arg(total));
                upgrading->setMaximum(int(qMin<qint64>(total, 1000000000)));
                upgrading->setValue(int(qMin<qint64>(done, 1000000000)));
            },
            Qt::QueuedConnection);
    };
    onReady(this,
            m_runner->runDb(
                [demo, patients, progress](Connection& connection, const Clock& clock) -> Result<StartState> {
                    StartupService startup(connection, clock);
                    auto state = startup.prepare(StartupService::Schema::Upgrade, QString(), progress);
                    if (!state || !demo)
                        return state;
                    PD_TRY(startup.fillDemo(QLatin1String(DemoSupervisor), patients, 2026));
                    return startup.prepare(StartupService::Schema::Upgrade);
                }),
            [this, upgrading](const Result<StartState>& info) {
                delete upgrading.data();
                if (!info) {
                    Prompts::warning(nullptr, tr("PortalDesk can't start"), info.error().message);
                    emit failed(info.error().message);
                    return;
                }
                m_databaseLabel = info->location;
                m_firstUse = !info->hasStaff;
                showSignIn();
            });
}

void AppController::showSignIn() {
    delete m_signIn;
    m_signIn = new SignInDialog(*m_runner, m_databaseLabel);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn->setFirstUse(m_firstUse);
    const QString name = !m_options.staff.isEmpty() ? m_options.staff : WorkstationSettings::lastStaffName();
    m_signIn->setName(name.isEmpty() && m_options.demo ? QStringLiteral("maria.garcia") : name);
    connect(m_signIn, &QDialog::accepted, this, [this] {
        m_signedIn = m_signIn->signedIn();
        m_firstUse = false;
        WorkstationSettings::setLastStaffName(m_signedIn->staff.name);
        buildWindow();
    });
    connect(m_signIn, &QDialog::rejected, this, [this] {
        if (!m_changingDatabase)
            QCoreApplication::quit();
    });
    connect(m_signIn, &SignInDialog::changeDatabaseRequested, this, &AppController::changeDatabase);
    m_signIn->show();
    emit readyToSignIn();
}

void AppController::buildWindow() {
    if (!m_signedIn)
        return;
    m_runner->setStaff(m_signedIn->staff);
    Session session;
    session.runner = m_runner.get();
    session.staff = m_signedIn->staff;
    session.role = roleFromName(m_signedIn->staff.role).value_or(Role::SupportAgent);
    session.policy = m_signedIn->policy;
    session.databaseLabel = m_databaseLabel;

    // The new window shows before the old one closes, so the application never has no window.
    QPointer<MainWindow> old = m_window;
    m_window = new MainWindow(session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::closing, this, [this, window = m_window.data()] {
        if (window == m_window)
            QCoreApplication::quit(); // the user closed the desktop
    });
    connect(m_window, &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_window, &MainWindow::unlockRequested, this, &AppController::askUnlock);
    connect(m_window, &MainWindow::languageChanged, this, [this] {
        installTranslation(WorkstationSettings::language());
        buildWindow();
    });
    m_window->show();
    if (old)
        old->close();
    qCDebug(lcUi, "signed in as a %s", qPrintable(roleName(session.role)));
    emit signedIn(m_window);
}

void AppController::askUnlock() {
    if (!m_window || !m_signedIn)
        return;
    auto* dialog = new SignInDialog(*m_runner, m_databaseLabel, m_signedIn->staff.name, m_window);
    dialog->setObjectName(QStringLiteral("unlockDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, m_window, &MainWindow::unlocked);
    dialog->open();
}

void AppController::changeDatabase() {
    ConnectionDialog dialog(m_runner->config().location, m_signIn);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Kept for this workstation; --db on the command line only lasts for its run.
    WorkstationSettings::setDatabaseLocation(dialog.location());
    m_options.location = dialog.location();
    m_changingDatabase = true;
    if (m_signIn)
        m_signIn->close();
    m_changingDatabase = false;
    m_runner.release()->shutdownLater();
    makeRunner();
    start();
}

void AppController::signOut() {
    m_runner->setLogin(QString(), QString()); // the central database's session ends with the person's
    m_runner->setStaff(StaffMember{});
    m_signedIn.reset();
    QPointer<MainWindow> old = m_window;
    m_window = nullptr;
    showSignIn(); // before the window closes, so the application always has a window
    if (old)
        old->close();
}

} // namespace pd
