#include "models/PatientModels.h"

#include "services/DisplayText.h"
#include "services/TimelineText.h"

#include <QCoreApplication>

#include <algorithm>

namespace pd {

namespace {

template <typename Row, typename Get> typename RowsModel<Row>::Column column(const char* title, Get get) {
    return textColumn<Row>(QCoreApplication::translate("PatientModels", title), get);
}

QString accessText(const Grant& g, const QTimeZone& zone) {
    if (g.id == 0)
        return QCoreApplication::translate("PatientModels", "no access granted");
    if (g.isOpen())
        return QCoreApplication::translate("PatientModels", "since %1")
            .arg(DisplayText::localDate(g.startedAt, zone));
    if (g.endedDateHidden) // a birthday, which this reader may not see
        return QCoreApplication::translate("PatientModels", "ended: %1")
            .arg(DisplayText::endReason(g.endReason));
    return QCoreApplication::translate("PatientModels", "ended %1: %2")
        .arg(DisplayText::localDate(g.endedAt, zone), DisplayText::endReason(g.endReason));
}

QList<RowsModel<AccessRow>::Column> accessColumns(const QTimeZone& zone) {
    using R = AccessRow;
    return {
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Login"),
                  [](const R& r) { return QVariant(r.user.username); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Name"),
                  [](const R& r) { return QVariant(r.user.fullName()); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Holder"),
                  [](const R& r) {
                      return QVariant(DisplayText::relationship(r.user.kind == QLatin1String("patient")
                                                                    ? QStringLiteral("self")
                                                                    : r.grant.relationship));
                  }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Level"),
                  [](const R& r) { return QVariant(DisplayText::level(r.grant.level)); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Access"),
                  [zone](const R& r) { return QVariant(accessText(r.grant, zone)); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Login status"),
                  [](const R& r) { return QVariant(DisplayText::userStatus(r.user.status)); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "E-mail"),
                  [](const R& r) { return QVariant(r.user.email); }),
    };
}

QString invitationNote(const Invitation& i) {
    if (i.status == QLatin1String("revoked")) {
        if (i.revokeReason == QLatin1String("reissued"))
            return QCoreApplication::translate("PatientModels", "replaced by a newer invitation");
        if (i.revokeReason == QLatin1String("deactivated"))
            return QCoreApplication::translate("PatientModels", "login deactivated");
        if (i.revokeReason == QLatin1String("email_changed"))
            return QCoreApplication::translate("PatientModels", "e-mail address changed");
        if (i.revokeReason == QLatin1String("terminated"))
            return QCoreApplication::translate("PatientModels", "login ended");
        return QCoreApplication::translate("PatientModels", "withdrawn by staff");
    }
    if (i.replacesId != 0)
        return QCoreApplication::translate("PatientModels", "reissue");
    return {};
}

QList<RowsModel<InvitationEntry>::Column> invitationColumns(const QTimeZone& zone) {
    using R = InvitationEntry;
    return {
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Login"),
                  [](const R& r) { return QVariant(r.username); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Sent to"),
                  [](const R& r) { return QVariant(r.invitation.email); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Status"),
                  [](const R& r) { return QVariant(DisplayText::invitationStatus(r.invitation.status)); }),
        column<R>(
            QT_TRANSLATE_NOOP("PatientModels", "Enrolled"),
            [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.queuedAt, zone)); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Sent"),
                  [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.sentAt, zone)); }),
        column<R>(
            QT_TRANSLATE_NOOP("PatientModels", "Expires"),
            [zone](const R& r) { return QVariant(DisplayText::localTime(r.invitation.expiresAt, zone)); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Wrong PINs"),
                  [](const R& r) { return QVariant(r.invitation.failedAttempts); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Note"),
                  [](const R& r) { return QVariant(invitationNote(r.invitation)); }),
    };
}

QList<RowsModel<AuditEvent>::Column> timelineColumns(const QTimeZone& zone) {
    using R = AuditEvent;
    return {
        // An event a birthday caused has no time for a reader who may not see birthdays.
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "When"),
                  [zone](const R& r) {
                      return QVariant(r.at.isValid() ? DisplayText::localTime(r.at, zone)
                                                     : QStringLiteral("—"));
                  }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "Who"), [](const R& r) { return QVariant(r.staff); }),
        column<R>(QT_TRANSLATE_NOOP("PatientModels", "What happened"),
                  [](const R& r) { return QVariant(TimelineText::describe(r)); }),
    };
}

} // namespace

AccessModel::AccessModel(const QTimeZone& zone, QObject* parent)
    : RowsModel<AccessRow>(accessColumns(zone), parent) {}

void AccessModel::setStory(const PatientStory& story) {
    QList<AccessRow> rows;
    QList<qint64> withGrant;
    for (const Grant& g : story.grants) {
        for (const PortalUser& u : story.users) {
            if (u.id == g.portalUserId) {
                rows.append({u, g});
                withGrant.append(u.id);
            }
        }
    }
    for (const PortalUser& u : story.users) {
        if (!withGrant.contains(u.id))
            rows.append({u, Grant{}});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const AccessRow& a, const AccessRow& b) {
        if (a.grant.isOpen() != b.grant.isOpen())
            return a.grant.isOpen();
        return a.grant.startedAt > b.grant.startedAt;
    });
    setRows(rows);
}

PatientInvitationsModel::PatientInvitationsModel(const QTimeZone& zone, QObject* parent)
    : RowsModel<InvitationEntry>(invitationColumns(zone), parent) {}

void PatientInvitationsModel::setStory(const PatientStory& story) {
    QList<InvitationEntry> rows;
    for (const Invitation& i : story.invitations) {
        QString username;
        for (const PortalUser& u : story.users) {
            if (u.id == i.portalUserId)
                username = u.username;
        }
        rows.append({i, username});
    }
    setRows(rows);
}

TimelineModel::TimelineModel(const QTimeZone& zone, QObject* parent)
    : RowsModel<AuditEvent>(timelineColumns(zone), parent) {}

void TimelineModel::setStory(const PatientStory& story) {
    QList<AuditEvent> rows = story.timeline;
    std::reverse(rows.begin(), rows.end());
    setRows(rows);
}

} // namespace pd
