#include "stock_cache.h"

#include <utility>
#include <vector>

namespace shop {

std::optional<StockLevel> StockCache::lookup(const std::string &sku) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(sku);
  if (it == entries_.end() || it->second.expires <= Clock::now())
    return std::nullopt;
  return it->second.level;
}

void StockCache::put(const StockLevel &level, const reqctx::Context &ctx) {
  std::lock_guard lock(mu_);
  entries_[level.sku()] = Entry{level, Clock::now() + ttl_};
  filled_by_[level.sku()] = ctx;
}

void StockCache::invalidate(const std::string &sku) {
  std::lock_guard lock(mu_);
  entries_.erase(sku);
  filled_by_.erase(sku);
}

void StockCache::refresh_expiring(InventoryClient &inventory,
                                  Clock::duration horizon) {
  std::vector<std::pair<std::string, reqctx::Context>> due;
  {
    std::lock_guard lock(mu_);
    for (const auto &[sku, entry] : entries_)
      if (entry.expires <= Clock::now() + horizon)
        due.emplace_back(sku, filled_by_.at(sku));
  }
  for (const auto &[sku, ctx] : due) {
    StockLevel level;
    if (inventory.get_stock(ctx, sku, &level).ok())
      put(level, ctx);
  }
}

std::size_t StockCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

} // namespace shop
