// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%inputs/goctx/goctx.json;%S/Inputs/timer-handler.json"}}' -- -- -std=c++20 -isystem %inputs/goctx -isystem %inputs/grpc-echo
//
// Every rule in three forms: a plain function (or class), a member of a
// class template, and a function template; the correct pattern of each
// rule in template form stays quiet. Templates are analysed once, as
// written: a finding is reported once at the template, however many
// instantiations there are, and also when the template is never
// instantiated (*Uninstantiated). In a template, a lambda makes the
// construction it is passed to dependent (`std::stop_callback cb(st,
// [&] { ... })` waits for deduction) and lists only its explicit
// captures; links and captures are seen all the same.
#include <goctx.h>
#include <echo.grpc.pb.h>
#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>

using namespace std::chrono_literals;
using echo::EchoReply;
using echo::EchoRequest;
struct Response {};
Response fetch(const goctx::Context &ctx, const std::string &key);
void work(std::stop_token st);
void drain(int q);
void drain(int q, std::stop_token st);
struct Request {};
using Next = std::function<void(const goctx::Context &, const Request &)>;
void loadConfig() { fetch(goctx::background(), "config"); }
namespace pplx {
struct cancellation_token {
  bool is_canceled() const;
};
} // namespace pplx
namespace storage {
struct timer_handler {
  explicit timer_handler(const pplx::cancellation_token &parent);
  pplx::cancellation_token get_cancellation_token() const;
};
void download_range(int offset, const pplx::cancellation_token &token);
} // namespace storage

// --- 1. A fresh root handed to a call that takes a token.
void r1Plain(const goctx::Context &ctx) { fetch(goctx::background(), "a"); }
// CHECK-NOTES: :[[@LINE-1]]:49: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
template <class T> struct R1 {
  void member(const goctx::Context &ctx) { fetch(goctx::background(), "a"); }
  // CHECK-NOTES: :[[@LINE-1]]:50: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  void good(const goctx::Context &ctx) {
    auto [child, cancel] = goctx::with_timeout(ctx, 10ms);
    fetch(child, "b");
    cancel();
  }
};
template struct R1<int>;
template struct R1<long>;
template <class T> void r1Template(const goctx::Context &ctx, T) { fetch(goctx::background(), "a"); }
// CHECK-NOTES: :[[@LINE-1]]:74: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
template void r1Template(const goctx::Context &, int);
template void r1Template(const goctx::Context &, long);
template <class T> void r1Uninstantiated(const goctx::Context &ctx, T) { fetch(goctx::background(), "a"); }
// CHECK-NOTES: :[[@LINE-1]]:80: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]

// A lambda holds the token it captures, also implicitly.
void r1Lambda(const goctx::Context &ctx) {
  auto each = [&] {
    (void)ctx.done();
    fetch(goctx::background(), "a");
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  };
  each();
}
template <class T> void r1LambdaTemplate(const goctx::Context &ctx, T) {
  auto each = [&] {
    (void)ctx.done();
    fetch(goctx::background(), "a");
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'goctx::background()' passed to 'fetch' is a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  };
  each();
}
template void r1LambdaTemplate(const goctx::Context &, int);
template void r1LambdaTemplate(const goctx::Context &, long);

// --- 2. A local source not linked to the held token.
void r2Plain(std::stop_token st) {
  std::stop_source own;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: local source 'own' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+1]]:8: note: a token of 'own' is passed to 'work' here
  work(own.get_token());
}
template <class T> struct R2 {
  void member(std::stop_token st) {
    std::stop_source own;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: local source 'own' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
    // CHECK-NOTES: :[[@LINE+1]]:10: note: a token of 'own' is passed to 'work' here
    work(own.get_token());
  }
  void good(std::stop_token st) {
    std::stop_source linked;
    std::stop_callback forward(st, [&] { linked.request_stop(); });
    work(linked.get_token());
  }
};
template struct R2<int>;
template struct R2<long>;
template <class T> void r2Template(std::stop_token st, T) {
  std::stop_source own;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: local source 'own' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+1]]:8: note: a token of 'own' is passed to 'work' here
  work(own.get_token());
}
template void r2Template(std::stop_token, int);
template void r2Template(std::stop_token, long);
template <class T> void r2Good(std::stop_token st, T) {
  std::stop_source linked;
  std::stop_callback forward(st, [&] { linked.request_stop(); });
  work(linked.get_token());
}
template void r2Good(std::stop_token, int);
template <class T> void r2Uninstantiated(std::stop_token st, T) {
  std::stop_source own;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: local source 'own' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+1]]:8: note: a token of 'own' is passed to 'work' here
  work(own.get_token());
}

