#include "ui/reports/WeeklyChart.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pd {

namespace {

// Colours that differ in lightness as well as hue, so that a grayscale print keeps them apart; the
// light ones are outlined and the middle one of each chart is hatched.
const QColor SentColor(0x1f, 0x4e, 0x8c);      // dark blue
const QColor ActivatedColor(0x5a, 0xae, 0x61); // middle green
const QColor ExpiredColor(0xf1, 0xa3, 0x40);   // light orange, hatched
const QColor MetColor(0x1b, 0x78, 0x37);       // dark green
const QColor LateColor(0xd6, 0x60, 0x4d);      // red, hatched
const QColor OpenColor(0xc6, 0xdb, 0xef);      // pale blue

QFont titleFont(const QFont& font) {
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

qreal swatchWidth(const ChartGeometry& g) {
    return g.lines ? g.unit * 1.6 : g.unit * 0.8;
}

qreal yOf(const ChartGeometry& g, qint64 value) {
    return g.plot.bottom() - g.plot.height() * double(value) / double(std::max<qint64>(1, g.top));
}

Qt::PenStyle lineStyle(int series) {
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
    return styles[series % 4];
}

void hatch(QPainter& p, const QRectF& r, const QColor& color, qreal unit) {
    p.save();
    p.setClipRect(r, Qt::IntersectClip);
    p.setPen(QPen(color.darker(170), std::max(1.0, unit / 12.0)));
    const qreal gap = unit * 0.4;
    for (qreal x = r.left() - r.height(); x < r.right(); x += gap)
        p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
    p.restore();
}

void fillBar(QPainter& p, const QRectF& bar, const ChartSeries& s, qreal unit) {
    p.fillRect(bar, s.color);
    if (s.hatched)
        hatch(p, bar, s.color, unit);
    // An outline, where there is room for one, keeps a pale bar visible on white.
    if (bar.width() >= unit * 0.4 && bar.height() >= 2) {
        p.save();
        p.setBrush(Qt::NoBrush);
        const qreal w = std::max(1.0, unit / 16.0);
        p.setPen(QPen(s.color.darker(150), w));
        p.drawRect(bar.adjusted(w / 2, w / 2, -w / 2, -w / 2));
        p.restore();
    }
}

ChartSeries series(const char* name, const QColor& color, bool hatched) {
    ChartSeries s;
    s.name = QCoreApplication::translate("WeeklyChart", name);
    s.color = color;
    s.hatched = hatched;
    return s;
}

QStringList weekLabels(const Dashboard& d) {
    QStringList out;
    for (const WeekFigures& w : d.weeks)
        out.append(w.weekStart.toString(Qt::ISODate)); // as the weekly table writes them
    return out;
}

} // namespace

bool ChartData::isEmpty() const {
    return largest() <= 0;
}

qint64 ChartData::largest() const {
    qint64 most = 0;
    for (qsizetype w = 0; w < weeks.size(); ++w) {
        qint64 sum = 0;
        for (const ChartSeries& s : series) {
            const qint64 v = std::max<qint64>(0, s.values.value(w));
            most = std::max(most, v);
            sum += v;
        }
        if (kind == Kind::Stacked)
            most = std::max(most, sum);
    }
    return most;
}

namespace WeeklyChart {

ChartData invitations(const Dashboard& d) {
    ChartData c;
    c.kind = ChartData::Kind::Grouped;
    c.title = QCoreApplication::translate("WeeklyChart", "Invitations per week");
    c.emptyText = QCoreApplication::translate(
        "WeeklyChart", "No invitations were sent, activated or expired in this period.");
    c.weeks = weekLabels(d);
    c.series = {series(QT_TRANSLATE_NOOP("WeeklyChart", "Sent"), SentColor, false),
                series(QT_TRANSLATE_NOOP("WeeklyChart", "Activated"), ActivatedColor, false),
                series(QT_TRANSLATE_NOOP("WeeklyChart", "Expired"), ExpiredColor, true)};
    for (const WeekFigures& w : d.weeks) {
        c.series[0].values.append(w.sent);
        c.series[1].values.append(w.activated);
        c.series[2].values.append(w.expired);
    }
    return c;
}

ChartData requests(const Dashboard& d) {
    ChartData c;
    c.kind = ChartData::Kind::Stacked;
    c.title =
        QCoreApplication::translate("WeeklyChart", "Requests by the week they came in: met on time or late");
    c.emptyText = QCoreApplication::translate("WeeklyChart", "No requests came in during this period.");
    c.weeks = weekLabels(d);
    c.series = {series(QT_TRANSLATE_NOOP("WeeklyChart", "Met on time"), MetColor, false),
                series(QT_TRANSLATE_NOOP("WeeklyChart", "Late"), LateColor, true),
                series(QT_TRANSLATE_NOOP("WeeklyChart", "Open, not yet due"), OpenColor, false)};
    for (const WeekFigures& w : d.weeks) {
        c.series[0].values.append(w.requestsMet);
        c.series[1].values.append(w.requestsLate);
        c.series[2].values.append(w.requestsOpen);
    }
    return c;
}

qint64 niceStep(qint64 max, int ticks) {
    if (max <= 0)
        return 1;
    ticks = std::max(1, ticks);
    for (qint64 power = 1;; power *= 10) {
        for (const qint64 m : {1, 2, 5}) {
            const qint64 step = m * power;
            if ((max + step - 1) / step <= ticks)
                return step;
        }
        if (power > std::numeric_limits<qint64>::max() / 100)
            return power * 10;
    }
}

ChartGeometry geometry(const ChartData& chart, const QRectF& rect, const QFont& font,
                       const QPaintDevice* device) {
    ChartGeometry g;
    const QFontMetricsF fm(font, device);
    const QFontMetricsF bold(titleFont(font), device);
    const qreal lh = fm.height();
    const qreal pad = lh * 0.5;
    g.unit = lh;
    const QRectF inner = rect.adjusted(pad, pad, -pad, -pad);
    const qreal titleHeight =
        bold.boundingRect(QRectF(0, 0, std::max<qreal>(1, inner.width()), 1e6), Qt::TextWordWrap, chart.title)
            .height();
    g.title = QRectF(inner.left(), inner.top(), inner.width(), titleHeight);
    qreal y = g.title.bottom() + pad * 0.6;
    const qsizetype weeks = chart.weeks.size();
    const qint64 largest = chart.largest();
    if (largest <= 0 || weeks == 0 || chart.series.isEmpty()) {
        g.empty = true;
        g.message = QRectF(inner.left(), y, inner.width(), std::max<qreal>(lh, inner.bottom() - y));
        return g;
    }

    // Across: the y axis's labels (a little wider than the widest can be), the weeks' columns, and room
    // for the last week's label to stand centred under its column.
    const QLocale locale;
    const qreal yLabels = fm.horizontalAdvance(locale.toString(largest * 2)) + pad * 0.8;
    qreal labelWidth = 0;
    for (const QString& label : chart.weeks)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(label));
    g.labelWidth = labelWidth;
    qreal left = inner.left() + yLabels;
    qreal right = inner.right();
    qreal column = (right - left) / qreal(weeks);
    const qreal overhang = std::max<qreal>(0, labelWidth / 2 - column / 2);
    right -= overhang;
    left = std::max(left, inner.left() + overhang);
    column = std::max<qreal>(0.5, (right - left) / qreal(weeks));
    g.labelEvery =
        std::max(1, int(std::ceil((labelWidth + fm.horizontalAdvance(QStringLiteral("   "))) / column)));
    const qreal dpi = device ? device->logicalDpiX() : 96.0;
    g.lines = chart.kind == ChartData::Kind::Grouped && chart.series.size() > 1 &&
              column * 0.8 / qreal(chart.series.size()) < std::max(2.0, 2.0 * dpi / 96.0);

