// SPEC section 6 on the central database: each staff member signs in as a login of their own, and the
// server itself refuses what their role may not do, even to raw SQL typed on that login's connection.
#include "services/ServiceFixture.h"

#include "core/RestrictionRules.h"
#include "core/Validation.h"
#include "ehr/FeedProcessor.h"
#include "mail/MailTransport.h"
#include "services/AccountService.h"
#include "services/ConsentExpiry.h"
#include "services/ConsentService.h"
#include "services/DailyJob.h"
#include "services/EnrollmentService.h"
#include "services/InvitationService.h"
#include "services/RestrictionService.h"
#include "services/VisibilityService.h"
#include "store/AuditLog.h"
#include "store/OutboxRepository.h"
#include "store/PatientRepository.h"
#include "store/SearchRepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

using namespace pd;
using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QStringLiteral("correct horse battery staple");

// The mail server, as far as the test needs one: it accepts every message and keeps the last.
struct Postbox final : MailTransport {
    QByteArray raw;
    Status send(const OutgoingMail& mail) override {
        raw = mail.raw;
        return {};
    }
};

struct Login {
    std::unique_ptr<Database> db;
    std::unique_ptr<ServiceContext> ctx;
};

} // namespace

class TestServerRoles : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDb> m_t;
    QString m_database;

    QString urlFor(const QString& login, const QString& password = Password) const {
        return PgCluster::shared().url(m_database, login, password);
    }

    Login signInAs(const QString& login) {
        Login l;
        auto db = Database::open(urlFor(login));
        if (!db)
            qFatal("%s can't connect: %s", qPrintable(login), qPrintable(db.error().message));
        l.db = std::move(db.value());
        auto staff = signIn(*l.db, QString());
        if (!staff)
            qFatal("%s can't sign in: %s", qPrintable(login), qPrintable(staff.error().message));
        l.ctx = std::make_unique<ServiceContext>(*l.db, m_t->clock, staff.value(), QStringLiteral("ws"));
        return l;
    }

    // Raw SQL on the login's own connection, as someone with a SQL client and that password would type it.
    static QString sqlState(Database& db, const QString& sql) {
        QSqlQuery q(db.connection());
        if (q.exec(sql))
            return QStringLiteral("ok");
        return q.lastError().nativeErrorCode();
    }

    // Statements typed one after the other in one transaction, rolled back: the state of the first one
    // refused, else "ok".
    QString statesAs(const QString& login, const QStringList& statements) {
        Login l = signInAs(login);
        if (!l.db->begin().ok())
            return u"no transaction"_s;
        QString state = u"ok"_s;
        for (const QString& sql : statements) {
            state = sqlState(*l.db, sql);
            if (state != QLatin1String("ok"))
                break;
        }
        l.db->rollback();
        return state;
    }

    // Leo Hernández (MRN 700070), whose father José a custody order bars from his record, recorded by an
    // HIM specialist through the service: José's grant ended and his login was terminated. Leo's mother
    // Rosa keeps her login and her access. MRN 700071 is another record, which no merge made a survivor.
    struct Restricted {
        qint64 patient = 0;
        qint64 restriction = 0;
        qint64 document = 0;
        qint64 rosa = 0;
        qint64 rosasGrant = 0;
        qint64 other = 0;
    };
    Restricted m_restricted;
    const Restricted& restrictedFamily() {
        if (m_restricted.restriction)
            return m_restricted;
        m_t->clock.set(la(2026, 11, 24, 10));
        const Patient leo = addPatient(*m_t, u"700070"_s, QDate(2019, 5, 5));
        EnrollRequest jose = parentForm(u"700070"_s, QDate(2026, 11, 20), u"jose.h@example.org"_s, u"José"_s);
        jose.familyName = u"Hernández"_s;
        const qint64 joseId = enrollOk(*m_t, jose).user.id;
        EnrollRequest rosa =
            parentForm(u"700070"_s, QDate(2026, 11, 20), u"rosa.diaz.h@example.org"_s, u"Rosa"_s);
        rosa.familyName = u"Díaz"_s;
        m_restricted.rosa = enrollOk(*m_t, rosa).user.id;
        RestrictionRequest order;
        order.mrns = {u"700070"_s};
        order.givenName = u"Jose"_s;
        order.familyName = u"Hernandez"_s;
        order.email = u"jose.h@example.org"_s;
        order.reason = u"custody_order"_s;
        order.note = u"LA Superior Court, case 26FL01234"_s;
        order.documentName = u"custody-order.pdf"_s;
        order.document = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        auto added = RestrictionService(*m_t->as(u"specialist"_s)).add(order);
        if (!added)
            qFatal("restriction add: %s", qPrintable(added.error().message));
        if (added->effect.loginsTerminated != QList<qint64>{joseId})
            qFatal("José's login was not terminated");
        m_restricted.patient = leo.id;
        m_restricted.restriction = added->restrictions.constFirst().restriction.id;
        m_restricted.document = added->restrictions.constFirst().restriction.documentId;
        m_restricted.rosasGrant =
            m_t->count(u"SELECT id FROM access_grants WHERE portal_user_id = %1"_s.arg(m_restricted.rosa));
        m_restricted.other = addPatient(*m_t, u"700071"_s, QDate(2018, 1, 1)).id;
        return m_restricted;
    }

    // Ana López (MRN 700080, 26), who named her mother Rosa her proxy: the consent was approved through the
    // service on 2026-11-24 with consent.expiry_months at 18, so that it ends on 2028-05-24. A newer consent
    // of hers, naming Pablo Ruiz, waits for review. Ana has a login of her own, at an address of its own.
    struct Consented {
        qint64 patient = 0;
        qint64 consent = 0; // Rosa's, approved
        qint64 grant = 0;   // Rosa's, from it
        qint64 rosa = 0;    // Rosa's login
        QString rosasLogin;
        qint64 waiting = 0; // Pablo's, submitted
        qint64 document = 0;
        qint64 own = 0; // Ana's own login
    };
    Consented m_consented;
    const Consented& consentedFamily() {
        if (m_consented.consent)
            return m_consented;
        m_t->clock.set(la(2026, 11, 24, 10));
        auto supervisor = m_t->as(u"supervisor"_s);
        if (auto set = AdminService(*supervisor).setSetting(u"consent.expiry_months"_s, u"18"_s); !set)
            qFatal("setting: %s", qPrintable(set.error().message));
        m_consented.patient = addPatient(*m_t, u"700080"_s, QDate(2000, 3, 2), u"ana.home@example.org"_s).id;
        m_consented.own =
            enrollOk(*m_t, patientForm(u"700080"_s, QDate(2026, 11, 20), u"ana.own@example.org"_s)).user.id;
        auto specialist = m_t->as(u"specialist"_s);
        ConsentSubmission form;
        form.mrn = u"700080"_s;
        form.proxyGiven = u"Rosa"_s;
        form.proxyFamily = u"López"_s;
        form.proxyEmail = u"rosa.lopez.m@example.org"_s;
        form.relationship = u"parent"_s;
        form.signedOn = u"2026-11-23"_s;
        form.signedBy = u"Ana López"_s;
        form.documentName = u"consent.pdf"_s;
        form.document = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        auto filed = ConsentService(*specialist).submit(form, u"604817"_s);
        if (!filed)
            qFatal("consent submit: %s", qPrintable(filed.error().message));
        auto approved = ConsentService(*supervisor).approve(filed->id);
        if (!approved)
            qFatal("consent approve: %s", qPrintable(approved.error().message));
        if (approved->consent.endsOn != QDate(2028, 5, 24))
            qFatal("the consent ends on %s", qPrintable(approved->consent.endsOn.toString(Qt::ISODate)));
        m_consented.consent = approved->consent.id;
        m_consented.grant = approved->consent.grantId;
        m_consented.rosa = approved->proxy.id;
        m_consented.rosasLogin = approved->proxy.username;
        m_consented.document = approved->consent.documentId;
        form.proxyGiven = u"Pablo"_s;
        form.proxyFamily = u"Ruiz"_s;
        form.proxyEmail = u"pablo.ruiz@example.org"_s;
        form.relationship = u"family"_s;
        auto waiting = ConsentService(*specialist).submit(form, u"604817"_s);
        if (!waiting)
            qFatal("consent submit: %s", qPrintable(waiting.error().message));
        m_consented.waiting = waiting->id;
        return m_consented;
    }
    // `sql` with the family's numbers in place of {patient}, {consent}, {grant}, {rosa}, {waiting},
    // {document} and {own}; {other} for another patient (MRN 700001), and {enrolled} for the grant of her
    // family, which no consent gave.
    QString withConsented(QString sql) {
        const Consented& c = consentedFamily();
        const qint64 other = m_t->count(u"SELECT id FROM patients WHERE mrn = '700001'"_s);
        const qint64 enrolled = m_t->count(
            u"SELECT min(id) FROM access_grants WHERE portal_user_id = %1 AND ended_at IS NULL"_s.arg(
                mariasLogin()));
        for (const auto& [name, value] :
             {std::pair{u"{patient}"_s, c.patient}, std::pair{u"{consent}"_s, c.consent},
              std::pair{u"{grant}"_s, c.grant}, std::pair{u"{rosa}"_s, c.rosa},
              std::pair{u"{waiting}"_s, c.waiting}, std::pair{u"{document}"_s, c.document},
              std::pair{u"{own}"_s, c.own}, std::pair{u"{other}"_s, other},
              std::pair{u"{enrolled}"_s, enrolled}})
            sql.replace(name, QString::number(value));
        return sql;
    }
    // A consent filed by hand, by the specialist's login: `patient`'s, naming Rosa López at `email`, with
    // `columns` (", a, b") set to `values` (", x, y") besides.
    static QString consentByHand(const QString& email, const QString& status = u"submitted"_s,
                                 const QString& columns = QString(), const QString& values = QString(),
                                 const QString& patient = u"{patient}"_s,
                                 const QString& kind = u"adult_proxy"_s) {
        return u"INSERT INTO public.consents (patient_id, kind, proxy_given, proxy_family, proxy_email, "
               "relationship, scope, signed_on, signed_by, pin_hash, document_id, status, created_at, "
               "created_by, updated_at, updated_by%1) "
               "VALUES (%2, '%3', 'Rosa', 'López', '%4', 'parent', 'full', '2026-12-01', 'Ana López', "
               "'scrypt$ln=15,r=8,p=1$AAAA$BBBB', {document}, '%5', '2026-12-01T18:00:00.000Z', 'pat', "
               "'2026-12-01T18:00:00.000Z', 'pat'%6)"_s.arg(columns, patient, kind, email, status, values);
    }

