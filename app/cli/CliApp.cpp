#include "cli/CliApp.h"
#include "translations/Translations.h"

#include "cli/CliContext.h"
#include "cli/CommandTable.h"
#include "cli/ProgressLine.h"
#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/StartupService.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QLocale>
#include <QSysInfo>

#include <cstdio>
#include <functional>

namespace pd {

namespace {

enum Exit {
    Done = 0,
    InternalError = 1,
    Usage = 2,
    Refused = 3,
    ConflictExit = 4,
    NotFoundExit = 5,
    NotPermittedExit = 6,
    UnavailableExit = 7
};

QString usageText() {
    return QCoreApplication::translate(
        "Cli",
        "Usage: portaldesk-cli [--db FILE] [--now ISO-8601] [--staff NAME] [--json] COMMAND …\n"
        "\n"
        "  init [--training] [--password-stdin]   create or migrate the database (--training: a new\n"
        "                                       central database for practice, which takes --now)\n"
        "  demo-data [--patients N] [--seed S]    realistic synthetic Los Angeles families\n"
        "  patient add --mrn M --given G --family F --birth-date YYYY-MM-DD [--language es]\n"
        "              [--email E] [--phone P] [--sex female|male|other|unknown]\n"
        "  patient show MRN                       patient, logins, grants, invitations, timeline\n"
        "  patient verify MRN --birth-date YYYY-MM-DD   identity check: whether the caller's date\n"
        "                                       matches, never the date (audited, a few tries an hour)\n"
        "  patient update MRN [--given G] [--family F] [--birth-date D] [--sex S] [--language L]\n"
        "                 [--email E] [--phone P]  a correction; a new birth date applies the age rules\n"
        "  patient reviews [--limit N] [--offset N] | patient reviewed MRN [--note TEXT]   records the EHR\n"
        "                                       changed that wait for a specialist's review\n"
        "  import hl7 FILE… | import fhir FILE | import csv FILE   patients from the EHR (ADT messages,\n"
        "                                       a FHIR Bundle or NDJSON, CSV), each applied on its own\n"
        "  feed listen [--port 2575] [--bind ADDRESS] [--allow RANGES] [--tls-cert F --tls-key F\n"
        "              --tls-client-ca F]       MLLP listener for the EHR's ADT feed (this machine only\n"
        "                                       unless --allow 10.1.2.0/24,…)\n"
        "  feed refused | feed retry ID | feed dismiss ID   the EHR's messages that were refused\n"
        "  merge list | merge resolve ID          the EHR's merges held for review (conflicting records)\n"
        "  search TEXT                            any part of name, MRN, e-mail or phone\n"
        "  enroll --mrn M --form parent|patient --signed YYYY-MM-DD [--given G --family F\n"
        "         --email E --relationship parent|guardian|family --language L]\n"
        "         [--override REASON]             (PIN read from standard input)\n"
        "  invitation list [--status S] [--mrn M] [--due] [--late] [--limit N] [--offset N]\n"
        "  invitation send-now USER | reissue USER [--new-pin --verified-by HOW] | revoke USER\n"
        "       a deactivated login: --new-pin and --restore GRANT,…|none (the access that comes back)\n"
        "  activate --token T                     the portal's activation (PIN from standard input)\n"
        "  user show USER | user update USER [--email E] [--language L]\n"
        "  user deactivate USER --reason R [--reported-by WHO] [--verified-by HOW] [--note TEXT]\n"
        "       reasons: suspected_compromise, family_request, duplicate, deceased, other\n"
        "  user reverse-death USER --note TEXT   (supervisors) a death recorded in error\n"
        "  consent submit --mrn M --proxy-email E --proxy-given G --proxy-family F --relationship R\n"
        "                 --signed YYYY-MM-DD --document FILE [--signed-by NAME] [--scope full|limited]\n"
        "                 [--kind adult_proxy|guardian] [--language L]   (PIN on the form from standard "
        "input)\n"
        "  consent list [--status S] | show ID | approve ID [--override REASON] | reject ID --reason R\n"
        "  consent revoke ID                      ends the proxy's access at once\n"
        "  consent list --expiring DAYS           approved consents whose access ends within DAYS\n"
        "  restriction add --mrn M [--mrn M …] --given G --family F [--email E] --document FILE\n"
        "                  --reason court_order|custody_order|protective_order|other [--until YYYY-MM-DD]\n"
        "                  [--note TEXT]       bars that person from each record at once (HIM staff)\n"
        "  restriction list [--mrn M] [--ending DAYS | --all] | show ID | document ID --out FILE\n"
        "  restriction lift ID --reason TEXT     (supervisors) the access it ended stays ended\n"
        "  report [--weeks N]                     invitations per week, activation, requests on time, "
        "birthdays\n"
        "  request add --kind K [--mrn M] [--user USER] [--received ISO-8601] [--channel C] [--note TEXT]\n"
        "       kinds: never_received, invitation_expired, deactivate, visibility, other\n"
        "       channels: phone (default), email, portal, in_person, mail, other\n"
        "  request list [--late | --all] [--limit N]   open requests by due time (2 business days)\n"
        "  request resolve ID --note TEXT [--action TYPE:ID | --action audit:N]\n"
        "  transitions upcoming [--days N] [--limit N] [--offset N]   12th and 18th birthdays ahead\n"
        "                                       (default 30 days; lists come 100 rows at a time)\n"
        "  visibility USER MRN                    what that login can see for that patient, and why\n"
        "  daily [--no-mail]                      expire, transitions, notices, late marks, send mail\n"
        "  mail send | mail list [--status S] | mail test --to ADDRESS   (supervisors: check mail settings)\n"
        "  mail serve [--every SECONDS]           the mail service: sends what is due until stopped\n"
        "       (on the central database only a mail service account sends: staff add NAME --role mailer)\n"
        "  audit verify [--anchors FILE] | audit anchor | audit list [--record TYPE[:ID]] [--limit N]\n"
        "  settings list | settings get KEY | settings set KEY VALUE\n"
        "  staff add NAME --role support_agent|him_specialist|him_supervisor|ehr_feed|mailer|daily_job\n"
        "            [--password-stdin]        (ehr_feed, mailer, daily_job: the service accounts of the\n"
        "                                       EHR feed, the mail service and the daily job)\n"
        "  staff list | staff disable NAME | staff password NAME   (a one-time desktop password;\n"
        "                                       the embedded file)\n"
        "  manual                                 the manual page (roff), for man -l -\n"
        "  completion bash|zsh                    the shell's completion script\n"
        "\n"
        "USER is a portal username or e-mail address. --now replaces the clock for this run; a time\n"
        "without an offset is read in the hospital's time zone. A live central database keeps the\n"
        "server's clock and refuses --now. The acting staff member is --staff,\n"
        "else $PORTALDESK_STAFF, else your login name. Messages follow $PORTALDESK_LANGUAGE (en, es)\n"
        "or the system's language.\n"
        "\n"
        "Exit codes: 0 done, 2 usage, 3 refused by a rule or bad input, 4 conflict, 5 not found,\n"
        "6 not permitted, 7 database or mail server unavailable.\n");
}

int exitFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Validation:
        return Refused;
    case ErrorKind::Conflict:
        return ConflictExit;
    case ErrorKind::NotFound:
        return NotFoundExit;
    case ErrorKind::NotPermitted:
        return NotPermittedExit;
    case ErrorKind::Unavailable:
        return UnavailableExit;
    case ErrorKind::Internal:
        return InternalError;
    }
    return InternalError;
}

