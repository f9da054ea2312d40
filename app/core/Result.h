// Errors as values: every operation that can be refused returns a Result.
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace pd {

enum class ErrorKind { Validation, Conflict, NotFound, NotPermitted, Unavailable, Internal };

// `rule` is a stable identifier of the rule that refused ("enrollment.patient_form_under_12");
// `message` is a translated sentence a staff member can act on.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString rule;
    QString message;

    static Error validation(QString rule, QString message) {
        return {ErrorKind::Validation, std::move(rule), std::move(message)};
    }
    static Error conflict(QString rule, QString message) {
        return {ErrorKind::Conflict, std::move(rule), std::move(message)};
    }
    static Error notFound(QString rule, QString message) {
        return {ErrorKind::NotFound, std::move(rule), std::move(message)};
    }
    static Error notPermitted(QString rule, QString message) {
        return {ErrorKind::NotPermitted, std::move(rule), std::move(message)};
    }
    static Error unavailable(QString rule, QString message) {
        return {ErrorKind::Unavailable, std::move(rule), std::move(message)};
    }
    static Error internal(QString rule, QString message) {
        return {ErrorKind::Internal, std::move(rule), std::move(message)};
    }
};

QString errorKindName(ErrorKind kind);

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(m_v); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const T& operator*() const { return std::get<0>(m_v); }
    T& operator*() { return std::get<0>(m_v); }
    const T* operator->() const { return &std::get<0>(m_v); }
    T* operator->() { return &std::get<0>(m_v); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace pd

// Propagates a failed Result out of the calling function.
#define PD_TRY(expr)                                                                                         \
    do {                                                                                                     \
        if (auto pd_try_r_ = (expr); !pd_try_r_.ok())                                                        \
            return pd_try_r_.error();                                                                        \
    } while (false)
