// RUN: %check_cancel_tidy %s cancel-stored-context %t -- -- -std=c++20 -I %S/../../Inputs/grpc-echo
//
// Every rule in three forms: a plain function (or class), a member of a
// class template, and a function template; the correct pattern of each
// rule in template form stays quiet. Templates are analysed once, as
// written: a finding is reported once at the template, however many
// instantiations there are, and also when the template is never
// instantiated (Uninstantiated*). A lambda in a template lists only its
// explicit captures: what `[&]` and `[=]` capture is read from its body.
#include "echo.grpc.pb.h"
#include <functional>
#include <stop_token>
#include <vector>

using echo::EchoReply;
using echo::EchoRequest;
using echo::EchoService;
std::stop_token currentToken();

// --- Static storage whose type holds a request-scoped token.
std::stop_token g_plain;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: global variable 'g_plain' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
template <class T> struct S1 {
  static std::stop_token member_;
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: static data member 'S1::member_' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
  void f(std::stop_token token) {
    static auto first = [token] { return token.stop_requested(); };
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: static local variable 'first' is initialised with a lambda capturing 'token' (request-scoped 'std::stop_token'); it outlives the request it belongs to [cancel-stored-context]
  }
};
template struct S1<int>;
template struct S1<long>;
// An implicit instantiation of the static member too.
std::stop_token *useMember() { return &S1<char>::member_; }
template <class T> std::stop_token S1<T>::member_;
template <class T> std::stop_token g_variableTemplate;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: global variable 'g_variableTemplate' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
template std::stop_token g_variableTemplate<int>;
void s1Plain(std::stop_token token) {
  static auto first = [token] { return token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: static local variable 'first' is initialised with a lambda capturing 'token' (request-scoped 'std::stop_token'); it outlives the request it belongs to [cancel-stored-context]
}
template <class T> void s1Template(std::stop_token token, T) {
  static auto first = [token] { return token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: static local variable 'first' is initialised with a lambda capturing 'token' (request-scoped 'std::stop_token'); it outlives the request it belongs to [cancel-stored-context]
}
template void s1Template(std::stop_token, int);
template void s1Template(std::stop_token, long);
template <class T> void s1Uninstantiated(std::stop_token token, T) {
  static auto first = [token] { return token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: static local variable 'first' is initialised with a lambda capturing 'token' (request-scoped 'std::stop_token'); it outlives the request it belongs to [cancel-stored-context]
}
template <class T> void s1Good(std::stop_token token, T) {
  static const std::stop_token never{};
  auto local = [token] { return token.stop_requested(); };
}
template void s1Good(std::stop_token, int);

// --- Stores into static storage and into members of long-lived classes.
std::function<void()> g_on_exit;
class PlainRegistry {
public:
  void add(std::stop_token session) { sessions_.push_back(session); }
  // CHECK-NOTES: :[[@LINE-1]]:49: warning: 'session' (request-scoped 'std::stop_token') is stored in member 'sessions_' of long-lived 'PlainRegistry', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: 'PlainRegistry' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  void set(std::stop_token session) { last_ = session; }
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: 'session' (request-scoped 'std::stop_token') is stored in member 'last_' of long-lived 'PlainRegistry', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-7]]:7: note: 'PlainRegistry' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  std::vector<std::stop_token> sessions_;
  std::stop_token last_;
};
template <class T> class SessionRegistry {
public:
  void add(std::stop_token session) { sessions_.push_back(session); }
  // CHECK-NOTES: :[[@LINE-1]]:49: warning: 'session' (request-scoped 'std::stop_token') is stored in member 'sessions_' of long-lived 'SessionRegistry', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-4]]:26: note: 'SessionRegistry' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  void set(std::stop_token session) { last_ = session; }
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: 'session' (request-scoped 'std::stop_token') is stored in member 'last_' of long-lived 'SessionRegistry', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-7]]:26: note: 'SessionRegistry' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  std::vector<std::stop_token> sessions_;
  std::stop_token last_;
};
template class SessionRegistry<int>;
template class SessionRegistry<long>;
template <class T> class Handler {
public:
  void set(std::stop_token session) { last_ = session; }
  std::stop_token last_;
};
template class Handler<int>;
void s2Plain(std::stop_token token) {
  g_on_exit = [&token] { (void)token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (a reference to request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-34]]:23: note: 'g_on_exit' declared here
  g_on_exit = [&] { (void)token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (a reference to request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-37]]:23: note: 'g_on_exit' declared here
}
template <class T> void s2Template(std::stop_token token, T) {
  g_on_exit = [&token] { (void)token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (a reference to request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-42]]:23: note: 'g_on_exit' declared here
}
template void s2Template(std::stop_token, int);
template void s2Template(std::stop_token, long);
// What the lambda captures implicitly.
template <class T> void s2Implicit(std::stop_token token, T) {
  g_on_exit = [&] { (void)token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (a reference to request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-50]]:23: note: 'g_on_exit' declared here
  g_on_exit = [=] { (void)token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-53]]:23: note: 'g_on_exit' declared here
  auto local = [&] { (void)token.stop_requested(); };
}
template void s2Implicit(std::stop_token, int);
template void s2Implicit(std::stop_token, long);
template <class T> void s2Uninstantiated(std::stop_token token, T) {
  g_on_exit = [&token] { (void)token.stop_requested(); };
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: lambda capturing 'token' (a reference to request-scoped 'std::stop_token') is stored in global variable 'g_on_exit', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-61]]:23: note: 'g_on_exit' declared here
}

