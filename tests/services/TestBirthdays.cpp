// SPEC section 6: support agents see no birth date ("no DOB unless verifying"), and nothing that is one in
// disguise: an age in years, the day of a 12th or 18th birthday, the day a grant the age rules ended
// ended, a notice queued 30 days before one, the day a login a birthday left with nothing was terminated.
// A caller's date is checked without showing the real one, a few tries an hour.
#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/DailyJob.h"
#include "services/TimelineText.h"
#include "services/VisibilityService.h"

using namespace pd;
using namespace pd::test;

namespace {

QString iso(const QDate& d) {
    return d.toString(Qt::ISODate);
}
QString iso(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Everything a page shows, as text, dates written out.
QString textOf(const PatientStory& s) {
    QStringList out{iso(s.patient.birthDate), QString::number(s.age)};
    if (s.nextTransition)
        out << QString::number(s.nextTransition->age) << iso(s.nextTransition->date);
    for (const PortalUser& u : s.users)
        out << u.username << u.status << iso(u.statusChangedAt) << iso(u.activatedAt);
    for (const Grant& g : s.grants)
        out << iso(g.startedAt) << iso(g.endedAt) << g.endReason;
    for (const Invitation& i : s.invitations)
        out << iso(i.queuedAt) << iso(i.sentAt) << iso(i.expiresAt) << iso(i.revokedAt) << i.revokeReason;
    for (const AuditEvent& e : s.timeline)
        out << iso(e.at) << e.details << TimelineText::describe(e) << e.hash << e.prevHash;
    return out.join(QLatin1Char('\n'));
}

QString textOf(const UserStory& s) {
    QStringList out{s.user.status, iso(s.user.statusChangedAt)};
    for (const Grant& g : s.grants)
        out << iso(g.startedAt) << iso(g.endedAt) << g.endReason;
    for (const Invitation& i : s.invitations)
        out << iso(i.queuedAt) << iso(i.revokedAt) << i.revokeReason;
    return out.join(QLatin1Char('\n'));
}

QString textOf(const VisibilityAnswer& a) {
    const Visibility::Explanation& e = a.explanation;
    QStringList out{iso(a.patient.birthDate), QString::number(e.age), e.summary,
                    iso(a.login.statusChangedAt)};
    for (const Visibility::GrantView& g : e.grants)
        out << iso(g.endedOn) << iso(g.grant.endedAt) << g.endReason;
    for (const Visibility::CategoryRow& r : e.rows)
        out << r.reason;
    return out.join(QLatin1Char('\n'));
}

// The birth date, and the days that are one in disguise, as they could be written.
QStringList birthdayForms(const QDate& birth, const QList<QDate>& days) {
    QStringList forms{iso(birth), birth.toString(QStringLiteral("MM-dd")),
                      birth.toString(QStringLiteral("MM/dd")), birth.toString(QStringLiteral("dd/MM"))};
    for (const QDate& d : days)
        forms << iso(d);
    return forms;
}

} // namespace

class TestBirthdays : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDb> m_t;

    // Ana (MRN 800001), born 17 September 2014: her mother enrolled her the day before her 12th birthday,
    // and the birthday ended that access, closed the login and revoked its invitation.
    const QDate m_anaBorn{2014, 9, 17};
    const QDate m_anaTwelve{2026, 9, 17};
    // Leo (800002), born 20 December 2014: his father's login is active, and the notice 30 days before the
    // 12th birthday went out on 20 November 2026.
    const QDate m_leoBorn{2014, 12, 20};
    const QDate m_leoNotice{2026, 11, 20};
    const QDate m_leoTwelve{2026, 12, 20};
    // Eva (800003), born 8 March 2015: her mother's invitation waits to be sent.
    const QDate m_evaBorn{2015, 3, 8};
    // Max (800004), born 21 November 2014: 12 three days ago, and the nightly run has not recorded it.
    const QDate m_maxBorn{2014, 11, 21};

    std::unique_ptr<ServiceContext> as(const QString& who) { return m_t->as(who); }

    DailyReport daily() {
        auto r = DailyJob(*as(QStringLiteral("specialist"))).run(nullptr);
        if (!r)
            qFatal("daily: %s", qPrintable(r.error().message));
        return r.value();
    }

