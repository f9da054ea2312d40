// The HIM desks beyond the worklists, driven through their real widgets: the consent desk (file, review,
// approve, reject).
#include "ui/GuiFixture.h"

#include "core/AgeRules.h"
#include "core/Secrets.h"
#include "ehr/FeedProcessor.h"
#include "models/ConsentModels.h"
#include "models/FeedModels.h"
#include "models/PatientModels.h"
#include "models/RequestModels.h"
#include "models/RestrictionModels.h"
#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/ConsentService.h"
#include "services/DemoData.h"
#include "services/EnrollmentService.h"
#include "services/InvitationService.h"
#include "store/GrantRepository.h"
#include "ui/actions/EditPatientDialog.h"
#include "ui/consents/ConsentsPage.h"
#include "ui/consents/SubmitConsentDialog.h"
#include "ui/feed/FeedPage.h"
#include "ui/feed/ImportDialog.h"
#include "ui/patient/PatientPage.h"
#include "ui/reports/ReportsPage.h"
#include "ui/reports/WeeklyChart.h"
#include "ui/requests/RequestDialogs.h"
#include "ui/requests/RequestsPage.h"
#include "ui/restrictions/RestrictionDialogs.h"
#include "ui/restrictions/RestrictionsPage.h"
#include "ui/visibility/VisibilityDialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>

using namespace pd;
using namespace pd::test;

namespace {

// Lucía Torres, 21, whose consent names her father.
void addAdult(Gui& gui) {
    auto ctx = gui.t.as(QStringLiteral("specialist"));
    auto p = PatientService(*ctx).add({QStringLiteral("9000004"), QStringLiteral("Lucía"),
                                       QStringLiteral("Torres"), QStringLiteral("2005-04-04"),
                                       QStringLiteral("female"), QStringLiteral("es"),
                                       QStringLiteral("lucia.torres@example.org"), QString()});
    if (!p)
        qFatal("%s", qPrintable(p.error().message));
}

// Lucía's consent naming her father, filed and approved elsewhere while consents last 2 months.
qint64 approvedConsent(Gui& gui) {
    if (!AdminService(*gui.t.as(QStringLiteral("supervisor")))
             .setSetting(QStringLiteral("consent.expiry_months"), QStringLiteral("2")))
        qFatal("setting");
    ConsentSubmission s;
    s.mrn = QStringLiteral("9000004");
    s.proxyGiven = QStringLiteral("Jorge");
    s.proxyFamily = QStringLiteral("Torres");
    s.proxyEmail = QStringLiteral("jorge.torres@example.org");
    s.relationship = QStringLiteral("parent");
    s.signedOn = QStringLiteral("2026-11-20");
    s.signedBy = QStringLiteral("Lucía Torres");
    s.documentName = QStringLiteral("consent.pdf");
    s.document = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
    auto specialist = gui.t.as(QStringLiteral("specialist"));
    auto filed = ConsentService(*specialist).submit(s, QStringLiteral("604817"));
    if (!filed)
        qFatal("%s", qPrintable(filed.error().message));
    auto supervisor = gui.t.as(QStringLiteral("supervisor"));
    auto approved = ConsentService(*supervisor).approve(filed->id);
    if (!approved)
        qFatal("%s", qPrintable(approved.error().message));
    return filed->id;
}

// A small PNG "scan" of the form, made for the run.
QString scannedForm(const QTemporaryDir& dir) {
    QImage image(200, 260, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QString path = dir.filePath(QStringLiteral("consent-lucia.png"));
    image.save(path, "PNG");
    return path;
}

// Files Lucía's consent through the dialog; the desk then shows it.
void fileThroughTheDialog(ConsentsPage* desk, const QString& formPath, const QString& signedBy) {
    whenModal<SubmitConsentDialog>([formPath, signedBy](SubmitConsentDialog* d) {
        child<QLineEdit>(d, "consentMrnLineEdit")->setText(QStringLiteral("9000004"));
        child<QLineEdit>(d, "proxyGivenLineEdit")->setText(QStringLiteral("Jorge"));
        child<QLineEdit>(d, "proxyFamilyLineEdit")->setText(QStringLiteral("Torres"));
        child<QLineEdit>(d, "proxyEmailLineEdit")->setText(QStringLiteral("jorge.torres@example.org"));
        child<QLineEdit>(d, "consentSignedLineEdit")->setText(QStringLiteral("2026-11-20"));
        child<QLineEdit>(d, "consentSignedByLineEdit")->setText(signedBy);
        Prompts::setNextSaveFileName(formPath);
        child<QPushButton>(d, "consentFormBrowseButton")->click();
        QTest::keyClicks(child<QLineEdit>(d, "pinLineEdit"), QStringLiteral("604817"));
        QTest::keyClicks(child<QLineEdit>(d, "pinAgainLineEdit"), QStringLiteral("604817"));
        QVERIFY2(d->shownProblem().isEmpty(), qPrintable(d->shownProblem()));
        child<QPushButton>(d, "confirmButton")->click();
    });
    child<QPushButton>(desk, "fileConsentButton")->click();
}

} // namespace

class TestGuiDesks : public QObject {
    Q_OBJECT

private slots:
    // A custody order recorded from the patient's page: the banner heads the page at once, the barred
    // parent's access ends, the desk lists it and opens the order; a supervisor lifts it there, and the
    // access stays ended.
    void aRestrictionIsRecordedOnThePageAndLiftedOnTheDesk() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
        QVERIFY(w);
        PatientPage* page = w->openPatient(QStringLiteral("9000002"));
        QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
        auto* banner = child<QLabel>(page, "restrictionBanner");
        QVERIFY(!banner->isVisible());
        const QByteArray order = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        QString summary;
        whenModal<AddRestrictionDialog>([&](AddRestrictionDialog* d) {
            QCOMPARE(child<QLineEdit>(d, "restrictionMrnsLineEdit")->text(), QStringLiteral("9000002"));
            QTest::keyClicks(child<QLineEdit>(d, "restrictionGivenLineEdit"), QStringLiteral("LINH"));
            QTest::keyClicks(child<QLineEdit>(d, "restrictionFamilyLineEdit"), QStringLiteral("nguyen"));
            QVERIFY(!d->confirmButton()->isEnabled() || !d->shownProblem().isEmpty()); // no order yet
            d->setDocument(QStringLiteral("custody-order.pdf"), order);
            child<QPlainTextEdit>(d, "restrictionNotePlainTextEdit")
                ->setPlainText(QStringLiteral("Case 26FL01234"));
            summary = child<QLabel>(d, "summaryLabel")->text();
            QVERIFY2(d->shownProblem().isEmpty(), qPrintable(d->shownProblem()));
            d->confirmButton()->click();
        });
        child<QPushButton>(page, "restrictButton")->click();
        QVERIFY2(summary.contains(QStringLiteral("LINH nguyen")), qPrintable(summary));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Wait);
        QVERIFY2(banner->text().contains(QStringLiteral("LINH nguyen")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("Case 26FL01234")));
        // Above everything else on the page.
        QVERIFY(banner->geometry().bottom() <= child<QLabel>(page, "patientNameLabel")->geometry().top());
        QTRY_VERIFY_WITH_TIMEOUT(
            page->accessModel()->rowCount() == 1 && !page->accessModel()->row(0).grant.isOpen(), Wait);
        QCOMPARE(page->accessModel()->row(0).grant.endReason, QStringLiteral("restricted"));

