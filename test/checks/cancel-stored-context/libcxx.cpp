// RUN: %check_cancel_tidy %s cancel-stored-context %t -- -- -std=c++20 -stdlib=libc++
//
// libc++ declares the tokens in the inline namespace std::__1; they are
// still the model's std::stop_token and std::jthread.
#include <functional>
#include <stop_token>
#include <thread>
#include <vector>

std::stop_token g_token;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: global variable 'g_token' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
thread_local std::stop_token t_current;
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread_local variable 't_current' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]

// Process-wide state and constants: not a request's token.
static std::stop_source g_shutdown;
static std::stop_token g_shutdown_token = g_shutdown.get_token();
static const std::stop_token kNever{};

class SessionRegistry {
public:
  void add(std::stop_token session) {
    sessions_.push_back(session);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'session' (request-scoped 'std::stop_token') is stored in member 'sessions_' of long-lived 'SessionRegistry', which outlives the request it belongs to [cancel-stored-context]
    sessions_.push_back(session); // NOLINT(cancel-stored-context)
    // NOLINTNEXTLINE(cancel-stored-context)
    on_close_ = [session] { (void)session.stop_requested(); };
  }

private:
  std::vector<std::stop_token> sessions_;
  std::function<void()> on_close_;
};

// A worker pool owning the jthread whose token it keeps: the pool's own
// destructor stops that thread.
class WorkerPool {
public:
  WorkerPool()
      : thread_([this](std::stop_token stop) { run(stop); }),
        stop_(thread_.get_stop_token()) {}

private:
  void run(std::stop_token stop);
  std::jthread thread_;
  std::stop_token stop_;
};

std::stop_token g_suppressed; // NOLINT
