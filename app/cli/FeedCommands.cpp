// Patients from the EHR: import hl7, and the Feed desk (feed refused, feed retry, feed dismiss).
#include "cli/CliContext.h"
#include "cli/ProgressLine.h"

#include "ehr/FeedProcessor.h"
#include "ehr/Importer.h"
#include "ehr/MllpServer.h"
#include "services/PatientFeedService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace pd::CliCommands {

namespace {

void write(FILE* to, const QString& s) {
    ProgressLine::write(to, s);
}

// "12,345 messages read (45%)".
class Progress {
public:
    Progress(qint64 total, bool messages)
        : m_total(total)
        , m_messages(messages) {}
    void show(qint64 done, qint64 position, bool last = false) {
        const int percent = m_total > 0 ? int(position * 100 / m_total) : 100;
        m_line.show((m_messages ? QCoreApplication::translate("Cli", "%L1 messages read (%2%)")
                                : QCoreApplication::translate("Cli", "%L1 records read (%2%)"))
                        .arg(done)
                        .arg(percent),
                    last);
    }

private:
    qint64 m_total;
    bool m_messages;
    ProgressLine m_line;
};

QString codeName(hl7::AckCode code) {
    return code == hl7::AckCode::Accept  ? QStringLiteral("AA")
           : code == hl7::AckCode::Error ? QStringLiteral("AE")
                                         : QStringLiteral("AR");
}

Result<qint64> messageNumber(const QString& word) {
    bool ok = false;
    const qint64 id = word.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(
            QStringLiteral("input.id"),
            QCoreApplication::translate("Cli", "\"%1\" is not a message number.").arg(word.left(20)));
    return id;
}

std::atomic<bool> stopRequested{false};

extern "C" void requestStop(int) {
    stopRequested = true;
}

} // namespace

void watchStopSignals() {
    stopRequested = false;
    std::signal(SIGTERM, requestStop);
    std::signal(SIGINT, requestStop);
}

bool stopSignalled() {
    return stopRequested;
}

Status feedListen(CliContext& c) {
    PD_TRY(PatientFeedService(*c.services).mayApply());
    hl7::MllpSettings settings;
    if (c.args.has(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = c.args.option(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return Error::validation(
                QStringLiteral("input.port"),
                QCoreApplication::translate("Cli", "--port must be a port number from 0 to 65535."));
        settings.port = quint16(port);
    }
    if (c.args.has(QStringLiteral("bind"))) {
        settings.bind = QHostAddress(c.args.option(QStringLiteral("bind")));
        if (settings.bind.isNull())
            return Error::validation(
                QStringLiteral("input.bind"),
                QCoreApplication::translate("Cli", "--bind must be an IP address of this machine "
                                                   "(0.0.0.0 for all)."));
    }
    if (c.args.has(QStringLiteral("allow"))) {
        auto allowed = hl7::parseAllowList(c.args.option(QStringLiteral("allow")));
        if (!allowed)
            return allowed.error();
        settings.allowed = allowed.value();
    }
    settings.certificateFile = c.args.option(QStringLiteral("tls-cert"));
    settings.keyFile = c.args.option(QStringLiteral("tls-key"));
    settings.clientCaFile = c.args.option(QStringLiteral("tls-client-ca"));
    if (!settings.certificateFile.isEmpty() &&
        (settings.keyFile.isEmpty() || settings.clientCaFile.isEmpty()))
        return Error::validation(QStringLiteral("input.tls"),
                                 QCoreApplication::translate("Cli", "TLS needs --tls-cert, --tls-key and "
                                                                    "--tls-client-ca together."));

    hl7::FeedProcessor processor(*c.services);
    hl7::MllpServer server(processor, settings);
    qint64 applied = 0, refused = 0, rejected = 0;
    QObject::connect(&server, &hl7::MllpServer::processed, [&](const hl7::Processed& r, const QString& peer) {
        (r.code == hl7::AckCode::Accept ? applied : r.code == hl7::AckCode::Error ? refused : rejected)++;
        write(stdout, QStringLiteral("%1  %2  %3  %4  %5\n")
                          .arg(c.local(c.services->now()), peer, codeName(r.code),
                               r.controlId.isEmpty() ? QStringLiteral("-") : r.controlId, r.text));
    });
    QObject::connect(&server, &hl7::MllpServer::peerRefused, [&](const QString& peer, const QString& why) {
        write(stderr, QCoreApplication::translate("Cli", "Refused a connection from %1: %2").arg(peer, why) +
                          QLatin1Char('\n'));
    });
    PD_TRY(server.listen());
    write(stdout, QCoreApplication::translate(
                      "Cli", "Listening for the EHR's ADT messages on %1. Stop with Ctrl+C or "
                             "SIGTERM.")
                          .arg(server.describe()) +
                      QLatin1Char('\n'));
    watchStopSignals();
    // The message in hand is always finished: signals are looked at between messages.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (stopSignalled())
            QCoreApplication::exit(0);
    });
    poll.start(100);
    QCoreApplication::exec();
    server.close();
    c.json.insert(QStringLiteral("applied"), applied);
    c.json.insert(QStringLiteral("refused"), refused);
    c.json.insert(QStringLiteral("rejected"), rejected);
    c.line(QCoreApplication::translate("Cli",
                                       "Stopped. Acknowledged %L1 (AA), refused %L2 (AE), asked for %L3 "
                                       "again (AR).")
               .arg(applied)
               .arg(refused)
               .arg(rejected));
    return {};
}

