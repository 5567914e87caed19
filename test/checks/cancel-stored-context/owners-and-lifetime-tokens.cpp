// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%inputs/goctx/goctx.json'}}" %s cancel-stored-context %t -- -- -std=c++20 -isystem %inputs/goctx
//
// Tokens a long-lived object may keep: its own (it owns the source or the
// jthread), the process's shutdown token, and the token its owner hands to
// its constructor. Constants that only ever hold a never-cancelled token are
// not a request's either. A token stored while handling a request is.
#include <goctx.h>

#include <stop_token>
#include <thread>
#include <vector>

std::stop_source g_shutdown;
std::jthread g_reaper;

class ConnectionPool {
public:
  ConnectionPool() : stop_(g_shutdown.get_token()) {}
  explicit ConnectionPool(std::stop_token shutdown)
      : stop_(std::move(shutdown)) {}
  ConnectionPool(std::stop_token shutdown, int capacity) { stop_ = shutdown; }
  void rearm() { stop_ = g_reaper.get_stop_token(); }

  void handle(std::stop_token request) {
    stop_ = request;
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'request' (request-scoped 'std::stop_token') is stored in member 'stop_' of long-lived 'ConnectionPool', which outlives the request it belongs to [cancel-stored-context]
  }

private:
  std::stop_token stop_;
};

// Owners: the jthread's or the source's tokens, in members or containers.
class WorkerPool {
public:
  WorkerPool()
      : thread_([this](std::stop_token stop) { run(stop); }),
        stop_(thread_.get_stop_token()) {}
  void restart() {
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
    stop_ = thread_.get_stop_token();
    history_.push_back(thread_.get_stop_token());
  }

private:
  void run(std::stop_token stop);
  std::jthread thread_;
  std::stop_token stop_;
  std::vector<std::stop_token> history_;
};

class JobRegistry {
public:
  std::stop_token add() {
    tokens_.push_back(source_.get_token());
    return tokens_.back();
  }

private:
  std::stop_source source_;
  std::vector<std::stop_token> tokens_;
};

// Constants holding a token nothing cancels: a default-constructed token
// (the model says it is a root) or a model root function's result.
static const std::stop_token kNever{};
const std::stop_token kNeverEither = std::stop_token{};
static const goctx::Context kBackground = goctx::background();
// Not constant: a request's token could be stored later.
static goctx::Context g_context = goctx::background();
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: global variable 'g_context' keeps request-scoped 'goctx::Context' beyond the request it belongs to [cancel-stored-context]

// A token from a process-wide source reached through a pointer to member:
// reported (the getter is not known), and no crash.
std::stop_token (std::stop_source::*g_getter)() const noexcept =
    &std::stop_source::get_token;
static std::stop_token g_via_member_pointer = (g_shutdown.*g_getter)();
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: global variable 'g_via_member_pointer' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
