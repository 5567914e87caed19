// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t -- -- -std=c++20 -isystem %inputs/grpc-echo
#include <echo.grpc.pb.h>

#include <chrono>
#include <memory>
#include <stop_token>

using echo::EchoReply;
using echo::EchoRequest;
using namespace std::chrono_literals;

// --- Synchronous handlers.
class SyncImpl final : public echo::EchoService::Service {
public:
  grpc::Status Echo(grpc::ServerContext *sctx, const EchoRequest *req,
                    EchoReply *resp) override {
    grpc::ClientContext cctx;
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
    // CHECK-FIXES: auto cctx = grpc::ClientContext::FromServerContext(*sctx);
    stub_->Echo(&cctx, *req, resp);
    // CHECK-FIXES: stub_->Echo(cctx.get(), *req, resp);
    return stub_->Echo(&cctx, *req, resp);
    // CHECK-FIXES: return stub_->Echo(cctx.get(), *req, resp);
  }

  // A deadline of its own is not the caller's, and its cancellation does
  // not arrive; no fix-it: not every use is `&cctx`.
  grpc::Status OwnDeadline(grpc::ServerContext *sctx, const EchoRequest &req,
                           EchoReply *resp) {
    grpc::ClientContext cctx;
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
    // CHECK-FIXES: grpc::ClientContext cctx;
    cctx.set_deadline(std::chrono::system_clock::now() + 1s);
    return stub_->Echo(&cctx, req, resp);
  }

  // Heap-allocated contexts: reported, no fix-it.
  grpc::Status Heap(grpc::ServerContext *sctx, const EchoRequest &req,
                    EchoReply *resp) {
    auto owned = std::make_unique<grpc::ClientContext>();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'owned' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
    stub_->Echo(owned.get(), req, resp);
    grpc::ClientContext *raw = new grpc::ClientContext;
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'raw' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
    grpc::Status S = stub_->Echo(raw, req, resp);
    delete raw;
    return S;
  }

  // --- Not flagged: derived or linked contexts.
  grpc::Status Derived(grpc::ServerContext *sctx, const EchoRequest &req,
                       EchoReply *resp) {
    auto cctx = grpc::ClientContext::FromServerContext(*sctx);
    return stub_->Echo(cctx.get(), req, resp);
  }
  grpc::Status DeadlineLinked(grpc::ServerContext *sctx,
                              const EchoRequest &req, EchoReply *resp) {
    grpc::ClientContext cctx;
    cctx.set_deadline(sctx->deadline());
    return stub_->Echo(&cctx, req, resp);
  }
  grpc::Status HeapLinked(grpc::ServerContext *sctx, const EchoRequest &req,
                          EchoReply *resp) {
    auto cctx = std::make_unique<grpc::ClientContext>();
    cctx->set_deadline(sctx->deadline());
    return stub_->Echo(cctx.get(), req, resp);
  }
  grpc::Status CancelWired(grpc::ServerContextBase &sctx,
                           const EchoRequest &req, EchoReply *resp) {
    grpc::ClientContext cctx;
    std::unique_ptr<grpc::ClientAsyncResponseReader<EchoReply>> call =
        stub_->AsyncEcho(&cctx, req, &cq_);
    if (sctx.IsCancelled())
      cctx.TryCancel();
    return grpc::Status::OK;
  }

private:
  std::unique_ptr<echo::EchoService::Stub> stub_;
  grpc::CompletionQueue cq_;
};

// A helper that takes both contexts wires them; not flagged.
void propagate(grpc::ClientContext *to, const grpc::ServerContext *from);
grpc::Status ViaHelper(grpc::ServerContext *sctx,
                       echo::EchoService::StubInterface &stub,
                       const EchoRequest &req, EchoReply *resp) {
  grpc::ClientContext cctx;
  propagate(&cctx, sctx);
  return stub.Echo(&cctx, req, resp);
}

// --- Callback handlers.
class CallbackImpl final : public echo::EchoService::CallbackService {
public:
  grpc::ServerUnaryReactor *Echo(grpc::CallbackServerContext *ctx,
                                 const EchoRequest *req,
                                 EchoReply *resp) override {
    auto *cctx = new grpc::ClientContext;
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'ctx'; calls using it do not inherit the deadline or cancellation of 'ctx'; create it with 'grpc::ClientContext::FromCallbackServerContext' [cancel-unforwarded-context]
    grpc::ServerUnaryReactor *reactor = ctx->DefaultReactor();
    stub_->async()->Echo(cctx, req, resp, [reactor, cctx](grpc::Status s) {
      delete cctx;
      reactor->Finish(s);
    });
    return reactor;
  }

