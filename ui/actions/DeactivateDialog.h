// Deactivates a login at once: why, who reported it, and how their identity was verified.
#pragma once

#include "ui/actions/ActionDialog.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

class DeactivateDialog final : public ActionDialog {
    Q_OBJECT

public:
    DeactivateDialog(const Session& session, const PortalUser& user, bool hasLiveInvitation,
                     QWidget* parent = nullptr);

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    PortalUser m_user;
    bool m_hasLive = false;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_reportedBy = nullptr;
    QComboBox* m_verifiedBy = nullptr;
    QPlainTextEdit* m_note = nullptr;
};

} // namespace pd
