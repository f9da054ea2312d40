// The desktop driven as staff use it: real widgets on the offscreen platform, a real database behind
// the worker thread, and the UI thread forbidden from running SQL.
#include "mail/SmtpFixture.h"
#include "ui/GuiFixture.h"

#include "models/CsvExport.h"
#include "models/MailPump.h"
#include "models/PatientModels.h"
#include "models/SearchModel.h"
#include "models/WorklistModels.h"
#include "services/AccountService.h"
#include "services/StaffPasswords.h"
#include "ui/actions/ActionDialog.h"
#include "ui/actions/DeactivateDialog.h"
#include "ui/actions/EditLoginDialog.h"
#include "ui/actions/EditPatientDialog.h"
#include "ui/actions/EnrollDialog.h"
#include "ui/actions/ReissueDialog.h"
#include "ui/common/Prompts.h"
#include "ui/common/WorkstationSettings.h"
#include "ui/lock/IdleLock.h"
#include "ui/patient/PatientPage.h"
#include "ui/patient/VerifyBirthDateDialog.h"
#include "ui/search/SearchPanel.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/worklists/WorklistsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace pd;
using namespace pd::test;

namespace {

// Searches, then opens the first hit with the keyboard (arrow down, Enter).
PatientPage* searchAndOpen(MainWindow* w, const QString& text) {
    auto* edit = child<QLineEdit>(w, "searchLineEdit");
    edit->setFocus();
    edit->clear();
    // Typed key by key; QTest types ASCII only, so the rest arrives as an input method would give it.
    int ascii = 0;
    while (ascii < text.size() && text.at(ascii).unicode() < 128)
        ++ascii;
    QTest::keyClicks(edit, text.left(ascii));
    edit->insert(text.mid(ascii));
    SearchModel* results = w->searchPanel()->model();
    if (!QTest::qWaitFor(
            [&] { return results->query() == text && !results->isLoading() && results->rowCount() > 0; },
            Wait))
        return nullptr;
    QTest::keyClick(edit, Qt::Key_Down);
    const SearchHit first = results->row(0);
    QTest::keyClick(w->searchPanel()->view(), Qt::Key_Return);
    if (!QTest::qWaitFor(
            [&] {
                PatientPage* p = w->currentPatient();
                return p && p->story().has_value() &&
                       (first.kind != QLatin1String("patient") || p->mrn() == first.key);
            },
            Wait))
        return nullptr;
    return w->currentPatient();
}

int rowOf(PatientPage* page, const QString& username) {
    for (int r = 0; r < page->accessModel()->rowCount(); ++r) {
        if (page->accessModel()->row(r).user.username == username)
            return r;
    }
    return -1;
}

void selectLogin(PatientPage* page, const QString& username) {
    child<QTableView>(page, "accessView")->selectRow(rowOf(page, username));
}

} // namespace

class TestGuiFlows : public QObject {
    Q_OBJECT

private slots:
    void correctingTheBirthDateEndsAccessAtOnce();
    void startShowsDatabaseStaffAndOutbox();
    void searchAsYouTypeAndOpenWithKeyboard();
    void searchTextWithQuotesAndSqlIsJustText();
    void enrollChildThroughDialog();
    void refusedEnrollmentNamesTheRule_data();
    void refusedEnrollmentNamesTheRule();
    void reissueRevokesTheOldInvitation();
    void newPinNeedsVerification();
    void deactivateShowsAccountStatus();
    void reopeningConfirmsTheAccessThatComesBack();
    void aSupervisorTakesBackADeathRecordedInError();
    void busyDatabaseKeepsTheDialogAndItsInput();
    void supportAgentSeesMaskedFieldsAndNoDeactivate();
    void supportAgentChecksACallersBirthDate();
    void conflictIsExplainedAndPageReloads();
    void idleLockHidesPatientData();
    void worklistsFilterExportAndOpen();
    void transitionWorklistListsTheComingBirthday();
    void supervisorChangesPolicyAndHolidays();
    void savingOneTabKeepsEditsOnTheOthers();
    void unknownStaffIsRefusedAtSignIn();
    void aOneTimePasswordIsReplacedBeforeTheDesk();
    void outboxIsSentInTheBackground();
    void supervisorSetsUpSmtpAndSendsATestMessage();
    void refusedMailShowsTheServersReply();
    void closingSettingsNeverWaitsForTheMailServer();
    void signingOutNeverWaitsForTheMailServer();
    void signOutReturnsToSignInForTheNextPerson();
    void languageSwitchesToSpanish();
    void windowKeepsItsSizeBetweenRuns();
    void firstSignInOnANewDatabaseMakesASupervisor();
};

void TestGuiFlows::startShowsDatabaseStaffAndOutbox() {
    Gui gui;
    // Grace's invitation e-mail waits in the outbox for the mail server.
    QVERIFY(
        InvitationService(*gui.t.as(QStringLiteral("specialist"))).sendNow(QStringLiteral("grace.kim")).ok());
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    QVERIFY(child<QLabel>(w, "databaseStatusLabel")->text().contains(gui.t.path()));
    QVERIFY(child<QLabel>(w, "staffStatusLabel")->text().contains(QStringLiteral("specialist")));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(w, "outboxStatusLabel")->text().contains(QLatin1String("1")),
                             Wait);
}

void TestGuiFlows::searchAsYouTypeAndOpenWithKeyboard() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    // Ctrl+F puts the cursor in the search box from anywhere.
    w->pages()->setFocus();
    QTest::keySequence(w, QKeySequence::Find);
    QTRY_VERIFY(child<QLineEdit>(w, "searchLineEdit")->hasFocus());
    // Part of a name, in lower case, as staff type it.
    PatientPage* page = searchAndOpen(w, QStringLiteral("hernán"));
    QVERIFY(page);
    QCOMPARE(page->mrn(), QStringLiteral("9000001"));
    QCOMPARE(child<QLabel>(page, "patientNameLabel")->text(), QStringLiteral("Sofía Hernández"));
    QVERIFY(child<QLabel>(page, "patientFactsLabel")->text().contains(QStringLiteral("2017-05-14")));
    QVERIFY(child<QLabel>(page, "transitionLabel")->text().contains(QStringLiteral("2029-05-14")));

    // Digits of a phone number find the patient too; a login opens its patient's page with it selected.
    page = searchAndOpen(w, QStringLiteral("555-0199"));
    QVERIFY(page);
    QCOMPARE(page->mrn(), QStringLiteral("9000002"));
    child<QLineEdit>(w, "searchLineEdit")->clear();
    QTest::keyClicks(child<QLineEdit>(w, "searchLineEdit"), QStringLiteral("linh.nguyen"));
    QTRY_VERIFY_WITH_TIMEOUT(w->searchPanel()->model()->query() == QLatin1String("linh.nguyen") &&
                                 !w->searchPanel()->model()->isLoading(),
                             Wait);
    QCOMPARE(w->searchPanel()->model()->rowCount(), 1);
    QCOMPARE(w->searchPanel()->model()->row(0).kind, QStringLiteral("portal_user"));
    emit w->searchPanel()->view()->activated(w->searchPanel()->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(w->currentPatient() && w->currentPatient()->mrn() == QLatin1String("9000002"),
                             Wait);
    QCOMPARE(w->pages()->count(), w->fixedPages() + 2); // two patients: the second opening reused its tab
}

