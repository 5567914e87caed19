// RUN: %check_cancel_tidy %s cancel-lost-handle %t --config='{CheckOptions: {cancel-lost-handle.ModelFiles: "%inputs/olpsdk/olp-sdk.json"}}' -- -- -std=c++20 -isystem %inputs/olpsdk
// Rule 5: a member that holds a shared cancellation state, replaced by a new
// state while a member function hands out handles to the old one.
#include <olp/core/client/CancellationContext.h>

#include <stop_token>
#include <utility>

using olp::client::CancellationContext;
using olp::client::CancellationToken;

// --- The real shape (an SDK's task context): CancelToken() hands out a
// token that cancels a copy of context_; Execute() resets context_ once the
// task is done. A late Cancel() on the user's token then cancels the old
// context, with the cancel function of finished work still registered. As
// in the SDK, a class template: the lambda leaves the token's construction
// unresolved in the template as written.
template <typename Response> class TaskContextImpl {
public:
  void Execute() {
    if (!context_.IsCancelled()) {
      Run(context_);
      context_ = CancellationContext();
      // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'context_' is replaced by a new 'olp::client::CancellationContext' while the cancel handles that 'CancelToken' handed out still refer to the old one: cancelling through them acts on the replaced state and never reaches the new one; reset the state in place instead [cancel-lost-handle]
      // CHECK-NOTES: :[[@LINE+8]]:5: note: 'CancelToken' hands out a handle to the state of 'context_' here
    }
  }

  void BlockingCancel() { context_.CancelOperation(); }

  CancellationToken CancelToken() {
    auto context = context_;
    return CancellationToken([context]() mutable { context.CancelOperation(); });
  }

private:
  void Run(CancellationContext context);
  CancellationContext context_;
};
template class TaskContextImpl<int>;

// Good: the fix resets the state in place, through the context's own API.
class TaskContextFixed {
public:
  void Execute() {
    Run(context_);
    context_.ExecuteOrCancelled([]() { return CancellationToken(); });
  }
  CancellationToken CancelToken() {
    auto context = context_;
    return CancellationToken([context]() mutable { context.CancelOperation(); });
  }

private:
  void Run(CancellationContext context);
  CancellationContext context_;
};

// Good: a handle that captures `this` reads the member when it runs, so it
// follows the replacement.
class FollowsMember {
public:
  void Reset() { context_ = CancellationContext(); }
  CancellationToken CancelToken() {
    return CancellationToken([this] { context_.CancelOperation(); });
  }

private:
  CancellationContext context_;
};

// --- A stop source: tokens handed out by a getter, the source replaced.
class Poller {
public:
  std::stop_token token() const { return source_.get_token(); }
  void reset() { source_ = std::stop_source(); }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'source_' is replaced by a new 'std::stop_source' while the tokens that 'token' handed out still observe the old one: a cancellation requested through 'source_' from now on never reaches them [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:35: note: 'token' hands out a handle to the state of 'source_' here
  void clear() { source_ = {}; }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'source_' is replaced by a new 'std::stop_source' while the tokens that 'token' handed out still observe the old one: a cancellation requested through 'source_' from now on never reaches them [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-6]]:35: note: 'token' hands out a handle to the state of 'source_' here
  void stop() { source_.request_stop(); }

private:
  std::stop_source source_;
};

// Good: stop requested first, so the tokens out saw it; then a new source
// for the next run.
class StopThenRenew {
public:
  std::stop_token token() const { return source_.get_token(); }
  void stop() {
    source_.request_stop();
    source_ = std::stop_source();
  }

private:
  std::stop_source source_;
};

void start_worker(std::stop_token token);

// Good: a restart hands the new source to the run it starts; tokens from
// before belong to the run that ended.
class Restarts {
public:
  std::stop_token token() const { return source_.get_token(); }
  void restart() {
    source_ = std::stop_source();
    start_worker(source_.get_token());
  }

private:
  std::stop_source source_;
};

// Good: nothing hands the state out (only this class uses it), and the
// constructor sets up a state nobody can hold yet.
class KeepsItsOwn {
public:
  KeepsItsOwn() { source_ = std::stop_source(); }
  void reset() { source_ = std::stop_source(); }
  bool stopped() const { return source_.stop_requested(); }

private:
  std::stop_source source_;
};

// Good: a token is not a state of its own: a default std::stop_token can
// never be stopped, and assigning one only drops this object's copy.
class HoldsToken {
public:
  std::stop_token token() const { return token_; }
  void drop() { token_ = std::stop_token(); }

private:
  std::stop_token token_;
};

// Good: replaced with another source's state, not a new one.
class Adopts {
public:
  std::stop_token token() const { return source_.get_token(); }
  void adopt(std::stop_source other) { source_ = std::move(other); }

private:
  std::stop_source source_;
};

// Suppressed.
class Suppressed {
public:
  std::stop_token token() const { return source_.get_token(); }
  void reset() { source_ = std::stop_source(); } // NOLINT(cancel-lost-handle)

private:
  std::stop_source source_;
};
