// Recording an access restriction from its order, and lifting one (SPEC §8).
#pragma once

#include "core/Rows.h"
#include "ui/actions/ActionDialog.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

class AddRestrictionDialog final : public ActionDialog {
    Q_OBJECT

public:
    // `mrn` pre-fills the patient (siblings the order names are added to it, separated by commas).
    AddRestrictionDialog(const Session& session, const QString& mrn, QWidget* parent = nullptr);

    const QList<RestrictionRow>& recorded() const { return m_recorded; }
    // Tests: the order's scan, as if chosen from a file.
    void setDocument(const QString& name, const QByteArray& content);

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    void chooseOrder();
    QStringList mrns() const;

    QLineEdit* m_mrns = nullptr;
    QLineEdit* m_given = nullptr;
    QLineEdit* m_family = nullptr;
    QLineEdit* m_email = nullptr;
    QComboBox* m_reason = nullptr;
    QCheckBox* m_ends = nullptr;
    QDateEdit* m_until = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLineEdit* m_order = nullptr;
    QByteArray m_document;
    QString m_documentProblem;
    QList<RestrictionRow> m_recorded;
};

class LiftRestrictionDialog final : public ActionDialog {
    Q_OBJECT

public:
    LiftRestrictionDialog(const Session& session, const RestrictionRow& row, QWidget* parent = nullptr);

protected:
    QString problem() const override;
    QString summary() const override;
    void perform() override;

private:
    RestrictionRow m_row;
    QLineEdit* m_reason = nullptr;
};

} // namespace pd
