// A progress line on standard error: one line that rewrites itself at a terminal, else a line every few
// seconds, so that a scheduler's log shows a long job moving without filling up.
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <cstdio>

namespace pd {

class ProgressLine final {
public:
    ProgressLine();
    // Shows `text` unless a line went out very recently; `last` always shows and ends the line.
    void show(const QString& text, bool last = false);
    // Ends a line left open at a terminal.
    void finish();

    static void write(std::FILE* to, const QString& text);

private:
    bool m_terminal;
    bool m_open = false;
    int m_width = 0;
    QElapsedTimer m_timer;
    qint64 m_shownAt = -1000000;
};

} // namespace pd
