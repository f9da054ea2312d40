#include "ui/common/WorkstationSettings.h"

#include <QSettings>

namespace pd::WorkstationSettings {

QString databaseLocation() {
    return QSettings().value(QStringLiteral("database/location")).toString();
}
void setDatabaseLocation(const QString& location) {
    QSettings().setValue(QStringLiteral("database/location"), location);
}
QString language() {
    return QSettings().value(QStringLiteral("ui/language")).toString();
}
void setLanguage(const QString& language) {
    QSettings().setValue(QStringLiteral("ui/language"), language);
}
QString lastStaffName() {
    return QSettings().value(QStringLiteral("ui/lastStaffName")).toString();
}
void setLastStaffName(const QString& name) {
    QSettings().setValue(QStringLiteral("ui/lastStaffName"), name);
}
QByteArray windowState(const QString& key) {
    return QSettings().value(QStringLiteral("window/") + key).toByteArray();
}
void setWindowState(const QString& key, const QByteArray& state) {
    QSettings().setValue(QStringLiteral("window/") + key, state);
}

} // namespace pd::WorkstationSettings
