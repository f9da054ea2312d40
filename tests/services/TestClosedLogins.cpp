// Logins that stay closed (SPEC section 5): a login closed because its holder died is never reopened,
// whichever way back in is tried, until a supervisor takes back a death recorded in error; any other
// deactivated login reopens only on purpose, by a reissue with a new PIN (a supervisor's after a suspected
// compromise), bringing back only the access the staff member confirms, of what may come back today.
#include "services/ServiceFixture.h"

#include "services/AccountService.h"
#include "services/ConsentService.h"
#include "store/Database.h"

using namespace pd;
using namespace pd::test;

class TestClosedLogins : public QObject {
    Q_OBJECT

    // Rosa's one login holds access to Leo (7), Mia (5) and Ivo, whose 12th birthday was yesterday (the
    // nightly run has not recorded it yet). It is deactivated for `reason`.
    struct Family {
        PortalUser rosa;
        qint64 leo = 0, mia = 0, ivo = 0; // their grants
    };
    Family rosasFamily(TestDb& t, const QString& reason) {
        Family f;
        t.clock.set(la(2026, 11, 2, 10));
        addPatient(t, QStringLiteral("600001"), QDate(2019, 5, 5), QStringLiteral("leo@example.org"));
        addPatient(t, QStringLiteral("600002"), QDate(2021, 6, 6), QStringLiteral("mia@example.org"));
        addPatient(t, QStringLiteral("600003"), QDate(2014, 11, 23), QStringLiteral("ivo@example.org"));
        f.rosa = enrollOk(t, parentForm(QStringLiteral("600001"), QDate(2026, 11, 2),
                                        QStringLiteral("rosa.diaz@example.org"), QStringLiteral("Rosa")))
                     .user;
        enrollOk(t, parentForm(QStringLiteral("600002"), QDate(2026, 11, 2),
                               QStringLiteral("rosa.diaz@example.org"), QStringLiteral("Rosa")));
        enrollOk(t, parentForm(QStringLiteral("600003"), QDate(2026, 11, 2),
                               QStringLiteral("rosa.diaz@example.org"), QStringLiteral("Rosa")));
        t.clock.set(la(2026, 11, 24, 10));
        const auto grantOf = [&](const char* mrn) {
            return t.count(
                QStringLiteral("SELECT g.id FROM access_grants g JOIN patients p ON p.id = g.patient_id "
                               "WHERE p.mrn = '%1'")
                    .arg(QLatin1String(mrn)));
        };
        f.leo = grantOf("600001");
        f.mia = grantOf("600002");
        f.ivo = grantOf("600003");
        auto closed =
            AccountService(*t.as(QStringLiteral("specialist")))
                .deactivate({f.rosa.username, reason, QStringLiteral("Rosa's sister, by phone"),
                             QStringLiteral("DOB + MRN"),
                             reason == QLatin1String("other") ? QStringLiteral("asked") : QString()});
        if (!closed)
            qFatal("deactivate: %s", qPrintable(closed.error().message));
        return f;
    }

    static ReissueRequest newPin(const PortalUser& u, std::optional<QList<qint64>> restore = std::nullopt) {
        return {u.username, true, QStringLiteral("photo ID in person"), std::move(restore)};
    }

