// Command-line words: global options, the command's words and its --options.
#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

namespace pd {

struct CliArgs {
    QString db;
    QString now;
    QString staff;
    bool json = false;
    bool help = false;
    bool version = false;
    QStringList words;               // command and positional words
    QHash<QString, QString> options; // --name value (the last, when given more than once)
    QHash<QString, QStringList> all; // every value of each --name, in order (--mrn A --mrn B)
    QSet<QString> flags;             // --name (no value)
    QString error;                   // set when the words can't be read

    static CliArgs parse(const QStringList& arguments);
    // Whether --name is a flag, which takes no value anywhere (--json, --new-pin, --due, --late, …).
    static bool isFlag(const QString& name);

    QString word(int i) const { return i < words.size() ? words.at(i) : QString(); }
    QString option(const QString& name) const { return options.value(name); }
    QStringList values(const QString& name) const { return all.value(name); }
    bool has(const QString& name) const { return options.contains(name) || flags.contains(name); }
};

} // namespace pd
