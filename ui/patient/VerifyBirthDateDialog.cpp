#include "ui/patient/VerifyBirthDateDialog.h"

#include "core/Validation.h"
#include "services/PatientService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

VerifyBirthDateDialog::VerifyBirthDateDialog(const Session& session, const QString& mrn,
                                             const QString& patientName, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_mrn(mrn) {
    setObjectName(QStringLiteral("verifyBirthDateDialog"));
    setWindowTitle(tr("Verify birth date — %1").arg(patientName));
    auto* intro = new QLabel(
        tr("Ask the caller for the patient's birth date and type it as they give it. You see only whether "
           "it matches, never the date on record. Every check is recorded in the timeline, and a patient's "
           "birth date can be tried %n time(s) an hour, by all staff together.",
           nullptr, session.policy.identityChecksPerHour),
        this);
    intro->setWordWrap(true);
    m_date = new QLineEdit(this);
    m_date->setObjectName(QStringLiteral("callerBirthDateLineEdit"));
    m_date->setAccessibleName(tr("Birth date the caller gives"));
    m_date->setPlaceholderText(tr("YYYY-MM-DD"));
    m_date->setMaxLength(10);
    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("verifyAnswerLabel"));
    m_answer->setWordWrap(true);
    m_answer->setMinimumHeight(m_answer->fontMetrics().height() * 3);
    QFont bold = m_answer->font();
    bold.setBold(true);
    m_answer->setFont(bold);

    auto* form = new QFormLayout;
    form->addRow(tr("&Birth date the caller gives:"), m_date);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_check = buttons->addButton(tr("&Check"), QDialogButtonBox::ActionRole);
    m_check->setObjectName(QStringLiteral("checkBirthDateButton"));
    m_check->setDefault(true);
    m_check->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_check, &QPushButton::clicked, this, &VerifyBirthDateDialog::check);
    connect(m_date, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_check->setEnabled(!text.trimmed().isEmpty());
        m_answer->clear();
    });
    connect(m_date, &QLineEdit::returnPressed, this, [this] {
        if (m_check->isEnabled())
            check();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_answer);
    layout->addWidget(buttons);
    resize(sizeHint().expandedTo(QSize(480, 0)));
}

void VerifyBirthDateDialog::showAnswer(const QString& text, const QString& colour) {
    m_answer->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    m_answer->setText(text);
}

void VerifyBirthDateDialog::check() {
    const QString given = m_date->text().trimmed();
    // A date that is no date is no try: say so here, before it reaches the database.
    if (auto d = Validation::isoDate(given, tr("Birth date")); !d) {
        showAnswer(d.error().message, QStringLiteral("#b00020"));
        return;
    }
    m_check->setEnabled(false);
    const QString mrn = m_mrn;
    onReady(this, m_session.runner->run([mrn, given](const ServiceContext& ctx) {
        return PatientService(ctx).verifyBirthDate(mrn, given);
    }),
            [this](const Result<bool>& r) {
                m_check->setEnabled(true);
                if (!r) {
                    showAnswer(r.error().message, QStringLiteral("#b00020"));
                    return;
                }
                m_checked = true;
                if (r.value())
                    showAnswer(tr("Matches: the caller gave the patient's birth date."),
                               QStringLiteral("#1b5e20"));
                else
                    showAnswer(tr("Doesn't match: that is not the patient's birth date on record."),
                               QStringLiteral("#b00020"));
            });
}

} // namespace pd