void printOut(const QString& s) {
    const QByteArray utf8 = s.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& s) {
    const QByteArray utf8 = s.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    std::fflush(stderr);
}

// `partial` is what the command found before it refused (audit verify's bad event, say).
int fail(const CliArgs& args, const Error& e, QJsonObject partial = {}) {
    if (args.json) {
        QJsonObject doc = partial;
        doc.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("kind"), errorKindName(e.kind)},
                                                        {QStringLiteral("rule"), e.rule},
                                                        {QStringLiteral("message"), e.message}});
        printOut(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
    }
    printErr(QCoreApplication::translate("Cli", "portaldesk-cli: %1").arg(e.message) + QLatin1Char('\n'));
    return exitFor(e.kind);
}

int usage(const CliArgs& args, const QString& message) {
    if (args.json)
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("usage")},
                                                   {QStringLiteral("message"), message}}}})
                .toJson()));
    printErr(QCoreApplication::translate("Cli", "portaldesk-cli: %1").arg(message) + QLatin1Char('\n') +
             QCoreApplication::translate("Cli", "Run portaldesk-cli --help for the commands.") +
             QLatin1Char('\n'));
    return Usage;
}

QString defaultStaffName() {
    QString name = qEnvironmentVariable("PORTALDESK_STAFF");
    if (name.isEmpty())
        name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("admin") : name.toLower();
}

