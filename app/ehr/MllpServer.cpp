#include "ehr/MllpServer.h"
#include "core/Log.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace pd::hl7 {

namespace {

QString peerName(const QTcpSocket* s) {
    QHostAddress a = s->peerAddress();
    bool v4 = false;
    const quint32 ip = a.toIPv4Address(&v4);
    if (v4)
        a = QHostAddress(ip);
    return QStringLiteral("%1:%2").arg(a.toString()).arg(s->peerPort());
}

Result<QByteArray> readFile(const QString& path, const QString& what) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::validation(
            QStringLiteral("feed.tls_file"),
            QCoreApplication::translate("Feed", "Can't read the %1 %2: %3").arg(what, path, f.errorString()));
    return f.readAll();
}

} // namespace

Result<QList<QPair<QHostAddress, int>>> parseAllowList(const QString& text) {
    QList<QPair<QHostAddress, int>> out;
    for (const QString& raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        QPair<QHostAddress, int> range = QHostAddress::parseSubnet(entry);
        if (range.first.isNull()) {
            const QHostAddress single(entry);
            if (single.isNull())
                return Error::validation(QStringLiteral("feed.allow"),
                                         QCoreApplication::translate("Feed",
                                                                     "\"%1\" is not an address or an address "
                                                                     "range such as 10.1.2.0/24.")
                                             .arg(entry.left(60)));
            range = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        out.append(range);
    }
    return out;
}

MllpServer::MllpServer(FeedProcessor& processor, MllpSettings settings, QObject* parent)
    : QObject(parent)
    , m_processor(processor)
    , m_settings(std::move(settings)) {}

MllpServer::~MllpServer() {
    close();
}

Status MllpServer::listen() {
    if (!m_settings.certificateFile.isEmpty()) {
        if (!QSslSocket::supportsSsl())
            return Error::unavailable(
                QStringLiteral("feed.tls"),
                QCoreApplication::translate("Feed", "TLS is not available on this machine."));
        auto cert = readFile(m_settings.certificateFile, QCoreApplication::translate("Feed", "certificate"));
        if (!cert)
            return cert.error();
        auto key = readFile(m_settings.keyFile, QCoreApplication::translate("Feed", "private key"));
        if (!key)
            return key.error();
        auto ca =
            readFile(m_settings.clientCaFile, QCoreApplication::translate("Feed", "client authorities"));
        if (!ca)
            return ca.error();
        const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.value(), QSsl::Pem);
        const QSslKey privateKey(key.value(), QSsl::Rsa, QSsl::Pem);
        const QSslKey ecKey(key.value(), QSsl::Ec, QSsl::Pem);
        const QList<QSslCertificate> authorities = QSslCertificate::fromData(ca.value(), QSsl::Pem);
        if (chain.isEmpty() || (privateKey.isNull() && ecKey.isNull()) || authorities.isEmpty())
            return Error::validation(QStringLiteral("feed.tls_file"),
                                     QCoreApplication::translate("Feed",
                                                                 "The certificate, key or client authorities "
                                                                 "are not PEM files PortalDesk can use."));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(privateKey.isNull() ? ecKey : privateKey);
        tls.setCaCertificates(authorities);
        tls.setPeerVerifyMode(
            QSslSocket::VerifyPeer); // a sender without a certificate of ours is turned away
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        auto* server = new QSslServer(this);
        server->setSslConfiguration(tls);
        connect(server, &QSslServer::peerVerifyError, this, [this](QSslSocket* s, const QSslError& e) {
            emit peerRefused(peerName(s), e.errorString());
        });
        connect(server, &QSslServer::errorOccurred, this,
                [this](QSslSocket* s, QAbstractSocket::SocketError) {
                    emit peerRefused(peerName(s), s->errorString());
                });
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &MllpServer::accept);
    if (!m_server->listen(m_settings.bind, m_settings.port))
        return Error::unavailable(QStringLiteral("feed.listen"),
                                  QCoreApplication::translate("Feed", "Can't listen on %1 port %2: %3")
                                      .arg(m_settings.bind.toString())
                                      .arg(m_settings.port)
                                      .arg(m_server->errorString()));
    return {};
}

quint16 MllpServer::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QString MllpServer::describe() const {
    QStringList allowed;
    for (const auto& range : m_settings.allowed)
        allowed << QStringLiteral("%1/%2").arg(range.first.toString()).arg(range.second);
    const QString from = allowed.isEmpty() ? QCoreApplication::translate("Feed", "this machine only")
                                           : allowed.join(QStringLiteral(", "));
    return m_settings.certificateFile.isEmpty()
               ? QCoreApplication::translate("Feed", "%1:%2, from %3")
                     .arg(m_settings.bind.toString())
                     .arg(port())
                     .arg(from)
               : QCoreApplication::translate("Feed", "%1:%2 with TLS and client certificates, from %3")
                     .arg(m_settings.bind.toString())
                     .arg(port())
                     .arg(from);
}

void MllpServer::close() {
    if (m_server)
        m_server->close();
    for (auto it = m_framers.begin(); it != m_framers.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
        delete it.value();
    }
    m_framers.clear();
}

bool MllpServer::allowed(const QHostAddress& peer) const {
    QHostAddress a = peer;
    bool v4 = false;
    const quint32 ip = a.toIPv4Address(&v4);
    if (v4)
        a = QHostAddress(ip);
    if (m_settings.allowed.isEmpty())
        return a.isLoopback();
    return std::any_of(m_settings.allowed.cbegin(), m_settings.allowed.cend(),
                       [&](const QPair<QHostAddress, int>& range) { return a.isInSubnet(range); });
}

void MllpServer::accept() {
    while (m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        if (!allowed(socket->peerAddress())) {
            qCDebug(lcFeed, "refused a connection from %s: not on the allowed list",
                    qPrintable(peerName(socket)));
            // A forged merge or death would move or cut families' access: strangers get nothing.
            emit peerRefused(peerName(socket),
                             QCoreApplication::translate("Feed", "not on the allowed list"));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        qCDebug(lcFeed, "connection from %s", qPrintable(peerName(socket)));
        m_framers.insert(socket, new MllpFramer(MaxMessageBytes));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            delete m_framers.take(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            read(socket);
    }
}

void MllpServer::read(QTcpSocket* socket) {
    MllpFramer* framer = m_framers.value(socket);
    if (!framer)
        return;
    framer->feed(socket->readAll());
    while (framer->hasFrame()) {
        const MllpFramer::Frame frame = framer->take();
        Processed result;
        if (frame.oversized || frame.cut) {
            result.code = AckCode::Error;
            result.text =
                frame.oversized
                    ? QCoreApplication::translate("Feed", "The message is over %1 bytes and was not read.")
                          .arg(MaxMessageBytes)
                    : QCoreApplication::translate("Feed", "The message was cut off by the next one's start.");
            result.rule = frame.oversized ? QStringLiteral("hl7.too_large") : QStringLiteral("mllp.cut");
            result.ack = acknowledgeUnreadable(frame.bytes, {result.text, QStringLiteral("100"), {}},
                                               QDateTime::currentDateTimeUtc(), QStringLiteral("PD-MLLP"));
        } else {
            result = m_processor.process(frame.bytes);
        }
        const QString peer = peerName(socket);
        socket->write(MllpFramer::wrap(result.ack));
        socket->flush();
        emit processed(result, peer);
        // A sender that went away while its message was applied takes its framer with it.
        framer = m_framers.value(socket);
        if (!framer)
            return;
    }
}

} // namespace pd::hl7
