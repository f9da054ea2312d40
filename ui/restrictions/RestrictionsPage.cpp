#include "ui/restrictions/RestrictionsPage.h"

#include "models/RestrictionModels.h"
#include "ui/common/DocumentFile.h"
#include "ui/common/ListView.h"
#include "ui/restrictions/RestrictionDialogs.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

RestrictionsPage::RestrictionsPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("restrictionsPage"));
    m_model = new RestrictionListModel(*session.runner, session.policy.zone, this);
    m_model->setToday(session.today());
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("restrictionFilterComboBox"));
    m_filter->setAccessibleName(tr("Which restrictions"));
    m_filter->addItem(tr("In force, newest first"));
    m_filter->addItem(tr("Ending within 30 days"));
    m_filter->addItem(tr("Ending within 60 days"));
    m_filter->addItem(tr("Ending within 90 days"));
    m_filter->addItem(tr("All, with the lifted and ended"));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->setToday(m_session.today());
        if (i >= 1 && i <= 3)
            m_model->show(RestrictionList::Ending, 30 * i);
        else
            m_model->show(i == 4 ? RestrictionList::All : RestrictionList::Standing);
    });
    auto* add = new QPushButton(tr("Record a &restriction…"), this);
    add->setObjectName(QStringLiteral("addRestrictionButton"));
    add->setToolTip(tr("A court, custody or protective order that bars a person from a patient's record"));
    connect(add, &QPushButton::clicked, this, [this] { addRestriction(); });
    m_order = new QPushButton(tr("Open the &order"), this);
    m_order->setObjectName(QStringLiteral("openOrderButton"));
    connect(m_order, &QPushButton::clicked, this, &RestrictionsPage::openOrder);
    m_lift = new QPushButton(tr("&Lift…"), this);
    m_lift->setObjectName(QStringLiteral("liftRestrictionButton"));
    m_lift->setVisible(session.has(Role::Supervisor));
    connect(m_lift, &QPushButton::clicked, this, &RestrictionsPage::liftSelected);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("restrictionCountLabel"));

    m_view = makeListView(this, QStringLiteral("restrictionsView"), tr("Access restrictions"), m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RestrictionsPage::updateButtons);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { emit patientRequested(m_model->row(index.row()).mrn); });
    connect(m_model, &PagedModelBase::loaded, this, [this] {
        const qint64 total = m_model->total().value_or(m_model->rowCount());
        m_count->setText(total > m_model->rowCount()
                             ? tr("%1 of %L2 restrictions shown; scroll down for more.")
                                   .arg(m_model->rowCount())
                                   .arg(total)
                             : tr("%n restriction(s)", nullptr, m_model->rowCount()));
        m_view->resizeColumnsToContents();
        updateButtons();
    });
    connect(m_model, &PagedModelBase::failed, this,
            [this](const QString& message) { m_count->setText(message); });

    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Show:"), this);
    label->setBuddy(m_filter);
    top->addWidget(label);
    top->addWidget(m_filter);
    top->addWidget(m_count, 1);
    top->addWidget(add);
    top->addWidget(m_order);
    top->addWidget(m_lift);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(session.runner, &DbRunner::dataChanged, m_model, [this] {
        m_model->setToday(m_session.today());
        m_model->reload();
    });
    m_model->show(RestrictionList::Standing);
}

void RestrictionsPage::choose(int list) {
    m_filter->setCurrentIndex(list);
}

void RestrictionsPage::updateButtons() {
    const QModelIndex current = m_view->currentIndex();
    const bool chosen = current.isValid() && current.row() < m_model->rowCount();
    m_order->setEnabled(chosen);
    m_lift->setEnabled(chosen && !m_model->row(current.row()).restriction.isLifted());
}

void RestrictionsPage::addRestriction(const QString& mrn) {
    AddRestrictionDialog dialog(m_session, mrn, this);
    if (dialog.exec() == QDialog::Accepted)
        m_session.runner->notifyChanged();
}

void RestrictionsPage::liftSelected() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    LiftRestrictionDialog dialog(m_session, m_model->row(current.row()), this);
    if (dialog.exec() == QDialog::Accepted)
        m_session.runner->notifyChanged();
}

void RestrictionsPage::openOrder() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = m_model->row(current.row()).restriction.id;
    onReady(this, m_session.runner->run([id](const ServiceContext& ctx) {
        return RestrictionService(ctx).document(id);
    }),
            [this, id](const Result<Document>& d) {
                if (!d) {
                    m_count->setText(d.error().message);
                    return;
                }
                QString error;
                m_lastOrderPath =
                    openDocumentFile(m_orders, d.value(), QStringLiteral("order-%1").arg(id), &error);
                if (m_lastOrderPath.isEmpty())
                    m_count->setText(tr("The order could not be written out for viewing: %1").arg(error));
            });
}

} // namespace pd