    Status tryWayIn(TestDb& t, const QString& way, const Family& f) {
        const auto asError = [](const auto& r) -> Status { return r ? Status() : Status(r.error()); };
        if (way == QLatin1String("reissue, PIN on file"))
            return asError(InvitationService(*t.as(QStringLiteral("supervisor")))
                               .reissue({f.rosa.username, false, QString()}, QString()));
        if (way == QLatin1String("reissue, new PIN"))
            return asError(InvitationService(*t.as(QStringLiteral("supervisor")))
                               .reissue(newPin(f.rosa, QList<qint64>{f.leo}), QStringLiteral("590271")));
        if (way == QLatin1String("a sibling's enrollment")) {
            addPatient(t, QStringLiteral("600009"), QDate(2023, 1, 9));
            return asError(
                EnrollmentService(*t.as(QStringLiteral("supervisor")))
                    .enroll(parentForm(QStringLiteral("600009"), QDate(2026, 11, 24),
                                       QStringLiteral("rosa.diaz@example.org"), QStringLiteral("Rosa")),
                            QStringLiteral("482913")));
        }
        if (way == QLatin1String("the address with another name")) {
            addPatient(t, QStringLiteral("600010"), QDate(2023, 1, 9));
            return asError(
                EnrollmentService(*t.as(QStringLiteral("supervisor")))
                    .enroll(parentForm(QStringLiteral("600010"), QDate(2026, 11, 24),
                                       QStringLiteral("Rosa.Diaz@Example.org"), QStringLiteral("Rosalind")),
                            QStringLiteral("482913")));
        }
        // An adult patient's consent naming Rosa.
        addPatient(t, QStringLiteral("600011"), QDate(2006, 3, 2), QStringLiteral("eva@example.org"));
        ConsentSubmission s;
        s.mrn = QStringLiteral("600011");
        s.proxyGiven = QStringLiteral("Rosa");
        s.proxyFamily = QStringLiteral("Díaz");
        s.proxyEmail = QStringLiteral("rosa.diaz@example.org");
        s.relationship = QStringLiteral("parent");
        s.signedOn = QStringLiteral("2026-11-20");
        s.signedBy = QStringLiteral("Ana López");
        s.documentName = QStringLiteral("consent.pdf");
        s.document = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
        auto c = ConsentService(*t.as(QStringLiteral("specialist"))).submit(s, QStringLiteral("604817"));
        if (!c)
            return c.error();
        return asError(ConsentService(*t.as(QStringLiteral("supervisor")))
                           .approve(c->id, 0, QStringLiteral("the family asked")));
    }

private slots:
    // Every way back in, for a login closed by its holder's death and for one closed at the family's
    // request: refused, naming the rule, and nothing reopens.
    void eachWayBackIn_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("way");
        QTest::addColumn<QString>("rule");
        const char* ways[] = {"reissue, PIN on file", "reissue, new PIN", "a sibling's enrollment",
                              "the address with another name", "a consent"};
        const char* deceased[] = {"reissue.login_deceased", "reissue.login_deceased",
                                  "enrollment.login_deceased", "enrollment.login_deceased",
                                  "consent.login_deceased"};
        const char* requested[] = {"reissue.deactivated_needs_new_pin", "", "enrollment.login_deactivated",
                                   "enrollment.login_deactivated", "consent.login_deactivated"};
        for (int i = 0; i < 5; ++i) {
            QTest::addRow("deceased: %s", ways[i]) << "deceased" << ways[i] << deceased[i];
            QTest::addRow("family request: %s", ways[i]) << "family_request" << ways[i] << requested[i];
        }
    }
    void eachWayBackIn() {
        QFETCH(QString, reason);
        QFETCH(QString, way);
        QFETCH(QString, rule);
        TestDb t;
        const Family f = rosasFamily(t, reason);
        const qint64 logins = t.count(QStringLiteral("SELECT count(*) FROM portal_users"));
        const Status s = tryWayIn(t, way, f);
        if (rule.isEmpty()) { // the one way back: on purpose, with a new PIN
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
            QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users WHERE status = 'pending'")),
                     1);
            return;
        }
        QVERIFY(!s.ok());
        QCOMPARE(s.error().rule, rule);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users WHERE status = 'deactivated'")),
                 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users")), logins);
        if (way != QLatin1String("reissue, PIN on file"))
            QVERIFY2(s.error().message.contains(f.rosa.username), qPrintable(s.error().message));
    }

    // A death recorded in error: only a supervisor takes it back, with a note; the login stays closed and
    // then reopens the usual way.
    void aSupervisorTakesBackADeathRecordedInError() {
        TestDb t;
        const Family f = rosasFamily(t, QStringLiteral("deceased"));
        QCOMPARE(AccountService(*t.as(QStringLiteral("specialist")))
                     .reverseDeath(f.rosa.username, QStringLiteral("Rosa called herself"))
                     .error()
                     .kind,
                 ErrorKind::NotPermitted);
        QCOMPARE(AccountService(*t.as(QStringLiteral("supervisor")))
                     .reverseDeath(f.rosa.username, QString())
                     .error()
                     .rule,
                 QStringLiteral("death.note_required"));
        auto back = AccountService(*t.as(QStringLiteral("supervisor")))
                        .reverseDeath(f.rosa.username, QStringLiteral("Rosa called herself; photo ID seen"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->status, QStringLiteral("deactivated"));
        QCOMPARE(back->deactivationReason, QStringLiteral("other"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = "
                                        "'portal_user.death_reversed' AND staff = 'supervisor'")),
                 1);
        QCOMPARE(AccountService(*t.as(QStringLiteral("supervisor")))
                     .reverseDeath(f.rosa.username, QStringLiteral("again"))
                     .error()
                     .rule,
                 QStringLiteral("death.not_recorded"));
        auto reopened = InvitationService(*t.as(QStringLiteral("specialist")))
                            .reissue(newPin(f.rosa, QList<qint64>{f.leo, f.mia}), QStringLiteral("590271"));
        QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
    }

    // After a suspected compromise a supervisor reopens the login; otherwise an HIM specialist does.
    void whoReopens_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<bool>("may");
        QTest::newRow("compromise, specialist") << "suspected_compromise"
                                                << "specialist" << false;
        QTest::newRow("compromise, supervisor") << "suspected_compromise"
                                                << "supervisor" << true;
        QTest::newRow("family request, agent") << "family_request"
                                               << "agent" << false;
        QTest::newRow("family request, specialist") << "family_request"
                                                    << "specialist" << true;
        QTest::newRow("duplicate, specialist") << "duplicate"
                                               << "specialist" << true;
    }
    void whoReopens() {
        QFETCH(QString, reason);
        QFETCH(QString, staff);
        QFETCH(bool, may);
        TestDb t;
        const Family f = rosasFamily(t, reason);
        auto out = InvitationService(*t.as(staff))
                       .reissue(newPin(f.rosa, QList<qint64>{f.leo}), QStringLiteral("590271"));
        QCOMPARE(out.ok(), may);
        if (!may)
            QCOMPARE(out.error().kind, ErrorKind::NotPermitted);
    }

    // The reissue shows each grant that would come back, only those still valid today, and brings back
    // those confirmed: the rest end now; a birthday's is left to the nightly run.
    void theAccessThatComesBackIsConfirmedGrantByGrant() {
        TestDb t;
        const Family f = rosasFamily(t, QStringLiteral("family_request"));
        auto shown = InvitationService(*t.as(QStringLiteral("specialist"))).reopening(f.rosa.username);
        QVERIFY(shown.ok());
        QCOMPARE(shown->size(), 3);
        for (const ReopenGrant& r : shown.value()) {
            QCOMPARE(r.mayComeBack, r.grant.id != f.ivo);
            if (!r.mayComeBack)
                QCOMPARE(r.why, QStringLiteral("the 12th birthday has ended it"));
        }
        auto specialistCtx = t.as(QStringLiteral("specialist"));
        InvitationService specialist(*specialistCtx);
        auto unconfirmed = specialist.reissue(newPin(f.rosa), QStringLiteral("590271"));
        QCOMPARE(unconfirmed.error().rule, QStringLiteral("reissue.confirm_grants"));
        QVERIFY2(unconfirmed.error().message.contains(QStringLiteral("600003")) &&
                     unconfirmed.error().message.contains(QStringLiteral("does not come back")),
                 qPrintable(unconfirmed.error().message));
        QCOMPARE(specialist.reissue(newPin(f.rosa, QList<qint64>{f.leo, f.ivo}), QStringLiteral("590271"))
                     .error()
                     .rule,
                 QStringLiteral("reissue.grant_not_restorable"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM access_grants WHERE ended_at IS NOT NULL")), 0);

        auto back = specialist.reissue(newPin(f.rosa, QList<qint64>{f.leo}), QStringLiteral("590271"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->user.status, QStringLiteral("pending"));
        const auto endOf = [&](qint64 id) {
            Query q(*t.db,
                    QStringLiteral("SELECT coalesce(end_reason, '') FROM access_grants WHERE id = :id"));
            q.bind(QStringLiteral(":id"), id);
            return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("?");
        };
        QCOMPARE(endOf(f.leo), QString());                     // confirmed: comes back
        QCOMPARE(endOf(f.mia), QStringLiteral("deactivated")); // not confirmed: ends now
        QCOMPARE(endOf(f.ivo), QString());                     // the nightly run ends it at 12
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'grant.ended' AND "
                                        "details LIKE '%not_restored%'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestClosedLogins)
#include "TestClosedLogins.moc"
