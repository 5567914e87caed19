#include "pricing_service.h"

#include "log.h"
#include "reqctx/grpc.h"

#include <algorithm>
#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>

namespace shop {
namespace {

constexpr auto kStockBudget = std::chrono::milliseconds(300);
constexpr auto kShippingPoll = std::chrono::milliseconds(10);
constexpr int kReleaseAttempts = 3;
constexpr auto kReleaseBackoff = std::chrono::milliseconds(50);
constexpr int kLowStock = 10;

grpc::Status invalid(const std::string &why) {
  return {grpc::StatusCode::INVALID_ARGUMENT, why};
}

Quote price_line(const QuoteRequest &item, const StockLevel &stock) {
  Quote quote;
  quote.set_sku(item.sku());
  quote.set_quantity(item.quantity());
  quote.set_low_stock(stock.available() < kLowStock);
  int64_t unit = stock.base_cents();
  if (quote.low_stock())
    unit += unit / 10; // scarcity surcharge
  quote.set_unit_cents(unit);
  quote.set_total_cents(unit * item.quantity());
  return quote;
}

// Rate-table walk; slow enough that it runs on the worker pool.
int64_t estimate_shipping(int32_t parcels) {
  int64_t cents = 499;
  for (int32_t i = 1; i < parcels; ++i)
    cents += 250 - std::min<int64_t>(int64_t{i} * 10, 150);
  return cents;
}

} // namespace

grpc::Status PricingService::stock_for(const reqctx::Context &ctx,
                                       const std::string &sku,
                                       StockLevel *out) {
  if (auto cached = cache_.lookup(sku)) {
    *out = std::move(*cached);
    return grpc::Status::OK;
  }
  grpc::Status status = inventory_.get_stock(ctx, sku, out);
  if (status.ok())
    cache_.put(*out, ctx);
  return status;
}

grpc::Status PricingService::check_available(const reqctx::Context &ctx,
                                             const ReserveRequest &request) {
  if (ctx.done())
    return reqctx::to_status(ctx.err());
  StockLevel stock;
  grpc::Status status = inventory_.get_stock(request.sku(), &stock);
  if (!status.ok())
    return status;
  if (stock.available() < request.quantity())
    return {grpc::StatusCode::FAILED_PRECONDITION,
            "only " + std::to_string(stock.available()) + " left"};
  return grpc::Status::OK;
}

grpc::Status PricingService::GetQuote(grpc::ServerContext *context,
                                      const QuoteRequest *request,
                                      Quote *reply) {
  if (request->quantity() <= 0)
    return invalid("quantity must be positive");
  reqctx::Context ctx = reqctx::from_grpc(*context);
  log::bind_request(ctx);

  std::future<int64_t> shipping = pool_.submit_task(
      [parcels = request->quantity()] { return estimate_shipping(parcels); });

  StockLevel stock;
  auto [stock_ctx, cancel] = reqctx::with_timeout(ctx, kStockBudget);
  grpc::Status status = stock_for(stock_ctx, request->sku(), &stock);
  cancel();
  if (!status.ok())
    return status;

  while (shipping.wait_for(kShippingPoll) != std::future_status::ready) {
    if (ctx.done())
      return reqctx::to_status(ctx.err());
  }
  *reply = price_line(*request, stock);
  reply->set_shipping_cents(shipping.get());
  reply->set_total_cents(reply->total_cents() + reply->shipping_cents());
  return grpc::Status::OK;
}

grpc::Status PricingService::GetBundleQuote(grpc::ServerContext *context,
                                            const BundleRequest *request,
                                            BundleQuote *reply) {
  if (request->items().empty())
    return invalid("empty bundle");
  reqctx::Context ctx = reqctx::from_grpc(*context);
  log::bind_request(ctx);

  int32_t parcels = 0;
  for (const QuoteRequest &item : request->items()) {
    if (item.quantity() <= 0)
      return invalid("quantity must be positive for " + item.sku());
    parcels += item.quantity();
  }
  std::future<int64_t> shipping =
      pool_.submit_task([parcels] { return estimate_shipping(parcels); });

  int64_t total = 0;
  for (const QuoteRequest &item : request->items()) {
    StockLevel stock;
    auto [item_ctx, cancel] = reqctx::with_timeout(ctx, kStockBudget);
    grpc::Status status = stock_for(item_ctx, item.sku(), &stock);
    if (!status.ok())
      return status;
    cancel();
    Quote *line = reply->add_lines();
    *line = price_line(item, stock);
    total += line->total_cents();
  }
  reply->set_shipping_cents(shipping.get());
  reply->set_total_cents(total + reply->shipping_cents());
  return grpc::Status::OK;
}

grpc::Status PricingService::ReserveQuote(grpc::ServerContext *context,
                                          const ReserveRequest *request,
                                          Reservation *reply) {
  if (request->quantity() <= 0)
    return invalid("quantity must be positive");
  reqctx::Context ctx = reqctx::from_grpc(*context);
  log::bind_request(ctx);
  if (grpc::Status status = check_available(ctx, *request); !status.ok())
    return status;

  grpc::ClientContext downstream;
  downstream.AddMetadata("x-client", "pricing");
  grpc::Status status =
      inventory_.stub().Reserve(&downstream, *request, reply);
  if (status.ok() && audit_ != nullptr)
    audit_->record("reserve " + reply->reservation_id() + " " +
                   request->sku() + " x" +
                   std::to_string(request->quantity()) + " for " +
                   context->peer());
  return status;
}

grpc::Status PricingService::ReleaseReservation(grpc::ServerContext *context,
                                                const ReleaseRequest *request,
                                                ReleaseReply *reply) {
  reqctx::Context ctx = reqctx::from_grpc(*context);
  log::bind_request(ctx);

  grpc::Status status;
  auto backoff = kReleaseBackoff;
  for (int attempt = 1; attempt <= kReleaseAttempts; ++attempt) {
    std::unique_ptr<grpc::ClientContext> downstream =
        grpc::ClientContext::FromServerContext(*context);
    status = inventory_.stub().Release(downstream.get(), *request, reply);
    switch (status.error_code()) {
    case grpc::StatusCode::OK:
      if (audit_ != nullptr)
        audit_->record("release " + request->reservation_id());
      return status;
    case grpc::StatusCode::NOT_FOUND:
      // Already released, or expired on the inventory side.
      return grpc::Status::OK;
    default:
      log::warn("release " + request->reservation_id() + " attempt " +
                std::to_string(attempt) + ": " + status.error_message());
      break;
    }
    reqctx::sleep(ctx, backoff);
    backoff *= 2;
  }
  return {grpc::StatusCode::UNAVAILABLE,
          "inventory did not release " + request->reservation_id() + ": " +
              status.error_message()};
}

} // namespace shop
