// Every window, page, dialog and worklist rendered in English and Spanish. The pictures go to
// $PORTALDESK_SCREENSHOTS (or a temporary folder) for people to look at; the test itself checks that
// no button or one-line label is narrower than its text needs, so nothing is cut off in either language.
#include "ui/GuiFixture.h"
#include "ui/shell/AboutDialog.h"

#include "ehr/FeedProcessor.h"
#include "models/ConsentModels.h"
#include "models/FeedModels.h"
#include "models/RequestModels.h"
#include "models/RestrictionModels.h"
#include "services/DemoData.h"
#include "services/RestrictionService.h"
#include "ui/consents/ConsentsPage.h"
#include "ui/consents/SubmitConsentDialog.h"
#include "ui/feed/FeedPage.h"
#include "ui/feed/ImportDialog.h"
#include "ui/reports/ReportsPage.h"
#include "ui/reports/WeeklyChart.h"
#include "ui/requests/RequestDialogs.h"
#include "ui/requests/RequestsPage.h"
#include "ui/restrictions/RestrictionDialogs.h"
#include "ui/restrictions/RestrictionsPage.h"
#include "ui/signin/ConnectionDialog.h"
#include "ui/visibility/VisibilityDialog.h"

#include <QBuffer>
#include <QPainter>
#include <QSignalSpy>
#include <QTableWidget>

#include "models/PatientModels.h"
#include "models/SearchModel.h"
#include "models/WorklistModels.h"
#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/ConsentService.h"
#include "services/DailyJob.h"
#include "ui/actions/DeactivateDialog.h"
#include "ui/actions/EditLoginDialog.h"
#include "ui/actions/EditPatientDialog.h"
#include "ui/actions/EnrollDialog.h"
#include "ui/actions/ReissueDialog.h"
#include "ui/patient/PatientPage.h"
#include "ui/patient/VerifyBirthDateDialog.h"
#include "ui/search/SearchPanel.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/worklists/WorklistsPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

using namespace pd;
using namespace pd::test;

class TestScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyScreen_data();
    void everyScreen();
    void anAgentsScreens_data();
    void anAgentsScreens();
    void restrictionScreens_data();
    void restrictionScreens();
    void consentExpiryScreens_data();
    void consentExpiryScreens();
    void reportScreens_data();
    void reportScreens();
    void aboutScreens_data();
    void aboutScreens();
    void cleanupTestCase();

private:
    void shoot(QWidget* w, const QString& name);
    QString m_folder;
    QTemporaryDir m_temp;
    QStringList m_cutOff;
    QStringList m_unnamed;
};

void TestScreenshots::initTestCase() {
    m_folder = qEnvironmentVariable("PORTALDESK_SCREENSHOTS");
    if (m_folder.isEmpty())
        m_folder = m_temp.path();
    QDir().mkpath(m_folder);
}

void TestScreenshots::cleanupTestCase() {
    AppController::installTranslation(QStringLiteral("en"));
}

void TestScreenshots::shoot(QWidget* w, const QString& name) {
    w->show();
    QTest::qWait(150);
    QApplication::processEvents();
    // Text that needs more room than it has is cut off: buttons and one-line labels report it.
    const auto buttons = w->findChildren<QAbstractButton*>();
    for (const QAbstractButton* b : buttons) {
        if (b->isVisible() && !b->text().isEmpty() && b->width() < b->minimumSizeHint().width())
            m_cutOff.append(name + QStringLiteral(": button \"") + b->text() + QLatin1Char('"'));
    }
    const auto labels = w->findChildren<QLabel*>();
    for (const QLabel* l : labels) {
        if (l->isVisible() && !l->wordWrap() && !l->text().isEmpty() &&
            l->width() < l->minimumSizeHint().width())
            m_cutOff.append(name + QStringLiteral(": label \"") + l->text().left(60) + QLatin1Char('"'));
    }
    // A shortcut letter ("&Name:") works only on a label with a buddy; without one the "&" shows as it is.
    for (const QLabel* l : labels) {
        const QString text = QString(l->text()).remove(QStringLiteral("&&"));
        if (l->isVisible() && !l->buddy() && l->textFormat() != Qt::RichText && !Qt::mightBeRichText(text) &&
            text.contains(QLatin1Char('&')))
            m_cutOff.append(name + QStringLiteral(": stray \"&\" in label \"") + l->text().left(60) +
                            QLatin1Char('"'));
    }
    // Every control a screen reader lands on says what it is: its own accessible name, a label that is its
    // buddy, or (buttons) its text.
    QSet<const QWidget*> labelled;
    for (const QLabel* l : labels) {
        if (l->buddy())
            labelled.insert(l->buddy());
    }
    const auto inputs = w->findChildren<QWidget*>();
    for (const QWidget* c : inputs) {
        const bool control = qobject_cast<const QLineEdit*>(c) || qobject_cast<const QComboBox*>(c) ||
                             qobject_cast<const QAbstractSpinBox*>(c) ||
                             qobject_cast<const QAbstractItemView*>(c) ||
                             qobject_cast<const QPlainTextEdit*>(c);
        if (!control || !c->isVisible() || qobject_cast<const QHeaderView*>(c) ||
            qobject_cast<const QLineEdit*>(c->parentWidget()) ||
            qobject_cast<const QComboBox*>(c->parentWidget()) ||
            qobject_cast<const QAbstractSpinBox*>(c->parentWidget()))
            continue; // a combo box's or spin box's own line edit is named through its owner
        if (c->accessibleName().isEmpty() && !labelled.contains(c))
            m_unnamed.append(name + QStringLiteral(": ") + QString::fromLatin1(c->metaObject()->className()) +
                             QLatin1Char(' ') + c->objectName());
    }
    for (const QAbstractButton* b : buttons) {
        // Qt's own small buttons (a line edit's clear button, a tab's close button) name themselves.
        const bool qtOwn = qobject_cast<const QLineEdit*>(b->parentWidget()) ||
                           qobject_cast<const QTabBar*>(b->parentWidget()) ||
                           b->objectName().startsWith(QLatin1String("qt_"));
        if (b->isVisible() && b->text().isEmpty() && b->accessibleName().isEmpty() &&
            b->toolTip().isEmpty() && !qtOwn)
            m_unnamed.append(name + QStringLiteral(": button ") + b->objectName());
    }
    const QImage image = w->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QDir(m_folder).filePath(name + QStringLiteral(".png"))));
}

