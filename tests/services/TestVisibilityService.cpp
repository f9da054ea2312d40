// "Why can't I see X?" (SPEC §9) answered from the records: a teen's parent and the limited set, a 12th
// birthday the nightly run has not reached yet, the hospital's own limited set, and look-ups that fail.
#include "services/ServiceFixture.h"

#include "services/DailyJob.h"
#include "services/VisibilityService.h"

#include <QUrl>

using namespace pd;
using namespace pd::test;

Q_DECLARE_METATYPE(pd::ErrorKind)

namespace {

const Visibility::CategoryRow& row(const VisibilityAnswer& a, const QString& category) {
    for (const Visibility::CategoryRow& r : a.explanation.rows) {
        if (r.category == category)
            return r;
    }
    qFatal("no row for %s", qPrintable(category));
}

QStringList visibleCategories(const VisibilityAnswer& a) {
    QStringList out;
    for (const Visibility::CategoryRow& r : a.explanation.rows) {
        if (r.visible)
            out.append(r.category);
    }
    return out;
}

void activate(TestDb& t, const QString& username) {
    const QString token = sendAndReadToken(t, username);
    auto done = InvitationService(*t.as(QStringLiteral("portal"))).activate(token, QStringLiteral("482913"));
    if (!done)
        qFatal("activate: %s", qPrintable(done.error().message));
}

} // namespace

class TestVisibilityService : public QObject {
    Q_OBJECT

