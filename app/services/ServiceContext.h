// What every use case needs: the database, the clock, who is acting and from where, and the
// shared steps of an operation (role check, policy, audit event, outbox mail).
#pragma once

#include "core/BusinessCalendar.h"
#include "core/Clock.h"
#include "core/Policy.h"
#include "core/Records.h"
#include "core/Rows.h"

#include <QHash>
#include <QJsonObject>

namespace pd {

class Connection;
class Database; // the store's; complete only inside the services

// The desk's roles rise from agent to supervisor, each with all the one below may do; the service accounts
// (the EHR feed's, the mail service's and the nightly job's) stand beside them, each with its own work only.
enum class Role {
    SupportAgent = 1,
    Specialist = 2,
    Supervisor = 3,
    EhrFeed = 10,
    Mailer = 11,
    DailyJob = 12
};

// support_agent | him_specialist | him_supervisor | ehr_feed | mailer | daily_job
std::optional<Role> roleFromName(const QString& name);
QString roleName(Role role);
QString roleDisplayName(Role role);
bool isServiceAccount(Role role);
// What a service account runs, for the message that refuses it anything else ("%1 is … runs … only").
QString serviceAccountWork(Role role, const QString& name);

class ServiceContext final {
public:
    ServiceContext(Database& db, const Clock& clock, StaffMember staff, QString workstation);
    ServiceContext(Connection& connection, const Clock& clock, StaffMember staff, QString workstation);

    Database& db() const { return m_db; }
    const Clock& clock() const { return m_clock; }
    QDateTime now() const { return m_clock.nowUtc(); }
    const StaffMember& staff() const { return m_staff; }
    const QString& workstation() const { return m_workstation; }

    // NotPermitted ("role.required") naming the action and the role it needs.
    Status require(Role needed, const QString& action) const;
    bool has(Role role) const;

    // Settings as stored (defaults for missing keys); read inside the operation's transaction.
    Result<Policy> policy() const;
    Result<BusinessCalendar> calendar(const Policy& policy) const;
    // Today's date in the hospital's zone.
    QDate today(const Policy& policy) const;

    // Appends an audit event for the acting staff member inside the open transaction.
    Status audit(const QString& action, const QString& recordType, qint64 recordId, qint64 patientId,
                 qint64 portalUserId, const QJsonObject& details = {}) const;
    // The same event, to be appended with others in one go (auditAll), in the order given.
    AuditEvent auditEvent(const QString& action, const QString& recordType, qint64 recordId, qint64 patientId,
                          qint64 portalUserId, const QJsonObject& details = {}) const;
    Status auditAll(const QList<AuditEvent>& events) const;

    struct Mail {
        QString kind;
        QString language;
        MailAddress to;
        QHash<QString, QString> vars; // besides the hospital's own, which are filled in here
        qint64 portalUserId = 0;
        qint64 invitationId = 0;
        qint64 patientId = 0; // whose record the address is taken from, when it is the patient's
    };
    // Writes the message into the outbox inside the open transaction, with the template's values; it is
    // rendered when it is sent (renderMail), and an invitation's link is made then. On the central
    // database the server's mail_queue() writes it, to the address it finds on file for the notice.
    Result<qint64> enqueueMail(const Policy& policy, Mail mail) const;
    // The message as enqueueMail would write it, not written.
    Result<OutboxMessage> prepareMail(const Policy& policy, Mail mail) const;
    // Who acts, where and when, for the central database's functions (which keep the staff name for the
    // schema's owner only, and the time for a training database only).
    QJsonObject serverContext() const;

private:
    Database& m_db;
    const Clock& m_clock;
    StaffMember m_staff;
    QString m_workstation;
};

// A page of a list: 1 to 10,000 rows from a position of 0 or more ("input.page" otherwise).
Status checkPage(int limit, int offset);

// Adds `more`'s keys to an audit event's details (a cause, the message it came from).
void addDetails(QJsonObject& details, const QJsonObject& more);

// What a support agent sees of contact details (SPEC §6): "j•••@example.org", "•••-•••-0142".
QString maskEmail(const QString& email);
QString maskPhone(const QString& phone);
// A mail server's reply as a support agent may see it: its status codes, with no text and no address.
QString maskMailReply(const QString& text);
// Two addresses are one mailbox when their canonical forms match: case, Unicode form and a "+tag" aside.
bool sameMailbox(const QString& a, const QString& b);

// The language a family's e-mail is written in: theirs when templates exist for it, else English.
QString mailLanguage(const QString& language);
// Formats a date for a family's e-mail, in the e-mail's language ("24 de diciembre de 2026").
QString familyDate(const QDate& date, const QString& language);

} // namespace pd
