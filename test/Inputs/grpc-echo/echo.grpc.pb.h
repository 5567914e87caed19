// A hand-written stand-in for the code protoc's gRPC plugin generates for
//
//   service EchoService { rpc Echo(EchoRequest) returns (EchoReply); }
//
// with the generated names and signatures (grpc++ 1.51) of the stub, the
// synchronous, callback and asynchronous services. Messages are plain
// structs: tests only compile against it, nothing here links or runs.
#pragma once

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>
#include <grpcpp/support/async_unary_call.h>
#include <grpcpp/support/server_callback.h>
#include <grpcpp/support/stub_options.h>

#include <functional>
#include <memory>
#include <string>

namespace echo {

struct EchoRequest {
  std::string message;
};
struct EchoReply {
  std::string message;
};

class EchoService final {
public:
  class StubInterface {
  public:
    virtual ~StubInterface() {}
    virtual ::grpc::Status Echo(::grpc::ClientContext *context,
                                const ::echo::EchoRequest &request,
                                ::echo::EchoReply *response) = 0;
    class async_interface {
    public:
      virtual ~async_interface() {}
      virtual void Echo(::grpc::ClientContext *context,
                        const ::echo::EchoRequest *request,
                        ::echo::EchoReply *response,
                        std::function<void(::grpc::Status)>) = 0;
    };
    virtual class async_interface *async() { return nullptr; }
  };

  class Stub final : public StubInterface {
  public:
    Stub(const std::shared_ptr<::grpc::ChannelInterface> &channel,
         const ::grpc::StubOptions &options = ::grpc::StubOptions());
    ::grpc::Status Echo(::grpc::ClientContext *context,
                        const ::echo::EchoRequest &request,
                        ::echo::EchoReply *response) override;
    std::unique_ptr<::grpc::ClientAsyncResponseReader<::echo::EchoReply>>
    AsyncEcho(::grpc::ClientContext *context,
              const ::echo::EchoRequest &request,
              ::grpc::CompletionQueue *cq);
    class async final : public StubInterface::async_interface {
    public:
      void Echo(::grpc::ClientContext *context,
                const ::echo::EchoRequest *request,
                ::echo::EchoReply *response,
                std::function<void(::grpc::Status)>) override;
    };
    class async *async() override;
  };

  static std::unique_ptr<Stub>
  NewStub(const std::shared_ptr<::grpc::ChannelInterface> &channel,
          const ::grpc::StubOptions &options = ::grpc::StubOptions());

  class Service : public ::grpc::Service {
  public:
    Service();
    virtual ~Service();
    virtual ::grpc::Status Echo(::grpc::ServerContext *context,
                                const ::echo::EchoRequest *request,
                                ::echo::EchoReply *response);
  };

  class CallbackService : public ::grpc::Service {
  public:
    CallbackService();
    virtual ~CallbackService();
    virtual ::grpc::ServerUnaryReactor *
    Echo(::grpc::CallbackServerContext *context,
         const ::echo::EchoRequest *request, ::echo::EchoReply *response);
  };

  class AsyncService : public ::grpc::Service {
  public:
    AsyncService();
    virtual ~AsyncService();
    void RequestEcho(
        ::grpc::ServerContext *context, ::echo::EchoRequest *request,
        ::grpc::ServerAsyncResponseWriter<::echo::EchoReply> *response,
        ::grpc::CompletionQueue *new_call_cq,
        ::grpc::ServerCompletionQueue *notification_cq, void *tag);
  };
};

} // namespace echo
