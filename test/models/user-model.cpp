// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/myco.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=NOMODEL %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=NAMES --config="{CheckOptions: {Libraries: '', ModelFiles: '%S/Inputs/myco.json'}}" %s cancellint-model-names %t
//
// A user's model (Inputs/myco.json) teaches the checks an in-house request
// context: myco::RequestContext is a request-scoped token, and classes
// derived from myco::Server outlive requests. Without the model the same
// code is silent. The third run proves the model's names resolve here.
#include <memory>
#include <vector>

namespace myco {
class RequestContext {
public:
  bool cancelled() const;
};
class Server {
public:
  virtual ~Server();
};
} // namespace myco

std::shared_ptr<myco::RequestContext> g_last;
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: global variable 'g_last' keeps a smart pointer to request-scoped 'myco::RequestContext' beyond the request it belongs to [cancel-stored-context]

class OrderServer : public myco::Server {
public:
  void handle(myco::RequestContext *ctx) {
    current_ = ctx;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'ctx' (a pointer to request-scoped 'myco::RequestContext') is stored in member 'current_' of long-lived 'OrderServer', which outlives the request it belongs to [cancel-stored-context]
    std::vector<myco::RequestContext *> local{ctx}; // a local is fine
    (void)local;
  }

private:
  myco::RequestContext *current_ = nullptr;
};

// Not long-lived: a per-call object may keep its call's context.
class OrderCall {
public:
  explicit OrderCall(myco::RequestContext &ctx) : ctx_(ctx) {}

private:
  myco::RequestContext &ctx_;
};

// CHECK-MESSAGES-NOMODEL-NOT: warning:
// CHECK-MESSAGES-NAMES: :1:1: warning: model '{{.*}}myco.json' (library 'myco'): all 3 names resolve in this translation unit [cancellint-model-names]
