// Test stub of <folly/coro/Task.h>: folly::coro::Task<T> and the promise
// behaviour checks rely on, with folly's names: every co_await passes the
// task's token on (await_transform wraps the awaitable in
// co_withCancellation(cancelToken_, ...)), and co_await
// co_current_cancellation_token yields `const folly::CancellationToken&`.
// Executors and async stacks are left out. Tests only compile against it;
// nothing here links or runs.
#pragma once

#include <folly/CancellationToken.h>
#include <folly/coro/CurrentExecutor.h>
#include <folly/coro/WithCancellation.h>

#include <coroutine>
#include <exception>
#include <utility>

namespace folly {
namespace coro {

template <typename T = void>
class Task;

namespace detail {

template <typename T>
class ready_awaitable {
public:
  explicit ready_awaitable(T value) noexcept
      : value_(static_cast<T &&>(value)) {}
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() noexcept { return static_cast<T &&>(value_); }

private:
  T value_;
};

class TaskPromiseBase {
  class FinalAwaiter {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };

public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}

  // folly also wraps the result in co_viaIfAsync, which keeps an lvalue
  // awaitable (a Baton) by reference; decltype(auto) does that here.
  template <typename Awaitable>
  decltype(auto) await_transform(Awaitable &&awaitable) {
    return folly::coro::co_withCancellation(
        cancelToken_, static_cast<Awaitable &&>(awaitable));
  }

  auto await_transform(co_current_cancellation_token_t) noexcept {
    return ready_awaitable<const folly::CancellationToken &>{cancelToken_};
  }

protected:
  folly::CancellationToken cancelToken_;
};

template <typename T>
class TaskPromise : public TaskPromiseBase {
public:
  Task<T> get_return_object() noexcept;
  template <typename U = T>
  void return_value(U &&value) {}
};

template <>
class TaskPromise<void> : public TaskPromiseBase {
public:
  Task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};

} // namespace detail

template <typename T>
class Task {
public:
  using promise_type = detail::TaskPromise<T>;

  // Awaiting a task from another task (folly goes through co_viaIfAsync).
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

} // namespace coro
} // namespace folly
