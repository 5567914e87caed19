// Test stub of <stdexec/stop_token.hpp> (NVIDIA/stdexec): the public names
// and signatures of stdexec's stop tokens (never_stop_token,
// inplace_stop_source, inplace_stop_token, inplace_stop_callback),
// declarations with minimal bodies. Tests only compile against it; nothing
// here links or runs.
#pragma once

#include <atomic>
#include <concepts>
#include <cstdint>
#include <thread>
#include <utility>

#if __has_include(<stop_token>)
#include <stop_token>
#endif

namespace stdexec {

// [stoptoken.never], class never_stop_token
struct never_stop_token {
private:
  struct __callback_type {
    explicit __callback_type(never_stop_token, auto &&) noexcept {}
  };

public:
  template <class>
  using callback_type = __callback_type;

  static constexpr auto stop_requested() noexcept -> bool { return false; }
  static constexpr auto stop_possible() noexcept -> bool { return false; }
  auto operator==(const never_stop_token &) const noexcept -> bool = default;
};

class inplace_stop_token;
template <class _Callback>
class inplace_stop_callback;

// [stopsource.inplace], class inplace_stop_source: the sole owner of its
// stop state; not movable.
class inplace_stop_source {
public:
  inplace_stop_source() noexcept = default;
  ~inplace_stop_source();
  inplace_stop_source(inplace_stop_source &&) = delete;

  auto get_token() const noexcept -> inplace_stop_token;
  auto request_stop() noexcept -> bool;
  auto stop_requested() const noexcept -> bool;

private:
  mutable std::atomic<std::uint8_t> __state_{0};
};

// [stoptoken.inplace], class inplace_stop_token
class inplace_stop_token {
public:
  template <class _Fun>
  using callback_type = inplace_stop_callback<_Fun>;

  inplace_stop_token() noexcept : __source_(nullptr) {}
  inplace_stop_token(const inplace_stop_token &) noexcept = default;
  auto operator=(const inplace_stop_token &) noexcept
      -> inplace_stop_token & = default;

  [[nodiscard]] auto stop_requested() const noexcept -> bool;
  [[nodiscard]] auto stop_possible() const noexcept -> bool {
    return __source_ != nullptr;
  }
  void swap(inplace_stop_token &__other) noexcept {
    std::swap(__source_, __other.__source_);
  }
  auto operator==(const inplace_stop_token &) const noexcept -> bool = default;

private:
  friend inplace_stop_source;
  const inplace_stop_source *__source_;
};

// [stopcallback.inplace], class template inplace_stop_callback: RAII
// registration, neither copyable nor movable.
template <class _Fun>
class inplace_stop_callback {
public:
  template <class _Fun2>
    requires std::constructible_from<_Fun, _Fun2>
  explicit inplace_stop_callback(inplace_stop_token __token,
                                 _Fun2 &&__fun) noexcept
      : __fun_(static_cast<_Fun2 &&>(__fun)) {}
  ~inplace_stop_callback();

private:
  _Fun __fun_;
};

} // namespace stdexec
