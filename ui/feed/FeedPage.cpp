#include "ui/feed/FeedPage.h"

#include "models/FeedModels.h"
#include "services/DisplayText.h"
#include "ui/common/ListView.h"
#include "ui/common/Prompts.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

FeedPage::FeedPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("feedPage"));
    m_refused = new RefusedMessagesModel(*session.runner, session.policy.zone, this);
    m_merges = new HeldMergesModel(*session.runner, session.policy.zone, this);
    m_reviews = new ReviewPatientsModel(*session.runner, session.policy.zone, this);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("feedStateLabel"));
    m_state->setWordWrap(true);
    auto* import = new QPushButton(tr("&Import a file…"), this);
    import->setObjectName(QStringLiteral("feedImportButton"));
    connect(import, &QPushButton::clicked, this, &FeedPage::importRequested);

    m_refusedView =
        makeListView(this, QStringLiteral("refusedMessagesView"), tr("Refused messages"), m_refused);
    m_refusedCount = new QLabel(this);
    m_refusedCount->setObjectName(QStringLiteral("refusedCountLabel"));
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryMessageButton"));
    m_retry->setToolTip(
        tr("Apply the message again, as if the EHR sent it now (after fixing what refused it)."));
    m_dismiss = new QPushButton(tr("&Dismiss…"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissMessageButton"));
    connect(m_retry, &QPushButton::clicked, this, &FeedPage::retrySelected);
    connect(m_dismiss, &QPushButton::clicked, this, &FeedPage::dismissSelected);
    connect(m_refusedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedPage::updateButtons);

    m_mergesView =
        makeListView(this, QStringLiteral("heldMergesView"), tr("Merges held for review"), m_merges);
    m_mergeCount = new QLabel(this);
    m_mergeCount->setObjectName(QStringLiteral("mergeCountLabel"));
    m_resolve = new QPushButton(tr("&Carry out merge"), this);
    m_resolve->setObjectName(QStringLiteral("resolveMergeButton"));
    m_resolve->setToolTip(
        tr("Once the conflict is sorted out (the duplicate login deactivated, say), move the "
           "prior record into the survivor."));
    connect(m_resolve, &QPushButton::clicked, this, &FeedPage::resolveSelectedMerge);
    connect(m_mergesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedPage::updateButtons);
    connect(m_mergesView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit patientRequested(m_merges->row(index.row()).survivorMrn);
    });
    connect(m_refusedView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString mrn = m_refused->row(index.row()).mrn;
        if (!mrn.isEmpty())
            emit patientRequested(mrn);
    });

    m_reviewsView =
        makeListView(this, QStringLiteral("reviewPatientsView"), tr("Patients to review"), m_reviews);
    m_reviewCount = new QLabel(this);
    m_reviewCount->setObjectName(QStringLiteral("reviewCountLabel"));
    m_reviewed = new QPushButton(tr("&Mark reviewed…"), this);
    m_reviewed->setObjectName(QStringLiteral("markReviewedButton"));
    m_reviewed->setToolTip(tr("Once you have looked at the patient's access and done what it needs (nothing "
                              "reopens by itself), take the patient off this list with a note."));
    connect(m_reviewed, &QPushButton::clicked, this, &FeedPage::markSelectedReviewed);
    connect(m_reviewsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedPage::updateButtons);
    connect(m_reviewsView, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { emit patientRequested(m_reviews->row(index.row()).mrn); });
    connect(m_reviews, &PagedModelBase::loaded, this, [this] {
        const qint64 total = m_reviews->total().value_or(m_reviews->rowCount());
        m_reviewCount->setText(
            total > m_reviews->rowCount()
                ? tr("%1 of %L2 patients shown; scroll down for more.").arg(m_reviews->rowCount()).arg(total)
                : tr("%n patient(s) to review", nullptr, int(total)));
    });

    for (PagedModelBase* model :
         {static_cast<PagedModelBase*>(m_refused), static_cast<PagedModelBase*>(m_merges),
          static_cast<PagedModelBase*>(m_reviews)}) {
        connect(model, &PagedModelBase::loaded, this, [this] {
            m_refusedView->resizeColumnsToContents();
            m_mergesView->resizeColumnsToContents();
            m_reviewsView->resizeColumnsToContents();
            updateButtons();
        });
        connect(model, &PagedModelBase::failed, this,
                [this](const QString& message) { m_state->setText(message); });
    }

    auto* refusedBox = new QGroupBox(tr("Messages refused for their content"), this);
    auto* refusedButtons = new QHBoxLayout;
    refusedButtons->addWidget(m_refusedCount, 1);
    refusedButtons->addWidget(m_retry);
    refusedButtons->addWidget(m_dismiss);
    auto* refusedLayout = new QVBoxLayout(refusedBox);
    refusedLayout->addWidget(m_refusedView, 1);
    refusedLayout->addLayout(refusedButtons);

    auto* mergesBox = new QGroupBox(tr("Merges held because the two records conflict"), this);
    auto* mergeButtons = new QHBoxLayout;
    mergeButtons->addWidget(m_mergeCount, 1);
    mergeButtons->addWidget(m_resolve);
    auto* mergesLayout = new QVBoxLayout(mergesBox);
    mergesLayout->addWidget(m_mergesView, 1);
    mergesLayout->addLayout(mergeButtons);

    auto* reviewsBox = new QGroupBox(tr("Patients listed for review (nothing reopens by itself)"), this);
    auto* reviewButtons = new QHBoxLayout;
    reviewButtons->addWidget(m_reviewCount, 1);
    reviewButtons->addWidget(m_reviewed);
    auto* reviewsLayout = new QVBoxLayout(reviewsBox);
    reviewsLayout->addWidget(m_reviewsView, 1);
    reviewsLayout->addLayout(reviewButtons);

    auto* top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(import);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(refusedBox, 3);
    layout->addWidget(mergesBox, 2);
    layout->addWidget(reviewsBox, 2);

    connect(session.runner, &DbRunner::dataChanged, this, &FeedPage::reload);
    // The silence warning follows the clock even when nothing changes here.
    m_tick = new QTimer(this);
    m_tick->setInterval(60 * 1000);
    connect(m_tick, &QTimer::timeout, this, &FeedPage::loadState);
    m_tick->start();
    reload();
}

