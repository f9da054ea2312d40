#include "ehr/MllpFramer.h"

namespace pd::hl7 {

namespace {
// Enough of an oversized message to read its header for the refusal.
constexpr qsizetype KeptOfOversized = 4096;
} // namespace

MllpFramer::MllpFramer(qsizetype limit)
    : m_limit(limit) {}

QByteArray MllpFramer::wrap(const QByteArray& message) {
    QByteArray out;
    out.reserve(message.size() + 3);
    out += StartBlock;
    out += message;
    out += EndBlock;
    out += CarriageReturn;
    return out;
}

void MllpFramer::feed(const QByteArray& bytes) {
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (!m_inFrame) {
            // Between frames: the <CR> after <FS>, or stray line ends some senders add.
            if (c == StartBlock) {
                m_inFrame = true;
                m_oversized = false;
                m_current.clear();
            }
            continue;
        }
        if (c == EndBlock) {
            m_ready.append({m_current, m_oversized, false});
            m_current.clear();
            m_inFrame = false;
            continue;
        }
        if (c == StartBlock) {
            m_ready.append({m_current, m_oversized, true});
            m_current.clear();
            m_oversized = false;
            continue;
        }
        // The rest of the frame's bytes in one go, up to its end or the next start.
        qsizetype j = i;
        while (j < bytes.size() && bytes.at(j) != EndBlock && bytes.at(j) != StartBlock)
            ++j;
        if (!m_oversized) {
            m_current.append(bytes.constData() + i, j - i);
            if (m_current.size() > m_limit) {
                m_oversized = true;
                m_current.truncate(KeptOfOversized);
            }
        }
        i = j - 1;
    }
}

} // namespace pd::hl7
