#include "ui/shell/MainWindow.h"
#include "ui/restrictions/RestrictionsPage.h"
#include "ui/shell/AboutDialog.h"

#include "models/MailPump.h"
#include "services/AdminService.h"
#include "services/PatientService.h"
#include "ui/common/Prompts.h"
#include "ui/common/WorkstationSettings.h"
#include "ui/consents/ConsentsPage.h"
#include "ui/feed/FeedPage.h"
#include "ui/feed/ImportDialog.h"
#include "ui/lock/IdleLock.h"
#include "ui/patient/PatientPage.h"
#include "ui/reports/ReportsPage.h"
#include "ui/requests/RequestsPage.h"
#include "ui/search/SearchPanel.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/visibility/VisibilityDialog.h"
#include "ui/worklists/WorklistsPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

MainWindow::MainWindow(Session session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(std::move(session)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(
        tr("PortalDesk — %1 (%2)").arg(m_session.staff.displayName, roleDisplayName(m_session.role)));

    m_search = new SearchPanel(m_session, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pageTabs"));
    m_pages->setDocumentMode(true);
    m_pages->setTabsClosable(true);
    m_worklists = new WorklistsPage(m_session, this);
    m_pages->addTab(m_worklists, tr("Worklists"));
    // The desks: requests for everyone (agents log them); consents, restrictions and reports for HIM staff.
    m_requests = new RequestsPage(m_session, this);
    m_pages->addTab(m_requests, tr("Requests"));
    connect(m_requests, &RequestsPage::patientRequested, this,
            [this](const QString& mrn) { openPatient(mrn); });
    if (m_session.role >= Role::Specialist) {
        m_consents = new ConsentsPage(m_session, this);
        m_pages->addTab(m_consents, tr("Consents"));
        connect(m_consents, &ConsentsPage::patientRequested, this,
                [this](const QString& mrn) { openPatient(mrn); });
        m_restrictions = new RestrictionsPage(m_session, this);
        m_pages->addTab(m_restrictions, tr("Restrictions"));
        connect(m_restrictions, &RestrictionsPage::patientRequested, this,
                [this](const QString& mrn) { openPatient(mrn); });
        m_reports = new ReportsPage(m_session, this);
        m_pages->addTab(m_reports, tr("Reports"));
        m_feed = new FeedPage(m_session, this);
        m_pages->addTab(m_feed, tr("Feed"));
        connect(m_feed, &FeedPage::patientRequested, this, [this](const QString& mrn) { openPatient(mrn); });
        connect(m_feed, &FeedPage::importRequested, this, &MainWindow::importFile);
    }
    // The desks stay: no close buttons on their tabs.
    m_fixedPages = m_pages->count();
    for (int i = 0; i < m_fixedPages; ++i) {
        m_pages->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
        m_pages->tabBar()->setTabButton(i, QTabBar::LeftSide, nullptr);
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_search);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({420, 860});

    // The lock screen hides every page until the same staff member signs in again.
    m_lockScreen = new QWidget(this);
    m_lockScreen->setObjectName(QStringLiteral("lockScreen"));
    auto* lockText =
        new QLabel(tr("PortalDesk is locked.\nPatient information is hidden until the person who was "
                      "working here signs in again."),
                   m_lockScreen);
    lockText->setAlignment(Qt::AlignCenter);
    QFont f = lockText->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    lockText->setFont(f);
    auto* unlock = new QPushButton(tr("&Unlock…"), m_lockScreen);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    auto* signOut = new QPushButton(tr("Sign &out"), m_lockScreen);
    signOut->setObjectName(QStringLiteral("lockSignOutButton"));
    connect(unlock, &QPushButton::clicked, this, &MainWindow::unlockRequested);
    connect(signOut, &QPushButton::clicked, this, &MainWindow::signOutRequested);
    auto* lockLayout = new QVBoxLayout(m_lockScreen);
    lockLayout->addStretch(1);
    lockLayout->addWidget(lockText);
    lockLayout->addWidget(unlock, 0, Qt::AlignHCenter);
    lockLayout->addWidget(signOut, 0, Qt::AlignHCenter);
    lockLayout->addStretch(1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_lockScreen);
    setCentralWidget(m_stack);

    m_databaseLabel = new QLabel(tr("Database: %1").arg(m_session.databaseLabel), this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatusLabel"));
    m_staffLabel = new QLabel(
        tr("Signed in: %1 (%2)").arg(m_session.staff.displayName, roleDisplayName(m_session.role)), this);
    m_staffLabel->setObjectName(QStringLiteral("staffStatusLabel"));
    m_outboxLabel = new QLabel(this);
    m_outboxLabel->setObjectName(QStringLiteral("outboxStatusLabel"));
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_staffLabel);
    statusBar()->addPermanentWidget(m_outboxLabel);

    connect(m_search, &SearchPanel::patientRequested, this, [this](const QString& mrn) { openPatient(mrn); });
    connect(m_search, &SearchPanel::loginRequested, this, &MainWindow::openLogin);
    connect(m_worklists, &WorklistsPage::patientRequested, this,
            [this](const QString& mrn) { openPatient(mrn); });
    connect(m_pages, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_session.runner, &DbRunner::dataChanged, this, &MainWindow::refreshOutbox);

    // Mail goes out in the background, soon after a change queued some and every minute.
    m_mail = new MailPump(m_session.runner->config(), m_session.staff, this);
    m_mail->runner().setLoginFrom(*m_session.runner);
    connect(m_session.runner, &DbRunner::dataChanged, this,
            [this] { QTimer::singleShot(300, m_mail, &MailPump::runNow); });
    connect(m_mail, &MailPump::finished, this, [this](const DispatchReport& report) {
        refreshOutbox();
        if (!report.errors.isEmpty())
            statusBar()->showMessage(tr("Mail: %1").arg(report.errors.constLast()), 30000);
        if (report.failed > 0)
            m_session.runner->notifyChanged(); // invitations now show delivery_failed
    });
    connect(m_mail, &MailPump::failed, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Mail: %1").arg(message), 30000); });

    m_outboxTimer = new QTimer(this);
    m_outboxTimer->setInterval(30 * 1000);
    connect(m_outboxTimer, &QTimer::timeout, this, &MainWindow::refreshOutbox);
    m_outboxTimer->start();
    refreshOutbox();

    m_idle = new IdleLock(m_session.policy.idleLockMinutes, this);
    connect(m_idle, &IdleLock::lockRequested, this, &MainWindow::lock);

    buildMenus();
    resize(1280, 800);
    restoreGeometry(WorkstationSettings::windowState(QStringLiteral("geometry")));
    restoreState(WorkstationSettings::windowState(QStringLiteral("state")));
    m_splitter->restoreState(WorkstationSettings::windowState(QStringLiteral("splitter")));
    m_search->focusSearch();
}

MainWindow::~MainWindow() = default;

void MainWindow::importFile() {
    const QString path = Prompts::openFileName(this, tr("Import patients from the EHR"), QString(),
                                               tr("EHR files (*.hl7 *.txt *.ndjson *.json *.csv);;HL7 v2 "
                                                  "(*.hl7 *.txt);;FHIR (*.ndjson *.json);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const auto kind = hl7::importKindOf(path);
    if (!kind) {
        Prompts::warning(
            this, tr("Import patients from the EHR"),
            tr("PortalDesk reads HL7 v2 (.hl7, .txt), FHIR (.ndjson, .json) and CSV (.csv) files."));
        return;
    }
    auto* dialog = new ImportDialog(m_session, *kind, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, [this] { m_session.runner->notifyChanged(); });
    dialog->open();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    if (m_session.role >= Role::Specialist) {
        QAction* import =
            file->addAction(tr("&Import patients from the EHR…"), this, &MainWindow::importFile);
        import->setObjectName(QStringLiteral("importAction"));
        import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
        file->addSeparator();
    }
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    QAction* lockNow = file->addAction(tr("&Lock now"), this, &MainWindow::lock);
    lockNow->setObjectName(QStringLiteral("lockAction"));
    lockNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction* signOut = file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    signOut->setObjectName(QStringLiteral("signOutAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    QAction* find = go->addAction(tr("&Search"), this, [this] {
        if (!isLocked())
            m_search->focusSearch();
    });
    find->setObjectName(QStringLiteral("searchAction"));
    find->setShortcut(QKeySequence::Find);
    QAction* lists = go->addAction(tr("&Worklists"), this, [this] { m_pages->setCurrentIndex(0); });
    lists->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    QAction* explain = go->addAction(tr("What a login can &see…"), this, [this] {
        auto* dialog = new VisibilityDialog(m_session, QString(),
                                            currentPatient() ? currentPatient()->mrn() : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    explain->setObjectName(QStringLiteral("explainVisibilityAction"));
    QAction* close = go->addAction(tr("&Close patient"), this, [this] { closeTab(m_pages->currentIndex()); });
    close->setShortcut(QKeySequence::Close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About PortalDesk"), this, [this] {
        auto* dialog = new AboutDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

PatientPage* MainWindow::openPatient(const QString& mrn) {
    if (isLocked())
        return nullptr;
    for (int i = m_fixedPages; i < m_pages->count(); ++i) {
        auto* page = qobject_cast<PatientPage*>(m_pages->widget(i));
        if (page && page->mrn() == mrn) {
            m_pages->setCurrentIndex(i);
            return page;
        }
    }
    auto* page = new PatientPage(m_session, mrn, m_pages);
    const int index = m_pages->addTab(page, tr("Patient %1").arg(mrn));
    m_pages->setTabToolTip(index, mrn);
    connect(page, &PatientPage::titleChanged, this, [this, page](const QString& title) {
        const int i = m_pages->indexOf(page);
        if (i >= 0)
            m_pages->setTabText(i, title);
    });
    m_pages->setCurrentIndex(index);
    return page;
}

void MainWindow::openLogin(const QString& username) {
    onReady(this, m_session.runner->run([username](const ServiceContext& ctx) {
        return PatientService(ctx).mrnOfUser(username);
    }),
            [this, username](const Result<QString>& mrn) {
                if (!mrn) {
                    Prompts::warning(this, tr("Open login"), mrn.error().message);
                    return;
                }
                if (PatientPage* page = openPatient(mrn.value()))
                    page->selectLogin(username);
            });
}

PatientPage* MainWindow::currentPatient() const {
    return qobject_cast<PatientPage*>(m_pages->currentWidget());
}

void MainWindow::closeTab(int index) {
    if (index < m_fixedPages)
        return;
    QWidget* page = m_pages->widget(index);
    m_pages->removeTab(index);
    page->deleteLater();
}

void MainWindow::lock() {
    if (isLocked())
        return;
    // Dialogs open over a patient's page go too: they show the patient's data.
    const auto dialogs = findChildren<QDialog*>();
    for (QDialog* d : dialogs) {
        if (d->isVisible())
            d->reject();
    }
    m_stack->setCurrentWidget(m_lockScreen);
    m_idle->setActive(false);
    menuBar()->setEnabled(false);
    // Nothing on a locked window names who was working, or where.
    m_unlockedTitle = windowTitle();
    setWindowTitle(tr("PortalDesk — locked"));
    statusBar()->hide();
}

bool MainWindow::isLocked() const {
    return m_stack->currentWidget() == m_lockScreen;
}

void MainWindow::unlocked() {
    m_stack->setCurrentWidget(m_splitter);
    menuBar()->setEnabled(true);
    setWindowTitle(m_unlockedTitle);
    statusBar()->show();
    m_idle->setActive(true);
}

void MainWindow::refreshOutbox() {
    onReady(this, m_session.runner->run([](const ServiceContext& ctx) {
        return AdminService(ctx).outboxWaiting();
    }),
            [this](const Result<int>& waiting) {
                m_outboxLabel->setText(waiting ? tr("Outbox: %n waiting", nullptr, waiting.value())
                                               : tr("Outbox: unknown (%1)").arg(waiting.error().message));
            });
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_session, this);
    dialog.exec();
    if (dialog.languageChanged())
        emit languageChanged();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    WorkstationSettings::setWindowState(QStringLiteral("geometry"), saveGeometry());
    WorkstationSettings::setWindowState(QStringLiteral("state"), saveState());
    WorkstationSettings::setWindowState(QStringLiteral("splitter"), m_splitter->saveState());
    event->accept();
    emit closing();
}

} // namespace pd
