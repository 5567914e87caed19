// RUN: %check_cancel_tidy %s cancel-stored-context %t
#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

// --- Static storage whose type holds a request-scoped token.
std::stop_token g_token;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: global variable 'g_token' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
static std::vector<std::stop_token> g_tokens;
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: global variable 'g_tokens' keeps an object holding request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
thread_local const std::stop_token *t_current = nullptr;
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: thread_local variable 't_current' keeps a pointer to request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
struct Registry {
  static std::map<std::string, std::stop_token> byName;
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: static data member 'Registry::byName' keeps an object holding request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
};

// --- Not flagged: owners and process-wide state.
std::stop_source g_shutdown;                          // a source owns, it is not request state
std::jthread g_worker;                                // likewise
std::stop_token g_shutdown_token = g_shutdown.get_token(); // process-wide token of a process-wide source

std::function<void()> g_on_exit;

void handle(std::stop_token token) {
  // Stores into static storage whose own type holds a token are reported at
  // the declaration above, not again here.
  g_token = token;
  g_tokens.push_back(token);

  g_on_exit = [&token] { (void)token.stop_requested(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (a reference to request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]

  static auto first = [token] { return token.stop_requested(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: static local variable 'first' is initialised with a lambda capturing 'token' (request-scoped 'std::stop_token'); it outlives the request it belongs to [cancel-stored-context]

  // Locals are fine.
  std::stop_token copy = token;
  std::vector<std::stop_token> local{token};
  auto cb = [&token] { return token.stop_requested(); };
  (void)copy; (void)cb;
}
