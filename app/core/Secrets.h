// The crypto facade: the only place that includes OpenSSL. PIN hashing, tokens, digests.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <memory>
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

// A PostgreSQL SCRAM-SHA-256 verifier for a login's password, made here so that the password itself never
// travels in a statement (statement text reaches the server's log):
//   "SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>"
// The password is prepared as libpq prepares it at sign-in (SASLprep, RFC 4013): non-ASCII spaces become
// spaces, invisible characters go, NFKC; a password SASLprep prohibits is used byte for byte. `salt`
// empty means 16 random bytes. Empty only when OpenSSL fails.
QString scramVerifier(const QString& password, int iterations = 4096, const QByteArray& salt = {});
// The password as SASLprep prepares it (exposed for tests).
QByteArray saslPrep(const QString& password);

// The OpenSSL library in use, as it names itself ("OpenSSL 3.0.15 3 Sep 2024").
QString libraryVersion();

// Known-answer tests of SHA-256 and scrypt (RFC 7914); false means the crypto can't be trusted.
bool selfTest();

// Overwrites a buffer that held a secret.
void wipe(QByteArray& buffer);
void wipe(QString& buffer);
void wipeMemory(void* data, std::size_t size);
// A secret handed to another thread: one unshared buffer, wiped when its last holder lets go. Read it
// through the pointer; a copy would be a second buffer the wipe can't reach.
std::shared_ptr<const QString> sharedSecret(QString text);

} // namespace pd::Secrets
