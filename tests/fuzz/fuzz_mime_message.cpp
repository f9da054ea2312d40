// Messages built from names, subjects and bodies in any script and with any control character (CR and
// LF included): every line of the result ends in CRLF, stays within 78 characters and 7 bits, and no
// header is there but the ones the builder writes. The quoted-printable parts decode to their text.
#include "FuzzSupport.h"

#include "mail/MimeMessage.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QList>
#include <QTimeZone>

using namespace pd;

namespace {

// UTF-8 (repaired where invalid) or raw UTF-16 units, lone surrogates and all.
QString text(FuzzedDataProvider& in) {
    const bool utf16 = in.ConsumeBool();
    const std::string raw = in.ConsumeRandomLengthString(600);
    if (!utf16)
        return QString::fromUtf8(raw.data(), qsizetype(raw.size()));
    QString out;
    for (size_t i = 0; i + 1 < raw.size(); i += 2)
        out += QChar(char16_t(uint8_t(raw[i]) | uint8_t(raw[i + 1]) << 8));
    return out;
}

QList<QByteArray> linesOf(const QByteArray& raw) {
    QList<QByteArray> lines = raw.split('\n');
    lines.removeLast(); // after the last CRLF
    for (QByteArray& line : lines)
        line.chop(1); // its CR
    return lines;
}

void checkQuotedPrintable(const QString& body) {
    const QByteArray utf8 = body.toUtf8();
    const QByteArray encoded = MimeMessage::encodeQuotedPrintable(utf8);
    for (const QByteArray& line : encoded.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        PD_FUZZ_CHECK(!l.contains('\r'));
        PD_FUZZ_CHECK(l.size() <= 76);
        PD_FUZZ_CHECK(!l.endsWith(' ') && !l.endsWith('\t'));
        // Printable ASCII, and tabs inside a line (RFC 2045 §6.7 rule 3).
        for (const char c : l)
            PD_FUZZ_CHECK((c >= 32 && c <= 126) || c == '\t');
        // A lone "." ends SMTP's DATA and "From " at a line start is mangled by mbox tools.
        PD_FUZZ_CHECK(!l.startsWith('.'));
        PD_FUZZ_CHECK(!l.startsWith("From "));
    }
    // Line breaks of any kind come back as LF.
    QByteArray expected = utf8;
    expected.replace("\r\n", "\n").replace('\r', '\n');
    PD_FUZZ_CHECK(MimeMessage::decodeQuotedPrintable(encoded) == expected);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    const MailAddress from{text(in), QStringLiteral("portal@hospital.example.org")};
    const MailAddress to{text(in), QStringLiteral("familia.nunez@example.org")};
    MailContent content;
    content.subject = text(in);
    content.text = text(in);
    content.html = text(in);

    const QByteArray raw =
        MimeMessage::build(from, to, content, QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()),
                           QStringLiteral("<0123456789abcdef0123456789abcdef@hospital.example.org>"));

    // Only CRLF ends a line.
    PD_FUZZ_CHECK(raw.endsWith("\r\n"));
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '\n')
            PD_FUZZ_CHECK(i > 0 && raw.at(i - 1) == '\r');
        if (raw.at(i) == '\r')
            PD_FUZZ_CHECK(i + 1 < raw.size() && raw.at(i + 1) == '\n');
        PD_FUZZ_CHECK(static_cast<unsigned char>(raw.at(i)) < 128);
    }
    const QList<QByteArray> lines = linesOf(raw);
    for (const QByteArray& line : lines)
        PD_FUZZ_CHECK(line.size() <= 78);

    // The header block: the builder's own headers in its order, each folded line starting with a blank.
    static const QList<QByteArray> headers = {"From",       "To",           "Subject",     "Date",
                                              "Message-ID", "MIME-Version", "Content-Type"};
    qsizetype n = 0;
    for (const QByteArray& name : headers) {
        PD_FUZZ_CHECK(n < lines.size() && lines.at(n).startsWith(QByteArray(name + ':')));
        for (++n; n < lines.size() && lines.at(n).startsWith(' '); ++n)
            PD_FUZZ_CHECK(lines.at(n).size() > 1);
    }
    PD_FUZZ_CHECK(n < lines.size() && lines.at(n).isEmpty());

    // The body: the preamble, then two parts with their two headers, and the closing boundary; no line
    // of the text or the HTML can pass for a boundary (quoted-printable writes "=" as "=3D").
    const QByteArray boundary = "--" + raw.mid(raw.indexOf("boundary=\"") + 10).split('"').first();
    PD_FUZZ_CHECK(boundary.startsWith("--=_PortalDesk_"));
    PD_FUZZ_CHECK(lines.size() > n + 2 && lines.at(n + 1).startsWith("This is a multi-part"));
    int boundaries = 0;
    for (qsizetype i = n + 2; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        if (line.startsWith(boundary)) {
            PD_FUZZ_CHECK(line == boundary || (line == boundary + "--" && i + 1 == lines.size()));
            if (line == boundary) {
                ++boundaries;
                PD_FUZZ_CHECK(i + 3 < lines.size());
                PD_FUZZ_CHECK(lines.at(i + 1).startsWith("Content-Type: text/"));
                PD_FUZZ_CHECK(lines.at(i + 2) == "Content-Transfer-Encoding: quoted-printable");
                PD_FUZZ_CHECK(lines.at(i + 3).isEmpty());
                i += 3;
            }
            continue;
        }
        PD_FUZZ_CHECK(!line.startsWith("--=_"));
    }
    PD_FUZZ_CHECK(boundaries == 2);
    PD_FUZZ_CHECK(lines.last() == boundary + "--");

    checkQuotedPrintable(content.text);
    checkQuotedPrintable(content.html);
    (void)MimeMessage::encodeHeaderWord(content.subject);
    return 0;
}
