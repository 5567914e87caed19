#include "jobs.h"

#include "log.h"
#include "reqctx/reqctx.h"

#include <chrono>

namespace shop {
namespace {

constexpr auto kCallBudget = std::chrono::seconds(2);
constexpr auto kRefreshPeriod = std::chrono::seconds(1);

} // namespace

void keep_cache_warm(std::stop_token stop, InventoryClient &inventory,
                     StockCache &cache, const std::vector<std::string> &skus) {
  reqctx::Context ctx = reqctx::from_stop_token(stop);
  for (const std::string &sku : skus) {
    if (stop.stop_requested())
      return;
    auto [call_ctx, cancel] = reqctx::with_timeout(ctx, kCallBudget);
    StockLevel level;
    grpc::Status status = inventory.get_stock(call_ctx, sku, &level);
    cancel();
    if (status.ok())
      cache.put(level, ctx);
    else
      log::warn("warm-up " + sku + ": " + status.error_message());
  }
  log::info("warm-up: " + std::to_string(cache.size()) + " levels cached");
  while (reqctx::sleep(ctx, kRefreshPeriod))
    cache.refresh_expiring(inventory, 2 * kRefreshPeriod);
}

void reconcile_stock(const reqctx::Context &ctx, InventoryClient &inventory,
                     const StockCache &cache,
                     const std::vector<std::string> &skus) {
  int drifted = 0;
  for (const std::string &sku : skus) {
    if (ctx.done()) {
      log::info("reconcile: " + std::string(reqctx::to_string(ctx.err())));
    }
    std::optional<StockLevel> cached = cache.lookup(sku);
    if (!cached)
      continue;
    StockLevel live;
    if (!inventory.get_stock(reqctx::background(), sku, &live).ok())
      continue;
    if (live.available() != cached->available()) {
      ++drifted;
      log::warn("reconcile: " + sku + " cached " +
                std::to_string(cached->available()) + ", inventory has " +
                std::to_string(live.available()));
    }
  }
  log::info("reconcile: " + std::to_string(drifted) + " of " +
            std::to_string(skus.size()) + " levels drifted");
}

} // namespace shop
