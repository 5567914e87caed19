// RUN: %check_cancel_tidy %s cancel-lost-handle %t --config='{CheckOptions: {cancel-lost-handle.ModelFiles: "%inputs/goctx/goctx.json"}}' -- -- -std=c++20 -I %inputs
// Go-style cancel handles (model derive[] entries with a cancel location),
// after go vet's lostcancel testdata: every shape of keeping the handle, every
// path rule and every exemption.
#include <goctx/goctx.h>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <utility>

extern goctx::Context bg;
extern bool condition;
extern int someInt;
void print(int);
void use(const goctx::Context &);
[[noreturn]] void fatal(const char *);
struct Fatal {
  [[noreturn]] ~Fatal();
};
struct ScopeGuard {
  explicit ScopeGuard(std::function<void()> F);
  ~ScopeGuard();
};

// --- The four ways a handle is kept: declaration (binding), assignment,
// --- out-parameter, returned handle.
void binding() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the cancel handle 'cancel' of 'goctx::with_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  if (false) {
    cancel();
  }
  use(ctx);
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the end of the function may be reached without using 'cancel'

void outParameter() {
  goctx::CancelFunc cancel2;
  goctx::with_deadline(bg, goctx::Clock::now(), &cancel2);
  // CHECK-NOTES: :[[@LINE-1]]:49: warning: the cancel handle 'cancel2' of 'goctx::with_deadline' is not used on all paths (possible context leak) [cancel-lost-handle]
  if (false) {
    cancel2();
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the end of the function may be reached without using 'cancel2'

void tieAssignment() {
  goctx::Context ctx;
  goctx::CancelFunc cancel3;
  std::tie(ctx, cancel3) = goctx::with_timeout(bg, std::chrono::milliseconds(0));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the cancel handle 'cancel3' of 'goctx::with_timeout' is not used on all paths (possible context leak) [cancel-lost-handle]
  if (false) {
    cancel3();
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the end of the function may be reached without using 'cancel3'

void returnedHandle() {
  goctx::CancelFunc stop = goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: the cancel handle 'stop' of 'goctx::on_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  if (condition)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: this return statement may be reached without using 'stop'
  stop();
}

void wholePair() {
  auto pair = goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: the cancel handle in 'pair' of 'goctx::with_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  use(pair.first);
  if (condition)
    pair.second();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the end of the function may be reached without using 'pair'

void wholePairGet() {
  auto pair = goctx::with_cancel(bg);
  use(std::get<0>(pair));
  std::get<1>(pair)();
}

// --- Discarded handles: no variable keeps them.
void discarded() {
  goctx::Context a = goctx::with_cancel(bg).first;
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: the cancel handle of 'goctx::with_cancel' should be called, not discarded, to avoid a context leak [cancel-lost-handle]
  goctx::Context b = std::get<0>(goctx::with_timeout(bg, std::chrono::milliseconds(1)));
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: the cancel handle of 'goctx::with_timeout' should be called, not discarded, to avoid a context leak [cancel-lost-handle]
  auto [c, unused] = goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: the cancel handle of 'goctx::with_cancel' should be called, not discarded, to avoid a context leak [cancel-lost-handle]
  goctx::Context d;
  std::tie(d, std::ignore) = goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the cancel handle of 'goctx::with_cancel' should be called, not discarded, to avoid a context leak [cancel-lost-handle]
  goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the cancel handle of 'goctx::on_cancel' should be called, not discarded, to avoid a context leak [cancel-lost-handle]
  (void)goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: the cancel handle of 'goctx::with_cancel' should be called, not discarded, to avoid a context leak [cancel-lost-handle]
  use(a);
  use(b);
  use(c);
  use(d);
  // The handle itself kept, the context dropped: nothing lost here.
  goctx::CancelFunc only = goctx::with_cancel(bg).second;
  only();
  // No handle to lose.
  use(goctx::with_value(bg, "k", "v"));
}

// --- Used on every path: no finding.
void calledAtEnd() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  use(ctx);
  cancel();
}

void scopeGuard() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  ScopeGuard guard(cancel); // an RAII object receiving the handle
  if (condition)
    return;
  use(ctx);
}

void capturedByGuardLambda() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  ScopeGuard guard([&] { cancel(); });
  use(ctx);
}

void movedIntoGuard() {
  goctx::CancelFunc cancel = goctx::on_cancel(bg);
  auto guard = std::make_unique<ScopeGuard>(std::move(cancel));
  if (condition)
    return;
}

goctx::CancelFunc returned() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  use(ctx);
  return cancel;
}

std::pair<goctx::Context, goctx::CancelFunc> forwarded(const goctx::Context &p) {
  return goctx::with_cancel(p); // the caller receives the handle
}

// --- Stored outside the function's locals: not tracked.
struct Service {
  goctx::CancelFunc stop_;
  goctx::Context ctx_;
  void start() {
    std::tie(ctx_, stop_) = goctx::with_cancel(bg);
    stop_ = goctx::on_cancel(bg);
    goctx::with_deadline(bg, goctx::Clock::now(), &stop_);
  }
};
goctx::CancelFunc g_stop;
void storedGlobally() { g_stop = goctx::on_cancel(bg); }
void outParamOfCaller(goctx::CancelFunc *out) {
  goctx::with_deadline(bg, goctx::Clock::now(), out);
}
void nullOutParam() {
  // No handle is asked for: the library decides; stay silent.
  goctx::with_deadline(bg, goctx::Clock::now(), nullptr);
}

// --- if/else, loops and endless loops.
void elseEndless() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  if (condition) {
    cancel();
  } else {
    for (;;) // ok: never leaves
      print(0);
  }
}

