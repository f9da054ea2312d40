// The manual page and the shell completions, written from the command table (see CommandTable.h).
// Both are in English: the manual's conventions, and the words a shell completes, are the commands'.
#include "cli/CommandTable.h"

#include <QCoreApplication>
#include <QMap>

namespace pd {

namespace {

// Text in roff: backslashes and hyphens escaped, no line starting with a control character, ASCII dots.
QString roff(QString text) {
    text.replace(QLatin1Char('\\'), QLatin1String("\\e"));
    text.replace(QLatin1Char('-'), QLatin1String("\\-"));
    text.replace(QStringLiteral("…"), QLatin1String("..."));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QLatin1String("\\&"));
    return text;
}

QString optionRoff(const QString& option) {
    const QString value = cliOptionValue(option);
    QString out = QLatin1String("[\\fB") + roff(QLatin1String("--") + option) + QLatin1String("\\fR");
    if (!value.isEmpty())
        out += QLatin1String(" \\fI") + roff(value) + QLatin1String("\\fR");
    return out + QLatin1Char(']');
}

QString commandName(const CliCommand& command) {
    return command.path.join(QLatin1Char(' '));
}

// The commands that have subcommands ("patient": "add show …"), and the leaves' names.
QMap<QString, QStringList> groups() {
    QMap<QString, QStringList> out;
    for (const CliCommand& command : cliCommands()) {
        if (command.path.size() > 1)
            out[command.path.first()].append(command.path.at(1));
    }
    return out;
}

QStringList topWords() {
    QStringList out;
    for (const CliCommand& command : cliCommands()) {
        if (!out.contains(command.path.first()))
            out.append(command.path.first());
    }
    return out;
}

QStringList optionWords(const QStringList& options) {
    QStringList out;
    for (const QString& option : options)
        out.append(QLatin1String("--") + option);
    return out;
}

QStringList globalWords() {
    QStringList out;
    for (const auto& [option, value] : cliGlobalOptions())
        out.append(QLatin1String("--") + option);
    return out;
}

// Every option, global or a command's, that takes a value; and those whose value is a file.
std::pair<QStringList, QStringList> valueOptions() {
    QStringList all;
    QStringList files;
    const auto add = [&](const QString& option) {
        const QString value = cliOptionValue(option);
        const QString word = QLatin1String("--") + option;
        if (value.isEmpty() || all.contains(word))
            return;
        all.append(word);
        if (value.contains(QLatin1String("FILE")))
            files.append(word);
    };
    for (const auto& [option, value] : cliGlobalOptions())
        add(option);
    for (const CliCommand& command : cliCommands()) {
        for (const QString& option : command.options)
            add(option);
    }
    return {all, files};
}

QString shellQuoted(QString text) {
    text.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString bashScript() {
    const auto [values, files] = valueOptions();
    QStringList lines;
    lines << QStringLiteral(
                 "# bash completion for portaldesk-cli (written by \"portaldesk-cli completion bash\")")
          << QStringLiteral("_portaldesk_cli() {")
          << QStringLiteral("    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}")
          << QStringLiteral("    local top=%1").arg(shellQuoted(topWords().join(QLatin1Char(' '))))
          << QStringLiteral("    local global=%1").arg(shellQuoted(globalWords().join(QLatin1Char(' '))))
          << QStringLiteral("    local values=%1").arg(shellQuoted(values.join(QLatin1Char(' '))))
          << QStringLiteral("    local files=%1").arg(shellQuoted(files.join(QLatin1Char(' '))))
          << QStringLiteral("    local -A subs=(");
    const auto subcommands = groups();
    for (auto it = subcommands.cbegin(); it != subcommands.cend(); ++it)
        lines << QStringLiteral("        [%1]=%2")
                     .arg(it.key(), shellQuoted(it.value().join(QLatin1Char(' '))));
    lines << QStringLiteral("    )") << QStringLiteral("    local -A opts=(");
    for (const CliCommand& command : cliCommands())
        lines << QStringLiteral("        [%1]=%2")
                     .arg(shellQuoted(commandName(command)),
                          shellQuoted(optionWords(command.options).join(QLatin1Char(' '))));
    lines << QStringLiteral("    )") << QStringLiteral("    local i w words=()")
          << QStringLiteral("    for ((i = 1; i < COMP_CWORD; i++)); do")
          << QStringLiteral("        w=${COMP_WORDS[i]}")
          << QStringLiteral("        if [[ $w == --* ]]; then")
          << QStringLiteral("            [[ \" $values \" == *\" $w \"* ]] && ((i++))")
          << QStringLiteral("            continue") << QStringLiteral("        fi")
          << QStringLiteral("        words+=(\"$w\")") << QStringLiteral("    done")
          << QStringLiteral("    if [[ \" $values \" == *\" $prev \"* ]]; then")
          << QStringLiteral(
                 "        [[ \" $files \" == *\" $prev \"* ]] && COMPREPLY=($(compgen -f -- \"$cur\"))")
          << QStringLiteral("        return 0") << QStringLiteral("    fi")
          << QStringLiteral("    if ((${#words[@]} == 0)); then")
          << QStringLiteral("        COMPREPLY=($(compgen -W \"$top $global\" -- \"$cur\"))")
          << QStringLiteral("        return 0") << QStringLiteral("    fi")
          << QStringLiteral("    local command=${words[0]}")
          << QStringLiteral("    if [[ -n ${subs[$command]:-} ]]; then")
          << QStringLiteral("        if ((${#words[@]} == 1)); then")
          << QStringLiteral("            COMPREPLY=($(compgen -W \"${subs[$command]}\" -- \"$cur\"))")
          << QStringLiteral("            return 0") << QStringLiteral("        fi")
          << QStringLiteral("        command=\"$command ${words[1]}\"") << QStringLiteral("    fi")
          << QStringLiteral("    if [[ $cur == -* ]]; then")
          << QStringLiteral("        COMPREPLY=($(compgen -W \"${opts[$command]:-} $global\" -- \"$cur\"))")
          << QStringLiteral("    elif [[ $command == completion ]]; then")
          << QStringLiteral("        COMPREPLY=($(compgen -W \"bash zsh\" -- \"$cur\"))")
          << QStringLiteral("    elif [[ $command == \"import \"* ]]; then")
          << QStringLiteral("        COMPREPLY=($(compgen -f -- \"$cur\"))") << QStringLiteral("    fi")
          << QStringLiteral("    return 0") << QStringLiteral("}")
          << QStringLiteral("complete -F _portaldesk_cli portaldesk-cli") << QString();
    return lines.join(QLatin1Char('\n'));
}

QString zshScript() {
    const auto [values, files] = valueOptions();
    QStringList lines;
    lines << QStringLiteral("#compdef portaldesk-cli")
          << QStringLiteral(
                 "# zsh completion for portaldesk-cli (written by \"portaldesk-cli completion zsh\")")
          << QStringLiteral("_portaldesk-cli() {")
          << QStringLiteral("    local -a global values files words_ top")
          << QStringLiteral("    global=(%1)").arg(globalWords().join(QLatin1Char(' ')))
          << QStringLiteral("    values=(%1)").arg(values.join(QLatin1Char(' ')))
          << QStringLiteral("    files=(%1)").arg(files.join(QLatin1Char(' ')))
          << QStringLiteral("    local -A summaries subs opts");
    // "patient add" → its summary; top-level leaves by their own name.
    lines << QStringLiteral("    summaries=(");
    for (const CliCommand& command : cliCommands())
        lines << QStringLiteral("        %1 %2")
                     .arg(shellQuoted(commandName(command)), shellQuoted(command.summary));
    lines << QStringLiteral("    )") << QStringLiteral("    subs=(");
    const auto subcommands = groups();
    for (auto it = subcommands.cbegin(); it != subcommands.cend(); ++it)
        lines
            << QStringLiteral("        %1 %2").arg(it.key(), shellQuoted(it.value().join(QLatin1Char(' '))));
    lines << QStringLiteral("    )") << QStringLiteral("    opts=(");
    for (const CliCommand& command : cliCommands())
        lines << QStringLiteral("        %1 %2")
                     .arg(shellQuoted(commandName(command)),
                          shellQuoted(optionWords(command.options).join(QLatin1Char(' '))));
    lines << QStringLiteral("    )") << QStringLiteral("    top=(%1)").arg(topWords().join(QLatin1Char(' ')))
          << QStringLiteral("    local i w prev=${words[CURRENT-1]}")
          << QStringLiteral("    for ((i = 2; i < CURRENT; i++)); do")
          << QStringLiteral("        w=${words[i]}") << QStringLiteral("        if [[ $w == --* ]]; then")
          << QStringLiteral("            (( ${values[(Ie)$w]} )) && ((i++))")
          << QStringLiteral("            continue") << QStringLiteral("        fi")
          << QStringLiteral("        words_+=($w)") << QStringLiteral("    done")
          << QStringLiteral("    if (( ${values[(Ie)$prev]} )); then")
          << QStringLiteral("        if (( ${files[(Ie)$prev]} )); then _files; else _message 'value'; fi")
          << QStringLiteral("        return") << QStringLiteral("    fi")
          << QStringLiteral("    local -a described") << QStringLiteral("    if (( ${#words_} == 0 )); then")
          << QStringLiteral("        if [[ $PREFIX == -* ]]; then compadd -- $global; return; fi")
          << QStringLiteral("        for w in $top; do")
          << QStringLiteral("            described+=(\"$w:${summaries[$w]:-${w} commands}\")")
          << QStringLiteral("        done") << QStringLiteral("        _describe 'command' described")
          << QStringLiteral("        return") << QStringLiteral("    fi")
          << QStringLiteral("    local command=${words_[1]}")
          << QStringLiteral("    if [[ -n ${subs[$command]} ]]; then")
          << QStringLiteral("        if (( ${#words_} == 1 )); then")
          << QStringLiteral("            for w in ${=subs[$command]}; do")
          << QStringLiteral("                described+=(\"$w:${summaries[$command $w]}\")")
          << QStringLiteral("            done")
          << QStringLiteral("            _describe 'subcommand' described")
          << QStringLiteral("            return") << QStringLiteral("        fi")
          << QStringLiteral("        command=\"$command ${words_[2]}\"") << QStringLiteral("    fi")
          << QStringLiteral("    if [[ $PREFIX == -* ]]; then")
          << QStringLiteral("        compadd -- ${=opts[$command]} $global")
          << QStringLiteral("    elif [[ $command == completion ]]; then")
          << QStringLiteral("        compadd -- bash zsh")
          << QStringLiteral("    elif [[ $command == import\\ * ]]; then") << QStringLiteral("        _files")
          << QStringLiteral("    fi") << QStringLiteral("}") << QStringLiteral("_portaldesk-cli \"$@\"")
          << QString();
    return lines.join(QLatin1Char('\n'));
}

QString manualPage() {
    QStringList m;
    const QString version = QCoreApplication::applicationVersion();
    m << QStringLiteral(".TH PORTALDESK\\-CLI 1 \"\" \"PortalDesk %1\" \"PortalDesk\"").arg(roff(version))
      << QStringLiteral(".SH NAME")
      << QStringLiteral(
             "portaldesk\\-cli \\- every PortalDesk operation and the daily job, from a terminal or a "
             "scheduler")
      << QStringLiteral(".SH SYNOPSIS") << QStringLiteral(".B portaldesk\\-cli");
    QStringList globals;
    for (const auto& [option, value] : cliGlobalOptions())
        globals << optionRoff(option);
    m << globals.join(QLatin1Char(' ')) +
             QLatin1String(" \\fICOMMAND\\fR [\\fIWORD\\fR...] [\\fIOPTION\\fR...]");
    m << QStringLiteral(".SH DESCRIPTION")
      << roff(QStringLiteral(
             "PortalDesk runs the access side of a children's hospital's patient portal: enrolling families, "
             "invitations with temporary PINs, deactivations, proxy consents, access restrictions and the "
             "age "
             "rules at the 12th and 18th birthdays. portaldesk-cli runs every staff operation for scripts "
             "and "
             "schedulers, on the embedded database file or on the central PostgreSQL database that many "
             "workstations share. Messages follow PORTALDESK_LANGUAGE (en, es) or the system's language."));
    m << QStringLiteral(".SH OPTIONS");
    const QMap<QString, QString> globalText{
        {QStringLiteral("db"),
         QStringLiteral(
             "The embedded database file, or the central database's address "
             "postgresql://LOGIN@HOST[:PORT]/DATABASE?sslmode=MODE (without sslmode it is verify-full). "
             "Default: portaldesk.sqlite in the user's data folder.")},
        {QStringLiteral("now"),
         QStringLiteral(
             "Run as if at this instant; a time without an offset is read in the hospital's time zone. "
             "A live central database refuses it; a training one takes it.")},
        {QStringLiteral("staff"),
         QStringLiteral(
             "The staff member who acts, on the embedded file (default: PORTALDESK_STAFF, else the "
             "login name). On the central database the login in the address acts.")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON document instead of text.")},
        {QStringLiteral("help"), QStringLiteral("Print the commands and exit.")},
        {QStringLiteral("version"), QStringLiteral("Print the version and exit.")},
    };
    for (const auto& [option, value] : cliGlobalOptions()) {
        m << QStringLiteral(".TP")
          << QLatin1String("\\fB") + roff(QLatin1String("--") + option) + QLatin1String("\\fR") +
                 (value.isEmpty() ? QString() : QLatin1String(" \\fI") + roff(value) + QLatin1String("\\fR"))
          << roff(globalText.value(option));
    }
    m << QStringLiteral(".SH COMMANDS");
    for (const CliCommand& command : cliCommands()) {
        QString head = QLatin1String("\\fB") + roff(commandName(command)) + QLatin1String("\\fR");
        if (!command.operands.isEmpty())
            head += QLatin1String(" \\fI") + roff(command.operands) + QLatin1String("\\fR");
        for (const QString& option : command.options)
            head += QLatin1Char(' ') + optionRoff(option);
        m << QStringLiteral(".TP") << head << roff(command.summary);
    }
    m << QStringLiteral(".SH EXIT STATUS")
      << roff(QStringLiteral(
             "0 done, 1 internal error, 2 usage, 3 refused by a rule or bad input, 4 conflict, "
             "5 not found, 6 not permitted, 7 database or mail server unavailable."))
      << QStringLiteral(".SH ENVIRONMENT");
    const QList<std::pair<QString, QString>> environment{
        {QStringLiteral("PORTALDESK_STAFF"),
         QStringLiteral("The acting staff member when --staff is not given.")},
        {QStringLiteral("PORTALDESK_LANGUAGE"), QStringLiteral("The messages' language: en or es.")},
        {QStringLiteral("PGPASSWORD"),
         QStringLiteral("The central database's password (else the terminal asks).")},
        {QStringLiteral("PGPASSFILE"),
         QStringLiteral("A libpq password file for the central database, as the system services use.")},
        {QStringLiteral("PORTALDESK_BUSY_TIMEOUT_MS"),
         QStringLiteral("How long to wait for another workstation's write (10000 by default).")},
        {QStringLiteral("QT_LOGGING_RULES"),
         QStringLiteral(
             "Diagnostics by category: portaldesk.store, portaldesk.mail, portaldesk.smtp, "
             "portaldesk.daily, portaldesk.feed, portaldesk.ui; for example "
             "QT_LOGGING_RULES=portaldesk.daily.debug=true. They never hold a PIN, token, password, "
             "message body or patient data.")},
    };
    for (const auto& [name, text] : environment)
        m << QStringLiteral(".TP") << QLatin1String("\\fB") + roff(name) + QLatin1String("\\fR")
          << roff(text);
    m << QStringLiteral(".SH EXAMPLES") << QStringLiteral(".nf")
      << roff(QStringLiteral("portaldesk-cli --staff maria search Lopez"))
      << roff(QStringLiteral(
             "portaldesk-cli --staff maria --now 2029-03-02T08:00 transitions upcoming --days 90"))
      << roff(QStringLiteral(
             "portaldesk-cli --db \"postgresql://portaldesk-daily@db.example.org/portaldesk\" daily"))
      << QStringLiteral(".fi") << QStringLiteral(".SH SEE ALSO") << QStringLiteral("\\fBportaldesk\\fR(1)")
      << QString();
    return m.join(QLatin1Char('\n'));
}

} // namespace

namespace CliCommands {

Status manual(CliContext& c) {
    c.text.append(manualPage());
    return {};
}

Status completion(CliContext& c) {
    const QString shell = c.args.word(0);
    if (shell == QLatin1String("bash"))
        c.text.append(bashScript());
    else if (shell == QLatin1String("zsh"))
        c.text.append(zshScript());
    else
        return Error::validation(
            QStringLiteral("cli.completion_shell"),
            QCoreApplication::translate("Cli", "No completion for \"%1\": bash or zsh.").arg(shell.left(40)));
    return {};
}

} // namespace CliCommands

} // namespace pd