  grpc::ServerUnaryReactor *Local(grpc::CallbackServerContext *ctx,
                                  const EchoRequest &req, EchoReply *resp) {
    grpc::ClientContext cctx;
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'ctx'; calls using it do not inherit the deadline or cancellation of 'ctx'; create it with 'grpc::ClientContext::FromCallbackServerContext' [cancel-unforwarded-context]
    // CHECK-FIXES: auto cctx = grpc::ClientContext::FromCallbackServerContext(*ctx);
    grpc::Status S = stub_->Echo(&cctx, req, resp);
    // CHECK-FIXES: grpc::Status S = stub_->Echo(cctx.get(), req, resp);
    grpc::ServerUnaryReactor *reactor = ctx->DefaultReactor();
    reactor->Finish(S);
    return reactor;
  }

  grpc::ServerUnaryReactor *Derived(grpc::CallbackServerContext *ctx,
                                    const EchoRequest *req, EchoReply *resp) {
    std::shared_ptr<grpc::ClientContext> cctx =
        grpc::ClientContext::FromCallbackServerContext(*ctx);
    grpc::ServerUnaryReactor *reactor = ctx->DefaultReactor();
    stub_->async()->Echo(cctx.get(), req, resp,
                         [reactor, cctx](grpc::Status s) { reactor->Finish(s); });
    return reactor;
  }

private:
  std::unique_ptr<echo::EchoService::Stub> stub_;
};

// --- Async-style: the handler the call data dispatches to holds the
// server context; the call data's own methods hold none (its context is a
// member) and are not checked.
grpc::Status HandleEcho(grpc::ServerContext *sctx,
                        echo::EchoService::Stub &backend,
                        const EchoRequest &req, EchoReply *resp) {
  grpc::ClientContext cctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'cctx' is a new 'grpc::ClientContext', not derived from 'sctx'; calls using it do not inherit the deadline or cancellation of 'sctx'; create it with 'grpc::ClientContext::FromServerContext' [cancel-unforwarded-context]
  // CHECK-FIXES: auto cctx = grpc::ClientContext::FromServerContext(*sctx);
  grpc::CompletionQueue cq;
  auto call = backend.AsyncEcho(&cctx, req, &cq);
  // CHECK-FIXES: auto call = backend.AsyncEcho(cctx.get(), req, &cq);
  return grpc::Status::OK;
}

class CallData {
public:
  void Proceed() {
    service_->RequestEcho(&ctx_, &request_, &responder_, cq_, cq_, this);
    grpc::ClientContext cctx;
    backend_->Echo(&cctx, request_, &reply_);
    HandleEcho(&ctx_, *backend_, request_, &reply_);
  }

private:
  echo::EchoService::AsyncService *service_;
  grpc::ServerCompletionQueue *cq_;
  grpc::ServerContext ctx_;
  EchoRequest request_;
  EchoReply reply_;
  grpc::ServerAsyncResponseWriter<EchoReply> responder_{&ctx_};
  echo::EchoService::Stub *backend_;
};

// --- 6. A helper that makes its own client context for the outgoing call.
EchoReply callBackend(echo::EchoService::Stub &stub, const EchoRequest &req) {
  grpc::ClientContext cctx;
  EchoReply reply;
  stub.Echo(&cctx, req, &reply);
  return reply;
}

grpc::Status Chained(grpc::ServerContext *sctx, echo::EchoService::Stub &stub,
                     const EchoRequest &req, EchoReply *resp) {
  *resp = callBackend(stub, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'callBackend' takes no cancellation token and passes a new 'grpc::ClientContext' to its calls; pass 'sctx' down instead [cancel-unforwarded-context]
  return grpc::Status::OK;
}

// --- Not flagged: client code holds no server context.
int main() {
  auto stub = echo::EchoService::NewStub(grpc::CreateChannel(
      "localhost:50051", grpc::InsecureChannelCredentials()));
  grpc::ClientContext cctx;
  EchoReply reply;
  stub->Echo(&cctx, EchoRequest{}, &reply);
  callBackend(*stub, EchoRequest{});
}

// Not flagged: a stop token cannot become a client context.
grpc::Status FromWorker(std::stop_token st, echo::EchoService::Stub &stub,
                        const EchoRequest &req, EchoReply *resp) {
  grpc::ClientContext cctx;
  return stub.Echo(&cctx, req, resp);
}
