// request add/list/resolve: families' requests and their 2-business-day clock (SPEC §5).
#include "cli/CliContext.h"

#include "services/RequestService.h"

#include <QCoreApplication>

namespace pd::CliCommands {

namespace {

QJsonValue orNull(const QString& s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject requestJson(const RequestRow& row) {
    const FamilyRequest& r = row.request;
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("late"), row.late},
            {QStringLiteral("channel"), r.channel},
            {QStringLiteral("mrn"), orNull(row.mrn)},
            {QStringLiteral("patient_name"), orNull(row.patientName)},
            {QStringLiteral("username"), orNull(row.username)},
            {QStringLiteral("user_name"), orNull(row.userName)},
            {QStringLiteral("received_at"), CliJson::time(r.receivedAt)},
            {QStringLiteral("due_at"), CliJson::time(r.dueAt)},
            {QStringLiteral("note"), orNull(r.note)},
            {QStringLiteral("resolved_at"), CliJson::time(r.resolvedAt)},
            {QStringLiteral("resolved_by"), orNull(r.resolvedBy)},
            {QStringLiteral("resolution_note"), orNull(r.resolutionNote)},
            {QStringLiteral("action"), orNull(r.resolvedAction)},
            {QStringLiteral("action_event_id"),
             r.resolvedEventId == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.resolvedEventId)},
            {QStringLiteral("created_by"), r.createdBy},
            {QStringLiteral("row_version"), r.rowVersion}};
}

// Who the request is about, as one short phrase ("MRN 100200, maria.lopez").
QString subject(const RequestRow& row) {
    QStringList parts;
    if (!row.mrn.isEmpty())
        parts << QCoreApplication::translate("Cli", "MRN %1").arg(row.mrn);
    if (!row.username.isEmpty())
        parts << row.username;
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

} // namespace

Status requestAdd(CliContext& c) {
    if (!c.args.has(QStringLiteral("kind")))
        return Error::validation(QStringLiteral("input.missing"),
                                 QCoreApplication::translate("Cli", "request add needs --kind (%1).")
                                     .arg(RequestService::kinds().join(QStringLiteral(", "))));
    NewRequest in;
    in.kind = c.args.option(QStringLiteral("kind"));
    in.mrn = c.args.option(QStringLiteral("mrn"));
    in.user = c.args.option(QStringLiteral("user"));
    in.received = c.args.option(QStringLiteral("received"));
    in.channel = c.args.option(QStringLiteral("channel"));
    in.note = c.args.option(QStringLiteral("note"));
    auto row = RequestService(*c.services).add(in);
    if (!row)
        return row.error();
    c.json.insert(QStringLiteral("request"), requestJson(row.value()));
    c.line(QCoreApplication::translate("Cli", "Request #%1 (%2, %3) logged: received %4, due %5.")
               .arg(row->request.id)
               .arg(row->request.kind, subject(row.value()), c.local(row->request.receivedAt),
                    c.local(row->request.dueAt)));
    return {};
}

Status requestList(CliContext& c) {
    const bool late = c.args.has(QStringLiteral("late"));
    const bool all = c.args.has(QStringLiteral("all"));
    if (late && all)
        return Error::validation(QStringLiteral("input.options"),
                                 QCoreApplication::translate("Cli", "Give --late or --all, not both."));
    int limit = 200;
    if (c.args.has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = c.args.option(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 5000)
            return Error::validation(
                QStringLiteral("input.limit"),
                QCoreApplication::translate("Cli", "--limit is a number from 1 to 5000."));
    }
    const RequestFilter::Show show =
        late ? RequestFilter::Show::Late : (all ? RequestFilter::Show::All : RequestFilter::Show::Open);
    auto rows = RequestService(*c.services).list(show, limit);
    if (!rows)
        return rows.error();
    QJsonArray list;
    for (const RequestRow& row : rows.value()) {
        list.append(requestJson(row));
        const FamilyRequest& r = row.request;
        const QString when = r.isOpen()
                                 ? QCoreApplication::translate("Cli", "due %1").arg(c.local(r.dueAt)) +
                                       (row.late ? QCoreApplication::translate("Cli", "  LATE") : QString())
                                 : QCoreApplication::translate("Cli", "resolved %1 by %2")
                                       .arg(c.local(r.resolvedAt), r.resolvedBy);
        c.line(QStringLiteral("#%1  %2  %3  %4  %5")
                   .arg(r.id, 4)
                   .arg(r.kind, -18)
                   .arg(r.status, -8)
                   .arg(subject(row), -28)
                   .arg(when));
    }
    if (list.isEmpty())
        c.line(late  ? QCoreApplication::translate("Cli", "No request is late.")
               : all ? QCoreApplication::translate("Cli", "No requests.")
                     : QCoreApplication::translate("Cli", "No open requests."));
    c.json.insert(QStringLiteral("requests"), list);
    return {};
}

Status requestResolve(CliContext& c) {
    bool ok = false;
    const qint64 id = c.args.word(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(
            QStringLiteral("input.id"),
            QCoreApplication::translate("Cli",
                                        "Give the request's number, for example \"request resolve 12\"."));
    if (!c.args.has(QStringLiteral("note")))
        return Error::validation(
            QStringLiteral("request.resolution_note_required"),
            QCoreApplication::translate("Cli", "request resolve needs --note (how it was resolved)."));
    ResolveRequest in;
    in.id = id;
    in.note = c.args.option(QStringLiteral("note"));
    in.action = c.args.option(QStringLiteral("action"));
    auto row = RequestService(*c.services).resolve(in);
    if (!row)
        return row.error();
    c.json.insert(QStringLiteral("request"), requestJson(row.value()));
    const FamilyRequest& r = row->request;
    c.line(r.resolvedAction.isEmpty()
               ? QCoreApplication::translate("Cli", "Request #%1 resolved.").arg(r.id)
               : QCoreApplication::translate("Cli", "Request #%1 resolved by %2 (audit event %3).")
                     .arg(r.id)
                     .arg(r.resolvedAction)
                     .arg(r.resolvedEventId));
    return {};
}

} // namespace pd::CliCommands