        RestrictionsPage* desk = w->restrictions();
        QVERIFY(desk);
        w->pages()->setCurrentWidget(desk);
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
        desk->view()->selectRow(0);
        desk->openOrder();
        QTRY_VERIFY_WITH_TIMEOUT(!desk->lastOrderPath().isEmpty(), Wait);
        QFile opened(desk->lastOrderPath());
        QVERIFY(opened.open(QIODevice::ReadOnly));
        QCOMPARE(opened.readAll(), order);
        desk->choose(1); // ending within 30 days: this one has no end
        QTRY_VERIFY_WITH_TIMEOUT(!desk->model()->isLoading() && desk->model()->rowCount() == 0, Wait);
        desk->choose(0);
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
        desk->view()->selectRow(0);
        whenModal<LiftRestrictionDialog>([&](LiftRestrictionDialog* d) {
            QVERIFY(!d->shownProblem().isEmpty()); // a reason first
            QTest::keyClicks(child<QLineEdit>(d, "liftReasonLineEdit"), QStringLiteral("Order vacated"));
            d->confirmButton()->click();
        });
        child<QPushButton>(desk, "liftRestrictionButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!desk->model()->isLoading() && desk->model()->rowCount() == 0, Wait);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), Wait);
        QVERIFY(!page->accessModel()->row(0).grant.isOpen());
    }

