#include "inventory_client.h"

#include "log.h"
#include "reqctx/grpc.h"

#include <grpcpp/client_context.h>

namespace shop {
namespace {

constexpr int kMaxAttempts = 4;
constexpr auto kFirstBackoff = std::chrono::milliseconds(20);

} // namespace

InventoryClient::InventoryClient(const std::shared_ptr<grpc::Channel> &channel)
    : stub_(Inventory::NewStub(channel)) {}

grpc::Status InventoryClient::get_stock(const reqctx::Context &ctx,
                                        const std::string &sku,
                                        StockLevel *out) {
  StockRequest request;
  request.set_sku(sku);
  auto backoff = kFirstBackoff;
  grpc::Status status;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    if (ctx.done())
      return reqctx::to_status(ctx.err());
    grpc::ClientContext rpc;
    rpc.set_deadline(ctx.deadline());
    status = stub_->GetStock(&rpc, request, out);
    switch (status.error_code()) {
    case grpc::StatusCode::OK:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::INVALID_ARGUMENT:
      return status;
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      // Our caller gave up or ran out of time: another attempt cannot help.
      return status;
    default:
      log::warn("inventory GetStock(" + sku + ") attempt " +
                std::to_string(attempt) + ": " + status.error_message());
      break;
    }
    if (!reqctx::sleep(ctx, backoff))
      return reqctx::to_status(ctx.err());
    backoff *= 2;
  }
  return status;
}

grpc::Status InventoryClient::get_stock(const std::string &sku,
                                        StockLevel *out) {
  return get_stock(reqctx::background(), sku, out);
}

} // namespace shop
