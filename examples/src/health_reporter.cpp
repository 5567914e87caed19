#include "health_reporter.h"

#include "log.h"

namespace shop {

void HealthReporter::start() {
  timer_.expires_after(period_);
  timer_.async_wait([this](const asio::error_code &ec) { on_tick(ec); });
}

void HealthReporter::stop() {
  stopped_ = true;
  timer_.cancel();
}

void HealthReporter::on_tick(const asio::error_code &ec) {
  // stopped_ also covers a tick that had already expired when stop() ran:
  // it completes with success, not operation_aborted.
  if (ec == asio::error::operation_aborted || stopped_)
    return;
  log::info("health: " + std::to_string(cache_.size()) + " cached levels, " +
            std::to_string(pool_.queued()) + " queued jobs");
  timer_.expires_at(timer_.expiry() + period_);
  timer_.async_wait([this](const asio::error_code &e) { on_tick(e); });
}

} // namespace shop
