#include "ui/actions/ReissueDialog.h"
#include "ui/common/PinEdit.h"

#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/DisplayText.h"
#include "services/InvitationService.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pd {

QStringList verificationMethods() {
    return {QCoreApplication::translate("ReissueDialog", "Date of birth and MRN, by phone"),
            QCoreApplication::translate("ReissueDialog", "Photo ID, in person"),
            QCoreApplication::translate("ReissueDialog", "Call-back to the number on file"),
            QCoreApplication::translate("ReissueDialog", "Other (describe)")};
}

ReissueDialog::ReissueDialog(const Session& session, const PortalUser& user,
                             const std::optional<Invitation>& live, const QDate& patientBirthDate,
                             bool newPin, QWidget* parent)
    : ActionDialog(session,
                   newPin ? tr("New PIN — %1").arg(user.fullName()) : tr("Reissue — %1").arg(user.fullName()),
                   tr("&Reissue"), parent)
    , m_user(user)
    , m_live(live)
    , m_birthDate(patientBirthDate) {
    setObjectName(QStringLiteral("reissueDialog"));
    m_keep = new QRadioButton(tr("&Keep the PIN on file"), this);
    m_keep->setObjectName(QStringLiteral("keepPinRadio"));
    m_replace = new QRadioButton(tr("Set a &new PIN the caller chooses"), this);
    m_replace->setObjectName(QStringLiteral("newPinRadio"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_keep);
    group->addButton(m_replace);
    (newPin ? m_replace : m_keep)->setChecked(true);
    auto* modes = new QVBoxLayout;
    modes->addWidget(m_keep);
    modes->addWidget(m_replace);

    m_verifiedBy = new QComboBox(this);
    m_verifiedBy->setObjectName(QStringLiteral("verifiedByComboBox"));
    m_verifiedBy->setAccessibleName(tr("How the caller's identity was verified"));
    m_verifiedBy->addItem(tr("— choose —"));
    m_verifiedBy->addItems(verificationMethods());
    m_verifiedOther = new QLineEdit(this);
    m_verifiedOther->setObjectName(QStringLiteral("verifiedOtherLineEdit"));
    m_verifiedOther->setAccessibleName(tr("Other verification, described"));
    m_verifiedOther->setMaxLength(200);

    form()->addRow(tr("Login:"), new QLabel(QStringLiteral("%1 <%2>").arg(user.username, user.email), this));
    form()->addRow(tr("PIN:"), modes);
    form()->addRow(tr("&Identity verified by:"), m_verifiedBy);
    form()->addRow(tr("&Described:"), m_verifiedOther);
    m_pin = addPinFields(form(), this);

    if (reopening()) {
        // Coming back takes a new PIN, and only the access the staff member confirms comes back.
        m_replace->setChecked(true);
        m_keep->setEnabled(false);
        auto* grants = new QWidget(this);
        m_grantsLayout = new QVBoxLayout(grants);
        m_grantsLayout->setContentsMargins(0, 0, 0, 0);
        m_grantsNote = new QLabel(tr("Reading the access that could come back…"), grants);
        m_grantsNote->setObjectName(QStringLiteral("reopenGrantsNote"));
        m_grantsNote->setWordWrap(true);
        m_grantsLayout->addWidget(m_grantsNote);
        form()->addRow(tr("Access that comes back:"), grants);
        const QString key = user.username;
        onReady(this, m_session.runner->run([key](const ServiceContext& ctx) {
            return InvitationService(ctx).reopening(key);
        }),
                [this](const Result<QList<ReopenGrant>>& r) { showReopening(r); });
    }

    connect(m_keep, &QRadioButton::toggled, this, &ReissueDialog::modeChanged);
    connect(m_verifiedBy, &QComboBox::currentIndexChanged, this, &ReissueDialog::modeChanged);
    for (QLineEdit* e : std::initializer_list<QLineEdit*>{m_verifiedOther, m_pin.pin, m_pin.again})
        connect(e, &QLineEdit::textChanged, this, &ReissueDialog::revalidate);
    modeChanged();
}

ReissueDialog::~ReissueDialog() {
    wipePinFields(m_pin);
}

bool ReissueDialog::newPin() const {
    return m_replace->isChecked();
}

bool ReissueDialog::reopening() const {
    return m_user.status == QLatin1String("deactivated");
}

void ReissueDialog::showReopening(const Result<QList<ReopenGrant>>& grants) {
    m_grantsLoaded = true;
    if (!grants) {
        m_grantsError = grants.error().message;
        m_grantsNote->setText(m_grantsError);
        revalidate();
        return;
    }
    m_grantsNote->setText(grants->isEmpty()
                              ? tr("This login holds no access; it reopens with none.")
                              : tr("Tick each patient whose access comes back; the rest ends now."));
    for (const ReopenGrant& g : grants.value()) {
        const QString what = tr("MRN %1 — %2 (%3 access, %4)")
                                 .arg(g.patientMrn, g.patientName, DisplayText::level(g.grant.level),
                                      DisplayText::relationship(g.grant.relationship));
        if (!g.mayComeBack) {
            auto* gone = new QLabel(tr("%1: does not come back: %2").arg(what, g.why), this);
            gone->setWordWrap(true);
            gone->setEnabled(false);
            m_grantsLayout->addWidget(gone);
            continue;
        }
        auto* box = new QCheckBox(what, this);
        box->setObjectName(QStringLiteral("restoreGrant%1").arg(g.grant.id));
        m_grantsLayout->addWidget(box);
        m_grantBoxes.append({box, g.grant.id});
        connect(box, &QCheckBox::toggled, this, &ReissueDialog::revalidate);
    }
    revalidate();
    // The list arrived after the dialog took its size: room for each whole line.
    resize(size().expandedTo(sizeHint()));
}

void ReissueDialog::modeChanged() {
    const bool replace = newPin();
    m_verifiedBy->setEnabled(replace);
    m_verifiedOther->setEnabled(replace && m_verifiedBy->currentIndex() == m_verifiedBy->count() - 1);
    m_pin.pin->setEnabled(replace);
    m_pin.again->setEnabled(replace);
    revalidate();
}

QString ReissueDialog::problem() const {
    if (reopening() && !m_grantsLoaded)
        return tr("Reading the access that could come back…");
    if (!m_grantsError.isEmpty())
        return m_grantsError;
    if (!newPin())
        return {};
    if (m_verifiedBy->currentIndex() <= 0)
        return tr("Say how the caller's identity was verified before setting a new PIN.");
    if (m_verifiedOther->isEnabled()) {
        if (auto n = Validation::note(m_verifiedOther->text(), tr("Verification")); !n)
            return n.error().message;
        if (m_verifiedOther->text().trimmed().isEmpty())
            return tr("Describe how the caller's identity was verified.");
    }
    return pinProblem(m_pin, m_birthDate);
}

QString ReissueDialog::summary() const {
    const QString old = m_live ? tr("The current invitation (%1) is revoked and its link stops working. ")
                                     .arg(DisplayText::invitationStatus(m_live->status))
                               : QString();
    const QString pin = newPin()
                            ? tr("The new PIN replaces the old one; how identity was verified is recorded.")
                            : tr("The PIN on file stays the same.");
    QString reopened;
    if (reopening()) {
        QStringList back;
        for (const auto& [box, id] : m_grantBoxes) {
            if (box->isChecked())
                back << box->text();
        }
        reopened = back.isEmpty() ? tr("The login reopens with no access; any it still holds ends now. ")
                                  : tr("The login reopens with access to: %1; any other it holds ends now. ")
                                        .arg(back.join(QStringLiteral("; ")));
    }
    return old + reopened +
           tr("A new invitation goes to %1, the address on file, with a new link that works for %n day(s) "
              "from "
              "sending. ",
              nullptr, m_session.policy.invitationExpiryDays)
               .arg(m_user.email) +
           pin;
}

void ReissueDialog::perform() {
    ReissueRequest request;
    request.user = m_user.username;
    request.newPin = newPin();
    if (request.newPin)
        request.verifiedBy =
            m_verifiedOther->isEnabled() ? m_verifiedOther->text().trimmed() : m_verifiedBy->currentText();
    if (reopening()) {
        QList<qint64> restore;
        for (const auto& [box, id] : m_grantBoxes) {
            if (box->isChecked())
                restore.append(id);
        }
        request.restoreGrants = restore;
    }
    const auto pin = Secrets::sharedSecret(request.newPin ? m_pin.pin->pin() : QString());
    await(m_session.runner->run(
        [request, pin](const ServiceContext& ctx) { return InvitationService(ctx).reissue(request, *pin); }));
}

} // namespace pd
