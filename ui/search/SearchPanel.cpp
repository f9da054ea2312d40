#include "ui/search/SearchPanel.h"

#include "models/SearchModel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

SearchPanel::SearchPanel(const Session& session, QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("searchPanel"));
    m_model = new SearchModel(*session.runner, this);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchLineEdit"));
    m_edit->setAccessibleName(tr("Search patients and logins"));
    m_edit->setPlaceholderText(tr("Name, MRN, e-mail or phone (Ctrl+F)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(200);
    m_edit->installEventFilter(this);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("searchResultsView"));
    m_view->setAccessibleName(tr("Search results"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->installEventFilter(this);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatusLabel"));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { m_model->setQuery(m_edit->text()); });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() > 0)
            openRow(m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0);
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) { openRow(index.row()); });
    connect(m_model, &SearchModel::loaded, this, &SearchPanel::updateStatus);
    connect(m_model, &SearchModel::loaded, m_view, &QTableView::resizeColumnsToContents);
    connect(m_model, &SearchModel::loadingChanged, this, &SearchPanel::updateStatus);
    connect(m_model, &SearchModel::modelReset, this, &SearchPanel::updateStatus);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    updateStatus();
}

void SearchPanel::focusSearch() {
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

bool SearchPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_edit && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_view->setFocus(Qt::TabFocusReason);
            m_view->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
        if (watched == m_view && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_view->currentIndex().isValid()) {
            openRow(m_view->currentIndex().row());
            return true;
        }
        if (watched == m_view && key->key() == Qt::Key_Up && m_view->currentIndex().row() == 0) {
            m_edit->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::openRow(int row) {
    if (row < 0 || row >= m_model->rowCount())
        return;
    const SearchHit& hit = m_model->row(row);
    if (hit.kind == QLatin1String("patient"))
        emit patientRequested(hit.key);
    else
        emit loginRequested(hit.key);
}

void SearchPanel::updateStatus() {
    if (m_model->lastError()) {
        m_status->setText(m_model->lastError()->message);
    } else if (m_model->query().isEmpty()) {
        m_status->setText(tr("Type to search."));
    } else if (m_model->isLoading()) {
        m_status->setText(tr("Searching…"));
    } else if (m_model->rowCount() == 0) {
        m_status->setText(tr("Nothing matches \"%1\".").arg(m_model->query().left(60)));
    } else {
        m_status->setText(m_model->isComplete()
                              ? tr("%n match(es).", nullptr, m_model->rowCount())
                              : tr("%n match(es) so far; scroll for more.", nullptr, m_model->rowCount()));
    }
}

} // namespace pd
