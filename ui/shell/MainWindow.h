// The window staff live in: search on the left, worklists and open patients in tabs on the right, the
// status bar naming the database, who is signed in and the mail waiting. A thin shell over its pages.
#pragma once

#include "ui/common/Session.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QSplitter;
class QTabWidget;
class QTimer;

namespace pd {

class ConsentsPage;
class RestrictionsPage;
class FeedPage;
class ReportsPage;
class RequestsPage;
class IdleLock;
class MailPump;
class PatientPage;
class SearchPanel;
class WorklistsPage;

class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(Session session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Session& session() const { return m_session; }
    // Opens (or brings forward) the patient's page.
    PatientPage* openPatient(const QString& mrn);
    // Opens the page of the patient a login belongs to, with the login selected.
    void openLogin(const QString& username);
    PatientPage* currentPatient() const;

    void lock();
    bool isLocked() const;
    void unlocked();

    SearchPanel* searchPanel() const { return m_search; }
    WorklistsPage* worklists() const { return m_worklists; }
    ConsentsPage* consents() const { return m_consents; }             // null for support agents
    RestrictionsPage* restrictions() const { return m_restrictions; } // null for support agents
    ReportsPage* reports() const { return m_reports; }                // null for support agents
    FeedPage* feed() const { return m_feed; }                         // null for support agents
    // File ▸ Import…: asks for a file of patients from the EHR and applies it with a progress dialog.
    void importFile();
    RequestsPage* requests() const { return m_requests; }
    // The desks' tabs that come before the patients' (they never close).
    int fixedPages() const { return m_fixedPages; }
    QTabWidget* pages() const { return m_pages; }
    IdleLock* idleLock() const { return m_idle; }
    MailPump* mailPump() const { return m_mail; }
    QLabel* outboxLabel() const { return m_outboxLabel; }
    void refreshOutbox();

signals:
    void signOutRequested();
    void languageChanged();
    // The lock screen's Unlock button: the controller asks for the same staff member's sign-in.
    void unlockRequested();
    // The user closed the window (the controller quits unless it is replacing the window).
    void closing();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QString m_unlockedTitle;
    void buildMenus();
    void showSettings();
    void closeTab(int index);

    Session m_session;
    QStackedWidget* m_stack = nullptr;
    QSplitter* m_splitter = nullptr;
    SearchPanel* m_search = nullptr;
    QTabWidget* m_pages = nullptr;
    WorklistsPage* m_worklists = nullptr;
    ConsentsPage* m_consents = nullptr;
    RestrictionsPage* m_restrictions = nullptr;
    ReportsPage* m_reports = nullptr;
    FeedPage* m_feed = nullptr;
    RequestsPage* m_requests = nullptr;
    int m_fixedPages = 1;
    QWidget* m_lockScreen = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_staffLabel = nullptr;
    QLabel* m_outboxLabel = nullptr;
    QTimer* m_outboxTimer = nullptr;
    IdleLock* m_idle = nullptr;
    MailPump* m_mail = nullptr;
};

} // namespace pd
