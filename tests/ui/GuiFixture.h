// GUI tests: a seeded database in a temporary folder, the real application controller on it with a pinned
// clock, sign-in through the real dialog, and helpers to drive modal dialogs without blocking.
#pragma once

#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/DemoData.h"
#include "ui/common/Prompts.h"
#include "ui/shell/AppController.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <QSemaphore>

#include <functional>
#include <thread>

namespace pd::test {

inline constexpr int Wait = 10000;

// A widget by object name; a test that names one that isn't there stops at once.
template <typename T> T* child(QObject* parent, const char* name) {
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

// Families every GUI test starts with (the clock reads 2026-11-24 10:00 in Los Angeles).
// The activation token in the invitation the seed sent Linh (the family's copy of the e-mail).
inline QString& linhsToken() {
    static QString token;
    return token;
}

inline void seedFamilies(TestDb& t) {
    auto ctx = t.as(QStringLiteral("specialist"));
    PatientService patients(*ctx);
    const auto add = [&](const char* mrn, const QString& given, const QString& family, const char* birth,
                         const char* email, const char* phone) {
        auto p =
            patients.add({QLatin1String(mrn), given, family, QLatin1String(birth), QStringLiteral("female"),
                          QStringLiteral("es"), QLatin1String(email), QLatin1String(phone)});
        if (!p)
            qFatal("seed: %s", qPrintable(p.error().message));
    };
    add("9000001", QStringLiteral("Sofía"), QStringLiteral("Hernández"), "2017-05-14", "", "(323) 555-0142");
    add("9000002", QStringLiteral("Mateo"), QStringLiteral("Nguyen"), "2012-02-03",
        "mateo.nguyen@example.org", "213-555-0199");
    add("9000003", QStringLiteral("Ava"), QStringLiteral("Kim"), "2014-12-10", "", "");
    EnrollRequest linh = parentForm(QStringLiteral("9000002"), QDate(2026, 11, 20),
                                    QStringLiteral("linh.nguyen@example.org"), QStringLiteral("Linh"));
    linh.familyName = QStringLiteral("Nguyen");
    enrollOk(t, linh);
    linhsToken() = sendAndReadToken(t, QStringLiteral("linh.nguyen"));
    EnrollRequest grace = parentForm(QStringLiteral("9000003"), QDate(2026, 11, 23),
                                     QStringLiteral("grace.kim@example.org"), QStringLiteral("Grace"));
    grace.familyName = QStringLiteral("Kim");
    enrollOk(t, grace);
}

// Linh (Mateo's parent) uses the link the seed sent her, with the PIN from her form.
inline bool activateLinh(TestDb& t) {
    return InvitationService(*t.as(QStringLiteral("portal")))
        .activate(linhsToken(), QStringLiteral("482913"))
        .ok();
}

class Gui {
public:
    TestDb t;
    std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(la(2026, 11, 24, 10, 0));
    std::unique_ptr<AppController> app;
    QTemporaryDir settingsDir;

    Gui() {
        // Workstation settings go to a throw-away folder, never the developer's own.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
        QSettings().clear();
        seedFamilies(t);
        (void)Prompts::takeShown();
    }
    ~Gui() {
        app.reset();
        Database::forbidThread(nullptr);
    }

    int busyTimeoutMs = 10000;

    // Starts the desktop up to its sign-in dialog; null if it did not get there.
    SignInDialog* start() {
        t.db.reset(); // from here on only the desktop's worker touches the database
        Database::forbidThread(QThread::currentThread());
        AppController::Options options;
        options.location = t.path();
        options.clock = clock;
        options.busyTimeoutMs = busyTimeoutMs;
        app = std::make_unique<AppController>(options);
        app->start();
        if (!QTest::qWaitFor([this] { return app->signInDialog() && app->signInDialog()->isVisible(); },
                             Wait))
            return nullptr;
        return app->signInDialog();
    }

    // Types a test staff member's name and password into a sign-in or unlock dialog.
    static void typeSignIn(QDialog* dialog, const QString& name, const QString& password = staffPassword()) {
        dialog->findChild<QLineEdit*>(QStringLiteral("staffNameLineEdit"))->setText(name);
        dialog->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"))->setText(password);
    }

    // Starts the desktop and signs in through the dialog; null if that did not happen.
    MainWindow* signIn(const QString& name) {
        if (!start())
            return nullptr;
        typeSignIn(app->signInDialog(), name);
        app->signInDialog()->findChild<QPushButton*>(QStringLiteral("signInButton"))->click();
        if (!QTest::qWaitFor([this] { return app->mainWindow() != nullptr; }, Wait))
            return nullptr;
        return app->mainWindow();
    }

    // Runs a change on the desktop's worker as another staff member (someone at another workstation).
    template <typename Fn> auto elsewhere(const QString& staffName, Fn fn) {
        auto future = app->runner().runDb([staffName, fn](Connection& connection, const Clock& c) {
            Database& db = connection.database();
            auto staff = pd::signIn(db, staffName);
            ServiceContext ctx(db, c, staff ? staff.value() : StaffMember{},
                               QStringLiteral("other-workstation"));
            return fn(ctx);
        });
        future.waitForFinished();
        return future.result();
    }

    // Linh's login deactivated by a specialist at another workstation, for `reason`.
    bool deactivateLinhElsewhere(const QString& reason) {
        return elsewhere(QStringLiteral("specialist"),
                         [reason](const ServiceContext& ctx) -> Result<bool> {
                             auto done =
                                 AccountService(ctx).deactivate({QStringLiteral("linh.nguyen"), reason,
                                                                 QStringLiteral("a relative, by phone"),
                                                                 QStringLiteral("DOB + MRN"), QString()});
                             return done ? Result<bool>(true) : Result<bool>(done.error());
                         })
            .ok();
    }
};

// Another workstation holding the database's write lock (a long import, a stuck client) until released.
class WriteLockHolder {
public:
    explicit WriteLockHolder(const QString& path) {
        m_thread = std::thread([this, path] {
            auto db = Database::open(path);
            if (!db || !db.value()->begin())
                qFatal("cannot hold the write lock");
            m_held.release();
            m_release.acquire();
            db.value()->rollback();
        });
        m_held.acquire();
    }
    ~WriteLockHolder() { release(); }
    void release() {
        if (m_thread.joinable()) {
            m_release.release();
            m_thread.join();
        }
    }

private:
    std::thread m_thread;
    QSemaphore m_held;
    QSemaphore m_release;
};

// Acts on the next modal dialog of type D as soon as it is showing (exec() blocks the caller).
template <typename D> void whenModal(std::function<void(D*)> act) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    auto* ticks = new int(0);
    QObject::connect(timer, &QTimer::timeout, [timer, act, ticks] {
        if (auto* d = qobject_cast<D*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            delete ticks;
            act(d);
            // A dialog the test forgot to close must not hang the run.
            QTimer::singleShot(Wait, d, [d] { d->reject(); });
        } else if (++*ticks > Wait / 20) {
            timer->stop();
            timer->deleteLater();
            delete ticks;
        }
    });
    timer->start();
}

} // namespace pd::test