    // The legend, in as many rows as its names need.
    const qreal swatch = swatchWidth(g);
    qreal x = inner.left();
    qreal rowTop = y;
    for (const ChartSeries& s : chart.series) {
        // (A little over the name's width, so that rounding never elides it.)
        const qreal width = std::min(inner.width(), swatch + lh * 0.5 + fm.horizontalAdvance(s.name));
        if (x > inner.left() && x + width > inner.right()) {
            x = inner.left();
            rowTop += lh * 1.2;
        }
        g.legendItems.append(QRectF(x, rowTop, width, lh));
        x += width + lh;
    }
    y = rowTop + lh + pad * 1.5;

    // Down: the plot, then the weeks' labels under it (clear of the y axis's 0).
    const qreal bottom = inner.bottom() - lh * 1.6;
    g.plot = QRectF(left, y, right - left, std::max(lh, bottom - y));
    const int ticks = std::clamp(int(g.plot.height() / (lh * 1.6)), 1, 8);
    g.step = niceStep(largest, ticks);
    g.top = (largest + g.step - 1) / g.step * g.step;
    for (qsizetype w = 0; w < weeks; ++w)
        g.columns.append(QRectF(left + column * qreal(w), g.plot.top(), column, g.plot.height()));
    return g;
}

void paint(QPainter& p, const QRectF& rect, const ChartData& chart, const ChartStyle& style) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (style.background.alpha() > 0)
        p.fillRect(rect, style.background);
    const ChartGeometry g = geometry(chart, rect, style.font, p.device());
    const qreal lh = g.unit;
    const qreal hair = std::max(1.0, lh / 18.0);

