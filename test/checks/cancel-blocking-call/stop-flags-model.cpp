// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/flags.json'}}" %s cancel-blocking-call %t -- -- -std=c++20
//
// A model declares stop flags the inference cannot see (the thread is
// started in another file; the setter does not join here), and denies one
// it gets wrong.
#include <atomic>
#include <chrono>
#include <thread>

namespace app {
// Declared: its loop runs on a thread started elsewhere, and quit() does
// not join; the model says it is a stop flag all the same.
class Poller {
public:
  void run() {
    while (!quit_)
      std::this_thread::sleep_for(std::chrono::seconds(5));
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing stop flag 'quit_', longer than MaxUncheckedWait (1 s), so stopping this thread can take that long; wait on a condition variable with a predicate that reads 'quit_', and notify it where 'quit_' is set [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE+2]]:17: note: 'quit_' is a stop flag (the model says so): 'quit' sets it here
  }
  void quit() { quit_ = true; }

private:
  std::atomic<bool> quit_{false};
};

// Denied: the inference would take it for a stop flag.
class Cache {
public:
  Cache() : thread_([this] { refresh(); }) {}
  ~Cache() {
    refreshing_ = false;
    thread_.join();
  }

private:
  void refresh() {
    while (refreshing_)
      std::this_thread::sleep_for(std::chrono::seconds(30));
  }
  std::atomic<bool> refreshing_{true};
  std::thread thread_;
};
} // namespace app
