// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%inputs/goctx/goctx.json;%S/Inputs/legacy.json"}}' -- -- -std=c++20 -isystem %inputs/goctx
#include <goctx.h>

#include <chrono>
#include <stop_token>
#include <string>
#include <thread>

using namespace std::chrono_literals;

struct Response {};
Response fetch(const goctx::Context &ctx, const std::string &key);
void store(goctx::Context ctx, int value);
void audit(const goctx::Context *ctx);

// --- 1. A fresh root handed to a call that takes a context.
void roots(const goctx::Context &ctx) {
  fetch(goctx::background(), "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  store(goctx::todo(), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'goctx::todo()' passed to 'store' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  auto bg = goctx::background();
  fetch(bg, "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'bg' passed to 'fetch' holds a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  fetch(bg, "once"); // the same root is reported once
  audit(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'nullptr' passed to 'audit' is a null context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  // Deriving from a root does not make it related: reported where the root
  // goes in, and not again for what comes out.
  auto [child, cancel] = goctx::with_timeout(goctx::background(), 10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'goctx::background()' passed to 'with_timeout' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  fetch(child, "c");
  cancel();
}

// --- Not flagged: the held context and what is derived from it.
void derived(const goctx::Context &ctx, bool which) {
  fetch(ctx, "a");
  auto [child, cancel] = goctx::with_timeout(ctx, 10ms);
  fetch(child, "b");
  store(goctx::with_value(child, "k", "v"), 2);
  goctx::CancelFunc stop;
  goctx::Context bounded = goctx::with_deadline(ctx, goctx::Clock::now() + 1s, &stop);
  fetch(bounded, "c");
  goctx::Context copy = ctx;
  fetch(copy, "d");
  goctx::Context picked = ctx;
  if (which)
    picked = child;
  fetch(picked, "e");
  audit(&ctx);
  auto pair = goctx::with_cancel(ctx);
  fetch(pair.first, "f");
  cancel();
  stop();
  pair.second();
}

// --- Not flagged: a value that may or may not be a root (precision first).
void mixed(const goctx::Context &ctx, bool detach) {
  goctx::Context maybe = detach ? goctx::background() : ctx;
  fetch(maybe, "a");
  goctx::Context later = goctx::background();
  later = ctx;
  fetch(later, "b");
}

// --- 4. A new context object, where one derived from the held one belongs.
void fresh(const goctx::Context &ctx) {
  goctx::Context local;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'local' is a new 'goctx::Context', not derived from 'ctx'; calls using it do not inherit the deadline or cancellation of 'ctx'; create it with 'goctx::with_cancel' [cancel-unforwarded-context]
  fetch(local, "a");
  fetch(local, "b");
  store(goctx::Context{}, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'goctx::Context{}' passed to 'store' is a new 'goctx::Context', not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  goctx::Context assigned;
  assigned = ctx; // not new any more
  fetch(assigned, "c");
}

// --- Not flagged: functions that hold no context may create the root.
int main() {
  goctx::Context root = goctx::background();
  fetch(root, "boot");
  fetch(goctx::todo(), "x");
}

// --- Not flagged: functions returning a context (deliberate detach helpers).
goctx::Context detached(const goctx::Context &parent) {
  return goctx::with_value(goctx::background(), "trace", parent.value("trace"));
}

std::pair<goctx::Context, goctx::CancelFunc> detachedWithCancel(const goctx::Context &parent) {
  auto bg = goctx::background();
  fetch(bg, "prepare");
  return goctx::with_cancel(bg);
}

// --- Lambdas: background work in its own scope is not flagged; a lambda
// that captures the context is checked like any function holding it.
void spawn(const goctx::Context &ctx) {
  std::thread([] { fetch(goctx::background(), "cleanup"); }).detach();
  fetch(detached(ctx), "a");
  auto work = [ctx] { fetch(goctx::todo(), "x"); };
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'goctx::todo()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  auto fine = [&ctx](int n) { store(ctx, n); };
  auto renamed = [c = ctx](int n) { store(c, n); };
  work();
  fine(1);
  renamed(2);
}

// --- Generic lambdas and templates are analysed once, as written.
void generic(const goctx::Context &ctx) {
  auto each = [&ctx](const auto &key) { return fetch(goctx::background(), key); };
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  each(std::string("a"));
  each("b");
  auto ok = [&ctx](const auto &key) { return fetch(ctx, key); };
  ok(std::string("a"));
}

Response fetchAny(const goctx::Context &ctx, int key);
template <typename Key>
void lookup(const goctx::Context &ctx, const Key &key) {
  fetch(goctx::background(), key);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  fetch(ctx, key);
  fetchAny(goctx::todo(), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'goctx::todo()' passed to 'fetchAny' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
}

void callsLookup(const goctx::Context &ctx) {
  lookup(ctx, std::string("a"));
  lookup(ctx, "b");
}

// --- 3. A token-less call although a token-taking variant exists.
void publish(const std::string &topic);
void publish(const goctx::Context &ctx, const std::string &topic);
namespace legacy {
void download(const std::string &url);
void download_with_context(const goctx::Context &ctx, const std::string &url);
} // namespace legacy

struct Cache {
  void refresh(int shard);
  void refresh(int shard, goctx::Context ctx);
  void clear();
};

void variants(const goctx::Context &ctx, Cache &cache) {
  publish("news");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'publish' takes no cancellation token although 'ctx' is in scope; use the overload taking 'goctx::Context' and pass 'ctx' [cancel-unforwarded-context]
  publish(ctx, "news");
  legacy::download("https://example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'legacy::download' takes no cancellation token although 'ctx' is in scope; use 'legacy::download_with_context' and pass 'ctx' [cancel-unforwarded-context]
  cache.refresh(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'refresh' takes no cancellation token although 'ctx' is in scope; use the overload taking 'goctx::Context' and pass 'ctx' [cancel-unforwarded-context]
  cache.refresh(2, ctx);
  cache.clear();
}

// Not flagged: no context in scope.
void noContext(Cache &cache) {
  publish("news");
  cache.refresh(1);
}

// --- 6. A token-less callee that starts its own root, directly or further down.
void loadConfig() { fetch(goctx::background(), "config"); }
void warmUp() { loadConfig(); }
void warmUpInBackground() {
  std::thread([] { loadConfig(); }).detach(); // its own scope
}
goctx::Context makeDetached() { return goctx::background(); }
void usesDetached() { fetch(makeDetached(), "x"); }

void chains(const goctx::Context &ctx) {
  loadConfig();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
  warmUp();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'warmUp' takes no cancellation token and passes a new root context to its calls (warmUp -> loadConfig); pass 'ctx' down instead [cancel-unforwarded-context]
  warmUpInBackground();
  usesDetached();
}

// --- Suppressed.
void suppressed(const goctx::Context &ctx) {
  fetch(goctx::background(), "audit"); // NOLINT(cancel-unforwarded-context)
}

// --- 6, continued: cycles end, virtual calls are not followed, members are.
void pingB(int n);
void pingA(int n) {
  if (n > 0)
    pingB(n - 1);
}
void pingB(int n) {
  if (n > 0)
    pingA(n - 1);
}

struct Job {
  virtual ~Job();
  virtual void run() { fetch(goctx::background(), "job"); }
  void prepare() { fetch(goctx::todo(), "prepare"); }
};

void members(const goctx::Context &ctx, Job &job) {
  pingA(3);
  job.run();
  job.prepare();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'prepare' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
}

// --- A token held in another form: the converted local is the one in scope.
namespace legacy {
goctx::Context context_from(std::stop_token st);
}
void converted(std::stop_token st) {
  goctx::Context ctx = legacy::context_from(st);
  {
    goctx::Context inner = goctx::with_value(ctx, "k", "v");
    publish("inner");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'publish' takes no cancellation token although 'inner' is in scope; use the overload taking 'goctx::Context' and pass 'inner' [cancel-unforwarded-context]
  }
  publish("outer");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'publish' takes no cancellation token although 'ctx' is in scope; use the overload taking 'goctx::Context' and pass 'ctx' [cancel-unforwarded-context]
  fetch(goctx::background(), "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  goctx::Context unrelated = goctx::todo();
  loadConfig();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
}

// --- Not flagged: nothing in scope could be passed instead (a stop token
// is not a context, and no model function derives one from it here).
void otherKind(std::stop_token st) {
  fetch(goctx::background(), "x");
  publish("y");
}
