// What this workstation remembers between runs (QSettings): the database it opens, the language of its
// windows, the last sign-in name, and window layout. Nothing about patients.
#pragma once

#include <QByteArray>
#include <QString>

namespace pd::WorkstationSettings {

QString databaseLocation(); // empty = the embedded default
void setDatabaseLocation(const QString& location);
QString language(); // "" = the system's, else "en", "es"
void setLanguage(const QString& language);
QString lastStaffName();
void setLastStaffName(const QString& name);
QByteArray windowState(const QString& key);
void setWindowState(const QString& key, const QByteArray& state);

} // namespace pd::WorkstationSettings
