// Reissues a login's invitation: a new link and window, the old one revoked; the PIN kept, or replaced
// by one the caller chooses once staff have verified who is calling.
#pragma once

#include "ui/actions/ActionDialog.h"

#include "services/InvitationService.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QVBoxLayout;

namespace pd {

class ReissueDialog final : public ActionDialog {
    Q_OBJECT

public:
    ReissueDialog(const Session& session, const PortalUser& user, const std::optional<Invitation>& live,
                  const QDate& patientBirthDate, bool newPin, QWidget* parent = nullptr);
    ~ReissueDialog() override;

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    bool newPin() const;
    void modeChanged();
    bool reopening() const;
    void showReopening(const Result<QList<ReopenGrant>>& grants);

    PortalUser m_user;
    std::optional<Invitation> m_live;
    QDate m_birthDate;
    QRadioButton* m_keep = nullptr;
    QRadioButton* m_replace = nullptr;
    QComboBox* m_verifiedBy = nullptr;
    QLineEdit* m_verifiedOther = nullptr;
    PinFields m_pin;
    // A deactivated login: the access that may come back, confirmed box by box.
    QVBoxLayout* m_grantsLayout = nullptr;
    QLabel* m_grantsNote = nullptr;
    QList<QPair<QCheckBox*, qint64>> m_grantBoxes;
    bool m_grantsLoaded = false;
    QString m_grantsError;
};

// The ways staff verify a caller's identity, as recorded on the invitation.
QStringList verificationMethods();

} // namespace pd