    p.setPen(style.text);
    p.setFont(titleFont(style.font));
    p.drawText(g.title, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, chart.title);
    p.setFont(style.font);
    if (g.empty) {
        p.drawText(g.message, Qt::AlignCenter | Qt::TextWordWrap, chart.emptyText);
        p.restore();
        return;
    }

    // The legend: a swatch as the series is drawn, then its name.
    const QFontMetricsF fm(style.font, p.device());
    const qreal swatch = swatchWidth(g);
    for (qsizetype i = 0; i < g.legendItems.size(); ++i) {
        const ChartSeries& s = chart.series.at(i);
        const QRectF item = g.legendItems.at(i);
        if (g.lines) {
            p.setPen(QPen(s.color, lh / 6.0, lineStyle(int(i)), Qt::FlatCap));
            p.drawLine(QPointF(item.left(), item.center().y()),
                       QPointF(item.left() + swatch, item.center().y()));
        } else {
            fillBar(p, QRectF(item.left(), item.top() + lh * 0.1, swatch, lh * 0.8), s, lh);
        }
        p.setPen(style.text);
        const QRectF text = item.adjusted(swatch + lh * 0.3, 0, 0, 0);
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(s.name, Qt::ElideRight, std::max<qreal>(0, text.width())));
    }

    // The y axis: round numbers, a light line across at each.
    const QLocale locale;
    for (qint64 v = 0; v <= g.top; v += g.step) {
        const qreal y = yOf(g, v);
        if (v > 0) {
            p.setPen(QPen(style.grid, hair));
            p.drawLine(QPointF(g.plot.left(), y), QPointF(g.plot.right(), y));
        }
        p.setPen(style.text);
        p.drawText(QRectF(rect.left(), y - lh / 2, g.plot.left() - lh * 0.4 - rect.left(), lh),
                   Qt::AlignRight | Qt::AlignVCenter, locale.toString(v));
    }

    // The bars (or lines).
    const qsizetype weeks = g.columns.size();
    const auto valueAt = [&](const ChartSeries& s, qsizetype w) {
        return std::max<qint64>(0, s.values.value(w));
    };
    if (g.lines) {
        for (qsizetype i = 0; i < chart.series.size(); ++i) {
            const ChartSeries& s = chart.series.at(i);
            QPolygonF points;
            for (qsizetype w = 0; w < weeks; ++w)
                points.append(QPointF(g.columns.at(w).center().x(), yOf(g, valueAt(s, w))));
            p.setPen(QPen(s.color, lh / 6.0, lineStyle(int(i)), Qt::FlatCap, Qt::RoundJoin));
            p.drawPolyline(points);
        }
    } else if (chart.kind == ChartData::Kind::Grouped) {
        // Bars no wider than two lines of text, however few the weeks.
        const qreal count = qreal(chart.series.size());
        for (qsizetype w = 0; w < weeks; ++w) {
            const QRectF col = g.columns.at(w);
            const qreal width = std::min(col.width() * 0.8 / count, lh * 2);
            qreal x = col.center().x() - width * count / 2;
            for (const ChartSeries& s : chart.series) {
                const qint64 v = valueAt(s, w);
                if (v > 0) {
                    const qreal top = std::min(yOf(g, v), g.plot.bottom() - hair); // 1 of 10,000 still shows
                    fillBar(p, QRectF(x, top, width, g.plot.bottom() - top), s, lh);
                }
                x += width;
            }
        }
    } else {
        for (qsizetype w = 0; w < weeks; ++w) {
            const QRectF col = g.columns.at(w);
            const qreal width = std::clamp(col.width() * 0.7, 1.0, lh * 3);
            const qreal x = col.center().x() - width / 2;
            qint64 below = 0;
            for (const ChartSeries& s : chart.series) {
                const qint64 v = valueAt(s, w);
                if (v <= 0)
                    continue;
                const qreal bottom = yOf(g, below);
                const qreal top = std::min(yOf(g, below + v), bottom - hair);
                fillBar(p, QRectF(x, top, width, bottom - top), s, lh);
                below += v;
            }
        }
    }

    // The x axis, a tick under each week and a label under every labelEvery-th, the last one labelled.
    p.setPen(QPen(style.text, hair));
    p.drawLine(QPointF(g.plot.left(), g.plot.bottom()), QPointF(g.plot.right(), g.plot.bottom()));
    for (qsizetype w = 0; w < weeks; ++w) {
        const qreal x = g.columns.at(w).center().x();
        const bool labelled = (weeks - 1 - w) % g.labelEvery == 0;
        p.drawLine(QPointF(x, g.plot.bottom()), QPointF(x, g.plot.bottom() + lh * (labelled ? 0.35 : 0.2)));
        if (labelled)
            p.drawText(
                QRectF(x - g.labelWidth / 2 - lh, g.plot.bottom() + lh * 0.45, g.labelWidth + 2 * lh, lh),
                Qt::AlignHCenter | Qt::AlignTop, chart.weeks.at(w));
    }
    p.restore();
}

