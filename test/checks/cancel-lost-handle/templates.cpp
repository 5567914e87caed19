// RUN: %check_cancel_tidy %s cancel-lost-handle %t --config='{CheckOptions: {cancel-lost-handle.ModelFiles: "%inputs/goctx/goctx.json"}}' -- -- -std=c++20 -I %inputs
//
// Every rule in three forms: a plain function, a member function of a
// class template, and a function template; the correct pattern of each
// rule in template form stays quiet. Templates are analysed once, as
// written: a finding is reported once at the template, however many
// instantiations there are (each template here has two), and also when
// the template is never instantiated (the *Uninstantiated functions).
// Lambdas in a template make the construction that receives them
// dependent (`std::thread([&] { ... })`, `std::stop_callback(st, [] {})`)
// and leave their implicit captures unlisted: the rules must see through
// both.
#include <goctx/goctx.h>
#include <functional>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

extern goctx::Context bg;
extern bool condition;
void use(const goctx::Context &);
void worker(std::stop_token);
void wait_on(bool &ready);
struct Task {
  std::function<void()> run;
};
Task make_task(int id, std::stop_token token);
struct Scheduler {
  void schedule(std::stop_source source, Task task);
};

// --- 1. Go-style cancel functions: a handle not used on every path.
void r1Plain() {
  goctx::CancelFunc stop = goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: the cancel handle 'stop' of 'goctx::on_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:5: note: this return statement may be reached without using 'stop'
  if (condition)
    return;
  stop();
}
template <class T> struct R1 {
  void member() {
    goctx::CancelFunc stop = goctx::on_cancel(bg);
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: the cancel handle 'stop' of 'goctx::on_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE+2]]:7: note: this return statement may be reached without using 'stop'
    if (condition)
      return;
    stop();
  }
  void good() {
    auto [ctx, cancel] = goctx::with_cancel(bg);
    use(ctx);
    cancel();
  }
};
template struct R1<int>;
template struct R1<long>;
template <class T> void r1Template(T) {
  goctx::CancelFunc stop = goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: the cancel handle 'stop' of 'goctx::on_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:5: note: this return statement may be reached without using 'stop'
  if (condition)
    return;
  stop();
}
template void r1Template(int);
template void r1Template(long);
template <class T> void r1Good(T) {
  auto [ctx, cancel] = goctx::with_cancel(bg);
  use(ctx);
  cancel();
}
template void r1Good(int);
template <class T> void r1Uninstantiated(T) {
  goctx::CancelFunc stop = goctx::on_cancel(bg);
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: the cancel handle 'stop' of 'goctx::on_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:5: note: this return statement may be reached without using 'stop'
  if (condition)
    return;
  stop();
}
template <class T> void r1Dependent(T parent) {
  auto [ctx, cancel] = goctx::with_cancel(parent);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the cancel handle 'cancel' of 'goctx::with_cancel' is not used on all paths (possible context leak) [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:5: note: this return statement may be reached without using 'cancel'
  if (condition)
    return;
  cancel();
}
template void r1Dependent(goctx::Context);

// --- 2. A source destroyed while the work it handed its token to runs.
void r2Plain() {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+3]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the token of 'src' is handed to work that keeps running after this statement
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'src' is destroyed here without a cancel request
  std::thread(worker, src.get_token()).detach();
}
template <class T> struct R2 {
  void member() {
    std::stop_source src;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+3]] still runs; that work can never be stopped [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE+2]]:5: note: the token of 'src' is handed to work that keeps running after this statement
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'src' is destroyed here without a cancel request
    std::thread(worker, src.get_token()).detach();
  }
  void good() {
    std::stop_source src;
    std::thread t(worker, src.get_token());
    t.join();
  }
};
template struct R2<int>;
template struct R2<long>;
template <class T> void r2Template(T) {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+3]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the token of 'src' is handed to work that keeps running after this statement
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'src' is destroyed here without a cancel request
  std::thread(worker, src.get_token()).detach();
}
template void r2Template(int);
template void r2Template(long);
template <class T> void r2Good(T) {
  std::stop_source src;
  std::thread(worker, src.get_token()).detach();
  src.request_stop();
}
template void r2Good(int);
template <class T> void r2Uninstantiated(T) {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+3]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the token of 'src' is handed to work that keeps running after this statement
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'src' is destroyed here without a cancel request
  std::thread(worker, src.get_token()).detach();
}

// The work is a lambda that uses the source by reference.
void r2Lambda() {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+3]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the token of 'src' is handed to work that keeps running after this statement
  // CHECK-NOTES: :[[@LINE+5]]:1: note: 'src' is destroyed here without a cancel request
  std::thread([&] { worker(src.get_token()); }).detach();
  // CHECK-NOTES: :[[@LINE-1]]:49: warning: detached thread may still use 'src', captured by reference, after 'src' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: 'src' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'src' is destroyed here
}
template <class T> void r2LambdaTemplate(T) {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+3]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the token of 'src' is handed to work that keeps running after this statement
  // CHECK-NOTES: :[[@LINE+5]]:1: note: 'src' is destroyed here without a cancel request
  std::thread([&] { worker(src.get_token()); }).detach();
  // CHECK-NOTES: :[[@LINE-1]]:49: warning: detached thread may still use 'src', captured by reference, after 'src' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: 'src' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'src' is destroyed here
}
template void r2LambdaTemplate(int);
template void r2LambdaTemplate(long);