void TestGuiFlows::searchTextWithQuotesAndSqlIsJustText() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    auto* edit = child<QLineEdit>(w, "searchLineEdit");
    QTest::keyClicks(edit, QStringLiteral("'; DROP TABLE patients; --\""));
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(w, "searchStatusLabel")->text().contains(QStringLiteral("Nothing matches")), Wait);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("Kim"));
    QTRY_VERIFY_WITH_TIMEOUT(w->searchPanel()->model()->rowCount() >= 1, Wait);
}

void TestGuiFlows::enrollChildThroughDialog() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("9000001"));
    QVERIFY(page);
    QCOMPARE(page->invitationsModel()->rowCount(), 0);

    QString summary;
    bool confirmEnabledBeforePin = true;
    whenModal<EnrollDialog>([&](EnrollDialog* d) {
        QCOMPARE(child<QComboBox>(d, "formComboBox")->currentData().toString(), QStringLiteral("parent"));
        child<QLineEdit>(d, "givenLineEdit")->setText(QStringLiteral("Guadalupe"));
        child<QLineEdit>(d, "familyLineEdit")->setText(QStringLiteral("Hernández"));
        QTest::keyClicks(child<QLineEdit>(d, "emailLineEdit"),
                         QStringLiteral("guadalupe.hernandez@example.org"));
        confirmEnabledBeforePin = d->confirmButton()->isEnabled();
        QTest::keyClicks(child<QLineEdit>(d, "pinLineEdit"), QStringLiteral("482913"));
        QTest::keyClicks(child<QLineEdit>(d, "pinAgainLineEdit"), QStringLiteral("482913"));
        QCOMPARE(child<QLineEdit>(d, "pinLineEdit")->echoMode(), QLineEdit::Password);
        summary = child<QLabel>(d, "summaryLabel")->text();
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "enrollButton")->click();

    QVERIFY(!confirmEnabledBeforePin);
    QVERIFY2(summary.contains(QStringLiteral("guadalupe.hernandez@example.org")), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("full")));
    QTRY_COMPARE_WITH_TIMEOUT(page->invitationsModel()->rowCount(), 1, Wait);
    QCOMPARE(page->invitationsModel()->row(0).invitation.status, QStringLiteral("queued"));
    QCOMPARE(page->invitationsModel()->row(0).username, QStringLiteral("guadalupe.hernandez"));
    QCOMPARE(page->accessModel()->rowCount(), 1);
    QCOMPARE(page->accessModel()->row(0).grant.level, QStringLiteral("full"));
    // The timeline says who did it.
    bool told = false;
    for (const AuditEvent& e : page->timelineModel()->rows())
        told = told ||
               (e.action == QLatin1String("enrollment.created") && e.staff == QLatin1String("specialist"));
    QVERIFY(told);
}

void TestGuiFlows::refusedEnrollmentNamesTheRule_data() {
    QTest::addColumn<QString>("mrn");
    QTest::addColumn<QString>("form");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("signedOn");
    QTest::addColumn<QString>("expected");
    QTest::newRow("patient form for a child") << "9000001"
                                              << "patient"
                                              << "482913"
                                              << "2026-11-24"
                                              << "under 12";
    QTest::newRow("straight-run PIN") << "9000001"
                                      << "parent"
                                      << "123456"
                                      << "2026-11-24"
                                      << "count";
    QTest::newRow("birth-date PIN") << "9000001"
                                    << "parent"
                                    << "0514"
                                    << "2026-11-24"
                                    << "birth";
    QTest::newRow("malformed signing date") << "9000001"
                                            << "parent"
                                            << "482913"
                                            << "2026-13-40"
                                            << "YYYY-MM-DD";
    QTest::newRow("signed in the future") << "9000001"
                                          << "parent"
                                          << "482913"
                                          << "2026-12-01"
                                          << "after today";
    QTest::newRow("form signed in another age group") << "9000002"
                                                      << "parent"
                                                      << "482913"
                                                      << "2023-06-01"
                                                      << "before the patient's 12th birthday";
}

void TestGuiFlows::refusedEnrollmentNamesTheRule() {
    QFETCH(QString, mrn);
    QFETCH(QString, form);
    QFETCH(QString, pin);
    QFETCH(QString, signedOn);
    QFETCH(QString, expected);
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, mrn);
    QVERIFY(page);
    const int before = page->invitationsModel()->rowCount();
    QString shown;
    bool enabled = true;
    whenModal<EnrollDialog>([&](EnrollDialog* d) {
        auto* forms = child<QComboBox>(d, "formComboBox");
        forms->setCurrentIndex(forms->findData(form));
        child<QLineEdit>(d, "signedLineEdit")->setText(signedOn);
        if (form == QLatin1String("parent")) {
            child<QLineEdit>(d, "givenLineEdit")->setText(QStringLiteral("Rosa"));
            child<QLineEdit>(d, "familyLineEdit")->setText(QStringLiteral("Díaz"));
            child<QLineEdit>(d, "emailLineEdit")->setText(QStringLiteral("rosa.diaz@example.org"));
        } else {
            child<QLineEdit>(d, "emailLineEdit")->setText(QStringLiteral("teen@example.org"));
        }
        QTest::keyClicks(child<QLineEdit>(d, "pinLineEdit"), pin);
        QTest::keyClicks(child<QLineEdit>(d, "pinAgainLineEdit"), pin);
        shown = d->shownProblem();
        enabled = d->confirmButton()->isEnabled();
        d->confirmButton()->click(); // refused: nothing happens
        d->reject();
    });
    child<QPushButton>(page, "enrollButton")->click();
    QVERIFY2(shown.contains(expected, Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY(!enabled);
    QTest::qWait(100);
    QCOMPARE(page->invitationsModel()->rowCount(), before);
}

void TestGuiFlows::reissueRevokesTheOldInvitation() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("agent")); // agents may reissue to the address on file
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    QCOMPARE(page->invitationsModel()->rowCount(), 1);
    QVERIFY(child<QPushButton>(page, "reissueButton")->isEnabled());
    QString summary;
    whenModal<ReissueDialog>([&](ReissueDialog* d) {
        QVERIFY(child<QRadioButton>(d, "keepPinRadio")->isChecked());
        summary = child<QLabel>(d, "summaryLabel")->text();
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "reissueButton")->click();
    QVERIFY2(summary.contains(QStringLiteral("revoked")), qPrintable(summary));
    QTRY_COMPARE_WITH_TIMEOUT(page->invitationsModel()->rowCount(), 2, Wait);
    // Newest first: the reissue waits for the mail server (sent once it accepts it), the old one revoked as
    // replaced.
    QVERIFY(QStringList({QStringLiteral("queued"), QStringLiteral("sent")})
                .contains(page->invitationsModel()->row(0).invitation.status));
    QCOMPARE(page->invitationsModel()->row(0).invitation.replacesId,
             page->invitationsModel()->row(1).invitation.id);
    QCOMPARE(page->invitationsModel()->row(1).invitation.status, QStringLiteral("revoked"));
    QCOMPARE(page->invitationsModel()->row(1).invitation.revokeReason, QStringLiteral("reissued"));
    QStringList told;
    for (int r = 0; r < page->timelineModel()->rowCount(); ++r)
        told << page->timelineModel()->index(r, TimelineModel::WhatColumn).data().toString();
    QVERIFY2(told.join(QLatin1Char('\n')).contains(QStringLiteral("newer invitation replaced it")),
             qPrintable(told.join(QLatin1Char('\n'))));
}

