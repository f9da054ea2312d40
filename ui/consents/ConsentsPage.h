// The consent desk (SPEC §8): the consents waiting for review (or any status) on the left; on the right
// the one chosen, with its patient, proxy, relationship, scanned form and automatic checks side by side,
// and the decision: approve (with a supervisor's override when a check allows one), reject with a
// reason, or revoke.
#pragma once

#include "services/ConsentService.h"
#include "ui/common/Session.h"

#include <QTemporaryDir>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace pd {

class ConsentListModel;

class ConsentsPage final : public QWidget {
    Q_OBJECT

public:
    explicit ConsentsPage(const Session& session, QWidget* parent = nullptr);
    ~ConsentsPage() override;

    // Which list: "submitted", "approved", "rejected", "revoked", or "" for all.
    void showStatus(const QString& status);
    void reload();
    // Shows consent `id` on the right (it need not be in the list).
    void review(qint64 id);
    void fileConsent(const QString& mrn = QString());
    // The enrollments reviewed on this desk (overrides, teens' missing forms).
    void loadEnrollments();
    QTableWidget* enrollmentTable() const { return m_enrollments; }

    ConsentListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    const std::optional<ConsentReview>& shown() const { return m_review; }
    // The form written out for the system's viewer (tests read it back).
    QString openForm();

signals:
    void patientRequested(const QString& mrn);

private:
    void showReview(const ConsentReview& review);
    void clearReview(const QString& message = QString());
    void decided(const Result<ConsentDecision>& result, const QString& done);
    void setBusy(bool busy);
    void approve();
    void reject();
    void revoke();

    const Session& m_session;
    ConsentListModel* m_model = nullptr;
    QComboBox* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTableWidget* m_enrollments = nullptr;
    QLabel* m_count = nullptr;
    QWidget* m_panel = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_patient = nullptr;
    QLabel* m_proxy = nullptr;
    QLabel* m_terms = nullptr;
    QLabel* m_signed = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_formFacts = nullptr;
    QPushButton* m_openForm = nullptr;
    QLabel* m_checks = nullptr;
    QLabel* m_decision = nullptr;
    QLineEdit* m_override = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_revoke = nullptr;
    QLabel* m_message = nullptr;
    std::optional<ConsentReview> m_review;
    std::unique_ptr<QTemporaryDir> m_forms; // forms written out for viewing; removed with the page
    bool m_busy = false;
};

} // namespace pd