// Linked by a lambda that watches the token and stops the source.
template <class T> void r2Watched(std::stop_token st, T) {
  std::stop_source own;
  std::jthread watch([&] {
    while (!st.stop_requested())
      std::this_thread::yield();
    own.request_stop();
  });
  work(own.get_token());
}
template void r2Watched(std::stop_token, int);
template void r2Watched(std::stop_token, long);

// --- 3. A token-less call where a token-taking overload exists.
void r3Plain(std::stop_token st) { drain(1); }
// CHECK-NOTES: :[[@LINE-1]]:36: warning: 'drain' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-117]]:6: note: overload taking 'std::stop_token' declared here
template <class T> struct R3 {
  void member(std::stop_token st) { drain(1); }
  // CHECK-NOTES: :[[@LINE-1]]:37: warning: 'drain' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-121]]:6: note: overload taking 'std::stop_token' declared here
  void good(std::stop_token st) { drain(1, st); }
};
template struct R3<int>;
template struct R3<long>;
template <class T> void r3Template(std::stop_token st, T) { drain(1); }
// CHECK-NOTES: :[[@LINE-1]]:61: warning: 'drain' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-128]]:6: note: overload taking 'std::stop_token' declared here
template void r3Template(std::stop_token, int);
template void r3Template(std::stop_token, long);
template <class T> void r3Uninstantiated(std::stop_token st, T) { drain(1); }
// CHECK-NOTES: :[[@LINE-1]]:67: warning: 'drain' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-133]]:6: note: overload taking 'std::stop_token' declared here

// --- 4. gRPC: a client context not derived from the server context.
class Plain4 final : public echo::EchoService::Service {
public:
  grpc::Status Echo(grpc::ServerContext *sctx, const EchoRequest *req,
                    EchoReply *resp) override {
    grpc::ClientContext cctx;
    // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
    // CHECK-NOTES: :[[@LINE+2]]:19: note: 'cctx' is used for a call to 'Echo' here
    cctx.set_deadline(std::chrono::system_clock::now() + 1s);
    return stub_->Echo(&cctx, *req, resp);
  }
  std::unique_ptr<echo::EchoService::Stub> stub_;
};
template <class T> class R4 final : public echo::EchoService::Service {
public:
  grpc::Status Echo(grpc::ServerContext *sctx, const EchoRequest *req,
                    EchoReply *resp) override {
    grpc::ClientContext cctx;
    // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
    // CHECK-NOTES: :[[@LINE+2]]:19: note: 'cctx' is used for a call to 'Echo' here
    cctx.set_deadline(std::chrono::system_clock::now() + 1s);
    return stub_->Echo(&cctx, *req, resp);
  }
  grpc::Status Good(grpc::ServerContext *sctx, const EchoRequest *req,
                    EchoReply *resp) {
    auto cctx = grpc::ClientContext::FromServerContext(*sctx);
    return stub_->Echo(cctx.get(), *req, resp);
  }
  std::unique_ptr<echo::EchoService::Stub> stub_;
};
template class R4<int>;
template class R4<long>;
template <class T> grpc::Status r4Template(echo::EchoService::Stub *stub, grpc::ServerContext *sctx, const EchoRequest *req, EchoReply *resp, T) {
  grpc::ClientContext cctx;
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'cctx' is used for a call to 'Echo' here
  cctx.set_deadline(std::chrono::system_clock::now() + 1s);
  return stub->Echo(&cctx, *req, resp);
}
template grpc::Status r4Template(echo::EchoService::Stub *, grpc::ServerContext *, const EchoRequest *, EchoReply *, int);
template grpc::Status r4Template(echo::EchoService::Stub *, grpc::ServerContext *, const EchoRequest *, EchoReply *, long);
template <class T> grpc::Status r4Uninstantiated(echo::EchoService::Stub *stub, grpc::ServerContext *sctx, const EchoRequest *req, EchoReply *resp, T) {
  grpc::ClientContext cctx;
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'cctx' is used for a call to 'Echo' here
  cctx.set_deadline(std::chrono::system_clock::now() + 1s);
  return stub->Echo(&cctx, *req, resp);
}

