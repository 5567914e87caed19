// RUN: %check_cancel_tidy %s cancel-stored-context %t -- -- -std=c++20
//
// gRPC (real grpc++ 1.51 headers). A ServerContext belongs to one call and
// gRPC frees it when the call ends: kept in the service (which serves every
// call) or in a global, it dangles or applies one call's deadline and
// cancellation to the next. Per-call objects (the async CallData, callback
// reactors) may keep their call's context.
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>
#include <grpcpp/support/async_unary_call.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

// What protoc's gRPC plugin generates for a Greeter service, with ByteBuffer
// messages instead of protobuf ones.
namespace greeter {
class Greeter final {
public:
  class Service : public ::grpc::Service {
  public:
    virtual ::grpc::Status SayHello(::grpc::ServerContext *context,
                                    const ::grpc::ByteBuffer *request,
                                    ::grpc::ByteBuffer *response);
  };
  class AsyncService : public ::grpc::Service {
  public:
    void RequestSayHello(
        ::grpc::ServerContext *context, ::grpc::ByteBuffer *request,
        ::grpc::ServerAsyncResponseWriter<::grpc::ByteBuffer> *response,
        ::grpc::CompletionQueue *new_call_cq,
        ::grpc::ServerCompletionQueue *notification_cq, void *tag) {
      ::grpc::Service::RequestAsyncUnary(0, context, request, response,
                                         new_call_cq, notification_cq, tag);
    }
  };
  class CallbackService : public ::grpc::Service {
  public:
    virtual ::grpc::ServerUnaryReactor *
    SayHello(::grpc::CallbackServerContext *context,
             const ::grpc::ByteBuffer *request, ::grpc::ByteBuffer *response);
  };
};
} // namespace greeter

// --- A sync service keeping the contexts of its calls.
class GreeterImpl final : public greeter::Greeter::Service {
public:
  ::grpc::Status SayHello(::grpc::ServerContext *context,
                          const ::grpc::ByteBuffer *request,
                          ::grpc::ByteBuffer *response) override {
    last_context_ = context;
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'context' (a pointer to request-scoped 'grpc::ServerContext') is stored in member 'last_context_' of long-lived 'GreeterImpl', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-7]]:7: note: 'GreeterImpl' outlives requests: it derives from 'grpc::Service'
    std::lock_guard<std::mutex> lock(mu_);
    in_flight_.push_back(context);
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'context' (a pointer to request-scoped 'grpc::ServerContext') is stored in member 'in_flight_' of long-lived 'GreeterImpl', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-11]]:7: note: 'GreeterImpl' outlives requests: it derives from 'grpc::Service'
    on_shutdown_ = [context] { context->TryCancel(); };
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: lambda capturing 'context' (a pointer to request-scoped 'grpc::ServerContext') is stored in member 'on_shutdown_' of long-lived 'GreeterImpl', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-14]]:7: note: 'GreeterImpl' outlives requests: it derives from 'grpc::Service'

    // Suppressed: a registry of in-flight calls that Finish() empties.
    in_flight_.push_back(context); // NOLINT(cancel-stored-context)

    // Not stored: reading the context, or deriving a client context for a
    // downstream call, is what a handler should do.
    if (context->IsCancelled())
      return ::grpc::Status::CANCELLED;
    std::unique_ptr<::grpc::ClientContext> downstream =
        ::grpc::ClientContext::FromServerContext(*context);
    return ::grpc::Status::OK;
  }

private:
  ::grpc::ServerContext *last_context_ = nullptr;
  std::mutex mu_;
  std::vector<::grpc::ServerContext *> in_flight_;
  std::function<void()> on_shutdown_;
};

// --- Callback API: the context of the current call in a global.
::grpc::CallbackServerContext *g_current_call = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:32: warning: global variable 'g_current_call' keeps a pointer to request-scoped 'grpc::CallbackServerContext' beyond the request it belongs to [cancel-stored-context]

// A per-call reactor keeps its call's context: not long-lived.
class HelloReactor : public ::grpc::ServerUnaryReactor {
public:
  explicit HelloReactor(::grpc::CallbackServerContext *ctx) : ctx_(ctx) {}
  void OnDone() override { delete this; }
  void OnCancel() override { ctx_ = nullptr; }

private:
  ::grpc::CallbackServerContext *ctx_;
};

class CallbackGreeter final : public greeter::Greeter::CallbackService {
public:
  ::grpc::ServerUnaryReactor *SayHello(::grpc::CallbackServerContext *context,
                                       const ::grpc::ByteBuffer *request,
                                       ::grpc::ByteBuffer *response) override {
    // Reported once, at the global's declaration above.
    g_current_call = context;
    return new HelloReactor(context);
  }
};

// --- Generic callback service: its contexts derive from
// CallbackServerContext.
class Proxy final : public ::grpc::CallbackGenericService {
public:
  ::grpc::ServerGenericBidiReactor *
  CreateReactor(::grpc::GenericCallbackServerContext *ctx) override {
    by_method_[ctx->method()] = ctx;
    // CHECK-NOTES: :[[@LINE-1]]:31: warning: 'ctx' (a pointer to request-scoped 'grpc::CallbackServerContext') is stored in member 'by_method_' of long-lived 'Proxy', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-6]]:7: note: 'Proxy' outlives requests: it derives from 'grpc::CallbackGenericService'
    return nullptr;
  }

private:
  std::map<std::string, ::grpc::GenericCallbackServerContext *> by_method_;
};

// --- Async API: the per-call CallData owns its ServerContext. The service
// object is long-lived, but CallData is not and is never stored in it.
class CallData {
public:
  CallData(greeter::Greeter::AsyncService *service,
           ::grpc::ServerCompletionQueue *cq)
      : service_(service), cq_(cq), responder_(&ctx_) {
    service_->RequestSayHello(&ctx_, &request_, &responder_, cq_, cq_, this);
  }

private:
  greeter::Greeter::AsyncService *service_;
  ::grpc::ServerCompletionQueue *cq_;
  ::grpc::ServerContext ctx_;
  ::grpc::ByteBuffer request_;
  ::grpc::ServerAsyncResponseWriter<::grpc::ByteBuffer> responder_;
};

class AsyncGreeter {
public:
  void HandleRpcs() { new CallData(&service_, cq_.get()); }

private:
  greeter::Greeter::AsyncService service_;
  std::unique_ptr<::grpc::ServerCompletionQueue> cq_;
};

// --- A table of handlers taking contexts holds no context.
std::map<std::string, std::function<::grpc::Status(::grpc::ServerContext *)>>
    g_handlers;

// --- Client side: a ClientContext must not be reused across calls, so a
// long-lived pool of them is the same bug.
class StubPool {
public:
  void Keep(std::unique_ptr<::grpc::ClientContext> ctx) {
    current_ = std::move(ctx);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'std::move(ctx)' (a smart pointer to request-scoped 'grpc::ClientContext') is stored in member 'current_' of long-lived 'StubPool', which outlives the request it belongs to [cancel-stored-context]
    // CHECK-NOTES: :[[@LINE-5]]:7: note: 'StubPool' is treated as long-lived: its name matches LongLivedClassPattern '(pool|cache|registry)s?$'
  }

private:
  std::unique_ptr<::grpc::ClientContext> current_;
};
