// Many workstations on one central database: 16 connections reissue, deactivate and edit the same 50
// logins at once, while two of them also send the outbox. Afterwards no login has two live
// invitations, no edit was lost without a conflict, the audit chain verifies, and every message went
// out exactly once.
#include "services/ServiceFixture.h"

#include "mail/MailTransport.h"
#include "services/AccountService.h"
#include "services/DailyJob.h"
#include "store/AuditLog.h"

#include <QMutex>
#include <QRandomGenerator>

#include <thread>

using namespace pd;
using namespace pd::test;

namespace {

constexpr int Logins = 50;
constexpr int Connections = 16;
constexpr int Rounds = 20;

// Counts what each dispatcher hands to the mail server.
class CountingTransport final : public MailTransport {
public:
    Status send(const OutgoingMail& mail) override {
        QMutexLocker lock(&m_mutex);
        m_sent.append(mail.messageId);
        return {};
    }
    QStringList sent() const {
        QMutexLocker lock(&m_mutex);
        return m_sent;
    }

private:
    mutable QMutex m_mutex;
    QStringList m_sent;
};

struct Edit {
    QString user;
    int readVersion = 0;
    QString email;
};

struct Outcomes {
    QMutex mutex;
    QList<Edit> edits; // edits the database accepted
    int conflicts = 0;
    int refused = 0; // a rule said no (reissuing an active login, say)
    int done = 0;
    QStringList unexpected;
};

QString username(int i) {
    return QStringLiteral("parent%1").arg(i, 2, 10, QLatin1Char('0'));
}

} // namespace

