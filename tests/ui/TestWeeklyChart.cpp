// The leads' weekly charts, drawn into images: bars in the series' colours where the weeks have figures and
// nowhere else, a sentence instead of axes when there is nothing to draw, round numbers up the y axis, and
// week labels that never overlap or leave the chart, from 1 to 104 weeks and on any width.
#include "ui/reports/WeeklyChart.h"

#include <QApplication>
#include <QPainter>
#include <QTest>

using namespace pd;
using namespace Qt::StringLiterals;

namespace {

Dashboard weeks(const QList<std::array<int, 6>>& figures) {
    Dashboard d;
    d.from = QDate(2026, 9, 7);
    for (qsizetype i = 0; i < figures.size(); ++i) {
        WeekFigures w;
        w.weekStart = d.from.addDays(7 * i);
        const auto& f = figures.at(i);
        w.sent = f[0];
        w.activated = f[1];
        w.expired = f[2];
        w.requestsMet = f[3];
        w.requestsLate = f[4];
        w.requestsOpen = f[5];
        w.requests = f[3] + f[4] + f[5];
        d.weeks.append(w);
    }
    return d;
}

QImage render(const ChartData& chart, const QSize& size = QSize(900, 420)) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    WeeklyChart::paint(p, QRectF(QPointF(0, 0), QSizeF(size)), chart,
                       {QApplication::font(), Qt::black, QColor(0xcc, 0xcc, 0xcc), Qt::white});
    p.end();
    return image;
}

// How many pixels in `area` are exactly `color`.
int pixels(const QImage& image, const QRectF& area, const QColor& color) {
    const QRect r = area.toAlignedRect().intersected(image.rect());
    const QRgb want = color.rgb();
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixel(x, y) == want ? 1 : 0;
    return n;
}

// How many pixels in `area` are dark, as text is.
int ink(const QImage& image, const QRectF& area) {
    const QRect r = area.toAlignedRect().intersected(image.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    return n;
}

} // namespace

class TestWeeklyChart : public QObject {
    Q_OBJECT

private slots:
    void stepsAreRoundNumbers_data() {
        QTest::addColumn<qint64>("max");
        QTest::addColumn<int>("ticks");
        QTest::addColumn<qint64>("step");
        QTest::newRow("one") << qint64(1) << 5 << qint64(1);
        QTest::newRow("counts are whole: 3 in 8 ticks steps by 1") << qint64(3) << 8 << qint64(1);
        QTest::newRow("7 in 5 ticks: 2") << qint64(7) << 5 << qint64(2);
        QTest::newRow("10 in 5 ticks: 2") << qint64(10) << 5 << qint64(2);
        QTest::newRow("11 in 5 ticks: 5") << qint64(11) << 5 << qint64(5);
        QTest::newRow("100 in 5 ticks: 20") << qint64(100) << 5 << qint64(20);
        QTest::newRow("101 in 5 ticks: 50") << qint64(101) << 5 << qint64(50);
        QTest::newRow("2 million in 5 ticks: 500,000") << qint64(2000000) << 5 << qint64(500000);
        QTest::newRow("past 32 bits") << qint64(30000000000) << 4 << qint64(10000000000);
        QTest::newRow("nothing") << qint64(0) << 5 << qint64(1);
    }
    void stepsAreRoundNumbers() {
        QFETCH(qint64, max);
        QFETCH(int, ticks);
        QFETCH(qint64, step);
        QCOMPARE(WeeklyChart::niceStep(max, ticks), step);
    }

