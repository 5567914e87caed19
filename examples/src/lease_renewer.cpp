#include "lease_renewer.h"

#include "log.h"

namespace shop {

void LeaseRenewer::start() {
  renew();
  timer_.expires_after(ttl_ / 3);
  timer_.async_wait([this](const asio::error_code &ec) { on_timer(ec); });
}

void LeaseRenewer::stop() {
  timer_.cancel();
  log::info("lease " + instance_ + ": released after " +
            std::to_string(renewals_) + " renewals");
}

void LeaseRenewer::on_timer(const asio::error_code &ec) {
  if (ec)
    log::warn("lease " + instance_ + ": timer: " + ec.message());
  renew();
  timer_.expires_at(timer_.expiry() + ttl_ / 3);
  timer_.async_wait([this](const asio::error_code &e) { on_timer(e); });
}

void LeaseRenewer::renew() {
  // A real deployment would call the discovery service here.
  ++renewals_;
  log::info("lease " + instance_ + ": renewed for " +
            std::to_string(ttl_.count()) + "ms");
}

} // namespace shop
