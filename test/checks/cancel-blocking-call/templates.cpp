// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -stdlib=libc++
//
// Every rule in three forms: a plain function (or class), a member of a
// class template, and a function template; the correct pattern of each
// rule in template form stays quiet. A finding is reported once at the
// template, however many instantiations there are (each template here has
// two); a token whose type is the template parameter is seen in the
// instantiation. Messages name functions as they are spelled: the
// destructor of a class template is '~R3', not '~R3<T>'.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <queue>
#include <stop_token>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
std::mutex m;
std::condition_variable cv;
bool ready = false;
bool running = true;

// --- 1. A blocking call that cannot observe the token.
void r1Plain(std::stop_token st) {
  std::unique_lock lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
}
template <class T> struct R1 {
  void member(std::stop_token st) {
    std::unique_lock lock(m);
    cv.wait(lock, [] { return ready; });
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  }
  void good(std::stop_token st, std::condition_variable_any &cva) {
    std::unique_lock lock(m);
    cva.wait(lock, st, [] { return ready; });
  }
};
template struct R1<int>;
template struct R1<long>;
// The condition variable's type is the template parameter.
template <class Cond> struct R1Dependent {
  void wait(std::stop_token st, Cond &cond) {
    std::unique_lock lock(m);
    cond.wait(lock, [] { return ready; });
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  }
};
template struct R1Dependent<std::condition_variable>;
template <class T> void r1Template(std::stop_token st, T) {
  std::unique_lock lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
}
template void r1Template(std::stop_token, int);
template void r1Template(std::stop_token, long);
template <class T> void r1DependentToken(T st) {
  std::unique_lock lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
}
template void r1DependentToken(std::stop_token);
template void r1DependentToken(int); // holds no token

// --- 1, through a function that takes no token.
static void pollSocket() { std::this_thread::sleep_for(60s); }
template <class T> void pollT(T) { std::this_thread::sleep_for(60s); }
int i1Plain(std::stop_token st) {
  pollSocket();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pollSocket' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-5]]:28: note: waits here
  pollT(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pollT' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-7]]:36: note: waits here
  return 0;
}
template <class T> struct I1 {
  void member(std::stop_token st) {
    pollSocket();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'pollSocket' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-15]]:28: note: waits here
    pollT(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'pollT' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-17]]:36: note: waits here
    nap();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'nap' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+2]]:23: note: waits here
  }
  static void nap() { std::this_thread::sleep_for(60s); }
};
template struct I1<int>;
template struct I1<long>;
template <class T> void i1Template(std::stop_token st, T) {
  pollSocket();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pollSocket' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-30]]:28: note: waits here
  pollT(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pollT' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-32]]:36: note: waits here
}
template void i1Template(std::stop_token, int);
template void i1Template(std::stop_token, long);
template <class T> void i1Uninstantiated(std::stop_token st, T) {
  pollSocket();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pollSocket' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-40]]:28: note: waits here
}

// --- 2. A loop that never consults the token.
void r2Plain(std::stop_token st) {
  while (running) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE+1]]:5: note: waits here without observing 'st'
    std::this_thread::sleep_for(10ms);
  }
}
template <class T> struct R2 {
  void member(std::stop_token st) {
    while (running) {
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+1]]:7: note: waits here without observing 'st'
      std::this_thread::sleep_for(10ms);
    }
  }
  void good(std::stop_token st) {
    while (running && !st.stop_requested()) {
      std::this_thread::sleep_for(10ms);
    }
  }
  // The token is consulted through a lambda that captures it implicitly.
  void goodThroughLambda(std::stop_token st) {
    auto stopped = [&] { return st.stop_requested(); };
    while (running) {
      if (stopped())
        break;
      std::this_thread::sleep_for(10ms);
    }
  }
};
template struct R2<int>;
template struct R2<long>;
template <class T> void r2Template(std::stop_token st, T) {
  while (running) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE+1]]:5: note: waits here without observing 'st'
    std::this_thread::sleep_for(10ms);
  }
}
template void r2Template(std::stop_token, int);
template void r2Template(std::stop_token, long);
template <class T> void r2Uninstantiated(std::stop_token st, T) {
  while (running) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE+1]]:5: note: waits here without observing 'st'
    std::this_thread::sleep_for(10ms);
  }
}
void startJthreads() {
  std::jthread a([](std::stop_token st) {
    while (running)
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+1]]:7: note: waits here without observing 'st'
      std::this_thread::sleep_for(10ms);
  });
  std::jthread b([](auto st) {
    while (running)
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+1]]:7: note: waits here without observing 'st'
      std::this_thread::sleep_for(10ms);
  });
}

