// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -isystem %S/../../Inputs/folly -I %S/../../Inputs
//
// co_await on an awaitable that ignores the coroutine's cancellation token
// (model uncancellable_awaitables: folly::coro::Baton, folly::fibers::Baton).
// A folly::coro::Task's promise carries a token and hands it to every
// awaitable (co_withCancellation); a Baton ignores it, so a task cancelled
// while it waits on one waits on. Each rule in a plain coroutine, a member
// coroutine of a class template and a coroutine function template; the
// correct shapes stay quiet.
#include <folly/CancellationToken.h>
#include <folly/coro/Baton.h>
#include <folly/coro/Task.h>
#include <folly/fibers/Baton.h>
#include <coro/task.h>

#include <optional>

bool running = true;
folly::coro::Task<void> step();

// --- A coroutine that never takes its token.
folly::coro::Task<void> waitPlain(folly::coro::Baton &baton) {
  co_await baton;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'folly::coro::Baton' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
  co_await step(); // not flagged: a Task receives the token from the promise
}
template <class T> struct Waiter {
  folly::coro::Baton baton_;
  folly::coro::Task<T> wait() {
    co_await baton_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await on 'folly::coro::Baton' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
    co_return T{};
  }
  // Not flagged: awaiting a task passes the token on.
  folly::coro::Task<void> chained() { co_await step(); }
};
template struct Waiter<int>;
template struct Waiter<long>;
template <class B> folly::coro::Task<void> waitTemplate(B &baton) {
  co_await baton;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'folly::coro::Baton' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
}
template folly::coro::Task<void> waitTemplate(folly::coro::Baton &);

// folly::fibers::Baton is awaitable through a free operator co_await.
folly::coro::Task<void> waitFiberBaton(folly::fibers::Baton &baton) {
  while (running) {
    co_await baton;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await on 'folly::fibers::Baton' does not observe the coroutine's cancellation token, which the coroutine never takes: cancelling the coroutine cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
    baton.reset();
  }
}

// --- A coroutine that takes its token and registers a callback that posts
// the baton: folly's own shape (folly::coro::sleep, toTaskInterruptOnCancel).
folly::coro::Task<bool> cancellablePlain(folly::coro::Baton &baton) {
  bool cancelled = false;
  {
    folly::CancellationCallback cb(
        co_await folly::coro::co_current_cancellation_token, [&]() noexcept {
          cancelled = true;
          baton.post();
        });
    co_await baton;
  }
  co_return !cancelled;
}
template <class T> struct Cancellable {
  folly::coro::Baton baton_;
  folly::coro::Task<T> wait() {
    const folly::CancellationToken &token =
        co_await folly::coro::co_current_cancellation_token;
    folly::CancellationCallback cb(token, [this] { baton_.post(); });
    co_await baton_;
    co_return T{};
  }
};
template struct Cancellable<int>;
template struct Cancellable<long>;
template <class B> folly::coro::Task<void> cancellableTemplate(B &baton) {
  const auto &token = co_await folly::coro::co_current_cancellation_token;
  folly::CancellationCallback cb(token, [&] { baton.post(); });
  co_await baton;
}
template folly::coro::Task<void> cancellableTemplate(folly::coro::Baton &);

// A registration held in a std::optional, built in place or emplaced (as
// folly::coro::timeout does), also registers on the token.
folly::coro::Task<void> optionalCallback(folly::coro::Baton &baton) {
  std::optional<folly::CancellationCallback> cb{
      std::in_place, co_await folly::coro::co_current_cancellation_token,
      [&] { baton.post(); }};
  co_await baton;
}
template <class T> struct Emplaced {
  folly::coro::Task<T> wait(folly::coro::Baton &baton) {
    std::optional<folly::CancellationCallback> cb;
    cb.emplace(co_await folly::coro::co_current_cancellation_token,
               [&] { baton.post(); });
    co_await baton;
    co_return T{};
  }
};
template struct Emplaced<int>;

// --- A coroutine that takes its token but nothing wakes the wait.
folly::coro::Task<void> takesButIgnores(folly::coro::Baton &baton) {
  const folly::CancellationToken &token =
      co_await folly::coro::co_current_cancellation_token;
  if (token.isCancellationRequested())
    co_return;
  co_await baton;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'folly::coro::Baton' does not observe 'token': cancellation cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
}
// Handing the token to co_withCancellation changes nothing: folly's default
// co_withCancellation returns the Baton as it is.
template <class T> struct Handed {
  folly::coro::Task<void> wait(folly::CancellationToken token,
                               folly::coro::Baton &baton) {
    co_await folly::coro::co_withCancellation(token, baton);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await on 'folly::coro::Baton' does not observe 'token': cancellation cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
  }
};
template struct Handed<int>;

template <class B> folly::coro::Task<void> takesButIgnoresTemplate(B &baton) {
  auto token = co_await folly::coro::co_current_cancellation_token;
  if (token.isCancellationRequested())
    co_return;
  co_await baton;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: co_await on 'folly::coro::Baton' does not observe 'token': cancellation cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
}
template folly::coro::Task<void> takesButIgnoresTemplate(folly::coro::Baton &);

// A loop in a coroutine that took its token: a co_await of a Baton does not
// pass the token on, so the loop's one finding is at the co_await.
folly::coro::Task<void> loopTakesToken(folly::coro::Baton &baton) {
  auto token = co_await folly::coro::co_current_cancellation_token;
  while (running) {
    co_await baton;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: co_await on 'folly::coro::Baton' does not observe 'token': cancellation cannot interrupt this wait; use a folly::CancellationCallback on the coroutine's token (co_await folly::coro::co_current_cancellation_token) that posts the baton [cancel-blocking-call]
    baton.reset();
  }
  // Not flagged: the loop checks the token, and awaiting a task passes it.
  while (!token.isCancellationRequested())
    co_await step();
}

// Not flagged: a coroutine whose promise carries no token cannot be
// cancelled; what it awaits is not this check's business.
Task plainCoroutine(folly::coro::Baton &baton) { co_await baton; }

// Suppressed.
folly::coro::Task<void> suppressed(folly::coro::Baton &baton) {
  co_await baton; // NOLINT(cancel-blocking-call)
}