    void anAgentSeesTheBannerButNeitherTheDeskNorTheOrder() {
        Gui gui;
        {
            auto ctx = gui.t.as(QStringLiteral("specialist"));
            RestrictionRequest r;
            r.mrns = {QStringLiteral("9000002")};
            r.givenName = QStringLiteral("Linh");
            r.familyName = QStringLiteral("Nguyen");
            r.email = QStringLiteral("linh.nguyen@example.org");
            r.reason = QStringLiteral("protective_order");
            r.until = QStringLiteral("2027-05-31");
            r.documentName = QStringLiteral("order.pdf");
            r.document = QByteArrayLiteral("%PDF-1.4\n%%EOF\n");
            QVERIFY(RestrictionService(*ctx).add(r));
        }
        MainWindow* w = gui.signIn(QStringLiteral("agent"));
        QVERIFY(w);
        QVERIFY(!w->restrictions());
        PatientPage* page = w->openPatient(QStringLiteral("9000002"));
        QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
        auto* banner = child<QLabel>(page, "restrictionBanner");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("2027-05-31")), qPrintable(banner->text()));
        QVERIFY(!banner->text().contains(QStringLiteral("linh.nguyen@")));
        QVERIFY(!child<QPushButton>(page, "restrictButton")->isVisible());
    }

    // The consent desk lists the consents whose access ends soon, and the explainer says when it ends.
    void theConsentDeskListsAccessEndingSoon() {
        Gui gui;
        addAdult(gui);
        const qint64 id = approvedConsent(gui); // ends 2027-01-24, 61 days after the pinned day
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        ConsentsPage* desk = w->consents();
        w->pages()->setCurrentWidget(desk);
        auto* filter = child<QComboBox>(desk, "consentFilterComboBox");
        filter->setCurrentIndex(filter->findData(QStringLiteral("ending:30")));
        QTRY_VERIFY_WITH_TIMEOUT(!desk->model()->isLoading() && desk->model()->rowCount() == 0, Wait);
        filter->setCurrentIndex(filter->findData(QStringLiteral("ending:90")));
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
        QCOMPARE(desk->model()
                     ->data(desk->model()->index(0, ConsentListModel::EndsColumn), Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("2027-01-24"));
        desk->review(id);
        QTRY_VERIFY_WITH_TIMEOUT(desk->shown().has_value(), Wait);
        QVERIFY(child<QLabel>(desk, "consentTermsLabel")->text().contains(QStringLiteral("2027-01-24")));
        VisibilityDialog explain(w->session(), QStringLiteral("jorge.torres@example.org"),
                                 QStringLiteral("9000004"), w);
        QSignalSpy done(&explain, &VisibilityDialog::explained);
        QVERIFY(done.wait(Wait));
        QVERIFY2(
            child<QLabel>(&explain, "visibilityGrantsLabel")->text().contains(QStringLiteral("2027-01-24")),
            qPrintable(child<QLabel>(&explain, "visibilityGrantsLabel")->text()));
    }

    void aConsentIsFiledReviewedAndApproved() {
        Gui gui;
        addAdult(gui);
        QTemporaryDir dir;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        ConsentsPage* desk = w->consents();
        QVERIFY(desk);
        w->pages()->setCurrentWidget(desk);
        fileThroughTheDialog(desk, scannedForm(dir), QStringLiteral("Lucía Torres"));

        // The review shows the patient, the proxy, the form and every check side by side.
        QTRY_VERIFY_WITH_TIMEOUT(desk->shown().has_value(), Wait);
        QVERIFY(child<QLabel>(desk, "consentPatientLabel")->text().contains(QStringLiteral("Lucía Torres")));
        QVERIFY(child<QLabel>(desk, "consentProxyLabel")
                    ->text()
                    .contains(QStringLiteral("jorge.torres@example.org")));
        QVERIFY(!child<QLabel>(desk, "consentPreviewLabel")->pixmap().isNull()); // the scan is shown
        const QString checks = child<QLabel>(desk, "consentChecksLabel")->text();
        QVERIFY(checks.contains(QStringLiteral("Signed by the patient")));
        QVERIFY(checks.contains(QStringLiteral("on or after the 18th birthday")));
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
        // The form can be opened in the system's viewer, as filed.
        QFile opened(desk->openForm());
        QVERIFY(opened.open(QIODevice::ReadOnly));
        QCOMPARE(Secrets::sha256Hex(opened.readAll()), desk->shown()->document.sha256);

        auto* approve = child<QPushButton>(desk, "approveConsentButton");
        QVERIFY(approve->isEnabled());
        approve->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(desk, "consentMessageLabel")->text().startsWith(QStringLiteral("Approved")), Wait);
        // The grant exists and Jorge's invitation is queued.
        const auto grants =
            gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) -> Result<int> {
                Query q(ctx.db(),
                        QStringLiteral("SELECT count(*) FROM access_grants g JOIN portal_users u ON u.id = "
                                       "g.portal_user_id JOIN invitations i ON i.portal_user_id = u.id WHERE "
                                       "u.email = 'jorge.torres@example.org' AND g.basis = 'consent' AND "
                                       "g.ended_at IS NULL AND i.status = 'queued'"));
                return q.exec().ok() && q.next() ? q.value(0).toInt() : -1;
            });
        QCOMPARE(grants.value(), 1);
        // Decided consents leave the "waiting" list.
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 0, Wait);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(desk, "consentTitleLabel")->text().contains(QStringLiteral("approved")), Wait);
        QVERIFY(child<QPushButton>(desk, "revokeConsentButton")->isEnabled());
    }

    void aConsentSignedBySomeoneElseIsRejectedWithANotice() {
        Gui gui;
        addAdult(gui);
        QTemporaryDir dir;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        ConsentsPage* desk = w->consents();
        w->pages()->setCurrentWidget(desk);
        fileThroughTheDialog(desk, scannedForm(dir), QStringLiteral("Jorge Torres"));
        QTRY_VERIFY_WITH_TIMEOUT(desk->shown().has_value(), Wait);
        QVERIFY(
            child<QLabel>(desk, "consentChecksLabel")->text().contains(QStringLiteral("not by the patient")));
        QVERIFY(!child<QPushButton>(desk, "approveConsentButton")->isEnabled());

        child<QPushButton>(desk, "rejectConsentButton")->click(); // no reason yet
        QVERIFY(child<QLabel>(desk, "consentMessageLabel")->text().contains(QStringLiteral("Say why")));
        child<QLineEdit>(desk, "rejectReasonLineEdit")
            ->setText(QStringLiteral("Signed by the father, not the patient"));
        child<QPushButton>(desk, "rejectConsentButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(desk, "consentMessageLabel")
                                     ->text()
                                     .contains(QStringLiteral("notice to the patient")),
                                 Wait);
        const auto notices =
            gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) -> Result<int> {
                Query q(ctx.db(),
                        QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'consent_rejected' AND "
                                       "recipient = 'lucia.torres@example.org'"));
                return q.exec().ok() && q.next() ? q.value(0).toInt() : -1;
            });
        QCOMPARE(notices.value(), 1);
    }

    void theReportExportsCsvAndPrintsToPdf() {
        Gui gui;
        QTemporaryDir dir;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        ReportsPage* reports = w->reports();
        QVERIFY(reports);
        w->pages()->setCurrentWidget(reports);
        QTRY_VERIFY_WITH_TIMEOUT(reports->dashboard().has_value(), Wait);
        // Linh's invitation was sent this week (the seed): it is counted.
        QCOMPARE(reports->dashboard()->sent, 1);
        QVERIFY(
            child<QLabel>(reports, "reportFiguresLabel")->text().contains(QStringLiteral("Activation rate")));
        QCOMPARE(reports->table()->rowCount(), 12 + 1); // twelve weeks and the total

        // The charts beside the table draw the same dashboard: this week's invitation is a bar, and no
        // request came in.
        auto* invitations = child<WeeklyChartWidget>(reports, "invitationChart");
        auto* requests = child<WeeklyChartWidget>(reports, "requestChart");
        QTRY_VERIFY_WITH_TIMEOUT(invitations->isVisible() && requests->isVisible(), Wait);
        QVERIFY(!invitations->accessibleName().isEmpty() && !requests->accessibleName().isEmpty());
        QCOMPARE(invitations->chart().weeks.size(), 12);
        QCOMPARE(invitations->chart().series.first().values.last(), 1);
        QVERIFY(!invitations->chart().isEmpty());
        QVERIFY(requests->chart().isEmpty());
        {
            const QImage shown = invitations->grab().toImage().convertToFormat(QImage::Format_RGB32);
            const ChartGeometry g = WeeklyChart::geometry(invitations->chart(), QRectF(invitations->rect()),
                                                          invitations->font(), invitations);
            const QRect thisWeek = g.columns.last().toAlignedRect().intersected(shown.rect());
            int sent = 0;
            for (int y = thisWeek.top(); y <= thisWeek.bottom(); ++y)
                for (int x = thisWeek.left(); x <= thisWeek.right(); ++x)
                    sent += shown.pixel(x, y) == invitations->chart().series.first().color.rgb() ? 1 : 0;
            QVERIFY(sent > 0);
        }

        const QString csv = dir.filePath(QStringLiteral("report.csv"));
        Prompts::setNextSaveFileName(csv);
        child<QPushButton>(reports, "reportCsvButton")->click();
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csvFile.readAll());
        QVERIFY(text.contains(QStringLiteral("Week of,Sent,Activated,Expired,Requests,Met on time,Late")));
        QVERIFY(text.contains(QStringLiteral("Total,1,0,0,0,0,0")));

        // The printed report carries the two charts as images, on Letter (the button) and on A4.
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        Prompts::setNextSaveFileName(pdf);
        child<QPushButton>(reports, "reportPdfButton")->click();
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray letter = pdfFile.readAll();
        QVERIFY(letter.startsWith("%PDF-"));
        QCOMPARE(letter.count("/Subtype /Image"), 2);
        QVERIFY(child<QLabel>(reports, "reportStatusLabel")->text().contains(pdf));
        const QString a4 = dir.filePath(QStringLiteral("report-a4.pdf"));
        QVERIFY(reports->writePdf(a4, QPageSize(QPageSize::A4)).ok());
        QFile a4File(a4);
        QVERIFY(a4File.open(QIODevice::ReadOnly));
        QCOMPARE(a4File.readAll().count("/Subtype /Image"), 2);

        // A shorter period reloads at once.
        auto* weeks = child<QSpinBox>(reports, "reportWeeksSpinBox");
        weeks->setValue(4);
        QTRY_COMPARE_WITH_TIMEOUT(reports->table()->rowCount(), 4 + 1, Wait);
        // In English as the desk runs it (its catalogue holds the plural forms).
        AppController::installTranslation(QStringLiteral("en"));
        weeks->setValue(5);
        QCOMPARE(weeks->text(), QStringLiteral("5 weeks"));
        weeks->setValue(1);
        QCOMPARE(weeks->text(), QStringLiteral("1 week"));
    }

    void aRequestIsLoggedGoesLateAndIsResolvedWithItsAction() {
        Gui gui;
        // An agent takes the call: Linh never got her invitation.
        MainWindow* w = gui.signIn(QStringLiteral("agent"));
        QVERIFY(w);
        RequestsPage* desk = w->requests();
        w->pages()->setCurrentWidget(desk);
        whenModal<LogRequestDialog>([](LogRequestDialog* d) {
            auto* kind = child<QComboBox>(d, "requestKindComboBox");
            kind->setCurrentIndex(kind->findData(QStringLiteral("never_received")));
            child<QLineEdit>(d, "requestMrnLineEdit")->setText(QStringLiteral("9000002"));
            child<QLineEdit>(d, "requestUserLineEdit")->setText(QStringLiteral("linh.nguyen"));
            QVERIFY2(d->shownProblem().isEmpty(), qPrintable(d->shownProblem()));
            child<QPushButton>(d, "confirmButton")->click();
        });
        child<QPushButton>(desk, "logRequestButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
        // Tuesday 10:00 + 2 business days = Thursday 10:00, but Thursday is Thanksgiving: Friday 10:00.
        const RequestRow row = desk->model()->row(0);
        QCOMPARE(AgeRules::localDate(row.request.dueAt, losAngeles()), QDate(2026, 11, 27));
        QVERIFY(!row.late);
        QVERIFY(!child<QPushButton>(desk, "resolveRequestButton")->isVisible()); // agents log, HIM resolves

        // A specialist, the next Monday: the request is late, and Linh gets a new invitation.
        gui.clock->set(la(2026, 11, 30, 9, 0));
        QVERIFY(gui.elsewhere(QStringLiteral("specialist"),
                              [](const ServiceContext& ctx) -> Result<bool> {
                                  auto r = InvitationService(ctx).reissue(
                                      {QStringLiteral("linh.nguyen"), false, QString()}, QString());
                                  return r ? Result<bool>(true) : Result<bool>(r.error());
                              })
                    .ok());
        w->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(gui.app->signInDialog() && gui.app->signInDialog()->isVisible(), Wait);
        Gui::typeSignIn(gui.app->signInDialog(), QStringLiteral("specialist"));
        child<QPushButton>(gui.app->signInDialog(), "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() != nullptr, Wait);
        w = gui.app->mainWindow();
        desk = w->requests();
        w->pages()->setCurrentWidget(desk);
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);
        QVERIFY(desk->model()->row(0).late);
        QVERIFY(desk->model()
                    ->index(0, RequestListModel::DueColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("late")));
        desk->choose(1);
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 1, Wait);

        desk->view()->setCurrentIndex(desk->model()->index(0, 0));
        whenModal<ResolveRequestDialog>([](ResolveRequestDialog* d) {
            auto* action = child<QComboBox>(d, "resolveActionComboBox");
            QTRY_VERIFY_WITH_TIMEOUT(action->count() > 1, Wait);   // the reissue is offered…
            QCOMPARE(action->currentData().toString(), QString()); // …but nothing is linked unless chosen
            for (int i = 0; i < action->count(); ++i) {
                if (action->itemText(i).contains(QStringLiteral("reissued"), Qt::CaseInsensitive))
                    action->setCurrentIndex(i);
            }
            QVERIFY(action->currentText().contains(QStringLiteral("reissued"), Qt::CaseInsensitive));
            child<QPlainTextEdit>(d, "resolveNoteEdit")
                ->setPlainText(QStringLiteral("Reissued; the family confirmed the address"));
            child<QPushButton>(d, "confirmButton")->click();
        });
        child<QPushButton>(desk, "resolveRequestButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(desk->model()->rowCount(), 0, Wait); // gone from the late list
        const auto linked =
            gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) -> Result<QString> {
                Query q(ctx.db(), QStringLiteral("SELECT resolved_action FROM requests"));
                if (!q.exec().ok() || !q.next())
                    return QString();
                return q.value(0).toString();
            });
        QVERIFY2(linked.value().startsWith(QStringLiteral("invitation:")), qPrintable(linked.value()));
    }

    void theExplainerShowsATeensParentTheLimitedSetWithReasons() {
        Gui gui;
        QVERIFY(activateLinh(gui.t)); // her login is in use
        MainWindow* w = gui.signIn(QStringLiteral("agent"));
        QVERIFY(w);
        PatientPage* page = w->openPatient(QStringLiteral("9000002")); // Mateo, 14; Linh is his parent
        QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
        page->selectLogin(QStringLiteral("linh.nguyen"));
        auto* explain = child<QPushButton>(page, "explainVisibilityButton");
        QVERIFY(explain->isEnabled());
        VisibilityDialog* dialog = nullptr;
        explain->click();
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<VisibilityDialog*>()) != nullptr, Wait);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->answer().has_value(), Wait);
        QHash<QString, QPair<QString, QString>> rows; // information → (visible, why)
        for (int r = 0; r < dialog->table()->rowCount(); ++r)
            rows.insert(dialog->table()->item(r, 0)->text(),
                        {dialog->table()->item(r, 1)->text(), dialog->table()->item(r, 2)->text()});
        QVERIFY2(rows.value(QStringLiteral("Lab results")).first.contains(QStringLiteral("no")),
                 qPrintable(rows.keys().join(QLatin1Char(','))));
        QVERIFY2(rows.value(QStringLiteral("Lab results")).second.contains(QStringLiteral("limited set")),
                 qPrintable(rows.value(QStringLiteral("Lab results")).second));
        QVERIFY(
            rows.value(QStringLiteral("Appointments and scheduling")).first.contains(QStringLiteral("yes")));
        QVERIFY(rows.value(QStringLiteral("Immunizations")).first.contains(QStringLiteral("yes")));
        // The sensitive categories are never on the portal, whoever asks.
        int withheld = 0;
        for (const auto& row : std::as_const(rows))
            withheld += row.second.contains(QStringLiteral("never shows"), Qt::CaseInsensitive) ? 1 : 0;
        QVERIFY(withheld >= 7);
        QVERIFY(child<QLabel>(dialog, "visibilitySummaryLabel")->text().contains(QStringLiteral("Linh")));

        // Asked for someone unrelated, it says so instead of a table of "no".
        child<QLineEdit>(dialog, "visibilityUserLineEdit")->setText(QStringLiteral("grace.kim"));
        child<QPushButton>(dialog, "explainButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->answer().has_value(), Wait);
        QVERIFY(!child<QLabel>(dialog, "visibilitySummaryLabel")->text().isEmpty());
        QCOMPARE(dialog->table()->rowCount(), 0);
    }

    void theConsentDeskListsTeensMissingTheirOwnForm() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        ConsentsPage* desk = w->consents();
        w->pages()->setCurrentWidget(desk);
        auto* filter = child<QComboBox>(desk, "consentFilterComboBox");
        filter->setCurrentIndex(filter->findData(QStringLiteral("enrollments")));
        QTableWidget* table = desk->enrollmentTable();
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && table->rowCount() > 0, Wait);
        // Mateo (14) and Ava (11 → not yet) : Mateo's parent form waits for his own.
        QStringList patients;
        for (int r = 0; r < table->rowCount(); ++r)
            patients << table->item(r, 1)->text();
        QVERIFY2(patients.join(QLatin1Char(',')).contains(QStringLiteral("Mateo Nguyen (9000002)")),
                 qPrintable(patients.join(QLatin1Char(','))));
        QVERIFY(!patients.join(QLatin1Char(',')).contains(QStringLiteral("Ava")));
        QSignalSpy opened(desk, &ConsentsPage::patientRequested);
        emit table->cellDoubleClicked(0, 0);
        QCOMPARE(opened.count(), 1);
    }

    void supportAgentsHaveNoConsentDesk() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("agent"));
        QVERIFY(w);
        QVERIFY(!w->consents());
        QVERIFY(!w->reports());
        QVERIFY(!w->feed());
        QVERIFY(!w->findChild<QAction*>(QStringLiteral("importAction")));
    }

    // File ▸ Import…: a file of the EHR's messages goes in while the window stays live; the one refused
    // waits on the Feed desk, where it is retried and then dismissed.
    void aFileIsImportedAndTheFeedDeskKeepsWhatWasRefused() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("adt.hl7"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 300; ++i) {
                const QByteArray birth = i == 150 ? "20301312" : "20150312";
                f.write("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124080000||ADT^A04|G" + QByteArray::number(i) +
                        "|P|2.5.1\rPID|1||" + QByteArray::number(8100000 + i) + "^^^CHLA^MR||Paciente" +
                        QByteArray::number(i) + "^Rosa||" + birth + "|F\r");
            }
        }
        Prompts::setNextSaveFileName(path);
        w->findChild<QAction*>(QStringLiteral("importAction"))->trigger();
        auto* dialog = w->findChild<ImportDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), Wait);
        const QString status = child<QLabel>(dialog, "importStatusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("299 applied")) &&
                     status.contains(QStringLiteral("1 refused")),
                 qPrintable(status));
        QVERIFY(child<QPlainTextEdit>(dialog, "importRefusalsText")
                    ->toPlainText()
                    .contains(QStringLiteral("adt.hl7:301")));
        QCOMPARE(child<QProgressBar>(dialog, "importProgressBar")->value(), 100);
        child<QPushButton>(dialog, "importCancelButton")->click();

        FeedPage* desk = w->feed();
        w->pages()->setCurrentWidget(desk);
        QTRY_COMPARE_WITH_TIMEOUT(desk->refused()->rowCount(), 1, Wait);
        QCOMPARE(desk->refused()->row(0).controlId, QStringLiteral("G150"));
        auto* view = child<QTableView>(desk, "refusedMessagesView");
        // The desk reloads after each change: select the row once it is back.
        QTRY_VERIFY_WITH_TIMEOUT(!desk->refused()->isLoading() && desk->refused()->rowCount() == 1, Wait);
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(desk, "retryMessageButton")->isEnabled(), Wait);
        (void)Prompts::takeShown();
        child<QPushButton>(desk, "retryMessageButton")->click();
        QString said;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (said += Prompts::takeShown().join(QLatin1Char(' '))).contains(QStringLiteral("Refused again")),
            qPrintable(said), Wait);
        // The desk reloads after each change: select the row once it is back.
        QTRY_VERIFY_WITH_TIMEOUT(!desk->refused()->isLoading() && desk->refused()->rowCount() == 1, Wait);
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(desk, "dismissMessageButton")->isEnabled(), Wait);
        Prompts::setNextConfirm(true);
        child<QPushButton>(desk, "dismissMessageButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(desk->refused()->rowCount(), 0, Wait);
        // The imported patients are found as staff type them.
        const auto found = gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) {
            return PatientService(ctx).search(QStringLiteral("paciente299 rosa"));
        });
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
    }

    // A death the EHR takes back lists the patient for review on the Feed desk, until a specialist has
    // looked and marks it reviewed with a note; nothing reopens by itself.
    void aPatientListedForReviewIsMarkedReviewedOnTheFeedDesk() {
        Gui gui;
        const auto send = [&gui](const QByteArray& id, const QByteArray& at, const QByteArray& death,
                                 const QByteArray& died) {
            QList<QByteArray> pid(31);
            pid[0] = "PID";
            pid[1] = "1";
            pid[3] = "8200001^^^CHLA^MR";
            pid[5] = "Vega^Inés";
            pid[7] = "20150312";
            pid[8] = "F";
            pid[29] = died;
            pid[30] = death;
            const QByteArray message = "MSH|^~\\&|EPIC|CHLA|PD|CHLA|" + at + "||ADT^A08|" + id +
                                       "|P|2.5.1\rEVN|A08|" + at + "\r" + pid.join('|') + "\r";
            return gui.elsewhere(
                QStringLiteral("specialist"), [message](const ServiceContext& ctx) -> Result<bool> {
                    return hl7::FeedProcessor(ctx).process(message).code == hl7::AckCode::Accept;
                });
        };
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        QVERIFY(send("R1", "20261124080000", "", "").value());
        QVERIFY(send("R2", "20261124090000", "Y", "202611240815").value());
        QVERIFY(send("R3", "20261124100000", "N", "\"\"").value());
        FeedPage* desk = w->feed();
        w->pages()->setCurrentWidget(desk);
        desk->reload();
        QTRY_COMPARE_WITH_TIMEOUT(desk->reviews()->rowCount(), 1, Wait);
        QCOMPARE(desk->reviews()->row(0).mrn, QStringLiteral("8200001"));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(desk, "reviewCountLabel")->text().contains(QStringLiteral("1 patient")), Wait);
        auto* view = child<QTableView>(desk, "reviewPatientsView");
        QTRY_VERIFY_WITH_TIMEOUT(!desk->reviews()->isLoading(), Wait);
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(desk, "markReviewedButton")->isEnabled(), Wait);
        Prompts::setNextText(QStringLiteral("The EHR corrected a wrong death; the family re-enrolls."));
        child<QPushButton>(desk, "markReviewedButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(desk->reviews()->rowCount(), 0, Wait);
        const auto left = gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) {
            return PatientService(ctx).toReviewCount();
        });
        QVERIFY(left.ok());
        QCOMPARE(left.value(), 0);
    }

    void aRecordFromTheEhrIsShownNotEditedInCorrectRecord() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        const QByteArray adt = "MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124080000||ADT^A04|E1|P|2.5.1\r"
                               "PID|1||8200001^^^CHLA^MR||Torres^Lucía||20110305|F\r";
        auto story = gui.elsewhere(QStringLiteral("specialist"), [adt](const ServiceContext& ctx) {
            (void)hl7::FeedProcessor(ctx).process(adt);
            return PatientService(ctx).show(QStringLiteral("8200001"));
        });
        QVERIFY(story.ok());
        EditPatientDialog d(w->session(), story.value(), w);
        d.show();
        QVERIFY(child<QLabel>(&d, "fromEhrLabel")->isVisible());
        QVERIFY(!child<QLineEdit>(&d, "givenLineEdit")->isEnabled());
        QVERIFY(!child<QLineEdit>(&d, "birthDateLineEdit")->isEnabled());
        QVERIFY(!child<QPushButton>(&d, "confirmButton")->isEnabled());
        // A record typed in here is corrected here.
        auto typed = gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) {
            return PatientService(ctx).show(QStringLiteral("9000001"));
        });
        QVERIFY(typed.ok());
        EditPatientDialog mine(w->session(), typed.value(), w);
        QVERIFY(!mine.findChild<QLabel*>(QStringLiteral("fromEhrLabel")));
        QVERIFY(child<QLineEdit>(&mine, "givenLineEdit")->isEnabled());
    }

    // Two adults' records of one person, each with the patient's own login: the EHR's merge waits on the
    // Feed desk until the duplicate login is closed; the prior MRN then opens the survivor. A death the EHR
    // reports shows on the patient's page.
    void aHeldMergeIsCarriedOutFromTheFeedDesk() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        const auto adt = [](const char* trigger, const char* id, const QByteArray& rest) -> QByteArray {
            return QByteArray("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124080000||ADT^") + trigger + "|" + id +
                   "|P|2.5.1\r" + rest;
        };
        auto duplicate =
            gui.elsewhere(QStringLiteral("specialist"), [adt](const ServiceContext& ctx) -> Result<QString> {
                hl7::FeedProcessor feed(ctx);
                (void)feed.process(adt("A04", "C1", "PID|1||8300000^^^CHLA^MR||Chen^Wei||20000115|M\r"));
                (void)feed.process(adt("A04", "C2", "PID|1||8300001^^^CHLA^MR||Chen^Wei||20000115|M\r"));
                auto a =
                    EnrollmentService(ctx).enroll(patientForm(QStringLiteral("8300000"), QDate(2026, 11, 20),
                                                              QStringLiteral("wei@example.org")),
                                                  QStringLiteral("482913"));
                auto b =
                    EnrollmentService(ctx).enroll(patientForm(QStringLiteral("8300001"), QDate(2026, 11, 20),
                                                              QStringLiteral("wchen@example.org")),
                                                  QStringLiteral("482913"));
                if (!a || !b)
                    return Error::internal(QStringLiteral("test"), QStringLiteral("enrollment failed"));
                (void)feed.process(adt("A40", "C3", "PID|1||8300000^^^CHLA^MR\rMRG|8300001^^^CHLA^MR\r"));
                return b->user.username;
            });
        QVERIFY(duplicate.ok());
        w->session().runner->notifyChanged();
        FeedPage* desk = w->feed();
        w->pages()->setCurrentWidget(desk);
        QTRY_COMPARE_WITH_TIMEOUT(desk->merges()->rowCount(), 1, Wait);
        auto* view = child<QTableView>(desk, "heldMergesView");
        // The desk reloads after each change: select the row once it is back.
        QTRY_VERIFY_WITH_TIMEOUT(!desk->merges()->isLoading() && desk->merges()->rowCount() == 1, Wait);
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(desk, "resolveMergeButton")->isEnabled(), Wait);
        (void)Prompts::takeShown();
        child<QPushButton>(desk, "resolveMergeButton")->click();
        QString said;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (said += Prompts::takeShown().join(QLatin1Char(' '))).contains(QStringLiteral("still conflicts")),
            qPrintable(said), Wait);
        QVERIFY(
            gui.elsewhere(
                   QStringLiteral("specialist"),
                   [user = duplicate.value()](const ServiceContext& ctx) {
                       return AccountService(ctx).deactivate({user, QStringLiteral("duplicate"), {}, {}, {}});
                   })
                .ok());
        // The desk reloads after each change: select the row once it is back.
        QTRY_VERIFY_WITH_TIMEOUT(!desk->merges()->isLoading() && desk->merges()->rowCount() == 1, Wait);
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(desk, "resolveMergeButton")->isEnabled(), Wait);
        child<QPushButton>(desk, "resolveMergeButton")->click();
        said.clear();
        QTRY_VERIFY2_WITH_TIMEOUT(
            (said += Prompts::takeShown().join(QLatin1Char(' '))).contains(QStringLiteral("was merged into")),
            qPrintable(said), Wait);
        QTRY_COMPARE_WITH_TIMEOUT(desk->merges()->rowCount(), 0, Wait);
        PatientPage* page = w->openPatient(QStringLiteral("8300001"));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
        QCOMPARE(page->story()->patient.mrn, QStringLiteral("8300000"));
        QVERIFY(child<QLabel>(page, "patientNameLabel")->text().contains(QStringLiteral("8300001")));

        (void)gui.elsewhere(
            QStringLiteral("specialist"), [adt](const ServiceContext& ctx) -> Result<QString> {
                return hl7::FeedProcessor(ctx)
                    .process(adt("A08", "C4", "PID|1||8300000^^^CHLA^MR|||||||||||||||||||||||||||Y\r"))
                    .text;
            });
        w->session().runner->notifyChanged();
        PatientPage* after = w->openPatient(QStringLiteral("8300000"));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(after, "transitionLabel")->text().contains(QStringLiteral("Deceased")), Wait);
        QTRY_VERIFY_WITH_TIMEOUT(after->story() && after->story()->grants.size() > 0 &&
                                     std::none_of(after->story()->grants.cbegin(),
                                                  after->story()->grants.cend(),
                                                  [](const Grant& g) { return g.isOpen(); }),
                                 Wait);
    }

    void aStopAsksTheImportToEndAfterTheRecordInHand() {
        Gui gui;
        MainWindow* w = gui.signIn(QStringLiteral("specialist"));
        QVERIFY(w);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("many.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("mrn,given_name,family_name,birth_date\n");
            for (int i = 0; i < 20000; ++i)
                f.write(QByteArray::number(7000000 + i) + ",Ana,López,2015-03-12\n");
        }
        ImportDialog dialog(w->session(), hl7::ImportKind::Csv, path, w);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(&dialog, "importStatusLabel")->text().contains(QStringLiteral("read so far")),
            Wait);
        child<QPushButton>(&dialog, "importCancelButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), Wait * 3);
        const QString status = child<QLabel>(&dialog, "importStatusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("Stopped as asked")), qPrintable(status));
        const auto found = gui.elsewhere(QStringLiteral("specialist"), [](const ServiceContext& ctx) {
            return PatientService(ctx).search(QStringLiteral("7000000"), 1);
        });
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1); // the first records went in before the stop
    }
};

QTEST_MAIN(TestGuiDesks)
#include "TestGuiDesks.moc"
