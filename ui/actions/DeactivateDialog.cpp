#include "ui/actions/DeactivateDialog.h"

#include "core/Validation.h"
#include "services/AccountService.h"
#include "services/DisplayText.h"
#include "ui/actions/ReissueDialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace pd {

DeactivateDialog::DeactivateDialog(const Session& session, const PortalUser& user, bool hasLiveInvitation,
                                   QWidget* parent)
    : ActionDialog(session, tr("Deactivate — %1").arg(user.fullName()), tr("&Deactivate now"), parent)
    , m_user(user)
    , m_hasLive(hasLiveInvitation) {
    setObjectName(QStringLiteral("deactivateDialog"));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reasonComboBox"));
    m_reason->setAccessibleName(tr("Reason for deactivating"));
    m_reason->addItem(tr("— choose —"));
    for (const QString& r : AccountService::deactivationReasons())
        m_reason->addItem(DisplayText::deactivationReason(r), r);

    m_reportedBy = new QLineEdit(this);
    m_reportedBy->setObjectName(QStringLiteral("reportedByLineEdit"));
    m_reportedBy->setAccessibleName(tr("Who reported it"));
    m_reportedBy->setPlaceholderText(tr("for example: the patient's mother, by phone"));
    m_reportedBy->setMaxLength(200);

    m_verifiedBy = new QComboBox(this);
    m_verifiedBy->setObjectName(QStringLiteral("verifiedByComboBox"));
    m_verifiedBy->setAccessibleName(tr("How the reporter's identity was verified"));
    m_verifiedBy->setEditable(true);
    m_verifiedBy->addItem(QString());
    m_verifiedBy->addItems(verificationMethods().mid(0, 3));
    m_verifiedBy->lineEdit()->setMaxLength(200);
    m_verifiedBy->lineEdit()->setPlaceholderText(tr("choose or describe"));

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteTextEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(80);

    form()->addRow(tr("Login:"), new QLabel(QStringLiteral("%1 <%2>").arg(user.username, user.email), this));
    form()->addRow(tr("&Reason:"), m_reason);
    form()->addRow(tr("Reported &by:"), m_reportedBy);
    form()->addRow(tr("Identity &verified by:"), m_verifiedBy);
    form()->addRow(tr("&Note:"), m_note);

    connect(m_reason, &QComboBox::currentIndexChanged, this, &DeactivateDialog::revalidate);
    connect(m_reportedBy, &QLineEdit::textChanged, this, &DeactivateDialog::revalidate);
    connect(m_verifiedBy, &QComboBox::currentTextChanged, this, &DeactivateDialog::revalidate);
    connect(m_note, &QPlainTextEdit::textChanged, this, &DeactivateDialog::revalidate);
    revalidate();
}

QString DeactivateDialog::problem() const {
    if (m_reason->currentIndex() <= 0)
        return tr("Choose why the login is being deactivated.");
    if (m_reportedBy->text().trimmed().isEmpty())
        return tr("Say who reported it.");
    if (auto n = Validation::note(m_reportedBy->text(), tr("Reported by")); !n)
        return n.error().message;
    if (m_verifiedBy->currentText().trimmed().isEmpty())
        return tr("Say how the reporter's identity was verified.");
    if (auto n = Validation::note(m_verifiedBy->currentText(), tr("Verified by")); !n)
        return n.error().message;
    if (auto n = Validation::note(m_note->toPlainText(), tr("Note")); !n)
        return n.error().message;
    if (m_reason->currentData().toString() == QLatin1String("other") &&
        m_note->toPlainText().trimmed().isEmpty())
        return tr("With \"other\", write the reason in the note.");
    return {};
}

QString DeactivateDialog::summary() const {
    return tr("%1 can no longer sign in, from this moment.").arg(m_user.username) + QLatin1Char(' ') +
           (m_hasLive ? tr("Its live invitation is revoked.") + QLatin1Char(' ') : QString()) +
           tr("A notice goes to %1, the address on file. Coming back takes a new invitation with a new PIN, "
              "issued by an HIM specialist.")
               .arg(m_user.email);
}

void DeactivateDialog::perform() {
    DeactivateRequest request;
    request.user = m_user.username;
    request.reason = m_reason->currentData().toString();
    request.reportedBy = m_reportedBy->text().trimmed();
    request.verifiedBy = m_verifiedBy->currentText().trimmed();
    request.note = m_note->toPlainText().trimmed();
    await(m_session.runner->run(
        [request](const ServiceContext& ctx) { return AccountService(ctx).deactivate(request); }));
}

} // namespace pd
