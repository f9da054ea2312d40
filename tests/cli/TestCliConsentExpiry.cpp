// Adult proxy consents that expire, from the command line (SPEC section 8): consent.expiry_months fixes the
// end day when a consent is approved, and "consent show" says it; the nightly run reminds the patient
// consent.reminder_days before, once, and ends the grant on its day, catching up; "consent list --expiring
// DAYS" lists what ends soon; a new consent signed by the patient renews the access without a gap; and
// "visibility" says when the access ends. On the embedded file, and on the central database with
// PORTALDESK_TEST_DB=postgresql.
#include "cli/CliRunner.h"
#include "support/PgCluster.h"

#include <QFile>
#include <QJsonArray>

#include <memory>
#include <tuple>

using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

// A proxy consent as the desk files it: the patient (MRN, given name; every family here is Ruiz, born
// 2000-03-02) names a proxy, who is given "Ruiz" at given.ruiz@example.org; the signer is the patient
// unless named.
struct Form {
    QString mrn = u"500100"_s;
    QString patient = u"Ana"_s;
    QString proxy = u"Rosa"_s;
    QString signer;
};

QString mailOf(const QString& given) {
    return given.toLower() + u".ruiz@example.org"_s;
}

} // namespace

class TestCliConsentExpiry : public QObject {
    Q_OBJECT

    QTemporaryDir m_files;
    QStringList m_databases; // central databases made for the current test, dropped after it
    int m_made = 0;
    std::unique_ptr<Cli> m_listed; // the desk the list's rows read, made once
    std::unique_ptr<Cli> m_set;    // the desk the settings' rows change, made once
    QStringList m_kept;            // the central databases of those two, dropped at the end

    static bool onServer() { return qEnvironmentVariable("PORTALDESK_TEST_DB") == "postgresql"_L1; }

    // A desk of its own: a new embedded file, or a new central database (its owner is the supervisor).
    std::unique_ptr<Cli> desk() {
        if (!onServer())
            return std::make_unique<Cli>();
        PgCluster& pg = PgCluster::shared();
        if (!pg.ok())
            qFatal("no PostgreSQL cluster: %s", qPrintable(pg.error()));
        const QString database = u"expiry_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++m_made);
        if (!pg.createDatabase(database))
            qFatal("can't make database %s", qPrintable(database));
        m_databases.append(database);
        return std::make_unique<Cli>(u"postgresql://%1@127.0.0.1:%2/%3?sslmode=disable"_s.arg(pg.adminUser())
                                         .arg(pg.port())
                                         .arg(database),
                                     pg.adminPassword(), pg.binDirectory() + u"/psql"_s);
    }
    // The same, kept for every row of a data-driven test.
    std::unique_ptr<Cli> keptDesk() {
        auto made = desk();
        if (!m_databases.isEmpty())
            m_kept.append(m_databases.takeLast());
        return made;
    }
    static QString supervisor(const Cli& cli) { return cli.onServer() ? QString() : u"admin"_s; }

    QString form() {
        const QString path = m_files.filePath(u"consent.pdf"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(Pdf) != Pdf.size())
            qFatal("can't write %s", qPrintable(path));
        return path;
    }

    // A setting changed by the supervisor; empty when it was, else what failed.
    static QString set(Cli& cli, const QString& key, const QString& value) {
        const auto r = cli.run({"settings", "set", key, value}, {}, supervisor(cli));
        return r.exitCode == 0 ? QString() : u"settings set %1 %2: %3"_s.arg(key, value, r.err);
    }

    // The form's patient, an adult with an address of her own; empty when added, else what failed.
    static QString addPatient(Cli& cli, const Form& f = {}) {
        const auto r =
            cli.run({"patient", "add", "--mrn", f.mrn, "--given", f.patient, "--family", "Ruiz",
                     "--birth-date", "2000-03-02", "--language", "es", "--email", mailOf(f.patient)});
        return r.exitCode == 0 ? QString() : u"patient add: "_s + r.err;
    }

