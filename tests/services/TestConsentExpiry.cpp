// Adult proxy consents that expire (SPEC section 8): the end day fixed at approval (expiry_months later,
// the month's last day where that month is shorter), the patient's reminder in their language, the nightly
// run that ends the grant on that day and catches up, and renewal by a new consent without a gap.
#include "services/ServiceFixture.h"

#include "services/AdminService.h"
#include "services/ConsentExpiry.h"
#include "services/ConsentService.h"
#include "services/DailyJob.h"
#include "services/VisibilityService.h"
#include "store/GrantRepository.h"

using namespace pd;
using namespace pd::test;

namespace {

const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

ConsentSubmission anaNamesHerMother(const QString& signedOn,
                                    const QString& kind = QStringLiteral("adult_proxy")) {
    ConsentSubmission s;
    s.mrn = QStringLiteral("800001");
    s.kind = kind;
    s.proxyGiven = QStringLiteral("Rosa");
    s.proxyFamily = QStringLiteral("López");
    s.proxyEmail = QStringLiteral("rosa.lopez@example.org");
    s.relationship =
        kind == QLatin1String("guardian") ? QStringLiteral("guardian") : QStringLiteral("parent");
    s.signedOn = signedOn;
    s.signedBy = QStringLiteral("Ana López");
    s.documentName = QStringLiteral("consent.pdf");
    s.document = Pdf;
    return s;
}

} // namespace

class TestConsentExpiry : public QObject {
    Q_OBJECT

    static void setSetting(TestDb& t, const char* key, const QString& value) {
        auto ctx = t.as(QStringLiteral("supervisor"));
        if (auto s = AdminService(*ctx).setSetting(QLatin1String(key), value); !s)
            qFatal("setting: %s", qPrintable(s.error().message));
    }
    // Ana (20) names her mother Rosa; the consent is approved on `day` (10:00 in Los Angeles).
    static ConsentDecision approvedOn(TestDb& t, const QDate& day, bool addAna = true,
                                      const QString& kind = QStringLiteral("adult_proxy")) {
        t.clock.set(la(day.year(), day.month(), day.day(), 10));
        if (addAna)
            addPatient(t, QStringLiteral("800001"), QDate(2006, 3, 2),
                       QStringLiteral("ana.lopez@example.org"));
        auto specialist = t.as(QStringLiteral("specialist"));
        auto filed =
            ConsentService(*specialist)
                .submit(anaNamesHerMother(day.toString(Qt::ISODate), kind), QStringLiteral("604817"));
        if (!filed)
            qFatal("submit: %s", qPrintable(filed.error().message));
        auto supervisor = t.as(QStringLiteral("supervisor"));
        auto done = ConsentService(*supervisor).approve(filed->id);
        if (!done)
            qFatal("approve: %s", qPrintable(done.error().message));
        return done.value();
    }
    static DailyReport daily(TestDb& t, const QDateTime& at) {
        t.clock.set(at);
        auto ctx = t.as(QStringLiteral("specialist"));
        auto r = DailyJob(*ctx).run(nullptr);
        if (!r)
            qFatal("daily: %s", qPrintable(r.error().message));
        return r.value();
    }
    static Grant grantOf(TestDb& t, qint64 id) {
        auto g = GrantRepository(*t.db).byId(id);
        if (!g || !g->has_value())
            qFatal("no grant %lld", id);
        return **g;
    }

private slots:
    // The end day, as the rule reads: months later, the month's last day where that month is shorter.
    void theEndDayIsFixedAtApproval_data() {
        QTest::addColumn<int>("months");
        QTest::addColumn<QDate>("approved");
        QTest::addColumn<QDate>("endsOn");
        QTest::newRow("18 months, mid-month") << 18 << QDate(2026, 11, 24) << QDate(2028, 5, 24);
        QTest::newRow("18 months from 31 August: 29 February of a leap year")
            << 18 << QDate(2026, 8, 31) << QDate(2028, 2, 29);
        QTest::newRow("18 months from 31 August 2025: 28 February of a common year")
            << 18 << QDate(2025, 8, 31) << QDate(2027, 2, 28);
        QTest::newRow("1 month from 31 January: the last of February")
            << 1 << QDate(2027, 1, 31) << QDate(2027, 2, 28);
        QTest::newRow("1 month from 31 March: 30 April") << 1 << QDate(2026, 3, 31) << QDate(2026, 4, 30);
        QTest::newRow("12 months from 29 February: 28 February")
            << 12 << QDate(2028, 2, 29) << QDate(2029, 2, 28);
        QTest::newRow("across the year's end") << 2 << QDate(2026, 12, 31) << QDate(2027, 2, 28);
        QTest::newRow("0 months: never") << 0 << QDate(2026, 11, 24) << QDate();
    }
    void theEndDayIsFixedAtApproval() {
        QFETCH(int, months);
        QFETCH(QDate, approved);
        QFETCH(QDate, endsOn);
        Policy p;
        p.consentExpiryMonths = months;
        QCOMPARE(consentEndsOn(p, approved, QStringLiteral("adult_proxy")), endsOn);
        QCOMPARE(consentEndsOn(p, approved, QStringLiteral("guardian")), QDate()); // never
    }

