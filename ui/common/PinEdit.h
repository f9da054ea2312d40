// A temporary PIN's field. The digits live only in the field's own fixed buffer, which is wiped in place;
// the line edit underneath only ever holds one placeholder per digit, so no copy of the PIN is left in
// Qt's text buffers, its undo history or the clipboard.
#pragma once

#include "core/PinPolicy.h"

#include <QLineEdit>

#include <array>

namespace pd {

class PinEdit final : public QLineEdit {
    Q_OBJECT

public:
    explicit PinEdit(QWidget* parent = nullptr);
    ~PinEdit() override;

    int pinLength() const { return m_length; }
    // A new, unshared copy of the PIN: the caller wipes it (Secrets::wipe) when done.
    QString pin() const;
    bool samePin(const PinEdit& other) const;
    // Zeroes the buffer where it is and empties the field.
    void wipe();
    // The buffer the digits are kept in, for checking that a wipe reached it.
    const char16_t* storage() const { return m_digits.data(); }
    static constexpr int Capacity = PinPolicy::MaxLength;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void append(QStringView typed);
    void refresh();

    std::array<char16_t, Capacity> m_digits{};
    int m_length = 0;
};

} // namespace pd