namespace {

Status runImport(CliContext& c, hl7::ImportKind kind, const QStringList& paths) {
    const bool messages = kind == hl7::ImportKind::Hl7;
    std::unique_ptr<Progress> progress;
    qint64 lastSize = -1;
    const auto onLine = [&](const hl7::ImportLine& l) {
        if (!c.args.json)
            write(stdout,
                  QStringLiteral("%1  %2  %3  %4\n")
                      .arg(l.where, l.outcome, l.key.isEmpty() ? QStringLiteral("-") : l.key, l.text));
    };
    const auto onProgress = [&](qint64 read, qint64 position, qint64 size) {
        if (!progress || size != lastSize) {
            progress = std::make_unique<Progress>(size, messages);
            lastSize = size;
        }
        progress->show(read, position, position >= size);
    };
    auto report = hl7::Importer(*c.services).run(kind, paths, onLine, onProgress);
    if (!report)
        return report.error();
    QJsonArray refusals;
    for (const hl7::ImportLine& l : std::as_const(report->refusals))
        refusals.append(QJsonObject{{QStringLiteral("at"), l.where},
                                    {QStringLiteral("key"), l.key},
                                    {QStringLiteral("rule"), l.rule},
                                    {QStringLiteral("message"), l.text}});
    c.json.insert(QStringLiteral("read"), report->read);
    c.json.insert(QStringLiteral("applied"), report->applied);
    c.json.insert(QStringLiteral("ignored"), report->ignored);
    c.json.insert(QStringLiteral("refused"), report->refused);
    c.json.insert(QStringLiteral("refusals"), refusals);
    if (report->stopped) {
        c.json.insert(QStringLiteral("stopped_at"), report->stoppedAt);
        return Error::unavailable(
            report->stopped->rule.isEmpty() ? QStringLiteral("db.unavailable") : report->stopped->rule,
            QCoreApplication::translate("Cli", "Stopped at %1: %2 Import the file again to go "
                                               "on; what was applied is not applied twice.")
                .arg(report->stoppedAt, report->stopped->message));
    }
    c.line((messages
                ? QCoreApplication::translate("Cli", "%L1 message(s): %L2 applied, %L3 ignored, %L4 refused.",
                                              nullptr, int(report->read))
                : QCoreApplication::translate("Cli", "%L1 record(s): %L2 applied, %L3 skipped, %L4 refused.",
                                              nullptr, int(report->read)))
               .arg(report->read)
               .arg(report->applied)
               .arg(report->ignored)
               .arg(report->refused));
    if (report->refused == 0)
        return {};
    if (!c.args.json)
        write(stdout, c.text.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return Error::validation(
        QStringLiteral("import.refused"),
        messages ? QCoreApplication::translate("Cli",
                                               "%n message(s) refused; the others were applied. The refused "
                                               "ones wait on the Feed desk (feed refused).",
                                               nullptr, int(report->refused))
                 : QCoreApplication::translate("Cli",
                                               "%n record(s) refused; the others were applied. Correct them "
                                               "and import the file again: what was applied is not applied "
                                               "twice.",
                                               nullptr, int(report->refused)));
}

} // namespace

Status importHl7(CliContext& c) {
    return runImport(c, hl7::ImportKind::Hl7, c.args.words);
}

Status importFhir(CliContext& c) {
    return runImport(c, hl7::ImportKind::Fhir, c.args.words);
}

Status importCsv(CliContext& c) {
    return runImport(c, hl7::ImportKind::Csv, c.args.words);
}

Status feedRefused(CliContext& c) {
    PatientFeedService feed(*c.services);
    auto count = feed.refusedCount();
    if (!count)
        return count.error();
    auto rows = feed.refused(100, 0);
    if (!rows)
        return rows.error();
    QJsonArray list;
    for (const FeedMessageRow& r : rows.value()) {
        list.append(QJsonObject{{QStringLiteral("id"), r.id},
                                {QStringLiteral("source"), r.source},
                                {QStringLiteral("control_id"), r.controlId},
                                {QStringLiteral("trigger"), r.trigger},
                                {QStringLiteral("received_at"), CliJson::time(r.receivedAt)},
                                {QStringLiteral("mrn"), r.mrn},
                                {QStringLiteral("rule"), r.rule},
                                {QStringLiteral("reason"), r.reason},
                                {QStringLiteral("attempts"), r.attempts}});
        c.line(QStringLiteral("#%1  %2  %3  %4  %5  %6")
                   .arg(r.id)
                   .arg(c.local(r.receivedAt), r.controlId, r.trigger,
                        r.mrn.isEmpty() ? QStringLiteral("-") : r.mrn, r.reason));
    }
    c.json.insert(QStringLiteral("total"), count.value());
    c.json.insert(QStringLiteral("refused"), list);
    auto last = feed.lastReceived();
    if (last && last->isValid())
        c.json.insert(QStringLiteral("last_received_at"), CliJson::time(last.value()));
    c.line(QCoreApplication::translate("Cli", "%n refused message(s) waiting.", nullptr, int(count.value())) +
           (count.value() > rows->size()
                ? QString(QLatin1Char(' ') +
                          QCoreApplication::translate("Cli", "The oldest %1 are shown.").arg(rows->size()))
                : QString()));
    return {};
}

Status feedRetry(CliContext& c) {
    auto id = messageNumber(c.args.word(0));
    if (!id)
        return id.error();
    auto row = PatientFeedService(*c.services).refusedMessage(id.value());
    if (!row)
        return row.error();
    hl7::FeedProcessor feed(*c.services);
    const hl7::Processed r = feed.process(row->raw);
    c.json.insert(QStringLiteral("ack"), codeName(r.code));
    c.json.insert(QStringLiteral("message"), r.text);
    c.line(QStringLiteral("%1  %2").arg(codeName(r.code), r.text));
    if (r.code == hl7::AckCode::Reject)
        return Error::unavailable(r.rule, r.text);
    if (r.code == hl7::AckCode::Error)
        return Error::validation(r.rule, QCoreApplication::translate("Cli", "Refused again: %1").arg(r.text));
    return {};
}

Status feedDismiss(CliContext& c) {
    auto id = messageNumber(c.args.word(0));
    if (!id)
        return id.error();
    PD_TRY(PatientFeedService(*c.services).dismiss(id.value()));
    c.line(QCoreApplication::translate("Cli", "Message #%1 dismissed.").arg(id.value()));
    return {};
}

Status mergeList(CliContext& c) {
    PatientFeedService feed(*c.services);
    auto count = feed.heldMergeCount();
    if (!count)
        return count.error();
    auto rows = feed.heldMerges(100, 0);
    if (!rows)
        return rows.error();
    QJsonArray list;
    for (const MergeRow& m : rows.value()) {
        list.append(QJsonObject{{QStringLiteral("id"), m.id},
                                {QStringLiteral("prior_mrn"), m.priorMrn},
                                {QStringLiteral("survivor_mrn"), m.survivorMrn},
                                {QStringLiteral("held_at"), CliJson::time(m.createdAt)},
                                {QStringLiteral("control_id"), m.controlId},
                                {QStringLiteral("conflicts"), QJsonArray::fromStringList(m.conflicts)}});
        c.line(QCoreApplication::translate("Cli", "#%1  %2  MRN %3 (%4) into MRN %5 (%6)")
                   .arg(m.id)
                   .arg(c.local(m.createdAt), m.priorMrn, m.priorName, m.survivorMrn, m.survivorName));
        for (const QString& why : m.conflicts)
            c.line(QStringLiteral("    ") + why);
    }
    c.json.insert(QStringLiteral("total"), count.value());
    c.json.insert(QStringLiteral("held"), list);
    c.line(QCoreApplication::translate("Cli", "%n merge(s) held for review.", nullptr, int(count.value())));
    return {};
}

Status mergeResolve(CliContext& c) {
    auto id = messageNumber(c.args.word(0));
    if (!id)
        return id.error();
    auto out = PatientFeedService(*c.services).resolveMerge(id.value());
    if (!out)
        return out.error();
    c.json.insert(QStringLiteral("survivor_mrn"), out->mrn);
    c.json.insert(QStringLiteral("prior_mrn"), out->priorMrn);
    c.json.insert(QStringLiteral("moved"), out->moved);
    c.line(
        QCoreApplication::translate("Cli", "MRN %1 merged into MRN %2: %n row(s) moved.", nullptr, out->moved)
            .arg(out->priorMrn, out->mrn));
    return {};
}

} // namespace pd::CliCommands
