// Search as you type across patients and logins; arrows move into the results, Enter opens one.
#pragma once

#include "ui/common/Session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace pd {

class SearchModel;

class SearchPanel final : public QWidget {
    Q_OBJECT

public:
    SearchPanel(const Session& session, QWidget* parent = nullptr);

    void focusSearch();
    SearchModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

signals:
    void patientRequested(const QString& mrn);
    void loginRequested(const QString& username);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openRow(int row);
    void updateStatus();

    SearchModel* m_model = nullptr;
    QLineEdit* m_edit = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_debounce = nullptr;
};

} // namespace pd
