// A filed document (a consent form, a restriction's order) written out for the system's viewer: in a
// folder of this page's own, readable by this user only, and gone when the page closes.
#pragma once

#include "core/Rows.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace pd {

// Writes `document` as `baseName` plus its type's suffix into `folder` (made on first use) and opens it
// with the system's viewer (not under tests). The path, or empty with `error` set.
QString openDocumentFile(std::unique_ptr<QTemporaryDir>& folder, const Document& document,
                         const QString& baseName, QString* error);

} // namespace pd