void TestScreenshots::everyScreen_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << "en";
    QTest::newRow("Spanish") << "es";
}

void TestScreenshots::everyScreen() {
    QFETCH(QString, language);
    AppController::installTranslation(language);
    m_cutOff.clear();
    m_unnamed.clear();
    const auto name = [&language](const char* what) -> QString {
        return language + QLatin1Char('-') + QLatin1String(what);
    };

    Gui gui;
    // An adult's proxy consent with its scanned form, waiting on the consent desk.
    qint64 consentId = 0;
    {
        auto ctx = gui.t.as(QStringLiteral("specialist"));
        QVERIFY(PatientService(*ctx)
                    .add({QStringLiteral("9000004"), QStringLiteral("Lucía"), QStringLiteral("Torres"),
                          QStringLiteral("2005-04-04"), QStringLiteral("female"), QStringLiteral("es"),
                          QStringLiteral("lucia.torres@example.org"), QString()})
                    .ok());
        QImage scan(300, 390, QImage::Format_RGB32);
        scan.fill(Qt::white);
        QPainter painter(&scan);
        painter.drawText(QRect(20, 20, 260, 40), Qt::AlignLeft, QStringLiteral("Proxy consent"));
        for (int y = 80; y < 340; y += 18)
            painter.drawLine(20, y, 280, y);
        painter.end();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        scan.save(&buffer, "PNG");
        ConsentSubmission s;
        s.mrn = QStringLiteral("9000004");
        s.proxyGiven = QStringLiteral("Jorge");
        s.proxyFamily = QStringLiteral("Torres");
        s.proxyEmail = QStringLiteral("jorge.torres@example.org");
        s.relationship = QStringLiteral("parent");
        s.signedOn = QStringLiteral("2026-11-20");
        s.signedBy = QStringLiteral("Lucía Torres");
        s.documentName = QStringLiteral("consent-lucia.png");
        s.document = png;
        auto c = ConsentService(*ctx).submit(s, QStringLiteral("604817"));
        QVERIFY(c.ok());
        consentId = c->id;
    }
    // Linh has activated her login, so the explainer shows a teen's parent's limited set.
    QVERIFY(activateLinh(gui.t));
    QVERIFY(gui.start());
    // The daily job's service account is refused the desk, saying what it is for.
    QVERIFY(gui.elsewhere(QStringLiteral("supervisor"),
                          [](const ServiceContext& ctx) {
                              return AdminService(ctx).addStaff(
                                  QStringLiteral("nightly"), QStringLiteral("nightly"),
                                  QStringLiteral("daily_job"), QStringLiteral("service-one-time-pw"));
                          })
                .ok());
    Gui::typeSignIn(gui.app->signInDialog(), QStringLiteral("nightly"),
                    QStringLiteral("service-one-time-pw"));
    gui.app->signInDialog()->findChild<QPushButton*>(QStringLiteral("signInButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->signInDialog()
                                 ->findChild<QLabel*>(QStringLiteral("signInMessage"))
                                 ->text()
                                 .contains(QLatin1String("daily")),
                             Wait);
    shoot(gui.app->signInDialog(), name("sign-in-service-account"));
    Gui::typeSignIn(gui.app->signInDialog(), QStringLiteral("specialist"));
    shoot(gui.app->signInDialog(), name("sign-in"));
    gui.app->signInDialog()->findChild<QPushButton*>(QStringLiteral("signInButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() != nullptr, Wait);
    MainWindow* w = gui.app->mainWindow();
    w->resize(1360, 820);

    // Worklists, each one.
    const char* lists[] = {
        "worklist-due",    "worklist-late",          "worklist-expired",        "worklist-delivery-failed",
        "worklist-locked", "worklist-transitions-7", "worklist-transitions-30", "worklist-transitions-90"};
    for (int i = 0; i < 8; ++i) {
        w->worklists()->choose(i);
        QTest::qWait(200);
        shoot(w, name(lists[i]));
    }

    // The consent desk, reviewing one.
    w->pages()->setCurrentWidget(w->consents());
    w->consents()->review(consentId);
    QTRY_VERIFY_WITH_TIMEOUT(w->consents()->shown().has_value(), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(w->consents()->model()->rowCount(), 1, Wait);
    shoot(w, name("consent-desk"));
    {
        auto* filter = w->consents()->findChild<QComboBox*>(QStringLiteral("consentFilterComboBox"));
        filter->setCurrentIndex(filter->findData(QStringLiteral("enrollments")));
        QTRY_VERIFY_WITH_TIMEOUT(w->consents()->enrollmentTable()->rowCount() > 0, Wait);
        shoot(w, name("consent-desk-enrollments"));
        filter->setCurrentIndex(0);
    }
    {
        SubmitConsentDialog d(w->session(), QStringLiteral("9000004"), w);
        shoot(&d, name("dialog-file-consent"));
    }
    // The requests desk with one logged, and its dialogs.
    {
        LogRequestDialog log(w->session(), QStringLiteral("9000002"), QStringLiteral("linh.nguyen"), w);
        shoot(&log, name("dialog-log-request"));
    }
    QVERIFY(gui.elsewhere(QStringLiteral("specialist"),
                          [](const ServiceContext& ctx) -> Result<bool> {
                              NewRequest r;
                              r.kind = QStringLiteral("never_received");
                              r.mrn = QStringLiteral("9000002");
                              r.user = QStringLiteral("linh.nguyen");
                              r.note = QStringLiteral("Checked the spam folder too");
                              auto added = RequestService(ctx).add(r);
                              return added ? Result<bool>(true) : Result<bool>(added.error());
                          })
                .ok());
    w->session().runner->notifyChanged();
    w->pages()->setCurrentWidget(w->requests());
    QTRY_COMPARE_WITH_TIMEOUT(w->requests()->model()->rowCount(), 1, Wait);
    shoot(w, name("requests-desk"));
    {
        ResolveRequestDialog resolve(w->session(), w->requests()->model()->row(0), w);
        QTest::qWait(300);
        shoot(&resolve, name("dialog-resolve-request"));
    }
    // The reports.
    w->pages()->setCurrentWidget(w->reports());
    QTRY_VERIFY_WITH_TIMEOUT(w->reports()->dashboard().has_value(), Wait);
    shoot(w, name("reports"));
    // What a teen's parent can see, and why.
    {
        VisibilityDialog explain(w->session(), QStringLiteral("linh.nguyen"), QStringLiteral("9000002"), w);
        QTRY_VERIFY_WITH_TIMEOUT(explain.answer().has_value(), Wait);
        shoot(&explain, name("dialog-visibility"));
    }
    // The Feed desk, with a message the EHR sent that was refused, and a file being imported.
    {
        const QByteArray bad = "MSH|^~\\&|EPIC|CHLA|PORTALDESK|CHLA|20261124080000||ADT^A08|MSG4411|P|2.5.1\r"
                               "PID|1||9000001^^^CHLA^MR||||20301312\r";
        (void)gui.elsewhere(QStringLiteral("specialist"),
                            [bad](const ServiceContext& ctx) -> Result<QString> {
                                return hl7::FeedProcessor(ctx).process(bad).text;
                            });
        // And a death the EHR took back: the patient waits for review.
        (void)gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) -> Result<bool> {
            hl7::FeedProcessor feed(ctx);
            for (const QByteArray& m :
                 {QByteArray("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124080000||ADT^A04|MSG4412|P|2.5.1\r"
                             "PID|1||9100009^^^CHLA^MR||Ruiz^Tomás||20130507|M\r"),
                  QByteArray("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124090000||ADT^A08|MSG4413|P|2.5.1\r"
                             "PID|1||9100009^^^CHLA^MR|||||||||||||||||||||||||||Y\r"),
                  QByteArray("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124100000||ADT^A08|MSG4414|P|2.5.1\r"
                             "PID|1||9100009^^^CHLA^MR||||||||||||||||||||||||||\"\"|N\r")})
                (void)feed.process(m);
            return true;
        });
        w->session().runner->notifyChanged();
        w->pages()->setCurrentWidget(w->feed());
        QTRY_COMPARE_WITH_TIMEOUT(w->feed()->refused()->rowCount(), 1, Wait);
        QTRY_COMPARE_WITH_TIMEOUT(w->feed()->reviews()->rowCount(), 1, Wait);
        shoot(w, name("feed-desk"));
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("patients.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mrn,given_name,family_name,birth_date\n9100001,Lucía,Mendoza,2011-03-05\n"
                "9100002,Bruno,Díaz,2031-01-01\n9100003,Minh,Tran,2016-07-08\n");
        f.close();
        ImportDialog d(w->session(), hl7::ImportKind::Csv, csv, w);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), Wait);
        shoot(&d, name("dialog-import"));
        auto story = gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) {
            return PatientService(ctx).show(QStringLiteral("9100001"));
        });
        QVERIFY(story.ok());
        EditPatientDialog owned(w->session(), story.value(), w);
        shoot(&owned, name("dialog-correct-patient-from-ehr"));
    }
    w->pages()->setCurrentIndex(0);

    // Search, then the patient's page.
    auto* edit = w->findChild<QLineEdit*>(QStringLiteral("searchLineEdit"));
    edit->setText(QStringLiteral("Nguyen"));
    QTRY_VERIFY_WITH_TIMEOUT(w->searchPanel()->model()->rowCount() > 0, Wait);
    shoot(w, name("search"));
    PatientPage* page = w->openPatient(QStringLiteral("9000002"));
    QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
    shoot(w, name("patient-page"));

    // Each dialog, as it first opens.
    const PortalUser linh = page->accessModel()->row(0).user;
    const std::optional<Invitation> live = page->invitationsModel()->row(0).invitation;
    {
        EnrollDialog d(w->session(), *page->story(), w);
        shoot(&d, name("dialog-enroll"));
    }
    {
        ReissueDialog d(w->session(), linh, live, page->story()->patient.birthDate, false, w);
        shoot(&d, name("dialog-reissue"));
    }
    {
        ReissueDialog d(w->session(), linh, live, page->story()->patient.birthDate, true, w);
        shoot(&d, name("dialog-new-pin"));
    }
    {
        DeactivateDialog d(w->session(), linh, true, w);
        shoot(&d, name("dialog-deactivate"));
    }
    {
        // Mateo (born 2012-02-03) corrected to an 18-year-old: the dialog says what ends.
        EditPatientDialog d(w->session(), *page->story(), w);
        d.findChild<QLineEdit*>(QStringLiteral("birthDateLineEdit"))->setText(QStringLiteral("2008-02-03"));
        shoot(&d, name("dialog-correct-patient"));
    }
    {
        EditLoginDialog d(w->session(), linh, w);
        shoot(&d, name("dialog-change-email"));
    }
    {
        SettingsDialog d(w->session(), w);
        QTest::qWait(200);
        for (int i = 0; i < d.tabs()->count(); ++i) {
            d.tabs()->setCurrentIndex(i);
            shoot(&d, name("dialog-settings-") + QString::number(i + 1));
        }
    }
    {
        const QString central =
            QStringLiteral("postgresql://db.hospital.example.org:5432/portaldesk?sslmode=require");
        ConnectionDialog d(central, w);
        shoot(&d, name("dialog-connection"));
        // Signing in to the central database asks for the person's own password (nothing connects yet).
        DbRunner::Config config = w->session().runner->config();
        config.location = central;
        DbRunner runner(config);
        SignInDialog signIn(runner, ConnectionDialog::describe(central));
        signIn.setName(QStringLiteral("maria.garcia"));
        shoot(&signIn, name("sign-in-central"));
    }
    // Lists longer than a page: 250 overdue invitations and 250 open requests; the desks say how many
    // there are in all.
    QVERIFY(
        gui.elsewhere(
               QStringLiteral("specialist"),
               [](const ServiceContext& ctx) -> Result<bool> {
                   for (const char* sql :
                        {"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
                         "INSERT INTO portal_users (username, email, given_name, family_name, language, "
                         "kind, "
                         "status, created_at, created_by, updated_at, updated_by) SELECT 'family' || i, "
                         "'family' || i || '@example.org', 'Rosa', 'Pérez', 'es', 'proxy', 'pending', "
                         "'2026-11-01T17:00:00.000Z', 'specialist', '2026-11-01T17:00:00.000Z', 'specialist' "
                         "FROM n",
                         "INSERT INTO invitations (portal_user_id, email, pin_hash, status, queued_at, "
                         "due_at, "
                         "created_by, updated_at, updated_by) SELECT id, email, 'x', 'queued', "
                         "'2026-11-01T17:00:00.000Z', '2026-11-04T17:00:00.000Z', 'specialist', "
                         "'2026-11-01T17:00:00.000Z', 'specialist' FROM portal_users WHERE username LIKE "
                         "'family%'",
                         "INSERT INTO requests (kind, portal_user_id, received_at, channel, due_at, "
                         "created_at, "
                         "created_by, updated_at, updated_by) SELECT 'never_received', id, "
                         "'2026-11-02T17:00:00.000Z', 'phone', '2026-11-04T17:00:00.000Z', "
                         "'2026-11-02T17:00:00.000Z', 'specialist', '2026-11-02T17:00:00.000Z', 'specialist' "
                         "FROM portal_users WHERE username LIKE 'family%'"}) {
                       Query q(ctx.db(), QString::fromUtf8(sql));
                       PD_TRY(q.exec());
                   }
                   return true;
               })
            .ok());
    w->session().runner->notifyChanged();
    w->pages()->setCurrentWidget(w->worklists());
    w->worklists()->choose(1); // late
    QTRY_VERIFY_WITH_TIMEOUT(w->worklists()->invitationModel()->total() == 250, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(w->worklists(), "worklistCountLabel")->text().contains(QStringLiteral("250")), Wait);
    QCOMPARE(w->worklists()->invitationModel()->rowCount(), InvitationWorklistModel::PageSize);
    shoot(w, name("worklist-late-long"));
    w->pages()->setCurrentWidget(w->requests());
    QTRY_VERIFY_WITH_TIMEOUT(w->requests()->model()->total() == 251, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(w->requests(), "requestCountLabel")->text().contains(QStringLiteral("251")), Wait);
    shoot(w, name("requests-desk-long"));

    w->lock();
    shoot(w, name("lock-screen"));
    // Unlocking: a name that isn't the person who locked it gets the same answer as a wrong password.
    child<QPushButton>(w, "unlockButton")->click();
    SignInDialog* unlock = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (unlock = w->findChild<SignInDialog*>(QStringLiteral("unlockDialog"))) != nullptr, Wait);
    shoot(unlock, name("unlock"));
    Gui::typeSignIn(unlock, QStringLiteral("agent"));
    child<QPushButton>(unlock, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(unlock, "signInMessage")->isVisible(), Wait);
    shoot(unlock, name("unlock-refused"));
    unlock->reject();
    {
        // A new embedded database: the first supervisor chooses a password, typed twice.
        SignInDialog first(*w->session().runner, QStringLiteral("/home/him/portaldesk.sqlite"));
        first.setFirstUse(true);
        first.setName(QStringLiteral("dana.kim"));
        shoot(&first, name("sign-in-first-use"));
    }
    {
        // A one-time password from a supervisor: the desk asks for the person's own before anything opens.
        QVERIFY(gui.elsewhere(QStringLiteral("supervisor"),
                              [](const ServiceContext& ctx) -> Result<bool> {
                                  PD_TRY(AdminService(ctx).setOneTimePassword(
                                      QStringLiteral("agent"), QStringLiteral("one-time-pw-2026")));
                                  return true;
                              })
                    .ok());
        SignInDialog oneTime(*w->session().runner, QStringLiteral("/home/him/portaldesk.sqlite"));
        Gui::typeSignIn(&oneTime, QStringLiteral("agent"), QStringLiteral("a wrong password"));
        child<QPushButton>(&oneTime, "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&oneTime, "signInMessage")->text().isEmpty(), Wait);
        shoot(&oneTime, name("sign-in-refused"));
        Gui::typeSignIn(&oneTime, QStringLiteral("agent"), QStringLiteral("one-time-pw-2026"));
        child<QPushButton>(&oneTime, "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(&oneTime, "newPasswordLineEdit")->isVisibleTo(&oneTime),
                                 Wait);
        shoot(&oneTime, name("sign-in-new-password"));
    }
    {
        // Linh's login deactivated at the family's request: reopening it lists the access that comes back.
        QVERIFY(gui.deactivateLinhElsewhere(QStringLiteral("family_request")));
        PortalUser closed = linh;
        closed.status = QStringLiteral("deactivated");
        ReissueDialog d(w->session(), closed, std::nullopt, QDate(2012, 2, 3), true, w);
        QTRY_VERIFY_WITH_TIMEOUT(!d.findChildren<QCheckBox*>().isEmpty(), Wait);
        d.findChildren<QCheckBox*>().first()->setChecked(true);
        shoot(&d, name("dialog-reopen-login"));
    }
    QVERIFY2(m_cutOff.isEmpty(), qPrintable(m_cutOff.join(QLatin1Char('\n'))));
    QVERIFY2(m_unnamed.isEmpty(), qPrintable(m_unnamed.join(QLatin1Char('\n'))));
}

