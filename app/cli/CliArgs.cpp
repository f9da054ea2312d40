#include "cli/CliArgs.h"

#include <QCoreApplication>

namespace pd {

bool CliArgs::isFlag(const QString& name) {
    static const QSet<QString> valueless = {QStringLiteral("json"),     QStringLiteral("help"),
                                            QStringLiteral("version"),  QStringLiteral("new-pin"),
                                            QStringLiteral("due"),      QStringLiteral("late"),
                                            QStringLiteral("all"),      QStringLiteral("no-mail"),
                                            QStringLiteral("training"), QStringLiteral("password-stdin")};
    return valueless.contains(name);
}

CliArgs CliArgs::parse(const QStringList& arguments) {
    CliArgs a;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("-h")) {
            a.help = true;
            continue;
        }
        if (!arg.startsWith(QLatin1String("--")) || arg.size() == 2) {
            a.words.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        if (isFlag(name)) {
            if (name == QLatin1String("json"))
                a.json = true;
            else if (name == QLatin1String("help"))
                a.help = true;
            else if (name == QLatin1String("version"))
                a.version = true;
            else
                a.flags.insert(name);
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= arguments.size()) {
                a.error = QCoreApplication::translate("Cli", "--%1 needs a value.").arg(name);
                return a;
            }
            value = arguments.at(++i);
        }
        if (name == QLatin1String("db"))
            a.db = value;
        else if (name == QLatin1String("now"))
            a.now = value;
        else if (name == QLatin1String("staff"))
            a.staff = value;
        else {
            a.options.insert(name, value);
            a.all[name].append(value);
        }
    }
    return a;
}

} // namespace pd
