// portaldesk: the staff desktop.
#include "core/Secrets.h"
#include "core/Startup.h"
#include "core/Validation.h"
#include "services/Connection.h"
#include "services/DemoData.h"
#include "ui/common/WorkstationSettings.h"
#include "ui/shell/AppController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimeZone>
#include <QTimer>

#include <memory>

namespace {

// --help and --version answer in text: they work where there is no display, as on a server.
bool asksForTextOnly(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        // An option's value ("--staff -v") is no option.
        if (arg == "--db" || arg == "--now" || arg == "--staff" || arg == "--screenshot") {
            ++i;
            continue;
        }
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version" ||
            arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[]) {
    pd::Startup::hardenProcess();
    const bool textOnly = asksForTextOnly(argc, argv);
    const std::unique_ptr<QCoreApplication> app = textOnly ? std::make_unique<QCoreApplication>(argc, argv)
                                                           : std::make_unique<QApplication>(argc, argv);
    pd::Startup::identify(PORTALDESK_VERSION);
    if (!textOnly) {
        QApplication::setApplicationDisplayName(QStringLiteral("PortalDesk"));
        // The .desktop file's name, so Wayland compositors show its icon; the same icon on every window.
        QGuiApplication::setDesktopFileName(QStringLiteral(PORTALDESK_APP_ID));
        QIcon icon;
        for (int size : {16, 24, 32, 48, 64, 128, 256})
            icon.addFile(QStringLiteral(":/icons/portaldesk-%1.png").arg(size), QSize(size, size));
        QApplication::setWindowIcon(icon);
        // The controller decides when to quit: windows are replaced on sign-out and on a language change.
        QApplication::setQuitOnLastWindowClosed(false);
    }

    QString language = qEnvironmentVariable("PORTALDESK_LANGUAGE");
    if (language.isEmpty())
        language = pd::WorkstationSettings::language();
    pd::AppController::installTranslation(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Main", "The staff desktop for the patient portal's access side."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QCoreApplication::translate("Main", "Database file (default: the embedded one)."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("Main", "Fill an empty database with demo data."));
    const QCommandLineOption now(
        QStringLiteral("now"),
        QCoreApplication::translate("Main", "Run as if it were this instant (ISO-8601)."),
        QStringLiteral("TIME"));
    const QCommandLineOption staff(QStringLiteral("staff"),
                                   QCoreApplication::translate("Main", "Sign-in name to suggest."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "Main", "Sign in as --staff (on a --demo database, with the demo's password), save "
                    "a picture of the main window to FILE and quit (a check that the desktop "
                    "starts, also without a display)."),
        QStringLiteral("FILE"));
    parser.addOptions({db, demo, now, staff, screenshot});
    parser.process(*app);
    // Started without a display for --help or --version: there is no window to go on to.
    if (textOnly)
        parser.showHelp(2);

    if (!pd::Secrets::selfTest()) {
        QMessageBox::critical(nullptr, QStringLiteral("PortalDesk"),
                              QCoreApplication::translate(
                                  "Main", "The cryptography self-test failed; PortalDesk will not run."));
        return 1;
    }
    pd::Connection::forbidThread(app->thread());

    pd::AppController::Options options;
    options.location = parser.value(db);
    options.demo = parser.isSet(demo);
    options.staff = parser.value(staff);
    bool timeoutSet = false;
    const int busyTimeoutMs = qEnvironmentVariableIntValue("PORTALDESK_BUSY_TIMEOUT_MS", &timeoutSet);
    if (timeoutSet && busyTimeoutMs > 0)
        options.busyTimeoutMs = busyTimeoutMs;
    if (parser.isSet(now)) {
        // Read in the default hospital zone; the policy's own zone applies to everything after.
        auto at = pd::Validation::isoDateTime(
            parser.value(now), QTimeZone(QByteArrayLiteral("America/Los_Angeles")), QStringLiteral("--now"));
        if (!at) {
            QMessageBox::critical(nullptr, QStringLiteral("PortalDesk"), at.error().message);
            return 2;
        }
        options.clock = std::make_shared<pd::FixedClock>(at.value());
    }
    pd::AppController controller(options);
    QObject::connect(&controller, &pd::AppController::failed, app.get(), [] { QCoreApplication::exit(7); });
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        const bool demoDatabase = parser.isSet(demo);
        QObject::connect(
            &controller, &pd::AppController::readyToSignIn, &controller, [&controller, demoDatabase] {
                // A demo's staff share its published password; any other database's sign-in is left to a
                // person.
                if (auto* password =
                        controller.signInDialog()->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"));
                    password && demoDatabase)
                    password->setText(pd::demoPassword());
                if (auto* button =
                        controller.signInDialog()->findChild<QPushButton*>(QStringLiteral("signInButton")))
                    button->click();
            });
        QObject::connect(&controller, &pd::AppController::signedIn, &controller,
                         [path](pd::MainWindow* window) {
                             // Time for the worklist and outbox count to arrive from the worker.
                             QTimer::singleShot(1500, window, [window, path] {
                                 QCoreApplication::exit(window->grab().save(path) ? 0 : 1);
                             });
                         });
    }
    controller.start();
    return app->exec();
}
