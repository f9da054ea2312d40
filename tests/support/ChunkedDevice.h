// A stream (a socket or a pipe, as far as a reader can tell) that gives at most `chunk` bytes per read,
// so that every boundary a reader keeps between its reads is crossed. The tests and the fuzz targets
// read through it.
#pragma once

#include <QByteArray>
#include <QIODevice>

#include <algorithm>

namespace pd::test {

class ChunkedDevice final : public QIODevice {
public:
    ChunkedDevice(QByteArray data, qint64 chunk)
        : m_data(std::move(data))
        , m_chunk(std::max<qint64>(chunk, 1)) {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override {
        return std::min(m_chunk, m_data.size() - m_pos) + QIODevice::bytesAvailable();
    }

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

} // namespace pd::test
