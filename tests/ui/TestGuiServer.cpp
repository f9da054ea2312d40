// The desktop on the central database: each person signs in with their own database login and password,
// and what a support agent sees is masked by the server.
#include "models/MailPump.h"
#include "models/SearchModel.h"
#include "ui/GuiFixture.h"

#include "ui/patient/PatientPage.h"
#include "ui/search/SearchPanel.h"
#include "ui/signin/ConnectionDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableView>
#include <QUrl>

using namespace pd;
using namespace pd::test;

namespace {

const QString Password = QStringLiteral("a long database password");

// The address a workstation keeps: the server, never a login or a password.
QString workstationAddress(const QString& location) {
    QUrl url(location);
    url.setUserInfo(QString());
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

class TestGuiServer : public QObject {
    Q_OBJECT

    std::unique_ptr<Gui> m_gui;

    SignInDialog* startOnServer() {
        auto ctx = m_gui->t.as(QStringLiteral("supervisor"));
        AdminService admin(*ctx);
        if (!admin.addStaff(QStringLiteral("pat"), QStringLiteral("Pat Lee"),
                            QStringLiteral("him_specialist"), Password) ||
            !admin.addStaff(QStringLiteral("sam"), QStringLiteral("Sam Ortiz"),
                            QStringLiteral("support_agent"), Password))
            return nullptr;
        m_gui->t.db.reset();
        Database::forbidThread(QThread::currentThread());
        AppController::Options options;
        options.location = workstationAddress(m_gui->t.location);
        options.clock = m_gui->clock;
        m_gui->app = std::make_unique<AppController>(options);
        m_gui->app->start();
        if (!QTest::qWaitFor(
                [this] { return m_gui->app->signInDialog() && m_gui->app->signInDialog()->isVisible(); },
                Wait))
            return nullptr;
        return m_gui->app->signInDialog();
    }

    void typeSignIn(const QString& name, const QString& password) {
        SignInDialog* d = m_gui->app->signInDialog();
        child<QLineEdit>(d, "staffNameLineEdit")->setText(name);
        child<QLineEdit>(d, "passwordLineEdit")->setText(password);
        child<QPushButton>(d, "signInButton")->click();
    }

    QStringList searchRows(MainWindow* w, const QString& text) {
        auto* box = w->findChild<QLineEdit*>(QStringLiteral("searchLineEdit"));
        box->setText(text);
        auto* view = w->findChild<QTableView*>(QStringLiteral("searchResultsView"));
        if (!QTest::qWaitFor([view] { return view->model() && view->model()->rowCount() > 0; }, Wait))
            return {};
        QStringList rows;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < view->model()->columnCount(); ++c)
                cells << view->model()->index(r, c).data().toString();
            rows << cells.join(QLatin1Char('|'));
        }
        return rows;
    }

private slots:
    void initTestCase() {
        if (!onPostgres())
            QSKIP("the central database's own test");
    }

    void init() { m_gui = std::make_unique<Gui>(); }
    void cleanup() { m_gui.reset(); }

    void eachPersonSignsInWithTheirOwnPassword() {
        SignInDialog* d = startOnServer();
        QVERIFY(d);
        QVERIFY(d->asksPassword());
        QVERIFY(child<QLabel>(d, "signInIntro")->text().contains(QStringLiteral("central database")));

        typeSignIn(QStringLiteral("pat"), QStringLiteral("not the password"));
        auto* message = child<QLabel>(d, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), Wait);
        QVERIFY(message->text().contains(QStringLiteral("did not accept the sign-in of pat")));
        QVERIFY(child<QLineEdit>(d, "passwordLineEdit")->text().isEmpty()); // never left in the field
        QVERIFY(!m_gui->app->mainWindow());

        typeSignIn(QStringLiteral("pat"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->app->mainWindow() != nullptr, Wait);
        const QStringList rows = searchRows(m_gui->app->mainWindow(), QStringLiteral("Nguyen"));
        QVERIFY(rows.join(QLatin1Char('\n')).contains(QStringLiteral("linh.nguyen@example.org")));
        // The desk queues mail; on the central database the mail service sends it.
        QVERIFY(!m_gui->app->mainWindow()->mailPump()->isEnabled());
    }

    // A desktop started with --now on a live central database says plainly why it can't sign in.
    void aLiveDatabaseRefusesAPinnedClock() {
        QTemporaryDir dir;
        const QString location = freshLocation(dir);
        const auto drop = qScopeGuard([location] { dropLocation(location); });
        {
            auto db = Database::open(location);
            QVERIFY(db.ok());
            QVERIFY(AdminService::initialize(*db.value(), *m_gui->clock, QStringLiteral("supervisor")).ok());
            auto member = signIn(*db.value(), QStringLiteral("supervisor"));
            QVERIFY(member.ok());
            ServiceContext ctx(*db.value(), *m_gui->clock, member.value(), QStringLiteral("ws"));
            QVERIFY(AdminService(ctx)
                        .addStaff(QStringLiteral("pat"), QStringLiteral("Pat Lee"),
                                  QStringLiteral("him_specialist"), Password)
                        .ok());
        }
        Database::forbidThread(QThread::currentThread());
        AppController::Options options;
        options.location = workstationAddress(location);
        options.clock = m_gui->clock; // as --now gives it
        m_gui->app = std::make_unique<AppController>(options);
        m_gui->app->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->app->signInDialog() && m_gui->app->signInDialog()->isVisible(), Wait);
        typeSignIn(QStringLiteral("pat"), Password);
        auto* message = child<QLabel>(m_gui->app->signInDialog(), "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), Wait);
        QVERIFY2(message->text().contains(QStringLiteral("is a live one")), qPrintable(message->text()));
        QVERIFY(!m_gui->app->mainWindow());
        m_gui->app.reset(); // its connection goes before the database does
    }

