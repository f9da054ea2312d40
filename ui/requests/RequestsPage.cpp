#include "ui/requests/RequestsPage.h"

#include "models/RequestModels.h"
#include "ui/common/ListView.h"
#include "ui/requests/RequestDialogs.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

RequestsPage::RequestsPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("requestsPage"));
    m_model = new RequestListModel(*session.runner, session.policy.zone, this);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("requestFilterComboBox"));
    m_filter->setAccessibleName(tr("Which requests"));
    m_filter->addItem(tr("Open, soonest due first"));
    m_filter->addItem(tr("Late"));
    m_filter->addItem(tr("All, with the resolved"));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->show(i == 1   ? RequestFilter::Show::Late
                      : i == 2 ? RequestFilter::Show::All
                               : RequestFilter::Show::Open);
    });
    auto* log = new QPushButton(tr("&Log a request…"), this);
    log->setObjectName(QStringLiteral("logRequestButton"));
    connect(log, &QPushButton::clicked, this, [this] { logRequest(); });
    m_resolve = new QPushButton(tr("&Resolve…"), this);
    m_resolve->setObjectName(QStringLiteral("resolveRequestButton"));
    m_resolve->setEnabled(false);
    m_resolve->setVisible(session.role >= Role::Specialist);
    connect(m_resolve, &QPushButton::clicked, this, &RequestsPage::resolveSelected);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("requestCountLabel"));

    m_view = makeListView(this, QStringLiteral("requestsView"), tr("Family requests"), m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequestsPage::updateButtons);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString mrn = m_model->row(index.row()).mrn;
        if (!mrn.isEmpty())
            emit patientRequested(mrn);
    });
    connect(m_model, &PagedModelBase::loaded, this, [this] {
        int late = 0;
        for (const RequestRow& r : m_model->rows())
            late += r.late ? 1 : 0;
        const qint64 total = m_model->total().value_or(m_model->rowCount());
        if (total > m_model->rowCount())
            // More than has scrolled into view: a late count of the rows shown so far would mislead (the
            // Late list gives the whole one).
            m_count->setText(
                tr("%1 of %L2 requests shown; scroll down for more.").arg(m_model->rowCount()).arg(total));
        else
            m_count->setText(tr("%n request(s)", nullptr, m_model->rowCount()) +
                             (late > 0 ? QStringLiteral(", ") + tr("%n late", nullptr, late) : QString()));
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
    top->addWidget(log);
    top->addWidget(m_resolve);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(session.runner, &DbRunner::dataChanged, m_model, [this] { m_model->reload(); });
    m_model->show(RequestFilter::Show::Open);
}

void RequestsPage::choose(int list) {
    m_filter->setCurrentIndex(list);
}

void RequestsPage::updateButtons() {
    const QModelIndex current = m_view->currentIndex();
    m_resolve->setEnabled(current.isValid() && current.row() < m_model->rowCount() &&
                          m_model->row(current.row()).request.isOpen());
}

void RequestsPage::logRequest(const QString& mrn, const QString& user) {
    auto* dialog = new LogRequestDialog(m_session, mrn, user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { m_session.runner->notifyChanged(); });
    dialog->open();
}

void RequestsPage::resolveSelected() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    auto* dialog = new ResolveRequestDialog(m_session, m_model->row(current.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { m_session.runner->notifyChanged(); });
    dialog->open();
}

} // namespace pd