    QStringList forbiddenFor(const QString& mrn) const {
        if (mrn == QLatin1String("800001"))
            return birthdayForms(m_anaBorn, {m_anaTwelve});
        if (mrn == QLatin1String("800002"))
            return birthdayForms(m_leoBorn, {m_leoNotice, m_leoTwelve});
        return birthdayForms(m_maxBorn, {QDate(2026, 11, 21)});
    }

    qint64 tries(qint64 patientId) {
        return m_t->count(
            QStringLiteral("SELECT count(*) FROM audit_events WHERE patient_id = %1 AND action IN "
                           "('identity.checked', 'identity.pin_refused')")
                .arg(patientId));
    }

private slots:
    void initTestCase() {
        m_t = std::make_unique<TestDb>();
        m_t->clock.set(la(2026, 9, 16, 10));
        addPatient(*m_t, QStringLiteral("800001"), m_anaBorn, QStringLiteral("ana.kid@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("800001"), QDate(2026, 9, 16),
                                  QStringLiteral("ana.mom@example.org"), QStringLiteral("Rosa")));
        m_t->clock.set(la(2026, 9, 17, 2));
        daily();

        m_t->clock.set(la(2026, 11, 10, 10));
        addPatient(*m_t, QStringLiteral("800002"), m_leoBorn, QStringLiteral("leo.kid@example.org"));
        auto leo = enrollOk(*m_t, parentForm(QStringLiteral("800002"), QDate(2026, 11, 10),
                                             QStringLiteral("leo.dad@example.org"), QStringLiteral("Raúl")));
        const QString token = sendAndReadToken(*m_t, leo.user.username);
        QVERIFY(
            InvitationService(*as(QStringLiteral("portal"))).activate(token, QStringLiteral("482913")).ok());
        addPatient(*m_t, QStringLiteral("800004"), m_maxBorn, QStringLiteral("max.kid@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("800004"), QDate(2026, 11, 10),
                                  QStringLiteral("max.mom@example.org"), QStringLiteral("Inés")));
        m_t->clock.set(la(2026, 11, 20, 2));
        daily();

        m_t->clock.set(la(2026, 11, 23, 10));
        addPatient(*m_t, QStringLiteral("800003"), m_evaBorn, QStringLiteral("eva.kid@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("800003"), QDate(2026, 11, 23),
                                  QStringLiteral("eva.mom@example.org"), QStringLiteral("Lucía")));
        m_t->clock.set(la(2026, 11, 24, 10));
    }
    void cleanupTestCase() { m_t.reset(); }

    // The patient's page: the birth date, age, the next rule's day, the end of a grant a birthday ended,
    // a notice's day, the termination of the login it left with nothing, and the events in the timeline.
    void aPatientsPageHoldsNoBirthdayForAnAgent_data() {
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("mrn");
        QTest::addColumn<bool>("hidden");
        for (const char* mrn : {"800001", "800002", "800004"}) {
            QTest::addRow("agent, %s", mrn) << "agent" << QString::fromLatin1(mrn) << true;
            QTest::addRow("specialist, %s", mrn) << "specialist" << QString::fromLatin1(mrn) << false;
        }
    }
    void aPatientsPageHoldsNoBirthdayForAnAgent() {
        QFETCH(QString, staff);
        QFETCH(QString, mrn);
        QFETCH(bool, hidden);
        auto story = PatientService(*as(staff)).show(mrn);
        QVERIFY(story.ok());
        const QString text = textOf(story.value());
        QStringList found;
        for (const QString& form : forbiddenFor(mrn)) {
            if (text.contains(form))
                found << form;
        }
        if (hidden) {
            QVERIFY2(found.isEmpty(),
                     qPrintable(found.join(QStringLiteral(", ")) + QStringLiteral(" in\n") + text));
            QCOMPARE(story->age, -1);
            QVERIFY(story->nextTransition);
            QVERIFY(!story->nextTransition->date.isValid());
        } else {
            QVERIFY2(!found.isEmpty(), "HIM staff see the birth date");
            QVERIFY(story->age >= 11);
        }
    }

