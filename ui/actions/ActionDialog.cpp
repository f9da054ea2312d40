#include "ui/actions/ActionDialog.h"
#include "ui/common/PinEdit.h"

#include "core/PinPolicy.h"
#include "core/Secrets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace pd {

ActionDialog::ActionDialog(const Session& session, const QString& title, const QString& confirmText,
                           QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setWindowTitle(title);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setFrameShape(QFrame::StyledPanel);
    m_summary->setMargin(8);
    m_summary->setAccessibleName(tr("What this will do"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("ruleMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setAccessibleName(tr("Why this can't be done yet"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy && problem().isEmpty())
            perform();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* whatLabel = new QLabel(tr("What will happen:"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(whatLabel);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QString ActionDialog::shownProblem() const {
    return m_message->text();
}

void ActionDialog::revalidate() {
    m_refusal.clear();
    const QString why = problem();
    m_summary->setText(summary());
    m_message->setText(why);
    m_message->setVisible(!why.isEmpty());
    m_confirm->setEnabled(why.isEmpty() && !m_busy);
}

void ActionDialog::setBusy(bool busy) {
    m_busy = busy;
    m_confirm->setEnabled(!busy && problem().isEmpty());
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void ActionDialog::succeeded() {
    accept();
}

void ActionDialog::failed(const Error& error) {
    if (error.kind == ErrorKind::Conflict &&
        (error.rule == QLatin1String("record.changed") || error.rule == QLatin1String("record.gone"))) {
        m_conflict = error;
        reject();
        return;
    }
    m_refusal = error.kind == ErrorKind::Unavailable
                    ? error.message + QLatin1Char('\n') +
                          tr("Nothing was changed. What you typed is kept: try again in a moment.")
                    : error.message;
    m_message->setText(m_refusal);
    m_message->setVisible(true);
}

QComboBox* makeLanguageBox(QWidget* parent, const QString& objectName, const QString& accessibleName,
                           const QString& current) {
    auto* box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->addItem(ActionDialog::tr("English"), QStringLiteral("en"));
    box->addItem(ActionDialog::tr("Spanish"), QStringLiteral("es"));
    if (box->findData(current) < 0)
        box->addItem(current, current);
    box->setCurrentIndex(box->findData(current));
    return box;
}

PinFields addPinFields(QFormLayout* form, QWidget* parent) {
    PinFields f;
    const auto make = [parent](const QString& objectName, const QString& accessible) {
        auto* edit = new PinEdit(parent);
        edit->setObjectName(objectName);
        edit->setAccessibleName(accessible);
        return edit;
    };
    f.pin = make(QStringLiteral("pinLineEdit"), QCoreApplication::translate("ActionDialog", "Temporary PIN"));
    f.again = make(QStringLiteral("pinAgainLineEdit"),
                   QCoreApplication::translate("ActionDialog", "Temporary PIN again"));
    form->addRow(QCoreApplication::translate("ActionDialog", "Temporary &PIN (4–8 digits):"), f.pin);
    form->addRow(QCoreApplication::translate("ActionDialog", "PIN &again:"), f.again);
    return f;
}

QString pinProblem(const PinFields& f, const QDate& birthDate) {
    if (f.pin->pinLength() == 0)
        return QCoreApplication::translate("ActionDialog", "Type the temporary PIN from the form.");
    QString pin = f.pin->pin();
    const Status ok = PinPolicy::check(pin, birthDate);
    Secrets::wipe(pin);
    if (!ok)
        return ok.error().message;
    if (!f.pin->samePin(*f.again))
        return QCoreApplication::translate("ActionDialog", "The two PINs are not the same.");
    return {};
}

void wipePinFields(const PinFields& f) {
    f.pin->wipe();
    f.again->wipe();
}

} // namespace pd
