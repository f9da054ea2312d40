#include "ui/visibility/VisibilityDialog.h"
#include "ui/restrictions/RestrictionBanner.h"

#include "core/Validation.h"
#include "services/DisplayText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pd {

VisibilityDialog::VisibilityDialog(const Session& session, const QString& user, const QString& mrn,
                                   QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("visibilityDialog"));
    setWindowTitle(tr("What a login can see"));
    m_user = new QLineEdit(user, this);
    m_user->setObjectName(QStringLiteral("visibilityUserLineEdit"));
    m_user->setAccessibleName(tr("Login (username or e-mail)"));
    m_user->setMaxLength(Validation::MaxEmailLength);
    m_mrn = new QLineEdit(mrn, this);
    m_mrn->setObjectName(QStringLiteral("visibilityMrnLineEdit"));
    m_mrn->setAccessibleName(tr("Patient's MRN"));
    m_mrn->setMaxLength(Validation::MaxMrnLength);
    auto* go = new QPushButton(tr("&Explain"), this);
    go->setObjectName(QStringLiteral("explainButton"));
    go->setDefault(true);
    connect(go, &QPushButton::clicked, this, &VisibilityDialog::explain);
    auto* inputs = new QHBoxLayout;
    auto* form = new QFormLayout;
    form->addRow(tr("&Login:"), m_user);
    form->addRow(tr("Patient &MRN:"), m_mrn);
    inputs->addLayout(form, 1);
    inputs->addWidget(go, 0, Qt::AlignBottom);

    m_restrictions = new RestrictionBanner(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("visibilitySummaryLabel"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_grants = new QLabel(this);
    m_grants->setObjectName(QStringLiteral("visibilityGrantsLabel"));
    m_grants->setWordWrap(true);

    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("visibilityTable"));
    m_table->setAccessibleName(tr("What the login can see, and why"));
    m_table->setHorizontalHeaderLabels({tr("Information"), tr("Visible"), tr("Why")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    // Wrapped reasons: each row as tall as its text at the columns' current width.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(inputs);
    layout->addWidget(m_restrictions);
    layout->addWidget(m_summary);
    layout->addWidget(m_grants);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 620);
    if (!user.isEmpty() && !mrn.isEmpty())
        explain();
}

void VisibilityDialog::explain() {
    const QString user = m_user->text().trimmed();
    const QString mrn = m_mrn->text().trimmed();
    if (user.isEmpty() || mrn.isEmpty()) {
        m_summary->setText(tr("Type the login and the patient's MRN."));
        return;
    }
    onReady(this, m_session.runner->run([user, mrn](const ServiceContext& ctx) {
        return VisibilityService(ctx).explain(user, mrn);
    }),
            [this](const Result<VisibilityAnswer>& a) {
                if (!a) {
                    m_answer.reset();
                    m_table->setRowCount(0);
                    m_grants->clear();
                    m_restrictions->setRestrictions({}, QDate());
                    m_summary->setText(a.error().message);
                    emit explained();
                    return;
                }
                show(a.value());
            });
}

void VisibilityDialog::show(const VisibilityAnswer& a) {
    m_answer = a;
    const Visibility::Explanation& e = a.explanation;
    m_restrictions->setRestrictions(a.restrictions, a.today, a.barredBy);
    m_summary->setText(
        tr("%1 (%2) for %3, %4 — %5")
            .arg(a.login.fullName(), a.login.username, a.patient.fullName(), a.patient.mrn, e.summary));
    QStringList grants;
    for (const Visibility::GrantView& g : e.grants) {
        QString line =
            tr("%1 access, %2")
                .arg(DisplayText::level(g.grant.level), DisplayText::relationship(g.grant.relationship));
        if (g.state != Visibility::GrantState::Open)
            line += QStringLiteral(", ") +
                    (g.endedOn.isValid()
                         ? tr("ended %1 (%2)")
                               .arg(DisplayText::date(g.endedOn), DisplayText::endReason(g.endReason))
                         : tr("ended (%1)").arg(DisplayText::endReason(g.endReason)));
        grants << line;
    }
    m_grants->setText((grants.isEmpty() ? (e.ownLogin ? tr("The patient's own login.")
                                                      : tr("No access to this patient, ever."))
                                        : tr("Access: %1").arg(grants.join(QStringLiteral("; ")))) +
                      (a.consentEndsOn.isValid()
                           ? QLatin1Char('\n') +
                                 tr("Access from the patient's proxy consent ends on %1, unless the patient "
                                    "signs a new one.")
                                     .arg(DisplayText::date(a.consentEndsOn))
                           : QString()));
    m_table->setRowCount(int(e.rows.size()));
    for (int r = 0; r < e.rows.size(); ++r) {
        const Visibility::CategoryRow& row = e.rows.at(r);
        auto* name = new QTableWidgetItem(row.displayName);
        auto* visible = new QTableWidgetItem(row.visible ? tr("✔ yes") : tr("✘ no"));
        visible->setForeground(row.visible ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb0, 0x00, 0x20));
        auto* why = new QTableWidgetItem(row.reason);
        why->setToolTip(row.reason);
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, visible);
        m_table->setItem(r, 2, why);
    }
    emit explained();
}

} // namespace pd
