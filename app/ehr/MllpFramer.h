// MLLP framing (HL7 v2 over TCP): each message travels as <VT> message <FS><CR>.
#pragma once

#include <QByteArray>
#include <QList>

namespace pd::hl7 {

class MllpFramer final {
public:
    static constexpr char StartBlock = 0x0b;
    static constexpr char EndBlock = 0x1c;
    static constexpr char CarriageReturn = 0x0d;

    struct Frame {
        QByteArray bytes;       // the message; for an oversized one, only its beginning
        bool oversized = false; // longer than the limit: refuse it, don't read it
        bool cut = false;       // a new frame began before this one ended
    };

    explicit MllpFramer(qsizetype limit);

    // Adds what the peer sent; complete frames become available to take(). Bytes between frames
    // (a stray CR or LF some senders add) are skipped.
    void feed(const QByteArray& bytes);
    bool hasFrame() const { return !m_ready.isEmpty(); }
    Frame take() { return m_ready.takeFirst(); }
    // Bytes of an unfinished frame are waiting.
    bool inFrame() const { return m_inFrame; }

    static QByteArray wrap(const QByteArray& message);

private:
    qsizetype m_limit;
    QByteArray m_current;
    bool m_inFrame = false;
    bool m_oversized = false;
    QList<Frame> m_ready;
};

} // namespace pd::hl7
