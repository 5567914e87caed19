// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/named-mutex.json'}}" %s cancel-blocking-call %t -- -- -std=c++20 -I %S/../../Inputs/grpc-echo
//
// A member function of a per-request object holds that object's context
// member; a wait whose predicate reads it still needs something to wake it
// on cancellation. The advice fits the token in scope: the model's
// condition_variable_any alternative takes a std::stop_token, so a gRPC or
// in-house context gets its own done check and links instead. Shapes from a
// real fixed bug (a named mutex waiting on a condition variable that nothing
// notifies on cancellation), written for this project.
#include "echo.grpc.pb.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace store {
class Context {
public:
  bool IsCancelled() const;
  bool OnCancel(std::function<void()> callback);
};
} // namespace store

// --- A per-request helper holding its request's context.
class NamedLock {
public:
  explicit NamedLock(store::Context context) : context_(context) {}
  void lock() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return context_.IsCancelled() || free_; });
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::condition_variable::wait' is not woken when 'context_' is cancelled: its predicate reads 'context_', but nothing wakes the wait then; wait in bounded slices and check 'context_.IsCancelled()' between them, or wake it from a callback registered with 'OnCancel' [cancel-blocking-call]
  }
  void poll() {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing 'context_', longer than MaxUncheckedWait (1 s); wait in bounded slices and check 'context_.IsCancelled()' between them, or wake it from a callback registered with 'OnCancel' [cancel-blocking-call]
  }

private:
  store::Context context_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool free_ = false;
};

// The same in a class template.
template <class T> class Waiter {
public:
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return context_.IsCancelled(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::condition_variable::wait' is not woken when 'context_' is cancelled: its predicate reads 'context_', but nothing wakes the wait then; wait in bounded slices and check 'context_.IsCancelled()' between them, or wake it from a callback registered with 'OnCancel' [cancel-blocking-call]
  }

private:
  store::Context context_;
  std::mutex mutex_;
  std::condition_variable cv_;
};
template class Waiter<int>;

// --- A gRPC handler: the advice is the ServerContext's own done check.
class EchoImpl final : public echo::EchoService::Service {
  grpc::Status Echo(grpc::ServerContext *context, const echo::EchoRequest *,
                    echo::EchoReply *) override {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' waits up to 3 s without observing 'context', longer than MaxUncheckedWait (1 s); wait in bounded slices and check 'context->IsCancelled()' between them [cancel-blocking-call]
    return grpc::Status::OK;
  }
};

// === Not reported.

// Woken by a callback registered on the context.
class WokenLock {
public:
  void lock() {
    context_.OnCancel([this] { cv_.notify_all(); });
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return context_.IsCancelled() || free_; });
  }

private:
  store::Context context_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool free_ = false;
};

// A class owning a source keeps its own lifetime token, not a request's.
class Worker {
public:
  void run() { std::this_thread::sleep_for(std::chrono::seconds(5)); }

private:
  std::stop_source source_;
  store::Context context_;
};
