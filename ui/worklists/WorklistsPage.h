// The worklists: invitations due, late, expired, undelivered and locked, and upcoming 12th and 18th
// birthdays; each sortable, filterable, exportable, opening the patient on double-click.
#pragma once

#include "ui/common/Session.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pd {

class InvitationWorklistModel;
class TransitionWorklistModel;
class PagedModelBase;

class WorklistsPage final : public QWidget {
    Q_OBJECT

public:
    WorklistsPage(const Session& session, QWidget* parent = nullptr);

    // Index into the worklist chooser (0–4 invitations, 5–7 transitions in 7/30/90 days).
    void choose(int index);
    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    InvitationWorklistModel* invitationModel() const { return m_invitations; }
    TransitionWorklistModel* transitionModel() const { return m_transitions; }
    void reload();
    // Writes what the table shows to a CSV file chosen by the user.
    void exportCsv();

signals:
    void patientRequested(const QString& mrn);

private:
    PagedModelBase* currentModel() const;
    void openRow(const QModelIndex& proxyIndex);
    void updateCount();

    const Session& m_session;
    InvitationWorklistModel* m_invitations = nullptr;
    TransitionWorklistModel* m_transitions = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QComboBox* m_chooser = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_export = nullptr;
};

} // namespace pd
