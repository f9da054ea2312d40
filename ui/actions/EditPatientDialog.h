// Corrects a patient's record (HIM specialists), against the version the page showed. A new birth date
// re-applies the age rules when saved, and the dialog says beforehand what that will end.
#pragma once

#include "services/PatientService.h"
#include "ui/actions/ActionDialog.h"

class QComboBox;
class QLineEdit;

namespace pd {

class EditPatientDialog final : public ActionDialog {
    Q_OBJECT

public:
    EditPatientDialog(const Session& session, const PatientStory& story, QWidget* parent = nullptr);

    // What the service reported once saved.
    const std::optional<PatientCorrection>& correction() const { return m_correction; }

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    PatientChanges changes() const;
    QDate typedBirthDate() const;

    PatientStory m_story;
    QLineEdit* m_given = nullptr;
    QLineEdit* m_family = nullptr;
    QLineEdit* m_birth = nullptr;
    QComboBox* m_sex = nullptr;
    QComboBox* m_language = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_phone = nullptr;
    std::optional<PatientCorrection> m_correction;
};

} // namespace pd