void TestScreenshots::anAgentsScreens_data() {
    everyScreen_data();
}

// A support agent's patient page: the age group, no birth date, no age in years, and a grant a birthday
// ended without the day; and the check of a caller's date.
void TestScreenshots::anAgentsScreens() {
    QFETCH(QString, language);
    AppController::installTranslation(language);
    m_cutOff.clear();
    m_unnamed.clear();
    const auto name = [&language](const char* what) -> QString {
        return language + QLatin1Char('-') + QLatin1String(what);
    };
    Gui gui;
    // Sofía turned 12 two days ago, and that night's run ended her mother's child-age access.
    gui.t.clock.set(la(2026, 11, 10, 10));
    addPatient(gui.t, QStringLiteral("9000006"), QDate(2014, 11, 22),
               QStringLiteral("sofia.kid@example.org"));
    enrollOk(gui.t, parentForm(QStringLiteral("9000006"), QDate(2026, 11, 10),
                               QStringLiteral("carmen.ramos@example.org"), QStringLiteral("Carmen")));
    gui.t.clock.set(la(2026, 11, 22, 2));
    QVERIFY(DailyJob(*gui.t.as(QStringLiteral("specialist"))).run(nullptr).ok());
    gui.t.clock.set(la(2026, 11, 24, 10));

    MainWindow* w = gui.signIn(QStringLiteral("agent"));
    QVERIFY(w);
    w->resize(1360, 820);
    PatientPage* page = w->openPatient(QStringLiteral("9000006"));
    QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
    shoot(w, name("agent-patient-page"));
    {
        VerifyBirthDateDialog d(w->session(), QStringLiteral("9000006"), page->story()->patient.fullName(),
                                w);
        d.show();
        child<QLineEdit>(&d, "callerBirthDateLineEdit")->setText(QStringLiteral("2014-11-21"));
        child<QPushButton>(&d, "checkBirthDateButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&d, "verifyAnswerLabel")->text().isEmpty(), Wait);
        shoot(&d, name("dialog-verify-birth-date"));
    }
    QVERIFY2(m_cutOff.isEmpty(), qPrintable(m_cutOff.join(QLatin1Char('\n'))));
    QVERIFY2(m_unnamed.isEmpty(), qPrintable(m_unnamed.join(QLatin1Char('\n'))));
}

void TestScreenshots::aboutScreens_data() {
    everyScreen_data();
}

// Help ▸ About: the versions once the database has answered, the license and the notices.
void TestScreenshots::aboutScreens() {
    QFETCH(QString, language);
    AppController::installTranslation(language);
    m_cutOff.clear();
    m_unnamed.clear();
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    AboutDialog d(w->session(), w);
    d.show();
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(&d, "aboutVersionsLabel")->text().contains(QStringLiteral("SQLite")), Wait);
    shoot(&d, language + QStringLiteral("-dialog-about"));
    auto* tabs = d.findChild<QTabWidget*>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(2);
    shoot(&d, language + QStringLiteral("-dialog-about-notices"));
    QVERIFY2(m_cutOff.isEmpty(), qPrintable(m_cutOff.join(QLatin1Char('\n'))));
    QVERIFY2(m_unnamed.isEmpty(), qPrintable(m_unnamed.join(QLatin1Char('\n'))));
}

