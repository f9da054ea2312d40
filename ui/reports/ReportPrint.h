// The printed leads' report: the heading and figures and the two weekly charts, then the weekly table from
// a new page (its header row repeated on each), on A4 or Letter with the page number at the foot of each.
#pragma once

#include "core/Result.h"
#include "services/ReportService.h"

#include <QPageSize>

namespace pd::ReportPrint {

// The charts' height for their width on paper.
inline constexpr qreal ChartAspect = 0.45;
// The resolution the charts are drawn at for paper.
inline constexpr int ChartDpi = 300;

Status writePdf(const Dashboard& d, const QString& hospitalName, const QString& path,
                const QPageSize& pageSize = QPageSize(QPageSize::Letter));

} // namespace pd::ReportPrint
