// The leads' weekly charts, drawn with QPainter: one function lays out and paints a chart into any painter
// and rectangle (the desk's widget, the printed report), and a small widget shows one.
#pragma once

#include "services/ReportService.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QWidget>

class QPaintDevice;
class QPainter;

namespace pd {

struct ChartSeries {
    QString name;
    QColor color;
    // Diagonal lines over the colour, so that the series stays apart from its neighbours in grayscale.
    bool hatched = false;
    QList<qint64> values; // one per week
};

struct ChartData {
    // Grouped: the series side by side in each week (lines when the bars would be too thin to see).
    // Stacked: the series are parts of one whole, piled up in each week.
    enum class Kind { Grouped, Stacked };
    Kind kind = Kind::Grouped;
    QString title;
    QString emptyText; // said instead of the axes when every value is 0
    QStringList weeks; // the axis labels, one per week
    QList<ChartSeries> series;

    bool isEmpty() const;
    // The largest bar: one series' value (grouped) or one week's sum (stacked).
    qint64 largest() const;
};

struct ChartStyle {
    QFont font;
    QColor text;
    QColor grid;
    QColor background; // not painted when transparent
};

// Where a chart's parts go in a rectangle, in the painter's units. paint() draws from it; the widget's
// tooltips and the tests find a week's column in it.
struct ChartGeometry {
    bool empty = false;
    QRectF title;
    QRectF message;            // the empty chart's sentence
    QList<QRectF> legendItems; // one per series: its swatch and name
    QRectF plot;               // the bars' area; the y axis's labels are to its left, the weeks' below
    QList<QRectF> columns;     // one per week: its slot, the plot's full height
    qint64 top = 1;            // the y axis runs from 0 to top, with a tick every step
    qint64 step = 1;
    int labelEvery = 1;   // a week's label under every n-th week, counted back from the last
    qreal labelWidth = 0; // the widest week's label
    bool lines = false;   // grouped series drawn as lines
    qreal unit = 1;       // the font's line height: spacing and pen widths follow it
};

namespace WeeklyChart {

// The charts of a dashboard, in the language installed now: invitations sent, activated and expired per
// week; the requests received each week, met on time, late, or open and not yet due.
ChartData invitations(const Dashboard& d);
ChartData requests(const Dashboard& d);

// A round step (1, 2 or 5 times a power of ten, at least 1) that covers 0 to `max` in at most `ticks`
// steps.
qint64 niceStep(qint64 max, int ticks);

ChartGeometry geometry(const ChartData& chart, const QRectF& rect, const QFont& font,
                       const QPaintDevice* device);
void paint(QPainter& painter, const QRectF& rect, const ChartData& chart, const ChartStyle& style);

// The chart on white, `size` pixels at `dpi` dots per inch (the font's points are read at that
// resolution), for printing.
QImage image(const ChartData& chart, const QSize& size, int dpi, const QFont& font);

// What a week's column says, for a tooltip: "Week of …" and each series' value.
QString describeWeek(const ChartData& chart, int week);
// The chart in one sentence, for a screen reader: its title and each series' sum.
QString summary(const ChartData& chart);

} // namespace WeeklyChart

// One chart on a page; it only draws what it was given (no database, no thread).
class WeeklyChartWidget final : public QWidget {
    Q_OBJECT

public:
    explicit WeeklyChartWidget(QWidget* parent = nullptr);

    void setChart(const ChartData& chart);
    const ChartData& chart() const { return m_chart; }
    ChartStyle style() const;
    // The week the keyboard is on (Left, Right, Home, End), -1 before the chart has had the focus. Its
    // figures are the widget's accessible description and a tooltip under the column.
    int currentWeek() const { return m_week; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void showWeek(int week);

    ChartData m_chart;
    int m_week = -1;
};

} // namespace pd
