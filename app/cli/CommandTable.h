// Every command the CLI knows, in one table: the driver dispatches from it, and the manual page and the
// shell completions are written from it, so none of them can name a command or option the others lack.
#pragma once

#include "cli/CliContext.h"

#include <functional>

namespace pd {

struct CliCommand {
    QStringList path;    // e.g. {"invitation", "reissue"}
    int positional = 0;  // words after the path; -1: one or more
    QStringList options; // allowed --options (flags included)
    bool needsStaff = true;
    std::function<Status(CliContext&)> run;
    QString operands;     // the words after the path as the manual shows them ("MRN", "FILE…")
    QString summary;      // one line for the manual
    bool offline = false; // runs without a database (the manual, the completions)
};

const QList<CliCommand>& cliCommands();

// The value an option takes as the manual shows it ("MRN", "YYYY-MM-DD"); empty for a flag.
QString cliOptionValue(const QString& option);

// The options every command takes, with their values ("" for a flag), in the manual's order.
QList<std::pair<QString, QString>> cliGlobalOptions();

namespace CliCommands {
Status manual(CliContext& c);
Status completion(CliContext& c);
} // namespace CliCommands

} // namespace pd
