// Background jobs run on the worker pool.
#pragma once

#include "inventory_client.h"
#include "reqctx/reqctx.h"
#include "stock_cache.h"

#include <stop_token>
#include <string>
#include <vector>

namespace shop {

/// Fills the cache for `skus`, then refreshes entries before they expire,
/// until stopped.
void keep_cache_warm(std::stop_token stop, InventoryClient &inventory,
                     StockCache &cache, const std::vector<std::string> &skus);

/// Compares cached levels with the inventory's and logs the drift.
void reconcile_stock(const reqctx::Context &ctx, InventoryClient &inventory,
                     const StockCache &cache,
                     const std::vector<std::string> &skus);

} // namespace shop