// The staff member's language: PORTALDESK_LANGUAGE (en, es, …) when set, else the system's.
void installTranslation() {
    Translations::install(qEnvironmentVariable("PORTALDESK_LANGUAGE"));
}

} // namespace

int runCli(const QStringList& arguments) {
    installTranslation();
    CliContext c;
    c.args = CliArgs::parse(arguments);
    if (!c.args.error.isEmpty())
        return usage(c.args, c.args.error);
    if (c.args.version) {
        printOut(QStringLiteral("portaldesk-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return Done;
    }
    if (c.args.help || c.args.words.isEmpty()) {
        printOut(usageText());
        return c.args.help ? Done : Usage;
    }
    if (!Secrets::selfTest())
        return fail(c.args, Error::internal(
                                QStringLiteral("crypto.self_test"),
                                QCoreApplication::translate(
                                    "Cli", "The cryptography self-test failed; PortalDesk will not run.")));

    // Find the command: the longest path that matches the first words.
    const CliCommand* command = nullptr;
    for (const CliCommand& candidate : cliCommands()) {
        if (c.args.words.size() >= candidate.path.size() &&
            c.args.words.mid(0, candidate.path.size()) == candidate.path &&
            (!command || candidate.path.size() > command->path.size()))
            command = &candidate;
    }
    if (!command)
        return usage(c.args, QCoreApplication::translate("Cli", "Unknown command \"%1\".")
                                 .arg(c.args.words.join(QLatin1Char(' ')).left(60)));
    const QStringList positional = c.args.words.mid(command->path.size());
    if (command->positional < 0 && positional.isEmpty())
        return usage(c.args, QCoreApplication::translate("Cli", "\"%1\" needs at least one file.")
                                 .arg(command->path.join(QLatin1Char(' '))));
    if (command->positional >= 0 && positional.size() != command->positional)
        return usage(c.args, QCoreApplication::translate("Cli", "\"%1\" takes %n word(s) after it.", nullptr,
                                                         command->positional)
                                 .arg(command->path.join(QLatin1Char(' '))));
    for (auto it = c.args.options.cbegin(); it != c.args.options.cend(); ++it) {
        if (!command->options.contains(it.key()))
            return usage(c.args, QCoreApplication::translate("Cli", "\"%1\" has no option --%2.")
                                     .arg(command->path.join(QLatin1Char(' ')), it.key()));
    }
    for (const QString& flag : std::as_const(c.args.flags)) {
        if (!command->options.contains(flag))
            return usage(c.args, QCoreApplication::translate("Cli", "\"%1\" has no option --%2.")
                                     .arg(command->path.join(QLatin1Char(' ')), flag));
    }
    c.args.words = positional;
    if (command->offline) {
        if (auto s = command->run(c); !s)
            return fail(c.args, s.error());
        printOut(c.text.join(QLatin1Char('\n')));
        return Done;
    }

    // How long to wait for another workstation's write before calling the database unavailable.
    bool timeoutSet = false;
    const int busyTimeoutMs = qEnvironmentVariableIntValue("PORTALDESK_BUSY_TIMEOUT_MS", &timeoutSet);
    // The central database's password comes from the address, PGPASSWORD, or the terminal; it is never
    // stored.
    QString password;
    if (isServerLocation(c.args.db) && qEnvironmentVariableIsEmpty("PGPASSWORD")) {
        auto address = ServerAddress::parse(c.args.db);
        if (!address)
            return fail(c.args, address.error());
        if (address->password.isEmpty() && stdinIsTerminal())
            password =
                readPin(QCoreApplication::translate("Cli", "Database password for %1: ").arg(address->user));
    }
    auto opened =
        StartupService::open(c.args.db, timeoutSet && busyTimeoutMs > 0 ? busyTimeoutMs : 10000, password);
    Secrets::wipe(password);
    if (!opened)
        return fail(c.args, opened.error());
    c.connection = std::move(opened.value());
    const QString staffName = !c.args.staff.isEmpty()    ? c.args.staff.trimmed()
                              : c.connection->isServer() ? c.connection->serverLogin()
                                                         : defaultStaffName();

    SystemClock systemClock;
    const bool init = command->path.first() == QLatin1String("init");
    StartupService startup(*c.connection, systemClock);
    // A new version may index everyone again for search: minutes at a hospital's size.
    ProgressLine upgrade;
    auto prepared = startup.prepare(
        init ? StartupService::Schema::Create : StartupService::Schema::Existing, staffName,
        [&upgrade](qint64 done, qint64 total) {
            upgrade.show(QCoreApplication::translate("Cli", "Indexing people for search: %L1 of %L2")
                             .arg(done)
                             .arg(total),
                         done >= total);
        },
        init && c.args.flags.contains(QStringLiteral("training")));
    upgrade.finish();
    if (!prepared)
        return fail(c.args, prepared.error());

    // Policy first (the zone reads --now), then the clock.
    auto policy = startup.policy();
    if (!policy)
        return fail(c.args, policy.error());
    c.policy = policy.value();
    if (!c.args.now.isEmpty()) {
        auto now = Validation::isoDateTime(c.args.now, c.policy.zone, QStringLiteral("--now"));
        if (!now)
            return fail(c.args, now.error());
        c.clock = std::make_shared<FixedClock>(now.value());
    } else {
        c.clock = std::make_shared<SystemClock>();
    }
    // A live central database works by the server's clock alone.
    auto clock = startup.workingClock(c.clock, !c.args.now.isEmpty());
    if (!clock)
        return fail(c.args, clock.error());
    c.clock = clock.value();

    StaffMember staff;
    if (command->needsStaff || init) {
        auto signedIn = StartupService(*c.connection, *c.clock).signIn(staffName);
        if (!signedIn)
            return fail(c.args, signedIn.error());
        staff = signedIn->staff;
        // The service accounts do their own work and nothing else: the EHR feed's applies the EHR's
        // records, the mail service's sends mail, the nightly job's runs the daily job.
        const auto role = roleFromName(staff.role);
        const QString verb = command->path.value(0);
        const bool ownWork =
            role == Role::EhrFeed
                ? verb == QLatin1String("import") ||
                      command->path == QStringList{QStringLiteral("feed"), QStringLiteral("listen")}
            : role == Role::Mailer   ? verb == QLatin1String("mail")
            : role == Role::DailyJob ? verb == QLatin1String("daily")
                                     : true;
        if (!init && !ownWork)
            return fail(c.args, Error::notPermitted(QStringLiteral("staff.service_account"),
                                                    serviceAccountWork(*role, staff.name)));
    } else {
        staff.name = QStringLiteral("portal");
        staff.displayName = QStringLiteral("portal");
    }
    c.services =
        std::make_unique<ServiceContext>(*c.connection, *c.clock, staff, QSysInfo::machineHostName());

    if (init) {
        c.json.insert(QStringLiteral("database"), prepared->location);
        c.json.insert(QStringLiteral("schema_version"), prepared->schemaVersion);
        c.json.insert(QStringLiteral("staff"), staff.name);
        c.json.insert(QStringLiteral("role"), staff.role);
        c.line(QCoreApplication::translate("Cli", "Database ready: %1 (schema version %2).")
                   .arg(prepared->location)
                   .arg(prepared->schemaVersion));
        c.line(QCoreApplication::translate("Cli", "Signed in as %1 (%2).").arg(staff.name, staff.role));
        if (auto s = CliCommands::firstSupervisorPassword(c); !s)
            return fail(c.args, s.error(), c.json);
    } else if (auto s = command->run(c); !s) {
        return fail(c.args, s.error(), c.json);
    }

    if (c.args.json)
        printOut(QString::fromUtf8(QJsonDocument(c.json).toJson(QJsonDocument::Indented)));
    else if (!c.text.isEmpty())
        printOut(c.text.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return Done;
}

} // namespace pd
