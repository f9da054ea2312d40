// The restrictions desk (SPEC §8): the orders in force, those ending soon, or all; record one, lift one (a
// supervisor), open its order; double-click opens the patient.
#pragma once

#include "ui/common/Session.h"

#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace pd {

class RestrictionListModel;

class RestrictionsPage final : public QWidget {
    Q_OBJECT

public:
    explicit RestrictionsPage(const Session& session, QWidget* parent = nullptr);

    RestrictionListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // 0 in force, 1 ending within 30 days, 2 within 60, 3 within 90, 4 all.
    void choose(int list);
    void addRestriction(const QString& mrn = QString());
    void liftSelected();
    // Writes the selected restriction's order out and opens it; the path (tests read it).
    void openOrder();
    QString lastOrderPath() const { return m_lastOrderPath; }

signals:
    void patientRequested(const QString& mrn);

private:
    void updateButtons();

    const Session& m_session;
    RestrictionListModel* m_model = nullptr;
    QComboBox* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_lift = nullptr;
    QPushButton* m_order = nullptr;
    std::unique_ptr<QTemporaryDir> m_orders;
    QString m_lastOrderPath;
};

} // namespace pd
