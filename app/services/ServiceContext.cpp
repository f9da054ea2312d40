#include "services/ServiceContext.h"
#include "core/Validation.h"
#include "mail/MimeMessage.h"
#include "services/Connection.h"
#include "services/MailRendering.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include "mail/MailTemplates.h"
#include "store/OutboxRepository.h"
#include "store/SettingsRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

namespace pd {

namespace {} // namespace

std::optional<Role> roleFromName(const QString& name) {
    if (name == QLatin1String("support_agent"))
        return Role::SupportAgent;
    if (name == QLatin1String("him_specialist"))
        return Role::Specialist;
    if (name == QLatin1String("him_supervisor"))
        return Role::Supervisor;
    if (name == QLatin1String("ehr_feed"))
        return Role::EhrFeed;
    if (name == QLatin1String("mailer"))
        return Role::Mailer;
    if (name == QLatin1String("daily_job"))
        return Role::DailyJob;
    return std::nullopt;
}

QString roleName(Role role) {
    switch (role) {
    case Role::SupportAgent:
        return QStringLiteral("support_agent");
    case Role::Specialist:
        return QStringLiteral("him_specialist");
    case Role::Supervisor:
        return QStringLiteral("him_supervisor");
    case Role::EhrFeed:
        return QStringLiteral("ehr_feed");
    case Role::Mailer:
        return QStringLiteral("mailer");
    case Role::DailyJob:
        return QStringLiteral("daily_job");
    }
    return {};
}

QString roleDisplayName(Role role) {
    switch (role) {
    case Role::SupportAgent:
        return QCoreApplication::translate("Services", "support agent");
    case Role::Specialist:
        return QCoreApplication::translate("Services", "HIM specialist");
    case Role::Supervisor:
        return QCoreApplication::translate("Services", "HIM supervisor");
    case Role::EhrFeed:
        return QCoreApplication::translate("Services", "EHR feed service account");
    case Role::Mailer:
        return QCoreApplication::translate("Services", "mail service account");
    case Role::DailyJob:
        return QCoreApplication::translate("Services", "daily job's service account");
    }
    return {};
}

bool isServiceAccount(Role role) {
    return role == Role::EhrFeed || role == Role::Mailer || role == Role::DailyJob;
}

QString serviceAccountWork(Role role, const QString& name) {
    switch (role) {
    case Role::EhrFeed:
        return QCoreApplication::translate("Services", "%1 is the EHR feed's service account: it runs \"feed "
                                                       "listen\" and \"import\" only.")
            .arg(name);
    case Role::Mailer:
        return QCoreApplication::translate("Services", "%1 is the mail service's account: it runs \"mail "
                                                       "serve\" and \"mail send\" only.")
            .arg(name);
    case Role::DailyJob:
        return QCoreApplication::translate("Services",
                                           "%1 is the daily job's service account: it runs \"daily\" only.")
            .arg(name);
    default:
        return {};
    }
}

QString maskEmail(const QString& email) {
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return email.isEmpty() ? email : QStringLiteral("•••");
    return email.left(1) + QStringLiteral("•••") + email.mid(at);
}

QString maskMailReply(const QString& text) {
    // A reply is quoted as "550 5.1.1 <ana@example.org>: user unknown", or with escaped quotes inside
    // an audit event's JSON; only its codes are kept. Its three digits stand alone, so that an MRN or a
    // date ("4209720", "2026-07-10") is not taken for one.
    static const QRegularExpression quoted(
        QStringLiteral(R"re((?<!\\)"(\d{3})(?=[ "-])((?:[ -]\d\.\d{1,3}\.\d{1,3})?)[^"]*")re"));
    static const QRegularExpression escaped(
        QStringLiteral(R"re(\\"(\d{3})(?=[ -]|\\")((?:[ -]\d\.\d{1,3}\.\d{1,3})?)(?:[^"\\]|\\[^"])*\\")re"));
    static const QRegularExpression address(QStringLiteral(R"re(([^\s"'<>(),;:\\])[^\s"'<>(),;:@\\]*@)re"));
    QString out = text;
    out.replace(escaped, QStringLiteral(R"(\"\1\2 …\")"));
    out.replace(quoted, QStringLiteral(R"("\1\2 …")"));
    out.replace(address, QStringLiteral("\\1•••@"));
    return out;
}

bool sameMailbox(const QString& a, const QString& b) {
    return !a.isEmpty() && !b.isEmpty() && Validation::canonicalMailbox(a) == Validation::canonicalMailbox(b);
}

QString maskPhone(const QString& phone) {
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits += c;
    }
    return digits.size() < 4 ? (phone.isEmpty() ? phone : QStringLiteral("•••"))
                             : QStringLiteral("•••-•••-") + digits.right(4);
}

QString mailLanguage(const QString& language) {
    return MailTemplates::languages().contains(language) ? language : QStringLiteral("en");
}

QString familyDate(const QDate& date, const QString& language) {
    return QLocale(mailLanguage(language)).toString(date, QLocale::LongFormat);
}

ServiceContext::ServiceContext(Database& db, const Clock& clock, StaffMember staff, QString workstation)
    : m_db(db)
    , m_clock(clock)
    , m_staff(std::move(staff))
    , m_workstation(std::move(workstation)) {}

ServiceContext::ServiceContext(Connection& connection, const Clock& clock, StaffMember staff,
                               QString workstation)
    : ServiceContext(connection.database(), clock, std::move(staff), std::move(workstation)) {}

bool ServiceContext::has(Role role) const {
    const auto mine = roleFromName(m_staff.role);
    if (!mine)
        return false;
    // The service accounts are beside the desk's roles, not above or below them: each has its own work only.
    if (isServiceAccount(*mine) || isServiceAccount(role))
        return *mine == role;
    return static_cast<int>(*mine) >= static_cast<int>(role);
}

Status ServiceContext::require(Role needed, const QString& action) const {
    if (has(needed))
        return {};
    const auto mine = roleFromName(m_staff.role);
    return Error::notPermitted(
        QStringLiteral("role.required"),
        QCoreApplication::translate("Services", "%1 needs an %2; %3 is signed in as %4.")
            .arg(action, roleDisplayName(needed), m_staff.name,
                 mine ? roleDisplayName(*mine) : QCoreApplication::translate("Services", "no known role")));
}

Result<Policy> ServiceContext::policy() const {
    SettingsRepository settings(m_db);
    auto values = settings.all();
    if (!values)
        return values.error();
    return Policy::fromValues(values.value());
}

Result<BusinessCalendar> ServiceContext::calendar(const Policy& policy) const {
    BusinessCalendar cal(policy.zone, policy.himOpen, policy.himClose);
    SettingsRepository settings(m_db);
    auto rows = settings.holidays();
    if (!rows)
        return rows.error();
    for (const HolidayRow& row : rows.value()) {
        if (row.closed)
            cal.addClosedDay(row.day);
        else
            cal.addOpenDay(row.day);
    }
    return cal;
}

QDate ServiceContext::today(const Policy& policy) const {
    return AgeRules::localDate(now(), policy.zone);
}

AuditEvent ServiceContext::auditEvent(const QString& action, const QString& recordType, qint64 recordId,
                                      qint64 patientId, qint64 portalUserId,
                                      const QJsonObject& details) const {
    AuditEvent e;
    e.at = now();
    e.staff = m_staff.name;
    e.workstation = m_workstation;
    e.action = action;
    e.recordType = recordType;
    e.recordId = QString::number(recordId);
    e.patientId = patientId;
    e.portalUserId = portalUserId;
    e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    return e;
}

Status ServiceContext::audit(const QString& action, const QString& recordType, qint64 recordId,
                             qint64 patientId, qint64 portalUserId, const QJsonObject& details) const {
    return AuditLog(m_db).append(auditEvent(action, recordType, recordId, patientId, portalUserId, details));
}

Status ServiceContext::auditAll(const QList<AuditEvent>& events) const {
    return AuditLog(m_db).appendAll(events);
}

Result<qint64> ServiceContext::enqueueMail(const Policy& policy, Mail mail) const {
    const qint64 patientId = mail.patientId;
    auto m = prepareMail(policy, std::move(mail));
    if (!m)
        return m.error();
    if (m_db.dialect() == Dialect::Postgres) {
        auto row =
            m_db.callDoor(QStringLiteral("mail_queue"),
                          {{QStringLiteral("ctx"), serverContext()},
                           {QStringLiteral("kind"), m->kind},
                           {QStringLiteral("user"), m->portalUserId},
                           {QStringLiteral("patient"), patientId},
                           {QStringLiteral("recipient"), m->recipient},
                           {QStringLiteral("vars"), QJsonDocument::fromJson(m->vars.toUtf8()).object()},
                           {QStringLiteral("message_id"), m->messageId},
                           {QStringLiteral("sender"), m->sender},
                           {QStringLiteral("language"), m->language},
                           {QStringLiteral("subject"), m->subject}});
        if (!row)
            return row.error();
        return row->value(0).toLongLong();
    }
    return OutboxRepository(m_db).insert(m.value());
}

QJsonObject ServiceContext::serverContext() const {
    return {{QStringLiteral("staff"), m_staff.name},
            {QStringLiteral("workstation"), m_workstation},
            {QStringLiteral("now"), DbTime::toDb(now()).toString()}};
}

Result<OutboxMessage> ServiceContext::prepareMail(const Policy& policy, Mail mail) const {
    const QString language = mailLanguage(mail.language);
    mail.vars.insert(QStringLiteral("recipient_name"), mail.to.name);
    // The message is rendered when it is sent, with the settings of that day; rendered now only to check
    // the template and keep its subject for lists. An invitation's link and expiry exist only then.
    QHash<QString, QString> trial = mail.vars;
    if (mail.invitationId != 0) {
        trial.insert(QStringLiteral("activation_link"), policy.activationUrl);
        trial.insert(QStringLiteral("expiry_date"), QString());
    }
    auto content = renderMail(policy, mail.kind, language, trial);
    if (!content)
        return content.error();
    QJsonObject vars;
    for (auto it = mail.vars.cbegin(); it != mail.vars.cend(); ++it)
        vars.insert(it.key(), it.value());

    OutboxMessage m;
    m.messageId = MimeMessage::newMessageId(policy.senderAddress);
    m.kind = mail.kind;
    m.sender = policy.senderAddress;
    m.recipient = mail.to.address;
    m.language = language;
    m.subject = content->subject;
    m.vars = QString::fromUtf8(QJsonDocument(vars).toJson(QJsonDocument::Compact));
    m.portalUserId = mail.portalUserId;
    m.invitationId = mail.invitationId;
    m.createdAt = now();
    return m;
}

Result<MailContent> renderMail(const Policy& policy, const QString& kind, const QString& language,
                               QHash<QString, QString> vars) {
    const QLocale locale(language);
    vars.insert(QStringLiteral("hospital_name"), policy.hospitalName);
    vars.insert(QStringLiteral("portal_name"), policy.portalName);
    vars.insert(QStringLiteral("him_phone"), policy.himPhone);
    vars.insert(QStringLiteral("him_hours"),
                QStringLiteral("%1–%2, %3–%4")
                    .arg(locale.dayName(1), locale.dayName(5),
                         locale.toString(policy.himOpen, QLocale::ShortFormat),
                         locale.toString(policy.himClose, QLocale::ShortFormat)));
    return MailTemplates::render(kind, language, vars);
}

Status checkPage(int limit, int offset) {
    if (limit < 1 || limit > 10000 || offset < 0)
        return Error::validation(
            QStringLiteral("input.page"),
            QCoreApplication::translate("Services",
                                        "A page holds 1 to 10,000 rows from a position of 0 or more."));
    return {};
}

void addDetails(QJsonObject& details, const QJsonObject& more) {
    for (auto it = more.constBegin(); it != more.constEnd(); ++it)
        details.insert(it.key(), it.value());
}

} // namespace pd
