// Timing samples and the table a benchmark prints.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace pd::bench {

class Samples {
public:
    void add(qint64 nanoseconds) { m_ns.append(nanoseconds); }
    template <typename F> void time(F&& f) {
        QElapsedTimer t;
        t.start();
        f();
        add(t.nsecsElapsed());
    }
    double percentileMs(double p) const {
        if (m_ns.isEmpty())
            return 0;
        QList<qint64> s = m_ns;
        std::sort(s.begin(), s.end());
        const auto i = std::min<qsizetype>(s.size() - 1, qsizetype(p * double(s.size() - 1) + 0.5));
        return double(s.at(i)) / 1e6;
    }
    qsizetype count() const { return m_ns.size(); }

private:
    QList<qint64> m_ns;
};

// The figures alone on the terminal: PortalDesk's diagnostics stay off, as in the programs, unless
// QT_LOGGING_RULES turns some on.
inline void quietDiagnostics() {
    QLoggingCategory::setFilterRules(QStringLiteral("portaldesk.*=false"));
}

inline void header() {
    std::printf("%-44s %8s %10s %10s %10s\n", "operation", "count", "p50 ms", "p95 ms", "max ms");
}

inline void row(const QString& name, const Samples& s) {
    std::printf("%-44s %8lld %10.3f %10.3f %10.3f\n", qPrintable(name), static_cast<long long>(s.count()),
                s.percentileMs(0.5), s.percentileMs(0.95), s.percentileMs(1.0));
    std::fflush(stdout);
}

} // namespace pd::bench
