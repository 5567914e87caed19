// Keeps this instance registered in service discovery: the registration is
// a lease with a TTL, renewed three times per TTL.
#pragma once

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <chrono>
#include <string>

namespace shop {

class LeaseRenewer {
public:
  LeaseRenewer(asio::io_context &io, std::string instance,
               std::chrono::milliseconds ttl)
      : timer_(io), instance_(std::move(instance)), ttl_(ttl) {}

  void start();
  /// Releases the lease. Call on the io_context's thread.
  void stop();

private:
  void on_timer(const asio::error_code &ec);
  void renew();

  asio::steady_timer timer_;
  std::string instance_;
  std::chrono::milliseconds ttl_;
  unsigned renewals_ = 0;
};

} // namespace shop
