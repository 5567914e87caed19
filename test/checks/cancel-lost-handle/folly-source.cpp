// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20 -isystem %inputs/folly
// folly::CancellationSource and folly::CancellationCallback (test stub of
// folly/CancellationToken.h).
#include <folly/CancellationToken.h>
#include <thread>

void work(folly::CancellationToken);
bool ready();

void detached() {
  folly::CancellationSource source;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancellation source 'source' may be destroyed while the work started at line [[@LINE+1]] still runs; that work can never be stopped [cancel-lost-handle]
  std::thread(work, source.getToken()).detach();
}

void cancelledLater() {
  folly::CancellationSource source;
  std::thread worker(work, source.getToken());
  worker.detach();
  while (!ready()) {
  }
  source.requestCancellation();
}

void copiedFromShared(const folly::CancellationSource &shared) {
  folly::CancellationSource source = shared; // shares the caller's state
  std::thread(work, source.getToken()).detach();
}

void joinedWorker() {
  folly::CancellationSource source;
  std::thread worker(work, source.getToken());
  worker.join();
}

void merged(folly::CancellationToken a, folly::CancellationToken b) {
  folly::CancellationCallback(folly::cancellation_token_merge(a, b), [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'folly::CancellationCallback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
  folly::CancellationCallback kept(std::move(a), [] {});
  work(b);
}
