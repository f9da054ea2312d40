#include "core/Secrets.h"

#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <memory>

namespace pd::Secrets {

namespace {

struct ScryptParams {
    int ln = 0; // log2(N)
    int r = 0;
    int p = 0;
};

// Today's cost. Raising any of these makes needsRehash() true for older hashes; verifyPin() keeps
// reading the parameters from the stored string, so old hashes still verify until they are redone.
constexpr ScryptParams CurrentParams{15, 8, 1};
constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;

// Bounds on what a stored string may ask for, so a corrupted or hostile row can't make a verify
// allocate gigabytes or spin for minutes.
constexpr int MaxLn = 20;
constexpr int MaxR = 32;
constexpr int MaxP = 16;
constexpr int MinStoredKeyBytes = 16;
constexpr int MaxStoredKeyBytes = 64;
constexpr std::uint64_t MaxMemoryBytes = 512ULL * 1024 * 1024;

constexpr QLatin1StringView Scheme{"scrypt"};

struct KdfDeleter {
    void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

// scrypt's working set, as OpenSSL counts it against maxmem.
constexpr std::uint64_t scryptMemory(std::uint64_t n, std::uint32_t r, std::uint32_t p) {
    return 128ULL * r * (n + p + 2);
}

// Returns an empty array when OpenSSL refuses (bad parameters, out of memory).
QByteArray scrypt(const QByteArray& password, const QByteArray& salt, std::uint64_t n, std::uint32_t r,
                  std::uint32_t p, int keyLength) {
    if (keyLength <= 0)
        return {};
    if (scryptMemory(n, r, p) > MaxMemoryBytes)
        return {};
    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr));
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return {};

    // OSSL_PARAM wants non-const pointers although it only reads them.
    std::uint64_t maxMem = MaxMemoryBytes;
    const std::array<OSSL_PARAM, 7> params{
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.constData()),
                                          static_cast<size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.constData()),
                                          static_cast<size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(keyLength, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()),
                       static_cast<size_t>(out.size()), params.data()) != 1) {
        wipe(out);
        return {};
    }
    return out;
}

QByteArray scryptWith(const QByteArray& password, const QByteArray& salt, const ScryptParams& params,
                      int keyLength) {
    return scrypt(password, salt, std::uint64_t{1} << params.ln, static_cast<std::uint32_t>(params.r),
                  static_cast<std::uint32_t>(params.p), keyLength);
}

// Plain decimal, no sign, no blanks: the format is ours, so anything else is a corrupted row.
std::optional<int> parseSmallInt(QStringView text) {
    if (text.isEmpty() || text.size() > 3)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

std::optional<QByteArray> parseBase64(QStringView text) {
    if (text.isEmpty())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

struct StoredHash {
    ScryptParams params;
    QByteArray salt;
    QByteArray hash;
};

std::optional<StoredHash> parseStored(const QString& stored) {
    const QStringList fields = stored.split(u'$');
    if (fields.size() != 4 || fields[0] != Scheme)
        return std::nullopt;

    StoredHash result;
    bool haveLn = false, haveR = false, haveP = false;
    for (const QString& pair : fields[1].split(u',')) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return std::nullopt;
        const QStringView key = QStringView(pair).left(eq);
        const std::optional<int> value = parseSmallInt(QStringView(pair).mid(eq + 1));
        if (!value)
            return std::nullopt;
        if (key == u"ln" && !haveLn) {
            result.params.ln = *value;
            haveLn = true;
        } else if (key == u"r" && !haveR) {
            result.params.r = *value;
            haveR = true;
        } else if (key == u"p" && !haveP) {
            result.params.p = *value;
            haveP = true;
        } else {
            return std::nullopt;
        }
    }
    if (!haveLn || !haveR || !haveP)
        return std::nullopt;
    if (result.params.ln < 1 || result.params.ln > MaxLn || result.params.r < 1 || result.params.r > MaxR ||
        result.params.p < 1 || result.params.p > MaxP)
        return std::nullopt;
    if (scryptMemory(std::uint64_t{1} << result.params.ln, static_cast<std::uint32_t>(result.params.r),
                     static_cast<std::uint32_t>(result.params.p)) > MaxMemoryBytes)
        return std::nullopt;

    auto salt = parseBase64(fields[2]);
    auto hash = parseBase64(fields[3]);
    if (!salt || !hash || hash->size() < MinStoredKeyBytes || hash->size() > MaxStoredKeyBytes)
        return std::nullopt;
    result.salt = std::move(*salt);
    result.hash = std::move(*hash);
    return result;
}

} // namespace

