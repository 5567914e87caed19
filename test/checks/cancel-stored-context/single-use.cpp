// RUN: %check_cancel_tidy %s cancel-stored-context %t -- -- -std=c++20 -I %S/../../Inputs/grpc-echo
//
// A grpc::ClientContext serves one RPC (the model marks it single_use):
// gRPC asserts when it sees it again, and a deadline set on it once has
// passed for every retry after the first. Shapes from real fixed bugs (a
// context declared before a batching loop; a context member shared by two
// RPC methods), written for this project, against real grpc++ 1.51 headers.
#include "echo.grpc.pb.h"

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

using echo::EchoReply;
using echo::EchoRequest;
using echo::EchoService;

// --- One context for every batch.
std::vector<EchoReply> echoAll(EchoService::Stub *stub,
                               const std::vector<EchoRequest> &requests) {
  grpc::ClientContext context;
  std::vector<EchoReply> replies;
  for (const EchoRequest &request : requests) {
    EchoReply reply;
    grpc::Status status = stub->Echo(&context, request, &reply);
    // CHECK-NOTES: :[[@LINE-1]]:33: warning: 'context' serves one call, but control comes back to this call of 'Echo' with the same context: a 'grpc::ClientContext' must not be reused; create a new one for each call [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-6]]:23: note: 'context' is created once, here, outside the loop
    if (!status.ok())
      break;
    replies.push_back(reply);
  }
  return replies;
}

// --- A retry loop on the caller's context, in a template.
template <class Request>
grpc::Status withRetries(EchoService::Stub &stub, grpc::ClientContext *context,
                         const Request &request, EchoReply *reply) {
  grpc::Status status;
  for (int attempt = 0; attempt < 3; ++attempt) {
    status = stub.Echo(context, request, reply);
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'context' serves one call, but control comes back to this call of 'Echo' with the same context: a 'grpc::ClientContext' must not be reused; create a new one for each call [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-6]]:72: note: 'context' comes from the caller
    if (status.ok())
      break;
  }
  return status;
}
template grpc::Status withRetries(EchoService::Stub &, grpc::ClientContext *,
                                  const EchoRequest &, EchoReply *);

// --- Two RPCs on one path.
void echoTwice(EchoService::Stub *stub, const EchoRequest &request) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  EchoReply reply;
  stub->Echo(&context, request, &reply);
  stub->Echo(&context, request, &reply);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'context' already served the call of 'Echo' at line [[@LINE-2]]: a 'grpc::ClientContext' must not be used for a second call; create a new one for this call [cancel-stored-context]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: first used here
}

// --- A member held by value, shared by two RPC methods.
class EchoClient {
public:
  explicit EchoClient(std::shared_ptr<grpc::Channel> channel)
      : stub_(EchoService::NewStub(channel)) {}
  void first(const EchoRequest &request) {
    EchoReply reply;
    stub_->Echo(&context_, request, &reply);
  }
  void second(const EchoRequest &request) {
    EchoReply reply;
    stub_->Echo(&context_, request, &reply);
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: member 'context_' is passed to 'Echo' here and to 'Echo' at line [[@LINE-5]], but a 'grpc::ClientContext' serves one call: whichever runs second reuses it; create one for each call [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE+5]]:23: note: 'context_' is declared here, held by value
  }

private:
  std::unique_ptr<EchoService::Stub> stub_;
  grpc::ClientContext context_;
};

// === Not reported.

// A new context for each pass.
void perAttempt(EchoService::Stub *stub, const EchoRequest &request) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    grpc::ClientContext context;
    EchoReply reply;
    if (stub->Echo(&context, request, &reply).ok())
      return;
  }
}

// A context made anew before each call.
void renewed(EchoService::Stub *stub, const EchoRequest &request) {
  auto context = std::make_unique<grpc::ClientContext>();
  for (int attempt = 0; attempt < 3; ++attempt) {
    EchoReply reply;
    if (stub->Echo(context.get(), request, &reply).ok())
      return;
    context = std::make_unique<grpc::ClientContext>();
  }
}

// Configuring the context in a helper is not a call that uses it.
static void addDeadline(grpc::ClientContext *context) {
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
}
void configured(EchoService::Stub *stub, const EchoRequest &request) {
  grpc::ClientContext context;
  addDeadline(&context);
  EchoReply reply;
  stub->Echo(&context, request, &reply);
}

// Calls through callable objects may only configure the context.
void callbacks(const std::function<void(grpc::ClientContext *)> &attach,
               const std::function<grpc::Status(grpc::ClientContext &)> &call) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    grpc::ClientContext context;
    attach(&context);
    if (call(context).ok())
      return;
  }
}

// A loop that leaves after its call.
grpc::Status once(EchoService::Stub *stub, const EchoRequest &request) {
  grpc::ClientContext context;
  for (;;) {
    EchoReply reply;
    return stub->Echo(&context, request, &reply);
  }
}

// A member held through a pointer may be made anew; one call per object.
class OneShot {
public:
  void run(EchoService::Stub *stub, const EchoRequest &request) {
    context_ = std::make_unique<grpc::ClientContext>();
    EchoReply reply;
    stub->Echo(context_.get(), request, &reply);
  }
  void again(EchoService::Stub *stub, const EchoRequest &request) {
    context_ = std::make_unique<grpc::ClientContext>();
    EchoReply reply;
    stub->Echo(context_.get(), request, &reply);
  }

private:
  std::unique_ptr<grpc::ClientContext> context_;
};
