#include "DemoData.h"

#include "AccountService.h"
#include "DailyJob.h"
#include "EnrollmentService.h"
#include "InvitationService.h"
#include "OutboxRepository.h"
#include "PatientService.h"
#include "PinPolicy.h"
#include "SettingsRepository.h"

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

enum class Fate { Activated, Pending, Queued, Expired, Locked, Deactivated, Reissued };

} // namespace

QString DemoData::tokenFromOutbox(Database& db, qint64 outboxId) {
    auto m = OutboxRepository(db).byId(outboxId);
    if (!m || !m->has_value())
        return {};
    const QString body = QString::fromUtf8(MimeMessage::decodeQuotedPrintable((*m)->raw));
    static const QRegularExpression re(QStringLiteral("token=([A-Za-z0-9_-]{43})"));
    return re.match(body).captured(1);
}

Result<DemoReport> DemoData::generate(const ServiceContext& ctx, int patientCount, quint32 seed) {
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
        Transaction tx(db);
        PD_TRY(tx.begin());
        for (const StaffMember& m : demoStaff) {
            auto existing = settings.staff(m.name);
            if (!existing)
                return existing.error();
            if (!existing->has_value()) {
                auto id = settings.addStaff(m, now);
                if (!id)
                    return id.error();
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
        const int ageThen = AgeRules::ageOn(birth, enrolledOn, policy->leapDayRule);
        const QDateTime t0 = localAt(enrolledOn, 8 + int(rng.bounded(7u)), int(rng.bounded(60u)));

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
            auto outboxId = std::make_shared<qint64>(0);
            ops.append({sentAt, order++, [&demo, username, outboxId]() -> Status {
                            auto s = InvitationService(demo).sendNow(*username);
                            if (!s)
                                return s.error();
                            *outboxId = s->outboxId;
                            return {};
                        }});
            const QDateTime later = sentAt.addDays(2).addSecs(3600);
            switch (fate) {
            case Fate::Activated:
            case Fate::Deactivated:
                ops.append({later, order++, [&demo, &db, username, outboxId, &pins]() -> Status {
                                auto a = InvitationService(demo).activate(tokenFromOutbox(db, *outboxId),
                                                                          pins.value(*username));
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
                ops.append({later, order++, [&demo, &db, outboxId]() -> Status {
                                const QString token = tokenFromOutbox(db, *outboxId);
                                for (int i = 0; i < 5; ++i)
                                    (void)InvitationService(demo).activate(token, QStringLiteral("000000"));
                                return {};
                            }});
                break;
            case Fate::Reissued:
                // "I never got my invitation": a support agent reissues it ten days later.
                ops.append(
                    {sentAt.addDays(10), order++, [&demo, username]() -> Status {
                         auto r = InvitationService(demo).reissue({*username, false, QString()}, QString());
                         return r ? Status() : r.error();
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

    report.patients = patientCount;
    report.logins = int(pins.size());
    InvitationFilter all;
    all.limit = 1000000;
    auto invitations = InvitationRepository(db).list(all);
    report.invitations = invitations ? int(invitations->size()) : 0;
    return report;
}

} // namespace pd