void TestScreenshots::restrictionScreens_data() {
    everyScreen_data();
}

// A custody order on Mateo's record: the banner on the page (HIM staff's and an agent's), the explainer,
// the desk (in force; ending soon), and the dialog that records one.
void TestScreenshots::restrictionScreens() {
    QFETCH(QString, language);
    AppController::installTranslation(language);
    m_cutOff.clear();
    m_unnamed.clear();
    const auto name = [&language](const char* what) -> QString {
        return language + QLatin1Char('-') + QLatin1String(what);
    };
    Gui gui;
    {
        auto ctx = gui.t.as(QStringLiteral("specialist"));
        RestrictionRequest r;
        r.mrns = {QStringLiteral("9000002")};
        r.givenName = QStringLiteral("Linh");
        r.familyName = QStringLiteral("Nguyen");
        r.email = QStringLiteral("linh.nguyen@example.org");
        r.reason = QStringLiteral("custody_order");
        r.note = QStringLiteral("LA Superior Court, case 26FL01234: no contact, no records");
        r.documentName = QStringLiteral("custody-order.pdf");
        r.document = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
        QVERIFY(RestrictionService(*ctx).add(r));
        r.mrns = {QStringLiteral("9000003")};
        r.givenName = QStringLiteral("Daniel");
        r.familyName = QStringLiteral("Kim");
        r.email.clear();
        r.reason = QStringLiteral("protective_order");
        r.until = QStringLiteral("2026-12-15");
        r.note.clear();
        QVERIFY(RestrictionService(*ctx).add(r));
    }
    MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
    QVERIFY(w);
    w->resize(1360, 820);
    PatientPage* page = w->openPatient(QStringLiteral("9000002"));
    QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
    shoot(w, name("patient-page-restricted"));
    {
        VisibilityDialog explain(w->session(), QStringLiteral("linh.nguyen"), QStringLiteral("9000002"), w);
        QSignalSpy done(&explain, &VisibilityDialog::explained);
        QVERIFY(done.wait(Wait));
        shoot(&explain, name("dialog-visibility-restricted"));
    }
    {
        AddRestrictionDialog d(w->session(), QStringLiteral("9000001, 9000003"), w);
        child<QLineEdit>(&d, "restrictionGivenLineEdit")->setText(QStringLiteral("Marco"));
        child<QLineEdit>(&d, "restrictionFamilyLineEdit")->setText(QStringLiteral("Hernández"));
        d.setDocument(QStringLiteral("/scans/order-2026-11-24.pdf"), QByteArrayLiteral("%PDF-1.4\n%%EOF\n"));
        shoot(&d, name("dialog-add-restriction"));
    }
    RestrictionsPage* desk = w->restrictions();
    QVERIFY(desk);
    w->pages()->setCurrentWidget(desk);
    QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 2, Wait);
    desk->view()->selectRow(0);
    shoot(w, name("restrictions-desk"));
    desk->choose(1);
    QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
    shoot(w, name("restrictions-desk-ending"));
    QVERIFY2(m_cutOff.isEmpty(), qPrintable(m_cutOff.join(QLatin1Char('\n'))));
    QVERIFY2(m_unnamed.isEmpty(), qPrintable(m_unnamed.join(QLatin1Char('\n'))));
}

