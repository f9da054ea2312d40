// The Feed desk (HIM staff): whether the EHR's feed is talking, the messages it sent that were refused
// (retry once the cause is fixed, or dismiss), merges held because the two records conflict, and patients
// listed for review (younger after a correction, a death taken back).
#pragma once

#include "ui/common/Session.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace pd {

class HeldMergesModel;
class RefusedMessagesModel;
class ReviewPatientsModel;

class FeedPage final : public QWidget {
    Q_OBJECT

public:
    explicit FeedPage(const Session& session, QWidget* parent = nullptr);

    RefusedMessagesModel* refused() const { return m_refused; }
    HeldMergesModel* merges() const { return m_merges; }
    ReviewPatientsModel* reviews() const { return m_reviews; }
    void reload();
    void retrySelected();
    void dismissSelected();
    void resolveSelectedMerge();
    void markSelectedReviewed();

signals:
    void patientRequested(const QString& mrn);
    void importRequested();

private:
    void updateButtons();
    void loadState();

    const Session& m_session;
    RefusedMessagesModel* m_refused = nullptr;
    HeldMergesModel* m_merges = nullptr;
    ReviewPatientsModel* m_reviews = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_refusedCount = nullptr;
    QLabel* m_mergeCount = nullptr;
    QTableView* m_refusedView = nullptr;
    QTableView* m_mergesView = nullptr;
    QTableView* m_reviewsView = nullptr;
    QLabel* m_reviewCount = nullptr;
    QPushButton* m_reviewed = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_dismiss = nullptr;
    QPushButton* m_resolve = nullptr;
    QTimer* m_tick = nullptr;
};

} // namespace pd