void FeedPage::reload() {
    m_refused->reload();
    m_merges->reload();
    m_reviews->reload();
    loadState();
}

void FeedPage::loadState() {
    onReady(this, loadFeedDeskState(*m_session.runner), [this](const Result<FeedDeskState>& state) {
        if (!state) {
            m_state->setText(state.error().message);
            return;
        }
        m_refusedCount->setText(tr("%n message(s) waiting", nullptr, int(state->refused)));
        m_mergeCount->setText(tr("%n merge(s) waiting", nullptr, int(state->heldMerges)));
        const int limit = m_session.policy.feedSilenceMinutes;
        if (!state->lastReceived.isValid()) {
            m_state->setText(tr("No message from the EHR has arrived yet."));
            m_state->setStyleSheet(QString());
            return;
        }
        const qint64 minutes = state->lastReceived.secsTo(m_session.runner->config().clock->nowUtc()) / 60;
        const QString last = DisplayText::localTime(state->lastReceived, m_session.policy.zone);
        if (minutes > limit) {
            // Said in words as well as in colour.
            m_state->setText(
                tr("Warning: the EHR has sent nothing for %n minute(s), since %1 (more than the %2 "
                   "allowed). Check the interface engine and the listener.",
                   nullptr, int(minutes))
                    .arg(last)
                    .arg(limit));
            m_state->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        } else {
            m_state->setText(tr("The EHR's feed is talking: the last message arrived at %1.").arg(last));
            m_state->setStyleSheet(QString());
        }
    });
}

void FeedPage::updateButtons() {
    const QModelIndex message = m_refusedView->currentIndex();
    const bool haveMessage = message.isValid() && message.row() < m_refused->rowCount();
    m_retry->setEnabled(haveMessage);
    m_dismiss->setEnabled(haveMessage);
    const QModelIndex merge = m_mergesView->currentIndex();
    m_resolve->setEnabled(merge.isValid() && merge.row() < m_merges->rowCount());
    const QModelIndex review = m_reviewsView->currentIndex();
    m_reviewed->setEnabled(review.isValid() && review.row() < m_reviews->rowCount());
}

void FeedPage::retrySelected() {
    const QModelIndex current = m_refusedView->currentIndex();
    if (!current.isValid())
        return;
    const FeedMessageRow row = m_refused->row(current.row());
    m_retry->setEnabled(false);
    onReady(this, retryRefusedMessage(*m_session.runner, row.id), [this](const Result<hl7::Processed>& r) {
        if (!r)
            Prompts::warning(this, tr("Retry"), r.error().message);
        else if (r->code == hl7::AckCode::Accept)
            Prompts::information(this, tr("Retry"), tr("Applied: %1").arg(r->text));
        else
            Prompts::warning(this, tr("Retry"), tr("Refused again: %1").arg(r->text));
        m_session.runner->notifyChanged();
    });
}

void FeedPage::dismissSelected() {
    const QModelIndex current = m_refusedView->currentIndex();
    if (!current.isValid())
        return;
    const FeedMessageRow row = m_refused->row(current.row());
    if (!Prompts::confirm(
            this, tr("Dismiss a refused message"),
            tr("Take message %1 off the desk without applying it? The EHR will not send it again "
               "by itself.")
                .arg(row.controlId)))
        return;
    onReady(this, m_session.runner->run([id = row.id](const ServiceContext& ctx) -> Result<bool> {
        PD_TRY(PatientFeedService(ctx).dismiss(id));
        return true;
    }),
            [this](const Result<bool>& r) {
                if (!r)
                    Prompts::warning(this, tr("Dismiss"), r.error().message);
                m_session.runner->notifyChanged();
            });
}

void FeedPage::resolveSelectedMerge() {
    const QModelIndex current = m_mergesView->currentIndex();
    if (!current.isValid())
        return;
    const MergeRow row = m_merges->row(current.row());
    onReady(this, m_session.runner->run([id = row.id](const ServiceContext& ctx) {
        return PatientFeedService(ctx).resolveMerge(id);
    }),
            [this](const Result<FeedOutcome>& r) {
                if (!r)
                    Prompts::warning(this, tr("Carry out merge"), r.error().message);
                else
                    Prompts::information(this, tr("Carry out merge"),
                                         tr("MRN %1 was merged into MRN %2.").arg(r->priorMrn, r->mrn));
                m_session.runner->notifyChanged();
            });
}

void FeedPage::markSelectedReviewed() {
    const QModelIndex current = m_reviewsView->currentIndex();
    if (!current.isValid())
        return;
    const Patient p = m_reviews->row(current.row());
    const auto note = Prompts::text(this, tr("Mark reviewed"),
                                    tr("What did you find or do about MRN %1's access (%2)?")
                                        .arg(p.mrn, DisplayText::reviewReason(p.reviewReason)));
    if (!note)
        return;
    m_reviewed->setEnabled(false);
    onReady(this, markPatientReviewed(*m_session.runner, p, *note), [this](const Result<Patient>& r) {
        if (!r)
            Prompts::warning(this, tr("Mark reviewed"), r.error().message);
        m_session.runner->notifyChanged();
    });
}

} // namespace pd