void TestGuiFlows::newPinNeedsVerification() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("agent"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    QString withoutVerification;
    QString afterVerification;
    whenModal<ReissueDialog>([&](ReissueDialog* d) {
        QVERIFY(child<QRadioButton>(d, "newPinRadio")->isChecked());
        QTest::keyClicks(child<QLineEdit>(d, "pinLineEdit"), QStringLiteral("739164"));
        QTest::keyClicks(child<QLineEdit>(d, "pinAgainLineEdit"), QStringLiteral("739164"));
        withoutVerification = d->shownProblem();
        child<QComboBox>(d, "verifiedByComboBox")->setCurrentIndex(1);
        afterVerification = d->shownProblem();
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "resetPinButton")->click();
    QVERIFY(withoutVerification.contains(QStringLiteral("verified")));
    QVERIFY2(afterVerification.isEmpty(), qPrintable(afterVerification));
    QTRY_COMPARE_WITH_TIMEOUT(page->invitationsModel()->rowCount(), 2, Wait);
    QVERIFY(page->invitationsModel()->row(0).invitation.pinVerifiedBy.contains(QStringLiteral("MRN")));
}

void TestGuiFlows::deactivateShowsAccountStatus() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    QString beforeReason;
    QString otherWithoutNote;
    whenModal<DeactivateDialog>([&](DeactivateDialog* d) {
        beforeReason = d->shownProblem();
        auto* reasons = child<QComboBox>(d, "reasonComboBox");
        reasons->setCurrentIndex(reasons->findData(QStringLiteral("other")));
        child<QLineEdit>(d, "reportedByLineEdit")->setText(QStringLiteral("Linh Nguyen, by phone"));
        child<QComboBox>(d, "verifiedByComboBox")->setCurrentIndex(1);
        otherWithoutNote = d->shownProblem();
        reasons->setCurrentIndex(reasons->findData(QStringLiteral("suspected_compromise")));
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "deactivateButton")->click();
    QVERIFY(beforeReason.contains(QStringLiteral("why")));
    QVERIFY(otherWithoutNote.contains(QStringLiteral("note")));
    const int row = rowOf(page, QStringLiteral("linh.nguyen"));
    QTRY_COMPARE_WITH_TIMEOUT(
        page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).user.status,
        QStringLiteral("deactivated"), Wait);
    QCOMPARE(page->accessModel()->index(row, AccessModel::StatusColumn).data().toString(),
             QStringLiteral("deactivated"));
    QCOMPARE(page->invitationsModel()->row(0).invitation.status, QStringLiteral("revoked"));
    QVERIFY(!child<QPushButton>(page, "deactivateButton")->isEnabled());
    // After a suspected compromise a supervisor reopens it, not a specialist.
    QVERIFY(!child<QPushButton>(page, "resetPinButton")->isEnabled());
}

// A login closed for its holder's death can't be reopened until a supervisor takes the death back.
void TestGuiFlows::aSupervisorTakesBackADeathRecordedInError() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
    QVERIFY(w);
    QVERIFY(gui.deactivateLinhElsewhere(QStringLiteral("deceased")));
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    QVERIFY(!child<QPushButton>(page, "resetPinButton")->isEnabled());
    auto* reverse = child<QPushButton>(page, "reverseDeathButton");
    QVERIFY(reverse->isVisible() && reverse->isEnabled());
    Prompts::setNextText(QStringLiteral("Linh called herself; photo ID seen at the front desk"));
    reverse->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).user.deactivationReason,
        QStringLiteral("other"), Wait);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(page, "resetPinButton")->isEnabled(), Wait);
    QVERIFY(!reverse->isEnabled());
}

// A deactivated login reopens with a new PIN, bringing back the access the specialist ticks.
void TestGuiFlows::reopeningConfirmsTheAccessThatComesBack() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    QVERIFY(gui.deactivateLinhElsewhere(QStringLiteral("family_request")));
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    QVERIFY(child<QPushButton>(page, "resetPinButton")->isEnabled());
    QString untickedSummary, tickedSummary;
    bool keepOffered = true;
    whenModal<ReissueDialog>([&](ReissueDialog* d) {
        keepOffered = child<QRadioButton>(d, "keepPinRadio")->isEnabled();
        QVERIFY(QTest::qWaitFor([d] { return !d->findChildren<QCheckBox*>().isEmpty(); }, Wait));
        QTest::keyClicks(child<QLineEdit>(d, "pinLineEdit"), QStringLiteral("739164"));
        QTest::keyClicks(child<QLineEdit>(d, "pinAgainLineEdit"), QStringLiteral("739164"));
        child<QComboBox>(d, "verifiedByComboBox")->setCurrentIndex(2);
        untickedSummary = child<QLabel>(d, "summaryLabel")->text();
        d->findChildren<QCheckBox*>().first()->setChecked(true);
        tickedSummary = child<QLabel>(d, "summaryLabel")->text();
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "resetPinButton")->click();
    QVERIFY(!keepOffered);
    QVERIFY2(untickedSummary.contains(QStringLiteral("reopens with no access")), qPrintable(untickedSummary));
    QVERIFY2(tickedSummary.contains(QStringLiteral("9000002")), qPrintable(tickedSummary));
    QTRY_COMPARE_WITH_TIMEOUT(
        page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).user.status,
        QStringLiteral("pending"), Wait);
    QVERIFY(page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).grant.isOpen());
}

