#include "ui/signin/SignInDialog.h"

#include "core/Secrets.h"
#include "services/StaffPasswords.h"
#include "services/StartupService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace pd {

QFuture<Result<SignedIn>> signInOnWorker(DbRunner& runner, const QString& rawName, bool firstUse,
                                         const QString& typedPassword, bool unlocking) {
    const QString name = rawName.trimmed().toLower();
    const bool server = isServerLocation(runner.config().location);
    const auto password = Secrets::sharedSecret(typedPassword);
    const QString workstation = QSysInfo::machineHostName();
    if (!server && unlocking)
        return runner.runDb([name, password, workstation, &runner](Connection& connection,
                                                                   const Clock& clock) -> Result<SignedIn> {
            auto in = signInWithPassword(connection.database(), clock, workstation, name, *password);
            if (!in)
                return in.error();
            return SignedIn{runner.staff(), Policy{}};
        });
    if (server && unlocking)
        return runner.runDb([name, password, &runner](Connection&, const Clock&) -> Result<SignedIn> {
            // The open session stays; the password is checked on a connection of its own.
            auto check =
                StartupService::open(runner.loginLocation(name), runner.config().busyTimeoutMs, *password);
            if (!check)
                return check.error();
            return SignedIn{runner.staff(), Policy{}};
        });
    if (server)
        runner.setLogin(name, *password);
    return runner.runDb([name, firstUse, server, password,
                         workstation](Connection& connection, const Clock& clock) -> Result<SignedIn> {
        StartupService startup(connection, clock);
        if (firstUse || server) {
            auto state = startup.prepare(
                firstUse ? StartupService::Schema::Create : StartupService::Schema::Existing, name);
            if (!state)
                return state.error();
        }
        bool mustChange = false;
        if (!server) {
            // On the embedded file the desktop checks the staff member's own password; the first supervisor
            // chooses theirs here.
            Database& db = connection.database();
            if (firstUse) {
                const Status first = setFirstPassword(db, clock, workstation, name, *password);
                if (!first && first.error().rule != QLatin1String("staff.password_set"))
                    return first.error();
            }
            auto in = signInWithPassword(db, clock, workstation, name, *password);
            if (!in)
                return in.error();
            mustChange = in->mustChange;
        }
        auto out = startup.signInToDesk(name);
        if (out)
            out->mustChangePassword = mustChange;
        return out;
    });
}

QFuture<Result<SignedIn>> changePasswordOnWorker(DbRunner& runner, const QString& name,
                                                 const QString& current, const QString& next) {
    const auto was = Secrets::sharedSecret(current);
    const auto now = Secrets::sharedSecret(next);
    const QString workstation = QSysInfo::machineHostName();
    return runner.runDb(
        [name, was, now, workstation](Connection& connection, const Clock& clock) -> Result<SignedIn> {
            PD_TRY(changeOwnPassword(connection.database(), clock, workstation, name, *was, *now));
            return StartupService(connection, clock).signInToDesk(name);
        });
}