QByteArray randomBytes(int count) {
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        return {};
    return out;
}

QString newToken() {
    QByteArray raw = randomBytes(32);
    if (raw.isEmpty())
        return {};
    QByteArray encoded = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString token = QString::fromLatin1(encoded);
    wipe(raw);
    wipe(encoded);
    return token;
}

QByteArray sha256(const QByteArray& data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), md.data(), &length, EVP_sha256(),
                   nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(md.data()), static_cast<qsizetype>(length));
}

QString sha256Hex(const QByteArray& data) {
    return QString::fromLatin1(sha256(data).toHex());
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b) {
    // The length is not secret (hash and token lengths are fixed); only the contents are.
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

QString hashPin(const QString& pin) {
    const QByteArray salt = randomBytes(SaltBytes);
    if (salt.isEmpty())
        return {};
    QByteArray password = pin.toUtf8();
    QByteArray key = scryptWith(password, salt, CurrentParams, KeyBytes);
    wipe(password);
    if (key.isEmpty())
        return {};
    const QString result =
        QStringLiteral("scrypt$ln=%1,r=%2,p=%3$%4$%5")
            .arg(CurrentParams.ln)
            .arg(CurrentParams.r)
            .arg(CurrentParams.p)
            .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
    wipe(key);
    return result;
}

bool verifyPin(const QString& pin, const QString& stored) {
    const std::optional<StoredHash> parsed = parseStored(stored);
    if (!parsed)
        return false;
    QByteArray password = pin.toUtf8();
    QByteArray key =
        scryptWith(password, parsed->salt, parsed->params, static_cast<int>(parsed->hash.size()));
    wipe(password);
    const bool equal = !key.isEmpty() && constantTimeEquals(key, parsed->hash);
    wipe(key);
    return equal;
}

bool needsRehash(const QString& stored) {
    const std::optional<StoredHash> parsed = parseStored(stored);
    if (!parsed)
        return true;
    return parsed->params.ln < CurrentParams.ln || parsed->params.r < CurrentParams.r ||
           parsed->params.p < CurrentParams.p || parsed->salt.size() < SaltBytes ||
           parsed->hash.size() < KeyBytes;
}

namespace {

bool mappedToSpace(char32_t c) {
    return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

bool mappedToNothing(char32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) ||
           (c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

bool prohibited(char32_t c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || mappedToSpace(c))
        return true;
    if (c == 0x06DD || c == 0x070F || c == 0x180E || (c >= 0x200C && c <= 0x200F) ||
        (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF ||
        (c >= 0xFFF9 && c <= 0xFFFD) || (c >= 0x1D173 && c <= 0x1D17A) || c == 0x0340 || c == 0x0341 ||
        c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F) || (c >= 0x2FF0 && c <= 0x2FFB))
        return true;
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || (c >= 0xD800 && c <= 0xDFFF))
        return true;
    if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF))
        return true;
    return QChar::category(c) == QChar::Other_NotAssigned;
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.constData(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()),
              md.data(), &length))
        return {};
    return QByteArray(reinterpret_cast<const char*>(md.data()), static_cast<qsizetype>(length));
}

} // namespace

