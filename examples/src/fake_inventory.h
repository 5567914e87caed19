// An in-memory stand-in for the inventory service, so that the example runs
// on its own. It serves on a local port like the real one.
#pragma once

#include "shop.grpc.pb.h"

#include <map>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace shop {

class FakeInventory final : public Inventory::Service {
public:
  FakeInventory();

  std::vector<std::string> skus() const;

  grpc::Status GetStock(grpc::ServerContext *context,
                        const StockRequest *request,
                        StockLevel *reply) override;
  grpc::Status ListStock(grpc::ServerContext *context,
                         const ListStockRequest *request,
                         StockList *reply) override;
  grpc::Status WatchStock(grpc::ServerContext *context,
                          const WatchStockRequest *request,
                          grpc::ServerWriter<StockLevel> *writer) override;
  grpc::Status Reserve(grpc::ServerContext *context,
                       const ReserveRequest *request,
                       Reservation *reply) override;
  grpc::Status Release(grpc::ServerContext *context,
                       const ReleaseRequest *request,
                       ReleaseReply *reply) override;

private:
  /// Simulates a sale or a delivery of one random item.
  StockLevel random_change();

  mutable std::mutex mu_;
  std::map<std::string, StockLevel> levels_;
  std::map<std::string, Reservation> reservations_;
  int next_reservation_ = 1;
  std::minstd_rand rng_;
};

} // namespace shop