    // The form, signed the day before `day` and filed on `day` at 10:00 in Los Angeles, with its PIN; the
    // consent's number goes to `id`. Empty when filed, else what failed.
    QString submit(Cli& cli, const QString& day, QString* id, const Form& f = {}) {
        cli.setNow(day + u"T10:00:00"_s);
        const QString signedOn = QDate::fromString(day, Qt::ISODate).addDays(-1).toString(Qt::ISODate);
        const auto filed = cli.json(
            {"consent", "submit", "--mrn", f.mrn, "--proxy-given", f.proxy, "--proxy-family", "Ruiz",
             "--proxy-email", mailOf(f.proxy), "--relationship", "parent", "--signed", signedOn,
             "--signed-by", f.signer.isEmpty() ? f.patient + u" Ruiz"_s : f.signer, "--document", form()},
            "604817");
        if (filed.exitCode != 0)
            return u"consent submit: "_s + filed.err;
        *id = QString::number(filed.json()[u"consent"_s][u"id"_s].toInteger());
        return {};
    }

    // The form filed and approved on `day` at 10:00 in Los Angeles; the approval's JSON goes to `approval`.
    // Empty when both worked, else what failed.
    QString approvedOn(Cli& cli, const QString& day, QJsonObject* approval = nullptr, const Form& f = {}) {
        QString id;
        if (const QString failed = submit(cli, day, &id, f); !failed.isEmpty())
            return failed;
        const auto approved = cli.json({"consent", "approve", id});
        if (approved.exitCode != 0)
            return u"consent approve: "_s + approved.err;
        if (approval)
            *approval = approved.json();
        return {};
    }

    static QString idOf(const QJsonObject& approval) {
        return QString::number(approval[u"consent"_s][u"id"_s].toInteger());
    }
    static QString grantOf(const QJsonObject& approval) {
        return QString::number(approval[u"consent"_s][u"grant_id"_s].toInteger());
    }

private slots:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void cleanup() {
        for (const QString& database : std::as_const(m_databases))
            PgCluster::shared().dropDatabase(database);
        m_databases.clear();
    }

    void cleanupTestCase() {
        m_listed.reset();
        m_set.reset();
        for (const QString& database : std::as_const(m_kept))
            PgCluster::shared().dropDatabase(database);
    }

    // The day is fixed at approval: consent.expiry_months later, the month's last day where that month is
    // shorter; never when the setting is 0 or not set. A later change of the setting leaves it be.
    void theEndDayIsFixedAtApproval_data() {
        QTest::addColumn<QString>("months"); // empty: not set
        QTest::addColumn<QString>("approved");
        QTest::addColumn<QString>("endsOn"); // empty: never
        QTest::newRow("18 months from 31 August: 29 February of a leap year")
            << u"18"_s << u"2026-08-31"_s << u"2028-02-29"_s;
        QTest::newRow("18 months, mid-month") << u"18"_s << u"2026-11-24"_s << u"2028-05-24"_s;
        QTest::newRow("1 month from 31 January: the last of February")
            << u"1"_s << u"2027-01-31"_s << u"2027-02-28"_s;
        QTest::newRow("0 months: never") << u"0"_s << u"2026-11-24"_s << QString();
        QTest::newRow("not set: never") << QString() << u"2026-11-24"_s << QString();
    }
    void theEndDayIsFixedAtApproval() {
        QFETCH(QString, months);
        QFETCH(QString, approved);
        QFETCH(QString, endsOn);
        auto made = desk();
        Cli& cli = *made;
        QCOMPARE(addPatient(cli), QString());
        if (!months.isEmpty())
            QCOMPARE(set(cli, u"consent.expiry_months"_s, months), QString());
        QJsonObject approval;
        QCOMPARE(approvedOn(cli, approved, &approval), QString());
        const QJsonValue expected = endsOn.isEmpty() ? QJsonValue() : QJsonValue(endsOn);
        QCOMPARE(approval[u"consent"_s][u"ends_on"_s], expected);
        QCOMPARE(cli.sql(u"SELECT ends_on FROM consents WHERE id = %1"_s.arg(idOf(approval))), endsOn);

        const auto shown = cli.json({"consent", "show", idOf(approval)});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QCOMPARE(shown.json()[u"consent"_s][u"ends_on"_s], expected);
        QVERIFY(shown.json()[u"consent"_s][u"renews"_s].isNull());
        const auto text = cli.run({"consent", "show", idOf(approval)});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(endsOn.isEmpty()
                                       ? u"  access   does not expire"_s
                                       : u"  access   ends on %1 (the patient renews it"_s.arg(endsOn)),
                 qPrintable(text.out));

