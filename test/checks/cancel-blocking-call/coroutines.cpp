// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -isystem %S/../../Inputs/folly
//
// Coroutines. A folly::coro::Task that co_awaits co_current_cancellation_token
// holds its task's token; its promise hands that token to every awaited
// operation, so a co_await consults it. A coroutine may also receive a
// token as a parameter, like any function.
#include <folly/CancellationToken.h>
#include <folly/coro/Task.h>
#include <folly/synchronization/Baton.h>

#include <chrono>
#include <stop_token>
#include <thread>

using namespace std::chrono_literals;

bool running = true;
folly::coro::Task<void> step();
folly::coro::Task<int> fetch(int);

folly::coro::Task<void> blocking_in_task() {
  const folly::CancellationToken &token =
      co_await folly::coro::co_current_cancellation_token;
  std::this_thread::sleep_for(2s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' waits up to 2 s without observing 'token', longer than MaxUncheckedWait (1 s); wait in bounded slices and check 'token.isCancellationRequested()' between them [cancel-blocking-call]
  folly::Baton<> baton;
  baton.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'folly::Baton::wait' blocks without observing 'token': cancellation cannot interrupt it; use folly::Baton::try_wait_for [cancel-blocking-call]
}

folly::coro::Task<void> token_in_place() {
  if ((co_await folly::coro::co_current_cancellation_token)
          .isCancellationRequested())
    co_return;
  std::this_thread::sleep_for(3s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' waits up to 3 s without observing the coroutine's 'folly::CancellationToken', longer than MaxUncheckedWait (1 s) [cancel-blocking-call]
}

folly::coro::Task<int> loops() {
  auto token = co_await folly::coro::co_current_cancellation_token;
  int sum = 0;
  // Not flagged: each co_await passes the task's token on.
  while (running) {
    co_await step();
    sum += co_await fetch(sum);
  }
  // A loop without co_await passes nothing on.
  while (running) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never consults 'token': cancellation cannot end it; check 'token.isCancellationRequested()' in it or pass 'token' to the calls that wait in it [cancel-blocking-call]
    std::this_thread::sleep_for(100ms);
    sum += 1;
  }
  co_return sum;
}

// Not flagged: a Task that never asks for its token holds none here.
folly::coro::Task<void> never_asks() {
  std::this_thread::sleep_for(2s);
  co_return;
}

// A folly token received as a parameter.
void worker(folly::CancellationToken token, folly::Baton<> &baton) {
  while (!token.isCancellationRequested())
    (void)baton.try_wait_for(100ms); // not flagged: bounded, loop checks
  baton.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'folly::Baton::wait' blocks without observing 'token': cancellation cannot interrupt it; use folly::Baton::try_wait_for [cancel-blocking-call]
}

// Not flagged: a registration on the token can post the baton.
void woken(folly::CancellationToken token, folly::Baton<> &baton) {
  folly::CancellationCallback cb(token, [&] { baton.post(); });
  baton.wait();
}