void TestScreenshots::consentExpiryScreens_data() {
    everyScreen_data();
}

// Consents that end 18 months after approval: the desk's list of those ending within 90 days, with one
// reviewed, and the explainer's line saying when the proxy's access ends.
void TestScreenshots::consentExpiryScreens() {
    QFETCH(QString, language);
    AppController::installTranslation(language);
    m_cutOff.clear();
    m_unnamed.clear();
    const auto name = [&language](const char* what) -> QString {
        return language + QLatin1Char('-') + QLatin1String(what);
    };
    Gui gui;
    QVERIFY(AdminService(*gui.t.as(QStringLiteral("supervisor")))
                .setSetting(QStringLiteral("consent.expiry_months"), QStringLiteral("18")));
    // Approved 18 months ago less a few weeks: Lucía's father's access ends in January.
    gui.t.clock.set(la(2025, 7, 15, 10));
    addPatient(gui.t, QStringLiteral("9000004"), QDate(2005, 4, 4),
               QStringLiteral("lucia.torres@example.org"));
    ConsentSubmission s;
    s.mrn = QStringLiteral("9000004");
    s.proxyGiven = QStringLiteral("Jorge");
    s.proxyFamily = QStringLiteral("Torres");
    s.proxyEmail = QStringLiteral("jorge.torres@example.org");
    s.relationship = QStringLiteral("parent");
    s.signedOn = QStringLiteral("2025-07-10");
    s.signedBy = QStringLiteral("Ana López");
    s.documentName = QStringLiteral("consent.pdf");
    s.document = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
    auto filed = ConsentService(*gui.t.as(QStringLiteral("specialist"))).submit(s, QStringLiteral("604817"));
    QVERIFY(filed);
    QVERIFY(ConsentService(*gui.t.as(QStringLiteral("supervisor"))).approve(filed->id));
    gui.t.clock.set(la(2026, 11, 24, 10));

    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    w->resize(1360, 820);
    ConsentsPage* desk = w->consents();
    w->pages()->setCurrentWidget(desk);
    auto* filter = desk->findChild<QComboBox*>(QStringLiteral("consentFilterComboBox"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("ending:90")));
    QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
    desk->review(filed->id);
    QTRY_VERIFY_WITH_TIMEOUT(desk->shown().has_value(), Wait);
    shoot(w, name("consent-desk-expiring"));
    {
        VisibilityDialog explain(w->session(), QStringLiteral("jorge.torres@example.org"),
                                 QStringLiteral("9000004"), w);
        QSignalSpy done(&explain, &VisibilityDialog::explained);
        QVERIFY(done.wait(Wait));
        shoot(&explain, name("dialog-visibility-consent-ends"));
    }
    QVERIFY2(m_cutOff.isEmpty(), qPrintable(m_cutOff.join(QLatin1Char('\n'))));
    QVERIFY2(m_unnamed.isEmpty(), qPrintable(m_unnamed.join(QLatin1Char('\n'))));
}