// --- 5. Middleware calling `next` with another context.
void r5Plain(const goctx::Context &ctx, const Request &req, const Next &next) {
  next(goctx::background(), req);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'next' is called with 'goctx::background()' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
}
template <class T> struct R5 {
  void member(const goctx::Context &ctx, const Request &req, const Next &next) {
    next(goctx::background(), req);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'next' is called with 'goctx::background()' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
  }
  void good(const goctx::Context &ctx, const Request &req, const Next &next) {
    next(ctx, req);
  }
};
template struct R5<int>;
template struct R5<long>;
template <class Fn> void r5Template(const goctx::Context &ctx, const Request &req, Fn next) {
  next(goctx::background(), req);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'next' is called with 'goctx::background()' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
}
template void r5Template(const goctx::Context &, const Request &, Next);
template void r5Template(const goctx::Context &, const Request &, void (*)(const goctx::Context &, const Request &));
template <class Fn> void r5Uninstantiated(const goctx::Context &ctx, const Request &req, Fn next) {
  next(goctx::background(), req);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'next' is called with 'goctx::background()' instead of 'ctx' or a context derived from it; the handlers it runs do not see the cancellation of 'ctx' [cancel-unforwarded-context]
}

// --- 6. Calling a token-less function that starts its own root.
void r6Plain(const goctx::Context &ctx) { loadConfig(); }
// CHECK-NOTES: :[[@LINE-1]]:43: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-211]]:27: note: a new root context is created here
template <class T> void tLoadConfig(T) { fetch(goctx::background(), "config"); }
template <class T> struct R6 {
  void member(const goctx::Context &ctx) { loadConfig(); }
  // CHECK-NOTES: :[[@LINE-1]]:44: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-216]]:27: note: a new root context is created here
  void callsTemplate(const goctx::Context &ctx) { tLoadConfig(1); }
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: 'tLoadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-7]]:48: note: a new root context is created here
  static void helper() { fetch(goctx::background(), "config"); }
  void callsMember(const goctx::Context &ctx) { helper(); }
  // CHECK-NOTES: :[[@LINE-1]]:49: warning: 'helper' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-3]]:32: note: a new root context is created here
};
template struct R6<int>;
template struct R6<long>;
template <class T> void r6Template(const goctx::Context &ctx, T) { loadConfig(); }
// CHECK-NOTES: :[[@LINE-1]]:68: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-229]]:27: note: a new root context is created here
template void r6Template(const goctx::Context &, int);
template void r6Template(const goctx::Context &, long);
template <class T> void r6Uninstantiated(const goctx::Context &ctx, T) { loadConfig(); }
// CHECK-NOTES: :[[@LINE-1]]:74: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-234]]:27: note: a new root context is created here
void r6PlainCallsTemplate(const goctx::Context &ctx) { tLoadConfig(1); }
// CHECK-NOTES: :[[@LINE-1]]:56: warning: 'tLoadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE-25]]:48: note: a new root context is created here

// --- 7. A context received and thrown away.
void r7Plain([[maybe_unused]] std::stop_token stop) {
// CHECK-NOTES: :[[@LINE-1]]:47: warning: 'r7Plain' discards its 'std::stop_token' parameter 'stop' but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE+1]]:3: note: 'sleep_for' blocks here without the context
  std::this_thread::sleep_for(5s);
}
template <class T> struct R7 {
  void member([[maybe_unused]] std::stop_token stop) {
  // CHECK-NOTES: :[[@LINE-1]]:48: warning: 'member' discards its 'std::stop_token' parameter 'stop' but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+1]]:5: note: 'sleep_for' blocks here without the context
    std::this_thread::sleep_for(5s);
  }
  void unnamed(std::stop_token) {
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'unnamed' discards its unnamed 'std::stop_token' parameter but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+1]]:5: note: 'sleep_for' blocks here without the context
    std::this_thread::sleep_for(5s);
  }
  void good(std::stop_token stop) {
    work(stop);
  }
};
template struct R7<int>;
template struct R7<long>;
template <class T> void r7Template([[maybe_unused]] std::stop_token stop, T) {
// CHECK-NOTES: :[[@LINE-1]]:69: warning: 'r7Template' discards its 'std::stop_token' parameter 'stop' but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE+1]]:3: note: 'sleep_for' blocks here without the context
  std::this_thread::sleep_for(5s);
}
template void r7Template(std::stop_token, int);
template void r7Template(std::stop_token, long);
template <class T> void r7Cast(std::stop_token stop, T) {
  (void)stop;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'r7Cast' discards its 'std::stop_token' parameter 'stop' but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'sleep_for' blocks here without the context
  std::this_thread::sleep_for(5s);
}
template void r7Cast(std::stop_token, int);
template <class T> void r7Uninstantiated([[maybe_unused]] std::stop_token stop, T) {
// CHECK-NOTES: :[[@LINE-1]]:75: warning: 'r7Uninstantiated' discards its 'std::stop_token' parameter 'stop' but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
// CHECK-NOTES: :[[@LINE+1]]:3: note: 'sleep_for' blocks here without the context
  std::this_thread::sleep_for(5s);
}

