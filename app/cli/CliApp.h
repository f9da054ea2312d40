// The command-line companion's driver: reads the words, opens the database, runs one command.
#pragma once

#include <QStringList>

namespace pd {

// Exit codes: 0 done, 1 internal error, 2 usage, 3 refused by a rule or bad input, 4 conflict,
// 5 not found, 6 not permitted, 7 database or mail server unavailable.
int runCli(const QStringList& arguments);

} // namespace pd
