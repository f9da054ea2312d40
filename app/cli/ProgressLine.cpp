#include "cli/ProgressLine.h"

#ifdef Q_OS_WIN
#include <io.h>
#define PD_ISATTY _isatty
#define PD_FILENO _fileno
#else
#include <unistd.h>
#define PD_ISATTY isatty
#define PD_FILENO fileno
#endif

namespace pd {

ProgressLine::ProgressLine()
    : m_terminal(PD_ISATTY(PD_FILENO(stderr)) != 0) {
    m_timer.start();
}

void ProgressLine::write(std::FILE* to, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), to);
    std::fflush(to);
}

void ProgressLine::show(const QString& text, bool last) {
    const qint64 every = m_terminal ? 200 : 5000;
    if (!last && m_timer.elapsed() - m_shownAt < every)
        return;
    m_shownAt = m_timer.elapsed();
    if (m_terminal) {
        // Spaces wipe what a longer line before left behind.
        const QString padded = text.leftJustified(m_width);
        m_width = int(text.size());
        write(stderr, QLatin1Char('\r') + padded + (last ? QStringLiteral("\n") : QString()));
        m_open = !last;
    } else {
        write(stderr, text + QLatin1Char('\n'));
    }
}

void ProgressLine::finish() {
    if (m_open)
        write(stderr, QStringLiteral("\n"));
    m_open = false;
}

} // namespace pd
