// Starts the desktop: opens (and with --demo fills) the database on the worker, asks who is signing in,
// builds the main window, and handles locking, signing out and changing language.
#pragma once

#include "models/DbRunner.h"
#include "ui/shell/MainWindow.h"
#include "ui/signin/SignInDialog.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace pd {

class AppController final : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString location; // empty = the workstation's setting, else the embedded default
        bool demo = false;
        int demoPatients = 40;
        std::shared_ptr<const Clock> clock;
        QString staff;             // pre-filled sign-in name
        int busyTimeoutMs = 10000; // how long a change waits for another workstation's before giving up
    };

    explicit AppController(Options options, QObject* parent = nullptr);
    ~AppController() override;

    void start();
    DbRunner& runner() { return *m_runner; }
    MainWindow* mainWindow() const { return m_window; }
    SignInDialog* signInDialog() const { return m_signIn; }
    const QString& databaseLabel() const { return m_databaseLabel; }

    // Installs the translation for `language` ("" = the system's).
    static void installTranslation(const QString& language);

signals:
    // The database is open and the sign-in dialog is showing.
    void readyToSignIn();
    void signedIn(MainWindow* window);
    // Opening the database failed; the message says why. The application quits after showing it.
    void failed(const QString& message);

private:
    void makeRunner();
    void showSignIn();
    void changeDatabase();
    void buildWindow();
    void signOut();
    void askUnlock();

    Options m_options;
    std::unique_ptr<DbRunner> m_runner;
    QString m_databaseLabel;
    bool m_firstUse = false;
    bool m_changingDatabase = false;
    std::optional<SignedIn> m_signedIn;
    QPointer<SignInDialog> m_signIn;
    QPointer<MainWindow> m_window;
};

} // namespace pd
