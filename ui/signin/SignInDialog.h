// Identifies the staff member at the workstation: at start, and again to unlock after the idle lock.
#pragma once

#include "services/StartupService.h"
#include "ui/common/Session.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class SignInDialog final : public QDialog {
    Q_OBJECT

public:
    // `requiredName` set: only that staff member may sign in (unlocking).
    SignInDialog(DbRunner& runner, const QString& databaseLabel, const QString& requiredName = {},
                 QWidget* parent = nullptr);

    const SignedIn& signedIn() const { return m_signedIn; }
    void setName(const QString& name);
    // Everyone types their own password: on the central database their database login's, on the embedded
    // file the one kept (hashed) in its staff table.
    bool asksPassword() const { return m_password != nullptr; }

signals:
    // The person asked to work on another database (the "Database…" button).
    void changeDatabaseRequested();

public:
    // On a database with no staff yet the name typed becomes its first supervisor.
    void setFirstUse(bool firstUse);

private:
    void submit();
    void submitNewPassword(const QString& name);
    void askNewPassword();
    void showError(const QString& message);
    QString unlockRefusal() const;

    DbRunner& m_runner;
    QString m_requiredName;
    bool m_firstUse = false;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_againPassword = nullptr;
    QFormLayout* m_form = nullptr;
    bool m_server = false;
    bool m_changing = false; // a one-time password worked; a new one is asked for
    QLabel* m_intro = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_signIn = nullptr;
    SignedIn m_signedIn;
};

// Opens the session on the worker: the staff member (made first supervisor on a new database), then the
// hospital's policy.
// On the central database the session is the person's own login: `password` opens it (or, unlocking,
// only checks it against the server).
QFuture<Result<SignedIn>> signInOnWorker(DbRunner& runner, const QString& name, bool firstUse,
                                         const QString& password = QString(), bool unlocking = false);
// Replaces a one-time password with the staff member's own, then signs them in (the embedded file).
QFuture<Result<SignedIn>> changePasswordOnWorker(DbRunner& runner, const QString& name,
                                                 const QString& current, const QString& next);

} // namespace pd
