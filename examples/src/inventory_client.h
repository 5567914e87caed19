// Client of the downstream inventory service.
#pragma once

#include "reqctx/reqctx.h"
#include "shop.grpc.pb.h"

#include <grpcpp/channel.h>
#include <memory>
#include <string>

namespace shop {

class InventoryClient {
public:
  explicit InventoryClient(const std::shared_ptr<grpc::Channel> &channel);

  /// Looks up the stock level of `sku`, retrying transient failures within
  /// the budget of `ctx`.
  grpc::Status get_stock(const reqctx::Context &ctx, const std::string &sku,
                         StockLevel *out);
  /// Same, without a deadline: for tools and tests that serve no request.
  grpc::Status get_stock(const std::string &sku, StockLevel *out);

  /// For calls this client does not wrap.
  Inventory::StubInterface &stub() { return *stub_; }

private:
  std::unique_ptr<Inventory::StubInterface> stub_;
};

} // namespace shop
