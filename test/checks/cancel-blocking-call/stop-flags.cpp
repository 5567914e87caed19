// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -stdlib=libc++
//
// Home-grown stop flags are tokens: a thread loop that polls a flag set by
// a destructor or stop() that joins, notifies or closes, and waits in a way
// that setting the flag cannot end. Shapes from real fixed bugs (a stats
// thread sleeping 30 s, a thread pool losing its wake-up), written for this
// project, in plain classes and class templates.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <sys/socket.h>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

// --- A sleep the destructor has to wait out.
class StatsReporter {
public:
  StatsReporter() { thread_ = std::thread(&StatsReporter::loop, this); }
  ~StatsReporter() {
    m_shutdown = true;
    thread_.join();
  }

private:
  void loop() {
    while (!m_shutdown) {
      std::this_thread::sleep_for(std::chrono::seconds(30));
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' waits up to 30 s without observing stop flag 'm_shutdown', longer than MaxUncheckedWait (1 s), so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'm_shutdown', and notify it where 'm_shutdown' is set [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-9]]:5: note: 'm_shutdown' is treated as a stop flag: '~StatsReporter' sets it here before joining the thread
    }
  }
  std::atomic<bool> m_shutdown{false};
  std::thread thread_;
};

template <class T> class TemplateReporter {
public:
  ~TemplateReporter() {
    stop_ = true;
    if (thread_.joinable())
      thread_.join();
  }
  void enable() { thread_ = std::thread(&TemplateReporter::loop, this); }

private:
  void loop() {
    while (!stop_)
      std::this_thread::sleep_for(5s);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing stop flag 'stop_', longer than MaxUncheckedWait (1 s), so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'stop_', and notify it where 'stop_' is set [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-11]]:5: note: 'stop_' is treated as a stop flag: '~TemplateReporter' sets it here before joining the thread
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// --- A sleep of a length known only at run time, in a thread lambda
// started by a member initialiser.
class Heartbeat {
public:
  explicit Heartbeat(long interval_ms)
      : beating_(true), thread_([this, interval_ms] {
          while (beating_) {
            send();
            std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
            // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'std::this_thread::sleep_for' waits for a time not known here, and setting stop flag 'beating_' does not end the wait, so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'beating_', and notify it where 'beating_' is set [cancel-blocking-call]
            // CHECK-NOTES: :[[@LINE+4]]:5: note: 'beating_' is treated as a stop flag: '~Heartbeat' sets it here before joining the thread
          }
        }) {}
  ~Heartbeat() {
    beating_ = false;
    thread_.join();
  }

private:
  void send();
  std::atomic_bool beating_;
  std::thread thread_;
};

// --- A notify that can come between the predicate's check and the wait.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back([this] { worker(); });
  }
  ~Pool() {
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
    // CHECK-NOTES: :[[@LINE-12]]:5: note: 'running_' is treated as a stop flag: '~Pool' sets it here before joining the thread
      if (!running_)
        break;
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop();
      lock.unlock();
      task();
    }
  }
  std::atomic<bool> running_{true};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
};

template <class Task> class TemplatePool {
public:
  void start() { thread_ = std::thread([this] { worker(); }); }
  void stop() {
    stopping_ = true;
    cv_.notify_one();
  }

private:
  void worker() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait_for(lock, timeout_, [this] { return stopping_ || !tasks_.empty(); });
      // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'std::condition_variable::wait_for' can miss the stop request: stop flag 'stopping_' is set and 'notify_one' is called without holding 'mutex_', the mutex of this wait, so the wake-up can come between the predicate's check and the wait, and the thread may sleep until the wait times out; set 'stopping_' or call 'notify_one' while holding 'mutex_' [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-10]]:5: note: 'stopping_' is treated as a stop flag: 'stop' sets it here before calling 'notify_one'
      if (stopping_)
        return;
    }
  }
  bool stopping_ = false;
  std::chrono::milliseconds timeout_{5000};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Task> tasks_;
  std::thread thread_;
};

// --- A predicate that does not look at the flag: woken, it waits again.
class Queue {
public:
  Queue() : thread_([this] { drain(); }) {}
  void shutdown() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

private:
  void drain() {
    while (!done_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return !items_.empty(); });
      // CHECK-NOTES: :[[@LINE-1]]:11: warning: the predicate of 'std::condition_variable::wait' does not read stop flag 'done_': when 'done_' is set and 'notify_all' wakes the wait, it goes back to waiting, so the thread may not stop; make the predicate return when 'done_' is set [cancel-blocking-call]
      // CHECK-NOTES: :[[@LINE-12]]:7: note: 'done_' is treated as a stop flag: 'shutdown' sets it here before joining the thread
      items_.pop();
    }
  }
  bool done_ = false;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::queue<int> items_;
  std::thread thread_;
};

