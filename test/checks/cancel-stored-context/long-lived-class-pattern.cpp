// RUN: %check_cancel_tidy %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=MANAGER --config="{CheckOptions: {cancel-stored-context.LongLivedClassPattern: 'Manager$'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=INVALID --config="{CheckOptions: {cancel-stored-context.LongLivedClassPattern: '(Manager'}}" %s cancel-stored-context %t
// The runner matches only located diagnostics; the option's own is not:
// RUN: FileCheck --check-prefix=INVALID-OPTION --input-file=%t.out %s
//
// LongLivedClassPattern (default '(pool|cache|registry)s?$', case
// insensitive) names the classes treated as long-lived when neither the
// model nor static storage says so.
#include <stop_token>

class ConnCache {
public:
  void put(std::stop_token token) { last_ = token; }
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'token' (request-scoped 'std::stop_token') is stored in member 'last_' of long-lived 'ConnCache', which outlives the request it belongs to [cancel-stored-context]

private:
  std::stop_token last_;
};

class SessionManager {
public:
  void put(std::stop_token token) { last_ = token; }
  // CHECK-MESSAGES-MANAGER: :[[@LINE-1]]:43: warning: 'token' (request-scoped 'std::stop_token') is stored in member 'last_' of long-lived 'SessionManager', which outlives the request it belongs to [cancel-stored-context]

private:
  std::stop_token last_;
};

// With an invalid pattern no class is long-lived by name.
// CHECK-MESSAGES-INVALID-NOT: warning:
// INVALID-OPTION: warning: invalid LongLivedClassPattern '(Manager': parentheses not balanced [clang-tidy-config]
