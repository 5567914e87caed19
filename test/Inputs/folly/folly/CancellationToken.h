// Test stub of <folly/CancellationToken.h>: the public names and signatures
// of folly's header (CancellationToken, CancellationSource,
// CancellationCallback, cancellation_token_merge), declarations with minimal
// bodies. Tests only compile against it; nothing here links or runs.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

namespace folly {

class CancellationCallback;
class CancellationSource;
struct OperationCancelled;

namespace detail {
class CancellationState;
struct CancellationStateTokenDeleter {
  void operator()(CancellationState *) noexcept;
};
struct CancellationStateSourceDeleter {
  void operator()(CancellationState *) noexcept;
};
using CancellationStateTokenPtr =
    std::unique_ptr<CancellationState, CancellationStateTokenDeleter>;
using CancellationStateSourcePtr =
    std::unique_ptr<CancellationState, CancellationStateSourceDeleter>;
template <typename... Data>
struct WithDataTag {};
} // namespace detail

// Observes cancellation. A default-constructed token can never be cancelled.
class CancellationToken {
public:
  CancellationToken() noexcept = default;
  CancellationToken(const CancellationToken &other) noexcept;
  CancellationToken(CancellationToken &&other) noexcept;
  CancellationToken &operator=(const CancellationToken &other) noexcept;
  CancellationToken &operator=(CancellationToken &&other) noexcept;

  bool isCancellationRequested() const noexcept;
  bool canBeCancelled() const noexcept;
  void swap(CancellationToken &other) noexcept;

  friend bool operator==(const CancellationToken &a,
                         const CancellationToken &b) noexcept;

private:
  friend class CancellationCallback;
  friend class CancellationSource;
  explicit CancellationToken(detail::CancellationStateTokenPtr state) noexcept;
  detail::CancellationStateTokenPtr state_;
};

bool operator==(const CancellationToken &a, const CancellationToken &b) noexcept;
bool operator!=(const CancellationToken &a, const CancellationToken &b) noexcept;

// Requests cancellation of the work its tokens were handed to. Copies share
// the same state.
class CancellationSource {
public:
  CancellationSource();
  CancellationSource(const CancellationSource &other) noexcept;
  CancellationSource(CancellationSource &&other) noexcept;
  CancellationSource &operator=(const CancellationSource &other) noexcept;
  CancellationSource &operator=(CancellationSource &&other) noexcept;

  static CancellationSource invalid() noexcept;

  bool isCancellationRequested() const noexcept;
  bool canBeCancelled() const noexcept;
  CancellationToken getToken() const noexcept;
  // Returns the previous state: true if cancellation had been requested.
  bool requestCancellation() const noexcept;
  void swap(CancellationSource &other) noexcept;

  template <typename... Data, typename... Args>
  static std::pair<CancellationSource, std::tuple<Data...> *>
  create(detail::WithDataTag<Data...>, Args &&...data);

  friend bool operator==(const CancellationSource &a,
                         const CancellationSource &b) noexcept;

private:
  explicit CancellationSource(detail::CancellationStateSourcePtr &&state);
  detail::CancellationStateSourcePtr state_;
};

bool operator==(const CancellationSource &a,
                const CancellationSource &b) noexcept;
bool operator!=(const CancellationSource &a,
                const CancellationSource &b) noexcept;

// RAII registration of a callback with a token; not copyable or movable.
class CancellationCallback {
  using VoidFunction = std::function<void()>; // folly::Function in folly

public:
  template <typename Callable,
            std::enable_if_t<std::is_constructible<VoidFunction, Callable>::value,
                             int> = 0>
  CancellationCallback(CancellationToken &&ct, Callable &&callable)
      : callback_(static_cast<Callable &&>(callable)) {}
  template <typename Callable,
            std::enable_if_t<std::is_constructible<VoidFunction, Callable>::value,
                             int> = 0>
  CancellationCallback(const CancellationToken &ct, Callable &&callable)
      : callback_(static_cast<Callable &&>(callable)) {}

  ~CancellationCallback();

  CancellationCallback(const CancellationCallback &) = delete;
  CancellationCallback(CancellationCallback &&) = delete;
  CancellationCallback &operator=(const CancellationCallback &) = delete;
  CancellationCallback &operator=(CancellationCallback &&) = delete;

private:
  friend class detail::CancellationState;
  void invokeCallback() noexcept;

  CancellationCallback *next_ = nullptr;
  CancellationCallback **prevNext_ = nullptr;
  detail::CancellationState *state_ = nullptr;
  VoidFunction callback_;
  bool *destructorHasRunInsideCallback_ = nullptr;
  std::atomic<bool> callbackCompleted_{false};
};

// A token cancelled when any of the given tokens is.
struct cancellation_token_merge_fn {
  template <typename... Ts>
  CancellationToken operator()(Ts &&...tokens) const;
};
inline constexpr cancellation_token_merge_fn cancellation_token_merge{};

} // namespace folly
