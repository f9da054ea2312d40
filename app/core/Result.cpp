#include "core/Result.h"

namespace pd {

QString errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Validation:
        return QStringLiteral("validation");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::NotPermitted:
        return QStringLiteral("not_permitted");
    case ErrorKind::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorKind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace pd
