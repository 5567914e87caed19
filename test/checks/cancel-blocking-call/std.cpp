// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -stdlib=libc++
//
// Standard-library blocking calls inside functions that hold a
// std::stop_token, against the real libstdc++ and libc++ headers.
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <latch>
#include <mutex>
#include <optional>
#include <semaphore>
#include <stop_token>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

std::mutex m;
std::condition_variable cv;
std::condition_variable_any cva;
bool ready = false;

// --- The token arrives as a parameter.
void sleeper(std::stop_token st) {
  std::this_thread::sleep_for(5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  std::this_thread::sleep_for(std::chrono::minutes(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' waits up to 2 min without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1500ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' waits up to 1500 ms without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_until(lock, token, time, pred) [cancel-blocking-call]
}

void sleeper_unknown(std::stop_token st, std::chrono::milliseconds backoff,
                     std::chrono::steady_clock::time_point deadline) {
  std::this_thread::sleep_for(backoff);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  std::this_thread::sleep_until(deadline);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait_until(lock, token, time, pred) [cancel-blocking-call]
}

void waiter(std::stop_token st) {
  std::unique_lock lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  cv.wait_for(lock, 30s, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait_for' waits up to 30 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  cva.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::condition_variable_any::wait' blocks without observing 'st': cancellation cannot interrupt it; use the overload wait(lock, token, pred) [cancel-blocking-call]
  cva.wait_until(lock, std::chrono::system_clock::now() + 10s, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::condition_variable_any::wait_until' waits up to 10 s without observing 'st', longer than MaxUncheckedWait (1 s); use the overload wait_until(lock, token, time, pred) [cancel-blocking-call]

  // Not flagged: the overloads taking the token observe it.
  cva.wait(lock, st, [] { return ready; });
  cva.wait_for(lock, st, 30s, [] { return ready; });
  cva.wait_until(lock, st, std::chrono::steady_clock::now() + 30s, [] { return ready; });
  // Not flagged: a wait bounded by at most MaxUncheckedWait.
  cv.wait_for(lock, 200ms);
  std::this_thread::sleep_for(1s);
}

void sync(std::stop_token st, std::latch &l, std::barrier<> &b,
          std::counting_semaphore<4> &sem, std::binary_semaphore &bin,
          std::thread &t) {
  l.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::latch::wait' blocks without observing 'st': cancellation cannot interrupt it; use a condition_variable_any wait with the token [cancel-blocking-call]
  l.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::latch::arrive_and_wait' blocks without observing 'st': cancellation cannot interrupt it; use a condition_variable_any wait with the token [cancel-blocking-call]
  b.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::barrier::arrive_and_wait' blocks without observing 'st': cancellation cannot interrupt it; use a condition_variable_any wait with the token [cancel-blocking-call]
  sem.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::counting_semaphore::acquire' blocks without observing 'st': cancellation cannot interrupt it; use try_acquire_for() in a loop that checks the token [cancel-blocking-call]
  bin.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::counting_semaphore::acquire' blocks without observing 'st': cancellation cannot interrupt it; use try_acquire_for() in a loop that checks the token [cancel-blocking-call]
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::join' blocks without observing 'st': cancellation cannot interrupt it; use std::jthread, whose destructor requests stop before joining [cancel-blocking-call]
  // Not flagged: bounded forms.
  (void)sem.try_acquire_for(100ms);
  (void)l.try_wait();
}

// --- Futures: get() after a ready check does not block.
int futures(std::stop_token st, std::future<int> f, std::future<int> g,
            std::shared_future<int> s, std::future<void> v) {
  int r = g.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks without observing 'st': cancellation cannot interrupt it; use wait_for() in a loop that checks the token, then get() [cancel-blocking-call]
  s.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::shared_future::wait' blocks without observing 'st': cancellation cannot interrupt it; use wait_for() in a loop that checks the token [cancel-blocking-call]
  v.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::wait' blocks without observing 'st': cancellation cannot interrupt it; use wait_for() in a loop that checks the token [cancel-blocking-call]
  v.get(); // not flagged: after wait(), reported once above
  while (f.wait_for(100ms) != std::future_status::ready)
    if (st.stop_requested())
      return -1;
  r += f.get(); // not flagged: f is ready
  (void)s.get(); // not flagged: after s.wait()
  return r;
}

// --- Not flagged: waiting for work that was handed the token ends when
// that work observes it.
int joins_worker(std::stop_token st) {
  std::thread t([st] { while (!st.stop_requested()) std::this_thread::yield(); });
  t.join();
  std::thread u(sleeper, st);
  u.join();
  auto f = std::async(std::launch::async, [&st] { return st.stop_requested() ? 0 : 1; });
  return f.get();
}
struct Pool {
  std::thread worker_;
  void run(std::stop_token st) {
    worker_ = std::thread([st] { while (!st.stop_requested()) std::this_thread::yield(); });
    worker_.join(); // not flagged: assigned work that observes st
  }
};

// --- A jthread's lambda receives the token as its first parameter.
void start_workers() {
  std::jthread a([](std::stop_token st) {
    std::unique_lock lock(m);
    cv.wait(lock, [] { return ready; });
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  });
  // A generic lambda holds the token in the instantiation jthread makes.
  std::jthread b([](auto st) { std::this_thread::sleep_for(3s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'std::this_thread::sleep_for' waits up to 3 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // A lambda capturing a token holds it.
  std::stop_source src;
  std::thread c([tok = src.get_token()] { std::this_thread::sleep_for(3s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'std::this_thread::sleep_for' waits up to 3 s without observing 'tok', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  c.join(); // not flagged: start_workers holds no token
  // Not flagged: a lambda that holds no token.
  std::jthread d([] { std::this_thread::sleep_for(3s); });
  // An unnamed token parameter is still held.
  std::jthread e([](std::stop_token) { std::this_thread::sleep_for(3s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'std::this_thread::sleep_for' waits up to 3 s without observing the unnamed 'std::stop_token' parameter, longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
}

// --- A member function run by a jthread.
class Worker {
public:
  // jthread hands its token to run() through bind_front.
  void start() { thread_ = std::jthread(std::bind_front(&Worker::run, this)); }
  void stop() {
    thread_.request_stop();
    thread_.join(); // not flagged: stop() holds no token
  }

private:
  void run(std::stop_token st) {
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return !queue_.empty(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
    cva_.wait(lock, st, [this] { return !queue_.empty(); }); // not flagged
  }
  void shutdown_child(std::stop_token st, std::jthread &child) {
    child.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::jthread::join' blocks without observing 'st': cancellation cannot interrupt it; use request_stop() before join(), or a std::stop_callback on the token that calls it [cancel-blocking-call]
  }
  void stop_child(std::stop_token st, std::jthread &child) {
    child.request_stop();
    child.join(); // not flagged: stop was requested first
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::condition_variable_any cva_;
  std::vector<int> queue_;
  std::jthread thread_;
};

// --- Templates: reported once, from the template and its instantiations.
template <typename T> T take(std::stop_token st, std::future<T> &f) {
  return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::future::get' blocks without observing 'st': cancellation cannot interrupt it; use wait_for() in a loop that checks the token, then get() [cancel-blocking-call]
}
template int take<int>(std::stop_token, std::future<int> &);
template long take<long>(std::stop_token, std::future<long> &);

// A token of a template parameter's type is held in instantiations only.
template <typename Token> void nap(Token t) { std::this_thread::sleep_for(2s); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'std::this_thread::sleep_for' waits up to 2 s without observing 't', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
template void nap<std::stop_token>(std::stop_token);
template void nap<int>(int); // holds no token

// --- Not flagged: a callback registered on the token wakes the waits.
void woken(std::stop_token st) {
  std::unique_lock lock(m);
  std::stop_callback wake(st, [] { cv.notify_all(); });
  cv.wait(lock, [&] { return ready || st.stop_requested(); });
}

// --- Not flagged: the same registration in template code, where the
// stop_callback is not deduced before instantiation (libstdc++'s own
// condition_variable_any::wait(lock, token, pred) is written this way).
struct TemplateWaiter {
  std::condition_variable inner;
  template <class Pred>
  bool wait(std::unique_lock<std::mutex> &lk, std::stop_token st, Pred p) {
    std::stop_callback wake(st, [this] { inner.notify_all(); });
    while (!p())
      inner.wait(lk);
    return true;
  }
  template <class F>
  void wait_braced(std::unique_lock<std::mutex> &lk, std::stop_token st,
                   F f) {
    std::stop_callback<F> wake{st, f};
    inner.wait(lk);
  }
};

// A dependent local that is no registration does not wake the wait.
template <class F>
void not_registered(std::unique_lock<std::mutex> &lk, std::stop_token st,
                    F f) {
  std::optional<F> keep(f);
  cv.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
}

// --- Not flagged: functions that hold no token.
void no_token(std::future<int> &f) {
  std::this_thread::sleep_for(5s);
  (void)f.get();
}

// --- NOLINT suppresses a finding.
void suppressed(std::stop_token st) {
  std::this_thread::sleep_for(5s); // NOLINT(cancel-blocking-call)
}

// A token parameter a macro declared (gmock's ACTION_P gives every action
// arg0...arg9) is not held by the user's code.
#define ACTION_WITH_TOKEN(name) void name(std::stop_token arg2)
ACTION_WITH_TOKEN(WaitAction) { std::this_thread::sleep_for(5s); }