QImage image(const ChartData& chart, const QSize& size, int dpi, const QFont& font) {
    QImage out(size, QImage::Format_RGB32);
    const int dotsPerMeter = qRound(dpi / 0.0254);
    out.setDotsPerMeterX(dotsPerMeter);
    out.setDotsPerMeterY(dotsPerMeter);
    out.fill(Qt::white);
    QFont f = font;
    if (f.pointSizeF() <= 0)
        f.setPointSizeF(f.pixelSize() * 72.0 / 96.0);
    QPainter p(&out);
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)), chart, {f, Qt::black, QColor(0xcc, 0xcc, 0xcc), Qt::white});
    p.end();
    return out;
}

QString describeWeek(const ChartData& chart, int week) {
    if (week < 0 || week >= chart.weeks.size())
        return {};
    QStringList lines{QCoreApplication::translate("WeeklyChart", "Week of %1").arg(chart.weeks.at(week))};
    for (const ChartSeries& s : chart.series)
        lines.append(QCoreApplication::translate("WeeklyChart", "%1: %2")
                         .arg(s.name, QLocale().toString(s.values.value(week))));
    return lines.join(QLatin1Char('\n'));
}

QString summary(const ChartData& chart) {
    QStringList parts;
    for (const ChartSeries& s : chart.series) {
        qint64 sum = 0;
        for (const qint64 v : s.values)
            sum += v;
        parts.append(
            QCoreApplication::translate("WeeklyChart", "%1: %2").arg(s.name, QLocale().toString(sum)));
    }
    return chart.title + QStringLiteral(". ") +
           QCoreApplication::translate("WeeklyChart", "In all, %1.").arg(parts.join(QStringLiteral(", ")));
}

} // namespace WeeklyChart

