// Logs a health line (cache size, queued jobs) at a fixed period.
#pragma once

#include "stock_cache.h"
#include "worker_pool.h"

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <chrono>

namespace shop {

class HealthReporter {
public:
  HealthReporter(asio::io_context &io, const StockCache &cache,
                 const WorkerPool &pool, std::chrono::milliseconds period)
      : timer_(io), cache_(cache), pool_(pool), period_(period) {}

  void start();
  /// Call on the io_context's thread.
  void stop();

private:
  void on_tick(const asio::error_code &ec);

  asio::steady_timer timer_;
  const StockCache &cache_;
  const WorkerPool &pool_;
  std::chrono::milliseconds period_;
  bool stopped_ = false;
};

} // namespace shop