namespace {

// Forty weeks of a desk's work, written straight into the tables: each week some invitations sent (most
// activated two days later, some left to expire a week later) and some requests (most met on time, a few
// late, this week's still open). The week of `k` weeks ago starts on Monday 23 November 2026 less k weeks.
bool seedReportWeeks(TestDb& t) {
    const QDateTime now = t.clock.nowUtc();
    const auto at = [](const QDateTime& when) -> QString {
        return QLatin1Char('\'') + DbTime::toDb(when).toString() + QLatin1Char('\'');
    };
    QStringList users, invitations, requests;
    for (int k = 0; k < 40; ++k) {
        const QDate monday = QDate(2026, 11, 23).addDays(-7 * k);
        const int sent = k == 0 ? 9 : 14 + (k * 7) % 11 + (k % 3) * 4;
        const int expiring = k < 2 ? 0 : (k % 4 == 0 ? 0 : 1 + k % 4);
        for (int i = 0; i < sent; ++i) {
            const QString name = QStringLiteral("week%1.family%2").arg(k).arg(i);
            const QDateTime sentAt = QDateTime(monday.addDays(1), QTime(9, 0).addSecs(60 * i), losAngeles());
            const QDateTime activatedAt = sentAt.addDays(2);
            const QDateTime expiresAt = sentAt.addDays(7);
            const bool expired = i < expiring;
            const bool activated = !expired && activatedAt < now && i % 5 != 4;
            users.append(QStringLiteral("('%1', '%1@example.org', 'Rosa', 'Pérez', 'es', 'proxy', '%2', %3, "
                                        "'specialist', %3, 'specialist')")
                             .arg(name, activated ? QStringLiteral("active") : QStringLiteral("pending"),
                                  at(sentAt.addSecs(-3600))));
            invitations.append(
                QStringLiteral("((SELECT id FROM portal_users WHERE username = '%1'), '%1@example.org', 'x', "
                               "'token-%1', '%2', %3, %3, %4, %5, %6, 'specialist', %4, 'specialist')")
                    .arg(name,
                         expired     ? QStringLiteral("expired")
                         : activated ? QStringLiteral("activated")
                                     : QStringLiteral("sent"),
                         at(sentAt.addSecs(-3600)), at(sentAt), at(expiresAt),
                         activated ? at(activatedAt) : QStringLiteral("NULL")));
        }
        const int received = 3 + (k * 5) % 7;
        for (int i = 0; i < received; ++i) {
            const QDateTime receivedAt = QDateTime(monday.addDays(i % 4), QTime(10, 0), losAngeles());
            const QDateTime dueAt = receivedAt.addDays(2);
            const bool late = i < k % 3;
            const QDateTime resolvedAt = late ? dueAt.addDays(1) : receivedAt.addDays(1);
            const bool resolved = resolvedAt < now && !(k == 0 && i % 2 == 0);
            requests.append(
                QStringLiteral("('never_received', %1, 'phone', %2, %3, %4, %5, %1, 'specialist', %1, "
                               "'specialist')")
                    .arg(at(receivedAt), at(dueAt),
                         resolved ? QStringLiteral("'resolved'") : QStringLiteral("'open'"),
                         resolved ? at(resolvedAt) : QStringLiteral("NULL"),
                         resolved ? QStringLiteral("'specialist'") : QStringLiteral("NULL")));
        }
    }
    const QStringList statements = {
        QStringLiteral(
            "INSERT INTO portal_users (username, email, given_name, family_name, language, kind, status, "
            "created_at, created_by, updated_at, updated_by) VALUES ") +
            users.join(QStringLiteral(", ")),
        QStringLiteral(
            "INSERT INTO invitations (portal_user_id, email, pin_hash, token_hash, status, queued_at, "
            "due_at, sent_at, expires_at, activated_at, created_by, updated_at, updated_by) VALUES ") +
            invitations.join(QStringLiteral(", ")),
        QStringLiteral("INSERT INTO requests (kind, received_at, channel, due_at, status, resolved_at, "
                       "resolved_by, created_at, created_by, updated_at, updated_by) VALUES ") +
            requests.join(QStringLiteral(", "))};
    for (const QString& sql : statements) {
        Query q(*t.db, sql);
        if (const Status done = q.exec(); !done) {
            qWarning("seed: %s", qPrintable(done.error().message));
            return false;
        }
    }
    return true;
}

} // namespace

