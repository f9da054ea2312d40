// What staff wait for: each service operation on a database of enrolled families.
// Usage: bench-operations [--families N]   (default 300)
#include "benchmarks/BenchReport.h"
#include "services/ServiceFixture.h"

#include "core/Secrets.h"
#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/DailyJob.h"

#include <QCoreApplication>

using namespace pd;
using namespace pd::bench;
using namespace pd::test;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    quietDiagnostics();
    int families = 300;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--families")); i > 0 && i + 1 < args.size())
        families = args.at(i + 1).toInt();

    TestDb t;
    auto specialist = t.as(QStringLiteral("specialist"));
    auto portal = t.as(QStringLiteral("portal"));
    Samples add, enroll, send, activate, reissue, show, hash;
    QStringList users;
    for (int k = 0; k < families; ++k) {
        const QString mrn = QString::number(500000 + k);
        const QDate birth = QDate(2010, 1, 1).addDays(k * 7 % 5000);
        add.time([&] {
            (void)PatientService(*specialist)
                .add({mrn,
                      QStringLiteral("Ana"),
                      QStringLiteral("López"),
                      birth.toString(Qt::ISODate),
                      {},
                      QStringLiteral("es"),
                      {},
                      {}});
        });
        const QString email = QStringLiteral("parent%1@example.org").arg(k);
        enroll.time([&] {
            auto out = EnrollmentService(*specialist)
                           .enroll(parentForm(mrn, QDate(2026, 11, 24), email), QStringLiteral("482913"));
            if (out)
                users.append(out->user.username);
        });
    }
    QStringList tokens;
    DemoMailboxes mailboxes;
    for (const QString& u : std::as_const(users))
        send.time([&] {
            auto s = InvitationService(*specialist).sendNow(u);
            if (s)
                tokens.append(mailboxes.deliverAndReadToken(*specialist, s->outboxId));
        });
    for (int k = 0; k < tokens.size() / 2; ++k)
        activate.time(
            [&] { (void)InvitationService(*portal).activate(tokens.at(k), QStringLiteral("482913")); });
    for (int k = int(users.size()) / 2; k < users.size(); ++k)
        reissue.time([&] { (void)InvitationService(*specialist).reissue({users.at(k), false, {}}, {}); });
    for (int k = 0; k < 100 && k < families; ++k)
        show.time([&] { (void)PatientService(*specialist).show(QString::number(500000 + k)); });
    for (int k = 0; k < 10; ++k)
        hash.time([] { (void)Secrets::hashPin(QStringLiteral("482913")); });

    Samples verify, daily;
    verify.time([&] { (void)AuditLog(*t.db).verify(); });
    t.clock.advanceDays(365);
    daily.time([&] { (void)DailyJob(*specialist).run(nullptr); });

    std::printf("%d families\n\n", families);
    header();
    row(QStringLiteral("scrypt PIN hash alone"), hash);
    row(QStringLiteral("patient add"), add);
    row(QStringLiteral("enroll (login, grant, invitation)"), enroll);
    row(QStringLiteral("send now (token, e-mail into outbox)"), send);
    row(QStringLiteral("activate (PIN check)"), activate);
    row(QStringLiteral("reissue (revoke + new invitation)"), reissue);
    row(QStringLiteral("patient show (story + timeline)"), show);
    row(QStringLiteral("audit verify, whole chain"), verify);
    row(QStringLiteral("daily run a year later"), daily);
    return 0;
}
