#include "services/RequestService.h"
#include "mail/MimeMessage.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/GrantRepository.h"
#include "store/InvitationRepository.h"
#include "store/RequestRepository.h"
#include "store/SearchRepository.h"

#include "core/Validation.h"
#include "services/PatientService.h"
#include "store/PatientRepository.h"
#include "store/PortalUserRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace pd {

namespace {

// A time as staff read it in messages: local time in the hospital's zone.
QString localText(const QDateTime& t, const QTimeZone& zone) {
    return t.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + zone.abbreviation(t);
}

struct ActionRef {
    QString type; // "audit" for an audit event
    QString id;
};

Result<ActionRef> parseAction(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^([a-z_]{1,40}):([1-9][0-9]{0,17})$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return Error::validation(
            QStringLiteral("request.action"),
            QCoreApplication::translate("Services",
                                        "Name the action that resolved the request as TYPE:ID, for example "
                                        "invitation:12 or portal_user:7, or as audit:N for audit event N."));
    return ActionRef{m.captured(1), m.captured(2)};
}

} // namespace

QStringList RequestService::kinds() {
    return {QStringLiteral("never_received"), QStringLiteral("invitation_expired"),
            QStringLiteral("deactivate"), QStringLiteral("visibility"), QStringLiteral("other")};
}

QStringList RequestService::channels() {
    return {QStringLiteral("phone"),     QStringLiteral("email"), QStringLiteral("portal"),
            QStringLiteral("in_person"), QStringLiteral("mail"),  QStringLiteral("other")};
}

QString RequestService::kindDisplayName(const QString& kind) {
    if (kind == QLatin1String("never_received"))
        return QCoreApplication::translate("Services", "Never received the invitation");
    if (kind == QLatin1String("invitation_expired"))
        return QCoreApplication::translate("Services", "Invitation expired");
    if (kind == QLatin1String("deactivate"))
        return QCoreApplication::translate("Services", "Deactivate the account");
    if (kind == QLatin1String("visibility"))
        return QCoreApplication::translate("Services", "Can't see something in the portal");
    if (kind == QLatin1String("other"))
        return QCoreApplication::translate("Services", "Other");
    return kind;
}

QString RequestService::channelDisplayName(const QString& channel) {
    if (channel == QLatin1String("phone"))
        return QCoreApplication::translate("Services", "Phone");
    if (channel == QLatin1String("email"))
        return QCoreApplication::translate("Services", "E-mail");
    if (channel == QLatin1String("portal"))
        return QCoreApplication::translate("Services", "Portal message");
    if (channel == QLatin1String("in_person"))
        return QCoreApplication::translate("Services", "In person");
    if (channel == QLatin1String("mail"))
        return QCoreApplication::translate("Services", "Letter");
    if (channel == QLatin1String("other"))
        return QCoreApplication::translate("Services", "Other");
    return channel;
}

