// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t -- -- -std=c++20 -isystem %inputs/folly
#include <folly/CancellationToken.h>
#include <folly/coro/CurrentExecutor.h>
#include <folly/coro/Task.h>
#include <folly/coro/WithCancellation.h>

void run(const folly::CancellationToken &ct);
void runAll(folly::CancellationToken ct, int n);
folly::coro::Task<void> child();

// --- 1. A token that is never cancelled.
void roots(folly::CancellationToken ct) {
  run(folly::CancellationToken{});
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'folly::CancellationToken{}' passed to 'run' is a default-constructed 'folly::CancellationToken' that is never cancelled, not derived from 'ct'; cancelling 'ct' does not reach this call [cancel-unforwarded-context]
  runAll({}, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: '{}' passed to 'runAll' is a default-constructed 'folly::CancellationToken' that is never cancelled, not derived from 'ct'; cancelling 'ct' does not reach this call [cancel-unforwarded-context]
  run(ct);
}

// --- 2. Local sources, linked or not.
void sources(const folly::CancellationToken &ct) {
  folly::CancellationSource own;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: local source 'own' is not linked to 'ct'; cancelling 'ct' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  run(own.getToken());

  folly::CancellationSource forwarded;
  folly::CancellationCallback cb(ct, [&] { forwarded.requestCancellation(); });
  run(forwarded.getToken());

  folly::CancellationSource merged;
  run(folly::cancellation_token_merge(ct, merged.getToken()));
  runAll(merged.getToken(), 1);
  // Merging with a token that never cancels is harmless.
  run(folly::cancellation_token_merge(ct, folly::CancellationToken{}));
}

// --- Coroutines hold the token they co_await.
folly::coro::Task<void> coroutine() {
  auto tok = co_await folly::coro::co_current_cancellation_token;
  run(folly::CancellationToken{});
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'folly::CancellationToken{}' passed to 'run' is a default-constructed 'folly::CancellationToken' that is never cancelled, not derived from 'tok'; cancelling 'tok' does not reach this call [cancel-unforwarded-context]
  co_await folly::coro::co_withCancellation(folly::CancellationToken{}, child());
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'folly::CancellationToken{}' passed to 'co_withCancellation' is a default-constructed 'folly::CancellationToken' that is never cancelled, not derived from 'tok'; cancelling 'tok' does not reach this call [cancel-unforwarded-context]
  run(tok);
  co_await folly::coro::co_withCancellation(tok, child());
}

folly::coro::Task<void> inPlace() {
  run(co_await folly::coro::co_current_cancellation_token);
  runAll(folly::CancellationToken(), 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'folly::CancellationToken()' passed to 'runAll' is a default-constructed 'folly::CancellationToken' that is never cancelled, not derived from the coroutine's 'folly::CancellationToken'; cancelling the coroutine's 'folly::CancellationToken' does not reach this call [cancel-unforwarded-context]
}

// Not flagged: a coroutine that never asks for its token holds none here
// (folly passes it to what it awaits anyway).
folly::coro::Task<void> implicit() {
  co_await child();
  run(folly::CancellationToken{});
}
