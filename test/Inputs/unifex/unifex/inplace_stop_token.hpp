// Test stub of <unifex/inplace_stop_token.hpp> (facebookexperimental/
// libunifex): the public names and signatures of libunifex's in-place stop
// tokens (inplace_stop_source, inplace_stop_token, inplace_stop_callback),
// declarations with minimal bodies. Debian packages no libunifex; tests
// only compile against this, nothing here links or runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>
#include <type_traits>
#include <utility>

namespace unifex {

class inplace_stop_token;
class inplace_stop_source;
template <typename F>
class inplace_stop_callback;

class inplace_stop_callback_base {
public:
  void execute() noexcept { this->execute_(this); }

protected:
  using execute_fn = void(inplace_stop_callback_base *cb) noexcept;
  explicit inplace_stop_callback_base(inplace_stop_source *source,
                                      execute_fn *execute) noexcept
      : source_(source), execute_(execute) {}
  void register_callback() noexcept;

  friend inplace_stop_source;
  inplace_stop_source *source_;
  execute_fn *execute_;
  inplace_stop_callback_base *next_ = nullptr;
  inplace_stop_callback_base **prevPtr_ = nullptr;
  bool *removedDuringCallback_ = nullptr;
  std::atomic<bool> callbackCompleted_{false};
};

// The owner of a stop state; neither copyable nor movable.
class inplace_stop_source {
public:
  inplace_stop_source() noexcept = default;
  ~inplace_stop_source();
  inplace_stop_source(inplace_stop_source &&) = delete;

  inplace_stop_token get_token() noexcept;
  bool request_stop() noexcept;
  bool stop_requested() const noexcept {
    return (state_.load(std::memory_order_acquire) & stop_requested_flag) !=
           0;
  }

private:
  friend inplace_stop_token;
  friend inplace_stop_callback_base;
  template <typename F>
  friend class inplace_stop_callback;

  static constexpr std::uint8_t stop_requested_flag = 1;
  static constexpr std::uint8_t locked_flag = 2;

  bool try_add_callback(inplace_stop_callback_base *callbackPtr) noexcept;
  void remove_callback(inplace_stop_callback_base *callbackPtr) noexcept;

  std::atomic<std::uint8_t> state_{0};
  inplace_stop_callback_base *callbacks_ = nullptr;
  std::thread::id notifyingThreadId_;
};

class inplace_stop_token {
public:
  template <typename F>
  using callback_type = inplace_stop_callback<F>;

  inplace_stop_token() noexcept : source_(nullptr) {}
  inplace_stop_token(const inplace_stop_token &other) noexcept = default;
  inplace_stop_token(inplace_stop_token &&other) noexcept
      : source_(std::exchange(other.source_, {})) {}
  ~inplace_stop_token() = default;
  inplace_stop_token &
  operator=(const inplace_stop_token &other) noexcept = default;
  inplace_stop_token &operator=(inplace_stop_token &&other) noexcept {
    source_ = std::exchange(other.source_, nullptr);
    return *this;
  }

  bool stop_requested() const noexcept {
    return source_ != nullptr && source_->stop_requested();
  }
  bool stop_possible() const noexcept { return source_ != nullptr; }
  void swap(inplace_stop_token &other) noexcept {
    std::swap(source_, other.source_);
  }
  friend bool operator==(const inplace_stop_token &a,
                         const inplace_stop_token &b) noexcept {
    return a.source_ == b.source_;
  }

private:
  friend inplace_stop_source;
  template <typename F>
  friend class inplace_stop_callback;
  explicit inplace_stop_token(inplace_stop_source *source) noexcept
      : source_(source) {}
  inplace_stop_source *source_;
};

inline inplace_stop_token inplace_stop_source::get_token() noexcept {
  return inplace_stop_token{this};
}

// An RAII registration: the callback runs when stop is requested, until
// the object is destroyed. Neither copyable nor movable.
template <typename F>
class inplace_stop_callback final : private inplace_stop_callback_base {
public:
  template <typename T,
            std::enable_if_t<std::is_convertible_v<T, F>, int> = 0>
  explicit inplace_stop_callback(inplace_stop_token token, T &&func) noexcept(
      std::is_nothrow_constructible_v<F, T>)
      : inplace_stop_callback_base(token.source_, &inplace_stop_callback::execute_impl),
        func_(static_cast<T &&>(func)) {
    this->register_callback();
  }
  ~inplace_stop_callback();

private:
  static void execute_impl(inplace_stop_callback_base *cb) noexcept {
    std::move(static_cast<inplace_stop_callback *>(cb)->func_)();
  }
  F func_;
};

template <typename F>
inplace_stop_callback(inplace_stop_token, F) -> inplace_stop_callback<F>;

} // namespace unifex
