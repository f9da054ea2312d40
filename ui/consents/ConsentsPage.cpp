#include "ui/consents/ConsentsPage.h"
#include "ui/common/DocumentFile.h"

#include "core/AgeRules.h"
#include "models/ConsentModels.h"
#include "services/DisplayText.h"
#include "ui/common/ListView.h"
#include "ui/common/Prompts.h"
#include "ui/consents/SubmitConsentDialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

QLabel* valueLabel(QWidget* parent, const char* name) {
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString checkLine(const ConsentCheck& c) {
    // Mark and colour, and the words: the mark alone never carries the meaning.
    QString mark;
    QString colour;
    switch (c.state) {
    case ConsentCheck::State::Pass:
        mark = QStringLiteral("✔");
        colour = QStringLiteral("#1b5e20");
        break;
    case ConsentCheck::State::Fail:
        mark = QStringLiteral("✘");
        colour = QStringLiteral("#b00020");
        break;
    case ConsentCheck::State::Info:
        mark = QStringLiteral("ℹ");
        colour = QStringLiteral("#0d47a1");
        break;
    }
    return QStringLiteral("<tr><td style=\"color:%1;padding-right:6px;\">%2</td><td>%3</td></tr>")
        .arg(colour, mark, c.message.toHtmlEscaped());
}

} // namespace

