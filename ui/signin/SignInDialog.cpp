#include "ui/signin/SignInDialog.h"

#include "services/StartupService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

QFuture<Result<SignedIn>> signInOnWorker(DbRunner& runner, const QString& rawName, bool firstUse,
                                         const QString& password, bool unlocking) {
    const QString name = rawName.trimmed().toLower();
    const bool server = isServerLocation(runner.config().location);
    if (server && unlocking)
        return runner.runDb([name, password, &runner](Connection&, const Clock&) -> Result<SignedIn> {
            // The open session stays; the password is checked on a connection of its own.
            auto check =
                StartupService::open(runner.loginLocation(name), runner.config().busyTimeoutMs, password);
            if (!check)
                return check.error();
            return SignedIn{runner.staff(), Policy{}};
        });
    if (server)
        runner.setLogin(name, password);
    return runner.runDb(
        [name, firstUse, server](Connection& connection, const Clock& clock) -> Result<SignedIn> {
            StartupService startup(connection, clock);
            if (firstUse || server) {
                auto state = startup.prepare(
                    firstUse ? StartupService::Schema::Create : StartupService::Schema::Existing, name);
                if (!state)
                    return state.error();
            }
            return startup.signInToDesk(name);
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
                         : tr("Patient information is hidden. Only %1 can unlock this window; anyone "
                              "else signs out first.")
                               .arg(requiredName));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("staffNameLineEdit"));
    m_name->setAccessibleName(tr("Staff sign-in name"));
    m_name->setMaxLength(64);
    m_name->setPlaceholderText(tr("for example maria.garcia"));
    if (isServerLocation(runner.config().location)) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("passwordLineEdit"));
        m_password->setAccessibleName(tr("Database password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setMaxLength(200);
    }

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Sign-in name:"), m_name);
    if (m_password)
        form->addRow(tr("&Password:"), m_password);

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
    if (firstUse)
        m_intro->setText(m_intro->text() + QLatin1Char('\n') +
                         tr("This database is new: the name you sign in with becomes its first HIM "
                            "supervisor."));
}

void SignInDialog::showError(const QString& message) {
    m_message->setText(message);
    m_message->show();
    m_signIn->setEnabled(true);
    m_name->setFocus();
    m_name->selectAll();
}

void SignInDialog::submit() {
    const QString name = m_name->text().trimmed().toLower();
    if (name.isEmpty()) {
        showError(tr("Type your sign-in name."));
        return;
    }
    if (!m_requiredName.isEmpty() && name != m_requiredName) {
        showError(tr("Only %1 can unlock this window. To change who is working here, sign out.")
                      .arg(m_requiredName));
        return;
    }
    QString password;
    if (m_password) {
        password = m_password->text();
        if (password.isEmpty()) {
            showError(tr("Type your database password."));
            m_password->setFocus();
            return;
        }
    }
    m_signIn->setEnabled(false);
    m_message->hide();
    const bool unlocking = !m_requiredName.isEmpty();
    onReady(this, signInOnWorker(m_runner, name, m_firstUse, password, unlocking),
            [this](const Result<SignedIn>& result) {
                if (m_password)
                    m_password->clear();
                if (!result) {
                    showError(result.error().message);
                    return;
                }
                m_signedIn = result.value();
                accept();
            });
}

} // namespace pd
