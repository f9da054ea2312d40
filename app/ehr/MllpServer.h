// The EHR feed's listener: HL7 v2 over MLLP from the interface engine, each message applied and
// acknowledged in order, one connection after another on this thread.
#pragma once

#include "ehr/FeedProcessor.h"
#include "ehr/MllpFramer.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpServer;
class QTcpSocket;

namespace pd::hl7 {

struct MllpSettings {
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 2575; // 0: any free port
    // Who may send: address ranges. Empty means this machine only (loopback).
    QList<QPair<QHostAddress, int>> allowed;
    // TLS: the listener's certificate and key (PEM), and the authorities whose client certificates are
    // accepted. With TLS, a client certificate is required and the address list still applies.
    QString certificateFile;
    QString keyFile;
    QString clientCaFile;
};

// "10.1.2.0/24,10.1.3.7" into address ranges; Validation error ("feed.allow") naming a bad entry.
Result<QList<QPair<QHostAddress, int>>> parseAllowList(const QString& text);

class MllpServer final : public QObject {
    Q_OBJECT

public:
    MllpServer(FeedProcessor& processor, MllpSettings settings, QObject* parent = nullptr);
    ~MllpServer() override;

    // Starts listening; Unavailable ("feed.listen") when the port can't be taken, Validation when the
    // TLS files can't be read.
    Status listen();
    quint16 port() const;
    QString describe() const; // "127.0.0.1:2575, TLS with client certificates"
    void close();

signals:
    void processed(const pd::hl7::Processed& result, const QString& peer);
    void peerRefused(const QString& peer, const QString& why);

private:
    void accept();
    void read(QTcpSocket* socket);
    bool allowed(const QHostAddress& peer) const;

    FeedProcessor& m_processor;
    MllpSettings m_settings;
    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, MllpFramer*> m_framers;
};

} // namespace pd::hl7