ConsentsPage::ConsentsPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("consentsPage"));
    m_model = new ConsentListModel(*session.runner, session.policy.zone, this);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("consentFilterComboBox"));
    m_filter->setAccessibleName(tr("Which consents"));
    m_filter->addItem(tr("Waiting for review"), QStringLiteral("submitted"));
    m_filter->addItem(tr("Approved"), QStringLiteral("approved"));
    m_filter->addItem(tr("Rejected"), QStringLiteral("rejected"));
    m_filter->addItem(tr("Revoked"), QStringLiteral("revoked"));
    m_filter->addItem(tr("All"), QString());
    m_filter->addItem(tr("Access ending within 30 days"), QStringLiteral("ending:30"));
    m_filter->addItem(tr("Access ending within 60 days"), QStringLiteral("ending:60"));
    m_filter->addItem(tr("Access ending within 90 days"), QStringLiteral("ending:90"));
    m_filter->addItem(tr("Enrollments to review"), QStringLiteral("enrollments"));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const QString which = m_filter->currentData().toString();
        const bool enrollments = which == QLatin1String("enrollments");
        m_pages->setCurrentIndex(enrollments ? 1 : 0);
        if (enrollments)
            loadEnrollments();
        else
            m_model->show(which);
    });
    auto* file = new QPushButton(tr("&File a consent…"), this);
    file->setObjectName(QStringLiteral("fileConsentButton"));
    connect(file, &QPushButton::clicked, this, [this] { fileConsent(); });
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("consentCountLabel"));

    m_view = makeListView(this, QStringLiteral("consentsView"), tr("Consents"), m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    review(m_model->row(current.row()).consent.id);
            });
    connect(m_model, &PagedModelBase::loaded, this, [this] {
        const qint64 total = m_model->total().value_or(m_model->rowCount());
        if (total > m_model->rowCount())
            m_count->setText(
                tr("%1 of %L2 consents shown; scroll down for more.").arg(m_model->rowCount()).arg(total));
        else
            m_count->setText(tr("%n consent(s)", nullptr, m_model->rowCount()));
        m_view->resizeColumnsToContents();
    });
    connect(m_model, &PagedModelBase::failed, this,
            [this](const QString& message) { m_count->setText(message); });

    // The review, side by side.
    m_panel = new QWidget(this);
    m_title = new QLabel(m_panel);
    m_title->setObjectName(QStringLiteral("consentTitleLabel"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_patient = valueLabel(m_panel, "consentPatientLabel");
    m_proxy = valueLabel(m_panel, "consentProxyLabel");
    m_terms = valueLabel(m_panel, "consentTermsLabel");
    m_signed = valueLabel(m_panel, "consentSignedLabel");
    auto* people = new QFormLayout;
    people->addRow(tr("Patient:"), m_patient);
    people->addRow(tr("Proxy:"), m_proxy);
    people->addRow(tr("Terms:"), m_terms);
    people->addRow(tr("Signed:"), m_signed);

    auto* formBox = new QGroupBox(tr("Scanned form"), m_panel);
    m_preview = new QLabel(formBox);
    m_preview->setObjectName(QStringLiteral("consentPreviewLabel"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumHeight(120);
    m_formFacts = valueLabel(formBox, "consentFormLabel");
    m_openForm = new QPushButton(tr("&Open the form"), formBox);
    m_openForm->setObjectName(QStringLiteral("openFormButton"));
    m_openForm->setToolTip(tr("Opens the scanned form in this computer's viewer"));
    connect(m_openForm, &QPushButton::clicked, this, [this] { openForm(); });
    auto* formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_preview);
    formLayout->addWidget(m_formFacts);
    formLayout->addWidget(m_openForm, 0, Qt::AlignLeft);

    auto* checksBox = new QGroupBox(tr("Automatic checks"), m_panel);
    m_checks = valueLabel(checksBox, "consentChecksLabel");
    m_checks->setTextFormat(Qt::RichText);
    m_checks->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* checksLayout = new QVBoxLayout(checksBox);
    checksLayout->addWidget(m_checks);
    checksLayout->addStretch(1);

    auto* decisionBox = new QGroupBox(tr("Decision"), m_panel);
    m_decision = valueLabel(decisionBox, "consentDecisionLabel");
    m_override = new QLineEdit(decisionBox);
    m_override->setObjectName(QStringLiteral("overrideLineEdit"));
    m_override->setAccessibleName(tr("Supervisor's override reason"));
    m_override->setPlaceholderText(tr("a supervisor's written reason, to approve despite a shared address"));
    m_override->setMaxLength(1000);
    m_reason = new QLineEdit(decisionBox);
    m_reason->setObjectName(QStringLiteral("rejectReasonLineEdit"));
    m_reason->setAccessibleName(tr("Reason for rejecting"));
    m_reason->setPlaceholderText(tr("why it is rejected (kept with the consent)"));
    m_reason->setMaxLength(1000);
    m_approve = new QPushButton(tr("&Approve"), decisionBox);
    m_approve->setObjectName(QStringLiteral("approveConsentButton"));
    m_reject = new QPushButton(tr("&Reject"), decisionBox);
    m_reject->setObjectName(QStringLiteral("rejectConsentButton"));
    m_revoke = new QPushButton(tr("Re&voke"), decisionBox);
    m_revoke->setObjectName(QStringLiteral("revokeConsentButton"));
    m_revoke->setToolTip(tr("The patient withdrew the consent: the proxy's access ends now"));
    connect(m_approve, &QPushButton::clicked, this, &ConsentsPage::approve);
    connect(m_reject, &QPushButton::clicked, this, &ConsentsPage::reject);
    connect(m_revoke, &QPushButton::clicked, this, &ConsentsPage::revoke);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto* decisionForm = new QFormLayout;
    decisionForm->addRow(tr("&Override:"), m_override);
    decisionForm->addRow(tr("Re&ason:"), m_reason);
    auto* decisionLayout = new QVBoxLayout(decisionBox);
    decisionLayout->addWidget(m_decision);
    decisionLayout->addLayout(decisionForm);
    decisionLayout->addLayout(buttons);

    m_message = new QLabel(m_panel);
    m_message->setObjectName(QStringLiteral("consentMessageLabel"));
    m_message->setWordWrap(true);

    auto* panelLayout = new QVBoxLayout(m_panel);
    panelLayout->addWidget(m_title);
    panelLayout->addLayout(people);
    auto* sideBySide = new QHBoxLayout;
    sideBySide->addWidget(formBox, 2);
    sideBySide->addWidget(checksBox, 3);
    panelLayout->addLayout(sideBySide);
    panelLayout->addWidget(decisionBox);
    panelLayout->addWidget(m_message);
    panelLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("consentReviewArea"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_panel);

    auto* top = new QHBoxLayout;
    auto* showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_filter);
    top->addWidget(showLabel);
    top->addWidget(m_filter);
    top->addWidget(m_count, 1);
    top->addWidget(file);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 3);

    // Enrollments reviewed on the same desk: supervisors' overrides and teens' missing forms.
    m_enrollments = new QTableWidget(0, 7, this);
    m_enrollments->setObjectName(QStringLiteral("enrollmentReviewTable"));
    m_enrollments->setAccessibleName(tr("Enrollments to review"));
    m_enrollments->setHorizontalHeaderLabels({tr("Why"), tr("Patient"), tr("Born"), tr("Login"), tr("Form"),
                                              tr("Override reason"), tr("Entered")});
    m_enrollments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_enrollments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_enrollments->verticalHeader()->hide();
    m_enrollments->horizontalHeader()->setStretchLastSection(true);
    connect(m_enrollments, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (const QTableWidgetItem* item = m_enrollments->item(row, 1))
            emit patientRequested(item->data(Qt::UserRole).toString());
    });
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(splitter);
    m_pages->addWidget(m_enrollments);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);

    connect(session.runner, &DbRunner::dataChanged, this, &ConsentsPage::reload);
    clearReview(tr("Choose a consent to review it."));
    m_model->show(QStringLiteral("submitted"));
}

