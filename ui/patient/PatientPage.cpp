#include "ui/patient/PatientPage.h"
#include "core/Log.h"
#include "ui/patient/VerifyBirthDateDialog.h"

#include "ui/requests/RequestDialogs.h"
#include "ui/restrictions/RestrictionBanner.h"
#include "ui/restrictions/RestrictionDialogs.h"
#include "ui/visibility/VisibilityDialog.h"

#include "models/PatientModels.h"
#include "services/AccountService.h"
#include "services/DisplayText.h"
#include "services/InvitationService.h"
#include "ui/actions/DeactivateDialog.h"
#include "ui/actions/EditLoginDialog.h"
#include "ui/actions/EditPatientDialog.h"
#include "ui/actions/EnrollDialog.h"
#include "ui/actions/ReissueDialog.h"
#include "ui/common/Prompts.h"

#include <QElapsedTimer>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {

QTableView* makeTable(QWidget* parent, const QString& objectName, const QString& accessible,
                      QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QPushButton* makeButton(QWidget* parent, const QString& objectName, const QString& text) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    return b;
}

QGroupBox* framed(QWidget* parent, const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title, parent);
    auto* l = new QVBoxLayout(box);
    l->setContentsMargins(4, 4, 4, 4);
    l->addWidget(content);
    return box;
}

} // namespace

