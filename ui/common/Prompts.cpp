#include "ui/common/Prompts.h"

#include <QFileDialog>
#include <QInputDialog>

#include <optional>

namespace pd::Prompts {

namespace {
std::optional<bool> nextConfirm;
std::optional<QString> nextSaveFileName;
std::optional<QString> nextText;
QStringList shown;
bool testing() {
    return qEnvironmentVariableIsSet("PORTALDESK_TEST");
}
} // namespace

void information(QWidget* parent, const QString& title, const QString& text) {
    shown.append(title + QStringLiteral(": ") + text);
    if (!testing())
        QMessageBox::information(parent, title, text);
}

void warning(QWidget* parent, const QString& title, const QString& text) {
    shown.append(title + QStringLiteral(": ") + text);
    if (!testing())
        QMessageBox::warning(parent, title, text);
}

bool confirm(QWidget* parent, const QString& title, const QString& text) {
    shown.append(title + QStringLiteral(": ") + text);
    if (nextConfirm) {
        const bool answer = *nextConfirm;
        nextConfirm.reset();
        return answer;
    }
    if (testing())
        return false;
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

std::optional<QString> text(QWidget* parent, const QString& title, const QString& label) {
    shown.append(title + QStringLiteral(": ") + label);
    if (nextText)
        return std::exchange(nextText, std::nullopt);
    if (testing())
        return std::nullopt;
    bool ok = false;
    const QString answer = QInputDialog::getText(parent, title, label, QLineEdit::Normal, QString(), &ok);
    return ok ? std::optional<QString>(answer) : std::nullopt;
}

namespace {
// A queued answer, else nothing under test, else the real file dialog.
template <typename Ask> QString fileName(Ask ask) {
    if (nextSaveFileName) {
        const QString answer = *nextSaveFileName;
        nextSaveFileName.reset();
        return answer;
    }
    if (testing())
        return {};
    return ask();
}
} // namespace

QString saveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter) {
    return fileName([&] { return QFileDialog::getSaveFileName(parent, title, suggested, filter); });
}

QString openFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter) {
    return fileName([&] { return QFileDialog::getOpenFileName(parent, title, suggested, filter); });
}

void setNextConfirm(bool answer) {
    nextConfirm = answer;
}

void setNextText(const QString& answer) {
    nextText = answer;
}

void setNextSaveFileName(const QString& path) {
    nextSaveFileName = path;
}

QStringList takeShown() {
    return std::exchange(shown, {});
}

} // namespace pd::Prompts
