// The family requests desk: open requests soonest due first (the late ones marked), log a request,
// resolve one with the action that answered it; double-click opens the patient.
#pragma once

#include "ui/common/Session.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace pd {

class RequestListModel;

class RequestsPage final : public QWidget {
    Q_OBJECT

public:
    explicit RequestsPage(const Session& session, QWidget* parent = nullptr);

    RequestListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // 0 open, 1 late, 2 all.
    void choose(int list);
    void logRequest(const QString& mrn = QString(), const QString& user = QString());
    void resolveSelected();

signals:
    void patientRequested(const QString& mrn);

private:
    void updateButtons();

    const Session& m_session;
    RequestListModel* m_model = nullptr;
    QComboBox* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_resolve = nullptr;
};

} // namespace pd
