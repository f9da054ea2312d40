// Writes what a table shows (its visible columns, in the view's order and sort) as RFC 4180 CSV.
#pragma once

#include "core/Result.h"

#include <QAbstractItemModel>

namespace pd::CsvExport {

// One field, quoted when it must be. A field that a spreadsheet would run as a formula (=, +, -, @, tab,
// carriage return first) is prefixed with an apostrophe so opening the file never runs anything.
QString field(const QString& value);
// Header row and every row of `model`, UTF-8 with a byte-order mark (so spreadsheets read accents),
// CRLF line ends.
QByteArray toCsv(const QAbstractItemModel& model);
// Writes atomically: the old file stays whole if writing fails.
Status write(const QAbstractItemModel& model, const QString& path);

} // namespace pd::CsvExport