// Long-lived by the model: a class template deriving from grpc::Service.
class PlainEcho final : public EchoService::Service {
public:
  grpc::Status Echo(grpc::ServerContext *context, const EchoRequest *,
                    EchoReply *) override {
    last_ = context;
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'context' (a pointer to request-scoped 'grpc::ServerContext') is stored in member 'last_' of long-lived 'PlainEcho', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-6]]:7: note: 'PlainEcho' outlives requests: it derives from 'grpc::Service'
    return grpc::Status::OK;
  }
  grpc::ServerContext *last_ = nullptr;
};
template <class T> class TemplateEcho final : public EchoService::Service {
public:
  grpc::Status Echo(grpc::ServerContext *context, const EchoRequest *,
                    EchoReply *) override {
    last_ = context;
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'context' (a pointer to request-scoped 'grpc::ServerContext') is stored in member 'last_' of long-lived 'TemplateEcho', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-6]]:26: note: 'TemplateEcho' outlives requests: it derives from 'grpc::Service'
    return grpc::Status::OK;
  }
  grpc::ServerContext *last_ = nullptr;
};
template class TemplateEcho<int>;
template class TemplateEcho<long>;

// --- Member initializers of long-lived classes.
class PlainCache {
public:
  PlainCache() : tok_(currentToken()) {}
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: member 'tok_' of long-lived 'PlainCache' is initialised with request-scoped 'std::stop_token', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: 'PlainCache' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  std::stop_token tok_;
};
template <class T> class TemplateCache {
public:
  TemplateCache() : tok_(currentToken()) {}
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: member 'tok_' of long-lived 'TemplateCache' is initialised with request-scoped 'std::stop_token', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-4]]:26: note: 'TemplateCache' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  explicit TemplateCache(std::stop_token lifetime) : tok_(lifetime) {}
  std::stop_token tok_;
};
template class TemplateCache<int>;
template class TemplateCache<long>;
template <class T> class UninstantiatedCache {
public:
  UninstantiatedCache() : tok_(currentToken()) {}
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: member 'tok_' of long-lived 'UninstantiatedCache' is initialised with request-scoped 'std::stop_token', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-4]]:26: note: 'UninstantiatedCache' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  std::stop_token tok_;
};
class CtorTemplateCache {
public:
  template <class T> CtorTemplateCache(T) : tok_(currentToken()) {}
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: member 'tok_' of long-lived 'CtorTemplateCache' is initialised with request-scoped 'std::stop_token', which outlives the request it belongs to [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: 'CtorTemplateCache' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  std::stop_token tok_;
};
CtorTemplateCache c1(1), c2(2L);

// --- Single-use contexts used twice.
void u1Plain(EchoService::Stub *stub, const EchoRequest &request) {
  grpc::ClientContext context;
  EchoReply reply;
  stub->Echo(&context, request, &reply);
  stub->Echo(&context, request, &reply);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'context' already served the call of 'Echo' at line [[@LINE-2]]: a 'grpc::ClientContext' must not be used for a second call; create a new one for this call [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: first used here
}
template <class T> struct U1 {
  void member(EchoService::Stub *stub, const EchoRequest &request) {
    grpc::ClientContext context;
    EchoReply reply;
    stub->Echo(&context, request, &reply);
    stub->Echo(&context, request, &reply);
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'context' already served the call of 'Echo' at line [[@LINE-2]]: a 'grpc::ClientContext' must not be used for a second call; create a new one for this call [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-3]]:11: note: first used here
  }
  void good(EchoService::Stub *stub, const EchoRequest &request) {
    EchoReply reply;
    {
      grpc::ClientContext context;
      stub->Echo(&context, request, &reply);
    }
    grpc::ClientContext context;
    stub->Echo(&context, request, &reply);
  }
  void first(const EchoRequest &r) { stub_->Echo(&context_, r, &reply_); }
  void second(const EchoRequest &r) { stub_->Echo(&context_, r, &reply_); }
  // CHECK-NOTES: :[[@LINE-1]]:46: warning: member 'context_' is passed to 'Echo' here and to 'Echo' at line [[@LINE-2]], but a 'grpc::ClientContext' serves one call: whichever runs second reuses it; create one for each call [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE+2]]:23: note: 'context_' is declared here, held by value
  std::unique_ptr<EchoService::Stub> stub_;
  grpc::ClientContext context_;
  EchoReply reply_;
};
template struct U1<int>;
template struct U1<long>;
template <class T> void u1Template(EchoService::Stub *stub, const EchoRequest &request, T) {
  grpc::ClientContext context;
  EchoReply reply;
  stub->Echo(&context, request, &reply);
  stub->Echo(&context, request, &reply);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'context' already served the call of 'Echo' at line [[@LINE-2]]: a 'grpc::ClientContext' must not be used for a second call; create a new one for this call [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: first used here
}
template void u1Template(EchoService::Stub *, const EchoRequest &, int);
template void u1Template(EchoService::Stub *, const EchoRequest &, long);
template <class T> void u1Uninstantiated(EchoService::Stub *stub, const EchoRequest &request, T) {
  grpc::ClientContext context;
  EchoReply reply;
  stub->Echo(&context, request, &reply);
  stub->Echo(&context, request, &reply);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'context' already served the call of 'Echo' at line [[@LINE-2]]: a 'grpc::ClientContext' must not be used for a second call; create a new one for this call [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: first used here
}