    // Week 0 has only invitations sent, week 1 nothing, week 2 all three; the requests likewise.
    void barsShowWhereTheWeeksHaveFigures() {
        const Dashboard d = weeks({{3, 0, 0, 4, 0, 0}, {0, 0, 0, 0, 0, 0}, {2, 2, 1, 1, 2, 1}});
        for (const ChartData& chart : {WeeklyChart::invitations(d), WeeklyChart::requests(d)}) {
            QCOMPARE(chart.series.size(), 3);
            const QImage image = render(chart);
            const ChartGeometry g =
                WeeklyChart::geometry(chart, QRectF(image.rect()), QApplication::font(), &image);
            QVERIFY(!g.empty);
            QVERIFY(!g.lines);
            QCOMPARE(g.columns.size(), 3);
            for (int w = 0; w < 3; ++w) {
                for (const ChartSeries& s : chart.series) {
                    const int found = pixels(image, g.columns.at(w), s.color);
                    const QByteArray what = chart.title.toUtf8() + " week " + QByteArray::number(w) + ' ' +
                                            s.name.toUtf8() + ": " + QByteArray::number(found) + " pixels";
                    if (s.values.at(w) > 0)
                        QVERIFY2(found > 20, what.constData());
                    else
                        QVERIFY2(found == 0, what.constData());
                }
            }
            // The colours stay apart in grayscale.
            QList<int> grays;
            for (const ChartSeries& s : chart.series)
                grays.append(qGray(s.color.rgb()));
            std::sort(grays.begin(), grays.end());
            QVERIFY(grays[1] - grays[0] >= 30 && grays[2] - grays[1] >= 30);
        }
    }

    void nothingToDrawIsSaid() {
        const Dashboard d = weeks({{0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}});
        for (const ChartData& chart : {WeeklyChart::invitations(d), WeeklyChart::requests(d)}) {
            QVERIFY(chart.isEmpty());
            QVERIFY(!chart.emptyText.isEmpty());
            const QImage image = render(chart);
            for (const ChartSeries& s : chart.series)
                QCOMPARE(pixels(image, QRectF(image.rect()), s.color), 0);
            const ChartGeometry g =
                WeeklyChart::geometry(chart, QRectF(image.rect()), QApplication::font(), &image);
            QVERIFY(g.empty);
            // The sentence is written where the bars would be.
            QVERIFY(ink(image, g.message) > 0);
        }
        // No weeks at all is the same.
        QVERIFY(WeeklyChart::geometry(WeeklyChart::invitations(Dashboard()), QRectF(0, 0, 400, 300),
                                      QApplication::font(), nullptr)
                    .empty);
    }

