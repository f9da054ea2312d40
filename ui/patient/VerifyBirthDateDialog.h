// Identity verification for a caller (SPEC section 6): the agent types the birth date the caller gives and
// learns only whether it matches. Each check is recorded, and a patient's birth date can be tried only a
// few times an hour (identity.checks_per_hour).
#pragma once

#include "ui/common/Session.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class VerifyBirthDateDialog final : public QDialog {
    Q_OBJECT

public:
    VerifyBirthDateDialog(const Session& session, const QString& mrn, const QString& patientName,
                          QWidget* parent);

    // Whether a check was recorded while the dialog was open (the patient's timeline changed).
    bool checked() const { return m_checked; }

private:
    void check();
    void showAnswer(const QString& text, const QString& colour);

    const Session& m_session;
    QString m_mrn;
    QLineEdit* m_date = nullptr;
    QLabel* m_answer = nullptr;
    QPushButton* m_check = nullptr;
    bool m_checked = false;
};

} // namespace pd