// --- 3. A registration created as a temporary.
void r3Plain(std::stop_token token) {
  std::stop_callback(token, [] {});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
}
template <class T> struct R3 {
  void member(std::stop_token token) {
    std::stop_callback(token, [] {});
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
  }
  void good(std::stop_token token) {
    std::stop_callback named(token, [] {});
  }
};
template struct R3<int>;
template struct R3<long>;
template <class T> void r3Template(std::stop_token token, T) {
  std::stop_callback(token, [] {});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
}
template void r3Template(std::stop_token, int);
template void r3Template(std::stop_token, long);
template <class T> void r3Good(std::stop_token token, T) {
  std::stop_callback named(token, [] {});
}
template void r3Good(std::stop_token, int);
template <class T> void r3Uninstantiated(std::stop_token token, T) {
  std::stop_callback(token, [] {});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
}

// The other spellings of a temporary, and a registration returned by a
// call and discarded.
auto makeCallback(std::stop_token token) {
  return std::stop_callback(token, [] {});
}
template <class T> struct R3Shapes {
  void shapes(std::stop_token token) {
    std::stop_callback{token, [] {}};
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
    (void)std::stop_callback(token, [] {});
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
    makeCallback(token);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the 'std::stop_callback' returned by 'makeCallback' is discarded: its callback is unregistered at once [cancel-lost-handle]
  }
  void kept(std::stop_token token) {
    auto named = std::stop_callback(token, [] {});
    auto returned = makeCallback(token);
  }
};
template struct R3Shapes<int>;
template struct R3Shapes<long>;

// --- 4. A detached jthread.
void r4Plain() {
  std::jthread t(worker);
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detaching 't' drops its only stop source; the thread started at line [[@LINE-2]] can never be stopped [cancel-lost-handle]
}
template <class T> struct R4 {
  void member() {
    std::jthread t(worker);
    t.detach();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: detaching 't' drops its only stop source; the thread started at line [[@LINE-2]] can never be stopped [cancel-lost-handle]
  }
  void good(std::vector<std::stop_source> &stops) {
    std::jthread t(worker);
    stops.push_back(t.get_stop_source());
    t.detach();
  }
};
template struct R4<int>;
template struct R4<long>;
template <class T> void r4Template(T) {
  std::jthread t(worker);
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detaching 't' drops its only stop source; the thread started at line [[@LINE-2]] can never be stopped [cancel-lost-handle]
}
template void r4Template(int);
template void r4Template(long);
template <class T> void r4Good(T) {
  std::jthread t(worker);
  t.request_stop();
  t.detach();
}
template void r4Good(int);
template <class T> void r4Uninstantiated(T) {
  std::jthread t(worker);
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detaching 't' drops its only stop source; the thread started at line [[@LINE-2]] can never be stopped [cancel-lost-handle]
}

template <class T> struct R4Temporary {
  void temporary() { std::jthread(worker).detach(); }
  // CHECK-NOTES: :[[@LINE-1]]:43: warning: detaching a temporary 'std::jthread' drops its only stop source; the thread can never be stopped [cancel-lost-handle]
};
template struct R4Temporary<int>;
template struct R4Temporary<long>;