SignInDialog::SignInDialog(DbRunner& runner, const QString& databaseLabel, const QString& requiredName,
                           QWidget* parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_requiredName(requiredName) {
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(requiredName.isEmpty() ? tr("Sign in to PortalDesk") : tr("PortalDesk is locked"));

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("signInIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(requiredName.isEmpty()
                         ? tr("Database: %1").arg(databaseLabel)
                         : tr("Patient information is hidden. Only the person who was working here can "
                              "unlock this window; anyone else signs out first."));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("staffNameLineEdit"));
    m_name->setAccessibleName(tr("Staff sign-in name"));
    m_name->setMaxLength(64);
    m_name->setPlaceholderText(tr("for example maria.garcia"));
    const auto makePassword = [this](const QString& objectName, const QString& accessible) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(objectName);
        edit->setAccessibleName(accessible);
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(200);
        edit->setContextMenuPolicy(Qt::NoContextMenu);
        return edit;
    };
    m_server = isServerLocation(runner.config().location);
    m_password = makePassword(QStringLiteral("passwordLineEdit"),
                              m_server ? tr("Database password") : tr("Staff password"));
    m_newPassword = makePassword(QStringLiteral("newPasswordLineEdit"), tr("New password"));
    m_againPassword = makePassword(QStringLiteral("againPasswordLineEdit"), tr("New password again"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    m_form = new QFormLayout;
    auto* form = m_form;
    form->addRow(tr("&Sign-in name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&New password:"), m_newPassword);
    form->addRow(tr("New password &again:"), m_againPassword);
    form->setRowVisible(m_newPassword, false);
    form->setRowVisible(m_againPassword, false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(requiredName.isEmpty() ? tr("Sign &in") : tr("&Unlock"),
                                  QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setText(requiredName.isEmpty() ? tr("&Quit") : tr("&Cancel"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("signInCancelButton"));
    if (requiredName.isEmpty()) {
        auto* database = buttons->addButton(tr("&Database…"), QDialogButtonBox::ResetRole);
        database->setObjectName(QStringLiteral("changeDatabaseButton"));
        database->setToolTip(tr("Work on another database: this computer's, or the hospital's central one"));
        connect(database, &QPushButton::clicked, this, &SignInDialog::changeDatabaseRequested);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void SignInDialog::setName(const QString& name) {
    m_name->setText(name);
}

void SignInDialog::setFirstUse(bool firstUse) {
    m_firstUse = firstUse;
    if (firstUse && !m_server) {
        m_intro->setText(m_intro->text() + QLatin1Char('\n') +
                         tr("This database is new: the name you sign in with becomes its first HIM "
                            "supervisor, with the password you choose here (%1 characters or more).")
                             .arg(MinStaffPasswordLength));
        m_form->setRowVisible(m_againPassword, true);
        m_form->labelForField(m_againPassword)->setProperty("text", tr("Password &again:"));
    } else if (firstUse) {
        m_intro->setText(m_intro->text() + QLatin1Char('\n') +
                         tr("This database is new: the name you sign in with becomes its first HIM "
                            "supervisor."));
    }
}

void SignInDialog::askNewPassword() {
    m_changing = true;
    m_name->setEnabled(false);
    m_form->setRowVisible(m_password, false);
    m_form->setRowVisible(m_newPassword, true);
    m_form->setRowVisible(m_againPassword, true);
    m_intro->setText(tr("You signed in with a one-time password. Choose your own now (%1 characters or more, "
                        "not your sign-in name); nobody else will know it.")
                         .arg(MinStaffPasswordLength));
    m_signIn->setText(tr("&Save password"));
    // Another database now would leave the one-time password half replaced.
    if (auto* database = findChild<QPushButton*>(QStringLiteral("changeDatabaseButton")))
        database->hide();
    m_signIn->setEnabled(true);
    m_newPassword->setFocus();
}

QString SignInDialog::unlockRefusal() const {
    return tr("That name and password don't match. Only the person who was working here can unlock this "
              "window; to change who is working here, sign out.");
}

void SignInDialog::showError(const QString& message) {
    m_message->setText(message);
    m_message->show();
    m_signIn->setEnabled(true);
    if (m_changing)
        return;
    // A typed name stays: the password, cleared after a refusal, is what is usually retyped.
    if (m_name->text().trimmed().isEmpty()) {
        m_name->setFocus();
    } else {
        m_password->setFocus();
        m_password->selectAll();
    }
}

void SignInDialog::submit() {
    const QString name = m_name->text().trimmed().toLower();
    if (m_changing) {
        submitNewPassword(name);
        return;
    }
    if (name.isEmpty()) {
        showError(tr("Type your sign-in name."));
        return;
    }
    if (!m_requiredName.isEmpty() && name != m_requiredName) {
        m_password->clear();
        // The same answer as a wrong password: typing names must not tell who was working here.
        showError(unlockRefusal());
        return;
    }
    QString password = m_password->text();
    if (password.isEmpty()) {
        showError(m_server ? tr("Type your database password.") : tr("Type your password."));
        m_password->setFocus();
        return;
    }
    if (m_firstUse && !m_server) {
        if (const Status ok = checkStaffPassword(name, password); !ok) {
            showError(ok.error().message);
            return;
        }
        if (m_againPassword->text() != password) {
            showError(tr("The two passwords are not the same."));
            return;
        }
    }
    m_signIn->setEnabled(false);
    m_message->hide();
    const bool unlocking = !m_requiredName.isEmpty();
    onReady(this, signInOnWorker(m_runner, name, m_firstUse, password, unlocking),
            [this, name](const Result<SignedIn>& result) {
                if (!result) {
                    m_password->clear();
                    m_againPassword->clear();
                    const bool unlockingRefused =
                        !m_requiredName.isEmpty() && result.error().rule == QLatin1String("staff.sign_in");
                    showError(unlockingRefused ? unlockRefusal() : result.error().message);
                    return;
                }
                m_signedIn = result.value();
                if (m_signedIn.mustChangePassword) {
                    askNewPassword(); // the one-time password stays typed until the new one is saved
                    return;
                }
                m_password->clear();
                accept();
            });
    Secrets::wipe(password);
}

void SignInDialog::submitNewPassword(const QString& name) {
    QString next = m_newPassword->text();
    if (const Status ok = checkStaffPassword(name, next); !ok) {
        showError(ok.error().message);
        m_newPassword->setFocus();
        return;
    }
    if (m_againPassword->text() != next) {
        showError(tr("The two passwords are not the same."));
        m_againPassword->setFocus();
        return;
    }
    m_signIn->setEnabled(false);
    m_message->hide();
    onReady(this, changePasswordOnWorker(m_runner, name, m_password->text(), next),
            [this](const Result<SignedIn>& result) {
                if (!result) {
                    showError(result.error().message);
                    return;
                }
                for (QLineEdit* e : {m_password, m_newPassword, m_againPassword})
                    e->clear();
                m_signedIn = result.value();
                accept();
            });
    Secrets::wipe(next);
}

} // namespace pd