// --- 8. The parent passed where its linked child is in scope.
void r8Plain(bool parallel, const pplx::cancellation_token &token) {
  storage::timer_handler timer(token);
  if (parallel)
    storage::download_range(0, timer.get_cancellation_token());
  else
    storage::download_range(0, token);
    // CHECK-NOTES: :[[@LINE-1]]:32: warning: 'token' passed to 'download_range' is the parent of 'timer', whose own token the same parameter receives at line [[@LINE-3]]; what cancels 'timer' (its own cancel or deadline) does not reach this call [cancel-unforwarded-context]
    // CHECK-NOTES: :[[@LINE-6]]:26: note: 'timer' is created here, linked to 'token'
    // CHECK-NOTES: :[[@LINE-5]]:32: note: the token of 'timer' is passed here
}
template <class T> struct R8 {
  void member(bool parallel, const pplx::cancellation_token &token) {
    storage::timer_handler timer(token);
    if (parallel)
      storage::download_range(0, timer.get_cancellation_token());
    else
      storage::download_range(0, token);
      // CHECK-NOTES: :[[@LINE-1]]:34: warning: 'token' passed to 'download_range' is the parent of 'timer', whose own token the same parameter receives at line [[@LINE-3]]; what cancels 'timer' (its own cancel or deadline) does not reach this call [cancel-unforwarded-context]
      // CHECK-NOTES: :[[@LINE-6]]:28: note: 'timer' is created here, linked to 'token'
      // CHECK-NOTES: :[[@LINE-5]]:34: note: the token of 'timer' is passed here
  }
  void good(bool parallel, const pplx::cancellation_token &token) {
    storage::timer_handler timer(token);
    storage::download_range(0, timer.get_cancellation_token());
  }
};
template struct R8<int>;
template struct R8<long>;
template <class T> void r8Template(bool parallel, const pplx::cancellation_token &token, T) {
  storage::timer_handler timer(token);
  if (parallel)
    storage::download_range(0, timer.get_cancellation_token());
  else
    storage::download_range(0, token);
    // CHECK-NOTES: :[[@LINE-1]]:32: warning: 'token' passed to 'download_range' is the parent of 'timer', whose own token the same parameter receives at line [[@LINE-3]]; what cancels 'timer' (its own cancel or deadline) does not reach this call [cancel-unforwarded-context]
    // CHECK-NOTES: :[[@LINE-6]]:26: note: 'timer' is created here, linked to 'token'
    // CHECK-NOTES: :[[@LINE-5]]:32: note: the token of 'timer' is passed here
}
template void r8Template(bool, const pplx::cancellation_token &, int);
template void r8Template(bool, const pplx::cancellation_token &, long);
template <class T> void r8Uninstantiated(bool parallel, const pplx::cancellation_token &token, T) {
  storage::timer_handler timer(token);
  if (parallel)
    storage::download_range(0, timer.get_cancellation_token());
  else
    storage::download_range(0, token);
    // CHECK-NOTES: :[[@LINE-1]]:32: warning: 'token' passed to 'download_range' is the parent of 'timer', whose own token the same parameter receives at line [[@LINE-3]]; what cancels 'timer' (its own cancel or deadline) does not reach this call [cancel-unforwarded-context]
    // CHECK-NOTES: :[[@LINE-6]]:26: note: 'timer' is created here, linked to 'token'
    // CHECK-NOTES: :[[@LINE-5]]:32: note: the token of 'timer' is passed here
}

