#include "translations/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <array>

namespace pd::Translations {

namespace {
std::array<QTranslator*, 3> installed{};
} // namespace

void install(const QString& language) {
    for (QTranslator*& t : installed) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
            t = nullptr;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    const auto load = [](QTranslator*& slot, const QString& file, const QString& folder) {
        auto* t = new QTranslator;
        if (t->load(file, folder) && QCoreApplication::installTranslator(t))
            slot = t;
        else
            delete t;
    };
    // Installed last is searched first: the language's catalogue, then English plurals.
    load(installed[0], QStringLiteral("portaldesk_en"), QStringLiteral(":/i18n"));
    if (locale.language() != QLocale::English) {
        auto* t = new QTranslator;
        if (t->load(locale, QStringLiteral("portaldesk"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
            QCoreApplication::installTranslator(t))
            installed[1] = t;
        else
            delete t;
        auto* qt = new QTranslator;
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
            QCoreApplication::installTranslator(qt))
            installed[2] = qt;
        else
            delete qt;
    }
}

QStringList available() {
    QStringList out{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("portaldesk_*.qm")});
    for (const QString& f : files) {
        const QString code = f.mid(11, f.size() - 14);
        if (!out.contains(code))
            out.append(code);
    }
    return out;
}

} // namespace pd::Translations
