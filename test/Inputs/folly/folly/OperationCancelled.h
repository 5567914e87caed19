// Test stub of <folly/OperationCancelled.h>: the exception folly's
// cancellable operations (folly::coro::sleep, co_safe_point, ...) throw when
// their cancellation token is cancelled. Same name, base and members as
// folly's header; tests only compile against it.
#pragma once

#include <exception>

namespace folly {

// This exception is folly-internal, do NOT use this in new user code.
struct OperationCancelled : public std::exception {
  const char *what() const noexcept override {
    return "coroutine operation cancelled";
  }
};

} // namespace folly