    void labelsNeverOverlapNorLeaveTheChart_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("width");
        for (const int count : {1, 2, 12, 26, 52, 104})
            for (const int width : {320, 700, 1400, 2400})
                QTest::addRow("%d weeks, %d wide", count, width) << count << width;
    }
    void labelsNeverOverlapNorLeaveTheChart() {
        QFETCH(int, count);
        QFETCH(int, width);
        QList<std::array<int, 6>> figures;
        for (int i = 0; i < count; ++i)
            figures.append({1900000 + i, i, i % 3, i % 5, i % 2, 1});
        const Dashboard d = weeks(figures);
        const QRectF rect(0, 0, width, 360);
        QImage device(1, 1, QImage::Format_RGB32);
        for (const ChartData& chart : {WeeklyChart::invitations(d), WeeklyChart::requests(d)}) {
            const ChartGeometry g = WeeklyChart::geometry(chart, rect, QApplication::font(), &device);
            QVERIFY(!g.empty);
            QCOMPARE(g.columns.size(), count);
            QVERIFY(rect.contains(g.plot));
            QVERIFY(rect.contains(g.title));
            for (const QRectF& item : g.legendItems)
                QVERIFY2(rect.contains(item), qPrintable(chart.series.first().name));
            // The labelled weeks, counted back from the last, stand at least a label's width apart.
            QVERIFY(g.labelEvery >= 1);
            QVERIFY(g.columns.first().width() * g.labelEvery > g.labelWidth);
            const qreal last = g.columns.last().center().x();
            QVERIFY(last + g.labelWidth / 2 <= rect.right());
            for (qsizetype w = count - 1; w >= 0; w -= g.labelEvery)
                QVERIFY(g.columns.at(w).center().x() - g.labelWidth / 2 >= rect.left());
            // Round numbers up to the largest bar, the widest of them left of the plot.
            QVERIFY(g.top >= chart.largest());
            QVERIFY(g.top / g.step <= 8);
            QVERIFY(g.top % g.step == 0);
            const QFontMetricsF fm(QApplication::font(), &device);
            QVERIFY(fm.horizontalAdvance(QLocale().toString(g.top)) < g.plot.left() - rect.left());
            // Grouped bars too thin to see become lines; stacked bars stay bars.
            if (chart.kind == ChartData::Kind::Stacked)
                QVERIFY(!g.lines);
        }
    }

    void theWidgetDrawsWhatItIsGiven() {
        WeeklyChartWidget widget;
        widget.resize(700, 320);
        const Dashboard d = weeks({{5, 3, 1, 2, 1, 0}, {4, 4, 0, 1, 0, 1}});
        widget.setChart(WeeklyChart::invitations(d));
        QVERIFY(widget.accessibleDescription().contains(widget.chart().series.first().name));
        const QImage image = widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const ChartGeometry g =
            WeeklyChart::geometry(widget.chart(), QRectF(widget.rect()), widget.font(), &widget);
        for (const ChartSeries& s : widget.chart().series)
            QVERIFY(pixels(image, g.plot.adjusted(0, 0, 1, 1), s.color) > 20);
        QVERIFY(WeeklyChart::describeWeek(widget.chart(), 1).contains(u"2026-09-14"_s));
    }

    // Tab reaches the chart and the arrows walk its weeks, each week's figures said as the tooltip says them.
    void theKeyboardWalksTheWeeks() {
        QWidget window;
        auto* before = new QWidget(&window);
        before->setFocusPolicy(Qt::StrongFocus);
        auto* widget = new WeeklyChartWidget(&window);
        widget->setGeometry(0, 0, 700, 320);
        widget->setChart(
            WeeklyChart::invitations(weeks({{5, 3, 1, 2, 1, 0}, {4, 4, 0, 1, 0, 1}, {2, 0, 0, 0, 0, 0}})));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        before->setFocus();
        QTest::keyClick(before, Qt::Key_Tab);
        QTRY_VERIFY(widget->hasFocus());
        QCOMPARE(widget->currentWeek(), -1);
        const auto says = [&](int week) { return WeeklyChart::describeWeek(widget->chart(), week); };
        QTest::keyClick(widget, Qt::Key_Left); // from nowhere, the latest week first
        QCOMPARE(widget->currentWeek(), 2);
        QCOMPARE(widget->accessibleDescription(), says(2));
        QTest::keyClick(widget, Qt::Key_Left);
        QCOMPARE(widget->currentWeek(), 1);
        QVERIFY(widget->accessibleDescription().contains(u"2026-09-14"_s));
        QTest::keyClick(widget, Qt::Key_Home);
        QCOMPARE(widget->currentWeek(), 0);
        QTest::keyClick(widget, Qt::Key_Left); // and no further
        QCOMPARE(widget->currentWeek(), 0);
        QTest::keyClick(widget, Qt::Key_End);
        QCOMPARE(widget->currentWeek(), 2);
        QCOMPARE(widget->accessibleDescription(), says(2));
        // A shorter period keeps the keyboard inside it.
        widget->setChart(WeeklyChart::invitations(weeks({{5, 3, 1, 2, 1, 0}})));
        QCOMPARE(widget->currentWeek(), 0);
        // Leaving the chart, the whole chart's summary is its description again.
        before->setFocus();
        QTRY_VERIFY(!widget->hasFocus());
        QCOMPARE(widget->accessibleDescription(), WeeklyChart::summary(widget->chart()));
    }
};

QTEST_MAIN(TestWeeklyChart)
#include "TestWeeklyChart.moc"
