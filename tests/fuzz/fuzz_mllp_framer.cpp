// MLLP framing as bytes arrive from a connection: the input is fed in pieces whose lengths come from its
// first bytes, and the frames must be the ones the whole input gives at once.
#include "FuzzSupport.h"

#include "ehr/MllpFramer.h"

#include <QList>

using namespace pd::hl7;

namespace {

QList<MllpFramer::Frame> drain(MllpFramer& framer) {
    QList<MllpFramer::Frame> frames;
    while (framer.hasFrame())
        frames.append(framer.take());
    return frames;
}

void checkFrame(const MllpFramer::Frame& f, qsizetype limit) {
    PD_FUZZ_CHECK(!f.bytes.contains(MllpFramer::StartBlock));
    PD_FUZZ_CHECK(!f.bytes.contains(MllpFramer::EndBlock));
    // An oversized frame keeps no more than its first 4 KiB, enough to read its header.
    PD_FUZZ_CHECK(f.bytes.size() <= (f.oversized ? 4096 : limit));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2)
        return 0;
    // Byte 0: the size limit; byte 1: how many cuts; then one byte per cut, a piece's length.
    static constexpr qsizetype Limits[] = {1, 16, 100, 1000, 1024 * 1024};
    const qsizetype limit = Limits[data[0] % std::size(Limits)];
    const size_t cuts = std::min<size_t>(data[1] % 32, size - 2);
    const uint8_t* lengths = data + 2;
    const QByteArray stream = pd::fuzz::bytes(data + 2 + cuts, size - 2 - cuts);

    MllpFramer whole(limit);
    whole.feed(stream);
    const QList<MllpFramer::Frame> expected = drain(whole);

    MllpFramer pieces(limit);
    QList<MllpFramer::Frame> got;
    qsizetype at = 0;
    for (size_t i = 0; i < cuts && at < stream.size(); ++i) {
        pieces.feed(stream.mid(at, lengths[i]));
        at += lengths[i];
        got += drain(pieces);
    }
    if (at < stream.size()) {
        pieces.feed(stream.mid(at));
        got += drain(pieces);
    }

    PD_FUZZ_CHECK(got.size() == expected.size());
    PD_FUZZ_CHECK(pieces.inFrame() == whole.inFrame());
    for (qsizetype i = 0; i < got.size(); ++i) {
        const MllpFramer::Frame& a = got.at(i);
        const MllpFramer::Frame& b = expected.at(i);
        checkFrame(a, limit);
        checkFrame(b, limit);
        PD_FUZZ_CHECK(a.oversized == b.oversized);
        PD_FUZZ_CHECK(a.cut == b.cut);
        // Of an oversized frame only the beginning is kept, however much of it came in one piece.
        if (a.oversized)
            PD_FUZZ_CHECK(a.bytes.startsWith(b.bytes) || b.bytes.startsWith(a.bytes));
        else
            PD_FUZZ_CHECK(a.bytes == b.bytes);
    }

    // A message wrapped and framed comes back as it was, when it holds no framing byte.
    QByteArray message = stream.left(512);
    message.replace(MllpFramer::StartBlock, ' ').replace(MllpFramer::EndBlock, ' ');
    MllpFramer single(1024 * 1024);
    single.feed(MllpFramer::wrap(message));
    PD_FUZZ_CHECK(single.hasFrame());
    const MllpFramer::Frame f = single.take();
    PD_FUZZ_CHECK(f.bytes == message && !f.oversized && !f.cut && !single.hasFrame());
    return 0;
}
