// The Pricing gRPC service (synchronous API).
#pragma once

#include "audit_log.h"
#include "inventory_client.h"
#include "shop.grpc.pb.h"
#include "stock_cache.h"
#include "worker_pool.h"

namespace shop {

class PricingService final : public Pricing::Service {
public:
  PricingService(InventoryClient &inventory, StockCache &cache,
                 WorkerPool &pool, AuditLog *audit)
      : inventory_(inventory), cache_(cache), pool_(pool), audit_(audit) {}

  grpc::Status GetQuote(grpc::ServerContext *context,
                        const QuoteRequest *request, Quote *reply) override;
  grpc::Status GetBundleQuote(grpc::ServerContext *context,
                              const BundleRequest *request,
                              BundleQuote *reply) override;
  grpc::Status ReserveQuote(grpc::ServerContext *context,
                            const ReserveRequest *request,
                            Reservation *reply) override;
  grpc::Status ReleaseReservation(grpc::ServerContext *context,
                                  const ReleaseRequest *request,
                                  ReleaseReply *reply) override;

private:
  /// The stock level of `sku`, from the cache or the inventory service.
  grpc::Status stock_for(const reqctx::Context &ctx, const std::string &sku,
                         StockLevel *out);
  /// Fails fast when stock is obviously short, without touching the
  /// inventory's reservation table.
  grpc::Status check_available(const reqctx::Context &ctx,
                               const ReserveRequest &request);

  InventoryClient &inventory_;
  StockCache &cache_;
  WorkerPool &pool_;
  AuditLog *audit_; // null when auditing is off
};

} // namespace shop
