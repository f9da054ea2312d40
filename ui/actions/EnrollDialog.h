// Enters a signed enrollment form: the form the patient's age group takes, the enrollee, and the
// temporary PIN written on it (typed twice, masked, never shown again).
#pragma once

#include "core/EnrollmentRules.h"
#include "services/PatientService.h"
#include "ui/actions/ActionDialog.h"

class QComboBox;
class QLineEdit;

namespace pd {

class EnrollDialog final : public ActionDialog {
    Q_OBJECT

public:
    EnrollDialog(const Session& session, const PatientStory& story, QWidget* parent = nullptr);
    ~EnrollDialog() override;

    const QString& enrolledUsername() const { return m_enrolled; }

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    FormKind formKind() const;
    void formChanged();

    PatientStory m_story;
    QComboBox* m_form = nullptr;
    QLineEdit* m_signed = nullptr;
    QLineEdit* m_given = nullptr;
    QLineEdit* m_family = nullptr;
    QLineEdit* m_email = nullptr;
    QComboBox* m_relationship = nullptr;
    QComboBox* m_language = nullptr;
    QLineEdit* m_override = nullptr;
    PinFields m_pin;
    QString m_enrolled;
};

} // namespace pd
