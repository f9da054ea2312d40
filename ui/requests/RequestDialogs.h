// Logging a family's request, and resolving one with the action that answered it (SPEC §5).
#pragma once

#include "core/Rows.h"
#include "ui/actions/ActionDialog.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

class LogRequestDialog final : public ActionDialog {
    Q_OBJECT

public:
    // `mrn` / `user` pre-fill who it is about (from a patient's page).
    LogRequestDialog(const Session& session, const QString& mrn = QString(), const QString& user = QString(),
                     QWidget* parent = nullptr);
    const RequestRow& logged() const { return m_logged; }

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    QComboBox* m_kind = nullptr;
    QLineEdit* m_mrn = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_received = nullptr;
    QComboBox* m_channel = nullptr;
    QPlainTextEdit* m_note = nullptr;
    RequestRow m_logged;
};

class ResolveRequestDialog final : public ActionDialog {
    Q_OBJECT

public:
    ResolveRequestDialog(const Session& session, const RequestRow& row, QWidget* parent = nullptr);

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    void loadActions();

    RequestRow m_row;
    QComboBox* m_action = nullptr;
    QPlainTextEdit* m_note = nullptr;
};

} // namespace pd