void elseWhileTrue() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  if (condition)
    cancel();
  else
    while (true) // ok: never leaves
      print(1);
}

void elseBoundedLoop() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the cancel handle 'cancel' of 'goctx::with_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  if (condition) {
    cancel();
  } else {
    for (int i = 0; i < 10; i++)
      print(0);
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the end of the function may be reached without using 'cancel'

void perIteration() {
  for (int i = 0; i < 3; ++i) {
    goctx::CancelFunc cancel = goctx::on_cancel(bg);
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: the cancel handle 'cancel' of 'goctx::on_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
    if (i == 1)
      continue;
    // CHECK-NOTES: :[[@LINE-1]]:7: note: 'cancel' goes out of scope here without being used
    if (i == 2)
      break;
    // CHECK-NOTES: :[[@LINE-1]]:7: note: 'cancel' goes out of scope here without being used
    cancel();
  }
}

void usedInLoop() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  for (int i = 0; i < someInt; ++i)
    print(i);
  cancel();
}

// --- switch with noreturn cases.
void switchAllCovered() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  switch (someInt) {
  case 0:
    fatal("zero");
    break;
  case 1:
    std::abort();
    break;
  case 2:
    cancel();
    break;
  case 3:
    print(3);
    [[fallthrough]];
  case 4:
    std::terminate();
    break;
  case 5:
    Fatal(); // a [[noreturn]] destructor
    break;
  case 6:
    std::quick_exit(1);
    break;
  default:
    std::exit(1);
  }
}

void switchFallsOut() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the cancel handle 'cancel' of 'goctx::with_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  switch (someInt) {
  case 0:
    fatal("zero");
  case 2:
    cancel();
    break;
  case 3:
    print(3); // falls out of the switch to the end
    break;
  default:
    std::exit(1);
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the end of the function may be reached without using 'cancel'

// --- Exceptions: a throw leaves without leaking.
void throws() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  if (condition)
    throw std::runtime_error("no");
  cancel();
}

// --- Lambdas are analysed on their own.
void lambdaBody() {
  auto task = [] {
    auto [ctx, cancel] = goctx::with_cancel(bg);
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: the cancel handle 'cancel' of 'goctx::with_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
    if (false)
      cancel();
    use(ctx);
  };
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the end of the function may be reached without using 'cancel'
  task();
}

void assignedInLambda() {
  goctx::CancelFunc cancel;
  // Written inside the lambda, owned by the enclosing function: not tracked.
  [&] { cancel = goctx::on_cancel(bg); }();
  cancel();
}

void capturedByLambda() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  auto later = [cancel] { cancel(); }; // a capture is a use
  later();
}

// --- Overwritten before use (go vet misses this one).
void overwritten() {
  goctx::CancelFunc cancel = goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: the cancel handle 'cancel' of 'goctx::on_cancel' is overwritten before it is used (context leak) [cancel-lost-handle]
  cancel = goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'cancel' is overwritten here
  cancel();
}

void overwrittenInLoop() {
  goctx::Context ctx;
  goctx::CancelFunc cancel;
  for (int i = 0; i < someInt; ++i) {
    std::tie(ctx, cancel) = goctx::with_cancel(bg);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the cancel handle 'cancel' of 'goctx::with_cancel' is overwritten before it is used (context leak) [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 'cancel' is overwritten here
    use(ctx);
  }
  cancel();
}

void reassignedAfterUse() {
  goctx::CancelFunc cancel = goctx::on_cancel(bg);
  cancel();
  cancel = goctx::on_cancel(bg);
  cancel();
}

// --- main returning ends the process: exempt.
int main() {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  goctx::on_cancel(bg);
  use(ctx);
  return 0;
}

// --- Suppressed.
void suppressed() {
  goctx::on_cancel(bg); // NOLINT(cancel-lost-handle)
}