    // Ana's ended grant still reads as ended, with its reason, for the agent.
    void anAgeEndedGrantIsEndedWithoutItsDay() {
        auto story = PatientService(*as(QStringLiteral("agent"))).show(QStringLiteral("800001"));
        QVERIFY(story.ok());
        QCOMPARE(story->grants.size(), 1);
        const Grant& g = story->grants.first();
        QVERIFY(!g.isOpen());
        QVERIFY(!g.endedAt.isValid());
        QCOMPARE(g.endReason, QStringLiteral("age_12"));
        QCOMPARE(story->bracket, Bracket::Adolescent);
        QCOMPARE(story->users.first().status, QStringLiteral("terminated"));
        bool ended = false;
        for (const AuditEvent& e : story->timeline) {
            if (e.action == QLatin1String("grant.ended")) {
                ended = true;
                QVERIFY(!e.at.isValid());
                QCOMPARE(TimelineText::describe(e),
                         QStringLiteral("Access ended (patient turned 12): child-bracket access ends on the "
                                        "12th birthday."));
            }
        }
        QVERIFY(ended);
    }

    void aLoginsPageHoldsNoBirthdayForAnAgent_data() {
        QTest::addColumn<QString>("staff");
        QTest::addColumn<bool>("hidden");
        QTest::newRow("agent") << "agent" << true;
        QTest::newRow("specialist") << "specialist" << false;
    }
    void aLoginsPageHoldsNoBirthdayForAnAgent() {
        QFETCH(QString, staff);
        QFETCH(bool, hidden);
        auto story = AccountService(*as(staff)).show(QStringLiteral("ana.mom@example.org"));
        QVERIFY(story.ok());
        const QString text = textOf(story.value());
        QCOMPARE(text.contains(iso(m_anaTwelve)), !hidden);
        QCOMPARE(story->grants.first().isOpen(), false);
    }

