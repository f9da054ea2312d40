#include "ui/common/PinEdit.h"

#include "core/Secrets.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QKeySequence>

namespace pd {

PinEdit::PinEdit(QWidget* parent)
    : QLineEdit(parent) {
    setEchoMode(QLineEdit::Password);
    setMaxLength(Capacity);
    setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    setContextMenuPolicy(Qt::NoContextMenu);
    setAcceptDrops(false);
    setDragEnabled(false);
}

PinEdit::~PinEdit() {
    Secrets::wipeMemory(m_digits.data(), sizeof m_digits);
}

QString PinEdit::pin() const {
    return QString(reinterpret_cast<const QChar*>(m_digits.data()), m_length);
}

bool PinEdit::samePin(const PinEdit& other) const {
    if (m_length != other.m_length)
        return false;
    char16_t differ = 0;
    for (int i = 0; i < m_length; ++i)
        differ |=
            static_cast<char16_t>(m_digits[static_cast<size_t>(i)] ^ other.m_digits[static_cast<size_t>(i)]);
    return differ == 0;
}

void PinEdit::wipe() {
    Secrets::wipeMemory(m_digits.data(), sizeof m_digits);
    m_length = 0;
    refresh();
}

void PinEdit::append(QStringView typed) {
    // Any script's digits count (a full-width ３ is 3); they are kept as ASCII.
    for (const QChar c : typed) {
        const int value = c.digitValue();
        if (value < 0 || value > 9 || m_length >= Capacity)
            continue;
        m_digits[static_cast<size_t>(m_length++)] = static_cast<char16_t>(u'0' + value);
    }
    refresh();
}

void PinEdit::refresh() {
    const QString shown(m_length, QLatin1Char('*'));
    if (text() != shown)
        setText(shown);
    setCursorPosition(m_length);
}

void PinEdit::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Escape:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        QLineEdit::keyPressEvent(event); // the dialog's default button, Cancel and focus still work
        return;
    case Qt::Key_Backspace:
        if (m_length > 0) {
            m_digits[static_cast<size_t>(--m_length)] = 0;
            refresh();
        }
        event->accept();
        return;
    case Qt::Key_Delete:
        wipe();
        event->accept();
        return;
    default:
        break;
    }
    // Paste, cut, copy, undo and redo have nothing to work on; the cursor stays at the end.
    if (event->matches(QKeySequence::Paste) || event->matches(QKeySequence::Cut) ||
        event->matches(QKeySequence::Copy) || event->matches(QKeySequence::Undo) ||
        event->matches(QKeySequence::Redo) || event->matches(QKeySequence::SelectAll)) {
        event->accept();
        return;
    }
    append(event->text());
    event->accept();
}

void PinEdit::inputMethodEvent(QInputMethodEvent* event) {
    append(event->commitString());
    event->accept();
}

void PinEdit::contextMenuEvent(QContextMenuEvent* event) {
    event->accept();
}

void PinEdit::dragEnterEvent(QDragEnterEvent* event) {
    event->ignore();
}

void PinEdit::dropEvent(QDropEvent* event) {
    event->ignore();
}

} // namespace pd
