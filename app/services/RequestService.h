// Family requests and their 2-business-day clock (SPEC §5): log one, work the worklist, resolve one.
//
// Roles (SPEC §6): support agents log requests and read the worklist; resolving a request is working
// the worklist, which needs an HIM specialist (supervisors may too). Every call is one transaction;
// add and resolve write an audit event ("request.added", "request.resolved") in it.
#pragma once

#include "core/Rows.h"
#include "services/ServiceContext.h"

namespace pd {

struct NewRequest {
    QString kind; // never_received | invitation_expired | deactivate | visibility | other
    QString mrn;  // the patient it is about; empty = none
    QString user; // the login it is about (username or e-mail address); empty = none
    // When the family's request arrived: ISO-8601 text, read in the hospital's zone when it has no offset.
    // Empty = now. `receivedAt` (an instant, e.g. from a date-time editor) wins when it is valid.
    QString received;
    QDateTime receivedAt;
    QString channel; // phone | email | portal | in_person | mail | other; empty = phone
    QString note;    // at most 2000 characters; required for kind "other"
};

// The action that answered a request: "TYPE:ID" names a record (the newest audited change to it is
// linked, e.g. "invitation:123" or "portal_user:7"); "audit:N" names the audit event itself.
struct ResolveRequest {
    qint64 id = 0;
    QString note;            // how it was resolved; required
    QString action;          // empty = no linked action (a question answered by phone, say)
    int expectedVersion = 0; // the row_version the staff member saw; 0 = the one read now (the CLI)
};

class RequestService final {
public:
    explicit RequestService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // Logs a request and computes its due time: `request.due_business_days` (setting) business days of
    // HIM hours from arrival, or from the next opening when it arrived outside HIM hours.
    // Refused (nothing written): unknown kind or channel ("request.kind", "request.channel"); no patient
    // or login named for a kind other than "other" ("request.subject_required"); "other" without a note
    // ("request.note_required"); over-long note ("input.text"); a received time in the future or more
    // than 90 days ago ("request.received_future", "request.received_too_old"); unknown MRN or login
    // (NotFound "patient.not_found", "user.not_found"); a login with no access to the named patient
    // ("request.user_not_for_patient"). Support agents and up.
    Result<RequestRow> add(const NewRequest& request);

    // The worklist, soonest due first. Support agents and up.
    Result<QList<RequestRow>> list(RequestFilter::Show show, int limit = 200, int offset = 0);
    // How many the same list holds, all pages together.
    Result<qint64> count(RequestFilter::Show show);

    // One request. NotFound "request.not_found". Support agents and up.
    Result<RequestRow> byId(qint64 id);

    // Marks an open request resolved with a note and, optionally, the action that answered it.
    // A stale `expectedVersion` is a Conflict ("record.changed") naming who changed it and when; an
    // already resolved request is refused ("request.already_resolved"); an action reference that is not
    // TYPE:ID or audit:N ("request.action"), or that names nothing in the audit log (NotFound
    // "request.action_not_found"), is refused. HIM specialists and up.
    Result<RequestRow> resolve(const ResolveRequest& request);

    // The spec's words, in display order.
    static QStringList kinds();
    static QStringList channels();
    // Translated labels for the desktop ("Never received the invitation", "Phone", …).
    static QString kindDisplayName(const QString& kind);
    static QString channelDisplayName(const QString& channel);

    // How far back a received time may be.
    static constexpr int MaxReceivedAgeDays = 90;
    // A received time this far ahead of the clock still counts as now (workstation clocks drift).
    static constexpr int FutureToleranceSeconds = 300;

private:
    const ServiceContext& m_ctx;
};

} // namespace pd