void TestGuiFlows::busyDatabaseKeepsTheDialogAndItsInput() {
    Gui gui;
    gui.busyTimeoutMs = 300;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    auto lock = std::make_unique<WriteLockHolder>(gui.t.path());
    QString whileBusy;
    QString reporterKept;
    whenModal<DeactivateDialog>([&](DeactivateDialog* d) {
        auto* reasons = child<QComboBox>(d, "reasonComboBox");
        reasons->setCurrentIndex(reasons->findData(QStringLiteral("family_request")));
        child<QLineEdit>(d, "reportedByLineEdit")->setText(QStringLiteral("Linh Nguyen, by phone"));
        child<QComboBox>(d, "verifiedByComboBox")->setCurrentIndex(2);
        d->confirmButton()->click();
        // The database is busy: the dialog stays, says so, and keeps what was typed.
        QVERIFY(QTest::qWaitFor([d] { return !d->shownProblem().isEmpty(); }, Wait));
        whileBusy = d->shownProblem();
        reporterKept = child<QLineEdit>(d, "reportedByLineEdit")->text();
        lock->release();
        QVERIFY(QTest::qWaitFor([d] { return d->confirmButton()->isEnabled(); }, Wait));
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "deactivateButton")->click();
    QVERIFY2(whileBusy.contains(QStringLiteral("Nothing was changed")), qPrintable(whileBusy));
    QCOMPARE(reporterKept, QStringLiteral("Linh Nguyen, by phone"));
    QTRY_COMPARE_WITH_TIMEOUT(
        page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).user.status,
        QStringLiteral("deactivated"), Wait);
}

void TestGuiFlows::supportAgentSeesMaskedFieldsAndNoDeactivate() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("agent"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    QVERIFY(child<QLabel>(page, "contactLabel")->text().contains(QStringLiteral("m•••@example.org")));
    QVERIFY(!child<QLabel>(page, "contactLabel")->text().contains(QStringLiteral("mateo.nguyen")));
    QVERIFY(!child<QLabel>(page, "patientFactsLabel")->text().contains(QStringLiteral("2012")));
    // No age in years either: with the year of today it is the year of birth.
    QVERIFY(!child<QLabel>(page, "patientFactsLabel")->text().contains(QStringLiteral("age 14")));
    QVERIFY(child<QLabel>(page, "patientFactsLabel")->text().contains(QStringLiteral("12–17")));
    QVERIFY(!child<QLabel>(page, "transitionLabel")->text().contains(QStringLiteral("2030")));
    QVERIFY(page->accessModel()->row(0).user.email.contains(QStringLiteral("•••")));
    QVERIFY(child<QPushButton>(page, "deactivateButton")->isHidden());
    QVERIFY(child<QPushButton>(page, "enrollButton")->isHidden());
    QVERIFY(child<QPushButton>(page, "revokeButton")->isHidden());
    QVERIFY(!child<QPushButton>(page, "reissueButton")->isHidden());
    // Search results are masked the same way.
    for (const SearchHit& h : w->searchPanel()->model()->rows())
        QVERIFY(!h.email.contains(QStringLiteral("mateo.nguyen")));
}

// A caller says who they are: the agent types the birth date they give and learns whether it matches,
// never the date itself; the check is in the timeline.
void TestGuiFlows::supportAgentChecksACallersBirthDate() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("agent"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
    auto* verify = child<QPushButton>(page, "verifyBirthDateButton");
    QVERIFY(!verify->isHidden());
    QStringList answers;
    whenModal<VerifyBirthDateDialog>([&](VerifyBirthDateDialog* d) {
        auto* date = child<QLineEdit>(d, "callerBirthDateLineEdit");
        auto* answer = child<QLabel>(d, "verifyAnswerLabel");
        auto* check = child<QPushButton>(d, "checkBirthDateButton");
        date->setText(QStringLiteral("2012-02-30"));
        check->click();
        answers << answer->text(); // no date: said at once, and no try
        date->setText(QStringLiteral("2012-03-02"));
        check->click();
        QTRY_VERIFY_WITH_TIMEOUT(!answer->text().isEmpty(), Wait);
        answers << answer->text();
        date->setText(QStringLiteral("2012-02-03"));
        check->click();
        QTRY_VERIFY_WITH_TIMEOUT(!answer->text().isEmpty(), Wait);
        answers << answer->text();
        d->reject();
    });
    verify->click();
    QCOMPARE(answers.size(), 3);
    QVERIFY2(answers.at(0).contains(QStringLiteral("not a real date")), qPrintable(answers.at(0)));
    QVERIFY2(answers.at(1).startsWith(QStringLiteral("Doesn't match")), qPrintable(answers.at(1)));
    QVERIFY2(answers.at(2).startsWith(QStringLiteral("Matches")), qPrintable(answers.at(2)));
    QTRY_VERIFY_WITH_TIMEOUT(
        page->story() && page->story()->timeline.last().action == QLatin1String("identity.checked"), Wait);
}

// Ava's record said 11; she is 12. The dialog says what the correction will end before it is saved, and
// the page shows the ended access as soon as it is.
void TestGuiFlows::correctingTheBirthDateEndsAccessAtOnce() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Ava"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->story().has_value(), Wait);
    QVERIFY(page->story()->grants.first().isOpen());
    // HIM staff see the birth date itself, and have no button to check one.
    QVERIFY(child<QPushButton>(page, "verifyBirthDateButton")->isHidden());
    QString summary;
    QString problemForBadDate;
    whenModal<EditPatientDialog>([&](EditPatientDialog* d) {
        auto* birth = child<QLineEdit>(d, "birthDateLineEdit");
        birth->setText(QStringLiteral("2014-02-30"));
        problemForBadDate = d->shownProblem();
        QVERIFY(!d->confirmButton()->isEnabled());
        birth->setText(QStringLiteral("2014-11-10"));
        summary = child<QLabel>(d, "summaryLabel")->text();
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "editPatientButton")->click();
    QVERIFY2(!problemForBadDate.isEmpty(), "a date that does not exist is refused as typed");
    QVERIFY2(summary.contains(QStringLiteral("is 12 year")) &&
                 summary.contains(QStringLiteral("when you save")),
             qPrintable(summary));
    QTRY_VERIFY_WITH_TIMEOUT(page->story() && !page->story()->grants.first().isOpen(), Wait);
    QCOMPARE(page->story()->grants.first().endReason, QStringLiteral("age_12"));
    QCOMPARE(page->story()->patient.birthDate, QDate(2014, 11, 10));
}

