// SMTP replies as a server (or whoever sits on the connection) sends them: replies read one after another
// from the bytes, and each the same as when its lines are read from a device one by one.
#include "FuzzSupport.h"

#include "mail/SmtpTransport.h"

#include <QBuffer>

using namespace pd;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pd::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    QByteArray input = pd::fuzz::bytes(data, size);
    QBuffer device(&input);
    device.open(QIODevice::ReadOnly);

    qsizetype offset = 0;
    for (;;) {
        const QByteArray rest = input.mid(offset);
        SmtpReply reply;
        const qsizetype used = parseSmtpReply(rest, &reply);
        PD_FUZZ_CHECK(used >= -1 && used <= rest.size());

        // The lines as a connection hands them over: readLine() while a whole line is waiting.
        SmtpReply fromDevice;
        SmtpReplyLine state = SmtpReplyLine::More;
        qsizetype lines = 0;
        while (state == SmtpReplyLine::More && device.canReadLine()) {
            state = addReplyLine(device.readLine(), &fromDevice);
            ++lines;
        }
        if (used == 0) {
            PD_FUZZ_CHECK(state == SmtpReplyLine::More);
            break;
        }
        if (used < 0) {
            PD_FUZZ_CHECK(state == SmtpReplyLine::Unreadable);
            break;
        }
        PD_FUZZ_CHECK(state == SmtpReplyLine::Last);
        PD_FUZZ_CHECK(device.pos() == offset + used);
        PD_FUZZ_CHECK(rest.at(used - 1) == '\n');
        PD_FUZZ_CHECK(reply.lines.size() == rest.left(used).count('\n'));
        PD_FUZZ_CHECK(reply.lines == fromDevice.lines && reply.code == fromDevice.code);
        PD_FUZZ_CHECK(reply.lines.size() == lines);
        // Three characters read as a number: never more than 999 nor less than -99.
        PD_FUZZ_CHECK(reply.code >= -99 && reply.code <= 999);
        PD_FUZZ_CHECK(reply.text().startsWith(QString::number(reply.code)));
        // What the session does with an EHLO reply: the capabilities' keywords.
        for (const QString& capability : reply.lines.mid(1))
            (void)capability.section(QLatin1Char(' '), 0, 0)
                .compare(QLatin1String("STARTTLS"), Qt::CaseInsensitive);
        offset += used;
    }
    return 0;
}