WeeklyChartWidget::WeeklyChartWidget(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    // Tab reaches the chart, and the arrows walk its weeks: the figures a mouse gets from a tooltip.
    setFocusPolicy(Qt::StrongFocus);
}

void WeeklyChartWidget::setChart(const ChartData& chart) {
    m_chart = chart;
    if (m_week >= int(m_chart.weeks.size()))
        m_week = int(m_chart.weeks.size()) - 1;
    if (m_week >= 0 && hasFocus())
        showWeek(m_week);
    else
        setAccessibleDescription(WeeklyChart::summary(chart));
    update();
}

void WeeklyChartWidget::showWeek(int week) {
    m_week = week;
    const QString figures = WeeklyChart::describeWeek(m_chart, week);
    setAccessibleDescription(figures);
    const ChartGeometry g = WeeklyChart::geometry(m_chart, QRectF(rect()), font(), this);
    if (week < g.columns.size()) {
        const QRectF column = g.columns.at(week);
        QToolTip::showText(mapToGlobal(QPointF(column.center().x(), column.bottom()).toPoint()), figures,
                           this);
    }
    update();
}

void WeeklyChartWidget::keyPressEvent(QKeyEvent* event) {
    const int last = int(m_chart.weeks.size()) - 1;
    int week = m_week;
    switch (event->key()) {
    case Qt::Key_Left:
        week = m_week < 0 ? last : std::max(0, m_week - 1);
        break;
    case Qt::Key_Right:
        week = m_week < 0 ? last : std::min(last, m_week + 1);
        break;
    case Qt::Key_Home:
        week = 0;
        break;
    case Qt::Key_End:
        week = last;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    if (last >= 0 && !m_chart.isEmpty())
        showWeek(week);
    event->accept();
}

void WeeklyChartWidget::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    update();
}

void WeeklyChartWidget::focusOutEvent(QFocusEvent* event) {
    QWidget::focusOutEvent(event);
    QToolTip::hideText();
    setAccessibleDescription(WeeklyChart::summary(m_chart));
    update();
}

ChartStyle WeeklyChartWidget::style() const {
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    // The grid: a fifth of the way from the background to the text, light on light and dark on dark.
    const QColor grid = QColor::fromRgbF(base.redF() + (text.redF() - base.redF()) * 0.2f,
                                         base.greenF() + (text.greenF() - base.greenF()) * 0.2f,
                                         base.blueF() + (text.blueF() - base.blueF()) * 0.2f);
    return {font(), text, grid, base};
}

QSize WeeklyChartWidget::sizeHint() const {
    return {fontMetrics().averageCharWidth() * 64, fontMetrics().height() * 15};
}

QSize WeeklyChartWidget::minimumSizeHint() const {
    return {fontMetrics().averageCharWidth() * 32, fontMetrics().height() * 10};
}

void WeeklyChartWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    WeeklyChart::paint(p, QRectF(rect()), m_chart, style());
    p.setBrush(Qt::NoBrush);
    // With the focus, a frame in the highlight colour, and the keyboard's week outlined.
    if (hasFocus()) {
        QPen pen(palette().color(QPalette::Highlight), 2);
        p.setPen(pen);
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
        const ChartGeometry g = WeeklyChart::geometry(m_chart, QRectF(rect()), font(), this);
        if (m_week >= 0 && m_week < g.columns.size()) {
            pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.drawRect(g.columns.at(m_week));
        }
        return;
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

bool WeeklyChartWidget::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const ChartGeometry g = WeeklyChart::geometry(m_chart, QRectF(rect()), font(), this);
    int week = -1;
    for (qsizetype w = 0; w < g.columns.size(); ++w) {
        if (g.columns.at(w).adjusted(0, 0, 0, g.unit * 1.6).contains(help->pos()))
            week = int(w);
    }
    if (week >= 0)
        QToolTip::showText(help->globalPos(), WeeklyChart::describeWeek(m_chart, week), this);
    else
        QToolTip::hideText();
    return true;
}

} // namespace pd
