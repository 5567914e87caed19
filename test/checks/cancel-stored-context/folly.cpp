// RUN: %check_cancel_tidy %s cancel-stored-context %t -- -- -std=c++20 -isystem %inputs/folly
//
// folly::CancellationToken (through the test stub of
// <folly/CancellationToken.h>): a request's token kept in static storage or
// in a long-lived cache; owners of a CancellationSource and never-cancelled
// constants are fine.
#include <folly/CancellationToken.h>

#include <functional>
#include <map>
#include <string>

static folly::CancellationToken g_request_token;
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: global variable 'g_request_token' keeps request-scoped 'folly::CancellationToken' beyond the request it belongs to [cancel-stored-context]

// A constant that can only hold a default-constructed token, which nothing
// can cancel: not a request's token.
static const folly::CancellationToken kNoCancellation{};

static std::function<void()> g_on_cancel;

class RequestCache {
public:
  void remember(const std::string &key, const folly::CancellationToken &token) {
    by_key_.emplace(key, token);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'token' (request-scoped 'folly::CancellationToken') is stored in member 'by_key_' of long-lived 'RequestCache', which outlives the request it belongs to [cancel-stored-context]
    g_on_cancel = [token] { (void)token.isCancellationRequested(); };
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda capturing 'token' (request-scoped 'folly::CancellationToken') is stored in global variable 'g_on_cancel', which outlives the request it belongs to [cancel-stored-context]
  }

private:
  std::map<std::string, folly::CancellationToken> by_key_;
};

// The owner of the source may keep the tokens it hands out: its own
// requestCancellation() cancels them.
class TaskRegistry {
public:
  TaskRegistry() : token_(source_.getToken()) {}
  void restart() {
    source_ = folly::CancellationSource();
    token_ = source_.getToken();
  }

private:
  folly::CancellationSource source_;
  folly::CancellationToken token_;
};
