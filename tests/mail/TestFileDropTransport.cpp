// The file-drop transport of the embedded default: one atomic .eml per Message-ID.
#include "mail/MailTransport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {

OutgoingMail mail(const QString& id, const QByteArray& raw) {
    return {id, QStringLiteral("noreply@hospital.example.org"), QStringLiteral("family@example.org"), raw};
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFileDropTransport : public QObject {
    Q_OBJECT

private slots:
    void writesFileNamedAfterMessageId_data();
    void writesFileNamedAfterMessageId();
    void createsMissingFolder();
    void messagesAreTheirOwnersAlone();
    void resendOverwrites();
    void differentMessagesMakeDifferentFiles();
    void folderBlockedByFileIsUnavailable();
    void readOnlyFolderIsUnavailable();
    void emptyMessageIdIsRejected();
};

void TestFileDropTransport::writesFileNamedAfterMessageId_data() {
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QString>("fileName");

    QTest::newRow("ours") << QStringLiteral("<0123456789abcdef0123456789abcdef@hospital.example.org>")
                          << QStringLiteral("0123456789abcdef0123456789abcdef@hospital.example.org.eml");
    QTest::newRow("no brackets") << QStringLiteral("abc@example.org")
                                 << QStringLiteral("abc@example.org.eml");
    QTest::newRow("odd characters") << QStringLiteral("<a b/c:d*e?f\"g|h\\i+j@example.org>")
                                    << QStringLiteral("a_b_c_d_e_f_g_h_i_j@example.org.eml");
    QTest::newRow("path escape") << QStringLiteral("<../../etc/passwd>")
                                 << QStringLiteral(".._.._etc_passwd.eml");
    QTest::newRow("non-ascii") << QStringLiteral("<ñandú@example.org>")
                               << QStringLiteral("_and_@example.org.eml");
}

void TestFileDropTransport::writesFileNamedAfterMessageId() {
    QFETCH(QString, messageId);
    QFETCH(QString, fileName);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FileDropTransport transport(dir.path());
    const QByteArray raw = "From: a@example.org\r\nSubject: x\r\n\r\nbody\r\n";
    const Status sent = transport.send(mail(messageId, raw));
    QVERIFY2(sent.ok(), qPrintable(sent.error().message));

    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{fileName});
    QCOMPARE(readAll(dir.filePath(fileName)), raw);
}

void TestFileDropTransport::createsMissingFolder() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("outbox/sent/today"));
    FileDropTransport transport(folder);
    QCOMPARE(transport.folder(), folder);
    QVERIFY(transport.send(mail(QStringLiteral("<m1@example.org>"), "x\r\n")).ok());
    QVERIFY(QFile::exists(folder + QStringLiteral("/m1@example.org.eml")));
}

// The messages hold activation links: a folder made for them is 0700, and each message 0600.
void TestFileDropTransport::messagesAreTheirOwnersAlone() {
#ifndef Q_OS_UNIX
    QSKIP("POSIX permissions");
#endif
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("mail"));
    FileDropTransport transport(folder);
    QVERIFY(transport.send(mail(QStringLiteral("<m1@example.org>"), "x\r\n")).ok());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(folder) & others, QFileDevice::Permissions());
    const QString file = folder + QStringLiteral("/m1@example.org.eml");
    QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(file) & QFileDevice::ReadOwner);
    // Sent again, it stays so.
    QVERIFY(transport.send(mail(QStringLiteral("<m1@example.org>"), "y\r\n")).ok());
    QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
}

void TestFileDropTransport::resendOverwrites() {
    QTemporaryDir dir;
    FileDropTransport transport(dir.path());
    const QString id = QStringLiteral("<retry@example.org>");
    QVERIFY(transport.send(mail(id, "first attempt, a little longer\r\n")).ok());
    QVERIFY(transport.send(mail(id, "second\r\n")).ok());

    const QStringList files = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files, QStringList{QStringLiteral("retry@example.org.eml")});
    QCOMPARE(readAll(dir.filePath(files.first())), QByteArray("second\r\n"));
}

void TestFileDropTransport::differentMessagesMakeDifferentFiles() {
    QTemporaryDir dir;
    FileDropTransport transport(dir.path());
    QVERIFY(transport.send(mail(QStringLiteral("<a@example.org>"), "a\r\n")).ok());
    QVERIFY(transport.send(mail(QStringLiteral("<b@example.org>"), "b\r\n")).ok());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestFileDropTransport::folderBlockedByFileIsUnavailable() {
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    FileDropTransport transport(blocker + QStringLiteral("/mail"));
    const Status sent = transport.send(mail(QStringLiteral("<a@example.org>"), "a\r\n"));
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable);
    QCOMPARE(sent.error().rule, QStringLiteral("mail.unavailable"));
    QVERIFY(sent.error().message.contains(QStringLiteral("not-a-folder")));

    FileDropTransport intoFile(blocker);
    const Status second = intoFile.send(mail(QStringLiteral("<a@example.org>"), "a\r\n"));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, ErrorKind::Unavailable);
}

void TestFileDropTransport::readOnlyFolderIsUnavailable() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    {
        QFile probe(folder + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QFile::setPermissions(folder,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QSKIP("running with rights that ignore folder permissions (root)");
        }
    }
    FileDropTransport transport(folder);
    const Status sent = transport.send(mail(QStringLiteral("<a@example.org>"), "a\r\n"));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Unavailable);
    QCOMPARE(sent.error().rule, QStringLiteral("mail.unavailable"));
}

void TestFileDropTransport::emptyMessageIdIsRejected() {
    QTemporaryDir dir;
    FileDropTransport transport(dir.path());
    const Status sent = transport.send(mail(QStringLiteral("<>"), "a\r\n"));
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().kind, ErrorKind::Validation);
    QCOMPARE(sent.error().rule, QStringLiteral("mail.rejected"));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

QTEST_GUILESS_MAIN(TestFileDropTransport)
#include "TestFileDropTransport.moc"
