#include "ui/worklists/WorklistsPage.h"

#include "models/CsvExport.h"
#include "models/WorklistModels.h"
#include "ui/common/Prompts.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
constexpr int FirstTransitionList = 5;
const int transitionDays[] = {7, 30, 90};
} // namespace

WorklistsPage::WorklistsPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("worklistsPage"));
    m_invitations = new InvitationWorklistModel(*session.runner, session.policy.zone, this);
    m_transitions = new TransitionWorklistModel(*session.runner, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("worklistComboBox"));
    m_chooser->setAccessibleName(tr("Worklist"));
    m_chooser->addItem(tr("Invitations due to be sent"));
    m_chooser->addItem(tr("Invitations late (not sent in time)"));
    m_chooser->addItem(tr("Invitations expired"));
    m_chooser->addItem(tr("Invitations that could not be delivered"));
    m_chooser->addItem(tr("Invitations locked (too many wrong PINs)"));
    if (session.has(Role::Specialist)) {
        for (int days : transitionDays)
            m_chooser->addItem(tr("Age transitions in the next %n day(s)", nullptr, days));
    }

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("worklistFilterLineEdit"));
    m_filter->setAccessibleName(tr("Filter the worklist"));
    m_filter->setPlaceholderText(tr("Filter rows"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaxLength(200);

    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    auto* refresh = new QPushButton(tr("Re&load"), this);
    refresh->setObjectName(QStringLiteral("worklistReloadButton"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("worklistView"));
    m_view->setAccessibleName(tr("Worklist rows"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("worklistCountLabel"));

    auto* top = new QHBoxLayout;
    auto* chooserLabel = new QLabel(tr("&Worklist:"), this);
    chooserLabel->setBuddy(m_chooser);
    top->addWidget(chooserLabel);
    top->addWidget(m_chooser, 1);
    top->addWidget(m_filter, 1);
    top->addWidget(refresh);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    connect(m_chooser, &QComboBox::currentIndexChanged, this, &WorklistsPage::choose);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &WorklistsPage::updateCount);
    connect(refresh, &QPushButton::clicked, this, &WorklistsPage::reload);
    connect(m_export, &QPushButton::clicked, this, &WorklistsPage::exportCsv);
    connect(m_view, &QTableView::activated, this, &WorklistsPage::openRow);
    for (PagedModelBase* m :
         {static_cast<PagedModelBase*>(m_invitations), static_cast<PagedModelBase*>(m_transitions)}) {
        connect(m, &PagedModelBase::loaded, this, &WorklistsPage::updateCount);
        connect(m, &PagedModelBase::loaded, this, [this] { m_view->resizeColumnsToContents(); });
    }
    connect(session.runner, &DbRunner::dataChanged, this, &WorklistsPage::reload);
    choose(0);
}

void WorklistsPage::choose(int index) {
    if (m_chooser->currentIndex() != index) {
        m_chooser->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    if (index >= FirstTransitionList) {
        m_proxy->setSourceModel(m_transitions);
        m_transitions->show(transitionDays[index - FirstTransitionList]);
    } else {
        m_proxy->setSourceModel(m_invitations);
        m_invitations->show(static_cast<InvitationWorklist>(index));
    }
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    updateCount();
}

void WorklistsPage::reload() {
    if (m_proxy->sourceModel() == m_transitions)
        m_transitions->reload();
    else
        m_invitations->reload();
}

PagedModelBase* WorklistsPage::currentModel() const {
    return static_cast<PagedModelBase*>(m_proxy->sourceModel());
}

void WorklistsPage::openRow(const QModelIndex& proxyIndex) {
    const int row = m_proxy->mapToSource(proxyIndex).row();
    if (row < 0)
        return;
    const QString mrn = m_proxy->sourceModel() == m_transitions ? m_transitions->row(row).patient.mrn
                                                                : m_invitations->row(row).mrn;
    if (!mrn.isEmpty())
        emit patientRequested(mrn);
}

void WorklistsPage::updateCount() {
    const PagedModelBase* m = currentModel();
    if (!m)
        return;
    if (m->lastError())
        m_count->setText(m->lastError()->message);
    else if (m->isLoading())
        m_count->setText(tr("Loading…"));
    else if (m_proxy->rowCount() != m->rowCount())
        m_count->setText(
            tr("%1 of %n row(s) match the filter.", nullptr, m->rowCount()).arg(m_proxy->rowCount()));
    else if (m->total() && *m->total() > m->rowCount())
        // More than has scrolled into view: say how many there are in all.
        m_count->setText(
            tr("%1 of %L2 rows shown; scroll down for more.").arg(m->rowCount()).arg(*m->total()));
    else
        m_count->setText(tr("%n row(s).", nullptr, m->rowCount()));
    m_export->setEnabled(m_proxy->rowCount() > 0);
}

void WorklistsPage::exportCsv() {
    // Everything, not just the rows scrolled into view so far.
    PagedModelBase* m = currentModel();
    while (m && m->canFetchMore({}))
        m->fetchMore({});
    if (m && m->isLoading()) {
        connect(m, &PagedModelBase::loaded, this, &WorklistsPage::exportCsv, Qt::SingleShotConnection);
        return;
    }
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(docs).filePath(tr("worklist-%1.csv").arg(m_session.today().toString(Qt::ISODate)));
    const QString path =
        Prompts::saveFileName(this, tr("Export worklist"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = CsvExport::write(*m_proxy, path); !written)
        Prompts::warning(this, tr("Export worklist"), written.error().message);
    else
        m_count->setText(tr("Saved %n row(s) to %1.", nullptr, m_proxy->rowCount()).arg(path));
}

} // namespace pd
