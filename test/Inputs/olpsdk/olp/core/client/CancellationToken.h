// Test stub: the cancel handle of the HERE Data SDK for C++
// (olp-cpp-sdk-core/include/olp/core/client/CancellationToken.h): the
// public declarations, with trivial bodies.
#pragma once

#include <functional>

namespace olp {
namespace client {

/// Cancels the operation that handed it out.
class CancellationToken {
 public:
  using CancelFuncType = std::function<void()>;
  CancellationToken() = default;
  explicit CancellationToken(CancelFuncType func) : func_(std::move(func)) {}
  void Cancel() const {
    if (func_)
      func_();
  }

 private:
  CancelFuncType func_;
};

} // namespace client
} // namespace olp
