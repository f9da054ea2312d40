// Build tool: renders the icon's SVG to the PNG sizes the desktops want, a Windows .ico and a macOS .icns,
// so the repository keeps one drawing and no pictures made from it.
//
//   portaldesk-iconset ICON.svg OUTDIR NAME   writes OUTDIR/NAME-16.png … NAME-512.png, NAME.ico, NAME.icns
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>

namespace {

QByteArray png(QSvgRenderer& svg, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void put16(QByteArray& out, quint16 v) {
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 2);
}
void put32(QByteArray& out, quint32 v) {
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 4);
}
void put32be(QByteArray& out, quint32 v) {
    const quint32 be = qToBigEndian(v);
    out.append(reinterpret_cast<const char*>(&be), 4);
}

// ICO with PNG-compressed entries (Windows Vista and later read them at every size).
QByteArray ico(QSvgRenderer& svg) {
    const QList<int> sizes{16, 24, 32, 48, 64, 256};
    QList<QByteArray> images;
    for (int size : sizes)
        images.append(png(svg, size));
    QByteArray out;
    put16(out, 0);
    put16(out, 1); // icon
    put16(out, quint16(sizes.size()));
    quint32 offset = quint32(6 + 16 * sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const int size = sizes.at(i);
        out.append(char(size >= 256 ? 0 : size)); // 0 means 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // no palette
        out.append(char(0));
        put16(out, 1);  // planes
        put16(out, 32); // bits per pixel
        put32(out, quint32(images.at(i).size()));
        put32(out, offset);
        offset += quint32(images.at(i).size());
    }
    for (const QByteArray& image : std::as_const(images))
        out.append(image);
    return out;
}

// ICNS with PNG entries: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x).
QByteArray icns(QSvgRenderer& svg) {
    const QList<std::pair<const char*, int>> entries{{"icp4", 16},  {"icp5", 32},  {"icp6", 64},
                                                     {"ic07", 128}, {"ic08", 256}, {"ic09", 512},
                                                     {"ic10", 1024}};
    QByteArray body;
    for (const auto& [type, size] : entries) {
        const QByteArray image = png(svg, size);
        body.append(type, 4);
        put32be(body, quint32(8 + image.size()));
        body.append(image);
    }
    QByteArray out("icns", 4);
    put32be(out, quint32(8 + body.size()));
    out.append(body);
    return out;
}

bool write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "portaldesk-iconset: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char* argv[]) {
    // No window is shown; the offscreen platform lets this run on build machines without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: portaldesk-iconset ICON.svg OUTDIR NAME\n");
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        std::fprintf(stderr, "portaldesk-iconset: %s is not a drawing it can read\n", qPrintable(args.at(1)));
        return 1;
    }
    const QDir out(args.at(2));
    if (!QDir().mkpath(out.path()))
        return 1;
    const QString name = args.at(3);
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        if (!write(out.filePath(QStringLiteral("%1-%2.png").arg(name).arg(size)), png(svg, size)))
            return 1;
    }
    return write(out.filePath(name + QStringLiteral(".ico")), ico(svg)) &&
                   write(out.filePath(name + QStringLiteral(".icns")), icns(svg))
               ? 0
               : 1;
}