void TestScreenshots::reportScreens_data() {
    everyScreen_data();
}

// The leads' report with forty weeks of work behind it: the desk's charts over 12 and 104 weeks and with
// nothing to show, and the printed report's pages (as PNG when poppler's pdftoppm is there to draw them).
void TestScreenshots::reportScreens() {
    QFETCH(QString, language);
    AppController::installTranslation(language);
    m_cutOff.clear();
    m_unnamed.clear();
    const auto name = [&language](const char* what) -> QString {
        return language + QLatin1Char('-') + QLatin1String(what);
    };
    Gui gui;
    QVERIFY(seedReportWeeks(gui.t));
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    w->resize(1360, 820);
    ReportsPage* page = w->reports();
    w->pages()->setCurrentWidget(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->dashboard().has_value(), Wait);
    QVERIFY(page->dashboard()->sent > 100);
    QVERIFY(page->dashboard()->requestsLate > 0 && page->dashboard()->requestsOpen > 0);
    shoot(w, name("reports-12-weeks"));
    // The keyboard on the invitations chart, a week back from the latest.
    WeeklyChartWidget* chart = page->invitationChart();
    chart->setFocus();
    QTest::keyClick(chart, Qt::Key_Left);
    QTest::keyClick(chart, Qt::Key_Left);
    QCOMPARE(chart->currentWeek(), 10);
    shoot(w, name("reports-12-weeks-keyboard"));
    chart->clearFocus();

    const QString pdf = QDir(m_folder).filePath(name("report-12-weeks.pdf"));
    QVERIFY(page->writePdf(pdf).ok());
    const QString a4 = QDir(m_folder).filePath(name("report-104-weeks-a4.pdf"));
    const auto spin = page->findChild<QSpinBox*>(QStringLiteral("reportWeeksSpinBox"));
    spin->setValue(104);
    QTRY_COMPARE_WITH_TIMEOUT(page->dashboard()->weeks.size(), 104, Wait);
    shoot(w, name("reports-104-weeks"));
    QVERIFY(page->writePdf(a4, QPageSize(QPageSize::A4)).ok());
    // This week alone, one bar each; then with this week's requests gone, the request chart says there is
    // nothing to show.
    spin->setValue(1);
    QTRY_COMPARE_WITH_TIMEOUT(page->dashboard()->weeks.size(), 1, Wait);
    shoot(w, name("reports-1-week"));
    QVERIFY(gui.elsewhere(QStringLiteral("specialist"),
                          [](const ServiceContext& ctx) -> Result<bool> {
                              Query q(ctx.db(), QStringLiteral("DELETE FROM requests WHERE received_at >= "
                                                               "'2026-11-23T08:00:00.000Z'"));
                              PD_TRY(q.exec());
                              return true;
                          })
                .ok());
    w->session().runner->notifyChanged();
    QTRY_VERIFY_WITH_TIMEOUT(page->dashboard()->requests == 0, Wait);
    QVERIFY(page->requestChart()->chart().isEmpty());
    shoot(w, name("reports-1-week-no-requests"));

    // The printed pages, for people to look at: the first page of each, and the 104 weeks' table.
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty()) {
        qInfo("pdftoppm (poppler-utils) is not installed: the printed report is not drawn as PNG");
    } else {
        const auto draw = [&](const QString& file, int pageNumber, const QString& png) {
            QProcess p;
            p.start(pdftoppm,
                    {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
                     QString::number(pageNumber), QStringLiteral("-l"), QString::number(pageNumber),
                     QStringLiteral("-singlefile"), file, QDir(m_folder).filePath(png)});
            return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        };
        QVERIFY(draw(pdf, 1, name("report-12-weeks-page-1")));
        QVERIFY(draw(a4, 1, name("report-104-weeks-a4-page-1")));
        QVERIFY(draw(a4, 2, name("report-104-weeks-a4-page-2")));
    }
    QVERIFY2(m_cutOff.isEmpty(), qPrintable(m_cutOff.join(QLatin1Char('\n'))));
    QVERIFY2(m_unnamed.isEmpty(), qPrintable(m_unnamed.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