Result<RequestRow> RequestService::add(const NewRequest& in) {
    PD_TRY(m_ctx.require(Role::SupportAgent, QCoreApplication::translate("Services", "Logging a request")));
    const QString kind = in.kind.trimmed();
    if (!kinds().contains(kind))
        return Error::validation(QStringLiteral("request.kind"),
                                 QCoreApplication::translate("Services", "Request kind must be one of: %1.")
                                     .arg(kinds().join(QStringLiteral(", "))));
    const QString channel = in.channel.trimmed().isEmpty() ? QStringLiteral("phone") : in.channel.trimmed();
    if (!channels().contains(channel))
        return Error::validation(QStringLiteral("request.channel"),
                                 QCoreApplication::translate("Services", "Channel must be one of: %1.")
                                     .arg(channels().join(QStringLiteral(", "))));
    auto note = Validation::note(in.note, QCoreApplication::translate("Services", "Note"));
    if (!note)
        return note.error();
    const bool namesPatient = !in.mrn.trimmed().isEmpty();
    const bool namesUser = !in.user.trimmed().isEmpty();
    if (kind == QLatin1String("other") && note->isEmpty())
        return Error::validation(
            QStringLiteral("request.note_required"),
            QCoreApplication::translate(
                "Services", "Say in a note what the family asked for when the kind is \"other\"."));
    if (kind != QLatin1String("other") && !namesPatient && !namesUser)
        return Error::validation(
            QStringLiteral("request.subject_required"),
            QCoreApplication::translate("Services", "Name the patient (MRN) or the portal login (username or "
                                                    "e-mail address) the request is about."));

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    const QDateTime now = m_ctx.now();

    QDateTime received = now;
    if (in.receivedAt.isValid()) {
        received = in.receivedAt.toUTC();
    } else if (!in.received.trimmed().isEmpty()) {
        auto parsed = Validation::isoDateTime(in.received, policy->zone,
                                              QCoreApplication::translate("Services", "Received time"));
        if (!parsed)
            return parsed.error();
        received = parsed.value();
    }
    if (received > now.addSecs(FutureToleranceSeconds))
        return Error::validation(
            QStringLiteral("request.received_future"),
            QCoreApplication::translate("Services", "The received time %1 is in the future (it is now %2); "
                                                    "give the time the family's request arrived.")
                .arg(localText(received, policy->zone), localText(now, policy->zone)));
    if (received < now.addDays(-MaxReceivedAgeDays))
        return Error::validation(
            QStringLiteral("request.received_too_old"),
            QCoreApplication::translate("Services",
                                        "The received time %1 is more than %2 days ago; check the date.")
                .arg(localText(received, policy->zone))
                .arg(MaxReceivedAgeDays));
    received = std::min(received, now); // a few minutes ahead is this workstation's clock, not the family's

    FamilyRequest r;
    r.kind = kind;
    r.channel = channel;
    r.note = note.value();
    r.receivedAt = received;
    if (namesPatient) {
        auto patient = findPatient(m_ctx.db(), in.mrn);
        if (!patient)
            return patient.error();
        r.patientId = patient->id;
    }
    if (namesUser) {
        auto user = findPortalUser(m_ctx.db(), in.user);
        if (!user)
            return user.error();
        r.portalUserId = user->id;
        if (namesPatient) {
            auto logins = PortalUserRepository(m_ctx.db()).forPatient(r.patientId);
            if (!logins)
                return logins.error();
            const bool related = std::any_of(logins->cbegin(), logins->cend(),
                                             [&](const PortalUser& u) { return u.id == r.portalUserId; });
            if (!related)
                return Error::validation(QStringLiteral("request.user_not_for_patient"),
                                         QCoreApplication::translate(
                                             "Services", "The login %1 has never had access to the patient "
                                                         "with MRN %2; check both, or name only one.")
                                             .arg(user->username, in.mrn.trimmed()));
        }
    }

    auto calendar = m_ctx.calendar(policy.value());
    if (!calendar)
        return calendar.error();
    r.dueAt = calendar->dueAt(received, policy->requestDueBusinessDays);
    if (!r.dueAt.isValid())
        return Error::internal(
            QStringLiteral("request.due"),
            QCoreApplication::translate("Services", "The due time can't be worked out; check the hospital's "
                                                    "time zone and HIM hours settings."));

    RequestRepository requests(m_ctx.db());
    Result<qint64> id = qint64(0);
    if (m_ctx.db().dialect() == Dialect::Postgres) {
        // The server's own function logs it, with its checks and audit event.
        auto row =
            m_ctx.db().callDoor(QStringLiteral("request_log"),
                                {{QStringLiteral("ctx"), m_ctx.serverContext()},
                                 {QStringLiteral("kind"), r.kind},
                                 {QStringLiteral("channel"), r.channel},
                                 {QStringLiteral("note"), r.note},
                                 {QStringLiteral("received_at"), DbTime::toDb(r.receivedAt).toString()},
                                 {QStringLiteral("due_at"), DbTime::toDb(r.dueAt).toString()},
                                 {QStringLiteral("patient_id"), r.patientId},
                                 {QStringLiteral("portal_user_id"), r.portalUserId}});
        if (!row)
            return row.error();
        id = row->value(0).toLongLong();
    } else {
        id = requests.insert(r, now, m_ctx.staff().name);
        if (!id)
            return id.error();
        PD_TRY(m_ctx.audit(QStringLiteral("request.added"), QStringLiteral("request"), id.value(),
                           r.patientId, r.portalUserId,
                           {{QStringLiteral("kind"), r.kind},
                            {QStringLiteral("channel"), r.channel},
                            {QStringLiteral("received_at"), DbTime::toDb(r.receivedAt).toString()},
                            {QStringLiteral("due_at"), DbTime::toDb(r.dueAt).toString()},
                            {QStringLiteral("note"), r.note}}));
    }
    auto row = requests.byId(id.value());
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error::internal(
            QStringLiteral("request.lost"),
            QCoreApplication::translate("Services", "The new request could not be read back."));
    PD_TRY(tx.commit());
    RequestRow out = **row;
    out.late = out.request.isLateAt(now);
    return out;
}

Result<QList<RequestRow>> RequestService::list(RequestFilter::Show show, int limit, int offset) {
    PD_TRY(m_ctx.require(Role::SupportAgent,
                         QCoreApplication::translate("Services", "Reading the request worklist")));
    RequestFilter f;
    f.show = show;
    f.now = m_ctx.now();
    f.limit = limit > 0 ? std::min(limit, 5000) : 200;
    f.offset = std::max(0, offset);
    auto rows = RequestRepository(m_ctx.db()).list(f);
    if (!rows)
        return rows.error();
    for (RequestRow& row : rows.value())
        row.late = row.request.isLateAt(f.now);
    return rows;
}

