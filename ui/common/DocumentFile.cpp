#include "ui/common/DocumentFile.h"

#include <QDesktopServices>
#include <QFile>
#include <QUrl>

namespace pd {

QString openDocumentFile(std::unique_ptr<QTemporaryDir>& folder, const Document& d, const QString& baseName,
                         QString* error) {
    if (!folder)
        folder = std::make_unique<QTemporaryDir>();
    const QString suffix = d.mediaType == QLatin1String("application/pdf") ? QStringLiteral(".pdf")
                           : d.mediaType == QLatin1String("image/png")     ? QStringLiteral(".png")
                                                                           : QStringLiteral(".jpg");
    const QString path = folder->filePath(baseName + suffix);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(d.content) != d.content.size()) {
        if (error)
            *error = file.errorString();
        return {};
    }
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!qEnvironmentVariableIsSet("PORTALDESK_TEST"))
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    return path;
}

} // namespace pd
