// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace certdeck {

/// A value or an Error, with the std::expected interface C++20 lacks (has_value, value, error,
/// operator*, operator->, value_or, and_then, transform). Implicitly built from either a T or an
/// Error, so `co_return someError;` and `return value;` both read naturally.
/// Accessing value() of an error (or error() of a value) is a programming error: it asserts.
template <typename T> class [[nodiscard]] Result {
    static_assert(!std::is_same_v<std::remove_cvref_t<T>, Error>, "Result<Error> is ambiguous");

public:
    using value_type = T;

    /// An empty Result is an error ("no result"); it exists for containers and QCoro::waitFor.
    Result()
        : m_data(std::in_place_index<1>, Error(ErrorCode::Unknown, QStringLiteral("No result."))) {}
    Result(const T& v)
        : m_data(std::in_place_index<0>, v) {}
    Result(T&& v)
        : m_data(std::in_place_index<0>, std::move(v)) {}
    template <typename U>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, T> &&
             !std::is_same_v<std::remove_cvref_t<U>, Error> && !std::is_same_v<std::remove_cvref_t<U>, Result>)
        Result(U&& v)
        : m_data(std::in_place_index<0>, T(std::forward<U>(v))) {}
    Result(const Error& e)
        : m_data(std::in_place_index<1>, e) {}
    Result(Error&& e)
        : m_data(std::in_place_index<1>, std::move(e)) {}

    [[nodiscard]] bool has_value() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(m_data);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(m_data);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(m_data));
    }
    const Error& error() const& {
        assert(!has_value());
        return std::get<1>(m_data);
    }
    Error&& error() && {
        assert(!has_value());
        return std::get<1>(std::move(m_data));
    }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    template <typename U> T value_or(U&& fallback) const& {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    /// f(T) -> Result<U>; an error passes through untouched.
    template <typename F> auto and_then(F&& f) const& -> std::invoke_result_t<F, const T&> {
        if (!has_value())
            return error();
        return std::forward<F>(f)(value());
    }
    /// f(T) -> U, giving Result<U>.
    template <typename F> auto transform(F&& f) const& -> Result<std::invoke_result_t<F, const T&>> {
        if (!has_value())
            return error();
        return std::forward<F>(f)(value());
    }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that produces nothing but may fail.
template <> class [[nodiscard]] Result<void> {
public:
    using value_type = void;

    Result() = default;
    Result(const Error& e)
        : m_error(e)
        , m_failed(true) {}
    Result(Error&& e)
        : m_error(std::move(e))
        , m_failed(true) {}

    [[nodiscard]] bool has_value() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return has_value(); }
    void value() const { assert(has_value()); }
    const Error& error() const& {
        assert(m_failed);
        return m_error;
    }
    Error&& error() && {
        assert(m_failed);
        return std::move(m_error);
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace certdeck