void TestGuiFlows::conflictIsExplainedAndPageReloads() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    selectLogin(page, QStringLiteral("linh.nguyen"));
    // Someone at another workstation changes the login's language while this page is open.
    auto other = gui.elsewhere(QStringLiteral("supervisor"), [](const ServiceContext& ctx) {
        return AccountService(ctx).update(
            {QStringLiteral("linh.nguyen"), QString(), QStringLiteral("en"), 0});
    });
    QVERIFY2(other.ok(), other ? "" : qPrintable(other.error().message));
    (void)Prompts::takeShown();
    whenModal<EditLoginDialog>([&](EditLoginDialog* d) {
        child<QLineEdit>(d, "emailLineEdit")->setText(QStringLiteral("linh.n@example.org"));
        d->confirmButton()->click();
    });
    child<QPushButton>(page, "editLoginButton")->click();
    const QString shown = Prompts::takeShown().join(QLatin1Char('\n'));
    QVERIFY2(shown.contains(QStringLiteral("Someone else changed")) &&
                 shown.contains(QStringLiteral("supervisor")),
             qPrintable(shown));
    // The page reloads with the record as it is now: language changed, address not.
    QTRY_COMPARE_WITH_TIMEOUT(
        page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).user.language,
        QStringLiteral("en"), Wait);
    QCOMPARE(page->accessModel()->row(rowOf(page, QStringLiteral("linh.nguyen"))).user.email,
             QStringLiteral("linh.nguyen@example.org"));
}

void TestGuiFlows::idleLockHidesPatientData() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    w->show();
    PatientPage* page = searchAndOpen(w, QStringLiteral("Mateo"));
    QVERIFY(page);
    QVERIFY(page->isVisible());
    w->idleLock()->setIntervalMs(150);
    QTRY_VERIFY_WITH_TIMEOUT(w->isLocked(), Wait);
    QVERIFY(!page->isVisible());
    QVERIFY(!w->searchPanel()->isVisible());
    QVERIFY(child<QWidget>(w, "lockScreen")->isVisible());
    QVERIFY(!w->openPatient(QStringLiteral("9000001"))); // nothing opens while locked

    // Someone else can't unlock it.
    child<QPushButton>(w, "unlockButton")->click();
    SignInDialog* unlock = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (unlock = w->findChild<SignInDialog*>(QStringLiteral("unlockDialog"))) != nullptr, Wait);
    // Nothing on the locked window names who was working.
    QVERIFY(!child<QWidget>(w, "lockScreen")->findChildren<QLabel*>().isEmpty());
    for (const QLabel* label : child<QWidget>(w, "lockScreen")->findChildren<QLabel*>())
        QVERIFY2(!label->text().contains(QLatin1String("specialist")), qPrintable(label->text()));
    QVERIFY2(!w->windowTitle().contains(QLatin1String("specialist")), qPrintable(w->windowTitle()));
    QVERIFY(child<QLineEdit>(unlock, "staffNameLineEdit")->text().isEmpty());
    QVERIFY(!child<QLabel>(unlock, "signInIntro")->text().contains(QLatin1String("specialist")));
    Gui::typeSignIn(unlock, QStringLiteral("agent"));
    child<QPushButton>(unlock, "signInButton")->click();
    QVERIFY(child<QLabel>(unlock, "signInMessage")->isVisible());
    const QString otherName = child<QLabel>(unlock, "signInMessage")->text();
    QVERIFY(!otherName.contains(QStringLiteral("specialist")));
    QVERIFY(w->isLocked());
    // The right name needs the right password, and a wrong one gets the very same answer as a wrong name.
    Gui::typeSignIn(unlock, QStringLiteral("specialist"), QStringLiteral("a wrong guess!"));
    child<QLabel>(unlock, "signInMessage")->clear();
    child<QPushButton>(unlock, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(unlock, "signInMessage")->text().isEmpty(), Wait);
    QCOMPARE(child<QLabel>(unlock, "signInMessage")->text(), otherName);
    QVERIFY(w->isLocked());
    Gui::typeSignIn(unlock, QStringLiteral("specialist"));
    child<QPushButton>(unlock, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!w->isLocked(), Wait);
    QVERIFY(w->windowTitle().contains(QLatin1String("specialist")));
    QVERIFY(page->isVisible());
}

void TestGuiFlows::worklistsFilterExportAndOpen() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    WorklistsPage* lists = w->worklists();
    // Due: Grace Kim's invitation, enrolled yesterday and not yet sent.
    lists->choose(0);
    QTRY_COMPARE_WITH_TIMEOUT(lists->invitationModel()->rowCount(), 1, Wait);
    QCOMPARE(lists->invitationModel()->row(0).username, QStringLiteral("grace.kim"));
    QCOMPARE(lists->invitationModel()->row(0).mrn, QStringLiteral("9000003"));

    // Three days later it is late (two business days went by), and no longer due.
    gui.clock->set(la(2026, 11, 27, 10, 0));
    lists->choose(1);
    QTRY_COMPARE_WITH_TIMEOUT(lists->invitationModel()->rowCount(), 1, Wait);
    lists->choose(0);
    QTRY_VERIFY_WITH_TIMEOUT(!lists->invitationModel()->isLoading(), Wait);
    QCOMPARE(lists->invitationModel()->rowCount(), 0);
    lists->choose(1);
    QTRY_COMPARE_WITH_TIMEOUT(lists->invitationModel()->rowCount(), 1, Wait);

    // The filter narrows, sorting works on every column, and export writes what is shown.
    child<QLineEdit>(lists, "worklistFilterLineEdit")->setText(QStringLiteral("nobody-matches"));
    QCOMPARE(lists->proxy()->rowCount(), 0);
    child<QLineEdit>(lists, "worklistFilterLineEdit")->setText(QStringLiteral("GRACE"));
    QCOMPARE(lists->proxy()->rowCount(), 1);
    lists->view()->sortByColumn(InvitationWorklistModel::DueColumn, Qt::DescendingOrder);
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("late.csv"));
    Prompts::setNextSaveFileName(path);
    child<QPushButton>(lists, "exportButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), Wait);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // spreadsheets then read the accents right
    const QString csv = QString::fromUtf8(bytes.mid(3));
    QVERIFY2(csv.startsWith(QStringLiteral("Login,Holder,Patient MRN")), qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral("grace.kim,Grace Kim,9000003,grace.kim@example.org,queued")));

    // Double-click (activation) opens the patient.
    emit lists->view()->activated(lists->proxy()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(w->currentPatient() && w->currentPatient()->mrn() == QLatin1String("9000003"),
                             Wait);
}

void TestGuiFlows::transitionWorklistListsTheComingBirthday() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    WorklistsPage* lists = w->worklists();
    lists->choose(5); // 7 days: Ava turns 12 on 10 December, 16 days away
    QTRY_VERIFY_WITH_TIMEOUT(!lists->transitionModel()->isLoading(), Wait);
    QCOMPARE(lists->transitionModel()->rowCount(), 0);
    lists->choose(6); // 30 days
    QTRY_COMPARE_WITH_TIMEOUT(lists->transitionModel()->rowCount(), 1, Wait);
    QCOMPARE(lists->transitionModel()->row(0).patient.mrn, QStringLiteral("9000003"));
    QCOMPARE(lists->transitionModel()->row(0).date, QDate(2026, 12, 10));
    QCOMPARE(lists->transitionModel()->row(0).age, 12);
}