private slots:
    void initTestCase() {
        if (!onPostgres())
            QSKIP("server roles exist on the central database only");
        m_t = std::make_unique<TestDb>();
        m_database = QUrl(m_t->location).path().mid(1);
        auto admin = m_t->as(QStringLiteral("supervisor"));
        AdminService staff(*admin);
        QVERIFY(staff
                    .addStaff(QStringLiteral("sam"), QStringLiteral("Sam Ortiz"),
                              QStringLiteral("support_agent"), Password)
                    .ok());
        QVERIFY(staff
                    .addStaff(QStringLiteral("pat"), QStringLiteral("Pat Lee"),
                              QStringLiteral("him_specialist"), Password)
                    .ok());
        QVERIFY(staff
                    .addStaff(QStringLiteral("sue"), QStringLiteral("Sue Park"),
                              QStringLiteral("him_supervisor"), Password)
                    .ok());
        QVERIFY(staff
                    .addStaff(QStringLiteral("ehr-feed"), QStringLiteral("EHR feed"),
                              QStringLiteral("ehr_feed"), Password)
                    .ok());
        QVERIFY(staff
                    .addStaff(QStringLiteral("mia"), QStringLiteral("Mail service"), QStringLiteral("mailer"),
                              Password)
                    .ok());
        QVERIFY(staff.addStaff(u"nightly"_s, u"Daily job"_s, u"daily_job"_s, Password).ok());
        addPatient(*m_t, QStringLiteral("700001"), QDate(2016, 4, 2), QStringLiteral("family@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("700001"), QDate(2026, 11, 20),
                                  QStringLiteral("maria.lopez@example.org")));
        // A message waiting in the outbox, for the rows about changing one.
        addPatient(*m_t, QStringLiteral("700009"), QDate(2015, 6, 1), QStringLiteral("box@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("700009"), QDate(2026, 11, 20),
                                  QStringLiteral("waiting.box@example.org"), QStringLiteral("Wanda")));
        QVERIFY(InvitationService(*m_t->as(QStringLiteral("specialist")))
                    .sendNow(QStringLiteral("waiting.box"))
                    .ok());
    }

    // The outbox row of that waiting message, and the login of the enrolled family.
    qint64 waitingMessage() {
        return m_t->count(QStringLiteral("SELECT min(id) FROM outbox WHERE status = 'pending'"));
    }
    qint64 mariasLogin() {
        return m_t->count(QStringLiteral("SELECT id FROM portal_users WHERE username = 'maria.lopez'"));
    }

    void cleanupTestCase() { m_t.reset(); }

    void eachLoginHasTheRoleOfItsGroup_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("role");
        QTest::newRow("agent") << "sam"
                               << "support_agent";
        QTest::newRow("specialist") << "pat"
                                    << "him_specialist";
        QTest::newRow("supervisor") << "sue"
                                    << "him_supervisor";
        QTest::newRow("the EHR feed") << "ehr-feed"
                                      << "ehr_feed";
        QTest::newRow("the mail service") << "mia"
                                          << "mailer";
        QTest::newRow("the daily job") << "nightly"
                                       << "daily_job";
    }
    void eachLoginHasTheRoleOfItsGroup() {
        QFETCH(QString, login);
        QFETCH(QString, role);
        Login l = signInAs(login);
        QCOMPARE(l.ctx->staff().name, login);
        QCOMPARE(l.ctx->staff().role, role);
    }

    void theServerRefusesWhatARoleMayNotDo_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");
        const QString insertPatient = QStringLiteral(
            "INSERT INTO public.patients (mrn, given_name, family_name, birth_date, created_at, created_by, "
            "updated_at, updated_by) VALUES ('1', 'A', 'B', '2010-01-01', 'x', 'x', 'x', 'x')");
        // Support agents: masked views only; no base tables of people, no outbox, no audit log.
        QTest::newRow("agent reads masked patients") << "sam"
                                                     << "SELECT email, phone FROM patients" << true;
        QTest::newRow("agent reads patients' addresses") << "sam"
                                                         << "SELECT email FROM public.patients" << false;
        QTest::newRow("agent reads logins' addresses") << "sam"
                                                       << "SELECT email FROM public.portal_users" << false;
        QTest::newRow("agent reads invitations") << "sam"
                                                 << "SELECT * FROM public.invitations" << false;
        QTest::newRow("agent reads the search index") << "sam"
                                                      << "SELECT body FROM search_index" << false;
        QTest::newRow("agent writes the search index")
            << "sam"
            << "SELECT public.search_index_put_rows('[{\"rowid\": 2, \"body\": \"anyone\", \"sig\": -1}]')"
            << false;
        QTest::newRow("agent writes the search index directly")
            << "sam"
            << "UPDATE public.search_index SET body = 'x'" << false;
        QTest::newRow("agent reads the pair keys") << "sam"
                                                   << "SELECT pairs FROM public.search_index" << false;
        QTest::newRow("agent searches by pair keys")
            << "sam"
            << "SELECT * FROM public.search_rowids('{\"  sofia\",\"  lopez\"}', 10, 0, '{\"àáâ\"}')" << true;
        QTest::newRow("specialist reads the search index") << "pat"
                                                           << "SELECT body FROM public.search_index" << false;
        QTest::newRow("agent reads mail") << "sam"
                                          << "SELECT raw FROM public.outbox" << false;
        QTest::newRow("agent reads the audit log") << "sam"
                                                   << "SELECT * FROM public.audit_events" << false;
        // No birth date, and nothing that is one in disguise (SPEC section 6).
        QTest::newRow("agent reads birth dates") << "sam"
                                                 << "SELECT birth_date FROM public.patients" << false;
        QTest::newRow("agent reads the days grants end at 12 and 18")
            << "sam"
            << "SELECT age_ends_on FROM public.access_grants" << false;
        QTest::newRow("agent reads the birthday notices")
            << "sam"
            << "SELECT * FROM public.transition_notices" << false;
        QTest::newRow("agent enrolls") << "sam" << insertPatient << false;
        // No INSERT, UPDATE or DELETE on any table or view: what an agent may change goes through the
        // server's functions.
        QTest::newRow("agent takes over a pending login through its view")
            << "sam"
            << "UPDATE portaldesk_agent.invitations SET status = 'sent', "
               "expires_at = '2099-01-01T00:00:00.000Z'"
            << false;
        QTest::newRow("agent adds an invitation through its view")
            << "sam"
            << "INSERT INTO portaldesk_agent.invitations (portal_user_id, email, status, queued_at, "
               "due_at, created_by, updated_at, updated_by) SELECT id, 'x', 'queued', 'x', 'x', 'x', 'x', "
               "'x' FROM portaldesk_agent.portal_users LIMIT 1"
            << false;
        QTest::newRow("agent queues mail to any address")
            << "sam"
            << "INSERT INTO public.outbox (message_id, kind, sender, recipient, language, subject, status, "
               "next_attempt_at, created_at) VALUES ('<a1@example.org>', 'invitation', 'portal@example.org', "
               "'victim@example.org', 'en', 'Hello', 'pending', 'x', 'x')"
            << false;
        QTest::newRow("agent cancels mail") << "sam"
                                            << "UPDATE public.outbox SET status = 'cancelled'" << false;
        QTest::newRow("agent logs a request by hand")
            << "sam"
            << "INSERT INTO public.requests (kind, received_at, channel, due_at, created_at, created_by, "
               "updated_at, updated_by) VALUES ('other', 'a', 'phone', 'b', 'x', 'x', 'x', 'x')"
            << false;
        QTest::newRow("agent removes requests") << "sam"
                                                << "DELETE FROM public.requests" << false;
        QTest::newRow("the feed reissues an invitation")
            << "ehr-feed"
            << "SELECT * FROM public.invitation_reissue('{\"user\": 1}')" << false;
        QTest::newRow("agent deactivates")
            << "sam"
            << "UPDATE public.portal_users SET status = 'deactivated'" << false;
        QTest::newRow("agent changes settings") << "sam"
                                                << "UPDATE settings SET value = 'x'" << false;
        QTest::newRow("agent adds staff")
            << "sam"
            << "SELECT staff_login_add('eve', 'him_supervisor', 'aaaaaaaaaaaaaaaa')" << false;
        // The EHR's feed: its messages carry full demographics and raw text, its merges move families'
        // access; neither is the agents' to read or write. The agents' view shows deaths and merges,
        // read-only.
        QTest::newRow("agent reads the feed's messages") << "sam"
                                                         << "SELECT raw FROM public.feed_messages" << false;
        QTest::newRow("agent dismisses a refused message")
            << "sam"
            << "UPDATE public.feed_messages SET status = 'dismissed'" << false;
        QTest::newRow("agent reads held merges") << "sam"
                                                 << "SELECT * FROM public.patient_merges" << false;
        QTest::newRow("agent holds a merge")
            << "sam"
            << "INSERT INTO public.patient_merges (survivor_id, prior_id, status, created_at, created_by) "
               "VALUES (1, 2, 'held', 'x', 'x')"
            << false;
        QTest::newRow("agent sees deaths and merges")
            << "sam"
            << "SELECT deceased_at, merged_into FROM patients" << true;
        QTest::newRow("agent marks a patient deceased through the view")
            << "sam"
            << "UPDATE patients SET deceased_at = 'x'" << false;
        QTest::newRow("agent merges a patient away")
            << "sam"
            << "UPDATE public.patients SET merged_into = id" << false;
        QTest::newRow("agent moves a birthday")
            << "sam"
            << "UPDATE public.access_grants SET age_ends_on = NULL" << false;
        QTest::newRow("agent runs the birthday trigger") << "sam"
                                                         << "SELECT public.patients_age_end()" << false;
        QTest::newRow("specialist runs the birthday trigger")
            << "pat"
            << "SELECT public.access_grants_age_end()" << false;
        QTest::newRow("agent cancels mail") << "sam"
                                            << "UPDATE public.outbox SET status = 'cancelled'" << false;
        QTest::newRow("specialist reads the feed's messages")
            << "pat"
            << "SELECT raw FROM public.feed_messages" << true;
        QTest::newRow("specialist reads held merges") << "pat"
                                                      << "SELECT * FROM public.patient_merges" << true;
        QTest::newRow("specialist deletes the feed's messages")
            << "pat"
            << "DELETE FROM public.feed_messages" << false;
        QTest::newRow("specialist deletes a merge") << "pat"
                                                    << "DELETE FROM public.patient_merges" << false;
        QTest::newRow("specialist writes an audit row through a merge")
            << "pat"
            << "UPDATE public.audit_events SET details = '{}'" << false;
        // HIM specialists: the people and their mail, but not settings, staff or the audit log itself.
        QTest::newRow("specialist reads addresses") << "pat"
                                                    << "SELECT email FROM public.patients" << true;
        QTest::newRow("specialist enrolls") << "pat" << insertPatient << true;
        QTest::newRow("specialist reads the audit log") << "pat"
                                                        << "SELECT * FROM public.audit_events" << false;
        QTest::newRow("specialist changes settings") << "pat"
                                                     << "UPDATE settings SET value = 'x'" << false;
        QTest::newRow("specialist adds holidays")
            << "pat"
            << "INSERT INTO holidays (day, name) VALUES ('2026-12-24', 'x')" << false;
        QTest::newRow("specialist adds staff")
            << "pat"
            << "SELECT staff_login_add('eve', 'him_supervisor', 'aaaaaaaaaaaaaaaa')" << false;
        QTest::newRow("specialist makes a role") << "pat"
                                                 << "CREATE ROLE eve LOGIN" << false;
        // The EHR feed's account: patients as the EHR sends them, and what a death, a correction or a merge
        // ends or moves; never a new login, grant or message, nor anything read that it doesn't apply.
        QTest::newRow("feed registers a patient") << "ehr-feed" << insertPatient << true;
        QTest::newRow("feed records a death") << "ehr-feed"
                                              << "UPDATE public.patients SET deceased_at = 'x'" << true;
        QTest::newRow("feed ends a grant")
            << "ehr-feed"
            << "UPDATE public.access_grants SET end_reason = 'deceased', ended_at = 'x'" << true;
        QTest::newRow("feed cancels a family's mail")
            << "ehr-feed"
            << "UPDATE public.outbox SET status = 'cancelled' WHERE status = 'pending'" << true;
        QTest::newRow("feed enrolls a login")
            << "ehr-feed"
            << "INSERT INTO public.portal_users (username, email, given_name, family_name, language, kind, "
               "status, created_at, created_by, updated_at, updated_by) VALUES ('x', 'x@example.org', 'A', "
               "'B', 'en', 'proxy', 'pending', 'x', 'x', 'x', 'x')"
            << false;
        QTest::newRow("feed gives access")
            << "ehr-feed"
            << "INSERT INTO public.access_grants (portal_user_id, patient_id, level, basis, bracket, "
               "relationship, started_at, updated_at, updated_by) SELECT u.id, p.id, 'full', "
               "'enrollment', 'child', 'parent', 'x', 'x', 'x' FROM public.portal_users u, "
               "public.patients p LIMIT 1"
            << false;
        QTest::newRow("feed queues mail")
            << "ehr-feed"
            << "INSERT INTO public.outbox (message_id, kind, sender, recipient, language, subject, raw, "
               "created_at) VALUES ('x', 'x', 'x', 'victim@example.org', 'en', 'x', 'x', 'x')"
            << false;
        QTest::newRow("feed changes a login's address")
            << "ehr-feed"
            << "UPDATE public.portal_users SET email = 'attacker@example.org'" << false;
        QTest::newRow("feed reopens a login") << "ehr-feed"
                                              << "UPDATE public.portal_users SET status = 'active'" << false;
        QTest::newRow("feed closes a login")
            << "ehr-feed"
            << "UPDATE public.portal_users SET status = 'terminated', status_reason = 'no_open_grant'"
            << true;
        QTest::newRow("feed resends an invitation")
            << "ehr-feed"
            << "UPDATE public.invitations SET status = 'sent', expires_at = 'x'" << false;
        QTest::newRow("feed gives a grant to another login")
            << "ehr-feed"
            << "UPDATE public.access_grants SET portal_user_id = portal_user_id" << false;
        QTest::newRow("feed reads mail") << "ehr-feed"
                                         << "SELECT raw FROM public.outbox" << false;
        QTest::newRow("feed sends mail again")
            << "ehr-feed"
            << "UPDATE public.outbox SET status = 'pending', next_attempt_at = NULL" << false;
        QTest::newRow("feed reads the audit log") << "ehr-feed"
                                                  << "SELECT * FROM public.audit_events" << false;
        QTest::newRow("feed edits the audit log") << "ehr-feed"
                                                  << "UPDATE public.audit_events SET staff = 'x'" << false;
        QTest::newRow("feed deletes a patient") << "ehr-feed"
                                                << "DELETE FROM public.patients" << false;
        QTest::newRow("feed reads the search index") << "ehr-feed"
                                                     << "SELECT body FROM public.search_index" << false;
        QTest::newRow("feed changes settings") << "ehr-feed"
                                               << "UPDATE settings SET value = 'x'" << false;
        QTest::newRow("feed adds staff")
            << "ehr-feed"
            << "SELECT staff_login_add('eve', 'him_supervisor', 'aaaaaaaaaaaaaaaa')" << false;
        QTest::newRow("feed files a consent form")
            << "ehr-feed"
            << "INSERT INTO public.documents (name, sha256, content, created_at, created_by) VALUES ('x', "
               "'x', 'x', 'x', 'x')"
            << false;
        // Mail: staff queue notices through mail_queue() only, read the outbox without its bodies, and may
        // only cancel a message that waits; the mail service's account sends and reads nothing else.
        const QString queueToAnyone = QStringLiteral(
            "INSERT INTO public.outbox (message_id, kind, sender, recipient, language, subject, status, "
            "next_attempt_at, created_at) VALUES ('<a2@example.org>', 'deactivation', 'portal@example.org', "
            "'victim@example.org', 'en', 'Hello', 'pending', 'x', 'x')");
        for (const char* login : {"pat", "sue", "mia"})
            QTest::addRow("%s queues mail to any address", login)
                << QString::fromLatin1(login) << queueToAnyone << false;
        QTest::newRow("specialist reads the outbox")
            << "pat"
            << "SELECT id, status, recipient, last_error FROM public.outbox" << true;
        QTest::newRow("specialist reads mail bodies") << "pat"
                                                      << "SELECT raw FROM public.outbox" << false;
        QTest::newRow("supervisor reads mail bodies") << "sue"
                                                      << "SELECT raw FROM public.outbox" << false;
        QTest::newRow("specialist sends mail again")
            << "pat"
            << "UPDATE public.outbox SET status = 'sent' WHERE status = 'pending'" << false;
        QTest::newRow("supervisor redirects mail")
            << "sue"
            << "UPDATE public.outbox SET recipient = 'victim@example.org'" << false;
        QTest::newRow("specialist cancels waiting mail")
            << "pat"
            << "UPDATE public.outbox SET status = 'cancelled', last_error = 'x' WHERE status = 'pending'"
            << true;
        QTest::newRow("specialist makes an activation link")
            << "pat"
            << "SELECT public.invitation_issue_token(id) FROM public.outbox" << false;
        QTest::newRow("specialist marks an invitation sent")
            << "pat"
            << "SELECT * FROM public.invitation_mail_result('{\"outbox\": 1, \"outcome\": \"sent\"}')"
            << false;
        QTest::newRow("agent queues a notice") << "sam"
                                               << "SELECT public.mail_queue('{}')" << false;
        QTest::newRow("mail service queues a notice") << "mia"
                                                      << "SELECT public.mail_queue('{}')" << false;
        QTest::newRow("mail service claims waiting mail")
            << "mia"
            << "UPDATE public.outbox SET status = 'sending', claimed_by = 'x' WHERE status = 'pending'"
            << true;
        QTest::newRow("mail service redirects mail")
            << "mia"
            << "UPDATE public.outbox SET recipient = 'victim@example.org'" << false;
        QTest::newRow("mail service reads patients") << "mia"
                                                     << "SELECT * FROM public.patients" << false;
        QTest::newRow("mail service reads logins") << "mia"
                                                   << "SELECT email FROM public.portal_users" << false;
        QTest::newRow("mail service reads PIN hashes") << "mia"
                                                       << "SELECT pin_hash FROM public.invitations" << false;
        QTest::newRow("mail service reads the audit log") << "mia"
                                                          << "SELECT * FROM public.audit_events" << false;
        QTest::newRow("mail service reissues")
            << "mia"
            << "SELECT * FROM public.invitation_reissue('{\"user\": 1}')" << false;
        QTest::newRow("mail service adds staff")
            << "mia"
            << "SELECT staff_login_add('eve', 'him_supervisor', 'aaaaaaaaaaaaaaaa')" << false;
        // Invitations: no staff role reads a PIN or token hash or writes an invitation; the server's
        // functions do what the desks may.
        QTest::newRow("specialist reads invitations")
            << "pat"
            << "SELECT id, status, due_at, email FROM public.invitations" << true;
        QTest::newRow("specialist reads PIN hashes") << "pat"
                                                     << "SELECT pin_hash FROM public.invitations" << false;
        QTest::newRow("supervisor reads token hashes")
            << "sue"
            << "SELECT token_hash FROM public.invitations" << false;
        QTest::newRow("specialist reads a consent's PIN hash")
            << "pat"
            << "SELECT pin_hash FROM public.consents" << false;
        QTest::newRow("feed reads PIN hashes") << "ehr-feed"
                                               << "SELECT pin_hash FROM public.invitations" << false;
        QTest::newRow("specialist takes over a pending login")
            << "pat"
            << "UPDATE public.invitations SET token_hash = 'x', status = 'sent', "
               "expires_at = '2099-01-01T00:00:00.000Z'"
            << false;
        QTest::newRow("supervisor adds an invitation")
            << "sue"
            << "INSERT INTO public.invitations (portal_user_id, email, pin_hash, status, queued_at, due_at, "
               "created_by, updated_at, updated_by) SELECT id, 'x', 'x', 'queued', 'x', 'x', 'x', 'x', 'x' "
               "FROM public.portal_users LIMIT 1"
            << false;
        QTest::newRow("specialist removes invitations") << "pat"
                                                        << "DELETE FROM public.invitations" << false;
        QTest::newRow("specialist rewrites a consent's PIN")
            << "pat"
            << "UPDATE public.consents SET pin_hash = 'x'" << false;
        QTest::newRow("agent revokes an invitation")
            << "sam"
            << "SELECT public.invitation_revoke('{\"user\": 1, \"reason\": \"staff\"}')" << false;
        QTest::newRow("feed revokes an invitation for no death")
            << "ehr-feed"
            << "SELECT public.invitation_revoke('{\"user\": 1, \"reason\": \"staff\"}')" << false;
        QTest::newRow("agent runs the daily sweeps")
            << "sam"
            << "SELECT * FROM public.invitations_sweep('{\"step\": \"expire\", \"limit\": 10}')" << false;
        QTest::newRow("agent makes an invitation")
            << "sam"
            << "SELECT * FROM public.invitation_queue('{\"user\": 1, \"previous\": true}')" << false;
        // Logins and grants open and close through the server's functions; the rest of a login stays
        // editable.
        QTest::newRow("specialist deactivates by hand")
            << "pat"
            << "UPDATE public.portal_users SET status = 'deactivated', status_reason = 'other'" << false;
        QTest::newRow("supervisor opens a login by hand")
            << "sue"
            << "UPDATE public.portal_users SET status = 'active', activated_at = 'x'" << false;
        QTest::newRow("specialist ends a grant by hand")
            << "pat"
            << "UPDATE public.access_grants SET ended_at = 'x', end_reason = 'age_12'" << false;
        QTest::newRow("specialist adds an active login")
            << "pat"
            << "INSERT INTO public.portal_users (username, email, given_name, family_name, language, kind, "
               "status, activated_at, created_at, created_by, updated_at, updated_by) VALUES ('x', "
               "'x@example.org', 'A', 'B', 'en', 'proxy', 'active', 'x', 'x', 'x', 'x', 'x')"
            << false;
        QTest::newRow("specialist corrects a login's name")
            << "pat"
            << "UPDATE public.portal_users SET given_name = given_name" << true;
        QTest::newRow("agent ends a grant through the function")
            << "sam"
            << "SELECT public.grant_end('{\"grant\": 1, \"reason\": \"age_12\"}')" << false;
        QTest::newRow("agent closes a login through the function")
            << "sam"
            << "SELECT public.portal_user_close('{\"user\": 1, \"to\": \"deactivated\"}')" << false;
        // Supervisors: everything above, the audit log to read, and still no way to change it.
        QTest::newRow("supervisor reads the audit log") << "sue"
                                                        << "SELECT count(*) FROM public.audit_events" << true;
        QTest::newRow("supervisor edits the audit log")
            << "sue"
            << "UPDATE public.audit_events SET staff = 'x'" << false;
        QTest::newRow("supervisor deletes the audit log") << "sue"
                                                          << "DELETE FROM public.audit_events" << false;
        QTest::newRow("supervisor empties the audit log") << "sue"
                                                          << "TRUNCATE public.audit_events" << false;
        QTest::newRow("supervisor drops a table") << "sue"
                                                  << "DROP TABLE public.audit_events" << false;
        QTest::newRow("supervisor makes a table") << "sue"
                                                  << "CREATE TABLE public.x (i int)" << false;
        QTest::newRow("supervisor changes settings") << "sue"
                                                     << "UPDATE settings SET updated_by = updated_by" << true;
        // Nobody writes the log by hand: a forged event in someone else's name is refused to every role.
        const QString forged = QStringLiteral(
            "INSERT INTO public.audit_events (id, at, staff, workstation, action, record_type, record_id, "
            "details, prev_hash, hash) VALUES (999999, '2026-11-24T17:00:00.000Z', 'dana.kim', 'ws', "
            "'user.deactivated', 'portal_user', '1', '{}', 'x', 'forged')");
        for (const char* login : {"sam", "pat", "sue", "ehr-feed", "mia", "nightly"})
            QTest::addRow("%s forges an audit event", login) << QString::fromLatin1(login) << forged << false;
        // The daily job's login reads what the night's run decides by, writes its own rows, and calls the
        // server's functions for the run's own reasons; nothing of the desk's work.
        const QList<std::tuple<const char*, const char*, bool>> nightly = {
            {"reads birth dates", "SELECT birth_date, email FROM public.patients", true},
            {"reads grants and logins",
             "SELECT g.id, u.email FROM access_grants g JOIN portal_users u ON "
             "u.id = g.portal_user_id",
             true},
            {"reads invitations without their secrets", "SELECT status, expires_at FROM invitations", true},
            {"reads consents without their PIN", "SELECT ends_on, reminded_at FROM consents", true},
            {"marks a consent reminded", "UPDATE public.consents SET reminded_at = reminded_at", true},
            {"reads a PIN's hash", "SELECT pin_hash FROM public.invitations", false},
            {"reads a link's hash", "SELECT token_hash FROM public.invitations", false},
            {"reads a consent's PIN hash", "SELECT pin_hash FROM public.consents", false},
            {"reads the audit log", "SELECT count(*) FROM public.audit_events", false},
            {"reads requests", "SELECT count(*) FROM public.requests", false},
            {"logs a request", "SELECT public.request_log('{\"kind\": \"other\"}')", false},
            {"reads the EHR's messages", "SELECT count(*) FROM public.feed_messages", false},
            {"reads a restriction", "SELECT note FROM public.restrictions", false},
            {"reads a consent's document", "SELECT content FROM public.documents", false},
            {"reads a message's body", "SELECT raw FROM public.outbox", false},
            {"reads the search index", "SELECT body FROM public.search_index", false},
            {"corrects a patient", "UPDATE public.patients SET given_name = given_name", false},
            {"changes a login's address", "UPDATE public.portal_users SET email = email", false},
            {"ends a grant by hand", "UPDATE public.access_grants SET ended_at = 'x', end_reason = 'age_12'",
             false},
            {"decides a consent", "UPDATE public.consents SET status = 'rejected'", false},
            {"forgets a birthday notice", "DELETE FROM public.transition_notices", false},
            {"records a birthday notice it did not queue",
             "INSERT INTO public.transition_notices (grant_id, transition_age, transition_date, outbox_id, "
             "created_at) SELECT id, 12, '2030-01-01', NULL, 'x' FROM public.access_grants LIMIT 1",
             false},
            {"writes the outbox", "UPDATE public.outbox SET status = 'cancelled'", false},
            {"changes a setting", "UPDATE public.settings SET value = value", false},
            {"adds staff", "SELECT public.staff_login_add('x', 'him_supervisor', 'x')", false},
            {"makes an invitation", "SELECT * FROM public.invitation_queue('{\"user\": 1}')", false},
            {"reissues an invitation", "SELECT * FROM public.invitation_reissue('{\"user\": 1}')", false},
            {"checks a family's identity", "SELECT public.identity_check('{\"patient\": 1}')", false},
            {"adds a restriction", "SELECT public.restriction_add('{\"patient\": 1}')", false},
            {"sends mail", "SELECT * FROM public.invitation_mail_result('{\"outbox\": 1}')", false},
        };
        for (const auto& [what, sql, allowed] : nightly)
            QTest::addRow("daily job %s", what) << u"nightly"_s << QString::fromLatin1(sql) << allowed;
        QTest::newRow("agent marks the database for training")
            << "sam"
            << "INSERT INTO public.deployment VALUES (1, true, 'x', 'x')" << false;
        QTest::newRow("supervisor turns a live database into a training one")
            << "sue"
            << "UPDATE public.deployment SET training = true" << false;
    }
    // Through the views a role reads by name, the secrets are not there at all.
    void noViewShowsASecret_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("sql");
        for (const char* login : {"sam", "pat", "sue", "ehr-feed"}) {
            QTest::addRow("%s: PIN hashes", login)
                << QString::fromLatin1(login) << QStringLiteral("SELECT pin_hash FROM invitations");
            QTest::addRow("%s: token hashes", login)
                << QString::fromLatin1(login) << QStringLiteral("SELECT token_hash FROM invitations");
        }
        for (const char* login : {"pat", "sue", "ehr-feed"})
            QTest::addRow("%s: a consent's PIN hash", login)
                << QString::fromLatin1(login) << QStringLiteral("SELECT pin_hash FROM consents");
    }
    void noViewShowsASecret() {
        QFETCH(QString, login);
        QFETCH(QString, sql);
        Login l = signInAs(login);
        QCOMPARE(sqlState(*l.db, sql), QStringLiteral("42703")); // no such column in that role's view
        // The rest of the row is there.
        QCOMPARE(sqlState(*l.db, QString(sql).replace(QRegularExpression(QStringLiteral("\\w+_hash")),
                                                      QStringLiteral("id"))),
                 QStringLiteral("ok"));
    }

    void theServerRefusesWhatARoleMayNotDo() {
        QFETCH(QString, login);
        QFETCH(QString, sql);
        QFETCH(bool, allowed);
        Login l = signInAs(login);
        QVERIFY(l.db->begin().ok());
        const QString state = sqlState(*l.db, sql);
        l.db->rollback();
        if (allowed)
            QCOMPARE(state, QStringLiteral("ok"));
        else
            QVERIFY2(state == QLatin1String("42501"), // refused for want of privilege, not for a typo
                     qPrintable(QStringLiteral("%1 gave %2").arg(sql, state)));
    }

    // The listener's own login applies what the EHR sends, the age rules, a death and a merge with it,
    // through the server's grants for the feed alone; and the desk's work stays closed to it.
    void theFeedsOwnLoginAppliesTheEhrsMessages() {
        addPatient(*m_t, QStringLiteral("700010"), QDate(2015, 2, 1), QStringLiteral("kid@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("700010"), QDate(2026, 11, 20),
                                  QStringLiteral("ana.ruiz@example.org"), QStringLiteral("Ana")));
        addPatient(*m_t, QStringLiteral("700013"), QDate(2017, 6, 1), QStringLiteral("kid2@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("700013"), QDate(2026, 11, 20),
                                  QStringLiteral("luis.ito@example.org"), QStringLiteral("Luis")));
        Login l = signInAs(QStringLiteral("ehr-feed"));
        hl7::FeedProcessor feed(*l.ctx);
        const auto send = [&feed](const QByteArray& trigger, const QByteArray& id,
                                  const QByteArray& segments) {
            return feed.process("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124080000||ADT^" + trigger + "|" + id +
                                "|P|2.5.1\rEVN|" + trigger + "|20261124080000\r" + segments + "\r");
        };
        for (const QByteArray& mrn : {QByteArray("700011"), QByteArray("700012")}) {
            const hl7::Processed added =
                send("A04", "R" + mrn, "PID|1||" + mrn + "^^^CHLA^MR||Kim^Min||20120809|M");
            QVERIFY2(added.code == hl7::AckCode::Accept, qPrintable(added.text));
        }
        // A birth date corrected to twelve years ago ends the child-bracket grant at once.
        const hl7::Processed older = send("A08", "F2", "PID|1||700010^^^CHLA^MR||Ruiz^Leo||20140101|M");
        QVERIFY2(older.code == hl7::AckCode::Accept, qPrintable(older.text));
        QVERIFY(older.outcome && older.outcome->grantsEnded == 1);
        const hl7::Processed merged = send("A40", "F3", "PID|1||700011^^^CHLA^MR\rMRG|700012^^^CHLA^MR");
        QVERIFY2(merged.code == hl7::AckCode::Accept, qPrintable(merged.text));
        QVERIFY(merged.outcome && merged.outcome->merged);
        const hl7::Processed died = send("A08", "F4", "PID|1||700013^^^CHLA^MR|||||||||||||||||||||||||||Y");
        QVERIFY2(died.code == hl7::AckCode::Accept, qPrintable(died.text));
        QVERIFY(died.outcome && died.outcome->died && died.outcome->grantsEnded == 1);
        // What it ended stays ended, even to raw SQL on its own login.
        QCOMPARE(
            sqlState(*l.db, QStringLiteral("UPDATE public.access_grants SET ended_at = NULL, end_reason = "
                                           "NULL WHERE ended_at IS NOT NULL")),
            QStringLiteral("42501"));
        auto p = PatientRepository(*m_t->db).byMrn(QStringLiteral("700013"));
        QVERIFY(p.ok() && p->has_value() && (*p)->deceasedAt.isValid());
        QVERIFY(AuditLog(*m_t->db).verify()->intact);
        // Its services stop at the feed: no enrollment, no search of families.
        auto enrolled = EnrollmentService(*l.ctx).enroll(
            parentForm(QStringLiteral("700011"), QDate(2026, 11, 20), QStringLiteral("x@example.org")),
            QStringLiteral("482913"));
        QVERIFY(!enrolled.ok());
        QCOMPARE(enrolled.error().rule, QStringLiteral("role.required"));
        QVERIFY(!PatientService(*l.ctx).search(QStringLiteral("kim")).ok());
    }

    // The daily job's own login runs the night's work (invitations expired and marked late, here) in its own
    // name, through the server's grants for it alone; and the desk's work stays closed to it.
    void theDailyJobsLoginRunsTheNightAndNothingElse() {
        const QDateTime before = m_t->clock.nowUtc();
        const auto restore = qScopeGuard([&] { m_t->clock.set(before); });
        m_t->clock.set(la(2026, 10, 1, 10));
        addPatient(*m_t, u"700090"_s, QDate(2015, 3, 3), u"kid90@example.org"_s);
        enrollOk(*m_t, parentForm(u"700090"_s, QDate(2026, 10, 1), u"eva.sent@example.org"_s, u"Eva"_s));
        sendAndReadToken(*m_t, u"eva.sent"_s);
        addPatient(*m_t, u"700091"_s, QDate(2015, 4, 4), u"kid91@example.org"_s);
        enrollOk(*m_t, parentForm(u"700091"_s, QDate(2026, 10, 1), u"ivo.queued@example.org"_s, u"Ivo"_s));
        m_t->clock.set(la(2026, 11, 5, 0, 15));
        Login nightly = signInAs(u"nightly"_s);
        auto ran = DailyJob(*nightly.ctx).run(nullptr);
        QVERIFY2(ran.ok(), qPrintable(ran.ok() ? QString() : ran.error().message));
        QVERIFY(ran->mailByService);
        const QString ofLogin = u"SELECT count(*) FROM invitations i JOIN portal_users u ON u.id = "
                                "i.portal_user_id WHERE u.username = '%1' AND %2"_s;
        QCOMPARE(m_t->count(ofLogin.arg(u"eva.sent"_s, u"i.status = 'expired'"_s)), 1);
        QCOMPARE(m_t->count(ofLogin.arg(u"ivo.queued"_s, u"i.late_marked_at IS NOT NULL"_s)), 1);
        QVERIFY(m_t->count(u"SELECT count(*) FROM audit_events WHERE staff = 'nightly' AND action IN "
                           "('invitation.expired', 'invitation.late')"_s) >= 2);
        QVERIFY(AuditLog(*m_t->db).verify()->intact);
        // Its services stop at the night's work.
        auto enrolled =
            EnrollmentService(*nightly.ctx)
                .enroll(parentForm(u"700091"_s, QDate(2026, 11, 5), u"x@example.org"_s), u"482913"_s);
        QVERIFY(!enrolled.ok());
        QCOMPARE(enrolled.error().rule, u"role.required"_s);
        QVERIFY(!PatientService(*nightly.ctx).search(u"kim"_s).ok());
        QVERIFY(!AdminService(*nightly.ctx).auditList(QString(), 10).ok());
        QVERIFY(!InvitationService(*nightly.ctx).sendNow(u"ivo.queued"_s).ok());
    }

    // A login that may update grants still can't move the birthday that ends one: the server works it out
    // again from the patient's birth date.
    void aBirthdayCantBeMovedByHand() {
        Login l = signInAs(QStringLiteral("pat"));
        QCOMPARE(sqlState(*l.db, QStringLiteral("UPDATE public.access_grants SET age_ends_on = NULL, "
                                                "updated_by = updated_by")),
                 QStringLiteral("ok"));
        QSqlQuery q(l.db->connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT g.age_ends_on FROM public.access_grants g JOIN public.patients p "
                                  "ON p.id = g.patient_id WHERE p.mrn = '700001' AND g.ended_at IS NULL")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("2028-04-02")); // the 12th birthday
    }

    // A specialist's login writes search rows through the schema's function, for people who exist only:
    // a row for nobody refuses the whole call.
    void theSearchIndexTakesRowsForPeopleWhoExistOnly() {
        Login l = signInAs(QStringLiteral("pat"));
        QSqlQuery id(m_t->db->connection());
        QVERIFY(id.exec(QStringLiteral("SELECT id FROM public.patients WHERE mrn = '700001'")) && id.next());
        const qint64 rowid = id.value(0).toLongLong() * 2;
        const QString row = QStringLiteral("{\"rowid\": %1, \"body\": \"  written by hand\", \"sig\": -1}");
        QVERIFY(l.db->begin().ok());
        QCOMPARE(sqlState(*l.db, QStringLiteral("SELECT public.search_index_put_rows('[%1, %2]')")
                                     .arg(row.arg(rowid), row.arg(999999998))),
                 QStringLiteral("23503"));
        l.db->rollback();
        QSqlQuery body(m_t->db->connection());
        QVERIFY(
            body.exec(QStringLiteral("SELECT body FROM public.search_index WHERE rowid = %1").arg(rowid)));
        QVERIFY(body.next());
        QVERIFY(!body.value(0).toString().contains(QLatin1String("by hand")));
        QCOMPARE(sqlState(*l.db,
                          QStringLiteral("SELECT public.search_index_put_rows('[%1]')").arg(row.arg(rowid))),
                 QStringLiteral("ok"));
        QVERIFY(
            body.exec(QStringLiteral("SELECT body FROM public.search_index WHERE rowid = %1").arg(rowid)));
        QVERIFY(body.next());
        QCOMPARE(body.value(0).toString(), QStringLiteral("  written by hand"));
        // Put back what PortalDesk writes for the patient, for the tests after.
        auto patient = PatientRepository(*m_t->db).byMrn(QStringLiteral("700001"));
        QVERIFY(patient && patient->has_value());
        QVERIFY(SearchRepository(*m_t->db).indexPatient(**patient).ok());
    }

    // Pair keys become LIKE patterns on the server: one typed by hand with a wildcard (which would match
    // every row) or a space is refused, whatever the search would have found without it.
    void aHandMadePairKeyIsRefused() {
        Login l = signInAs(QStringLiteral("sam"));
        const QStringList keys = {QStringLiteral("%%%"), QStringLiteral("a_b"), QStringLiteral("a b"),
                                  QStringLiteral("abcd")};
        for (const QString& key : keys)
            QCOMPARE(
                sqlState(*l.db, QStringLiteral("SELECT * FROM public.search_rowids('{\"  sofia\"}', 10, 0, "
                                               "ARRAY['%1'])")
                                    .arg(key)),
                QStringLiteral("22023"));
        QCOMPARE(sqlState(*l.db, QStringLiteral("SELECT * FROM public.search_rowids('{\"  sofia\"}', 10, 0, "
                                                "ARRAY[U&'\\00E0\\00E1\\00E2'])")),
                 QStringLiteral("ok"));
    }

    void anAgentSeesContactDetailsMaskedByTheServer() {
        Login l = signInAs(QStringLiteral("sam"));
        QSqlQuery q(l.db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT p.email, u.email FROM patients p, portal_users u "
                                      "WHERE p.mrn = '700001' AND u.username = 'maria.lopez'")) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("f•••@example.org"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("m•••@example.org"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_events WHERE details LIKE "
                                      "'%maria.lopez@example.org%'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void anAgentSeesOnlyTheCodesOfAMailServersReply() {
        const QString reply = QStringLiteral(
            "The mail server refused the message at mx.example.org: it answered RCPT TO with "
            "\"550 5.1.1 <maria.lopez@example.org>: Recipient address rejected: user unknown\"");
        QSqlQuery owner(m_t->db->connection());
        QVERIFY(owner.exec(QStringLiteral("SELECT id FROM portal_users WHERE username = 'maria.lopez'")) &&
                owner.next());
        const qint64 userId = owner.value(0).toLongLong();
        qint64 outboxId = 0;
        {
            auto ctx = m_t->as(QStringLiteral("supervisor"));
            QVERIFY(m_t->db->begin().ok());
            ServiceContext::Mail mail;
            mail.kind = QStringLiteral("transition_12");
            mail.language = QStringLiteral("en");
            mail.to = {QStringLiteral("María López"), QStringLiteral("maria.lopez@example.org")};
            mail.vars.insert(QStringLiteral("patient_given_name"), QStringLiteral("Ana"));
            mail.vars.insert(QStringLiteral("transition_date"), QStringLiteral("April 2, 2028"));
            mail.portalUserId = userId;
            auto queued = ctx->enqueueMail(ctx->policy().value(), mail);
            QVERIFY(queued.ok());
            QVERIFY(m_t->db->commit().ok());
            outboxId = queued.value();
        }
        owner.prepare(QStringLiteral("UPDATE outbox SET last_error = ? WHERE id = ?"));
        owner.addBindValue(reply);
        owner.addBindValue(outboxId);
        QVERIFY2(owner.exec(), qPrintable(owner.lastError().text()));
        QVERIFY(m_t->as(QStringLiteral("supervisor"))
                    ->audit(QStringLiteral("mail.failed"), QStringLiteral("outbox"), outboxId, 0, userId,
                            {{QStringLiteral("error"), reply}})
                    .ok());

        const QString masked = QStringLiteral("The mail server refused the message at mx.example.org: it "
                                              "answered RCPT TO with \"550 5.1.1 …\"");
        Login l = signInAs(QStringLiteral("sam"));
        QSqlQuery q(l.db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT last_error FROM outbox WHERE id = %1").arg(outboxId)) &&
                q.next());
        QCOMPARE(q.value(0).toString(), masked);
        QVERIFY(q.exec(QStringLiteral("SELECT details FROM audit_events WHERE action = 'mail.failed' "
                                      "ORDER BY id DESC LIMIT 1")) &&
                q.next());
        const QJsonObject details = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("error")).toString(), masked);
        // The services give an agent the same, on either database.
        QCOMPARE(maskMailReply(reply), masked);
        auto listed = AdminService(*l.ctx).outbox(QString(), 100);
        QVERIFY(listed.ok());
        bool seen = false;
        for (const OutboxMessage& m : listed.value()) {
            if (m.id == outboxId) {
                seen = true;
                QCOMPARE(m.lastError, masked);
            }
        }
        QVERIFY(seen);
        // A specialist reads the reply whole, to fix the address.
        Login pat = signInAs(QStringLiteral("pat"));
        QSqlQuery full(pat.db->connection());
        QVERIFY(full.exec(QStringLiteral("SELECT last_error FROM outbox WHERE id = %1").arg(outboxId)) &&
                full.next());
        QCOMPARE(full.value(0).toString(), reply);
    }

    // The only way into the log stamps who and when itself: a login can't write in another's name.
    void theServerWritesEachEventInTheLoginsOwnName_data() {
        QTest::addColumn<QString>("login");
        QTest::newRow("agent") << "sam";
        QTest::newRow("specialist") << "pat";
        QTest::newRow("the EHR feed") << "ehr-feed";
    }
    void theServerWritesEachEventInTheLoginsOwnName() {
        QFETCH(QString, login);
        Login l = signInAs(login);
        QVERIFY(l.db->begin().ok());
        QSqlQuery q(l.db->connection());
        QVERIFY2(
            q.exec(QStringLiteral(
                "SELECT id FROM audit_append('[{\"staff\": \"dana.kim\", \"workstation\": \"ws\", "
                "\"action\": \"request.logged\", \"record_type\": \"request\", \"record_id\": \"1\"}]')")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        const qint64 id = q.value(0).toLongLong();
        QVERIFY(l.db->commit().ok());

        Query written(*m_t->db, QStringLiteral("SELECT staff, at FROM audit_events WHERE id = :id"));
        written.bind(QStringLiteral(":id"), id);
        QVERIFY(written.exec().ok() && written.next());
        QCOMPARE(written.value(0).toString(), login);
        // No time was given: the server's own, even on this training database.
        const QDateTime at = DbTime::instant(written.value(1));
        QVERIFY2(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 600,
                 qPrintable(at.toString(Qt::ISODate)));
        // The server's hash is the one the desktop's verifier computes.
        auto verified = AuditLog(*m_t->db).verify();
        QVERIFY(verified.ok());
        QVERIFY2(verified->intact, qPrintable(verified->problem));

        // A call that isn't a list of whole events writes nothing.
        QVERIFY(l.db->begin().ok());
        QCOMPARE(sqlState(*l.db, QStringLiteral("SELECT audit_append('{}')")), QStringLiteral("22023"));
        l.db->rollback();
        QVERIFY(l.db->begin().ok());
        QCOMPARE(sqlState(*l.db, QStringLiteral("SELECT audit_append('[{\"action\": \"x\"}]')")),
                 QStringLiteral("22023"));
        l.db->rollback();
    }

    // The server's function holds an agent to what SPEC section 6 lets agents do, whatever they send it.
    void theReissueFunctionChecksWhatItIsGiven_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("state");
        QTest::newRow("no such login") << R"("user": 999999)"
                                       << "P0002";
        QTest::newRow("a new PIN sent as itself") << R"("pin_hash": "482913", "verified_by": "DOB + MRN")"
                                                  << "22023";
        QTest::newRow("a new PIN without saying how the caller was verified")
            << R"("pin_hash": "scrypt$ln=15,r=8,p=1$AAAA$BBBB")"
            << "22023";
        QTest::newRow("a message with no Message-ID") << R"("message_id": "")"
                                                      << "22023";
        QTest::newRow("a new PIN without its digits for the birth-date check")
            << R"("pin_hash": "scrypt$ln=15,r=8,p=1$AAAA$BBBB", "verified_by": "DOB + MRN")"
            << "22023";
    }
    void theReissueFunctionChecksWhatItIsGiven() {
        QFETCH(QString, change);
        QFETCH(QString, state);
        Login sam = signInAs(QStringLiteral("sam"));
        auto user = findPortalUser(*sam.db, QStringLiteral("maria.lopez"));
        QVERIFY(user.ok());
        const QString base =
            QStringLiteral(R"({"user": %1, "message_id": "<abcdefgh@example.org>", )"
                           R"("sender": "portal@example.org", "language": "en", "subject": "Hi")")
                .arg(user->id);
        QVERIFY(sam.db->begin().ok());
        const QString sql =
            QStringLiteral("SELECT * FROM public.invitation_reissue('%1, %2}')").arg(base, change);
        QCOMPARE(sqlState(*sam.db, sql), state);
        sam.db->rollback();
    }

    // A deactivated login comes back only through an HIM specialist, with a new PIN.
    void anAgentCantBringBackADeactivatedLogin() {
        addPatient(*m_t, QStringLiteral("700020"), QDate(2016, 4, 2));
        const auto e =
            enrollOk(*m_t, parentForm(QStringLiteral("700020"), QDate(2026, 11, 20),
                                      QStringLiteral("rosa.diaz@example.org"), QStringLiteral("Rosa")));
        QVERIFY(AccountService(*m_t->as(QStringLiteral("specialist")))
                    .deactivate({e.user.username, QStringLiteral("suspected_compromise"),
                                 QStringLiteral("account holder"), QStringLiteral("DOB + MRN"), QString()})
                    .ok());
        Login sam = signInAs(QStringLiteral("sam"));
        QVERIFY(sam.db->begin().ok());
        QCOMPARE(sqlState(*sam.db,
                          QStringLiteral(R"(SELECT * FROM public.invitation_reissue('{"user": %1, )"
                                         R"("message_id": "<abcdefgh@example.org>", "sender": )"
                                         R"("portal@example.org", "language": "en", "subject": "Hi", )"
                                         R"("pin_hash": "scrypt$ln=15,r=8,p=1$AAAA$BBBB", "pin": "4827", )"
                                         R"("verified_by": "DOB + MRN"}'))")
                              .arg(e.user.id)),
                 QStringLiteral("42501"));
        sam.db->rollback();
        QCOMPARE(m_t->count(QStringLiteral("SELECT count(*) FROM portal_users WHERE status = 'deactivated'")),
                 1);
    }

    // Ana (MRN 700050), born 17 September 2014, whose mother's access her 12th birthday ended; Leo
    // (700051), born 19 December 2014, whose father's notice went out 30 days before his. The daily runs
    // happen on those days, as they would, on the daily job's own login.
    void birthdayFamilies() {
        if (m_t->count(QStringLiteral("SELECT count(*) FROM patients WHERE mrn = '700050'")) > 0)
            return;
        const auto daily = [this] {
            Login nightly = signInAs(u"nightly"_s);
            auto ran = DailyJob(*nightly.ctx).run(nullptr);
            QVERIFY2(ran.ok(), qPrintable(ran.ok() ? QString() : ran.error().message));
        };
        m_t->clock.set(la(2026, 9, 16, 10));
        addPatient(*m_t, QStringLiteral("700050"), QDate(2014, 9, 17), QStringLiteral("ana.kid@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("700050"), QDate(2026, 9, 16),
                                  QStringLiteral("ana.mom@example.org"), QStringLiteral("Rosa")));
        m_t->clock.set(la(2026, 9, 17, 2));
        daily();
        m_t->clock.set(la(2026, 11, 10, 10));
        addPatient(*m_t, QStringLiteral("700051"), QDate(2014, 12, 19),
                   QStringLiteral("leo.kid@example.org"));
        enrollOk(*m_t, parentForm(QStringLiteral("700051"), QDate(2026, 11, 10),
                                  QStringLiteral("leo.dad@example.org"), QStringLiteral("Raúl")));
        sendAndReadToken(*m_t, QStringLiteral("leo.dad"));
        m_t->clock.set(la(2026, 11, 19, 2));
        daily();
        m_t->clock.set(la(2026, 11, 24));
    }

    // What an agent's login reads by name, table by table: no birth date, no birthday, no notice's day.
    void anAgentsLoginReadsNoBirthday_data() {
        QTest::addColumn<QString>("view");
        for (const char* view :
             {"patients", "access_grants", "portal_users", "invitations", "outbox", "audit_events"})
            QTest::newRow(view) << QString::fromLatin1(view);
    }
    void anAgentsLoginReadsNoBirthday() {
        QFETCH(QString, view);
        birthdayFamilies();
        const QStringList birthdays{QStringLiteral("2014-09-17"), QStringLiteral("2026-09-17"),
                                    QStringLiteral("2014-12-19"), QStringLiteral("2026-12-19"),
                                    QStringLiteral("2026-11-19")};
        const QString sql =
            QStringLiteral("SELECT coalesce(string_agg(row_to_json(v)::text, E'\\n'), '') FROM %1 v")
                .arg(view);
        // The schema's owner sees them: the rows are there.
        QSqlQuery owner(m_t->db->connection());
        QVERIFY(owner.exec(sql) && owner.next());
        const QString there = view == QLatin1String("patients") ? birthdays.at(0)
                              : view == QLatin1String("outbox") ? birthdays.at(4)
                                                                : birthdays.at(1);
        QVERIFY2(owner.value(0).toString().contains(there), qPrintable(there));
        Login sam = signInAs(QStringLiteral("sam"));
        QSqlQuery q(sam.db->connection());
        QVERIFY2(q.exec(sql) && q.next(), qPrintable(q.lastError().text()));
        const QString text = q.value(0).toString();
        QVERIFY(!text.isEmpty());
        for (const QString& day : birthdays) {
            for (const QString& row : text.split(QLatin1Char('\n')))
                QVERIFY2(!row.contains(day), qPrintable(day + QStringLiteral(" in ") + row));
        }
    }

    // The agent's desk on the central database: the age rules from the server, the page without a birthday.
    void anAgentsLoginGetsTheAgeRulesFromTheServer() {
        birthdayFamilies();
        Login sam = signInAs(QStringLiteral("sam"));
        auto story = PatientService(*sam.ctx).show(QStringLiteral("700050"));
        QVERIFY2(story.ok(), qPrintable(story.ok() ? QString() : story.error().message));
        QVERIFY(!story->patient.birthDate.isValid());
        QCOMPARE(story->bracket, Bracket::Adolescent);
        QCOMPARE(story->age, -1);
        QVERIFY(story->nextTransition && story->nextTransition->age == 18 &&
                !story->nextTransition->date.isValid());
        QCOMPARE(story->grants.size(), 1);
        QVERIFY(!story->grants.first().isOpen());
        QVERIFY(story->grants.first().endedDateHidden);
        for (const AuditEvent& e : story->timeline)
            QVERIFY2(!e.details.contains(QLatin1String("2026-09-17")) &&
                         !e.details.contains(QLatin1String("2014")),
                     qPrintable(e.details));
        auto seen = VisibilityService(*sam.ctx).explain(QStringLiteral("ana.mom@example.org"),
                                                        QStringLiteral("700050"));
        QVERIFY(seen.ok());
        QCOMPARE(seen->explanation.rule, Visibility::Rule::GrantEnded);
        QCOMPARE(seen->explanation.bracket, Bracket::Adolescent);
        // A birthday the nightly run has not reached yet is still the rule, without its day.
        m_t->clock.set(la(2026, 12, 21, 10));
        Login later = signInAs(QStringLiteral("sam"));
        auto pending = VisibilityService(*later.ctx)
                           .explain(QStringLiteral("leo.dad@example.org"), QStringLiteral("700051"));
        m_t->clock.set(la(2026, 11, 24));
        QVERIFY(pending.ok());
        QCOMPARE(pending->explanation.rule, Visibility::Rule::AgeRulePending);
        QVERIFY(!pending->explanation.summary.contains(QLatin1String("2026-12-19")));
        // Transitions ahead are refused to the agent, and the server has no table of them for it.
        QCOMPARE(DailyJob(*sam.ctx).upcoming(30).error().kind, ErrorKind::NotPermitted);
    }

    // Identity verification through the agent's login: the answer, an event, five tries an hour.
    void anAgentsLoginChecksACallersDateOnTheServer() {
        birthdayFamilies();
        Login sam = signInAs(QStringLiteral("sam"));
        const qint64 leo = m_t->count(QStringLiteral("SELECT id FROM patients WHERE mrn = '700051'"));
        const auto check = [&](const QString& date) {
            QSqlQuery q(sam.db->connection());
            // A training database keeps the workstation's clock, which the test pins.
            const bool ok =
                q.exec(QStringLiteral("SELECT identity_check('{\"patient\": %1, \"birth_date\": \"%2\", "
                                      "\"ctx\": {\"now\": \"%3\"}}')")
                           .arg(leo)
                           .arg(date, m_t->clock.nowUtc().toString(Qt::ISODateWithMs))) &&
                q.next();
            return ok ? (q.value(0).toBool() ? QStringLiteral("match") : QStringLiteral("no match"))
                      : q.lastError().nativeErrorCode();
        };
        QCOMPARE(check(QStringLiteral("2014-12-19")), QStringLiteral("match"));
        QCOMPARE(check(QStringLiteral("2014-12-21")), QStringLiteral("no match"));
        QCOMPARE(check(QStringLiteral("20 December")), QStringLiteral("22023"));
        QVERIFY(PatientService(*sam.ctx)
                    .verifyBirthDate(QStringLiteral("700051"), QStringLiteral("2014-12-19"))
                    .value());
        QVERIFY(!PatientService(*sam.ctx)
                     .verifyBirthDate(QStringLiteral("700051"), QStringLiteral("2014-12-02"))
                     .value());
        QCOMPARE(check(QStringLiteral("2014-12-22")), QStringLiteral("no match"));
        QCOMPARE(check(QStringLiteral("2014-12-19")), QStringLiteral("55000"));
        QCOMPARE(PatientService(*sam.ctx)
                     .verifyBirthDate(QStringLiteral("700051"), QStringLiteral("2014-12-19"))
                     .error()
                     .rule,
                 QStringLiteral("identity.throttled"));
        QCOMPARE(m_t->count(
                     QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'identity.checked' AND "
                                    "staff = 'sam' AND patient_id = %1")
                         .arg(leo)),
                 5);
    }

    // An agent's new PIN is checked against the birth date on the server, where the birth date is; the
    // refusal is an event and a try at the birth date, the PIN's digits are nowhere.
    void anAgentsLoginsNewPinIsCheckedByTheServer() {
        birthdayFamilies();
        m_t->clock.set(la(2026, 11, 24, 14)); // a fresh hour for Leo's tries
        Login sam = signInAs(QStringLiteral("sam"));
        const qint64 leo = m_t->count(QStringLiteral("SELECT id FROM patients WHERE mrn = '700051'"));
        const qint64 before = m_t->count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = "
                                                        "'identity.pin_refused' AND patient_id = %1")
                                             .arg(leo));
        const ReissueRequest r{QStringLiteral("leo.dad@example.org"), true, QStringLiteral("DOB + MRN")};
        auto refused = InvitationService(*sam.ctx).reissue(r, QStringLiteral("1219"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().rule, QStringLiteral("pin.birth_date"));
        QCOMPARE(m_t->count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = "
                                           "'identity.pin_refused' AND patient_id = %1 AND staff = 'sam'")
                                .arg(leo)),
                 before + 1);
        QCOMPARE(m_t->count(QStringLiteral("SELECT count(*) FROM audit_events WHERE details LIKE '%1219%'")),
                 0);
        auto reissued = InvitationService(*sam.ctx).reissue(r, QStringLiteral("590271"));
        m_t->clock.set(la(2026, 11, 24));
        QVERIFY2(reissued.ok(), qPrintable(reissued.ok() ? QString() : reissued.error().message));
    }

    // A login closed by its holder's death stays closed on the server too, whatever a login types; one
    // closed after a suspected compromise reopens only by a supervisor, and never by a queued invitation.
    void theServerKeepsClosedLoginsClosed() {
        addPatient(*m_t, QStringLiteral("700060"), QDate(2018, 3, 3));
        const auto died =
            enrollOk(*m_t, parentForm(QStringLiteral("700060"), QDate(2026, 11, 20),
                                      QStringLiteral("gone.parent@example.org"), QStringLiteral("Inés")));
        addPatient(*m_t, QStringLiteral("700061"), QDate(2018, 4, 4));
        const auto stolen =
            enrollOk(*m_t, parentForm(QStringLiteral("700061"), QDate(2026, 11, 20),
                                      QStringLiteral("hacked.parent@example.org"), QStringLiteral("Eva")));
        auto specialistCtx = m_t->as(QStringLiteral("specialist"));
        AccountService specialist(*specialistCtx);
        QVERIFY(
            specialist
                .deactivate({died.user.username, QStringLiteral("deceased"), QStringLiteral("her brother"),
                             QStringLiteral("death certificate"), QString()})
                .ok());
        QVERIFY(specialist
                    .deactivate({stolen.user.username, QStringLiteral("suspected_compromise"),
                                 QStringLiteral("Eva"), QStringLiteral("DOB + MRN"), QString()})
                    .ok());
        const qint64 grant = m_t->count(
            QStringLiteral("SELECT id FROM access_grants WHERE portal_user_id = %1").arg(stolen.user.id));
        const auto reissue = [](qint64 user, const QString& more) {
            return QStringLiteral(
                       R"(SELECT * FROM public.invitation_reissue('{"user": %1, )"
                       R"("message_id": "<abcdefgh@example.org>", "sender": "portal@example.org", )"
                       R"("language": "en", "subject": "Hi", "pin_hash": "scrypt$ln=15,r=8,p=1$AAAA$BBBB", )"
                       R"("pin": "590271", "verified_by": "photo ID"%2}'))")
                .arg(user)
                .arg(more);
        };
        const auto as = [this](const QString& login, const QString& sql) {
            Login l = signInAs(login);
            if (!l.db->begin().ok())
                return QStringLiteral("no transaction");
            const QString state = sqlState(*l.db, sql);
            l.db->rollback();
            return state;
        };
        const QString keep = QStringLiteral(R"(, "keep_grants": [%1])").arg(grant);
        QCOMPARE(as(QStringLiteral("sue"), reissue(died.user.id, QString())), QStringLiteral("55000"));
        QCOMPARE(as(QStringLiteral("pat"), reissue(stolen.user.id, keep)), QStringLiteral("42501"));
        QCOMPARE(as(QStringLiteral("sue"), reissue(stolen.user.id, QString())), QStringLiteral("22023"));
        QCOMPARE(as(QStringLiteral("sue"),
                    reissue(stolen.user.id, QStringLiteral(R"(, "keep_grants": [999999])"))),
                 QStringLiteral("55000"));
        QCOMPARE(as(QStringLiteral("sue"), reissue(stolen.user.id, keep)), QStringLiteral("ok"));
        for (qint64 user : {died.user.id, stolen.user.id})
            QCOMPARE(as(QStringLiteral("pat"),
                        QStringLiteral(R"(SELECT * FROM public.invitation_queue('{"user": %1, )"
                                       R"("pin_hash": "scrypt$ln=15,r=8,p=1$AAAA$BBBB"}'))")
                            .arg(user)),
                     QStringLiteral("55000"));
        const QString reverse =
            QStringLiteral(R"(SELECT public.portal_user_reverse_death('{"user": %1, "note": "she called"}'))")
                .arg(died.user.id);
        QCOMPARE(as(QStringLiteral("pat"), reverse), QStringLiteral("42501"));
        QCOMPARE(as(QStringLiteral("sue"), reverse), QStringLiteral("ok"));
    }

    void anAgentFindsByAddressAndReissuesToTheAddressOnFile() {
        Login l = signInAs(QStringLiteral("sam"));
        auto hits = PatientService(*l.ctx).search(QStringLiteral("maria.lopez@exam"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().email, QStringLiteral("m•••@example.org"));
        auto story = PatientService(*l.ctx).show(QStringLiteral("700001"));
        QVERIFY2(story.ok(), qPrintable(story.ok() ? QString() : story.error().message));
        QVERIFY(!story->timeline.isEmpty());

        auto sent =
            InvitationService(*l.ctx).reissue({QStringLiteral("maria.lopez"), false, QString()}, QString());
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        // The server put the real address back: in the invitation and the envelope; the message is written
        // when it goes, with that address in its To: header.
        Query q(*m_t->db,
                QStringLiteral("SELECT i.email, o.recipient, o.raw FROM invitations i JOIN outbox o ON "
                               "o.invitation_id = i.id WHERE o.id = :id"));
        q.bind(QStringLiteral(":id"), sent->outboxId);
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("maria.lopez@example.org"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("maria.lopez@example.org"));
        QVERIFY(q.value(2).isNull()); // no body, and no link, at rest
        // Desks don't send on the central database; the mail service does.
        Login pat = signInAs(QStringLiteral("pat"));
        Postbox postbox;
        auto refused = MailDispatcher(*pat.ctx).dispatch(postbox);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().rule, QStringLiteral("role.required"));
        Login mia = signInAs(QStringLiteral("mia"));
        auto delivered = MailDispatcher(*mia.ctx).dispatch(postbox);
        QVERIFY2(delivered.ok(), qPrintable(delivered.ok() ? QString() : delivered.error().message));
        QVERIFY(delivered->sent >= 1);
        QVERIFY(postbox.raw.contains("maria.lopez@example.org>"));
        QVERIFY(!postbox.raw.contains("\xe2\x80\xa2"));
        // The server started the window by its own clock and wrote the event in the service's name.
        QCOMPARE(
            m_t->count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'invitation.sent' "
                                      "AND staff = 'mia' AND record_id = '%1'")
                           .arg(sent->invitation.id)),
            1);
        QCOMPARE(
            m_t->count(QStringLiteral("SELECT count(*) FROM invitations WHERE id = %1 AND status = 'sent' "
                                      "AND expires_at > sent_at")
                           .arg(sent->invitation.id)),
            1);
        // The server wrote the events, in the agent's own name.
        QCOMPARE(m_t->count(
                     QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'invitation.reissued' "
                                    "AND staff = 'sam' AND workstation = 'ws' AND record_id = '%1'")
                         .arg(sent->invitation.id)),
                 1);
        QVERIFY(AuditLog(*m_t->db).verify()->intact);
    }

    // A specialist's day on the central database, on their own login: enroll, a new address, a deactivation,
    // and a supervisor's daily run. Each change to an invitation is the server's, in the login's name.
    void aSpecialistsWorkGoesThroughTheServersFunctions() {
        addPatient(*m_t, QStringLiteral("700030"), QDate(2016, 8, 8), QStringLiteral("olga@example.org"));
        Login pat = signInAs(QStringLiteral("pat"));
        auto enrolled = EnrollmentService(*pat.ctx).enroll(
            parentForm(QStringLiteral("700030"), QDate(2026, 11, 20), QStringLiteral("olga.work@example.org"),
                       QStringLiteral("Olga")),
            QStringLiteral("482913"));
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
        QVERIFY(enrolled->invitationId != 0);
        QVERIFY(enrolled->dueAt.isValid());
        const QString login = enrolled->user.username;

        auto moved =
            AccountService(*pat.ctx).update({login, QStringLiteral("olga.home@example.org"), QString(), 0});
        QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
        // A fresh invitation to the new address, with the family's PIN (the server kept it), and the
        // notice to the old one.
        QCOMPARE(
            m_t->count(QStringLiteral("SELECT count(*) FROM invitations i JOIN invitations o ON o.id = "
                                      "i.replaces_id WHERE i.portal_user_id = %1 AND i.status = 'queued' "
                                      "AND i.email = 'olga.home@example.org' AND i.pin_hash = o.pin_hash")
                           .arg(enrolled->user.id)),
            1);
        QCOMPARE(m_t->count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'email_changed' AND "
                                           "recipient = 'olga.work@example.org'")),
                 1);

        auto ended = AccountService(*pat.ctx).deactivate({login, QStringLiteral("family_request"),
                                                          QStringLiteral("mother, by phone"),
                                                          QStringLiteral("DOB + MRN"), QString()});
        QVERIFY2(ended.ok(), qPrintable(ended.ok() ? QString() : ended.error().message));
        QCOMPARE(ended->revokedInvitations.size(), 1);
        for (const char* action : {"invitation.queued", "invitation.revoked"})
            QVERIFY2(m_t->count(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = '%1' AND "
                                               "staff = 'pat' AND portal_user_id = %2")
                                    .arg(QLatin1String(action))
                                    .arg(enrolled->user.id)) >= 1,
                     action);

        Login sue = signInAs(QStringLiteral("sue"));
        auto daily = DailyJob(*sue.ctx).run(nullptr);
        QVERIFY2(daily.ok(), qPrintable(daily.ok() ? QString() : daily.error().message));
        QVERIFY(daily->mailByService);
        QVERIFY(AuditLog(*m_t->db).verify()->intact);
    }

    // The closing functions hold to the rules whoever calls them.
    // The daily job's login may end a grant at a birthday or a consent's end day, terminate a login left
    // with nothing open, revoke that login's invitation and queue the night's notices; for anything else
    // the door is shut before any rule is looked at.
    void theClosingFunctionsHoldToTheRules_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("state");
        QTest::newRow("a child's grant before the 12th birthday")
            << "pat"
            << "grant_end('{\"grant\": %1, \"reason\": \"age_12\"}')"
            << "55000";
        QTest::newRow("a living patient's grant for a death")
            << "pat"
            << "grant_end('{\"grant\": %1, \"reason\": \"deceased\"}')"
            << "55000";
        QTest::newRow("a grant no consent gave, for a revoked consent")
            << "pat"
            << "grant_end('{\"grant\": %1, \"reason\": \"consent_revoked\"}')"
            << "55000";
        QTest::newRow("a grant for no known reason")
            << "pat"
            << "grant_end('{\"grant\": %1, \"reason\": \"because\"}')"
            << "22023";
        QTest::newRow("a login that still opens a record, terminated")
            << "pat"
            << "portal_user_close('{\"user\": %2, \"to\": \"terminated\", \"reason\": \"no_open_grant\"}')"
            << "55000";
        QTest::newRow("a deactivation for no reason SPEC names")
            << "pat"
            << "portal_user_close('{\"user\": %2, \"to\": \"deactivated\", \"reason\": \"because\"}')"
            << "22023";
        QTest::newRow("a deactivation for another reason, without a note")
            << "pat"
            << "portal_user_close('{\"user\": %2, \"to\": \"deactivated\", \"reason\": \"other\"}')"
            << "22023";
        const QString notice =
            u"mail_queue('{\"kind\": \"%1\", \"user\": %2, \"recipient\": "
            "\"maria.lopez@example.org\", \"vars\": {}, \"message_id\": "
            "\"<n1ghtly0@example.org>\", \"sender\": \"portal@example.org\", \"language\": "
            "\"en\", \"subject\": \"Hi\"}')"_s;
        const QList<std::tuple<const char*, QString, const char*>> nightly = {
            {"a child's grant before the 12th birthday",
             u"grant_end('{\"grant\": %1, \"reason\": \"age_12\"}')"_s, "55000"},
            {"a grant whose consent has not ended",
             u"grant_end('{\"grant\": %1, \"reason\": \"consent_expired\"}')"_s, "55000"},
            {"a grant for a death", u"grant_end('{\"grant\": %1, \"reason\": \"deceased\"}')"_s, "42501"},
            {"a grant for a revoked consent",
             u"grant_end('{\"grant\": %1, \"reason\": \"consent_revoked\"}')"_s, "42501"},
            {"a grant for a restriction", u"grant_end('{\"grant\": %1, \"reason\": \"restricted\"}')"_s,
             "42501"},
            {"a login that still opens a record, terminated",
             u"portal_user_close('{\"user\": %2, \"to\": \"terminated\", \"reason\": \"no_open_grant\"}')"_s,
             "55000"},
            {"a login deactivated",
             u"portal_user_close('{\"user\": %2, \"to\": \"deactivated\", \"reason\": \"family_request\"}')"_s,
             "42501"},
            {"a login terminated for a revoked consent",
             u"portal_user_close('{\"user\": %2, \"to\": \"terminated\", \"reason\": \"consent_revoked\"}')"_s,
             "42501"},
            {"the invitation of a login that still opens a record, for its end",
             u"invitation_revoke('{\"user\": %2, \"reason\": \"terminated\"}')"_s, "42501"},
            {"an invitation, by staff's word",
             u"invitation_revoke('{\"user\": %2, \"reason\": \"staff\"}')"_s, "42501"},
            {"a birthday's notice, years before the birthday", notice.arg(u"transition_12"_s, u"%2"_s),
             "42501"},
            {"a consent's reminder, for a patient with none", notice.arg(u"consent_reminder"_s, u"%2"_s),
             "42501"},
            {"a deactivation's notice", notice.arg(u"deactivation"_s, u"%2"_s), "42501"},
            {"an address change's notice", notice.arg(u"email_changed"_s, u"%2"_s), "42501"},
        };
        for (const auto& [what, call, state] : nightly)
            QTest::addRow("daily job: %s", what) << u"nightly"_s << call << QString::fromLatin1(state);
    }
    void theClosingFunctionsHoldToTheRules() {
        QFETCH(QString, login);
        QFETCH(QString, call);
        QFETCH(QString, state);
        const qint64 grant =
            m_t->count(QStringLiteral("SELECT min(id) FROM access_grants WHERE portal_user_id = %1 "
                                      "AND ended_at IS NULL")
                           .arg(mariasLogin()));
        Login pat = signInAs(login);
        QVERIFY(pat.db->begin().ok());
        const QString got =
            sqlState(*pat.db, QStringLiteral("SELECT public.") +
                                  QString(call)
                                      .replace(QStringLiteral("%1"), QString::number(grant))
                                      .replace(QStringLiteral("%2"), QString::number(mariasLogin())));
        pat.db->rollback();
        QCOMPARE(got, state);
    }

    // The portal's own login checks a link and its PIN and opens the login; it reads and changes nothing
    // else of the desk's.
    void thePortalsOwnLoginOpensALoginAndNothingElse() {
        PgCluster& pg = PgCluster::shared();
        const QString name = QStringLiteral("portal-web-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(pg.createRole(name, Password));
        QVERIFY(pg.exec(QStringLiteral("GRANT portaldesk_portal TO ") + PgCluster::quoteIdentifier(name)));
        addPatient(*m_t, QStringLiteral("700040"), QDate(2015, 2, 2));
        enrollOk(*m_t, parentForm(QStringLiteral("700040"), QDate(2026, 11, 20),
                                  QStringLiteral("portal.family@example.org"), QStringLiteral("Pia")));
        const QString token = sendAndReadToken(*m_t, QStringLiteral("portal.family"));
        QVERIFY(!token.isEmpty());

        // A specialist's login can't check the link: it can't see what a link is checked against.
        Login pat = signInAs(QStringLiteral("pat"));
        auto refused = InvitationService(*pat.ctx).activate(token, QStringLiteral("482913"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().rule, QStringLiteral("activation.portal_only"));

        auto db = Database::open(urlFor(name));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        StaffMember portal;
        portal.name = QStringLiteral("portal");
        portal.displayName = portal.name;
        ServiceContext ctx(*db.value(), m_t->clock, portal, QStringLiteral("portal-web"));
        auto opened = InvitationService(ctx).activate(token, QStringLiteral("482913"));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(
            m_t->count(QStringLiteral("SELECT count(*) FROM portal_users WHERE username = 'portal.family' "
                                      "AND status = 'active'")),
            1);
        for (const char* sql :
             {"SELECT * FROM public.audit_events", "SELECT recipient FROM public.outbox",
              "UPDATE public.outbox SET status = 'cancelled'", "SELECT proxy_email FROM public.consents",
              "UPDATE public.patients SET email = 'x'", "SELECT body FROM public.search_index",
              "SELECT staff_login_add('eve', 'him_supervisor', 'aaaaaaaaaaaaaaaa')"})
            QCOMPARE(sqlState(*db.value(), QString::fromLatin1(sql)) + QLatin1Char(' ') + QLatin1String(sql),
                     QStringLiteral("42501 ") + QLatin1String(sql));
        QVERIFY(AuditLog(*m_t->db).verify()->intact);
    }

    // The due times the server stamps follow the desktop's calendar: weekends, federal holidays as
    // observed, the hospital's own closed and open days, HIM hours.
    void theServersCalendarIsTheDesktops_data() {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<int>("days");
        QTest::newRow("Tuesday morning") << la(2026, 11, 24, 9, 0) << 2;
        QTest::newRow("before opening") << la(2026, 11, 24, 5, 30) << 2;
        QTest::newRow("after closing") << la(2026, 11, 24, 18, 0) << 1;
        QTest::newRow("over Thanksgiving") << la(2026, 11, 25, 10, 15) << 2;
        QTest::newRow("Saturday") << la(2026, 11, 28, 12, 0) << 2;
        QTest::newRow("Independence Day observed on Friday") << la(2026, 7, 2, 15, 0) << 1;
        QTest::newRow("New Year's Day observed the Friday before") << la(2027, 12, 30, 11, 0) << 2;
        QTest::newRow("a closed day of the hospital's") << la(2026, 12, 23, 10, 0) << 1;
        QTest::newRow("an open day on a holiday") << la(2026, 12, 31, 10, 0) << 1;
        QTest::newRow("opening bell") << la(2026, 12, 1, 7, 0) << 3;
        QTest::newRow("no days") << la(2026, 12, 5, 10, 0) << 0;
    }
    void theServersCalendarIsTheDesktops() {
        QFETCH(QDateTime, from);
        QFETCH(int, days);
        auto admin = m_t->as(QStringLiteral("supervisor"));
        AdminService settings(*admin);
        QVERIFY(
            settings.setHoliday(QStringLiteral("2026-12-24"), QStringLiteral("Closed for the holidays"), true)
                .ok());
        QVERIFY(
            settings.setHoliday(QStringLiteral("2027-01-01"), QStringLiteral("Open on New Year's Day"), false)
                .ok());
        auto policy = admin->policy();
        QVERIFY(policy.ok());
        auto calendar = admin->calendar(policy.value());
        QVERIFY(calendar.ok());
        Query q(*m_t->db, QStringLiteral("SELECT door_due_at(:f, :d)"));
        q.bind(QStringLiteral(":f"), DbTime::toDb(from)).bind(QStringLiteral(":d"), days);
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(q.value(0).toString(), DbTime::toDb(calendar->dueAt(from, days)).toString());
    }

    void aNoticeGoesOnlyToAnAddressOnFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("expected"); // where it goes, or the refusal's SQLSTATE
        QTest::newRow("a deactivation notice goes to the login's address, whatever is asked")
            << "deactivation"
            << "victim@example.org"
            << "maria.lopez@example.org";
        QTest::newRow("a transition notice too") << "transition_18"
                                                 << "victim@example.org"
                                                 << "maria.lopez@example.org";
        QTest::newRow("an address change's notice needs that change, in the same transaction")
            << "email_changed"
            << "victim@example.org"
            << "22023";
        QTest::newRow("a consent's notice goes to the patient's address only") << "consent_rejected"
                                                                               << "victim@example.org"
                                                                               << "22023";
        QTest::newRow("a notice of no known kind") << "invitation"
                                                   << "maria.lopez@example.org"
                                                   << "22023";
    }
    void aNoticeGoesOnlyToAnAddressOnFile() {
        QFETCH(QString, kind);
        QFETCH(QString, recipient);
        QFETCH(QString, expected);
        Login pat = signInAs(QStringLiteral("pat"));
        const qint64 patient = m_t->count(QStringLiteral("SELECT id FROM patients WHERE mrn = '700001'"));
        const QString call =
            QStringLiteral("SELECT public.mail_queue('{\"kind\": \"%1\", \"user\": %2, \"patient\": %3, "
                           "\"recipient\": \"%4\", \"vars\": {}, \"message_id\": "
                           "\"<n0tice123@example.org>\", \"sender\": \"portal@example.org\", \"language\": "
                           "\"en\", \"subject\": \"Notice\"}')")
                .arg(kind)
                .arg(mariasLogin())
                .arg(patient)
                .arg(recipient);
        QVERIFY(pat.db->begin().ok());
        QSqlQuery q(pat.db->connection());
        const bool ok = q.exec(call) && q.next();
        const QString state = ok ? QString() : q.lastError().nativeErrorCode();
        QString to;
        if (ok) {
            QSqlQuery where(pat.db->connection());
            QVERIFY(where.exec(QStringLiteral("SELECT recipient FROM public.outbox WHERE id = %1")
                                   .arg(q.value(0).toLongLong())) &&
                    where.next());
            to = where.value(0).toString();
        }
        pat.db->rollback();
        QCOMPARE(ok ? to : state, expected);
    }

    void anAgentNamesALoginByTheAddressTheFamilyGives() {
        Login l = signInAs(QStringLiteral("sam"));
        auto user = findPortalUser(*l.db, QStringLiteral("Maria.Lopez@example.org"));
        QVERIFY2(user.ok(), qPrintable(user.ok() ? QString() : user.error().message));
        QCOMPARE(user->username, QStringLiteral("maria.lopez"));
        QCOMPARE(user->email, QStringLiteral("m•••@example.org")); // still masked
    }

    void theServiceAndTheServerBothRefuseAnAgentsEnrollment() {
        Login l = signInAs(QStringLiteral("sam"));
        auto p = PatientService(*l.ctx).add({QStringLiteral("700002"), QStringLiteral("Ana"),
                                             QStringLiteral("Kim"), QStringLiteral("2015-01-01"), QString(),
                                             QString(), QString(), QString()});
        QVERIFY(!p.ok());
        QCOMPARE(p.error().kind, ErrorKind::NotPermitted);
        // A forged context claiming to be a specialist still meets the server's refusal.
        StaffMember forged = l.ctx->staff();
        forged.role = QStringLiteral("him_specialist");
        ServiceContext claim(*l.db, m_t->clock, forged, QStringLiteral("ws"));
        auto q = PatientService(claim).add({QStringLiteral("700002"), QStringLiteral("Ana"),
                                            QStringLiteral("Kim"), QStringLiteral("2015-01-01"), QString(),
                                            QString(), QString(), QString()});
        QVERIFY(!q.ok());
        QVERIFY(q.error().kind != ErrorKind::Validation);
        QCOMPARE(m_t->count(QStringLiteral("SELECT count(*) FROM patients WHERE mrn = '700002'")), 0);
    }

    void aLoginActsOnlyAsItself() {
        auto db = Database::open(urlFor(QStringLiteral("pat")));
        QVERIFY(db.ok());
        auto as = signIn(*db.value(), QStringLiteral("sue"));
        QVERIFY(!as.ok());
        QCOMPARE(as.error().rule, QStringLiteral("staff.other_login"));
    }

    void aWrongPasswordIsRefusedClearly() {
        auto db = Database::open(urlFor(QStringLiteral("pat"), QStringLiteral("not the password")));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::NotPermitted);
        QCOMPARE(db.error().rule, QStringLiteral("db.login_refused"));
        QVERIFY(!db.error().message.contains(QStringLiteral("not the password")));
    }

    void staffAddRefusesWeakPasswordsAndForeignLogins() {
        Login sue = signInAs(QStringLiteral("sue"));
        AdminService admin(*sue.ctx);
        auto weak = admin.addStaff(QStringLiteral("ann"), QString(), QStringLiteral("support_agent"),
                                   QStringLiteral("short"));
        QVERIFY(!weak.ok());
        QCOMPARE(weak.error().rule, QStringLiteral("staff.password"));
        // The cluster's own administrator is not PortalDesk staff and can't be taken over.
        auto foreign = admin.addStaff(PgCluster::shared().adminUser(), QString(),
                                      QStringLiteral("support_agent"), Password);
        QVERIFY(!foreign.ok());
        QCOMPARE(m_t->count(QStringLiteral("SELECT count(*) FROM staff WHERE name = 'ann'")), 0);
    }

    // Statement text reaches the server's log: a new login's password travels only as a SCRAM verifier,
    // made on the workstation the way libpq prepares a password at sign-in (a Spanish one here).
    void aNewLoginsPasswordNeverReachesTheServersLog() {
        PgCluster& pg = PgCluster::shared();
        QVERIFY(pg.exec(QStringLiteral("ALTER DATABASE \"%1\" SET log_statement = 'all'").arg(m_database)));
        const auto quiet = qScopeGuard([&pg, this] {
            pg.exec(QStringLiteral("ALTER DATABASE \"%1\" RESET log_statement").arg(m_database));
        });
        const QString password = QStringLiteral("contraseña de Inés 2026");
        {
            Login sue = signInAs(QStringLiteral("sue")); // a new session, which logs every statement
            auto added = AdminService(*sue.ctx).addStaff(QStringLiteral("ines"), QStringLiteral("Inés Ruiz"),
                                                         QStringLiteral("support_agent"), password);
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        }
        auto ines = Database::open(urlFor(QStringLiteral("ines"), password));
        QVERIFY2(ines.ok(), qPrintable(ines.ok() ? QString() : ines.error().message));
        QFile log(pg.logFile());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY(text.contains(QStringLiteral("staff_login_add"))); // the statement was logged
        QVERIFY(text.contains(QStringLiteral("SCRAM-SHA-256$4096:")));
        QVERIFY(!text.contains(QStringLiteral("contraseña de Inés")));
        QVERIFY(!text.contains(QStringLiteral("Inés 2026")));

        // A password sent as such is refused by the server itself.
        Login sue = signInAs(QStringLiteral("sue"));
        QVERIFY(sue.db->begin().ok());
        QCOMPARE(sqlState(*sue.db, QStringLiteral("SELECT staff_login_add('ann', 'support_agent', "
                                                  "'a plain long password')")),
                 QStringLiteral("22023"));
        sue.db->rollback();
    }

    void aSupervisorAddsAndDisablesALogin() {
        Login sue = signInAs(QStringLiteral("sue"));
        AdminService admin(*sue.ctx);
        auto added = admin.addStaff(QStringLiteral("ray"), QStringLiteral("Ray Cruz"),
                                    QStringLiteral("him_specialist"), Password);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        Login ray = signInAs(QStringLiteral("ray"));
        QCOMPARE(ray.ctx->staff().role, QStringLiteral("him_specialist"));

        QVERIFY(admin.disableStaff(QStringLiteral("ray")).ok());
        // Ray's open session ends, and Ray can't sign in again.
        auto after = PatientService(*ray.ctx).search(QStringLiteral("700001"));
        QVERIFY(!after.ok());
        auto again = Database::open(urlFor(QStringLiteral("ray")));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::NotPermitted);
    }

    // A support agent's login reads a restriction through the agents' view: the banner, with no order
    // and the person's address masked; the table itself and the orders are not theirs to read.
    void anAgentReadsARestrictionButNeverItsOrder() {
        const Restricted& r = restrictedFamily();
        Login sam = signInAs(u"sam"_s);
        QSqlQuery q(sam.db->connection());
        QVERIFY2(q.exec(u"SELECT given_name, family_name, email, reason, document_id, note FROM restrictions "
                        "WHERE id = %1"_s.arg(r.restriction)) &&
                     q.next(),
                 qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toString(), u"Jose"_s);
        QCOMPARE(q.value(1).toString(), u"Hernandez"_s);
        QCOMPARE(q.value(2).toString(), u"j•••@example.org"_s);
        QCOMPARE(q.value(3).toString(), u"custody_order"_s);
        QVERIFY(q.value(4).isNull());
        QCOMPARE(q.value(5).toString(), u"LA Superior Court, case 26FL01234"_s);
        QVERIFY(q.exec(u"SELECT count(*), count(document_id) FROM portaldesk_agent.restrictions"_s) &&
                q.next());
        QVERIFY(q.value(0).toInt() >= 1);
        QCOMPARE(q.value(1).toInt(), 0);
        QVERIFY(q.exec(u"SELECT count(*) FROM restrictions WHERE email LIKE '%jose.h@%'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        for (const QString& sql :
             {u"SELECT * FROM public.restrictions"_s, u"SELECT email FROM public.restrictions"_s,
              u"SELECT content FROM public.documents"_s, u"SELECT name FROM documents"_s,
              u"SELECT public.restriction_add('{\"ctx\": {}, \"patient\": %1, \"given\": "
              "\"Ana\", \"family\": \"Ruiz\", \"reason\": \"court_order\", \"document\": %2}')"_s
                  .arg(r.patient)
                  .arg(r.document)})
            QCOMPARE(sqlState(*sam.db, sql) + u' ' + sql, u"42501 "_s + sql);
        // The service gives the agent the same on the central database.
        auto shown = RestrictionService(*sam.ctx).show(r.restriction);
        QVERIFY2(shown.ok(), qPrintable(shown.ok() ? QString() : shown.error().message));
        QCOMPARE(shown->restriction.documentId, 0);
        QCOMPARE(shown->restriction.email, u"j•••@example.org"_s);
        auto order = RestrictionService(*sam.ctx).document(r.restriction);
        QVERIFY(!order.ok());
        QCOMPARE(order.error().kind, ErrorKind::NotPermitted);
    }

    // Who may record, lift, move or change a restriction, typed as raw SQL on each login. %1 is the
    // restriction, %2 its order's document, %3 the patient, %4 a record no merge made a survivor.
    void whatEachRoleMayDoWithARestriction_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QString>("state");
        const QString add =
            u"SELECT public.restriction_add('{\"ctx\": {}, \"patient\": %3, \"given\": \"Ana\", "
            "\"family\": \"Ruiz\", \"reason\": \"court_order\", \"document\": %2}')"_s;
        const QString lift =
            u"SELECT public.restriction_lift('{\"ctx\": {}, \"restriction\": %1, \"reason\": \"New order\"}')"_s;
        const QString move = u"UPDATE public.restrictions SET patient_id = %4 WHERE id = %1"_s;
        QTest::newRow("agent records a restriction") << u"sam"_s << QStringList{add} << u"42501"_s;
        QTest::newRow("agent lifts one") << u"sam"_s << QStringList{lift} << u"42501"_s;
        QTest::newRow("agent lifts one through the view")
            << u"sam"_s << QStringList{u"UPDATE restrictions SET lifted_at = 'x', lift_reason = 'x'"_s}
            << u"42501"_s;
        QTest::newRow("agent asks whom a restriction bars")
            << u"sam"_s
            << QStringList{u"SELECT public.door_restriction_barring(%3, 'Jose', 'Hernandez', NULL)"_s}
            << u"42501"_s;
        QTest::newRow("specialist records a restriction") << u"pat"_s << QStringList{add} << u"ok"_s;
        QTest::newRow("specialist reads the orders")
            << u"pat"_s << QStringList{u"SELECT content FROM public.documents WHERE id = %2"_s} << u"ok"_s;
        QTest::newRow("specialist lifts one") << u"pat"_s << QStringList{lift} << u"42501"_s;
        QTest::newRow("supervisor lifts one") << u"sue"_s << QStringList{lift} << u"ok"_s;
        QTest::newRow("supervisor lifts one without saying why")
            << u"sue"_s
            << QStringList{u"SELECT public.restriction_lift('{\"ctx\": {}, \"restriction\": %1, \"reason\": \" \"}')"_s}
            << u"22023"_s;
        QTest::newRow("specialist records one by hand")
            << u"pat"_s
            << QStringList{u"INSERT INTO public.restrictions (patient_id, given_name, family_name, reason, "
                           "document_id, created_at, created_by) VALUES (%3, 'Ana', 'Ruiz', 'other', %2, "
                           "'x', "
                           "'pat')"_s}
            << u"42501"_s;
        QTest::newRow("specialist moves one to a record no merge made its survivor")
            << u"pat"_s << QStringList{move} << u"42501"_s;
        QTest::newRow("specialist moves one with the record merged into that one")
            << u"pat"_s << QStringList{u"UPDATE public.patients SET merged_into = %4 WHERE id = %3"_s, move}
            << u"ok"_s;
        QTest::newRow("the feed moves one to a record no merge made its survivor")
            << u"ehr-feed"_s << QStringList{move} << u"42501"_s;
        QTest::newRow("the feed records a restriction") << u"ehr-feed"_s << QStringList{add} << u"42501"_s;
        QTest::newRow("specialist lifts one by hand")
            << u"pat"_s
            << QStringList{u"UPDATE public.restrictions SET lifted_at = 'x', lifted_by = 'pat', lift_reason "
                           u"= "
                           "'x' WHERE id = %1"_s}
            << u"42501"_s;
        QTest::newRow("specialist shortens one")
            << u"pat"_s << QStringList{u"UPDATE public.restrictions SET until_date = '2026-11-25'"_s}
            << u"42501"_s;
        QTest::newRow("specialist renames the barred person")
            << u"pat"_s << QStringList{u"UPDATE public.restrictions SET given_name = 'Juan'"_s} << u"42501"_s;
        QTest::newRow("specialist swaps the order's document")
            << u"pat"_s << QStringList{u"UPDATE public.restrictions SET document_id = document_id"_s}
            << u"42501"_s;
        QTest::newRow("specialist deletes one")
            << u"pat"_s << QStringList{u"DELETE FROM public.restrictions"_s} << u"42501"_s;
        QTest::newRow("supervisor deletes one")
            << u"sue"_s << QStringList{u"DELETE FROM public.restrictions"_s} << u"42501"_s;
        QTest::newRow("supervisor empties the table")
            << u"sue"_s << QStringList{u"TRUNCATE public.restrictions"_s} << u"42501"_s;
        QTest::newRow("specialist deletes the order's scan")
            << u"pat"_s << QStringList{u"DELETE FROM public.documents WHERE id = %2"_s} << u"42501"_s;
        // A grant ends "for a restriction" only when one in force bars its holder.
        QTest::newRow("specialist ends the mother's grant for the father's restriction")
            << u"pat"_s
            << QStringList{u"SELECT public.grant_end('{\"grant\": %5, \"reason\": \"restricted\", "
                           u"\"details\": "
                           "{\"restriction\": %1}}')"_s}
            << u"55000"_s;
        QTest::newRow("supervisor lifts one, then ends a grant for it")
            << u"sue"_s
            << QStringList{lift, u"SELECT public.grant_end('{\"grant\": %5, \"reason\": \"restricted\", "
                                 "\"details\": {\"restriction\": %1}}')"_s}
            << u"55000"_s;
    }
    void whatEachRoleMayDoWithARestriction() {
        QFETCH(QString, login);
        QFETCH(QStringList, sql);
        QFETCH(QString, state);
        const Restricted& r = restrictedFamily();
        for (QString& statement : sql)
            statement = statement.replace(u"%1"_s, QString::number(r.restriction))
                            .replace(u"%2"_s, QString::number(r.document))
                            .replace(u"%3"_s, QString::number(r.patient))
                            .replace(u"%4"_s, QString::number(r.other))
                            .replace(u"%5"_s, QString::number(r.rosasGrant));
        QCOMPARE(statesAs(login, sql), state);
        // Whatever was tried, the restriction stands as recorded.
        QCOMPARE(
            m_t->count(u"SELECT count(*) FROM restrictions WHERE id = %1 AND patient_id = %2 AND lifted_at "
                       "IS NULL AND given_name = 'Jose'"_s.arg(r.restriction)
                           .arg(r.patient)),
            1);
    }

    // With the restriction in force, the server itself refuses a grant that would open Leo's record to
    // José, whoever types it and however his name or address is written: a new grant, or another's
    // handed to a login that is his. Anyone else's is accepted.
    void theServerKeepsTheBarredPersonOut_data() {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("state");
        const QString grant = u"a new grant"_s;
        const QString handover = u"the mother's grant handed over"_s;
        QTest::newRow("his name in capitals, without accents")
            << grant << u"JOSE"_s << u"HERNANDEZ"_s << u"pepe77@example.net"_s << u"55000"_s;
        QTest::newRow("his name with accents the order doesn't have")
            << grant << u"José"_s << u"Hernández"_s << u"pepe77@example.net"_s << u"55000"_s;
        QTest::newRow("his name with other accents, in lower case")
            << grant << u"jösé"_s << u"hërnandèz"_s << u"pepe77@example.net"_s << u"55000"_s;
        QTest::newRow("his address with a +tag, in capitals")
            << grant << u"Pepe"_s << u"Smith"_s << u"JOSE.H+kids@Example.ORG"_s << u"55000"_s;
        QTest::newRow("his address as it is")
            << grant << u"Pepe"_s << u"Smith"_s << u"jose.h@example.org"_s << u"55000"_s;
        QTest::newRow("his brother") << grant << u"Juan"_s << u"Hernández"_s << u"juan.h@example.org"_s
                                     << u"ok"_s;
        QTest::newRow("someone unrelated")
            << grant << u"Pablo"_s << u"Ruiz"_s << u"pablo.ruiz@example.net"_s << u"ok"_s;
        QTest::newRow("the mother's grant to a login with his name")
            << handover << u"Jose"_s << u"Hernández"_s << u"pepe77@example.net"_s << u"55000"_s;
        QTest::newRow("the mother's grant to a login with his address and a +tag")
            << handover << u"Pepe"_s << u"Smith"_s << u"jose.h+new@example.org"_s << u"55000"_s;
        QTest::newRow("the mother's grant to someone unrelated")
            << handover << u"Pablo"_s << u"Ruiz"_s << u"pablo.ruiz@example.net"_s << u"ok"_s;
    }
    void theServerKeepsTheBarredPersonOut() {
        QFETCH(QString, how);
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, email);
        QFETCH(QString, state);
        const Restricted& r = restrictedFamily();
        const QString at = u"2026-11-24T18:00:00.000Z"_s;
        const QString login =
            u"INSERT INTO public.portal_users (username, email, given_name, family_name, language, kind, "
            "status, created_at, created_by, updated_at, updated_by) VALUES ('barred.try', '%1', '%2', '%3', "
            "'es', 'proxy', 'pending', '%4', 'pat', '%4', 'pat')"_s.arg(email, given, family, at);
        const QString change =
            how == QLatin1String("a new grant")
                ? u"INSERT INTO public.access_grants (portal_user_id, patient_id, level, basis, bracket, "
                  "relationship, started_at, updated_at, updated_by) SELECT u.id, %1, 'full', 'enrollment', "
                  "'child', 'parent', '%2', '%2', 'pat' FROM public.portal_users u WHERE u.username = "
                  "'barred.try'"_s.arg(r.patient)
                      .arg(at)
                : u"UPDATE public.access_grants SET portal_user_id = (SELECT u.id FROM public.portal_users u "
                  "WHERE u.username = 'barred.try') WHERE id = %1"_s.arg(r.rosasGrant);
        QCOMPARE(statesAs(u"pat"_s, {login}), u"ok"_s); // the login alone is anyone's to add
        QCOMPARE(statesAs(u"pat"_s, {login, change}), state);
        QCOMPARE(
            m_t->count(u"SELECT count(*) FROM access_grants WHERE patient_id = %1 AND ended_at IS NULL"_s.arg(
                r.patient)),
            1); // Rosa's
    }

    // A login that opens Leo's record can't take José's address or name; one that doesn't open it may.
    void aLoginThatOpensTheRecordCantBecomeTheBarredPerson_data() {
        QTest::addColumn<QString>("whose");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("state");
        QTest::newRow("the mother's login, his address with a +tag")
            << u"Rosa"_s << u"email = 'jose.h+x@example.org'"_s << u"55000"_s;
        QTest::newRow("the mother's login, his address in capitals")
            << u"Rosa"_s << u"email = 'JOSE.H@EXAMPLE.ORG'"_s << u"55000"_s;
        QTest::newRow("the mother's login, his name with accents")
            << u"Rosa"_s << u"given_name = 'José', family_name = 'Hernández'"_s << u"55000"_s;
        QTest::newRow("the mother's login, an address of her own")
            << u"Rosa"_s << u"email = 'rosa.new@example.org'"_s << u"ok"_s;
        QTest::newRow("another family's login, his address with a +tag")
            << u"María"_s << u"email = 'jose.h+x@example.org'"_s << u"ok"_s;
    }
    void aLoginThatOpensTheRecordCantBecomeTheBarredPerson() {
        QFETCH(QString, whose);
        QFETCH(QString, change);
        QFETCH(QString, state);
        const Restricted& r = restrictedFamily();
        const qint64 user = whose == QLatin1String("Rosa") ? r.rosa : mariasLogin();
        QCOMPARE(
            statesAs(u"pat"_s, {u"UPDATE public.portal_users SET %1 WHERE id = %2"_s.arg(change).arg(user)}),
            state);
        QCOMPARE(
            statesAs(u"sue"_s, {u"UPDATE public.portal_users SET %1 WHERE id = %2"_s.arg(change).arg(user)}),
            state);
    }

    // The day an approved consent ends is the server's: a login that may update consents can't move it,
    // clear it, or pick it when approving one by hand; the trigger keeps it, or works it out from
    // consent.expiry_months and the day of the decision. The outcome: the first refusal's SQLSTATE, else
    // the day `read` finds afterwards, in the same transaction.
    void anApprovedConsentsDayCantBeMovedByHand_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QString>("read");
        QTest::addColumn<QString>("outcome");
        const QString approved =
            u"SELECT coalesce(ends_on, 'never') FROM public.consents WHERE id = {consent}"_s;
        const QString waiting =
            u"SELECT coalesce(ends_on, 'never') FROM public.consents WHERE id = {waiting}"_s;
        const QString handMade =
            u"SELECT coalesce(ends_on, 'never') FROM public.consents WHERE proxy_email = "
            "'hand.made@example.org'"_s;
        const QString move = u"UPDATE public.consents SET ends_on = '%1' WHERE id = {consent}"_s;
        QTest::newRow("specialist moves the day later")
            << u"pat"_s << QStringList{move.arg(u"2099-12-31"_s)} << approved << u"2028-05-24"_s;
        QTest::newRow("specialist moves the day earlier")
            << u"pat"_s << QStringList{move.arg(u"2026-12-01"_s)} << approved << u"2028-05-24"_s;
        QTest::newRow("specialist clears the day")
            << u"pat"_s << QStringList{u"UPDATE public.consents SET ends_on = NULL WHERE id = {consent}"_s}
            << approved << u"2028-05-24"_s;
        QTest::newRow("supervisor moves the day later")
            << u"sue"_s << QStringList{move.arg(u"2099-12-31"_s)} << approved << u"2028-05-24"_s;
        QTest::newRow("specialist moves the day with a change of their own")
            << u"pat"_s
            << QStringList{u"UPDATE public.consents SET ends_on = '2099-12-31', reminded_at = NULL, "
                           "updated_by = 'pat', row_version = row_version + 1 WHERE id = {consent}"_s}
            << approved << u"2028-05-24"_s;
        QTest::newRow("specialist approves it again, later, with a day of their own")
            << u"pat"_s
            << QStringList{u"UPDATE public.consents SET status = 'approved', decided_at = "
                           "'2030-01-01T18:00:00.000Z', ends_on = '2099-12-31' WHERE id = {consent}"_s}
            << approved << u"2028-05-24"_s;
        QTest::newRow("specialist sends it back to review and approves it again, later")
            << u"pat"_s
            << QStringList{u"UPDATE public.consents SET status = 'submitted' WHERE id = {consent}"_s,
                           u"UPDATE public.consents SET status = 'approved', decided_at = "
                           "'2030-01-01T18:00:00.000Z' WHERE id = {consent}"_s}
            << approved << u"2028-05-24"_s;
        QTest::newRow("specialist moves the day through the desk's view")
            << u"pat"_s << QStringList{u"UPDATE consents SET ends_on = '2099-12-31' WHERE id = {consent}"_s}
            << approved << u"42501"_s;
        QTest::newRow("agent moves the day through the agents' view")
            << u"sam"_s << QStringList{u"UPDATE consents SET ends_on = '2099-12-31' WHERE id = {consent}"_s}
            << approved << u"42501"_s;
        QTest::newRow("the feed moves the day")
            << u"ehr-feed"_s << QStringList{move.arg(u"2099-12-31"_s)} << approved << u"42501"_s;
        const QString approve =
            u"UPDATE public.consents SET status = 'approved', decided_at = '%1', decided_by = "
            "'pat', portal_user_id = {rosa}, grant_id = {grant}%2 WHERE id = {waiting}"_s;
        QTest::newRow("specialist approves one by hand, with a day of their own")
            << u"pat"_s
            << QStringList{approve.arg(u"2026-11-24T18:00:00.000Z"_s, u", ends_on = '2099-12-31'"_s)}
            << waiting << u"2028-05-24"_s;
        QTest::newRow("specialist approves one by hand, without a day: 18 months later")
            << u"pat"_s << QStringList{approve.arg(u"2026-11-24T18:00:00.000Z"_s, QString())} << waiting
            << u"2028-05-24"_s;
        QTest::newRow("specialist approves one by hand on 31 January: the last of July 18 months later")
            << u"pat"_s << QStringList{approve.arg(u"2027-01-31T18:00:00.000Z"_s, u", ends_on = NULL"_s)}
            << waiting << u"2028-07-31"_s;
        QTest::newRow("specialist files one by hand, already approved, with a day of their own")
            << u"pat"_s
            << QStringList{consentByHand(
                   u"hand.made@example.org"_s, u"approved"_s,
                   u", decided_at, decided_by, portal_user_id, grant_id, ends_on"_s,
                   u", '2026-11-24T18:00:00.000Z', 'pat', {rosa}, {grant}, '2099-12-31'"_s)}
            << handMade << u"2028-05-24"_s;
    }
    void anApprovedConsentsDayCantBeMovedByHand() {
        QFETCH(QString, login);
        QFETCH(QStringList, sql);
        QFETCH(QString, read);
        QFETCH(QString, outcome);
        for (QString& statement : sql)
            statement = withConsented(statement);
        read = withConsented(read);
        Login l = signInAs(login);
        QVERIFY(l.db->begin().ok());
        QString got;
        for (const QString& statement : std::as_const(sql)) {
            const QString state = sqlState(*l.db, statement);
            if (state != QLatin1String("ok")) {
                got = state;
                break;
            }
        }
        if (got.isEmpty()) {
            QSqlQuery q(l.db->connection());
            QVERIFY2(q.exec(read) && q.next(), qPrintable(q.lastError().text()));
            got = q.value(0).toString();
        }
        l.db->rollback();
        QCOMPARE(got, outcome);
        // Whatever was tried, the approved consent ends on its day.
        QCOMPARE(m_t->count(withConsented(u"SELECT count(*) FROM consents WHERE id = {consent} AND ends_on = "
                                          "'2028-05-24' AND status = 'approved'"_s)),
                 1);
    }

    // A grant ends "consent_expired" only from its consent's day on (in the hospital's calendar, by the
    // clock the training database is given), and "consent_renewed" only when a newer adult proxy consent
    // of the same patient names its holder (by the mailbox of the address), waiting or approved.
    void aConsentsGrantEndsOnItsDayOrForANewerConsentOnly_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QString>("state");
        const QString expired = u"SELECT public.grant_end('{\"ctx\": {\"now\": \"%1\"}, \"grant\": %2, "
                                "\"reason\": \"consent_expired\"}')"_s;
        const QString renewed =
            u"SELECT public.grant_end('{\"ctx\": {\"now\": \"2026-12-01T18:00:00.000Z\"}, "
            "\"grant\": %1, \"reason\": \"consent_renewed\"}')"_s;
        const QString grant = u"{grant}"_s;
        // The day starts at 07:00 UTC (midnight in Los Angeles, in May).
        QTest::newRow("expired, a week after the approval")
            << u"pat"_s << QStringList{expired.arg(u"2026-12-01T18:00:00.000Z"_s, grant)} << u"55000"_s;
        QTest::newRow("expired, the evening before its day")
            << u"pat"_s << QStringList{expired.arg(u"2028-05-24T06:59:59.000Z"_s, grant)} << u"55000"_s;
        QTest::newRow("expired, at its day's start")
            << u"pat"_s << QStringList{expired.arg(u"2028-05-24T07:00:00.000Z"_s, grant)} << u"ok"_s;
        QTest::newRow("expired, by a supervisor, days after it")
            << u"sue"_s << QStringList{expired.arg(u"2028-06-02T18:00:00.000Z"_s, grant)} << u"ok"_s;
        QTest::newRow("expired, a grant no consent gave")
            << u"pat"_s << QStringList{expired.arg(u"2028-06-02T18:00:00.000Z"_s, u"{enrolled}"_s)}
            << u"55000"_s;
        QTest::newRow("expired, by an agent")
            << u"sam"_s << QStringList{expired.arg(u"2028-06-02T18:00:00.000Z"_s, grant)} << u"42501"_s;
        QTest::newRow("renewed, with only a newer consent naming someone else")
            << u"pat"_s << QStringList{renewed.arg(grant)} << u"55000"_s;
        QTest::newRow("renewed, by a newer consent naming her")
            << u"pat"_s << QStringList{consentByHand(u"rosa.lopez.m@example.org"_s), renewed.arg(grant)}
            << u"ok"_s;
        QTest::newRow("renewed, by a newer consent naming her address in capitals, with a +tag")
            << u"pat"_s
            << QStringList{consentByHand(u"Rosa.Lopez.M+renewal@EXAMPLE.org"_s), renewed.arg(grant)}
            << u"ok"_s;
        QTest::newRow("renewed, by another patient's consent naming her")
            << u"pat"_s
            << QStringList{consentByHand(u"rosa.lopez.m@example.org"_s, u"submitted"_s, QString(), QString(),
                                         u"{other}"_s),
                           renewed.arg(grant)}
            << u"55000"_s;
        QTest::newRow("renewed, by a newer consent naming her, rejected")
            << u"pat"_s
            << QStringList{consentByHand(u"rosa.lopez.m@example.org"_s, u"rejected"_s, u", reject_reason"_s,
                                         u", 'Signed by the mother'"_s),
                           renewed.arg(grant)}
            << u"55000"_s;
        QTest::newRow("renewed, by a guardian's papers naming her")
            << u"pat"_s
            << QStringList{consentByHand(u"rosa.lopez.m@example.org"_s, u"submitted"_s, QString(), QString(),
                                         u"{patient}"_s, u"guardian"_s),
                           renewed.arg(grant)}
            << u"55000"_s;
        QTest::newRow("renewed, a grant no consent gave")
            << u"pat"_s << QStringList{renewed.arg(u"{enrolled}"_s)} << u"55000"_s;
        QTest::newRow("renewed, by an agent") << u"sam"_s << QStringList{renewed.arg(grant)} << u"42501"_s;
    }
    void aConsentsGrantEndsOnItsDayOrForANewerConsentOnly() {
        QFETCH(QString, login);
        QFETCH(QStringList, sql);
        QFETCH(QString, state);
        for (QString& statement : sql)
            statement = withConsented(statement);
        QCOMPARE(statesAs(login, sql), state);
        QCOMPARE(m_t->count(withConsented(
                     u"SELECT count(*) FROM access_grants WHERE id = {grant} AND ended_at IS NULL"_s)),
                 1);
    }

    // A support agent's login reads when a consent's access ends, through the agents' view: the consent's
    // number, patient, grant, status and day, nothing else; and the explainer tells the agent the same.
    void anAgentReadsWhenAConsentEndsAndNothingElse() {
        const Consented& c = consentedFamily();
        Login sam = signInAs(u"sam"_s);
        QSqlQuery q(sam.db->connection());
        QVERIFY2(q.exec(withConsented(u"SELECT * FROM consents WHERE id = {consent}"_s)) && q.next(),
                 qPrintable(q.lastError().text()));
        QStringList columns;
        for (int i = 0; i < q.record().count(); ++i)
            columns << q.record().fieldName(i);
        QCOMPARE(columns.join(u", "_s), u"id, patient_id, grant_id, status, ends_on"_s);
        QCOMPARE(q.value(u"patient_id"_s).toLongLong(), c.patient);
        QCOMPARE(q.value(u"grant_id"_s).toLongLong(), c.grant);
        QCOMPARE(q.value(u"status"_s).toString(), u"approved"_s);
        QCOMPARE(q.value(u"ends_on"_s).toString(), u"2028-05-24"_s);
        auto answer = VisibilityService(*sam.ctx).explain(c.rosasLogin, u"700080"_s);
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().message));
        QCOMPARE(answer->consentEndsOn, QDate(2028, 5, 24));
    }

    void whatAnAgentMayDoWithAConsent_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("state");
        QTest::newRow("read the day through the agents' view")
            << u"SELECT id, patient_id, grant_id, status, ends_on FROM consents"_s << u"ok"_s;
        QTest::newRow("read the agents' view by its name")
            << u"SELECT ends_on FROM portaldesk_agent.consents"_s << u"ok"_s;
        for (const char* column : {"proxy_email", "proxy_given", "pin_hash", "document_id", "signed_by",
                                   "relationship", "reminded_at", "renews_id", "decided_by"})
            QTest::addRow("read %s through the view", column)
                << u"SELECT %1 FROM consents"_s.arg(QLatin1StringView(column)) << u"42703"_s;
        QTest::newRow("read the table") << u"SELECT * FROM public.consents"_s << u"42501"_s;
        QTest::newRow("read the day from the table")
            << u"SELECT ends_on FROM public.consents"_s << u"42501"_s;
        QTest::newRow("read the desk's view")
            << u"SELECT ends_on FROM portaldesk_desk.consents"_s << u"42501"_s;
        QTest::newRow("move the day through the view")
            << u"UPDATE consents SET ends_on = '2099-12-31'"_s << u"42501"_s;
        QTest::newRow("move the day in the table")
            << u"UPDATE public.consents SET ends_on = '2099-12-31'"_s << u"42501"_s;
    }
    void whatAnAgentMayDoWithAConsent() {
        QFETCH(QString, sql);
        QFETCH(QString, state);
        consentedFamily();
        QCOMPARE(statesAs(u"sam"_s, {sql}), state);
    }

    // The reminder that a proxy consent ends goes to the patient alone: the address on her record, or her
    // own login's, named; never the proxy's, another patient's or one typed in. The outcome: where the
    // queued message goes, or the refusal's SQLSTATE.
    void aConsentsReminderGoesOnlyToThePatientsOwnAddress_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("user");    // the login named: none, {own} or {rosa}
        QTest::addColumn<QString>("patient"); // the patient named
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("outcome");
        const QString ana = u"{patient}"_s;
        const QString home = u"ana.home@example.org"_s;
        const QString own = u"ana.own@example.org"_s;
        const QString rosa = u"rosa.lopez.m@example.org"_s;
        QTest::newRow("the patient's address on file") << u"pat"_s << u"0"_s << ana << home << home;
        QTest::newRow("her own login's address, the login named")
            << u"pat"_s << u"{own}"_s << ana << own << own;
        QTest::newRow("the patient's address, by a supervisor") << u"sue"_s << u"0"_s << ana << home << home;
        QTest::newRow("the proxy's address") << u"pat"_s << u"0"_s << ana << rosa << u"22023"_s;
        QTest::newRow("the proxy's address, the proxy's login named")
            << u"pat"_s << u"{rosa}"_s << ana << rosa << u"22023"_s;
        QTest::newRow("her own login's address, the proxy's login named")
            << u"pat"_s << u"{rosa}"_s << ana << own << u"22023"_s;
        QTest::newRow("another patient's address on file")
            << u"pat"_s << u"0"_s << ana << u"family@example.org"_s << u"22023"_s;
        QTest::newRow("an address typed in")
            << u"pat"_s << u"0"_s << ana << u"victim@example.org"_s << u"22023"_s;
        QTest::newRow("the patient's address, for no patient")
            << u"pat"_s << u"0"_s << u"0"_s << home << u"22023"_s;
        QTest::newRow("the patient's address, for another patient")
            << u"pat"_s << u"0"_s << u"{other}"_s << home << u"22023"_s;
        QTest::newRow("the patient's address, by an agent")
            << u"sam"_s << u"0"_s << ana << home << u"42501"_s;
        QTest::newRow("the patient's address, by the feed")
            << u"ehr-feed"_s << u"0"_s << ana << home << u"42501"_s;
    }
    void aConsentsReminderGoesOnlyToThePatientsOwnAddress() {
        QFETCH(QString, login);
        QFETCH(QString, user);
        QFETCH(QString, patient);
        QFETCH(QString, recipient);
        QFETCH(QString, outcome);
        const QString call = withConsented(
            u"SELECT public.mail_queue('{\"kind\": \"consent_reminder\", \"user\": %1, \"patient\": %2, "
            "\"recipient\": \"%3\", \"vars\": {\"proxy_name\": \"Rosa López\", \"ends_on\": \"24 de mayo de "
            "2028\"}, \"message_id\": \"<r3minder1@example.org>\", \"sender\": \"portal@example.org\", "
            "\"language\": \"es\", \"subject\": \"Recordatorio\"}')"_s.arg(user, patient, recipient));
        Login l = signInAs(login);
        QVERIFY(l.db->begin().ok());
        QSqlQuery q(l.db->connection());
        QString got;
        if (q.exec(call) && q.next()) {
            QSqlQuery where(l.db->connection());
            QVERIFY2(where.exec(u"SELECT kind || ' ' || recipient FROM public.outbox WHERE id = %1"_s.arg(
                         q.value(0).toLongLong())) &&
                         where.next(),
                     qPrintable(where.lastError().text()));
            got = where.value(0).toString();
        } else {
            got = q.lastError().nativeErrorCode();
        }
        l.db->rollback();
        QCOMPARE(got, outcome.contains(u'@') ? u"consent_reminder "_s + outcome : outcome);
    }

    // The nightly run's two consent steps work on the daily job's login and on a supervisor's, through what
    // the server lets each login do: the reminder (queued by the server to the patient's address, the consent
    // marked reminded) and the end on the day. Each runs in a transaction rolled back after.
    void aStaffLoginsNightlyRunRemindsAndEnds_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("step");
        QTest::addColumn<QDateTime>("at");
        for (const QString& login : {u"sue"_s, u"nightly"_s}) {
            QTest::addRow("%s: the reminder, 24 days before the day", qPrintable(login))
                << login << u"remind"_s << la(2028, 4, 30, 2);
            QTest::addRow("%s: the end, the night after the day", qPrintable(login))
                << login << u"end"_s << la(2028, 5, 25, 2);
        }
    }
    void aStaffLoginsNightlyRunRemindsAndEnds() {
        QFETCH(QString, login);
        QFETCH(QString, step);
        QFETCH(QDateTime, at);
        const Consented& c = consentedFamily();
        const QDateTime before = m_t->clock.nowUtc();
        const auto restore = qScopeGuard([&] { m_t->clock.set(before); });
        m_t->clock.set(at);
        Login sue = signInAs(login);
        auto policy = sue.ctx->policy();
        QVERIFY(policy.ok());
        QVERIFY(sue.db->begin().ok());
        auto done = step == u"remind"_s ? remindEndingConsents(*sue.ctx, *policy, 10)
                                        : endExpiredConsents(*sue.ctx, *policy, 10);
        QString outcome = done.ok() ? u"%1 of %2"_s.arg(done->second).arg(done->first) : done.error().message;
        if (done.ok()) {
            // The daily job's login reads no outbox: the consent it marked shows the reminder went.
            QSqlQuery q(sue.db->connection());
            QVERIFY2(
                q.exec(step == u"end"_s
                           ? u"SELECT count(*) FROM public.access_grants WHERE id = %1 AND end_reason = "
                             "'consent_expired' AND ended_at = '2028-05-24T07:00:00.000Z'"_s.arg(c.grant)
                       : login == u"nightly"_s
                           ? u"SELECT count(*) FROM consents WHERE id = %1 AND reminded_at IS NOT NULL"_s.arg(
                                 c.consent)
                           : u"SELECT count(*) FROM public.outbox WHERE kind = 'consent_reminder' AND "
                             "recipient = 'ana.own@example.org'"_s) &&
                    q.next(),
                qPrintable(q.lastError().text()));
            outcome += u", %1 on record"_s.arg(q.value(0).toInt());
        }
        sue.db->rollback();
        QCOMPARE(outcome, u"1 of 1, 1 on record"_s);
    }

    // The server folds a name the way the desk does, so that each refuses the same people.
    void theServersNameFoldIsTheDesks_data() {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::newRow("Spanish accents") << u"José María"_s << u"Hernández Núñez"_s;
        QTest::newRow("Spanish, in capitals") << u"JOSÉ"_s << u"MUÑOZ IBÁÑEZ"_s;
        QTest::newRow("Spanish, decomposed accents") << u"Jose\u0301"_s << u"Hernande\u0301z"_s;
        QTest::newRow("Vietnamese") << u"Thị Ánh"_s << u"Nguyễn"_s;
        QTest::newRow("Vietnamese with đ and horns") << u"Đức Trương"_s << u"Vũ Phạm Ưng"_s;
        QTest::newRow("Polish ł") << u"Łukasz"_s << u"Wałęsa-Żółć"_s;
        QTest::newRow("O'Brien, straight apostrophe") << u"Siobhán"_s << u"O'Brien"_s;
        QTest::newRow("O’Brien, typographic apostrophe") << u"Siobhán"_s << u"O’Brien"_s;
        QTest::newRow("OʼBrien, modifier letter apostrophe") << u"Seán"_s << u"OʼBrien"_s;
        QTest::newRow("hyphens and spaces") << u"Ana-Lucía  María"_s << u"García-Márquez de la Cruz"_s;
        QTest::newRow("Cyrillic") << u"Наталья Йовановна"_s << u"Ёлкина-Иванова"_s;
        QTest::newRow("Chinese") << u"小明"_s << u"王"_s;
        QTest::newRow("Greek, no final sigma") << u"Ελένη"_s << u"Παπαδοπούλου"_s;
        QTest::newRow("Greek in capitals, no final sigma") << u"ΕΛΈΝΗ"_s << u"ΠΑΠΑΔΟΠΟΎΛΟΥ"_s;
        QTest::newRow("Greek with a final sigma, in capitals") << u"Νίκος"_s << u"ΠΑΠΑΔΑΚΗΣ"_s;
        QTest::newRow("Nordic and German letters") << u"Søren Æsa"_s << u"Großmann-Þórsdóttir"_s;
        QTest::newRow("Turkish dotted and dotless i") << u"İlkay Işık"_s << u"Gündoğan"_s;
        QTest::newRow("Korean, recomposed") << u"수진"_s << u"이"_s;
        QTest::newRow("Devanagari vowel signs") << u"प्रिया"_s << u"शर्मा"_s;
        QTest::newRow("Arabic with harakat") << u"مُحَمَّد"_s << u"عَلي"_s;
        QTest::newRow("Hebrew with points") << u"דָּוִד"_s << u"כֹּהֵן"_s;
        QTest::newRow("empty family name") << u"Jose"_s << QString();
    }
    void theServersNameFoldIsTheDesks() {
        QFETCH(QString, given);
        QFETCH(QString, family);
        Query q(*m_t->db, u"SELECT door_person_key(:given, :family)"_s);
        q.bind(u":given"_s, given).bind(u":family"_s, family);
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(q.value(0).toString(), RestrictionRules::personKey(given, family));
    }

    void theServersMailboxIsTheDesks_data() {
        QTest::addColumn<QString>("address");
        QTest::newRow("capitals and a +tag") << u"Jose.H+kids@Example.ORG"_s;
        QTest::newRow("as typed") << u"jose.h@example.org"_s;
        QTest::newRow("two plus signs") << u"jose.h+a+b@example.org"_s;
        QTest::newRow("spaces around") << u"  Jose.H@example.org "_s;
        QTest::newRow("a decomposed accent") << u"JOSE\u0301@example.org"_s;
    }
    void theServersMailboxIsTheDesks() {
        QFETCH(QString, address);
        Query q(*m_t->db, u"SELECT door_mailbox(:address)"_s);
        q.bind(u":address"_s, address);
        QVERIFY(q.exec().ok() && q.next());
        QCOMPARE(q.value(0).toString(), Validation::canonicalMailbox(address));
    }
};

QTEST_GUILESS_MAIN(TestServerRoles)
#include "TestServerRoles.moc"
