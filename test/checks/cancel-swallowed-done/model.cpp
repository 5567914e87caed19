// RUN: %check_cancel_tidy --config='{CheckOptions: {ModelFiles: %S/Inputs/jobs.json}}' %s cancel-swallowed-done %t -- -- -std=c++20
//
// A user's own library described by a model (Inputs/jobs.json): its done
// values, done check, async operations and done exception, with the notes
// that explain each finding.

namespace jobs {
enum class Result { ok, busy, aborted };
enum Code { kOk, kBusy, kStopped }; // unscoped: "jobs::kStopped" in the model
struct Context {
  bool done() const;
};
struct Aborted {};
struct ErrorCode {
  explicit operator bool() const;
};
struct Timer {
  template <typename Handler> void async_wait(Handler &&h);
};
template <typename Handler> void async_fetch(int key, Handler &&h);
Result run(const Context &ctx);
Code poll();
} // namespace jobs

void log(const char *);

void retry(const jobs::Context &ctx) {
  while (true) {
    switch (jobs::run(ctx)) {
    case jobs::Result::ok:
      return;
    default:
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: done value 'jobs::Result::aborted' falls into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      log("again");
      continue;
      // CHECK-NOTES: :[[@LINE-1]]:7: note: control goes round the loop again here
    }
  }
}

void pollCodes() {
  for (int i = 0; i < 10; ++i) {
    jobs::Code c = jobs::poll();
    if (c == jobs::kOk)
      return;
    else
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: done value 'jobs::Code::kStopped' falls into this else branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-6]]:3: note: control goes round the loop again here
      log("again");
  }
}

void pollCodesOk() {
  for (int i = 0; i < 10; ++i) {
    jobs::Code c = jobs::poll();
    if (c == jobs::kOk || c == jobs::kStopped)
      return;
    else
      log("again");
  }
}

void noticed(const jobs::Context &ctx) {
  do {
    if (ctx.done())
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: stop request seen by 'ctx.done()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
      log("done");
    jobs::run(ctx);
  } while (true);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: control goes round the loop again here
}

void noticedAndLeft(const jobs::Context &ctx) {
  do {
    if (ctx.done())
      return;
    jobs::run(ctx);
  } while (true);
}

void catches(const jobs::Context &ctx) {
  for (;;) {
    try {
      jobs::run(ctx);
    } catch (...) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: catch-all handler swallows the cancellation of a cancellable call and goes round the loop again instead of leaving it [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: this can throw when cancelled
    // CHECK-NOTES: :[[@LINE-6]]:3: note: control goes round the loop again here
      log("failed");
    }
  }
}

void catchesAborted() {
  while (true) {
    try {
      jobs::poll();
    } catch (jobs::Aborted &) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: catch handler swallows 'jobs::Aborted' and goes round the loop again instead of leaving it [cancel-swallowed-done]
      continue;
      // CHECK-NOTES: :[[@LINE-1]]:7: note: control goes round the loop again here
    }
  }
}

struct Poller {
  jobs::Timer timer;
  void start() {
    timer.async_wait([this](jobs::ErrorCode ec) {
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: completion handler starts 'async_fetch' through 'schedule', which leads back to 'async_wait' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the handler of this 'async_wait'
      if (ec)
      // CHECK-NOTES: :[[@LINE-1]]:11: note: the error code is tested here, but control goes on to the next operation
        log("timer failed");
      schedule();
      // CHECK-NOTES: :[[@LINE-1]]:7: note: next operation started here
    });
  }
  void schedule() { jobs::async_fetch(1, [this](jobs::ErrorCode) { start(); }); }
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: completion handler ignores its error code and starts 'async_wait' through 'start', which leads back to 'async_fetch', so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-2]]:21: note: the handler of this 'async_fetch'
  // CHECK-NOTES: :[[@LINE-3]]:68: note: next operation started here
  void startChecked() {
    timer.async_wait([this](jobs::ErrorCode ec) {
      if (!ec)
        startChecked();
    });
  }
};