    void approvalRecordsTheDayAndALaterSettingChangesNothing() {
        TestDb t;
        setSetting(t, "consent.expiry_months", QStringLiteral("18"));
        const ConsentDecision d = approvedOn(t, QDate(2026, 8, 31));
        QCOMPARE(d.consent.endsOn, QDate(2028, 2, 29));
        setSetting(t, "consent.expiry_months", QStringLiteral("6"));
        auto ctx = t.as(QStringLiteral("specialist"));
        auto review = ConsentService(*ctx).review(d.consent.id);
        QVERIFY(review);
        QCOMPARE(review->consent.endsOn, QDate(2028, 2, 29));
    }

    void byDefaultAndForAGuardianNothingExpires() {
        TestDb t;
        QCOMPARE(approvedOn(t, QDate(2026, 11, 24)).consent.endsOn, QDate());
        TestDb g;
        setSetting(g, "consent.expiry_months", QStringLiteral("18"));
        QCOMPARE(approvedOn(g, QDate(2026, 11, 24), true, QStringLiteral("guardian")).consent.endsOn,
                 QDate());
    }

    // The patient is reminded reminder_days before, once, at their own login's address or else the one on
    // file; then the night the day comes (or the first run after) the grant ends at that day's start.
    void theReminderThenTheEnd() {
        TestDb t;
        setSetting(t, "consent.expiry_months", QStringLiteral("1"));
        setSetting(t, "consent.reminder_days", QStringLiteral("10"));
        const ConsentDecision d = approvedOn(t, QDate(2026, 11, 24));
        QCOMPARE(d.consent.endsOn, QDate(2026, 12, 24));
        QCOMPARE(daily(t, la(2026, 12, 13, 2)).consentRemindersQueued, 0); // 11 days before
        QCOMPARE(daily(t, la(2026, 12, 14, 2)).consentRemindersQueued, 1);
        QCOMPARE(daily(t, la(2026, 12, 15, 2)).consentRemindersQueued, 0); // once
        Query q(*t.db, QStringLiteral(
                           "SELECT recipient, language, vars FROM outbox WHERE kind = 'consent_reminder'"));
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ana.lopez@example.org"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("es")); // Ana's language
        QVERIFY2(q.value(2).toString().contains(QStringLiteral("Rosa López")),
                 qPrintable(q.value(2).toString()));
        QVERIFY2(q.value(2).toString().contains(QStringLiteral("24 de diciembre de 2026")),
                 qPrintable(q.value(2).toString()));
        QVERIFY(grantOf(t, d.consent.grantId).isOpen());
        // The run missed the day itself; the next one catches up, and records the day's start.
        QCOMPARE(daily(t, la(2026, 12, 23, 2)).consentsExpired, 0);
        QCOMPARE(daily(t, la(2026, 12, 27, 2)).consentsExpired, 1);
        const Grant g = grantOf(t, d.consent.grantId);
        QCOMPARE(g.endReason, QStringLiteral("consent_expired"));
        QCOMPARE(g.endedAt, la(2026, 12, 24, 0));
        QCOMPARE(daily(t, la(2026, 12, 28, 2)).consentsExpired, 0); // once
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'grant.ended' AND "
                                        "details LIKE '%consent_expired%'")),
                 1);
        // Rosa had nothing else: her login ends too.
        QCOMPARE(t.count(QStringLiteral(
                             "SELECT count(*) FROM portal_users WHERE id = %1 AND status = 'terminated'")
                             .arg(d.proxy.id)),
                 1);
    }

    // Renewed before the end: the old grant ends at the very instant the new one starts, and the new one
    // has its own day. Renewed after: a new grant, as for a new proxy.
    void renewal_data() {
        QTest::addColumn<QDateTime>("renewedAt");
        QTest::addColumn<bool>("beforeTheEnd");
        QTest::newRow("before the end") << la(2026, 12, 20, 11) << true;
        QTest::newRow("after the end") << la(2027, 1, 5, 11) << false;
    }
    void renewal() {
        QFETCH(QDateTime, renewedAt);
        QFETCH(bool, beforeTheEnd);
        TestDb t;
        setSetting(t, "consent.expiry_months", QStringLiteral("1"));
        const ConsentDecision first = approvedOn(t, QDate(2026, 11, 24));
        if (!beforeTheEnd)
            QCOMPARE(daily(t, la(2026, 12, 25, 2)).consentsExpired, 1);
        const QDate day = renewedAt.toTimeZone(QTimeZone(QByteArrayLiteral("America/Los_Angeles"))).date();
        const ConsentDecision second = approvedOn(t, day, false);
        QCOMPARE(second.consent.endsOn, day.addMonths(1));
        const Grant old = grantOf(t, first.consent.grantId);
        const Grant now = grantOf(t, second.consent.grantId);
        QVERIFY(!old.isOpen());
        QVERIFY(now.isOpen());
        QCOMPARE(now.portalUserId, old.portalUserId);
        if (beforeTheEnd) {
            QCOMPARE(second.consent.renewsId, first.consent.id);
            QCOMPARE(old.endReason, QStringLiteral("consent_renewed"));
            QCOMPARE(old.endedAt, now.startedAt); // no gap
        } else {
            QCOMPARE(old.endReason, QStringLiteral("consent_expired"));
            QCOMPARE(second.consent.renewsId, 0);
        }
        // The renewed consent's own day ends it, and the old one's day passes without effect.
        QCOMPARE(daily(t, la(2026, 12, 25, 2)).consentsExpired, 0);
    }

    void theExplainerSaysWhenAccessEnds() {
        TestDb t;
        setSetting(t, "consent.expiry_months", QStringLiteral("18"));
        const ConsentDecision d = approvedOn(t, QDate(2026, 11, 24));
        auto ctx = t.as(QStringLiteral("agent"));
        auto answer = VisibilityService(*ctx).explain(d.proxy.username, QStringLiteral("800001"));
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
        QCOMPARE(answer->consentEndsOn, QDate(2028, 5, 24));
    }

    void theDeskListsConsentsEndingSoon_data() {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("listed");
        QTest::newRow("within 30 days") << 30 << 0;
        QTest::newRow("within 60 days") << 60 << 1;
        QTest::newRow("within 90 days") << 90 << 1;
    }
    void theDeskListsConsentsEndingSoon() {
        QFETCH(int, days);
        QFETCH(int, listed);
        TestDb t;
        setSetting(t, "consent.expiry_months", QStringLiteral("2"));
        approvedOn(t, QDate(2026, 11, 24)); // ends 2027-01-24: 61 days later
        t.clock.set(la(2026, 11, 25, 10));
        auto ctx = t.as(QStringLiteral("specialist"));
        auto rows = ConsentService(*ctx).ending(days);
        QVERIFY(rows);
        QCOMPARE(rows->size(), listed);
        auto n = ConsentService(*ctx).endingCount(days);
        QVERIFY(n);
        QCOMPARE(n.value(), qint64(listed));
    }
};

QTEST_GUILESS_MAIN(TestConsentExpiry)
#include "TestConsentExpiry.moc"
