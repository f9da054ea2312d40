#include "ui/actions/EditLoginDialog.h"

#include "core/Validation.h"
#include "services/AccountService.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace pd {

EditLoginDialog::EditLoginDialog(const Session& session, const PortalUser& user, QWidget* parent)
    : ActionDialog(session, tr("Change login — %1").arg(user.fullName()), tr("&Save"), parent)
    , m_user(user) {
    setObjectName(QStringLiteral("editLoginDialog"));
    m_email = new QLineEdit(user.email, this);
    m_email->setObjectName(QStringLiteral("emailLineEdit"));
    m_email->setAccessibleName(tr("E-mail address"));
    m_email->setMaxLength(Validation::MaxEmailLength);
    m_language = makeLanguageBox(this, QStringLiteral("languageComboBox"),
                                 tr("Language of the login's e-mails"), user.language);

    form()->addRow(tr("Login:"), new QLabel(user.username, this));
    form()->addRow(tr("E-&mail:"), m_email);
    form()->addRow(tr("&Language:"), m_language);
    connect(m_email, &QLineEdit::textChanged, this, &EditLoginDialog::revalidate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &EditLoginDialog::revalidate);
    revalidate();
}

bool EditLoginDialog::emailChanged() const {
    return m_email->text().trimmed().compare(m_user.email, Qt::CaseInsensitive) != 0;
}

QString EditLoginDialog::problem() const {
    if (auto e = Validation::email(m_email->text()); !e)
        return e.error().message;
    if (!emailChanged() && m_language->currentData().toString() == m_user.language)
        return tr("Nothing has changed yet.");
    return {};
}

QString EditLoginDialog::summary() const {
    if (!emailChanged())
        return tr("Future e-mails to this login are written in the chosen language.");
    QString s =
        tr("The address becomes %1. Any live invitation is revoked (it went to the old address), and a "
           "notice of the change goes to %2.")
            .arg(m_email->text().trimmed(), m_user.email);
    if (m_user.status == QLatin1String("pending"))
        s += QLatin1Char(' ') +
             tr("The login is not active yet, so a fresh invitation is queued to the new address.");
    return s;
}

void EditLoginDialog::perform() {
    UserUpdate update;
    update.user = m_user.username;
    update.email = emailChanged() ? m_email->text().trimmed() : QString();
    update.language = m_language->currentData().toString() != m_user.language
                          ? m_language->currentData().toString()
                          : QString();
    update.expectedVersion = m_user.rowVersion;
    await(m_session.runner->run(
        [update](const ServiceContext& ctx) { return AccountService(ctx).update(update); }));
}

} // namespace pd
