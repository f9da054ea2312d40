#include "models/CsvExport.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace pd::CsvExport {

QString field(const QString& raw) {
    QString value = raw;
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            value.prepend(QLatin1Char('\''));
    }
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
        value.startsWith(QLatin1Char(' ')) || value.endsWith(QLatin1Char(' '))) {
        value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

QByteArray toCsv(const QAbstractItemModel& model) {
    QString out;
    QStringList cells;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c)
        cells.append(field(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < columns; ++c)
            cells.append(field(model.index(r, c).data(Qt::DisplayRole).toString()));
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

Status write(const QAbstractItemModel& model, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(model)) < 0 || !file.commit())
        return Error::unavailable(
            QStringLiteral("export.write"),
            QCoreApplication::translate("CsvExport", "Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace pd::CsvExport
