// The read-only, one-row-at-a-time tables the desks list their work in.
#pragma once

#include <QAbstractItemView>
#include <QHeaderView>
#include <QTableView>

namespace pd {

inline QTableView* makeListView(QWidget* parent, const QString& objectName, const QString& accessibleName,
                                QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace pd
