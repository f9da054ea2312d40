// Installs PortalDesk's translations for a language: English plural forms first, then the language's own
// catalogue over them, and Qt's own strings (standard buttons) when Qt's translations are installed.
#pragma once

#include <QString>

namespace pd::Translations {

// `language` is "en", "es", … or empty for the system's. Replaces whatever was installed before.
void install(const QString& language);
// The languages PortalDesk has a catalogue for (always "en").
QStringList available();

} // namespace pd::Translations