PatientPage::PatientPage(const Session& session, const QString& mrn, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_mrn(mrn) {
    setObjectName(QStringLiteral("patientPage"));
    const QTimeZone zone = session.policy.zone;
    m_access = new AccessModel(zone, this);
    m_invitations = new PatientInvitationsModel(zone, this);
    m_timeline = new TimelineModel(zone, this);

    m_restrictions = new RestrictionBanner(this);
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("patientNameLabel"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("patientFactsLabel"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_transition = new QLabel(this);
    m_transition->setObjectName(QStringLiteral("transitionLabel"));
    m_transition->setWordWrap(true);
    m_contact = new QLabel(this);
    m_contact->setObjectName(QStringLiteral("contactLabel"));
    m_contact->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contact->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("patientErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_enroll = makeButton(this, QStringLiteral("enrollButton"), tr("&Enroll…"));
    m_editPatient = makeButton(this, QStringLiteral("editPatientButton"), tr("Correct rec&ord…"));
    m_editPatient->setToolTip(tr("Correct the patient's name, birth date or contact details"));
    m_sendNow = makeButton(this, QStringLiteral("sendNowButton"), tr("Send &now"));
    m_reissue = makeButton(this, QStringLiteral("reissueButton"), tr("&Reissue…"));
    m_resetPin = makeButton(this, QStringLiteral("resetPinButton"), tr("New &PIN…"));
    m_revoke = makeButton(this, QStringLiteral("revokeButton"), tr("Re&voke"));
    m_editLogin = makeButton(this, QStringLiteral("editLoginButton"), tr("Change e-&mail…"));
    m_deactivate = makeButton(this, QStringLiteral("deactivateButton"), tr("&Deactivate…"));
    m_explain = makeButton(this, QStringLiteral("explainVisibilityButton"), tr("What can they &see?"));
    m_reverseDeath = makeButton(this, QStringLiteral("reverseDeathButton"), tr("Take back deat&h…"));
    m_reverseDeath->setToolTip(
        tr("The selected login was closed for a death recorded in error: take the death "
           "back (the login stays deactivated until it is reopened with a new PIN)"));
    m_logRequest = makeButton(this, QStringLiteral("patientLogRequestButton"), tr("Log re&quest…"));
    m_restrict = makeButton(this, QStringLiteral("restrictButton"), tr("Restric&t access…"));
    m_restrict->setToolTip(
        tr("Record a court, custody or protective order that bars a person from this record"));
    m_verify = makeButton(this, QStringLiteral("verifyBirthDateButton"), tr("Verify &birth date…"));
    m_verify->setToolTip(tr("Check the birth date a caller gives, without seeing the one on record"));
    auto* refresh = makeButton(this, QStringLiteral("refreshButton"), tr("Re&load"));
    m_explain->setToolTip(
        tr("Every kind of portal information the selected login sees for this patient, and why"));
    m_logRequest->setToolTip(tr("Log a family's request about this patient (due in %n business day(s))",
                                nullptr, session.policy.requestDueBusinessDays));
    m_enroll->setToolTip(tr("Enter a signed enrollment form for this patient"));
    m_sendNow->setToolTip(tr("Send the selected login's queued invitation now"));
    m_reissue->setToolTip(tr("A new link and a new 30-day window; the old invitation stops working"));
    m_resetPin->setToolTip(tr("Reissue with a new PIN, after verifying the caller's identity"));
    m_revoke->setToolTip(tr("Withdraw the selected login's live invitation"));
    m_deactivate->setToolTip(tr("Stop the selected login at once (someone else got in, family request, …)"));

    // Support agents neither enroll, edit contact details, revoke nor deactivate (SPEC §6).
    const bool specialist = session.has(Role::Specialist);
    m_enroll->setVisible(specialist);
    m_editPatient->setVisible(specialist);
    m_restrict->setVisible(specialist);
    m_revoke->setVisible(specialist);
    m_editLogin->setVisible(specialist);
    m_deactivate->setVisible(specialist);
    // HIM staff see the birth date itself; support agents check a caller's against it.
    m_verify->setVisible(!specialist);
    m_reverseDeath->hide(); // shown to supervisors for a login closed by a death (updateActions)

    connect(m_enroll, &QPushButton::clicked, this, &PatientPage::enroll);
    connect(m_editPatient, &QPushButton::clicked, this, &PatientPage::editPatient);
    connect(m_restrict, &QPushButton::clicked, this, &PatientPage::restrict);
    connect(m_sendNow, &QPushButton::clicked, this, &PatientPage::sendNow);
    connect(m_reissue, &QPushButton::clicked, this, [this] { reissue(false); });
    connect(m_resetPin, &QPushButton::clicked, this, [this] { reissue(true); });
    connect(m_revoke, &QPushButton::clicked, this, &PatientPage::revoke);
    connect(m_editLogin, &QPushButton::clicked, this, &PatientPage::editLogin);
    connect(m_deactivate, &QPushButton::clicked, this, &PatientPage::deactivate);
    connect(m_reverseDeath, &QPushButton::clicked, this, &PatientPage::reverseDeath);
    connect(refresh, &QPushButton::clicked, this, &PatientPage::reload);
    connect(m_explain, &QPushButton::clicked, this, [this] {
        const auto user = selectedUser();
        auto* dialog = new VisibilityDialog(m_session, user ? user->username : QString(), m_mrn, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_verify, &QPushButton::clicked, this, [this] {
        VerifyBirthDateDialog dialog(m_session, m_mrn, m_story ? m_story->patient.fullName() : m_mrn, this);
        dialog.exec();
        if (dialog.checked())
            changed();
    });
    connect(m_logRequest, &QPushButton::clicked, this, [this] {
        const auto user = selectedUser();
        auto* dialog = new LogRequestDialog(m_session, m_mrn, user ? user->username : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, &PatientPage::changed);
        dialog->open();
    });

    // Two rows, so the page never pushes the search panel aside: the patient's, then the selected login's.
    auto* patientActions = new QHBoxLayout;
    patientActions->addWidget(m_enroll);
    patientActions->addWidget(m_editPatient);
    patientActions->addWidget(m_restrict);
    patientActions->addWidget(m_logRequest);
    patientActions->addWidget(m_verify);
    patientActions->addStretch(1);
    patientActions->addWidget(refresh);
    auto* loginActions = new QHBoxLayout;
    auto* selectedLabel = new QLabel(tr("Selected login:"), this);
    loginActions->addWidget(selectedLabel);
    for (QPushButton* b :
         {m_sendNow, m_reissue, m_resetPin, m_revoke, m_editLogin, m_deactivate, m_reverseDeath, m_explain})
        loginActions->addWidget(b);
    loginActions->addStretch(1);
    auto* actions = new QVBoxLayout;
    actions->addLayout(patientActions);
    actions->addLayout(loginActions);

    m_accessView = makeTable(this, QStringLiteral("accessView"), tr("Portal access"), m_access);
    m_invitationsView = makeTable(this, QStringLiteral("invitationsView"), tr("Invitations"), m_invitations);
    m_timelineView = makeTable(this, QStringLiteral("timelineView"), tr("Timeline"), m_timeline);
    m_timelineView->setWordWrap(true);
    connect(m_accessView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PatientPage::updateActions);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("patientSplitter"));
    splitter->addWidget(framed(this, tr("Portal access"), m_accessView));
    splitter->addWidget(framed(this, tr("Invitations"), m_invitationsView));
    splitter->addWidget(framed(this, tr("Timeline: what happened, and who did it"), m_timelineView));
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({150, 170, 400});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_restrictions);
    layout->addWidget(m_name);
    layout->addWidget(m_facts);
    layout->addWidget(m_transition);
    layout->addWidget(m_contact);
    layout->addWidget(m_error);
    layout->addLayout(actions);
    layout->addWidget(splitter, 1);

    // In reading order: the patient's row, the login's row, then the tables.
    setTabOrder(m_enroll, m_editPatient);
    setTabOrder(m_editPatient, m_restrict);
    setTabOrder(m_restrict, m_logRequest);
    setTabOrder(m_logRequest, refresh);
    setTabOrder(refresh, m_sendNow);
    setTabOrder(m_deactivate, m_explain);
    setTabOrder(m_explain, m_accessView);
    setTabOrder(m_accessView, m_invitationsView);
    setTabOrder(m_invitationsView, m_timelineView);

    connect(session.runner, &DbRunner::dataChanged, this, &PatientPage::reload);
    m_name->setText(tr("Patient %1").arg(mrn));
    updateActions();
    reload();
}

void PatientPage::reload() {
    if (m_loading) {
        // A change landed while the page was being read: read it again once this read is in.
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    const QString mrn = m_mrn;
    QElapsedTimer took;
    took.start();
    onReady(this,
            m_session.runner->run([mrn](const ServiceContext& ctx) { return PatientService(ctx).show(mrn); }),
            [this, took](const Result<PatientStory>& story) {
                m_loading = false;
                qCDebug(lcUi, "a patient's page read in %lld ms%s", took.elapsed(), story ? "" : " (failed)");
                if (std::exchange(m_reloadAgain, false)) {
                    reload();
                    return;
                }
                if (story)
                    show(story.value());
                else
                    showError(story.error());
            });
}

void PatientPage::selectLogin(const QString& username) {
    m_pendingSelection = username;
    if (m_story) {
        for (int r = 0; r < m_access->rowCount(); ++r) {
            if (m_access->row(r).user.username == username) {
                m_accessView->selectRow(r);
                m_pendingSelection.clear();
                break;
            }
        }
    }
}

void PatientPage::show(const PatientStory& story) {
    const std::optional<PortalUser> before = selectedUser();
    m_story = story;
    m_error->hide();
    const Patient& p = story.patient;
    m_name->setText(story.mergedFrom.isEmpty()
                        ? p.fullName()
                        : tr("%1 (MRN %2 was merged into this record)").arg(p.fullName(), story.mergedFrom));
    emit titleChanged(p.fullName());
    m_restrictions->setRestrictions(story.restrictions, story.today);
    if (story.age < 0) // a support agent: no birth date, and no age in years either
        m_facts->setText(
            tr("MRN %1 · birth date hidden (Verify birth date… checks one a caller gives) · %2 · "
               "preferred language %3")
                .arg(p.mrn, bracketDisplayName(story.bracket), p.language));
    else
        m_facts->setText(tr("MRN %1 · born %2 · age %3 · %4 · preferred language %5")
                             .arg(p.mrn, DisplayText::date(p.birthDate))
                             .arg(story.age)
                             .arg(bracketDisplayName(story.bracket), p.language));
    if (p.deceasedAt.isValid()) {
        m_transition->setText(
            tr("Deceased %1, as the EHR reports: every access to this record ended, the "
               "patient's own login is closed, and no e-mail goes to the family.")
                .arg(DisplayText::date(p.deceasedAt.toTimeZone(m_session.policy.zone).date())));
        m_transition->show();
    } else if (story.nextTransition) {
        const auto& t = *story.nextTransition;
        const QString what = t.age == AgeRules::AdolescentAge
                                 ? tr("access from the parent's child-age enrollment ends; the family "
                                      "re-enrolls with the 12–17 forms")
                                 : tr("every proxy's access ends; a proxy continues only through the "
                                      "patient's own consent");
        m_transition->setText(
            !t.date.isValid()
                ? tr("Next age rule: turns %1 (date hidden) — %2.").arg(t.age).arg(what)
                : tr("Next age rule: turns %1 on %2 — %3.").arg(t.age).arg(DisplayText::date(t.date), what));
        m_transition->show();
    } else {
        m_transition->hide();
    }
    m_contact->setText(
        tr("E-mail: %1 · Phone: %2")
            .arg(p.email.isEmpty() ? tr("none") : p.email, p.phone.isEmpty() ? tr("none") : p.phone));

    m_access->setStory(story);
    m_invitations->setStory(story);
    m_timeline->setStory(story);
    m_accessView->resizeColumnsToContents();
    m_invitationsView->resizeColumnsToContents();
    m_timelineView->resizeColumnToContents(TimelineModel::WhenColumn);
    m_timelineView->resizeColumnToContents(TimelineModel::WhoColumn);

    const QString keep = !m_pendingSelection.isEmpty() ? m_pendingSelection
                         : before                      ? before->username
                                                       : QString();
    if (!keep.isEmpty())
        selectLogin(keep);
    if (!m_accessView->selectionModel()->hasSelection() && m_access->rowCount() > 0)
        m_accessView->selectRow(0);
    updateActions();
    emit loaded();
}

void PatientPage::restrict() {
    AddRestrictionDialog dialog(m_session, m_mrn, this);
    if (dialog.exec() == QDialog::Accepted)
        changed();
}

void PatientPage::showError(const Error& error) {
    m_error->setText(error.message);
    m_error->show();
    updateActions();
    emit loaded();
}

std::optional<PortalUser> PatientPage::selectedUser() const {
    const QModelIndexList rows = m_accessView->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_access->rowCount())
        return std::nullopt;
    return m_access->row(rows.first().row()).user;
}

std::optional<Invitation> PatientPage::liveInvitation(qint64 userId) const {
    if (m_story) {
        for (const Invitation& i : m_story->invitations) {
            if (i.portalUserId == userId && i.isLive())
                return i;
        }
    }
    return std::nullopt;
}

void PatientPage::updateActions() {
    const auto user = selectedUser();
    const auto live = user ? liveInvitation(user->id) : std::nullopt;
    const bool usable = user && user->status != QLatin1String("terminated");
    m_enroll->setEnabled(m_story.has_value());
    m_editPatient->setEnabled(m_story.has_value());
    m_sendNow->setEnabled(live && live->status == QLatin1String("queued"));
    m_reissue->setEnabled(usable && user->status == QLatin1String("pending"));
    // A login closed because its holder died is never reopened (a supervisor takes back a death recorded
    // in error first); one closed after a suspected compromise is reopened by a supervisor.
    const bool deathIsFinal = user && closedByDeath(*user);
    const bool reopensHere =
        !user || user->status != QLatin1String("deactivated") || m_session.has(reopensWith(*user));
    m_resetPin->setEnabled(usable && user->status != QLatin1String("active") && !deathIsFinal && reopensHere);
    m_resetPin->setToolTip(
        deathIsFinal   ? tr("This login was closed because its holder died; it is never reopened")
        : !reopensHere ? tr("After a suspected compromise, an HIM supervisor reopens this login")
                       : tr("Reissue with a new PIN, after verifying the caller's identity"));
    m_revoke->setEnabled(live.has_value());
    m_editLogin->setEnabled(usable && user->status != QLatin1String("deactivated"));
    m_deactivate->setEnabled(usable && user->status != QLatin1String("deactivated"));
    m_explain->setEnabled(user.has_value());
    // Only where it applies, so that the row of buttons keeps its width.
    m_reverseDeath->setEnabled(deathIsFinal);
    m_reverseDeath->setVisible(deathIsFinal && m_session.has(Role::Supervisor));
    m_logRequest->setEnabled(m_story.has_value());
}

void PatientPage::changed() {
    m_session.runner->notifyChanged();
}

void PatientPage::refused(const Error& error, const QString& title) {
    if (error.kind == ErrorKind::Conflict || error.rule == QLatin1String("record.gone")) {
        Prompts::warning(this, title,
                         tr("Someone else changed this record while you had it open, so nothing was "
                            "changed.\n\n%1\n\nThe page now shows the record as it is.")
                             .arg(error.message));
        changed();
        return;
    }
    Prompts::warning(this, title, error.message);
}

void PatientPage::enroll() {
    if (!m_story)
        return;
    EnrollDialog dialog(m_session, *m_story, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_pendingSelection = dialog.enrolledUsername();
        changed();
    } else if (dialog.conflict()) {
        refused(*dialog.conflict(), dialog.windowTitle());
    }
}

void PatientPage::reverseDeath() {
    const auto user = selectedUser();
    if (!user)
        return;
    const QString title = tr("Take back a death recorded in error");
    const auto note =
        Prompts::text(this, title,
                      tr("%1 was closed because its holder died. Say how the death was found to be "
                         "an error (it is recorded):")
                          .arg(user->fullName()));
    if (!note)
        return;
    const QString key = user->username;
    const QString text = *note;
    onReady(this, m_session.runner->run([key, text](const ServiceContext& ctx) {
        return AccountService(ctx).reverseDeath(key, text);
    }),
            [this, title](const Result<PortalUser>& r) {
                if (!r)
                    refused(r.error(), title);
                changed();
            });
}

void PatientPage::sendNow() {
    const auto user = selectedUser();
    if (!user)
        return;
    const QString title = tr("Send invitation now");
    if (!Prompts::confirm(this, title,
                          tr("Send %1's invitation to %2 now? The link works for %n day(s) from sending.",
                             nullptr, m_session.policy.invitationExpiryDays)
                              .arg(user->fullName(), user->email)))
        return;
    const QString key = user->username;
    onReady(this, m_session.runner->run([key](const ServiceContext& ctx) {
        return InvitationService(ctx).sendNow(key);
    }),
            [this, title](const Result<SentInvitation>& r) {
                if (!r)
                    refused(r.error(), title);
                changed();
            });
}

void PatientPage::reissue(bool newPin) {
    const auto user = selectedUser();
    if (!user || !m_story)
        return;
    ReissueDialog dialog(m_session, *user, liveInvitation(user->id), m_story->patient.birthDate, newPin,
                         this);
    if (dialog.exec() == QDialog::Accepted)
        changed();
    else if (dialog.conflict())
        refused(*dialog.conflict(), dialog.windowTitle());
}

void PatientPage::revoke() {
    const auto user = selectedUser();
    if (!user)
        return;
    const QString title = tr("Revoke invitation");
    if (!Prompts::confirm(this, title,
                          tr("Revoke %1's live invitation? Its link stops working at once; a new one takes a "
                             "reissue.")
                              .arg(user->fullName())))
        return;
    const QString key = user->username;
    onReady(this, m_session.runner->run([key](const ServiceContext& ctx) {
        return InvitationService(ctx).revoke(key);
    }),
            [this, title](const Result<Invitation>& r) {
                if (!r)
                    refused(r.error(), title);
                changed();
            });
}

void PatientPage::deactivate() {
    const auto user = selectedUser();
    if (!user)
        return;
    DeactivateDialog dialog(m_session, *user, liveInvitation(user->id).has_value(), this);
    if (dialog.exec() == QDialog::Accepted)
        changed();
    else if (dialog.conflict())
        refused(*dialog.conflict(), dialog.windowTitle());
}

void PatientPage::editPatient() {
    if (!m_story)
        return;
    EditPatientDialog dialog(m_session, *m_story, this);
    if (dialog.exec() == QDialog::Accepted) {
        if (dialog.correction() && dialog.correction()->needsReview)
            Prompts::information(this, dialog.windowTitle(),
                                 tr("The patient is younger now. Access that ended at 12 or 18 under the old "
                                    "birth date was not reopened; the patient is listed for review in the "
                                    "timeline."));
        changed();
    } else if (dialog.conflict()) {
        refused(*dialog.conflict(), dialog.windowTitle());
    }
}

void PatientPage::editLogin() {
    const auto user = selectedUser();
    if (!user)
        return;
    EditLoginDialog dialog(m_session, *user, this);
    if (dialog.exec() == QDialog::Accepted)
        changed();
    else if (dialog.conflict())
        refused(*dialog.conflict(), dialog.windowTitle());
}

} // namespace pd