    // A 14-year-old (born 2012-06-15) whose mother enrolled with the adolescent parent form and activated.
    EnrollOutcome teenFamily(TestDb& t) {
        addPatient(t, QStringLiteral("100300"), QDate(2012, 6, 15), QStringLiteral("leo@example.org"));
        const auto e = enrollOk(
            t, parentForm(QStringLiteral("100300"), QDate(2026, 11, 24), QStringLiteral("rosa@example.org")));
        activate(t, e.user.username);
        return e;
    }

private slots:
    void teensParentSeesTheLimitedSetWithReasons() {
        TestDb t;
        const auto e = teenFamily(t);
        auto a = VisibilityService(*t.as(QStringLiteral("specialist")))
                     .explain(QStringLiteral("rosa@example.org"), QStringLiteral("100300"));
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
        QCOMPARE(a->login.username, e.user.username);
        QCOMPARE(a->login.email, QStringLiteral("rosa@example.org"));
        QCOMPARE(a->patient.mrn, QStringLiteral("100300"));
        QCOMPARE(a->patient.birthDate, QDate(2012, 6, 15));
        QCOMPARE(a->today, QDate(2026, 11, 24));
        QVERIFY(!a->masked);
        QCOMPARE(a->explanation.age, 14);
        QCOMPARE(a->explanation.bracket, Bracket::Adolescent);
        QCOMPARE(a->explanation.rule, Visibility::Rule::LimitedSet);
        QCOMPARE(a->explanation.grants.size(), 1);
        QCOMPARE(a->explanation.grants.first().grant.level, QStringLiteral("limited"));
        QCOMPARE(a->explanation.rows.size(), Visibility::allCategories().size());
        QCOMPARE(a->explanation.visibleCount, 7);
        QCOMPARE(visibleCategories(a.value()),
                 QStringList({QStringLiteral("messages"), QStringLiteral("prescription_renewals"),
                              QStringLiteral("appointments"), QStringLiteral("return_to_school_notes"),
                              QStringLiteral("allergies"), QStringLiteral("immunizations"),
                              QStringLiteral("medications")}));
        QCOMPARE(row(a.value(), QStringLiteral("lab_results")).reason,
                 QStringLiteral(
                     "Proxies of a patient aged 12–17 see only the limited set; lab results are not in it."));
        QCOMPARE(row(a.value(), QStringLiteral("hiv_results")).rule, Visibility::Rule::WithheldCategory);
        QVERIFY(a->explanation.summary.startsWith(QStringLiteral("Limited access: sees 7 of the 11")));
        // Opening it is audited like opening the patient's page, and stays off the timeline.
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'visibility.opened' "
                                   "AND record_type = 'patient'")),
            1);
        auto story = PatientService(*t.as(QStringLiteral("specialist"))).show(QStringLiteral("100300"));
        QVERIFY(story.ok());
        for (const AuditEvent& ev : std::as_const(story->timeline))
            QVERIFY(ev.action != QLatin1String("visibility.opened"));
    }

    void supportAgentsAskToo() {
        TestDb t;
        const auto e = teenFamily(t);
        auto a = VisibilityService(*t.as(QStringLiteral("agent")))
                     .explain(e.user.username, QStringLiteral("100300"));
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
        QVERIFY(a->masked);
        QCOMPARE(a->login.email, maskEmail(QStringLiteral("rosa@example.org")));
        QCOMPARE(a->patient.email, maskEmail(QStringLiteral("leo@example.org")));
        QVERIFY(!a->patient.birthDate.isValid());
        // The bracket, not the age in years: with this year it is the year of birth.
        QCOMPARE(a->explanation.age, -1);
        QCOMPARE(a->explanation.bracket, Bracket::Adolescent);
        QCOMPARE(a->explanation.visibleCount, 7);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'visibility.opened' "
                                   "AND staff = 'agent'")),
            1);
    }

    void twelfthBirthdayBeforeTheNightlyRun() {
        TestDb t;
        // 11 today, 12 on 2026-11-30: the parent's child-bracket grant gives full access until then.
        addPatient(t, QStringLiteral("100400"), QDate(2014, 11, 30));
        const auto e = enrollOk(t, parentForm(QStringLiteral("100400"), QDate(2026, 11, 24),
                                              QStringLiteral("ana.m@example.org")));
        activate(t, e.user.username);
        const auto before = VisibilityService(*t.as(QStringLiteral("specialist")))
                                .explain(e.user.username, QStringLiteral("100400"));
        QVERIFY(before.ok());
        QCOMPARE(before->explanation.rule, Visibility::Rule::FullAccess);
        QCOMPARE(before->explanation.visibleCount, 11);

        // Two days after the birthday, and no nightly run since.
        t.clock.set(la(2026, 12, 2, 8));
        const auto pending = VisibilityService(*t.as(QStringLiteral("specialist")))
                                 .explain(e.user.username, QStringLiteral("100400"));
        QVERIFY(pending.ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE ended_at IS NULL")), 1);
        QCOMPARE(pending->explanation.rule, Visibility::Rule::AgeRulePending);
        QCOMPARE(pending->explanation.visibleCount, 0);
        QCOMPARE(pending->explanation.grants.first().state, Visibility::GrantState::EndedByAgeRule);
        QCOMPARE(pending->explanation.grants.first().endReason, QStringLiteral("age_12"));
        QCOMPARE(pending->explanation.grants.first().endedOn, QDate(2026, 11, 30));
        QVERIFY2(row(pending.value(), QStringLiteral("appointments"))
                     .reason.startsWith(
                         QStringLiteral("Access ended on 2026-11-30 at the patient's 12th birthday")),
                 qPrintable(row(pending.value(), QStringLiteral("appointments")).reason));

        // Once the nightly run has caught up, the same answer rests on the recorded end.
        auto daily = DailyJob(*t.as(QStringLiteral("specialist"))).runTransitions();
        QVERIFY2(daily.ok(), daily.ok() ? "" : qPrintable(daily.error().message));
        QCOMPARE(daily->first, 1);
        const auto after = VisibilityService(*t.as(QStringLiteral("specialist")))
                               .explain(e.user.username, QStringLiteral("100400"));
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().message));
        QCOMPARE(after->login.status, QStringLiteral("terminated"));
        QCOMPARE(after->explanation.rule, Visibility::Rule::GrantEnded);
        QCOMPARE(after->explanation.grants.first().endReason, QStringLiteral("age_12"));
        QCOMPARE(after->explanation.grants.first().endedOn, QDate(2026, 11, 30));
    }

    void theHospitalsLimitedSet() {
        TestDb t;
        const auto e = teenFamily(t);
        const auto supervisor = t.as(QStringLiteral("supervisor"));
        AdminService admin(*supervisor);
        const Status refused = admin.setSetting(QStringLiteral("portal.limited_categories"),
                                                QStringLiteral("appointments,hiv_results"));
        QCOMPARE(refused.error().rule, QStringLiteral("settings.value"));
        QVERIFY(refused.error().message.contains(QStringLiteral("hiv_results")));
        const Status set = admin.setSetting(QStringLiteral("portal.limited_categories"),
                                            QStringLiteral("appointments, lab_results"));
        QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().message));

        auto a = VisibilityService(*t.as(QStringLiteral("specialist")))
                     .explain(e.user.username, QStringLiteral("100300"));
        QVERIFY(a.ok());
        QCOMPARE(a->limitedSet, QStringList({QStringLiteral("appointments"), QStringLiteral("lab_results")}));
        QCOMPARE(visibleCategories(a.value()),
                 QStringList({QStringLiteral("lab_results"), QStringLiteral("appointments")}));
        QCOMPARE(row(a.value(), QStringLiteral("lab_results")).reason,
                 QStringLiteral(
                     "Proxies of a patient aged 12–17 see only the limited set; lab results are in it."));
    }

    void thePatientsOwnLogin() {
        TestDb t;
        teenFamily(t);
        const auto own = enrollOk(t, patientForm(QStringLiteral("100300"), QDate(2026, 11, 24),
                                                 QStringLiteral("leo.own@example.org")));
        auto pending = VisibilityService(*t.as(QStringLiteral("specialist")))
                           .explain(own.user.username, QStringLiteral("100300"));
        QVERIFY2(pending.ok(), pending.ok() ? "" : qPrintable(pending.error().message));
        QCOMPARE(pending->explanation.rule, Visibility::Rule::LoginNotActive);
        activate(t, own.user.username);
        auto a = VisibilityService(*t.as(QStringLiteral("specialist")))
                     .explain(own.user.username, QStringLiteral("100300"));
        QVERIFY(a.ok());
        QVERIFY(a->explanation.ownLogin);
        QCOMPARE(a->explanation.rule, Visibility::Rule::OwnRecord);
        QCOMPARE(visibleCategories(a.value()), Visibility::portalCategories());
    }

    void lookUpsThatFail_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("mrn");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("rule");
        QTest::newRow("unknown user") << "nobody@example.org"
                                      << "100300" << ErrorKind::NotFound << "user.not_found";
        QTest::newRow("unknown MRN") << "rosa@example.org"
                                     << "999999" << ErrorKind::NotFound << "patient.not_found";
        QTest::newRow("MRN that can't be one") << "rosa@example.org"
                                               << "12 34!" << ErrorKind::Validation << "input.mrn";
        QTest::newRow("no user given") << ""
                                       << "100300" << ErrorKind::Validation << "input.user";
        QTest::newRow("a login with no tie to the patient")
            << "rosa@example.org"
            << "100500" << ErrorKind::NotFound << "visibility.no_relation";
    }

    void lookUpsThatFail() {
        QFETCH(QString, user);
        QFETCH(QString, mrn);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, rule);
        TestDb t;
        teenFamily(t);
        addPatient(t, QStringLiteral("100500"), QDate(2015, 2, 2));
        auto a = VisibilityService(*t.as(QStringLiteral("agent"))).explain(user, mrn);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().kind, kind);
        QCOMPARE(a.error().rule, rule);
        QVERIFY(!a.error().message.isEmpty());
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'visibility.opened'")),
            0);
    }

    // On the central database the agent signs in as their own database login, whose group role reads
    // people only through the masked views: the answer must still come, masked, and be audited.
    void aSupportAgentsOwnDatabaseLogin() {
        if (!onPostgres())
            QSKIP("database logins per staff member exist on the central database only");
        TestDb t;
        const auto e = teenFamily(t);
        const QString password = QStringLiteral("correct horse battery staple");
        {
            const auto supervisor = t.as(QStringLiteral("supervisor"));
            QVERIFY(AdminService(*supervisor)
                        .addStaff(QStringLiteral("sam"), QStringLiteral("Sam Ortiz"),
                                  QStringLiteral("support_agent"), password)
                        .ok());
        }
        auto db = Database::open(
            PgCluster::shared().url(QUrl(t.location).path().mid(1), QStringLiteral("sam"), password));
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        auto staff = signIn(*db.value(), QString());
        QVERIFY2(staff.ok(), staff.ok() ? "" : qPrintable(staff.error().message));
        ServiceContext ctx(*db.value(), t.clock, staff.value(), QStringLiteral("ws"));
        auto a = VisibilityService(ctx).explain(e.user.username, QStringLiteral("100300"));
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
        QVERIFY(a->masked);
        QCOMPARE(a->login.email, maskEmail(QStringLiteral("rosa@example.org")));
        QCOMPARE(a->explanation.rule, Visibility::Rule::LimitedSet);
        QCOMPARE(a->explanation.visibleCount, 7);
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'visibility.opened' "
                                   "AND staff = 'sam'")),
            1);
    }

    void onlyStaffAsk() {
        TestDb t;
        const auto e = teenFamily(t);
        auto a = VisibilityService(*t.as(QStringLiteral("portal")))
                     .explain(e.user.username, QStringLiteral("100300"));
        QCOMPARE(a.error().kind, ErrorKind::NotPermitted);
    }
};

QTEST_GUILESS_MAIN(TestVisibilityService)
#include "TestVisibilityService.moc"