// --- 3. A wait that setting a stop flag cannot end.
class R3Plain {
public:
  R3Plain() { thread_ = std::thread(&R3Plain::loop, this); }
  ~R3Plain() {
    stop_ = true;
    thread_.join();
  }
private:
  void loop() {
    while (!stop_)
      std::this_thread::sleep_for(5s);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing stop flag 'stop_', longer than MaxUncheckedWait (1 s), so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'stop_', and notify it where 'stop_' is set [cancel-blocking-call]
      // CHECK-NOTES: :[[@LINE-8]]:5: note: 'stop_' is treated as a stop flag: '~R3Plain' sets it here before joining the thread
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
};
template <class T> class R3 {
public:
  R3() { thread_ = std::thread(&R3::loop, this); }
  ~R3() {
    stop_ = true;
    thread_.join();
  }
private:
  void loop() {
    while (!stop_)
      std::this_thread::sleep_for(5s);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing stop flag 'stop_', longer than MaxUncheckedWait (1 s), so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'stop_', and notify it where 'stop_' is set [cancel-blocking-call]
      // CHECK-NOTES: :[[@LINE-8]]:5: note: 'stop_' is treated as a stop flag: '~R3' sets it here before joining the thread
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
};
template class R3<int>;
template class R3<long>;
std::atomic<bool> g_stop{false};
template <class T> void r3Loop(T) {
  while (!g_stop)
    std::this_thread::sleep_for(5s);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing stop flag 'g_stop', longer than MaxUncheckedWait (1 s), so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'g_stop', and notify it where 'g_stop' is set [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+5]]:3: note: 'g_stop' is treated as a stop flag: 'r3Start' sets it here before joining the thread
}
void r3Start() {
  std::thread t(r3Loop<int>, 1);
  std::thread u(r3Loop<long>, 1L);
  g_stop = true;
  t.join();
  u.join();
}

// --- 4. A stop request lost between check and wait.
class R4Plain {
public:
  R4Plain() : thread_([this] { worker(); }) {}
  ~R4Plain() {
    running_ = false;
    cv_.notify_all();
    thread_.join();
  }
private:
  void worker() {
    while (running_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return !running_; });
      // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'std::condition_variable::wait' can miss the stop request: stop flag 'running_' is set and 'notify_all' is called without holding 'mutex_', the mutex of this wait, so the wake-up can come between the predicate's check and the wait, and the thread may never wake; set 'running_' or call 'notify_all' while holding 'mutex_' [cancel-blocking-call]
      // CHECK-NOTES: :[[@LINE-10]]:5: note: 'running_' is treated as a stop flag: '~R4Plain' sets it here before joining the thread
    }
  }
  std::atomic<bool> running_{true};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};
template <class T> class R4 {
public:
  explicit R4(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back([this] { worker(); });
  }
  ~R4() {
    running_ = false;
    cv_.notify_all();
    for (std::thread &t : threads_)
      t.join();
  }
private:
  void worker() {
    while (running_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return !tasks_.empty() || !running_; });
      // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'std::condition_variable::wait' can miss the stop request: stop flag 'running_' is set and 'notify_all' is called without holding 'mutex_', the mutex of this wait, so the wake-up can come between the predicate's check and the wait, and the thread may never wake; set 'running_' or call 'notify_all' while holding 'mutex_' [cancel-blocking-call]
      // CHECK-NOTES: :[[@LINE-11]]:5: note: 'running_' is treated as a stop flag: '~R4' sets it here before joining the thread
      if (!running_)
        break;
      tasks_.pop();
    }
  }
  std::atomic<bool> running_{true};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::queue<T> tasks_;
  std::vector<std::thread> threads_;
};
template class R4<int>;
template class R4<long>;

// --- 5. Joining a thread under the mutex it needs.
class R5Plain {
public:
  R5Plain() : thread_([this] { clean(); }) {}
  ~R5Plain() {
    std::unique_lock<std::mutex> lock(mutex_);
    stop_ = true;
    cv_.notify_all();
    thread_.join();
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'join' waits for the thread while 'mutex_' is held, and the thread locks 'mutex_' in 'clean': if it is waiting for 'mutex_' when the join starts, neither can go on; release 'mutex_' before joining [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+6]]:7: note: 'clean' locks 'mutex_' here
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'stop_' is treated as a stop flag: '~R5Plain' sets it here before joining the thread
  }
private:
  void clean() {
    while (!stop_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait_for(lock, std::chrono::seconds(10));
    }
  }
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};
template <class T> class R5 {
public:
  R5() : thread_([this] { clean(); }) {}
  ~R5() {
    std::unique_lock<std::mutex> lock(mutex_);
    stop_ = true;
    cv_.notify_all();
    thread_.join();
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'join' waits for the thread while 'mutex_' is held, and the thread locks 'mutex_' in 'clean': if it is waiting for 'mutex_' when the join starts, neither can go on; release 'mutex_' before joining [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+6]]:7: note: 'clean' locks 'mutex_' here
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'stop_' is treated as a stop flag: '~R5' sets it here before joining the thread
  }
private:
  void clean() {
    while (!stop_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait_for(lock, std::chrono::seconds(10));
    }
  }
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};
template class R5<int>;
template class R5<long>;
// The mutex released before the join.
template <class T> class R5Good {
public:
  R5Good() : thread_([this] { clean(); }) {}
  ~R5Good() {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
private:
  void clean() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_)
      cv_.wait(lock, [this] { return stop_; });
  }
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};
template class R5Good<int>;
template class R5Good<long>;

