// The shape every action dialog shares: inputs checked as they are typed, the rule that refuses named in
// words, a plain statement of what the action will do, and the change run on the worker.
#pragma once

#include "ui/common/Session.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pd {

class PinEdit;

class ActionDialog : public QDialog {
    Q_OBJECT

public:
    ActionDialog(const Session& session, const QString& title, const QString& confirmText, QWidget* parent);

    // Set when the change was refused because someone else changed the record first.
    const std::optional<Error>& conflict() const { return m_conflict; }
    // The problem shown now (empty when the action may go ahead).
    QString shownProblem() const;
    QPushButton* confirmButton() const { return m_confirm; }

protected:
    QFormLayout* form() const { return m_form; }
    // Whatever stops the action now (empty = nothing), and what it will do.
    virtual QString problem() const = 0;
    virtual QString summary() const = 0;
    // Starts the change; call await() with its future.
    virtual void perform() = 0;

    // Connect every input's change signal here.
    void revalidate();

    template <typename T> void await(const QFuture<Result<T>>& future) {
        await(future, [](const T&) {});
    }
    template <typename T, typename F> void await(const QFuture<Result<T>>& future, F onSuccess) {
        setBusy(true);
        onReady(this, future, [this, onSuccess](const Result<T>& result) {
            setBusy(false);
            if (result) {
                onSuccess(result.value());
                succeeded();
            } else
                failed(result.error());
        });
    }

    const Session& m_session;

private:
    void setBusy(bool busy);
    void succeeded();
    void failed(const Error& error);

    QFormLayout* m_form = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_confirm = nullptr;
    std::optional<Error> m_conflict;
    QString m_refusal; // the last refusal from the service, until an input changes
    bool m_busy = false;
};

// The languages a family's e-mails are written in, with `current` chosen (kept as its code when it is
// none of them, so saving changes nothing unasked).
QComboBox* makeLanguageBox(QWidget* parent, const QString& objectName, const QString& accessibleName,
                           const QString& current);

// A PIN typed twice: masked, digits only, and checked against the PIN rules as typed.
struct PinFields {
    PinEdit* pin = nullptr;
    PinEdit* again = nullptr;
};
PinFields addPinFields(QFormLayout* form, QWidget* parent);
QString pinProblem(const PinFields& fields, const QDate& birthDate);
void wipePinFields(const PinFields& fields);

} // namespace pd
