// Keeps the stock cache honest: loads a snapshot of all levels, then follows
// the inventory's change stream and drops the entries that changed.
#pragma once

#include "shop.grpc.pb.h"
#include "stock_cache.h"

#include <stop_token>
#include <thread>

namespace shop {

class StockWatcher {
public:
  StockWatcher(Inventory::StubInterface &inventory, StockCache &cache)
      : inventory_(inventory), cache_(cache) {}

  void start();
  /// Stops following changes and waits for the watcher thread.
  void stop();

private:
  void run(std::stop_token stop);
  bool load_snapshot(std::stop_token stop);
  void follow_changes(std::stop_token stop);

  Inventory::StubInterface &inventory_;
  StockCache &cache_;
  std::jthread thread_;
};

} // namespace shop
