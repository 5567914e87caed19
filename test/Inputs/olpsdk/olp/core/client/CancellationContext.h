// Test stub: the request context of the HERE Data SDK for C++
// (olp-cpp-sdk-core/include/olp/core/client/CancellationContext.h): the
// public declarations, with simplified bodies. A context is both checked
// (IsCancelled) and cancelled (CancelOperation); ExecuteOrCancelled runs
// execute_fn unless the context is cancelled and keeps the token it returns
// as the context's sub-operation, which CancelOperation cancels.
#pragma once

#include "CancellationToken.h"

#include <functional>
#include <memory>
#include <mutex>

namespace olp {
namespace client {

class CancellationContext {
 public:
  using ExecuteFuncType = std::function<CancellationToken()>;
  using CancelFuncType = std::function<void()>;

  CancellationContext() : impl_(std::make_shared<Impl>()) {}

  bool ExecuteOrCancelled(const ExecuteFuncType &execute_fn,
                          const CancelFuncType &cancel_fn = nullptr) {
    std::lock_guard<std::recursive_mutex> lock(impl_->mutex_);
    if (impl_->is_cancelled_) {
      if (cancel_fn)
        cancel_fn();
      return false;
    }
    if (execute_fn)
      impl_->sub_operation_cancel_token_ = execute_fn();
    return true;
  }

  void CancelOperation() {
    std::lock_guard<std::recursive_mutex> lock(impl_->mutex_);
    impl_->is_cancelled_ = true;
    impl_->sub_operation_cancel_token_.Cancel();
    impl_->sub_operation_cancel_token_ = CancellationToken();
  }

  bool IsCancelled() const {
    std::lock_guard<std::recursive_mutex> lock(impl_->mutex_);
    return impl_->is_cancelled_;
  }

 private:
  struct Impl {
    mutable std::recursive_mutex mutex_;
    CancellationToken sub_operation_cancel_token_{};
    bool is_cancelled_{false};
  };
  std::shared_ptr<Impl> impl_;
};

} // namespace client
} // namespace olp
