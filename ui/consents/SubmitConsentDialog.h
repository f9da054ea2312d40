// Files an adult patient's proxy consent with its scanned form (SPEC §8), for review on the consent desk.
#pragma once

#include "ui/actions/ActionDialog.h"

class QComboBox;
class QLineEdit;

namespace pd {

class SubmitConsentDialog final : public ActionDialog {
    Q_OBJECT

public:
    // `mrn` pre-fills the patient (empty: typed in).
    SubmitConsentDialog(const Session& session, const QString& mrn, QWidget* parent = nullptr);
    ~SubmitConsentDialog() override;

    qint64 consentId() const { return m_consentId; }

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    void chooseForm();

    QLineEdit* m_mrn = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_given = nullptr;
    QLineEdit* m_family = nullptr;
    QLineEdit* m_email = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_relationship = nullptr;
    QComboBox* m_scope = nullptr;
    QLineEdit* m_signed = nullptr;
    QLineEdit* m_signedBy = nullptr;
    QLineEdit* m_form = nullptr;
    PinFields m_pin;
    QByteArray m_document;
    QString m_documentProblem;
    qint64 m_consentId = 0;
};

} // namespace pd