void TestGuiFlows::supervisorChangesPolicyAndHolidays() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
    QVERIFY(w);
    QString saved;
    QString badHoliday;
    QString goodHoliday;
    whenModal<SettingsDialog>([&](SettingsDialog* d) {
        auto* expiry = child<QSpinBox>(d, "expiryDaysSpinBox");
        QVERIFY(QTest::qWaitFor([expiry] { return expiry->value() == 30; }, Wait));
        expiry->setValue(45);
        QCOMPARE(child<QSpinBox>(d, "signInAttemptsSpinBox")->value(), 5);
        child<QSpinBox>(d, "signInAttemptsSpinBox")->setValue(3);
        child<QPushButton>(d, "savePolicyButton")->click();
        auto* status = child<QLabel>(d, "settingsStatusLabel");
        QVERIFY(QTest::qWaitFor([status] { return status->text().contains(QStringLiteral("Saved")); }, Wait));
        saved = status->text();
        child<QLineEdit>(d, "holidayDateLineEdit")->setText(QStringLiteral("2026-02-30"));
        child<QLineEdit>(d, "holidayNameLineEdit")->setText(QStringLiteral("Not a day"));
        child<QPushButton>(d, "addHolidayButton")->click();
        QVERIFY(
            QTest::qWaitFor([status] { return !status->text().contains(QStringLiteral("Saved")); }, Wait));
        badHoliday = status->text();
        child<QLineEdit>(d, "holidayDateLineEdit")->setText(QStringLiteral("2026-12-24"));
        child<QLineEdit>(d, "holidayNameLineEdit")->setText(QStringLiteral("Christmas Eve"));
        child<QPushButton>(d, "addHolidayButton")->click();
        auto* table = child<QTableWidget>(d, "holidaysTable");
        QVERIFY(QTest::qWaitFor([table] { return table->rowCount() == 1; }, Wait));
        goodHoliday = table->item(0, 1)->text();
        d->reject();
    });
    w->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    QVERIFY2(saved.contains(QStringLiteral("Saved 2 setting")), qPrintable(saved));
    auto attempts = gui.elsewhere(QStringLiteral("supervisor"), [](const ServiceContext& ctx) {
        return AdminService(ctx).setting(QStringLiteral("security.sign_in_attempts"));
    });
    QVERIFY(attempts.ok());
    QCOMPARE(attempts->value, QStringLiteral("3"));
    QVERIFY2(badHoliday.contains(QStringLiteral("YYYY-MM-DD")) || badHoliday.contains(QStringLiteral("date")),
             qPrintable(badHoliday));
    QCOMPARE(goodHoliday, QStringLiteral("Christmas Eve"));
    auto stored = gui.elsewhere(QStringLiteral("supervisor"), [](const ServiceContext& ctx) {
        return AdminService(ctx).setting(QStringLiteral("invitation.expiry_days"));
    });
    QVERIFY(stored.ok());
    QCOMPARE(stored->value, QStringLiteral("45"));
}

void TestGuiFlows::savingOneTabKeepsEditsOnTheOthers() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
    QVERIFY(w);
    QString hostAfterPolicySave;
    int expiryAfterMailSave = 0;
    QString mailSaved;
    whenModal<SettingsDialog>([&](SettingsDialog* d) {
        auto* expiry = child<QSpinBox>(d, "expiryDaysSpinBox");
        QVERIFY(QTest::qWaitFor([expiry] { return expiry->value() == 30; }, Wait));
        auto* host = child<QLineEdit>(d, "smtpHostLineEdit");
        host->setText(QStringLiteral("mail.example.org")); // on the Mail tab, not saved yet
        expiry->setValue(45);
        auto* status = child<QLabel>(d, "settingsStatusLabel");
        child<QPushButton>(d, "savePolicyButton")->click();
        QVERIFY(QTest::qWaitFor([status] { return status->text().contains(QStringLiteral("Saved")); }, Wait));
        // The reload after the save has come back.
        QVERIFY(QTest::qWaitFor([&gui] { return gui.app->runner().pending() == 0; }, Wait));
        QTest::qWait(100);
        hostAfterPolicySave = host->text();
        status->clear();
        child<QPushButton>(d, "saveMailButton")->click();
        QVERIFY(QTest::qWaitFor([status] { return !status->text().isEmpty(); }, Wait));
        mailSaved = status->text();
        QVERIFY(QTest::qWaitFor([&gui] { return gui.app->runner().pending() == 0; }, Wait));
        QTest::qWait(100);
        expiryAfterMailSave = expiry->value();
        d->reject();
    });
    w->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    QCOMPARE(hostAfterPolicySave, QStringLiteral("mail.example.org"));
    QVERIFY2(mailSaved.contains(QStringLiteral("1 setting")), qPrintable(mailSaved));
    QCOMPARE(expiryAfterMailSave, 45);
    auto host = gui.elsewhere(QStringLiteral("supervisor"), [](const ServiceContext& ctx) {
        return AdminService(ctx).setting(QStringLiteral("mail.smtp_host"));
    });
    QVERIFY(host.ok());
    QCOMPARE(host->value, QStringLiteral("mail.example.org"));
}

