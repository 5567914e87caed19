// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/awaitables.json'}}" %s cancel-blocking-call %t -- -- -std=c++20 -isystem %S/../../Inputs/folly
//
// A user model lists its own awaitables that ignore the coroutine's token:
// by the class awaited, or by the awaiter its operator co_await returns.
// Classes derived from an entry count.
#include <folly/CancellationToken.h>
#include <folly/coro/Task.h>

#include <coroutine>

namespace app {
struct Event {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};
struct TimedEvent : Event {};
class Gate {
public:
  struct Awaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept;
  };
  Awaiter operator co_await() noexcept;
};
// Not listed: taken to observe the token.
struct Channel {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  int await_resume() noexcept;
};
} // namespace app

folly::coro::Task<void> plain(app::Event &event, app::Gate &gate,
                              app::TimedEvent &timed, app::Channel &channel) {
  co_await event;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'app::Event' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use app::Event::wait(token) [cancel-blocking-call]
  co_await gate;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'app::Gate::Awaiter' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait [cancel-blocking-call]
  co_await timed;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'app::TimedEvent' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use app::Event::wait(token) [cancel-blocking-call]
  (void)co_await channel;
}

template <class T> struct Member {
  folly::coro::Task<T> wait(app::Event &event) {
    co_await event;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await on 'app::Event' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use app::Event::wait(token) [cancel-blocking-call]
    co_return T{};
  }
  // Not flagged: the callback registered on the token can wake the wait.
  folly::coro::Task<void> woken(app::Event &event) {
    const auto &token = co_await folly::coro::co_current_cancellation_token;
    folly::CancellationCallback cb(token, [] {});
    co_await event;
  }
};
template struct Member<int>;

template <class G> folly::coro::Task<void> generic(G &gate) {
  co_await gate;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'app::Gate::Awaiter' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait [cancel-blocking-call]
}
template folly::coro::Task<void> generic(app::Gate &);
template folly::coro::Task<void> generic(app::Channel &);
