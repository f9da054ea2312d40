#include "ui/reports/ReportsPage.h"

#include "models/CsvExport.h"
#include "ui/common/Prompts.h"
#include "ui/reports/ReportPrint.h"
#include "ui/reports/WeeklyChart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

ReportsPage::ReportsPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("reportsPage"));
    m_weeks = new QSpinBox(this);
    m_weeks->setObjectName(QStringLiteral("reportWeeksSpinBox"));
    m_weeks->setAccessibleName(tr("Weeks in the report"));
    m_weeks->setRange(1, 104);
    // "1 week", "12 weeks": the suffix follows the number.
    const auto weeksSuffix = [this] { m_weeks->setSuffix(tr(" week(s)", nullptr, m_weeks->value())); };
    m_weeks->setValue(12);
    weeksSuffix();
    connect(m_weeks, &QSpinBox::valueChanged, this, weeksSuffix);
    connect(m_weeks, &QSpinBox::valueChanged, this, &ReportsPage::reload);
    auto* csv = new QPushButton(tr("Export &CSV…"), this);
    csv->setObjectName(QStringLiteral("reportCsvButton"));
    connect(csv, &QPushButton::clicked, this, &ReportsPage::exportCsv);
    auto* pdf = new QPushButton(tr("&Print to PDF…"), this);
    pdf->setObjectName(QStringLiteral("reportPdfButton"));
    connect(pdf, &QPushButton::clicked, this, &ReportsPage::printPdf);

    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("reportFiguresLabel"));
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setWordWrap(true);
    m_figures->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatusLabel"));
    m_status->setWordWrap(true);

    m_table = new QStandardItemModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("reportTableView"));
    m_view->setAccessibleName(tr("Invitations and requests per week"));
    m_view->setModel(m_table);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    // The charts only draw the dashboard the page was given; they read nothing themselves.
    m_invitationChart = new WeeklyChartWidget(this);
    m_invitationChart->setObjectName(QStringLiteral("invitationChart"));
    m_invitationChart->setAccessibleName(tr("Chart of invitations sent, activated and expired per week"));
    m_requestChart = new WeeklyChartWidget(this);
    m_requestChart->setObjectName(QStringLiteral("requestChart"));
    m_requestChart->setAccessibleName(tr("Chart of requests met on time and late per week"));

    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Period:"), this);
    label->setBuddy(m_weeks);
    top->addWidget(label);
    top->addWidget(m_weeks);
    top->addStretch(1);
    top->addWidget(csv);
    top->addWidget(pdf);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_invitationChart, 1);
    charts->addWidget(m_requestChart, 1);
    auto* figures = new QHBoxLayout;
    figures->addWidget(m_figures, 1);
    figures->addWidget(m_view, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(charts, 3);
    layout->addLayout(figures, 2);
    layout->addWidget(m_status);
    connect(session.runner, &DbRunner::dataChanged, this, &ReportsPage::reload);
    reload();
}

void ReportsPage::reload() {
    const int weeks = m_weeks->value();
    onReady(this, m_session.runner->run([weeks](const ServiceContext& ctx) {
        return ReportService(ctx).dashboard(weeks);
    }),
            [this](const Result<Dashboard>& d) {
                if (!d) {
                    m_status->setText(d.error().message);
                    return;
                }
                show(d.value());
            });
}

void ReportsPage::show(const Dashboard& d) {
    m_dashboard = d;
    m_figures->setText(ReportService::figuresHtml(d, m_session.policy.hospitalName));
    const QList<QStringList> rows = ReportService::table(d);
    m_table->clear();
    m_table->setHorizontalHeaderLabels(rows.first());
    for (qsizetype r = 1; r < rows.size(); ++r) {
        QList<QStandardItem*> items;
        for (const QString& cell : rows.at(r)) {
            auto* item = new QStandardItem(cell);
            item->setTextAlignment(r == 0 ? Qt::AlignLeft : Qt::AlignRight | Qt::AlignVCenter);
            items.append(item);
        }
        m_table->appendRow(items);
    }
    // The weeks' dates whole; the figures share what is left.
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_invitationChart->setChart(WeeklyChart::invitations(d));
    m_requestChart->setChart(WeeklyChart::requests(d));
    m_status->clear();
    emit loaded();
}

void ReportsPage::exportCsv() {
    if (!m_dashboard)
        return;
    const QString path = Prompts::saveFileName(
        this, tr("Export the report"),
        QStringLiteral("portal-report-%1.csv").arg(m_dashboard->to.toString(Qt::ISODate)),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Status s = CsvExport::write(*m_table, path);
    m_status->setText(s ? tr("Saved %1.").arg(path) : s.error().message);
}

Status ReportsPage::writePdf(const QString& path, const QPageSize& pageSize) const {
    if (!m_dashboard)
        return Error::validation(QStringLiteral("report.none"), tr("The report has not loaded yet."));
    return ReportPrint::writePdf(*m_dashboard, m_session.policy.hospitalName, path, pageSize);
}

void ReportsPage::printPdf() {
    if (!m_dashboard)
        return;
    const QString path = Prompts::saveFileName(
        this, tr("Print the report to PDF"),
        QStringLiteral("portal-report-%1.pdf").arg(m_dashboard->to.toString(Qt::ISODate)),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const Status s = writePdf(path);
    m_status->setText(s ? tr("Saved %1.").arg(path) : s.error().message);
}

} // namespace pd
