// The HIM leads' dashboard: invitations sent, activated and expired per week, the activation rate and the
// median time to activation, requests met within their due time and the age transitions coming, with a
// chart of the weeks beside the table; exported as CSV or printed to PDF.
#pragma once

#include "services/ReportService.h"
#include "ui/common/Session.h"

#include <QPageSize>
#include <QWidget>

#include <optional>

class QLabel;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace pd {

class WeeklyChartWidget;

class ReportsPage final : public QWidget {
    Q_OBJECT

public:
    explicit ReportsPage(const Session& session, QWidget* parent = nullptr);

    void reload();
    const std::optional<Dashboard>& dashboard() const { return m_dashboard; }
    QStandardItemModel* table() const { return m_table; }
    WeeklyChartWidget* invitationChart() const { return m_invitationChart; }
    WeeklyChartWidget* requestChart() const { return m_requestChart; }
    // Ask for a file name (Prompts), then write; the status line says how it went.
    void exportCsv();
    void printPdf();
    // Writes the PDF to `path` (no prompt): the figures, the charts and the table.
    Status writePdf(const QString& path, const QPageSize& pageSize = QPageSize(QPageSize::Letter)) const;

signals:
    void loaded();

private:
    void show(const Dashboard& d);

    const Session& m_session;
    QSpinBox* m_weeks = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_status = nullptr;
    QStandardItemModel* m_table = nullptr;
    QTableView* m_view = nullptr;
    WeeklyChartWidget* m_invitationChart = nullptr;
    WeeklyChartWidget* m_requestChart = nullptr;
    std::optional<Dashboard> m_dashboard;
};

} // namespace pd
