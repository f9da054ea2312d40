// What the libFuzzer targets share: an application object, a check that aborts, and a device that hands
// its bytes over a few at a time.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace pd::fuzz {

// Code that translates its messages or reads time zones runs under an application, as it does in the
// programs: one, made before the first input and kept.
inline void ensureApplication() {
    static int argc = 1;
    static char name[] = "portaldesk-fuzz";
    static char* argv[] = {name, nullptr};
    static auto* app = new QCoreApplication(argc, argv);
    (void)app;
}

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
    std::fflush(stderr);
    __builtin_trap();
}

inline QByteArray bytes(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// A stream (a socket or a pipe, as far as the reader can tell) that gives at most `chunk` bytes per
// read, so that every boundary a reader keeps between its reads is crossed.
class ChunkedDevice final : public QIODevice {
public:
    ChunkedDevice(QByteArray data, qint64 chunk)
        : m_data(std::move(data))
        , m_chunk(std::max<qint64>(chunk, 1)) {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* out, qint64 maxSize) override {
        const qint64 n = std::min({maxSize, m_chunk, qint64(m_data.size()) - m_pos});
        std::copy_n(m_data.constData() + m_pos, n, out);
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

} // namespace pd::fuzz

// Aborts, so that libFuzzer keeps the input, when an invariant of the code under test does not hold.
#define PD_FUZZ_CHECK(condition) ((condition) ? void(0) : ::pd::fuzz::fail(#condition, __FILE__, __LINE__))