void TestGuiFlows::unknownStaffIsRefusedAtSignIn() {
    Gui gui;
    SignInDialog* d = gui.start();
    QVERIFY(d);
    Gui::typeSignIn(d, QStringLiteral("'; DELETE FROM staff; --"));
    child<QPushButton>(d, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(d, "signInMessage")->isVisible(), Wait);
    QVERIFY(!gui.app->mainWindow());
    // The service accounts (the EHR feed's, the daily job's) run their own work, not the desk.
    for (const auto& [name, role, says] :
         {std::tuple{QStringLiteral("ehr-feed"), QStringLiteral("ehr_feed"), QStringLiteral("EHR feed's")},
          std::tuple{QStringLiteral("nightly"), QStringLiteral("daily_job"),
                     QStringLiteral("daily job's")}}) {
        QVERIFY(gui.elsewhere(QStringLiteral("supervisor"),
                              [&](const ServiceContext& ctx) {
                                  return AdminService(ctx).addStaff(name, name, role,
                                                                    QStringLiteral("service-one-time-pw"));
                              })
                    .ok());
        Gui::typeSignIn(d, name, QStringLiteral("service-one-time-pw"));
        child<QPushButton>(d, "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(d, "signInMessage")->text().contains(says), Wait);
        QVERIFY(
            child<QLabel>(d, "signInMessage")->text().contains(QLatin1String("can't sign in to the desk")));
        QVERIFY(!gui.app->mainWindow());
    }
    // The staff table is untouched: the real name still signs in.
    Gui::typeSignIn(d, QStringLiteral("specialist"));
    child<QPushButton>(d, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() != nullptr, Wait);
}

void TestGuiFlows::aOneTimePasswordIsReplacedBeforeTheDesk() {
    Gui gui;
    SignInDialog* d = gui.start();
    QVERIFY(d);
    QVERIFY(gui.elsewhere(QStringLiteral("supervisor"),
                          [](const ServiceContext& ctx) -> Result<bool> {
                              PD_TRY(AdminService(ctx).setOneTimePassword(QStringLiteral("agent"),
                                                                          QStringLiteral("a-one-time-pw-1")));
                              return true;
                          })
                .ok());
    Gui::typeSignIn(d, QStringLiteral("agent"), QStringLiteral("a-one-time-pw-1"));
    child<QPushButton>(d, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(d, "newPasswordLineEdit")->isVisible(), Wait);
    QVERIFY(!child<QLineEdit>(d, "passwordLineEdit")->isVisible());
    QVERIFY(!gui.app->mainWindow()); // nothing opens before the new password is saved
    if (const QString folder = qEnvironmentVariable("PORTALDESK_SCREENSHOTS"); !folder.isEmpty())
        d->grab().save(QDir(folder).filePath(QStringLiteral("en-sign-in-new-password.png")));
    child<QLineEdit>(d, "newPasswordLineEdit")->setText(QStringLiteral("agent-2026-choice"));
    child<QLineEdit>(d, "againPasswordLineEdit")->setText(QStringLiteral("agent-2026-choice"));
    child<QPushButton>(d, "signInButton")->click();
    QVERIFY(child<QLabel>(d, "signInMessage")->text().contains(QLatin1String("sign-in name")));
    child<QLineEdit>(d, "newPasswordLineEdit")->setText(QStringLiteral("my own choice 2026"));
    child<QLineEdit>(d, "againPasswordLineEdit")->setText(QStringLiteral("my own choice 2026"));
    child<QPushButton>(d, "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() != nullptr, Wait);
    QCOMPARE(gui.app->mainWindow()->session().role, Role::SupportAgent);
    // The one-time password is spent; the new one is the agent's.
    auto again = gui.elsewhere(QStringLiteral("agent"), [](const ServiceContext& ctx) {
        return signInWithPassword(ctx.db(), ctx.clock(), QStringLiteral("ws"), QStringLiteral("agent"),
                                  QStringLiteral("my own choice 2026"));
    });
    QVERIFY(again.ok());
    QVERIFY(!again->mustChange);
}

void TestGuiFlows::outboxIsSentInTheBackground() {
    Gui gui;
    QVERIFY(
        InvitationService(*gui.t.as(QStringLiteral("specialist"))).sendNow(QStringLiteral("grace.kim")).ok());
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    QTRY_VERIFY_WITH_TIMEOUT(w->outboxLabel()->text().contains(QLatin1String("1")), Wait);
    w->mailPump()->runNow();
    QTRY_VERIFY_WITH_TIMEOUT(w->outboxLabel()->text().contains(QLatin1String("0")), Wait);
    // The embedded default writes the e-mail into the folder beside the database.
    const QStringList files =
        QDir(gui.t.dir.filePath(QStringLiteral("mail"))).entryList({QStringLiteral("*.eml")}, QDir::Files);
    QCOMPARE(files.size(), 1);
}

void TestGuiFlows::supervisorSetsUpSmtpAndSendsATestMessage() {
    SmtpServer server;
    QVERIFY(server.start({}));
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
    QVERIFY(w);
    QString saved;
    QString tested;
    whenModal<SettingsDialog>([&](SettingsDialog* d) {
        auto* transport = child<QComboBox>(d, "mailTransportComboBox");
        auto* port = child<QSpinBox>(d, "smtpPortSpinBox");
        QVERIFY(
            QTest::qWaitFor([port] { return port->value() == 587; }, Wait)); // the stored default is shown
        transport->setCurrentIndex(transport->findData(QStringLiteral("smtp")));
        child<QLineEdit>(d, "smtpHostLineEdit")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(d, "smtpPortSpinBox")->setValue(server.port);
        auto* tls = child<QComboBox>(d, "smtpTlsComboBox");
        tls->setCurrentIndex(tls->findData(QStringLiteral("none")));
        child<QPushButton>(d, "saveMailButton")->click();
        auto* status = child<QLabel>(d, "settingsStatusLabel");
        QVERIFY(QTest::qWaitFor([status] { return status->text().contains(QStringLiteral("Saved")); }, Wait));
        saved = status->text();
        child<QLineEdit>(d, "testAddressLineEdit")->setText(QStringLiteral("him-desk@example.org"));
        child<QPushButton>(d, "sendTestButton")->click();
        QVERIFY(
            QTest::qWaitFor([status] { return status->text().contains(QStringLiteral("accepted")); }, Wait));
        tested = status->text();
        d->reject();
    });
    w->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    QVERIFY2(saved.contains(QStringLiteral("4 setting")), qPrintable(saved));
    QVERIFY(tested.contains(QStringLiteral("him-desk@example.org")));
    QCOMPARE(server.delivered().size(), 1);
}

void TestGuiFlows::refusedMailShowsTheServersReply() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--rcpt-reply"), QStringLiteral("550 5.1.1 No such mailbox here")}));
    Gui gui;
    {
        auto ctx = gui.t.as(QStringLiteral("supervisor"));
        AdminService admin(*ctx);
        QVERIFY(admin.setSetting(QStringLiteral("mail.transport"), QStringLiteral("smtp")).ok());
        QVERIFY(admin.setSetting(QStringLiteral("mail.smtp_host"), QStringLiteral("127.0.0.1")).ok());
        QVERIFY(admin.setSetting(QStringLiteral("mail.smtp_port"), QString::number(server.port)).ok());
        QVERIFY(admin.setSetting(QStringLiteral("mail.smtp_tls"), QStringLiteral("none")).ok());
    }
    QVERIFY(
        InvitationService(*gui.t.as(QStringLiteral("specialist"))).sendNow(QStringLiteral("grace.kim")).ok());
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    w->mailPump()->runNow();
    WorklistsPage* lists = w->worklists();
    lists->choose(3); // delivery failed
    QTRY_COMPARE_WITH_TIMEOUT(lists->invitationModel()->rowCount(), 1, Wait);
    const QString reply =
        lists->invitationModel()->index(0, InvitationWorklistModel::MailErrorColumn).data().toString();
    QVERIFY2(reply.contains(QStringLiteral("550 5.1.1 No such mailbox here")), qPrintable(reply));
    QCOMPARE(lists->invitationModel()->row(0).username, QStringLiteral("grace.kim"));
}

namespace {

// Plain SMTP to `server` for the whole hospital, set before anyone signs in.
void useSmtp(Gui& gui, const SmtpServer& server) {
    auto ctx = gui.t.as(QStringLiteral("supervisor"));
    AdminService admin(*ctx);
    QVERIFY(admin.setSetting(QStringLiteral("mail.transport"), QStringLiteral("smtp")).ok());
    QVERIFY(admin.setSetting(QStringLiteral("mail.smtp_host"), QStringLiteral("127.0.0.1")).ok());
    QVERIFY(admin.setSetting(QStringLiteral("mail.smtp_port"), QString::number(server.port)).ok());
    QVERIFY(admin.setSetting(QStringLiteral("mail.smtp_tls"), QStringLiteral("none")).ok());
}

} // namespace

void TestGuiFlows::closingSettingsNeverWaitsForTheMailServer() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--delay"), QStringLiteral("6")})); // checks each message slowly
    Gui gui;
    useSmtp(gui, server);
    MainWindow* w = gui.signIn(QStringLiteral("supervisor"));
    QVERIFY(w);
    bool closed = false;
    whenModal<SettingsDialog>([&](SettingsDialog* d) {
        child<QLineEdit>(d, "testAddressLineEdit")->setText(QStringLiteral("him-desk@example.org"));
        child<QPushButton>(d, "sendTestButton")->click();
        // The message is on its way to the server when the dialog closes.
        QVERIFY(QTest::qWaitFor(
            [&server] { return QFile::exists(server.file(QStringLiteral("mail-from.log"))); }, Wait));
        d->reject();
        closed = true;
    });
    w->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    QVERIFY(closed);
    // The dialog is gone while the server still holds the message: closing did not wait for it.
    QVERIFY(server.delivered().isEmpty());
    // The test message still arrives: the call under way was finished, on its own thread.
    QTRY_COMPARE_WITH_TIMEOUT(server.delivered().size(), 1, 2 * Wait);
    QTest::qWait(200);
}