QByteArray saslPrep(const QString& password) {
    const QByteArray raw = password.toUtf8();
    bool ascii = true;
    for (char c : raw)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return raw; // libpq passes ASCII through untouched
    QString mapped;
    for (char32_t c : password.toUcs4()) {
        if (mappedToNothing(c))
            continue;
        if (mappedToSpace(c))
            c = U' ';
        mapped.append(QString::fromUcs4(&c, 1));
    }
    const QString normal = mapped.normalized(QString::NormalizationForm_KC);
    bool rightToLeft = false;
    bool leftToRight = false;
    const QList<uint> code = normal.toUcs4();
    for (char32_t c : code) {
        if (prohibited(c))
            return raw;
        const QChar::Direction d = QChar::direction(c);
        rightToLeft = rightToLeft || d == QChar::DirR || d == QChar::DirAL;
        leftToRight = leftToRight || d == QChar::DirL;
    }
    if (rightToLeft) {
        const auto rtl = [](char32_t c) {
            const QChar::Direction d = QChar::direction(c);
            return d == QChar::DirR || d == QChar::DirAL;
        };
        if (leftToRight || !rtl(code.first()) || !rtl(code.last()))
            return raw;
    }
    return normal.isEmpty() ? raw : normal.toUtf8();
}

QString scramVerifier(const QString& password, int iterations, const QByteArray& givenSalt) {
    const QByteArray salt = givenSalt.isEmpty() ? randomBytes(16) : givenSalt;
    if (salt.isEmpty() || iterations < 1)
        return {};
    QByteArray prepared = saslPrep(password);
    QByteArray salted(32, Qt::Uninitialized);
    const bool derived = PKCS5_PBKDF2_HMAC(prepared.constData(), static_cast<int>(prepared.size()),
                                           reinterpret_cast<const unsigned char*>(salt.constData()),
                                           static_cast<int>(salt.size()), iterations, EVP_sha256(),
                                           static_cast<int>(salted.size()),
                                           reinterpret_cast<unsigned char*>(salted.data())) == 1;
    wipe(prepared);
    if (!derived)
        return {};
    QByteArray clientKey = hmacSha256(salted, QByteArrayLiteral("Client Key"));
    const QByteArray serverKey = hmacSha256(salted, QByteArrayLiteral("Server Key"));
    wipe(salted);
    const QByteArray storedKey = sha256(clientKey);
    wipe(clientKey);
    if (storedKey.isEmpty() || serverKey.isEmpty())
        return {};
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

QString libraryVersion() {
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

bool selfTest() {
    // FIPS 180-2, appendix B.1.
    if (sha256Hex(QByteArrayLiteral("abc")) !=
        u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        return false;
    if (sha256Hex(QByteArray()) != u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        return false;

    // RFC 7914, section 12: the empty-password vector and the "password"/"NaCl" vector.
    const QByteArray empty = scrypt(QByteArray(), QByteArray(), 16, 1, 1, 64);
    if (empty.toHex() != "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                         "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
        return false;
    const QByteArray nacl = scrypt(QByteArrayLiteral("password"), QByteArrayLiteral("NaCl"), 1024, 8, 16, 64);
    if (nacl.toHex() != "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
        return false;

    // A facade that can't produce randomness can't make tokens or salts.
    return randomBytes(16).size() == 16;
}

void wipe(QByteArray& buffer) {
    // data() detaches a shared buffer, so only this copy is wiped; callers keep secrets unshared.
    if (!buffer.isEmpty())
        OPENSSL_cleanse(buffer.data(), static_cast<size_t>(buffer.size()));
    buffer.clear();
}

void wipe(QString& buffer) {
    if (!buffer.isEmpty())
        OPENSSL_cleanse(buffer.data(), static_cast<size_t>(buffer.size()) * sizeof(QChar));
    buffer.clear();
}

void wipeMemory(void* data, std::size_t size) {
    OPENSSL_cleanse(data, size);
}

std::shared_ptr<const QString> sharedSecret(QString text) {
    text.detach();
    return std::shared_ptr<const QString>(new QString(std::move(text)), [](const QString* secret) {
        auto* owned = const_cast<QString*>(secret);
        wipe(*owned);
        delete owned;
    });
}

} // namespace pd::Secrets
