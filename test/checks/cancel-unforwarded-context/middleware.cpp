// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%inputs/goctx/goctx.json"}}' -- -- -std=c++20 -isystem %inputs/goctx
#include <goctx.h>

#include <chrono>
#include <functional>
#include <string>

using namespace std::chrono_literals;

struct Request {
  std::string user;
};
using Next = std::function<void(const goctx::Context &, const Request &)>;
using HandlerFn = void (*)(const goctx::Context &, const Request &);
struct NextHandler {
  void operator()(const goctx::Context &ctx, const Request &req) const;
};
goctx::Context g_default;
goctx::Context lookupContext(const Request &req);

// --- 5. `next` gets something other than the context or one derived from it.
void withAuth(const goctx::Context &ctx, const Request &req, const Next &next) {
  next(goctx::background(), req);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'next' is called with 'goctx::background()' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
}

void withDefault(const goctx::Context &ctx, const Request &req, HandlerFn next) {
  next(g_default, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'next' is called with 'g_default' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
}

template <typename Fn>
void timing(const goctx::Context &ctx, const Request &req, Fn next) {
  goctx::Context fresh;
  next(fresh, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'next' is called with 'fresh' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
}

class Router {
public:
  void route(const goctx::Context &ctx, const Request &req,
             const NextHandler &next) {
    next(base_, req);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'next' is called with 'base_' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
  }

private:
  goctx::Context base_;
};

auto genericMiddleware = [](const goctx::Context &ctx, const Request &req,
                            auto next) {
  next(goctx::todo(), req);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'next' is called with 'goctx::todo()' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
};

// --- Not flagged: the context itself, or one derived from it.
void passes(const goctx::Context &ctx, const Request &req, const Next &next) {
  next(ctx, req);
}

void derives(const goctx::Context &ctx, const Request &req, HandlerFn next) {
  auto [child, cancel] = goctx::with_timeout(ctx, 100ms);
  next(child, req);
  next(goctx::with_value(ctx, "user", req.user), req);
  cancel();
}

template <typename Fn>
void forwards(const goctx::Context &ctx, const Request &req, Fn &&next) {
  goctx::Context scoped = goctx::with_value(ctx, "trace", "1");
  next(scoped, req);
}

auto genericOk = [](const goctx::Context &ctx, const Request &req, auto next) {
  next(ctx, req);
};

// Not flagged: where the value comes from is not known.
void unknown(const goctx::Context &ctx, const Request &req, const Next &next) {
  next(lookupContext(req), req);
}

void instantiate(const goctx::Context &ctx, const Request &req) {
  timing(ctx, req, [](const goctx::Context &, const Request &) {});
  forwards(ctx, req, NextHandler{});
  genericMiddleware(ctx, req, NextHandler{});
  genericOk(ctx, req, NextHandler{});
}