class TestConcurrency : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!onPostgres())
            QSKIP("many workstations share the central database only");
    }

    void sixteenWorkstationsOnFiftyLogins() {
        TestDb t;
        for (int i = 0; i < Logins; ++i) {
            const QString mrn = QStringLiteral("80%1").arg(i, 4, 10, QLatin1Char('0'));
            addPatient(t, mrn, QDate(2016, 1, 1).addDays(i));
            auto request = parentForm(mrn, QDate(2026, 11, 20), username(i) + QStringLiteral("@example.org"));
            enrollOk(t, request);
        }
        // The enrollment names each login after its address.
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM portal_users WHERE username LIKE 'parent%'")),
                 Logins);

        Outcomes out;
        CountingTransport mailA;
        CountingTransport mailB;
        std::vector<std::thread> workstations;
        for (int w = 0; w < Connections; ++w) {
            workstations.emplace_back([&, w] {
                auto opened = Database::open(t.location);
                if (!opened) {
                    QMutexLocker lock(&out.mutex);
                    out.unexpected << opened.error().message;
                    return;
                }
                Database& db = *opened.value();
                ServiceContext ctx(db, t.clock, signIn(db, QStringLiteral("specialist")).value(),
                                   QStringLiteral("ws%1").arg(w));
                // The mail service's account, sending from the same machine between the edits.
                ServiceContext mailer(db, t.clock, signIn(db, QStringLiteral("mailer")).value(),
                                      QStringLiteral("ws%1").arg(w));
                QRandomGenerator random(quint32(1000 + w));
                for (int round = 0; round < Rounds; ++round) {
                    const QString user = username(int(random.bounded(Logins)));
                    Status result;
                    std::optional<Edit> edit;
                    switch (random.bounded(3)) {
                    case 0: {
                        auto story = AccountService(ctx).show(user);
                        const bool deactivated =
                            story.ok() && story->user.status == QLatin1String("deactivated");
                        auto r = InvitationService(ctx).reissue(
                            {user, deactivated, deactivated ? QStringLiteral("DOB + MRN") : QString()},
                            deactivated ? QStringLiteral("731946") : QString());
                        result = r.ok() ? Status() : Status(r.error());
                        break;
                    }
                    case 1: {
                        auto r = AccountService(ctx).deactivate({user, QStringLiteral("family_request"),
                                                                 QStringLiteral("the parent"),
                                                                 QStringLiteral("DOB + MRN"), QString()});
                        result = r.ok() ? Status() : Status(r.error());
                        break;
                    }
                    default: {
                        // What a desktop does: show the login, then save an edit of what it showed.
                        auto story = AccountService(ctx).show(user);
                        if (!story) {
                            result = story.error();
                            break;
                        }
                        const QString email =
                            QStringLiteral("%1.w%2r%3@example.org").arg(user).arg(w).arg(round);
                        QThread::usleep(random.bounded(2000));
                        auto r = AccountService(ctx).update({user, email, QString(), story->user.rowVersion});
                        result = r.ok() ? Status() : Status(r.error());
                        if (r.ok())
                            edit = Edit{user, story->user.rowVersion, email};
                        break;
                    }
                    }
                    if (w < 2 && round % 5 == 4)
                        (void)MailDispatcher(mailer).dispatch(w == 0 ? static_cast<MailTransport&>(mailA)
                                                                     : mailB);
                    QMutexLocker lock(&out.mutex);
                    if (result.ok()) {
                        ++out.done;
                        if (edit)
                            out.edits.append(*edit);
                    } else if (result.error().kind == ErrorKind::Conflict) {
                        ++out.conflicts;
                    } else if (result.error().kind == ErrorKind::Validation) {
                        ++out.refused;
                    } else {
                        out.unexpected << result.error().message;
                    }
                }
            });
        }
        for (auto& thread : workstations)
            thread.join();
        qInfo("%d changes, %d conflicts, %d refused by a rule, %d edits kept", out.done, out.conflicts,
              out.refused, int(out.edits.size()));
        QVERIFY2(out.unexpected.isEmpty(), qPrintable(out.unexpected.join(QLatin1Char('\n'))));
        QVERIFY(out.done > 0);

        // No login has two live invitations.
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM (SELECT portal_user_id FROM invitations WHERE "
                                        "status IN ('queued', 'sent', 'delivery_failed') GROUP BY "
                                        "portal_user_id HAVING count(*) > 1) twice")),
                 0);

        // No edit was lost: two edits made from the same reading never both went in, and each login
        // keeps the address of the last edit that did.
        QHash<QString, QList<Edit>> byUser;
        for (const Edit& e : std::as_const(out.edits))
            byUser[e.user].append(e);
        for (auto it = byUser.cbegin(); it != byUser.cend(); ++it) {
            QSet<int> versions;
            const Edit* last = nullptr;
            for (const Edit& e : it.value()) {
                QVERIFY2(!versions.contains(e.readVersion),
                         qPrintable(QStringLiteral("two edits of %1 from version %2 both went in")
                                        .arg(e.user)
                                        .arg(e.readVersion)));
                versions.insert(e.readVersion);
                if (!last || e.readVersion > last->readVersion)
                    last = &e;
            }
            Query q(*t.db, QStringLiteral("SELECT email FROM portal_users WHERE username = :u"));
            q.bind(QStringLiteral(":u"), it.key());
            QVERIFY(q.exec().ok() && q.next());
            QCOMPARE(q.value(0).toString(), last->email);
        }

        // The audit chain is whole.
        auto verified = AuditLog(*t.db).verify();
        QVERIFY(verified.ok());
        QVERIFY2(verified->intact, qPrintable(verified->problem));

        // Whatever the two dispatchers left is sent now; every message went out exactly once.
        auto ctx = t.as(QStringLiteral("mailer"));
        while (true) {
            auto round = MailDispatcher(*ctx).dispatch(mailA);
            QVERIFY(round.ok());
            if (round->sent == 0)
                break;
        }
        const QStringList sent = mailA.sent() + mailB.sent();
        const QSet<QString> unique(sent.cbegin(), sent.cend());
        QCOMPARE(unique.size(), sent.size());
        QCOMPARE(qint64(sent.size()),
                 t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'sent'")));
        // Nothing is left waiting; what did not go was cancelled with its invitation (an address changed).
        QCOMPARE(
            t.count(QStringLiteral("SELECT count(*) FROM outbox WHERE status NOT IN ('sent', 'cancelled')")),
            0);
        QCOMPARE(t.count(QStringLiteral(
                     "SELECT count(*) FROM outbox o JOIN invitations i ON i.id = o.invitation_id "
                     "WHERE o.status = 'cancelled' AND i.status IN ('queued', 'sent')")),
                 0);
    }

    void twoDispatchersAtOnceNeverSendAMessageTwice() {
        TestDb t;
        for (int i = 0; i < 30; ++i) {
            const QString mrn = QStringLiteral("81%1").arg(i, 4, 10, QLatin1Char('0'));
            addPatient(t, mrn, QDate(2015, 1, 1).addDays(i));
            enrollOk(t, parentForm(mrn, QDate(2026, 11, 20), username(i) + QStringLiteral("@example.org")));
            QVERIFY(InvitationService(*t.as(QStringLiteral("specialist"))).sendNow(username(i)).ok());
        }
        CountingTransport mail[4];
        std::vector<std::thread> dispatchers;
        for (int d = 0; d < 4; ++d) {
            dispatchers.emplace_back([&, d] {
                auto db = Database::open(t.location);
                ServiceContext ctx(*db.value(), t.clock,
                                   signIn(*db.value(), QStringLiteral("mailer")).value(),
                                   QStringLiteral("mail%1").arg(d));
                (void)MailDispatcher(ctx).dispatch(mail[d]);
            });
        }
        for (auto& thread : dispatchers)
            thread.join();
        QStringList sent;
        for (const CountingTransport& m : mail)
            sent += m.sent();
        const QSet<QString> unique(sent.cbegin(), sent.cend());
        QCOMPARE(sent.size(), 30);
        QCOMPARE(unique.size(), 30);
    }

    void theDailyRunStartedTwiceRunsOnce() {
        TestDb t;
        auto other = Database::open(t.location);
        QVERIFY(other.ok());
        QCOMPARE(other.value()->tryJobLock(Database::DailyJobLockKey).value(), true); // another machine
        auto ctx = t.as(QStringLiteral("specialist"));
        auto run = DailyJob(*ctx).run(nullptr);
        QVERIFY(!run.ok());
        QCOMPARE(run.error().rule, QStringLiteral("daily.running"));
        other.value()->releaseJobLock(Database::DailyJobLockKey);
        QVERIFY(DailyJob(*ctx).run(nullptr).ok());
        // The lock is freed when the machine holding it goes away, too.
        QCOMPARE(other.value()->tryJobLock(Database::DailyJobLockKey).value(), true);
        other.value().reset();
        // The server lets go of a session's locks once it has seen that session's connection close, a
        // moment after the machine is gone; until then a run refuses, doing nothing.
        QTRY_VERIFY_WITH_TIMEOUT(DailyJob(*ctx).run(nullptr).ok(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "TestConcurrency.moc"
