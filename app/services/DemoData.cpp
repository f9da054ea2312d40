#include "services/DemoData.h"
#include "mail/MailTransport.h"
#include "mail/MimeMessage.h"
#include "store/AuditLog.h"
#include "store/ConsentRepository.h"
#include "store/Database.h"
#include "store/GrantRepository.h"
#include "store/InvitationRepository.h"
#include "store/RequestRepository.h"
#include "store/SearchRepository.h"

#include "core/PinPolicy.h"
#include "core/Secrets.h"
#include "services/AccountService.h"
#include "services/ConsentService.h"
#include "services/DailyJob.h"
#include "services/EnrollmentService.h"
#include "services/InvitationService.h"
#include "services/PatientFeedService.h"
#include "services/PatientService.h"
#include "services/RequestService.h"
#include "store/OutboxRepository.h"
#include "store/SettingsRepository.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <QLoggingCategory>

#include <functional>

Q_LOGGING_CATEGORY(lcDemo, "portaldesk.demo")

namespace pd {

namespace {

struct Culture {
    QString language;
    QStringList families;
    QStringList girls;
    QStringList boys;
    QStringList adults;
};

QList<Culture> cultures() {
    const auto l = [](std::initializer_list<const char*> items) {
        QStringList out;
        for (const char* i : items)
            out.append(QString::fromUtf8(i));
        return out;
    };
    return {
        {QStringLiteral("es"),
         l({"García", "Hernández", "López", "Martínez", "Rodríguez", "González", "Pérez", "Ramírez", "Flores",
            "Cruz"}),
         l({"Sofía", "Valentina", "Camila", "Ximena", "Lucía", "María José"}),
         l({"Mateo", "Santiago", "Diego", "Emiliano", "Joaquín", "Ángel"}),
         l({"María", "Guadalupe", "Rosa", "José", "Juan Carlos", "Verónica", "Alejandra"})},
        {QStringLiteral("en"),
         l({"Johnson", "Williams", "Brown", "Davis", "Jackson", "Robinson", "Walker", "Young"}),
         l({"Olivia", "Ava", "Harper", "Zoe", "Maya"}), l({"Liam", "Noah", "Elijah", "Isaiah", "Caleb"}),
         l({"Ashley", "Jessica", "Michael", "Andre", "Tiffany", "Marcus"})},
        {QStringLiteral("ko"), l({"김", "이", "박", "최"}), l({"서연", "지우", "하은"}),
         l({"민준", "서준", "도윤"}), l({"지영", "현우", "수진"})},
        {QStringLiteral("hy"), l({"Սարգսյան", "Պետրոսյան", "Հակոբյան", "Petrosyan", "Sargsyan"}),
         l({"Անի", "Mariam", "Nare"}), l({"Արամ", "Davit", "Tigran"}), l({"Լուսինե", "Armen", "Gayane"})},
        {QStringLiteral("zh"), l({"王", "李", "陈", "Chen", "Wang"}), l({"欣怡", "Mei", "雨桐"}),
         l({"浩然", "Wei", "子轩"}), l({"丽", "Jun", "静"})},
        {QStringLiteral("en"), l({"Nguyen", "Tran", "Santos", "Reyes", "Cohen", "Okafor"}),
         l({"Linh", "Isabella", "Amara"}), l({"Minh", "Gabriel", "Chidi"}),
         l({"Thao", "Ruth", "Emeka", "Carmen"})},
    };
}

// An ASCII mailbox name for any script: letters a–z kept, everything else dropped.
QString mailbox(const QString& given, const QString& family, int n) {
    QStringList parts;
    for (const QString& name : {given, family}) {
        QString ascii;
        for (const QChar c : name.normalized(QString::NormalizationForm_D).toLower()) {
            if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                ascii += c;
        }
        if (!ascii.isEmpty())
            parts.append(ascii);
    }
    if (parts.join(QString()).size() < 3)
        parts = {QStringLiteral("family")};
    return parts.join(QLatin1Char('.')) + QString::number(n);
}

struct Op {
    QDateTime at;
    int order = 0;
    std::function<Status()> run;
};

// A one-page PDF, standing in for a scanned consent form.
QByteArray demoConsentForm(const QString& patient, const QString& proxy) {
    const QByteArray text =
        "BT /F1 14 Tf 72 720 Td (Authorization for proxy access - demo) Tj 0 -28 Td (Patient: " +
        patient.toLatin1() + ") Tj 0 -20 Td (Proxy: " + proxy.toLatin1() +
        ") Tj 0 -40 Td (Signature: ______________________) Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 "
        "R >> "
        ">> >>",
        "<< /Length " + QByteArray::number(text.size()) + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

enum class Fate { Activated, Pending, Queued, Expired, Locked, Deactivated, Reissued };

} // namespace

struct DemoMailboxes::Box final : MailTransport {
    QHash<QString, QByteArray> byMessageId;
    int count = 0;
    Status send(const OutgoingMail& mail) override {
        byMessageId.insert(mail.messageId, mail.raw);
        ++count;
        return {};
    }
};

DemoMailboxes::DemoMailboxes()
    : m_box(std::make_unique<Box>()) {}

DemoMailboxes::~DemoMailboxes() = default;

int DemoMailboxes::delivered() const {
    return m_box->count;
}

QString DemoMailboxes::deliverAndReadToken(const ServiceContext& ctx, qint64 outboxId) {
    // Sent as the mail service sends, which on the central database is the only one that may.
    StaffMember service;
    service.name = QStringLiteral("mail-service");
    service.displayName = service.name;
    service.role = QStringLiteral("mailer");
    const ServiceContext mailer(ctx.db(), ctx.clock(), service, ctx.workstation());
    if (!MailDispatcher(mailer).dispatch(*m_box))
        return {};
    auto m = OutboxRepository(ctx.db()).byId(outboxId);
    if (!m || !m->has_value())
        return {};
    const QByteArray raw = m_box->byMessageId.value((*m)->messageId);
    const QString body = QString::fromUtf8(MimeMessage::decodeQuotedPrintable(raw));
    static const QRegularExpression re(QStringLiteral("token=([A-Za-z0-9_-]{43})"));
    return re.match(body).captured(1);
}

namespace {

// Patients the EHR registered who have no portal login: names and birth dates like the families', a
// chunk per step inside short transactions.
Status registerPatients(const ServiceContext& demo, QRandomGenerator& rng, const QList<Culture>& cs,
                        const QDate& today, int mrnBase, int from, int count,
                        const DemoData::Progress& progress) {
    constexpr int Chunk = 100;
    PatientFeedService feed(demo);
    static const QStringList sexes = {QStringLiteral("female"), QStringLiteral("male")};
    static const QStringList areaCodes = {QStringLiteral("213"), QStringLiteral("310"), QStringLiteral("323"),
                                          QStringLiteral("626"), QStringLiteral("818")};
    for (int done = 0; done < count;) {
        QList<FeedRecord> records;
        for (int i = 0; i < Chunk && done + i < count; ++i) {
            const int k = from + done + i;
            const Culture& culture = cs.at(int(rng.bounded(quint32(cs.size()))));
            const bool girl = rng.bounded(2u) == 0;
            FeedRecord r;
            r.source = QStringLiteral("DEMO");
            r.trigger = QStringLiteral("demo-data");
            r.action = FeedAction::Register;
            r.patient.mrn = QString::number(mrnBase + qint64(k) * 7);
            const QStringList& given = girl ? culture.girls : culture.boys;
            r.patient.givenName = given.at(int(rng.bounded(quint32(given.size()))));
            r.patient.familyName = culture.families.at(int(rng.bounded(quint32(culture.families.size()))));
            r.patient.birthDate = today.addDays(-qint64(rng.bounded(1u, 25u * 365u))).toString(Qt::ISODate);
            r.patient.sex = sexes.at(girl ? 0 : 1);
            r.patient.language = culture.language;
            r.patient.phone = QStringLiteral("(%1) 555-%2")
                                  .arg(areaCodes.at(int(rng.bounded(quint32(areaCodes.size())))))
                                  .arg(rng.bounded(100u, 10000u), 4, 10, QLatin1Char('0'));
            records.append(r);
        }
        Transaction tx(demo.db());
        PD_TRY(tx.begin());
        for (const Result<FeedOutcome>& r : feed.applyAll(records)) {
            if (!r && r.error().kind != ErrorKind::Validation && r.error().kind != ErrorKind::Conflict)
                return r.error();
        }
        PD_TRY(tx.commit());
        done += int(records.size());
        if (progress)
            progress(from + done, from + count);
    }
    return {};
}

} // namespace

Result<DemoReport> DemoData::generate(const ServiceContext& ctx, int wanted, quint32 seed,
                                      const Progress& progress, int families) {
    const int patientCount = std::min(wanted, families);
    PD_TRY(ctx.require(Role::Specialist, QCoreApplication::translate("Services", "Making demo data")));
    Database& db = ctx.db();
    DemoReport report;
    const QDateTime now = ctx.now();

    // Demo staff, so every role can be tried.
    SettingsRepository settings(db);
    const QList<StaffMember> demoStaff = {
        {0, QStringLiteral("maria.garcia"), QStringLiteral("María García"), QStringLiteral("him_specialist"),
         true},
        {0, QStringLiteral("sam.lee"), QStringLiteral("Sam Lee"), QStringLiteral("support_agent"), true},
        {0, QStringLiteral("dana.kim"), QStringLiteral("Dana Kim"), QStringLiteral("him_supervisor"), true},
    };
    {
        // A demo's staff, and the supervisor who made it, share one published password (the embedded file's
        // desktop asks for one); a hospital's real staff never have it.
        const QString demoHash =
            db.dialect() == Dialect::Sqlite ? Secrets::hashPin(demoPassword()) : QString();
        Transaction tx(db);
        PD_TRY(tx.begin());
        if (!demoHash.isEmpty()) {
            auto own = settings.staffPassword(ctx.staff().name);
            if (!own)
                return own.error();
            if (own->has_value() && (*own)->hash.isEmpty())
                PD_TRY(settings.setStaffPassword(ctx.staff().name, demoHash, false));
        }
        for (const StaffMember& m : demoStaff) {
            auto existing = settings.staff(m.name);
            if (!existing)
                return existing.error();
            if (!existing->has_value()) {
                auto id = settings.addStaff(m, now);
                if (!id)
                    return id.error();
                if (!demoHash.isEmpty())
                    PD_TRY(settings.setStaffPassword(m.name, demoHash, false));
                PD_TRY(ctx.audit(QStringLiteral("staff.added"), QStringLiteral("staff"), id.value(), 0, 0,
                                 {{QStringLiteral("name"), m.name},
                                  {QStringLiteral("role"), m.role},
                                  {QStringLiteral("demo"), true}}));
            }
            report.staff.append(m.name + QStringLiteral(" (") + m.role + QLatin1Char(')'));
        }
        PD_TRY(tx.commit());
    }

    auto policy = ctx.policy();
    if (!policy)
        return policy.error();
    const QTimeZone zone = policy->zone;
    const QDate today = ctx.today(policy.value());
    QRandomGenerator rng(seed);
    FixedClock clock(now);
    ServiceContext demo(db, clock, demoStaff.first(), QStringLiteral("demo"));
    const QList<Culture> cs = cultures();
    const auto pick = [&rng](const QStringList& list) {
        return list.at(int(rng.bounded(quint32(list.size()))));
    };
    const auto localAt = [&zone](const QDate& d, int h, int m) {
        return QDateTime(d, QTime(h, m), zone).toUTC();
    };
    const auto randomPin = [&rng](const QDate& birth) {
        for (;;) {
            QString pin = QString::number(rng.bounded(100000u, 999999u));
            if (PinPolicy::check(pin, birth))
                return pin;
        }
    };

    QList<Op> ops;
    int order = 0;
    int mrnBase = 4100000 + int(rng.bounded(10000u)) * 100;
    QHash<QString, QString> pins; // username → PIN, for the demo's own activations only
    DemoMailboxes mailboxes;      // the families' inboxes: the demo's mail is accepted there

    for (int k = 0; k < patientCount; ++k) {
        const Culture& culture = cs.at(int(rng.bounded(quint32(cs.size()))));
        const bool girl = rng.bounded(2u) == 0;
        const QString family = pick(culture.families);
        const QString given = pick(girl ? culture.girls : culture.boys);
        // A few patients on purpose: about to turn 12 and 18, just past 12, born on 29 February.
        QDate birth;
        switch (k % 10) {
        case 0:
            birth = today.addYears(-12).addDays(qint64(rng.bounded(3u, 28u)));
            break;
        case 1:
            birth = today.addYears(-18).addDays(qint64(rng.bounded(3u, 28u)));
            break;
        case 2:
            birth = today.addYears(-12).addDays(-qint64(rng.bounded(1u, 20u)));
            break;
        case 3:
            birth = QDate(2016 - 4 * int(rng.bounded(3u)), 2, 29);
            break;
        case 5:
            birth = today.addDays(-qint64(rng.bounded(18u * 366u + 30u, 25u * 365u))); // an adult
            break;
        default:
            birth = today.addDays(-qint64(rng.bounded(200u, 7000u)));
            break;
        }
        const int ageToday = AgeRules::ageOn(birth, today, policy->leapDayRule);
        Fate fate = Fate::Activated;
        const quint32 roll = rng.bounded(100u);
        if (roll < 12)
            fate = Fate::Queued;
        else if (roll < 27)
            fate = Fate::Pending;
        else if (roll < 37)
            fate = Fate::Expired;
        else if (roll < 43)
            fate = Fate::Locked;
        else if (roll < 48)
            fate = Fate::Deactivated;
        else if (roll < 55)
            fate = Fate::Reissued;
        // When the family enrolled: recently for queued ones, 6–10 weeks ago for those left to expire.
        int daysAgo = fate == Fate::Queued    ? int(rng.bounded(0u, 5u))
                      : fate == Fate::Expired ? int(rng.bounded(40u, 70u))
                                              : int(rng.bounded(5u, 150u));
        if (k % 10 == 2)
            daysAgo = std::max(daysAgo, 60); // enrolled as a child, turned 12 since
        QDate enrolledOn = today.addDays(-daysAgo);
        while (enrolledOn.dayOfWeek() > 5)
            enrolledOn = enrolledOn.addDays(-1);
        if (enrolledOn < birth)
            enrolledOn = birth.addDays(30);
        QDateTime t0 = localAt(enrolledOn, 8 + int(rng.bounded(7u)), int(rng.bounded(60u)));
        // Every family is on file by now: one "enrolled" later today moves to the business day before.
        while (t0 > now.addSecs(-3 * 3600)) {
            enrolledOn = enrolledOn.addDays(-1);
            while (enrolledOn.dayOfWeek() > 5)
                enrolledOn = enrolledOn.addDays(-1);
            t0 = localAt(enrolledOn, t0.toTimeZone(zone).time().hour(), t0.toTimeZone(zone).time().minute());
        }
        const int ageThen = AgeRules::ageOn(birth, enrolledOn, policy->leapDayRule);

        const QString mrn = QString::number(mrnBase + k * 7);
        const QString parentGiven = pick(culture.adults);
        const QString parentEmail = mailbox(parentGiven, family, k) + QStringLiteral("@example.org");
        const QString patientEmail = mailbox(given, family, k) + QStringLiteral("@example.net");
        const bool teenOrAdult = ageThen >= AgeRules::AdolescentAge;
        NewPatient np{mrn,
                      given,
                      family,
                      birth.toString(Qt::ISODate),
                      girl ? QStringLiteral("female") : QStringLiteral("male"),
                      culture.language,
                      ageToday >= 12 ? patientEmail : parentEmail,
                      QStringLiteral("(323) 555-%1").arg(1000 + k, 4, 10, QLatin1Char('0'))};

        ops.append({t0, order++, [&demo, np]() -> Status {
                        auto p = PatientService(demo).add(np);
                        return p ? Status() : p.error();
                    }});
        // Some adults name a parent as their proxy: the consent waits on the consent desk.
        if (ageToday >= AgeRules::AdultAge && k % 20 == 5) {
            ConsentSubmission c;
            c.mrn = mrn;
            c.proxyGiven = parentGiven;
            c.proxyFamily = family;
            c.proxyEmail = parentEmail;
            c.relationship = QStringLiteral("parent");
            c.signedOn = today.addDays(-2).toString(Qt::ISODate);
            c.signedBy = given + QLatin1Char(' ') + family;
            c.documentName = QStringLiteral("consent-%1.pdf").arg(mrn);
            c.document = demoConsentForm(QStringLiteral("MRN ") + mrn, QStringLiteral("a parent"));
            const QString pin = randomPin(birth);
            // An hour ago, but never before the patient is registered (a family enrolled this morning).
            ops.append({std::max(now.addSecs(-3600), t0.addSecs(60)), order++, [&demo, c, pin]() -> Status {
                            auto r = ConsentService(demo).submit(c, pin);
                            return r ? Status() : r.error();
                        }});
        }
        // Who enrolls: parents of children and teens; teens and adults themselves.
        struct Enrollee {
            QString form;
            QString given;
            QString email;
        };
        QList<Enrollee> enrollees;
        if (ageThen < AgeRules::AdultAge)
            enrollees.append({QStringLiteral("parent"), parentGiven, parentEmail});
        if (teenOrAdult)
            enrollees.append({QStringLiteral("patient"), given, patientEmail});
        int step = 1;
        for (const Enrollee& e : enrollees) {
            const QString pin = randomPin(birth);
            const QDateTime at = t0.addSecs(300LL * step++);
            EnrollRequest req{mrn,      e.form,  enrolledOn.toString(Qt::ISODate), e.given,
                              family,   e.email, QStringLiteral("parent"),         culture.language,
                              QString()};
            auto username = std::make_shared<QString>();
            ops.append({at, order++, [&demo, req, pin, username, &pins]() -> Status {
                            auto out = EnrollmentService(demo).enroll(req, pin);
                            if (!out)
                                return out.error();
                            *username = out->user.username;
                            pins.insert(*username, pin);
                            return {};
                        }});
            if (fate == Fate::Queued)
                continue;
            const QDateTime sentAt = localAt(enrolledOn.addDays(1), 9, 15 + step);
            auto token = std::make_shared<QString>();
            ops.append({sentAt, order++, [&demo, &mailboxes, username, token]() -> Status {
                            auto s = InvitationService(demo).sendNow(*username);
                            if (!s)
                                return s.error();
                            *token = mailboxes.deliverAndReadToken(demo, s->outboxId);
                            return {};
                        }});
            const QDateTime later = sentAt.addDays(2).addSecs(3600);
            switch (fate) {
            case Fate::Activated:
            case Fate::Deactivated:
                ops.append({later, order++, [&demo, username, token, &pins]() -> Status {
                                auto a = InvitationService(demo).activate(*token, pins.value(*username));
                                return a ? Status() : a.error();
                            }});
                if (fate == Fate::Deactivated && later.addDays(9) < now)
                    ops.append({later.addDays(9), order++, [&demo, username]() -> Status {
                                    DeactivateRequest d{*username, QStringLiteral("suspected_compromise"),
                                                        QStringLiteral("account holder by phone"),
                                                        QStringLiteral("DOB + MRN"), QString()};
                                    auto r = AccountService(demo).deactivate(d);
                                    return r ? Status() : r.error();
                                }});
                break;
            case Fate::Locked:
                ops.append({later, order++, [&demo, token]() -> Status {
                                for (int i = 0; i < 5; ++i)
                                    (void)InvitationService(demo).activate(*token, QStringLiteral("000000"));
                                return {};
                            }});
                break;
            case Fate::Reissued: {
                // "I never got my invitation": the family calls, and a support agent reissues it the
                // next day; the request is resolved with the reissue it caused.
                auto requestId = std::make_shared<qint64>(0);
                ops.append({sentAt.addDays(9), order++, [&demo, username, mrn, requestId]() -> Status {
                                NewRequest r;
                                r.kind = QStringLiteral("never_received");
                                r.mrn = mrn;
                                r.user = *username;
                                r.note = QStringLiteral("Checked spam and junk folders");
                                auto added = RequestService(demo).add(r);
                                if (!added)
                                    return added.error();
                                *requestId = added->request.id;
                                return {};
                            }});
                ops.append(
                    {sentAt.addDays(10), order++, [&demo, username, requestId]() -> Status {
                         auto r = InvitationService(demo).reissue({*username, false, QString()}, QString());
                         if (!r)
                             return r.error();
                         if (*requestId == 0)
                             return {};
                         auto done = RequestService(demo).resolve(
                             {*requestId, QStringLiteral("Reissued to the address on file"),
                              QStringLiteral("invitation:%1").arg(r->invitation.id), 0});
                         return done ? Status() : done.error();
                     }});
                break;
            }
            case Fate::Expired:
                // The family calls about an expired link; still open, some of them late.
                if (step == 2)
                    ops.append({now.addSecs(-3600LL * qint64(rng.bounded(2u, 96u))), order++,
                                [&demo, username, mrn]() -> Status {
                                    NewRequest r;
                                    r.kind = QStringLiteral("invitation_expired");
                                    r.mrn = mrn;
                                    r.user = *username;
                                    r.channel = QStringLiteral("email");
                                    auto added = RequestService(demo).add(r);
                                    return added ? Status() : added.error();
                                }});
                break;
            default:
                break;
            }
        }
    }

    std::sort(ops.begin(), ops.end(),
              [](const Op& a, const Op& b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });
    for (const Op& op : std::as_const(ops)) {
        if (op.at > now)
            continue;
        clock.set(op.at);
        if (auto s = op.run(); !s) {
            qCDebug(lcDemo, "demo op at %s: %s", qPrintable(op.at.toString(Qt::ISODate)),
                    qPrintable(s.error().message));
            if (s.error().kind != ErrorKind::Validation && s.error().kind != ErrorKind::Conflict)
                return s.error();
        }
    }
    // Bring everything up to today: expiries, birthdays passed, notices, late marks.
    clock.set(now);
    auto daily = DailyJob(demo).run(nullptr);
    if (!daily)
        return daily.error();

    if (progress)
        progress(patientCount, wanted);
    if (wanted > patientCount)
        PD_TRY(
            registerPatients(demo, rng, cs, today, mrnBase, patientCount, wanted - patientCount, progress));

    report.patients = wanted;
    report.logins = int(pins.size());
    auto invitations = InvitationRepository(db).count(InvitationFilter());
    report.invitations = invitations ? int(invitations.value()) : 0;
    return report;
}

} // namespace pd
