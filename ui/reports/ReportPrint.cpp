#include "ui/reports/ReportPrint.h"

#include "ui/reports/WeeklyChart.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

namespace pd::ReportPrint {

namespace {

constexpr int ChartObject = QTextFormat::UserObject + 1;
constexpr int ChartIndex = QTextFormat::UserProperty + 1;
// The space above a chart, in the layout's CSS pixels (a 96th of an inch).
constexpr qreal BlockGap = 14;

// A chart as a character of the document: as wide as the page's text, so the layout keeps it whole on one
// page and moves it to the next when it doesn't fit; drawn as an image at the charts' print resolution,
// kept lossless.
class ChartHandler final : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    ChartHandler(QList<ChartData> charts, const QFont& font)
        : m_charts(std::move(charts))
        , m_font(font) {}

    QSizeF intrinsicSize(QTextDocument* doc, int, const QTextFormat&) override {
        const qreal width = doc->pageSize().width() - 2 * doc->documentMargin();
        return {width, width * ChartAspect};
    }

    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                    const QTextFormat& format) override {
        const int index = format.intProperty(ChartIndex);
        const qreal dpi = painter->device() ? painter->device()->logicalDpiX() : 96.0;
        const QSize pixels = (rect.size() * ChartDpi / dpi).toSize();
        // Drawn once: a page that touches the chart's edge draws the same image, which the PDF holds once.
        QImage& image = m_images[index];
        if (image.size() != pixels)
            image = WeeklyChart::image(m_charts.at(index), pixels, ChartDpi, m_font);
        painter->save();
        painter->setRenderHint(QPainter::LosslessImageRendering);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(rect, image);
        painter->restore();
    }

private:
    QList<ChartData> m_charts;
    QFont m_font;
    QHash<int, QImage> m_images;
};

QFont sized(qreal points) {
    QFont font = QGuiApplication::font();
    font.setPointSizeF(points);
    return font;
}

} // namespace

Status writePdf(const Dashboard& d, const QString& hospitalName, const QString& path,
                const QPageSize& pageSize) {
    // The page's own words: the printed report is the Reports page's.
    const auto unwritable = [&] {
        return Error::unavailable(
            QStringLiteral("report.write"),
            QCoreApplication::translate("pd::ReportsPage", "Could not write %1.").arg(path));
    };
    QPdfWriter writer(path);
    writer.setPageSize(pageSize);
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
    writer.setTitle(QCoreApplication::translate("pd::ReportsPage", "Patient portal access report"));
    writer.setCreator(QStringLiteral("PortalDesk"));
    QPainter painter;
    if (!painter.begin(&writer))
        return unwritable();

    // The text is laid out for the PDF itself, so what is measured is what is printed. The heading and
    // the charts are one document and the weekly table another, so the table starts on a page of its own
    // (a table that a page break moves leaves its top border behind).
    const QFont body = sized(10);
    const QFont foot = sized(8);
    const qreal footHeight = QFontMetricsF(foot, &writer).height() * 2;
    const QSizeF page(writer.width(), writer.height() - footHeight);
    const auto prepare = [&](QTextDocument& doc) {
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setDefaultFont(body);
        doc.setDocumentMargin(0);
        doc.setPageSize(page);
    };
    QTextDocument summary;
    prepare(summary);
    ChartHandler charts({WeeklyChart::invitations(d), WeeklyChart::requests(d)}, sized(9));
    summary.documentLayout()->registerHandler(ChartObject, &charts);
    QTextCursor cursor(&summary);
    cursor.insertHtml(ReportService::figuresHtml(d, hospitalName));
    for (int i = 0; i < 2; ++i) {
        QTextBlockFormat block;
        block.setTopMargin(BlockGap);
        cursor.insertBlock(block, QTextCharFormat());
        QTextCharFormat object;
        object.setObjectType(ChartObject);
        object.setProperty(ChartIndex, i);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), object);
    }
    QTextDocument table;
    prepare(table);
    table.setHtml(ReportService::tableHtml(d));

    const int pages = summary.pageCount() + table.pageCount();
    const QString heading =
        QCoreApplication::translate("Reports", "Patient portal access — %1").arg(hospitalName);
    int number = 0;
    for (QTextDocument* doc : {&summary, &table}) {
        for (int i = 0; i < doc->pageCount(); ++i) {
            if (number > 0 && !writer.newPage())
                return unwritable();
            ++number;
            painter.save();
            painter.translate(0, -i * page.height());
            doc->drawContents(&painter, QRectF(0, i * page.height(), page.width(), page.height()));
            painter.restore();
            painter.setFont(foot);
            painter.setPen(Qt::black);
            const QRectF footer(0, page.height(), page.width(), footHeight);
            painter.drawText(
                footer, Qt::AlignRight | Qt::AlignBottom,
                QCoreApplication::translate("pd::ReportsPage", "Page %1 of %2").arg(number).arg(pages));
            painter.drawText(footer.adjusted(0, 0, -footer.width() / 4, 0), Qt::AlignLeft | Qt::AlignBottom,
                             QFontMetricsF(foot, &writer)
                                 .elidedText(heading, Qt::ElideRight, footer.width() * 3 / 4 - footHeight));
        }
    }
    if (!painter.end())
        return unwritable();
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
        return unwritable();
    return {};
}

} // namespace pd::ReportPrint

#include "ReportPrint.moc"