void TestGuiFlows::signingOutNeverWaitsForTheMailServer() {
    SmtpServer server;
    QVERIFY(server.start({QStringLiteral("--delay"), QStringLiteral("6")}));
    Gui gui;
    useSmtp(gui, server);
    QVERIFY(
        InvitationService(*gui.t.as(QStringLiteral("specialist"))).sendNow(QStringLiteral("grace.kim")).ok());
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    w->mailPump()->runNow(); // Grace's invitation waits in the outbox
    QVERIFY(QTest::qWaitFor([&server] { return QFile::exists(server.file(QStringLiteral("mail-from.log"))); },
                            Wait));
    QPointer<MainWindow> first = w;
    w->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), Wait);
    // Signed out while the server still holds the message: signing out did not wait for it.
    QVERIFY(server.delivered().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.delivered().size(), 1, 2 * Wait);
    QTest::qWait(200);
}

void TestGuiFlows::signOutReturnsToSignInForTheNextPerson() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    QVERIFY(searchAndOpen(w, QStringLiteral("Mateo")));
    QPointer<MainWindow> first = w;
    w->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), Wait); // the window and its patient pages are gone
    QVERIFY(gui.app->signInDialog() && gui.app->signInDialog()->isVisible());
    Gui::typeSignIn(gui.app->signInDialog(), QStringLiteral("agent"));
    child<QPushButton>(gui.app->signInDialog(), "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() != nullptr, Wait);
    QCOMPARE(gui.app->mainWindow()->session().role, Role::SupportAgent);
    QCOMPARE(gui.app->mainWindow()->pages()->count(),
             gui.app->mainWindow()->fixedPages()); // nothing of the previous person's left open
}

void TestGuiFlows::languageSwitchesToSpanish() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    const QString english = child<QLineEdit>(w, "searchLineEdit")->placeholderText();
    whenModal<SettingsDialog>([&](SettingsDialog* d) {
        auto* languages = child<QComboBox>(d, "uiLanguageComboBox");
        languages->setCurrentIndex(languages->findData(QStringLiteral("es")));
        child<QPushButton>(d, "saveWorkstationButton")->click();
    });
    w->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    // The window is rebuilt in Spanish, still signed in.
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() && gui.app->mainWindow() != w, Wait);
    MainWindow* spanish = gui.app->mainWindow();
    const QString placeholder = child<QLineEdit>(spanish, "searchLineEdit")->placeholderText();
    AppController::installTranslation(QStringLiteral("en"));
    QVERIFY2(placeholder != english && placeholder.contains(QStringLiteral("MRN")), qPrintable(placeholder));
    QCOMPARE(spanish->session().staff.name, QStringLiteral("specialist"));
    QCOMPARE(WorkstationSettings::language(), QStringLiteral("es"));
}

void TestGuiFlows::windowKeepsItsSizeBetweenRuns() {
    Gui gui;
    MainWindow* w = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(w);
    w->resize(1111, 777);
    w->close();
    QTRY_VERIFY_WITH_TIMEOUT(gui.app->mainWindow() == nullptr, Wait);
    gui.app.reset();
    MainWindow* again = gui.signIn(QStringLiteral("specialist"));
    QVERIFY(again);
    QCOMPARE(again->size(), QSize(1111, 777));
}

void TestGuiFlows::firstSignInOnANewDatabaseMakesASupervisor() {
    QTemporaryDir dir;
    QTemporaryDir settings;
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    Database::forbidThread(QThread::currentThread());
    AppController::Options options;
    options.location = dir.filePath(QStringLiteral("new.sqlite"));
    options.clock = std::make_shared<FixedClock>(la(2026, 11, 24, 10, 0));
    auto app = std::make_unique<AppController>(options);
    app->start();
    QTRY_VERIFY_WITH_TIMEOUT(app->signInDialog() && app->signInDialog()->isVisible(), Wait);
    QVERIFY(child<QLabel>(app->signInDialog(), "signInIntro")
                ->text()
                .contains(QStringLiteral("first HIM supervisor")));
    // The first supervisor chooses a password, typed twice.
    Gui::typeSignIn(app->signInDialog(), QStringLiteral("Dana.Kim"), QStringLiteral("short"));
    child<QLineEdit>(app->signInDialog(), "againPasswordLineEdit")->setText(QStringLiteral("short"));
    child<QPushButton>(app->signInDialog(), "signInButton")->click();
    QVERIFY(child<QLabel>(app->signInDialog(), "signInMessage")->text().contains(QLatin1String("12")));
    Gui::typeSignIn(app->signInDialog(), QStringLiteral("Dana.Kim"), QStringLiteral("dana's own password"));
    child<QLineEdit>(app->signInDialog(), "againPasswordLineEdit")
        ->setText(QStringLiteral("dana's own password"));
    child<QPushButton>(app->signInDialog(), "signInButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow() != nullptr, Wait);
    QCOMPARE(app->mainWindow()->session().role, Role::Supervisor);
    QCOMPARE(app->mainWindow()->session().staff.name, QStringLiteral("dana.kim"));
    app.reset();
    Database::forbidThread(nullptr);
}

QTEST_MAIN(TestGuiFlows)
#include "TestGuiFlows.moc"