ConsentsPage::~ConsentsPage() = default;

void ConsentsPage::loadEnrollments() {
    onReady(this, m_session.runner->run([](const ServiceContext& ctx) {
        return ConsentService(ctx).enrollmentReviews();
    }),
            [this](const Result<QList<EnrollmentReviewRow>>& rows) {
                if (!rows) {
                    m_count->setText(rows.error().message);
                    return;
                }
                m_enrollments->setRowCount(int(rows->size()));
                for (int r = 0; r < rows->size(); ++r) {
                    const EnrollmentReviewRow& e = rows->at(r);
                    const QString why = e.reason == QLatin1String("override")
                                            ? tr("Supervisor's override")
                                            : tr("Aged 12–17: the patient's own form is missing");
                    auto* patient =
                        new QTableWidgetItem(e.patientName + QStringLiteral(" (") + e.mrn + QLatin1Char(')'));
                    patient->setData(Qt::UserRole, e.mrn);
                    const QStringList cells = {why,
                                               QString(),
                                               DisplayText::date(e.birthDate),
                                               e.username + QStringLiteral(" — ") + e.holderName,
                                               DisplayText::form(e.form) + QStringLiteral(", ") +
                                                   DisplayText::date(e.signedOn),
                                               e.overrideReason,
                                               DisplayText::localTime(e.createdAt, m_session.policy.zone) +
                                                   QStringLiteral(" ") + e.createdBy};
                    for (int c = 0; c < cells.size(); ++c)
                        m_enrollments->setItem(r, c, c == 1 ? patient : new QTableWidgetItem(cells.at(c)));
                }
                m_enrollments->resizeColumnsToContents();
                m_count->setText(tr("%n enrollment(s) to review", nullptr, int(rows->size())));
            });
}

void ConsentsPage::showStatus(const QString& status) {
    const int i = m_filter->findData(status);
    if (i >= 0 && i != m_filter->currentIndex())
        m_filter->setCurrentIndex(i);
    else
        m_model->show(status);
}

void ConsentsPage::reload() {
    if (m_pages->currentIndex() == 1) {
        loadEnrollments();
        return;
    }
    m_model->reload();
    if (m_review)
        review(m_review->consent.id);
}

void ConsentsPage::fileConsent(const QString& mrn) {
    auto* dialog = new SubmitConsentDialog(m_session, mrn, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const qint64 id = dialog->consentId();
        m_session.runner->notifyChanged();
        showStatus(QStringLiteral("submitted"));
        review(id);
    });
    dialog->open();
}

void ConsentsPage::clearReview(const QString& message) {
    m_review.reset();
    for (QLabel* l : {m_patient, m_proxy, m_terms, m_signed, m_formFacts, m_checks, m_decision})
        l->clear();
    m_preview->clear();
    m_title->setText(message);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_openForm, m_override, m_reason, m_approve, m_reject, m_revoke})
        w->setEnabled(false);
}