        // A change of the setting applies to consents approved from then on.
        QCOMPARE(set(cli, u"consent.expiry_months"_s, u"6"_s), QString());
        QCOMPARE(cli.json({"consent", "show", idOf(approval)}).json()[u"consent"_s][u"ends_on"_s], expected);
    }

    // consent.expiry_months takes 0 (never) to 240 months, consent.reminder_days 1 to 366 days, from a
    // supervisor; anything else is refused and the setting stays as it was.
    void theSettingsTakeWholeNumbersInTheirRange_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("staff"); // empty: the supervisor
        QTest::addColumn<int>("exitCode");
        const QString months = u"consent.expiry_months"_s;
        const QString days = u"consent.reminder_days"_s;
        QTest::newRow("18 months") << months << u"18"_s << QString() << 0;
        QTest::newRow("-1 months") << months << u"-1"_s << QString() << 3;
        QTest::newRow("241 months") << months << u"241"_s << QString() << 3;
        QTest::newRow("240 months, the most") << months << u"240"_s << QString() << 0;
        QTest::newRow("0 months, never") << months << u"0"_s << QString() << 0;
        QTest::newRow("months in words") << months << u"eighteen"_s << QString() << 3;
        QTest::newRow("a month and a half") << months << u"1.5"_s << QString() << 3;
        QTest::newRow("months set by a specialist") << months << u"12"_s << u"maria"_s << 6;
        QTest::newRow("months set by an agent") << months << u"12"_s << u"sam"_s << 6;
        QTest::newRow("10 reminder days") << days << u"10"_s << QString() << 0;
        QTest::newRow("0 reminder days") << days << u"0"_s << QString() << 3;
        QTest::newRow("367 reminder days") << days << u"367"_s << QString() << 3;
        QTest::newRow("366 reminder days, the most") << days << u"366"_s << QString() << 0;
    }
    void theSettingsTakeWholeNumbersInTheirRange() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, staff);
        QFETCH(int, exitCode);
        if (!m_set)
            m_set = keptDesk();
        Cli& cli = *m_set;
        const QString stored = u"SELECT value FROM settings WHERE key = '%1'"_s.arg(key);
        const QString before = cli.sql(stored);
        const auto r =
            cli.json({"settings", "set", key, value}, {}, staff.isEmpty() ? supervisor(cli) : staff);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + u' ' + r.err));
        QCOMPARE(cli.sql(stored), exitCode == 0 ? value : before);
    }

    // The patient is reminded consent.reminder_days before the day (30 unless set), once, at her own
    // address on file; the access goes on until the day.
    void theReminderComesReminderDaysBeforeOnce_data() {
        QTest::addColumn<QString>("reminderDays"); // empty: not set
        QTest::addColumn<QString>("dayBefore");
        QTest::addColumn<QString>("firstDay");
        // The consent ends on 2027-01-24.
        QTest::newRow("10 days before, as set") << u"10"_s << u"2027-01-13"_s << u"2027-01-14"_s;
        QTest::newRow("30 days before, by default") << QString() << u"2026-12-24"_s << u"2026-12-25"_s;
    }
    void theReminderComesReminderDaysBeforeOnce() {
        QFETCH(QString, reminderDays);
        QFETCH(QString, dayBefore);
        QFETCH(QString, firstDay);
        auto made = desk();
        Cli& cli = *made;
        QCOMPARE(addPatient(cli), QString());
        QCOMPARE(set(cli, u"consent.expiry_months"_s, u"2"_s), QString());
        if (!reminderDays.isEmpty())
            QCOMPARE(set(cli, u"consent.reminder_days"_s, reminderDays), QString());
        QJsonObject approval;
        QCOMPARE(approvedOn(cli, u"2026-11-24"_s, &approval), QString());
        QCOMPARE(approval[u"consent"_s][u"ends_on"_s].toString(), u"2027-01-24"_s);
        const QString reminders = u"SELECT count(*) FROM outbox WHERE kind = 'consent_reminder'"_s;

        cli.setNow(dayBefore + u"T02:00:00"_s);
        const auto early = cli.json({"daily", "--no-mail"});
        QVERIFY2(early.exitCode == 0, qPrintable(early.err));
        QCOMPARE(early.json()[u"consent_reminders_queued"_s].toInt(), 0);
        QCOMPARE(cli.sql(reminders), u"0"_s);

        cli.setNow(firstDay + u"T02:00:00"_s);
        const auto due = cli.run({"daily", "--no-mail"});
        QVERIFY2(due.exitCode == 0, qPrintable(due.err));
        QVERIFY2(due.out.contains(u"Patients reminded of a proxy consent that ends: 1\n"_s),
                 qPrintable(due.out));
        QCOMPARE(cli.sql(reminders), u"1"_s);
        QCOMPARE(cli.sql(u"SELECT recipient FROM outbox WHERE kind = 'consent_reminder'"_s),
                 mailOf(u"Ana"_s));
        QCOMPARE(cli.sql(u"SELECT status FROM outbox WHERE kind = 'consent_reminder'"_s), u"pending"_s);

        // Once: the same night's second run, and the next night's, queue none.
        for (const QString& at :
             QStringList{firstDay + u"T03:00:00"_s,
                         QDate::fromString(firstDay, Qt::ISODate).addDays(1).toString(Qt::ISODate) +
                             u"T02:00:00"_s}) {
            cli.setNow(at);
            const auto again = cli.json({"daily", "--no-mail"});
            QVERIFY2(again.exitCode == 0, qPrintable(again.err));
            QCOMPARE(again.json()[u"consent_reminders_queued"_s].toInt(), 0);
            QCOMPARE(again.json()[u"consents_expired"_s].toInt(), 0);
        }
        QCOMPARE(cli.sql(reminders), u"1"_s);
        QCOMPARE(cli.sql(u"SELECT count(*) FROM access_grants WHERE id = %1 AND ended_at IS NULL"_s.arg(
                     grantOf(approval))),
                 u"1"_s);
    }

    // The nightly run ends the grant on the consent's day, at that day's start, however many nights later
    // it runs; once. The proxy, left with no access, loses the login too.
    void theRunEndsTheGrantOnItsDay_data() {
        QTest::addColumn<QString>("runAt");
        QTest::addColumn<bool>("ended");
        QTest::addColumn<bool>("asJson");
        // The consent ends on 2026-12-24.
        QTest::newRow("the evening before: the access goes on") << u"2026-12-23T23:30:00"_s << false << false;
        QTest::newRow("on the day, just after midnight") << u"2026-12-24T00:30:00"_s << true << false;
        QTest::newRow("three days late, in JSON: caught up") << u"2026-12-27T02:00:00"_s << true << true;
    }
    void theRunEndsTheGrantOnItsDay() {
        QFETCH(QString, runAt);
        QFETCH(bool, ended);
        QFETCH(bool, asJson);
        auto made = desk();
        Cli& cli = *made;
        QCOMPARE(addPatient(cli), QString());
        QCOMPARE(set(cli, u"consent.expiry_months"_s, u"1"_s), QString());
        QJsonObject approval;
        QCOMPARE(approvedOn(cli, u"2026-11-24"_s, &approval), QString());
        QCOMPARE(approval[u"consent"_s][u"ends_on"_s].toString(), u"2026-12-24"_s);
        const QString grant = grantOf(approval);
        const QString rosa = approval[u"proxy"_s][u"username"_s].toString();
        QVERIFY(!rosa.isEmpty());

        cli.setNow(runAt);
        const auto run = cli.run({"daily", "--no-mail"}, {}, u"maria"_s, asJson);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        if (asJson)
            QCOMPARE(run.json()[u"consents_expired"_s].toInt(), ended ? 1 : 0);
        else
            QVERIFY2(run.out.contains(u"Proxy consents ended on their day: %1\n"_s.arg(ended ? 1 : 0)),
                     qPrintable(run.out));
        const QString end = u"SELECT coalesce(end_reason, 'open') || coalesce(' ' || ended_at, '') FROM "
                            "access_grants WHERE id = %1"_s.arg(grant);
        // Midnight in Los Angeles, in winter: 08:00 UTC.
        QCOMPARE(cli.sql(end), ended ? u"consent_expired 2026-12-24T08:00:00.000Z"_s : u"open"_s);
        QCOMPARE(cli.sql(u"SELECT status FROM portal_users WHERE username = '%1'"_s.arg(rosa)) ==
                     u"terminated"_s,
                 ended);
        if (ended)
            QCOMPARE(
                cli.sql(u"SELECT count(*) FROM audit_events WHERE action = 'grant.ended' AND details LIKE "
                        "'%consent_expired%'"_s),
                u"1"_s);

        // Once: the next night's run ends nothing more, and moves nothing.
        cli.setNow(u"2026-12-28T02:00:00"_s);
        const auto again = cli.json({"daily", "--no-mail"});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.json()[u"consents_expired"_s].toInt(), ended ? 0 : 1);
        QCOMPARE(cli.sql(end), u"consent_expired 2026-12-24T08:00:00.000Z"_s);
    }

    // "consent list --expiring DAYS": the approved consents whose access ends within that many days
    // (today included), soonest first; none that never ends. DAYS is a number of days, and the list is
    // HIM staff's.
    void theListShowsWhatEndsWithinTheDays_data() {
        QTest::addColumn<QString>("days");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("listed"); // MRNs
        // On 2026-12-01 the consents of 500101, 500102 and 500103 end in 23, 54 and 85 days; 500104's never.
        QTest::newRow("within 30 days") << u"30"_s << u"maria"_s << 0 << u"500101"_s;
        QTest::newRow("within 60 days") << u"60"_s << u"maria"_s << 0 << u"500101, 500102"_s;
        QTest::newRow("within 90 days") << u"90"_s << u"maria"_s << 0 << u"500101, 500102, 500103"_s;
        QTest::newRow("today only") << u"0"_s << u"maria"_s << 0 << QString();
        QTest::newRow("a word") << u"x"_s << u"maria"_s << 3 << QString();
        QTest::newRow("a negative number") << u"-1"_s << u"maria"_s << 3 << QString();
        QTest::newRow("more than ten years") << u"3661"_s << u"maria"_s << 3 << QString();
        QTest::newRow("an agent") << u"30"_s << u"sam"_s << 6 << QString();
    }
    void theListShowsWhatEndsWithinTheDays() {
        QFETCH(QString, days);
        QFETCH(QString, staff);
        QFETCH(int, exitCode);
        QFETCH(QString, listed);
        if (!m_listed) {
            m_listed = keptDesk();
            Cli& cli = *m_listed;
            int months = 1;
            for (const auto& [mrn, patient, proxy] :
                 {std::tuple{"500101", "Eva", "Rosa"}, std::tuple{"500102", "Ines", "Sara"},
                  std::tuple{"500103", "Lia", "Tere"}, std::tuple{"500104", "Mar", "Uma"}}) {
                const Form f{QString::fromLatin1(mrn), QString::fromLatin1(patient),
                             QString::fromLatin1(proxy), QString()};
                QCOMPARE(addPatient(cli, f), QString());
                QCOMPARE(set(cli, u"consent.expiry_months"_s, QString::number(months++ % 4)), QString());
                QCOMPARE(approvedOn(cli, u"2026-11-24"_s, nullptr, f), QString());
            }
            QCOMPARE(
                cli.sql(u"SELECT count(*) FROM consents WHERE status = 'approved' AND ends_on IS NULL"_s),
                u"1"_s);
        }
        Cli& cli = *m_listed;
        cli.setNow(u"2026-12-01T09:00:00"_s);
        const QStringList args{u"consent"_s, u"list"_s, u"--expiring"_s, days};
        const auto r = cli.json(args, {}, staff);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + u' ' + r.err));
        if (exitCode == 3)
            QCOMPARE(r.json()[u"error"_s][u"rule"_s].toString(), u"input.days"_s);
        if (exitCode != 0)
            return;
        QStringList mrns;
        for (const QJsonValue& c : r.json()[u"consents"_s].toArray())
            mrns << c[u"mrn"_s].toString();
        QCOMPARE(mrns.join(u", "_s), listed);
        const auto text = cli.run(args, {}, staff);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(listed.isEmpty() == text.out.contains(u"No consents."_s), qPrintable(text.out));
        QVERIFY2(listed.isEmpty() != text.out.contains(u"  ends 2026-12-24"_s), qPrintable(text.out));
    }

    // A new consent for the same proxy, signed by the patient and approved before the day, renews the
    // access: the earlier grant ends at the very instant the new one starts, and the new consent has a day
    // of its own. After the day, it is a new grant, as for a new proxy. One not signed by the patient
    // renews nothing.
    void aNewConsentRenewsWithoutAGap_data() {
        QTest::addColumn<QString>("renewedOn");
        QTest::addColumn<QString>("signer"); // empty: the patient
        QTest::addColumn<QString>("earlierEnd");
        // The first consent ends on 2026-12-24.
        QTest::newRow("before the day, signed by the patient")
            << u"2026-12-20"_s << QString() << u"consent_renewed"_s;
        QTest::newRow("after the day: a new grant") << u"2027-01-05"_s << QString() << u"consent_expired"_s;
        QTest::newRow("before the day, signed by the proxy: refused, the access goes on")
            << u"2026-12-20"_s << u"Rosa Ruiz"_s << QString();
    }
    void aNewConsentRenewsWithoutAGap() {
        QFETCH(QString, renewedOn);
        QFETCH(QString, signer);
        QFETCH(QString, earlierEnd);
        auto made = desk();
        Cli& cli = *made;
        QCOMPARE(addPatient(cli), QString());
        QCOMPARE(set(cli, u"consent.expiry_months"_s, u"1"_s), QString());
        QJsonObject first;
        QCOMPARE(approvedOn(cli, u"2026-11-24"_s, &first), QString());
        const QString earlier = grantOf(first);
        if (earlierEnd == u"consent_expired"_s) {
            cli.setNow(u"2026-12-25T02:00:00"_s);
            QCOMPARE(cli.json({"daily", "--no-mail"}).json()[u"consents_expired"_s].toInt(), 1);
        }

        Form renewal;
        renewal.signer = signer;
        QString id;
        QCOMPARE(submit(cli, renewedOn, &id, renewal), QString());
        const auto review = cli.json({"consent", "show", id});
        QVERIFY2(review.exitCode == 0, qPrintable(review.err));
        QStringList checks;
        for (const QJsonValue& c : review.json()[u"checks"_s].toArray())
            checks << c[u"check"_s].toString() + u'=' + c[u"result"_s].toString();
        QVERIFY2(checks.contains(u"renews=info"_s) == (renewedOn < u"2026-12-24"_s),
                 qPrintable(checks.join(u' ')));

        const auto approved = cli.json({"consent", "approve", id});
        if (earlierEnd.isEmpty()) {
            QCOMPARE(approved.exitCode, 3);
            QCOMPARE(approved.json()[u"error"_s][u"rule"_s].toString(), u"consent.signer_is_patient"_s);
            QCOMPARE(cli.sql(u"SELECT count(*) FROM access_grants WHERE id = %1 AND ended_at IS NULL"_s.arg(
                         earlier)),
                     u"1"_s);
            QCOMPARE(cli.sql(u"SELECT count(*) FROM access_grants"_s), u"1"_s);
            return;
        }
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        const QString newer = grantOf(approved.json());
        QCOMPARE(cli.sql(u"SELECT end_reason FROM access_grants WHERE id = %1"_s.arg(earlier)), earlierEnd);
        QCOMPARE(
            cli.sql(u"SELECT count(*) FROM access_grants WHERE id = %1 AND ended_at IS NULL"_s.arg(newer)),
            u"1"_s);
        QCOMPARE(cli.sql(u"SELECT portal_user_id FROM access_grants WHERE id = %1"_s.arg(newer)),
                 cli.sql(u"SELECT portal_user_id FROM access_grants WHERE id = %1"_s.arg(earlier)));
        const QString endedAt = cli.sql(u"SELECT ended_at FROM access_grants WHERE id = %1"_s.arg(earlier));
        const QString startedAt = cli.sql(u"SELECT started_at FROM access_grants WHERE id = %1"_s.arg(newer));
        const QString expectedEnd =
            QDate::fromString(renewedOn, Qt::ISODate).addMonths(1).toString(Qt::ISODate);
        const auto shown = cli.json({"consent", "show", id});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QCOMPARE(shown.json()[u"consent"_s][u"ends_on"_s].toString(), expectedEnd);
        if (earlierEnd == u"consent_renewed"_s) {
            QCOMPARE(endedAt, startedAt); // no gap, and no overlap
            QVERIFY2(startedAt.startsWith(renewedOn + u"T18:00:00"_s), qPrintable(startedAt)); // 10:00 in LA
            QCOMPARE(QString::number(shown.json()[u"consent"_s][u"renews"_s].toInteger()), idOf(first));
            QCOMPARE(QString::number(approved.json()[u"consent"_s][u"renews"_s].toInteger()), idOf(first));
        } else {
            QCOMPARE(endedAt, u"2026-12-24T08:00:00.000Z"_s);
            QVERIFY(shown.json()[u"consent"_s][u"renews"_s].isNull());
        }
        // The earlier consent's day passes without effect; the new one's own day ends the new grant.
        if (earlierEnd == u"consent_renewed"_s) {
            cli.setNow(u"2026-12-26T02:00:00"_s);
            QCOMPARE(cli.json({"daily", "--no-mail"}).json()[u"consents_expired"_s].toInt(), 0);
        }
        cli.setNow(expectedEnd + u"T02:00:00"_s);
        QCOMPARE(cli.json({"daily", "--no-mail"}).json()[u"consents_expired"_s].toInt(), 1);
        QCOMPARE(cli.sql(u"SELECT end_reason FROM access_grants WHERE id = %1"_s.arg(newer)),
                 u"consent_expired"_s);
    }

    // "visibility PROXY MRN" says when access from a proxy consent ends, to the desk and to an agent.
    void theExplainerSaysWhenAccessEnds_data() {
        QTest::addColumn<QString>("months");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("endsOn"); // empty: never
        QTest::newRow("18 months, to the desk") << u"18"_s << u"maria"_s << u"2028-05-24"_s;
        QTest::newRow("18 months, to an agent") << u"18"_s << u"sam"_s << u"2028-05-24"_s;
        QTest::newRow("never") << u"0"_s << u"maria"_s << QString();
    }
    void theExplainerSaysWhenAccessEnds() {
        QFETCH(QString, months);
        QFETCH(QString, staff);
        QFETCH(QString, endsOn);
        auto made = desk();
        Cli& cli = *made;
        QCOMPARE(addPatient(cli), QString());
        QCOMPARE(set(cli, u"consent.expiry_months"_s, months), QString());
        QJsonObject approval;
        QCOMPARE(approvedOn(cli, u"2026-11-24"_s, &approval), QString());
        const QString proxy = approval[u"proxy"_s][u"username"_s].toString();
        QVERIFY(!proxy.isEmpty());
        const QStringList args{u"visibility"_s, proxy, u"500100"_s};
        const auto r = cli.json(args, {}, staff);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.json().contains(u"consent_ends_on"_s));
        QCOMPARE(r.json()[u"consent_ends_on"_s], endsOn.isEmpty() ? QJsonValue() : QJsonValue(endsOn));
        const auto text = cli.run(args, {}, staff);
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QCOMPARE(text.out.contains(u"Access from the patient's proxy consent ends on %1, unless the patient "
                                   "signs a new one."_s.arg(endsOn)),
                 !endsOn.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliConsentExpiry)
#include "TestCliConsentExpiry.moc"