// --- 5. A shared state replaced while a member function hands it out.
class R5Plain {
public:
  std::stop_token token() const { return source_.get_token(); }
  void reset() { source_ = std::stop_source(); }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'source_' is replaced by a new 'std::stop_source' while the tokens that 'token' handed out still observe the old one: a cancellation requested through 'source_' from now on never reaches them [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:35: note: 'token' hands out a handle to the state of 'source_' here

private:
  std::stop_source source_;
};
template <class T> class R5 {
public:
  std::stop_source source() const {
    auto copy = source_;
    return copy;
  }
  void reset() { source_ = std::stop_source(); }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'source_' is replaced by a new 'std::stop_source' while the cancel handles that 'source' handed out still refer to the old one: cancelling through them acts on the replaced state and never reaches the new one; reset the state in place instead [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'source' hands out a handle to the state of 'source_' here
  void stopThenRenew() {
    source_.request_stop();
    source_ = std::stop_source();
  }

private:
  std::stop_source source_;
};
template class R5<int>;
template class R5<long>;
// The replacing function a function template, the class never instantiated.
template <class T> class R5Uninstantiated {
public:
  std::stop_token token() const { return source_.get_token(); }
  template <class U> void resetWith(U) { source_ = {}; }
  // CHECK-NOTES: :[[@LINE-1]]:50: warning: 'source_' is replaced by a new 'std::stop_source' while the tokens that 'token' handed out still observe the old one: a cancellation requested through 'source_' from now on never reaches them [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:35: note: 'token' hands out a handle to the state of 'source_' here
  template <class U> void restart(U) {
    source_ = std::stop_source();
    worker(source_.get_token());
  }

private:
  std::stop_source source_;
};

// --- 6. Detached work that outlives a local it captures by reference.
void r6Plain() {
  bool ready = false;
  std::thread t([&] { wait_on(ready); });
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'ready' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'ready' is destroyed here
}
template <class T> struct R6 {
  void member() {
    bool ready = false;
    std::thread t([&] { wait_on(ready); });
    t.detach();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-3]]:33: note: 'ready' is captured by reference here
    // CHECK-NOTES: :[[@LINE+1]]:3: note: 'ready' is destroyed here
  }
  void good() {
    bool ready = false;
    std::thread t([&] { wait_on(ready); });
    t.join();
  }
};
template struct R6<int>;
template struct R6<long>;
template <class T> void r6Template(T) {
  bool ready = false;
  std::thread t([&] { wait_on(ready); });
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'ready' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'ready' is destroyed here
}
template void r6Template(int);
template void r6Template(long);
template <class T> void r6Good(T) {
  bool ready = false;
  std::thread t([=]() mutable { wait_on(ready); });
  t.detach();
}
template void r6Good(int);
template <class T> void r6Uninstantiated(T) {
  bool ready = false;
  std::thread t([&] { wait_on(ready); });
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'ready' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'ready' is destroyed here
}

// Not captured: a constant read for its value, an operand of sizeof.
void use(int);
void r6NotCaptured() {
  const int n = 4;
  int m = 5;
  std::thread([&] { use(n + sizeof(m)); }).detach();
}
template <class T> void r6NotCapturedTemplate(T) {
  const int n = 4;
  int m = 5;
  std::thread([&] { use(n + sizeof(m)); }).detach();
}
template void r6NotCapturedTemplate(int);

// A temporary thread, a thread built with braces, and an endless loop on
// `this`.
template <class T> struct R6Shapes {
  void temporary() {
    bool ready = false;
    std::thread([&] { wait_on(ready); }).detach();
    // CHECK-NOTES: :[[@LINE-1]]:42: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-2]]:31: note: 'ready' is captured by reference here
    // CHECK-NOTES: :[[@LINE+1]]:3: note: 'ready' is destroyed here
  }
  void braces() {
    bool ready = false;
    std::thread t{[&] { wait_on(ready); }};
    t.detach();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-3]]:33: note: 'ready' is captured by reference here
    // CHECK-NOTES: :[[@LINE+1]]:3: note: 'ready' is destroyed here
  }
  void byValue() {
    bool ready = false;
    std::thread([=]() mutable { wait_on(ready); }).detach();
  }
  void forever(int id) {
    std::thread([this, id] {
      while (true)
        update(id);
    }).detach();
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: detached thread runs a loop with no exit and uses 'this': nothing can stop it, and it can outlive the 'R6Shapes' object it uses; keep the thread in a member, and stop and join it in the destructor [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: this loop never ends
    // CHECK-NOTES: :[[@LINE-6]]:18: note: 'this' is used by the thread here
  }
  void update(int);
};
template struct R6Shapes<int>;
template struct R6Shapes<long>;

// --- 8. A token taken from a source the same call moves away.
void r8Plain(Scheduler *s) {
  std::stop_source stop_source;
  s->schedule(std::move(stop_source), make_task(0, stop_source.get_token()));
  // CHECK-NOTES: :[[@LINE-1]]:64: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first (clang evaluates them left to right: here it does) the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: 'stop_source' is moved away here
}
template <class T> struct R8 {
  void member(Scheduler *s) {
    std::stop_source stop_source;
    s->schedule(std::move(stop_source), make_task(0, stop_source.get_token()));
    // CHECK-NOTES: :[[@LINE-1]]:66: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first (clang evaluates them left to right: here it does) the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-2]]:17: note: 'stop_source' is moved away here
  }
  void good(Scheduler *s) {
    std::stop_source stop_source;
    std::stop_token token = stop_source.get_token();
    s->schedule(std::move(stop_source), make_task(0, token));
  }
};
template struct R8<int>;
template struct R8<long>;
template <class T> void r8Template(Scheduler *s, T) {
  std::stop_source stop_source;
  s->schedule(std::move(stop_source), make_task(0, stop_source.get_token()));
  // CHECK-NOTES: :[[@LINE-1]]:64: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first (clang evaluates them left to right: here it does) the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: 'stop_source' is moved away here
}
template void r8Template(Scheduler *, int);
template void r8Template(Scheduler *, long);
template <class T> void r8Uninstantiated(Scheduler *s, T) {
  std::stop_source stop_source;
  s->schedule(std::move(stop_source), make_task(0, stop_source.get_token()));
  // CHECK-NOTES: :[[@LINE-1]]:64: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first (clang evaluates them left to right: here it does) the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: 'stop_source' is moved away here
}

