// A table of plain records with columns given as functions. Rows are either set at once (a patient's
// page) or paged in through the DbRunner as the view scrolls (search, worklists); a page that arrives
// after the model was reset is dropped.
#pragma once

#include "models/DbRunner.h"

#include <QAbstractTableModel>

#include <functional>
#include <optional>

namespace pd {

// The signals and paging state every RowsModel shares (templates can't declare signals).
class PagedModelBase : public QAbstractTableModel {
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_complete; }
    const std::optional<Error>& lastError() const { return m_error; }
    // How many rows the list has in all, counted by the database, once the count has come (paged lists
    // with a count loader only).
    std::optional<qint64> total() const { return m_total; }

signals:
    void loadingChanged(bool loading);
    // A page came in (or the rows were set): views update counts and selections.
    void loaded();
    void failed(const QString& message);

protected:
    void setLoading(bool loading) {
        if (m_loading == loading)
            return;
        m_loading = loading;
        emit loadingChanged(loading);
    }

    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_complete = true;
    std::optional<Error> m_error;
    std::optional<qint64> m_total;
};

template <typename Row> class RowsModel : public PagedModelBase {
public:
    struct Column {
        QString title;
        // DisplayRole gives the text; other roles (ToolTip, TextAlignment, UserRole for sorting) as wanted.
        std::function<QVariant(const Row&, int role)> data;
    };
    using Page = Result<QList<Row>>;
    using Loader = std::function<QFuture<Page>(int offset, int limit)>;
    using CountLoader = std::function<QFuture<Result<qint64>>()>;

    explicit RowsModel(QList<Column> columns, QObject* parent = nullptr)
        : PagedModelBase(parent)
        , m_columns(std::move(columns)) {}

    // All rows at once.
    void setRows(QList<Row> rows) {
        beginResetModel();
        ++m_generation;
        m_rows = std::move(rows);
        m_loader = {};
        m_complete = true;
        m_error.reset();
        m_total.reset();
        endResetModel();
        setLoading(false);
        emit loaded();
    }

    // Forgets the rows and loads the first page through `loader`; later pages come with fetchMore(). With
    // `count`, the list's total is counted alongside (total(), announced with loaded()).
    void load(Loader loader, int pageSize = 100, CountLoader count = {}) {
        beginResetModel();
        ++m_generation;
        m_rows.clear();
        m_total.reset();
        m_loader = std::move(loader);
        m_pageSize = pageSize;
        m_complete = !m_loader;
        m_error.reset();
        // Not loading from here on (a page still on its way is dropped), so a view that asks for the
        // first page when the reset reaches it gets it.
        const bool wasLoading = m_loading;
        m_loading = false;
        endResetModel();
        if (wasLoading && !m_loading)
            emit loadingChanged(false);
        // A view may already have asked for the first page when the reset reached it.
        if (m_loader && !m_loading)
            requestPage();
        else if (!m_loader)
            emit loaded();
        if (count) {
            const quint64 generation = m_generation;
            onReady(this, count(), [this, generation](const Result<qint64>& n) {
                if (generation != m_generation || !n)
                    return; // a list reset since, or a count that failed: the rows still show
                m_total = n.value();
                emit loaded();
            });
        }
    }

    void clear() { load({}); }

    const Row& row(int i) const { return m_rows.at(i); }
    const QList<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
    }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return m_columns.at(index.column()).data(m_rows.at(index.row()), role);
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
            section < m_columns.size())
            return m_columns.at(section).title;
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    bool canFetchMore(const QModelIndex& parent) const override {
        return !parent.isValid() && !m_complete && !m_loading && !m_error;
    }
    void fetchMore(const QModelIndex& parent) override {
        if (canFetchMore(parent))
            requestPage();
    }

private:
    void requestPage() {
        const quint64 generation = m_generation;
        setLoading(true);
        onReady(this, m_loader(static_cast<int>(m_rows.size()), m_pageSize),
                [this, generation](const Page& page) {
                    if (generation != m_generation)
                        return; // the model was reset while this page was on its way
                    if (!page) {
                        m_error = page.error();
                        m_complete = true;
                        setLoading(false);
                        emit failed(page.error().message);
                        emit loaded();
                        return;
                    }
                    const QList<Row>& more = page.value();
                    if (more.size() < m_pageSize)
                        m_complete = true;
                    // Still loading while the rows go in: a view that asks for more on the insert
                    // signals must not ask for this page again.
                    if (!more.isEmpty()) {
                        const int first = static_cast<int>(m_rows.size());
                        beginInsertRows({}, first, first + static_cast<int>(more.size()) - 1);
                        m_rows.append(more);
                        endInsertRows();
                    }
                    setLoading(false);
                    emit loaded();
                });
    }

    QList<Column> m_columns;
    QList<Row> m_rows;
    Loader m_loader;
    int m_pageSize = 100;
};

// A text column: `get(row)` gives what is shown (and its tooltip). `title` is already translated.
template <typename Row, typename Get>
typename RowsModel<Row>::Column textColumn(const QString& title, Get get) {
    return {title, [get](const Row& r, int role) -> QVariant {
                if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                    return get(r);
                return {};
            }};
}

} // namespace pd
