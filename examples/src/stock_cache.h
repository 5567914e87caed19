// Caches inventory stock levels for a few seconds: a quote tolerates a
// slightly stale level, and the inventory service is the bottleneck.
#pragma once

#include "inventory_client.h"
#include "reqctx/reqctx.h"
#include "shop.pb.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace shop {

class StockCache {
public:
  using Clock = std::chrono::steady_clock;

  explicit StockCache(Clock::duration ttl) : ttl_(ttl) {}

  /// The cached level of `sku` if it has not expired.
  std::optional<StockLevel> lookup(const std::string &sku) const;
  /// Records a level fetched while serving the request `ctx`.
  void put(const StockLevel &level, const reqctx::Context &ctx);
  void invalidate(const std::string &sku);
  /// Re-fetches the entries that expire within `horizon`.
  void refresh_expiring(InventoryClient &inventory, Clock::duration horizon);
  std::size_t size() const;

private:
  struct Entry {
    StockLevel level;
    Clock::time_point expires;
  };

  const Clock::duration ttl_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  // Refresh-ahead runs on behalf of the request that filled an entry, so
  // that it is abandoned together with that request.
  std::unordered_map<std::string, reqctx::Context> filled_by_;
};

} // namespace shop
