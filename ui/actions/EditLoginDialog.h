// Changes a login's e-mail address or language, against the version of the login the page showed.
#pragma once

#include "ui/actions/ActionDialog.h"

class QComboBox;
class QLineEdit;

namespace pd {

class EditLoginDialog final : public ActionDialog {
    Q_OBJECT

public:
    EditLoginDialog(const Session& session, const PortalUser& user, QWidget* parent = nullptr);

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    bool emailChanged() const;

    PortalUser m_user;
    QLineEdit* m_email = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace pd