    // "Why can't I see X?": the rule, with no day for a birthday, and no age in years.
    void whatALoginCanSeeHoldsNoBirthdayForAnAgent_data() {
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("mrn");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("hidden");
        const struct {
            const char* login;
            const char* mrn;
            const char* rule;
        } cases[] = {{"ana.mom@example.org", "800001", "grant_ended"},
                     {"max.mom@example.org", "800004", "age_rule_pending"},
                     {"leo.dad@example.org", "800002", "full_access"}};
        for (const auto& c : cases) {
            QTest::addRow("agent, %s", c.mrn) << "agent" << c.login << c.mrn << c.rule << true;
            QTest::addRow("specialist, %s", c.mrn) << "specialist" << c.login << c.mrn << c.rule << false;
        }
    }
    void whatALoginCanSeeHoldsNoBirthdayForAnAgent() {
        QFETCH(QString, staff);
        QFETCH(QString, login);
        QFETCH(QString, mrn);
        QFETCH(QString, rule);
        QFETCH(bool, hidden);
        auto answer = VisibilityService(*as(staff)).explain(login, mrn);
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().message));
        QCOMPARE(Visibility::ruleName(answer->explanation.rule), rule);
        const QString text = textOf(answer.value());
        for (const QString& form : forbiddenFor(mrn)) {
            if (hidden)
                QVERIFY2(!text.contains(form), qPrintable(form + QStringLiteral(" in\n") + text));
        }
        QCOMPARE(answer->explanation.age < 0, hidden);
    }

    // The birthdays ahead are a worklist of birthdays: HIM staff's.
    void theBirthdaysAheadAreForHimStaff() {
        auto agent = DailyJob(*as(QStringLiteral("agent"))).upcoming(30);
        QVERIFY(!agent.ok());
        QCOMPARE(agent.error().kind, ErrorKind::NotPermitted);
        QVERIFY(!DailyJob(*as(QStringLiteral("agent"))).upcomingCount(30).ok());
        auto specialist = DailyJob(*as(QStringLiteral("specialist"))).upcoming(30);
        QVERIFY(specialist.ok());
        QVERIFY(!specialist->isEmpty());
    }

    // Identity verification: the answer only, audited, five tries an hour for one patient, all staff
    // together; another patient's tries are their own.
    void aCallersDateIsCheckedNotShown() {
        const qint64 eva = findPatient(*m_t->db, QStringLiteral("800003")).value().id;
        auto agentCtx = as(QStringLiteral("agent"));
        PatientService agent(*agentCtx);
        auto yes = agent.verifyBirthDate(QStringLiteral("800003"), QStringLiteral("2015-03-08"));
        QVERIFY(yes.ok());
        QVERIFY(yes.value());
        auto no = agent.verifyBirthDate(QStringLiteral("800003"), QStringLiteral("2015-08-03"));
        QVERIFY(no.ok());
        QVERIFY(!no.value());
        QCOMPARE(tries(eva), 2);
        QCOMPARE(
            m_t->count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'identity.checked' "
                                      "AND details LIKE '%2015%'")),
            0);
        auto bad = agent.verifyBirthDate(QStringLiteral("800003"), QStringLiteral("8 March 2015"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::Validation);
        QCOMPARE(tries(eva), 2); // a date that is no date is not a try

        auto specialistCtx = as(QStringLiteral("specialist"));
        PatientService specialist(*specialistCtx);
        for (int i = 0; i < 3; ++i)
            QVERIFY(specialist.verifyBirthDate(QStringLiteral("800003"), QStringLiteral("2015-03-09")).ok());
        auto sixth = agent.verifyBirthDate(QStringLiteral("800003"), QStringLiteral("2015-03-08"));
        QVERIFY(!sixth.ok());
        QCOMPARE(sixth.error().rule, QStringLiteral("identity.throttled"));
        QCOMPARE(tries(eva), 5);
        QVERIFY(agent.verifyBirthDate(QStringLiteral("800002"), QStringLiteral("2014-12-20")).value());

        m_t->clock.advanceSecs(3601);
        QVERIFY(agent.verifyBirthDate(QStringLiteral("800003"), QStringLiteral("2015-03-08")).value());
        m_t->clock.set(la(2026, 11, 24, 10));
    }

    // An agent's new PIN is checked against the birth date where it is; each refusal counts as a try at
    // the birth date, so that the refusals can't be used to find it.
    void anAgentsNewPinIsCheckedAgainstTheBirthDate_data() {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("rule");
        QTest::newRow("month and day") << "0308"
                                       << "pin.birth_date";
        QTest::newRow("day and month") << "910803"
                                       << "pin.birth_date";
        QTest::newRow("year") << "20150"
                              << "pin.birth_date";
        QTest::newRow("a straight run") << "4567"
                                        << "pin.straight_run";
        QTest::newRow("a good PIN") << "590271"
                                    << "";
    }
    void anAgentsNewPinIsCheckedAgainstTheBirthDate() {
        QFETCH(QString, pin);
        QFETCH(QString, rule);
        m_t->clock.advanceSecs(7200); // out of the last test's hour
        const qint64 eva = findPatient(*m_t->db, QStringLiteral("800003")).value().id;
        const qint64 before = tries(eva);
        auto out =
            InvitationService(*as(QStringLiteral("agent")))
                .reissue({QStringLiteral("eva.mom@example.org"), true, QStringLiteral("DOB + MRN")}, pin);
        if (rule.isEmpty()) {
            QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
            QCOMPARE(tries(eva), before);
            return;
        }
        QVERIFY(!out.ok());
        QCOMPARE(out.error().rule, rule);
        QCOMPARE(tries(eva), before + (rule == QLatin1String("pin.birth_date") ? 1 : 0));
    }

    void anAgentsRefusedPinsUseUpTheTries() {
        m_t->clock.advanceSecs(7200);
        const qint64 eva = findPatient(*m_t->db, QStringLiteral("800003")).value().id;
        auto agentCtx = as(QStringLiteral("agent"));
        InvitationService agent(*agentCtx);
        const ReissueRequest r{QStringLiteral("eva.mom@example.org"), true, QStringLiteral("DOB + MRN")};
        const qint64 before = tries(eva);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(agent.reissue(r, QStringLiteral("0308")).error().rule, QStringLiteral("pin.birth_date"));
        QCOMPARE(agent.reissue(r, QStringLiteral("0308")).error().rule, QStringLiteral("identity.throttled"));
        QCOMPARE(agent.reissue(r, QStringLiteral("590271")).error().rule,
                 QStringLiteral("identity.throttled"));
        QCOMPARE(tries(eva), before + 5);
        // HIM staff can see the birth date: their refusals name the rule and are no tries.
        auto specialist =
            InvitationService(*as(QStringLiteral("specialist"))).reissue(r, QStringLiteral("0308"));
        QCOMPARE(specialist.error().rule, QStringLiteral("pin.birth_date"));
        QVERIFY(
            InvitationService(*as(QStringLiteral("specialist"))).reissue(r, QStringLiteral("590271")).ok());
    }
};

QTEST_GUILESS_MAIN(TestBirthdays)
#include "TestBirthdays.moc"
