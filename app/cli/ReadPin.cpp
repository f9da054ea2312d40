#include "cli/CliContext.h"

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace pd {

namespace {

// Turns terminal echo off for as long as it lives, so a PIN typed at a prompt is not shown.
class EchoOff {
public:
    EchoOff() {
#ifdef Q_OS_WIN
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        m_active = _isatty(_fileno(stdin)) && GetConsoleMode(m_handle, &m_mode);
        if (m_active)
            SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
#else
        m_active = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
#endif
    }
    ~EchoOff() {
        if (!m_active)
            return;
#ifdef Q_OS_WIN
        SetConsoleMode(m_handle, m_mode);
#else
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
        std::fputs("\n", stderr);
    }
    bool interactive() const {
        return m_active;
    }

private:
    bool m_active = false;
#ifdef Q_OS_WIN
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_saved{};
#endif
};

} // namespace

bool stdinIsTerminal() {
    EchoOff echo;
    return echo.interactive();
}

QString readPin(const QString& prompt) {
    EchoOff echo;
    if (echo.interactive()) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
    }
    std::string line;
    std::getline(std::cin, line);
    QString pin = QString::fromStdString(line).trimmed();
    std::fill(line.begin(), line.end(), '\0');
    return pin;
}

} // namespace pd
