// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -isystem %inputs/folly -I %S/Inputs -I %inputs/coro
//
// folly: catch handlers swallowing folly::OperationCancelled (a model
// done_exceptions entry) or, with catch (...), the cancellation of a call
// given a CancellationToken; stop requests noticed through
// isCancellationRequested().
#include <folly/CancellationToken.h>
#include <folly/OperationCancelled.h>

#include "task.h"
#include <exception>
#include <iostream>

void fetch(folly::CancellationToken ct);
void fetchUncancellable();
void report(const folly::OperationCancelled &e);

void swallowsCancelled(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: catch handler swallows 'folly::OperationCancelled' and goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << "cancelled, retrying\n";
    }
  }
}

void catchAll(const folly::CancellationToken &ct) {
  while (true) {
    try {
      fetch(ct);
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: catch-all handler swallows the cancellation of a cancellable call and goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << "failed, retrying\n";
    }
  }
}

// A subclass of a done exception is one too.
struct ShardCancelled : folly::OperationCancelled {};
void swallowsSubclass(folly::CancellationToken ct) {
  for (int i = 0; i < 3; ++i) {
    try {
      fetch(ct);
    } catch (ShardCancelled &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: catch handler swallows 'ShardCancelled' and goes round the loop again instead of leaving it [cancel-swallowed-done]
      continue;
    }
  }
}

// --- Not flagged: the handler leaves or hands the cancellation on.
void rethrows(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &) {
      throw;
    }
  }
}

void breaksOut(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
      return;
    } catch (const folly::OperationCancelled &) {
      break;
    }
  }
}

void handsOn(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &e) {
      report(e);
    }
  }
}

void checksToken(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
    } catch (...) {
      if (ct.isCancellationRequested())
        return;
      std::cerr << "transient failure\n";
    }
  }
}

// Nothing cancellable in the try block.
void catchAllUncancellable() {
  for (;;) {
    try {
      fetchUncancellable();
    } catch (...) {
      std::cerr << "failed\n";
    }
  }
}

// Not in a loop.
void notInLoop(folly::CancellationToken ct) {
  try {
    fetch(ct);
  } catch (const folly::OperationCancelled &) {
    std::cerr << "cancelled\n";
  }
}

// --- Coroutines: a co_await can end in a thrown cancellation.
Awaitable<void> sleepFor(int ms);

Task ticker() {
  for (;;) {
    try {
      co_await sleepFor(100);
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: catch-all handler swallows the cancellation of a cancellable call and goes round the loop again instead of leaving it [cancel-swallowed-done]
    }
    std::cout << "tick\n";
  }
}

Task tickerStops() {
  for (;;) {
    try {
      co_await sleepFor(100);
    } catch (const folly::OperationCancelled &) {
      co_return;
    }
    std::cout << "tick\n";
  }
}

// --- Stop requests noticed and ignored.
void pollIgnores(folly::CancellationToken ct) {
  for (;;) {
    if (ct.isCancellationRequested())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: stop request seen by 'ct.isCancellationRequested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
      std::cerr << "cancellation requested\n";
    fetchUncancellable();
  }
}

// --- Suppressed.
void suppressed(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &) { // NOLINT(cancel-swallowed-done)
    }
  }
}

// --- Not flagged: a throw caught by the loop's own catch, where the catch
// changes what the loop condition tests: the loop decides when to stop.
void countsAttempts(folly::CancellationToken ct) {
  int timesDone = 0;
  while (timesDone < 3) {
    try {
      if (ct.isCancellationRequested())
        throw "cancelled";
      fetch(ct);
    } catch (const char *) {
      ++timesDone;
    }
  }
}

template <int Limit> void countsCancellations(folly::CancellationToken ct) {
  int timesDone = 0;
  while (timesDone < Limit) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &) {
      ++timesDone;
    }
  }
}
template void countsCancellations<3>(folly::CancellationToken);