    void anAgentSeesWhatTheServerMasked() {
        QVERIFY(startOnServer());
        typeSignIn(QStringLiteral("sam"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->app->mainWindow() != nullptr, Wait);
        const QString rows =
            searchRows(m_gui->app->mainWindow(), QStringLiteral("linh.nguyen@exa")).join(QLatin1Char('\n'));
        QVERIFY2(rows.contains(QStringLiteral("l•••@example.org")), qPrintable(rows));
        QVERIFY(!rows.contains(QStringLiteral("linh.nguyen@example.org")));
        // Mateo's page, on a login that can't read birth dates: the bracket from the server, no birthday.
        MainWindow* w = m_gui->app->mainWindow();
        searchRows(w, QStringLiteral("Mateo"));
        QTRY_VERIFY_WITH_TIMEOUT(w->searchPanel()->model()->rowCount() > 0 &&
                                     w->searchPanel()->model()->row(0).key == QLatin1String("9000002"),
                                 Wait);
        w->findChild<QLineEdit*>(QStringLiteral("searchLineEdit"))->setFocus();
        QTest::keyClick(w->findChild<QLineEdit*>(QStringLiteral("searchLineEdit")), Qt::Key_Down);
        QTest::keyClick(w->searchPanel()->view(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(w->currentPatient() && w->currentPatient()->story().has_value(), Wait);
        const QString facts = child<QLabel>(w->currentPatient(), "patientFactsLabel")->text();
        QVERIFY2(facts.contains(QStringLiteral("12–17")) && !facts.contains(QStringLiteral("2012")) &&
                     !facts.contains(QStringLiteral("age 14")),
                 qPrintable(facts));
        QVERIFY(!w->currentPatient()->story()->patient.birthDate.isValid());
    }

    void aSupervisorCantActAsSomeoneElse() {
        QVERIFY(startOnServer());
        typeSignIn(QStringLiteral("sue"), Password); // no such login
        auto* message = child<QLabel>(m_gui->app->signInDialog(), "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), Wait);
        QVERIFY(!m_gui->app->mainWindow());
    }

    void unlockingAsksForThePasswordAgain() {
        QVERIFY(startOnServer());
        typeSignIn(QStringLiteral("pat"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(m_gui->app->mainWindow() != nullptr, Wait);
        MainWindow* w = m_gui->app->mainWindow();
        w->lock();
        child<QPushButton>(w, "unlockButton")->click();
        SignInDialog* unlock = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (unlock = w->findChild<SignInDialog*>(QStringLiteral("unlockDialog"))) != nullptr, Wait);
        QVERIFY(unlock->asksPassword());
        child<QLineEdit>(unlock, "staffNameLineEdit")->setText(QStringLiteral("pat"));
        child<QLineEdit>(unlock, "passwordLineEdit")->setText(QStringLiteral("a guess"));
        child<QPushButton>(unlock, "signInButton")->click();
        auto* message = child<QLabel>(unlock, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), Wait);
        QVERIFY(w->isLocked());
        child<QLineEdit>(unlock, "passwordLineEdit")->setText(Password);
        child<QPushButton>(unlock, "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!w->isLocked(), Wait);
    }

    void theConnectionDialogBuildsTheServerAddress() {
        ConnectionDialog d{QString()};
        child<QRadioButton>(&d, "serverRadio")->setChecked(true);
        child<QLineEdit>(&d, "serverHostLineEdit")->setText(QStringLiteral("db.hospital.example.org"));
        child<QSpinBox>(&d, "serverPortSpinBox")->setValue(6432);
        child<QLineEdit>(&d, "serverDatabaseLineEdit")->setText(QStringLiteral("portaldesk"));
        // verify-full without the CA that signed the server's certificate is refused at once.
        child<QPushButton>(&d, "connectionOkButton")->click();
        QVERIFY(child<QLabel>(&d, "connectionMessage")->isVisibleTo(&d));
        QVERIFY(child<QLabel>(&d, "connectionMessage")->text().contains(QStringLiteral("sslrootcert")));
        QCOMPARE(d.result(), int(QDialog::Rejected));

        auto* tls = child<QComboBox>(&d, "serverTlsComboBox");
        tls->setCurrentIndex(tls->findData(QStringLiteral("require")));
        child<QPushButton>(&d, "connectionOkButton")->click();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.location(),
                 QStringLiteral("postgresql://db.hospital.example.org:6432/portaldesk?sslmode=require"));
        QVERIFY(ConnectionDialog::describe(d.location())
                    .contains(QStringLiteral("db.hospital.example.org:6432")));
        QVERIFY(ServerAddress::parse(d.location()).ok());
    }
};

QTEST_MAIN(TestGuiServer)
#include "TestGuiServer.moc"
