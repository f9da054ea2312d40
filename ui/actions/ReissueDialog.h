// Reissues a login's invitation: a new link and window, the old one revoked; the PIN kept, or replaced
// by one the caller chooses once staff have verified who is calling.
#pragma once

#include "ui/actions/ActionDialog.h"

#include <optional>

class QComboBox;
class QLineEdit;
class QRadioButton;

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

    PortalUser m_user;
    std::optional<Invitation> m_live;
    QDate m_birthDate;
    QRadioButton* m_keep = nullptr;
    QRadioButton* m_replace = nullptr;
    QComboBox* m_verifiedBy = nullptr;
    QLineEdit* m_verifiedOther = nullptr;
    PinFields m_pin;
};

// The ways staff verify a caller's identity, as recorded on the invitation.
QStringList verificationMethods();

} // namespace pd
