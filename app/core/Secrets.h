// The crypto facade: the only place that includes OpenSSL. PIN hashing, tokens, digests.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace pd::Secrets {

// Cryptographically random bytes from RAND_bytes; empty on failure.
QByteArray randomBytes(int count);

// A fresh activation token: 32 random bytes (256 bits), base64url without padding (43 chars).
QString newToken();

QByteArray sha256(const QByteArray& data);
QString sha256Hex(const QByteArray& data);

// Compare in constant time (CRYPTO_memcmp); different lengths compare unequal.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

// Salted scrypt hash of a PIN, self-describing so parameters can be raised later:
//   "scrypt$ln=15,r=8,p=1$<salt base64>$<hash base64>"
// Returns an empty string only when OpenSSL fails.
QString hashPin(const QString& pin);
bool verifyPin(const QString& pin, const QString& stored);
// True when `stored` was made with weaker parameters than today's.
bool needsRehash(const QString& stored);

// Known-answer tests of SHA-256 and scrypt (RFC 7914); false means the crypto can't be trusted.
bool selfTest();

// Overwrites a buffer that held a secret.
void wipe(QByteArray& buffer);
void wipe(QString& buffer);

} // namespace pd::Secrets
