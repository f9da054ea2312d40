// What a command handler works with: the parsed words, the open database, the acting staff member,
// and the two ways of answering (text lines for people, one JSON document for scripts).
#pragma once

#include "cli/CliArgs.h"
#include "core/Records.h"
#include "core/Rows.h"
#include "services/Connection.h"
#include "services/ServiceContext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace pd {

struct CliContext {
    CliArgs args;
    std::unique_ptr<Connection> connection;
    std::shared_ptr<const Clock> clock;
    std::unique_ptr<ServiceContext> services;
    Policy policy;
    QJsonObject json;
    QStringList text;

    void line(const QString& s) { text.append(s); }
    // A time as staff read it: local time in the hospital's zone.
    QString local(const QDateTime& t) const;
    QString localDate(const QDateTime& t) const;

    struct Page {
        int limit = 100;
        int offset = 0;
    };
    // --limit N (1 to 10,000) and --offset N (0 or more), with `defaultLimit` when --limit is absent.
    Result<Page> page(int defaultLimit = 100) const;
    // "Rows 1–100 of 48,212." after a list, and "total" in the JSON.
    void pageSummary(const Page& page, qsizetype shown, qint64 total);
};

// Reads the PIN from standard input (one line; echo off at a terminal).
QString readPin(const QString& prompt);
bool stdinIsTerminal();

namespace CliJson {
QJsonValue time(const QDateTime& t);
QJsonObject patient(const Patient& p);
QJsonObject user(const PortalUser& u);
QJsonObject grant(const Grant& g);
QJsonObject restriction(const Restriction& r);
QJsonObject invitation(const Invitation& i);
QJsonObject audit(const AuditEvent& e);
QJsonObject outbox(const OutboxMessage& m);
} // namespace CliJson

// One handler per command; each returns what went wrong, if anything.
namespace CliCommands {
// A long-running command (feed listen, mail serve) stops between two pieces of work after SIGTERM or Ctrl+C.
void watchStopSignals();
bool stopSignalled();
Status patientAdd(CliContext& c);
Status patientShow(CliContext& c);
Status patientVerify(CliContext& c);
Status patientReviews(CliContext& c);
Status patientReviewed(CliContext& c);
Status patientUpdate(CliContext& c);
Status search(CliContext& c);
Status enroll(CliContext& c);
Status invitationList(CliContext& c);
Status invitationSendNow(CliContext& c);
Status invitationReissue(CliContext& c);
Status invitationRevoke(CliContext& c);
Status activate(CliContext& c);
Status userShow(CliContext& c);
Status userUpdate(CliContext& c);
Status userDeactivate(CliContext& c);
Status userReverseDeath(CliContext& c);
Status restrictionAdd(CliContext& c);
Status restrictionList(CliContext& c);
Status restrictionShow(CliContext& c);
Status restrictionLift(CliContext& c);
Status restrictionDocument(CliContext& c);
// The lines that head a patient's page: each restriction in force on the record.
void restrictionBanner(CliContext& c, const QList<Restriction>& restrictions, const QDate& today,
                       const QString& mrn);
Status consentSubmit(CliContext& c);
Status consentList(CliContext& c);
Status consentShow(CliContext& c);
Status consentApprove(CliContext& c);
Status consentReject(CliContext& c);
Status consentRevoke(CliContext& c);
Status report(CliContext& c);
Status transitionsUpcoming(CliContext& c);
Status visibility(CliContext& c);
Status requestAdd(CliContext& c);
Status requestList(CliContext& c);
Status requestResolve(CliContext& c);
Status daily(CliContext& c);
Status mailSend(CliContext& c);
Status mailServe(CliContext& c);
Status mailList(CliContext& c);
Status mailTest(CliContext& c);
Status auditVerify(CliContext& c);
Status auditAnchor(CliContext& c);
Status auditList(CliContext& c);
Status settingsList(CliContext& c);
Status settingsGet(CliContext& c);
Status settingsSet(CliContext& c);
Status staffAdd(CliContext& c);
Status staffList(CliContext& c);
Status staffDisable(CliContext& c);
Status staffPassword(CliContext& c);
// After init on the embedded file: the first supervisor, still without one, chooses the desktop password.
Status firstSupervisorPassword(CliContext& c);
Status demoData(CliContext& c);
Status importHl7(CliContext& c);
Status importFhir(CliContext& c);
Status importCsv(CliContext& c);
Status feedListen(CliContext& c);
Status mergeList(CliContext& c);
Status mergeResolve(CliContext& c);
Status feedRefused(CliContext& c);
Status feedRetry(CliContext& c);
Status feedDismiss(CliContext& c);
} // namespace CliCommands

} // namespace pd
