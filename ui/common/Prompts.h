// Message boxes and file dialogs behind one seam: tests queue the next answer instead of facing a modal.
#pragma once

#include <QMessageBox>
#include <QString>

#include <optional>

class QWidget;

namespace pd::Prompts {

void information(QWidget* parent, const QString& title, const QString& text);
void warning(QWidget* parent, const QString& title, const QString& text);
// Yes/No; the default button is No.
bool confirm(QWidget* parent, const QString& title, const QString& text);
// A path to save to, or empty when cancelled.
QString saveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter);
// An existing file to read, or empty when cancelled (answered by setNextSaveFileName in tests too).
QString openFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter);

// A line of text (a note), or nullopt when cancelled.
std::optional<QString> text(QWidget* parent, const QString& title, const QString& label);

// Test seams: the next prompt answers at once with this instead of opening.
void setNextConfirm(bool answer);
void setNextText(const QString& answer);
void setNextSaveFileName(const QString& path);
// Titles and texts of prompts shown since the last call (tests read what the user would have seen).
QStringList takeShown();

} // namespace pd::Prompts