void ConsentsPage::review(qint64 id) {
    onReady(this,
            m_session.runner->run([id](const ServiceContext& ctx) { return ConsentService(ctx).review(id); }),
            [this](const Result<ConsentReview>& r) {
                if (!r) {
                    clearReview();
                    m_message->setText(r.error().message);
                    return;
                }
                showReview(r.value());
            });
}

void ConsentsPage::showReview(const ConsentReview& r) {
    m_review = r;
    const Consent& c = r.consent;
    const Patient& p = r.patient;
    m_title->setText(tr("Consent %1 — %2").arg(c.id).arg(DisplayText::consentStatus(c.status)));
    const int age = AgeRules::ageOn(p.birthDate, m_session.today(), m_session.policy.leapDayRule);
    m_patient->setText(tr("%1, MRN %2, born %3 (%n year(s) old)", nullptr, age)
                           .arg(p.fullName(), p.mrn, DisplayText::date(p.birthDate)));
    m_proxy->setText(tr("%1 <%2>").arg(c.proxyName(), c.proxyEmail) +
                     (r.proxyLogin
                          ? QStringLiteral(" — ") + tr("login %1 (%2)")
                                                        .arg(r.proxyLogin->username,
                                                             DisplayText::userStatus(r.proxyLogin->status))
                          : QString()));
    m_terms->setText(
        tr("%1; %2 access; %3")
            .arg(DisplayText::relationship(c.relationship), DisplayText::level(c.scope),
                 c.kind == QLatin1String("guardian") ? tr("legal guardian's court papers")
                                                     : tr("named by the patient")) +
        (c.status != QLatin1String("approved") ? QString()
         : c.endsOn.isValid()
             ? QStringLiteral("; ") +
                   tr("access ends on %1 unless the patient renews it").arg(DisplayText::date(c.endsOn))
             : QStringLiteral("; ") + tr("access does not expire")));
    m_signed->setText(tr("%1 by %2; filed %3 by %4")
                          .arg(DisplayText::date(c.signedOn),
                               c.signedBy.isEmpty() ? tr("(name not recorded)") : c.signedBy,
                               DisplayText::localTime(c.createdAt, m_session.policy.zone), c.createdBy));

    const Document& d = r.document;
    m_formFacts->setText(
        tr("%1 — %2, %3 KB\nSHA-256 %4").arg(d.name, d.mediaType).arg((d.size + 1023) / 1024).arg(d.sha256));
    QPixmap image;
    if (d.mediaType.startsWith(QLatin1String("image/")) && image.loadFromData(d.content)) {
        m_preview->setPixmap(image.scaled(320, 400, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    } else {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(d.mediaType == QLatin1String("application/pdf")
                               ? tr("A PDF form: open it to read it.")
                               : tr("This form can't be shown here: open it."));
    }
    m_openForm->setEnabled(!d.content.isEmpty());

    QString html = QStringLiteral("<table>");
    for (const ConsentCheck& k : r.checks)
        html += checkLine(k);
    html += QStringLiteral("</table>");
    m_checks->setText(html);

    const bool open = c.status == QLatin1String("submitted");
    const bool mayDecide = m_session.role >= Role::Specialist;
    const bool supervisor = m_session.role >= Role::Supervisor;
    QString decision;
    if (c.status == QLatin1String("approved"))
        decision = tr("Approved %1 by %2.")
                       .arg(DisplayText::localTime(c.decidedAt, m_session.policy.zone), c.decidedBy);
    else if (c.status == QLatin1String("rejected"))
        decision =
            tr("Rejected %1 by %2: %3")
                .arg(DisplayText::localTime(c.decidedAt, m_session.policy.zone), c.decidedBy, c.rejectReason);
    else if (c.status == QLatin1String("revoked"))
        decision = tr("Revoked %1 by %2; the proxy's access ended then.")
                       .arg(DisplayText::localTime(c.revokedAt, m_session.policy.zone), c.revokedBy);
    else if (r.approvable && !r.needsSupervisor)
        decision = tr("Every check passes. Approving gives the proxy access and queues their invitation.");
    else if (r.approvable)
        decision = tr("Every check passes; a supervisor approves a guardian's court papers.");
    else if (r.needsOverride)
        decision = tr("Only a supervisor's override with a written reason allows this; otherwise reject it.");
    else
        decision = tr("A check fails: reject it with the reason, or ask the patient for a corrected form.");
    m_decision->setText(decision);
    m_override->setVisible(open && r.needsOverride);
    m_override->setEnabled(open && r.needsOverride && supervisor);
    m_reason->setEnabled(open && mayDecide);
    m_approve->setEnabled(open && mayDecide && (r.approvable || r.needsOverride) &&
                          (!r.needsSupervisor || supervisor));
    m_reject->setEnabled(open && mayDecide);
    m_revoke->setEnabled(c.status == QLatin1String("approved") && mayDecide);
}

QString ConsentsPage::openForm() {
    if (!m_review || m_review->document.content.isEmpty())
        return {};
    QString error;
    const QString path = openDocumentFile(m_forms, m_review->document,
                                          QStringLiteral("consent-%1").arg(m_review->consent.id), &error);
    if (path.isEmpty())
        m_message->setText(tr("The form could not be written out for viewing: %1").arg(error));
    return path;
}

void ConsentsPage::setBusy(bool busy) {
    m_busy = busy;
    if (busy) {
        for (QPushButton* b : {m_approve, m_reject, m_revoke})
            b->setEnabled(false);
    }
}

void ConsentsPage::decided(const Result<ConsentDecision>& result, const QString& done) {
    setBusy(false);
    if (!result) {
        m_message->setText(result.error().message);
        if (m_review)
            review(m_review->consent.id);
        return;
    }
    QString text = done;
    if (!result->note.isEmpty())
        text += QLatin1Char(' ') + result->note;
    m_message->setText(text);
    m_override->clear();
    m_reason->clear();
    m_session.runner->notifyChanged();
}

void ConsentsPage::approve() {
    if (!m_review || m_busy)
        return;
    const qint64 id = m_review->consent.id;
    const int version = m_review->consent.rowVersion;
    const QString override = m_override->text();
    setBusy(true);
    onReady(this, m_session.runner->run([id, version, override](const ServiceContext& ctx) {
        return ConsentService(ctx).approve(id, version, override);
    }),
            [this](const Result<ConsentDecision>& r) {
                decided(r, !r ? QString()
                           : r->invitationId == 0
                               ? tr("Approved: %1 now has %2 access.")
                                     .arg(r->proxy.username, DisplayText::level(r->consent.scope))
                               : tr("Approved: %1 gets %2 access once they activate the invitation "
                                    "queued for them.")
                                     .arg(r->proxy.username, DisplayText::level(r->consent.scope)));
            });
}

void ConsentsPage::reject() {
    if (!m_review || m_busy)
        return;
    if (m_reason->text().trimmed().isEmpty()) {
        m_message->setText(tr("Say why it is rejected; the reason is kept with the consent."));
        m_reason->setFocus();
        return;
    }
    const qint64 id = m_review->consent.id;
    const int version = m_review->consent.rowVersion;
    const QString reason = m_reason->text();
    setBusy(true);
    onReady(this, m_session.runner->run([id, version, reason](const ServiceContext& ctx) {
        return ConsentService(ctx).reject(id, reason, version);
    }),
            [this](const Result<ConsentDecision>& r) {
                decided(r, r && r->noticeOutboxId != 0 ? tr("Rejected; a notice to the patient is queued.")
                                                       : tr("Rejected."));
            });
}

void ConsentsPage::revoke() {
    if (!m_review || m_busy)
        return;
    if (!Prompts::confirm(this, tr("Revoke consent"),
                          tr("End %1's access to %2's record now?")
                              .arg(m_review->consent.proxyName(), m_review->patient.fullName())))
        return;
    const qint64 id = m_review->consent.id;
    const int version = m_review->consent.rowVersion;
    setBusy(true);
    onReady(this, m_session.runner->run([id, version](const ServiceContext& ctx) {
        return ConsentService(ctx).revoke(id, version);
    }),
            [this](const Result<ConsentDecision>& r) {
                decided(r, tr("Revoked: the proxy's access ended now."));
            });
}

} // namespace pd