Result<qint64> RequestService::count(RequestFilter::Show show) {
    PD_TRY(m_ctx.require(Role::SupportAgent,
                         QCoreApplication::translate("Services", "Reading the request worklist")));
    RequestFilter f;
    f.show = show;
    f.now = m_ctx.now();
    return RequestRepository(m_ctx.db()).count(f);
}

Result<RequestRow> RequestService::byId(qint64 id) {
    PD_TRY(m_ctx.require(Role::SupportAgent, QCoreApplication::translate("Services", "Reading a request")));
    auto row = RequestRepository(m_ctx.db()).byId(id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error::notFound(QStringLiteral("request.not_found"),
                               QCoreApplication::translate("Services", "No request has number %1.").arg(id));
    RequestRow out = **row;
    out.late = out.request.isLateAt(m_ctx.now());
    return out;
}

Result<RequestRow> RequestService::resolve(const ResolveRequest& in) {
    PD_TRY(m_ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Resolving a request")));
    auto note = Validation::note(in.note, QCoreApplication::translate("Services", "Resolution note"));
    if (!note)
        return note.error();
    if (note->isEmpty())
        return Error::validation(
            QStringLiteral("request.resolution_note_required"),
            QCoreApplication::translate("Services", "Say in a note how the request was resolved."));
    std::optional<ActionRef> ref;
    if (!in.action.trimmed().isEmpty()) {
        auto parsed = parseAction(in.action.trimmed());
        if (!parsed)
            return parsed.error();
        ref = parsed.value();
    }

    Transaction tx(m_ctx.db());
    PD_TRY(tx.begin());
    RequestRepository requests(m_ctx.db());
    auto found = requests.byId(in.id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("request.not_found"),
            QCoreApplication::translate("Services", "No request has number %1.").arg(in.id));
    FamilyRequest r = (*found)->request;
    const QString what = QCoreApplication::translate("Services", "Request #%1").arg(r.id);
    if (in.expectedVersion != 0 && in.expectedVersion != r.rowVersion)
        return staleRecordError(m_ctx.db(), QStringLiteral("requests"), r.id, what);
    if (!r.isOpen())
        return Error::validation(
            QStringLiteral("request.already_resolved"),
            QCoreApplication::translate("Services", "%1 was already resolved by %2 at %3 UTC.")
                .arg(what, r.resolvedBy, r.resolvedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));

    if (ref) {
        const bool isEvent = ref->type == QLatin1String("audit");
        auto action = isEvent ? requests.auditedAction(ref->id.toLongLong())
                              : requests.latestChangeTo(ref->type, ref->id);
        if (!action)
            return action.error();
        if (!action->has_value())
            return Error::notFound(
                QStringLiteral("request.action_not_found"),
                isEvent ? QCoreApplication::translate("Services", "There is no audit event %1.").arg(ref->id)
                        : QCoreApplication::translate(
                              "Services", "No change to %1:%2 is in the audit log; check the reference.")
                              .arg(ref->type, ref->id));
        // The answer is something done for this family: an event on the request's patient or login.
        const AuditedAction& done = **action;
        const bool samePatient = r.patientId != 0 && done.patientId == r.patientId;
        const bool sameLogin = r.portalUserId != 0 && done.portalUserId == r.portalUserId;
        if ((r.patientId != 0 || r.portalUserId != 0) && !samePatient && !sameLogin)
            return Error::validation(
                QStringLiteral("request.action_elsewhere"),
                QCoreApplication::translate("Services",
                                            "That action was about another patient or login, not the "
                                            "one this request is about."));
        r.resolvedEventId = (*action)->eventId;
        r.resolvedAction = (*action)->recordType + QLatin1Char(':') + (*action)->recordId;
    }

    const QDateTime now = m_ctx.now();
    const bool late = r.isLateAt(now);
    r.status = QStringLiteral("resolved");
    r.resolvedAt = now;
    r.resolvedBy = m_ctx.staff().name;
    r.resolutionNote = note.value();
    PD_TRY(requests.update(r, now, m_ctx.staff().name));
    PD_TRY(m_ctx.audit(
        QStringLiteral("request.resolved"), QStringLiteral("request"), r.id, r.patientId, r.portalUserId,
        {{QStringLiteral("note"), r.resolutionNote},
         {QStringLiteral("action"), r.resolvedAction.isEmpty() ? QJsonValue() : QJsonValue(r.resolvedAction)},
         {QStringLiteral("event_id"), r.resolvedEventId == 0 ? QJsonValue() : QJsonValue(r.resolvedEventId)},
         {QStringLiteral("due_at"), DbTime::toDb(r.dueAt).toString()},
         {QStringLiteral("late"), late}}));
    auto row = requests.byId(r.id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error::internal(
            QStringLiteral("request.lost"),
            QCoreApplication::translate("Services", "The request could not be read back."));
    PD_TRY(tx.commit());
    return **row;
}

} // namespace pd