// --- An accessor stands for the flag; an enum state is a flag too.
class Receiver {
public:
  Receiver(int fd) : fd_(fd), thread_([this] { run(); }) {}
  void stop() {
    state_ = State::Stopping;
    thread_.join();
  }

private:
  enum class State { Running, Stopping };
  bool stopping() const { return state_ == State::Stopping; }
  void run() {
    char buf[512];
    for (;;) {
      if (stopping())
        break;
      recv(fd_, buf, sizeof buf, 0);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'recv' blocks without observing stop flag 'state_', and setting it does not end the wait, so the thread may never stop; call 'shutdown' on what it waits for where 'state_' is set [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-14]]:5: note: 'state_' is treated as a stop flag: 'stop' sets it here before joining the thread
    }
  }
  int fd_;
  std::atomic<State> state_{State::Running};
  std::thread thread_;
};

// --- Joining under the mutex the thread needs to leave its wait.
class Cleaner {
public:
  Cleaner() : thread_([this] { clean(); }) {}
  ~Cleaner() {
    std::unique_lock<std::mutex> lock(mutex_);
    stop_ = true;
    cv_.notify_all();
    thread_.join();
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'join' waits for the thread while 'mutex_' is held, and the thread locks 'mutex_' in 'clean': if it is waiting for 'mutex_' when the join starts, neither can go on; release 'mutex_' before joining [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+7]]:7: note: 'clean' locks 'mutex_' here
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'stop_' is treated as a stop flag: '~Cleaner' sets it here before joining the thread
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

// === Not reported.

// A flag that is only read is a setting.
class OnlyRead {
public:
  OnlyRead() : thread_([this] { while (!quiet_) std::this_thread::sleep_for(10s); }) {}
  ~OnlyRead() { thread_.join(); }

private:
  std::atomic<bool> quiet_{false};
  std::thread thread_;
};

// Set by a function that neither joins, notifies nor closes: a setting.
class Configured {
public:
  Configured() : thread_([this] { while (!paused_) std::this_thread::sleep_for(10s); }) {}
  void pause() { paused_ = true; }
  ~Configured() { thread_.detach(); }

private:
  std::atomic<bool> paused_{false};
  std::thread thread_;
};

// A short sleep (at most MaxUncheckedWait) is the polling idiom.
class ShortPoll {
public:
  ShortPoll() : thread_([this] { while (!stop_) std::this_thread::sleep_for(100ms); }) {}
  ~ShortPoll() { stop_ = true; thread_.join(); }

private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Written under the wait's mutex, then notified: the wake-up is not lost.
class LockedPool {
public:
  LockedPool() : thread_([this] { work(); }) {}
  ~LockedPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      running_ = false;
    }
    cv_.notify_all();
    thread_.join();
  }

private:
  void work() {
    while (running_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return !running_; });
    }
  }
  bool running_ = true;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};

// Written outside, but notified under the mutex: the notify cannot fall
// between the worker's check and its wait either.
template <class T> class NotifyUnderLock {
public:
  NotifyUnderLock() : thread_([this] { work(); }) {}
  ~NotifyUnderLock() {
    running_ = false;
    {
      const std::scoped_lock lock(mutex_);
      cv_.notify_all();
    }
    thread_.join();
  }

private:
  void work() {
    while (running_) {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return !running_; });
    }
  }
  std::atomic<bool> running_{true};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};

// The mutex released before the join.
class ReleasingCleaner {
public:
  ReleasingCleaner() : thread_([this] { clean(); }) {}
  ~ReleasingCleaner() {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      stop_ = true;
      cv_.notify_all();
    }
    thread_.join();
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

// A timed wait without a predicate, notified by the setter: it ends.
class Ticker {
public:
  Ticker() : thread_([this] { tick(); }) {}
  ~Ticker() {
    stop_ = true;
    cv_.notify_all();
    thread_.join();
  }

private:
  void tick() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_)
      cv_.wait_for(lock, period_);
  }
  std::atomic<bool> stop_{false};
  std::chrono::seconds period_{60};
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};

// recv is woken when the setter shuts the descriptor down.
class ShutDownReceiver {
public:
  ShutDownReceiver(int fd) : fd_(fd), thread_([this] { run(); }) {}
  ~ShutDownReceiver() {
    stop_ = true;
    shutdown(fd_, SHUT_RDWR);
    thread_.join();
  }

private:
  void run() {
    char buf[512];
    while (!stop_)
      recv(fd_, buf, sizeof buf, 0);
  }
  int fd_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// A loop that is not a thread's: the flag's setter does not wait for it.
class NotAThread {
public:
  void poll() {
    while (!stop_)
      std::this_thread::sleep_for(10s);
  }
  ~NotAThread() { stop_ = true; }

private:
  std::atomic<bool> stop_{false};
};

// The value written does not end the loop.
class WrongValue {
public:
  WrongValue() : thread_([this] { while (running_) std::this_thread::sleep_for(10s); }) {}
  ~WrongValue() {
    running_ = true;
    thread_.join();
  }

private:
  std::atomic<bool> running_{false};
  std::thread thread_;
};

void instantiate() {
  TemplateReporter<int> r;
  r.enable();
  TemplatePool<int> p;
  p.start();
  NotifyUnderLock<int> n;
}
