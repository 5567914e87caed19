#include "fake_inventory.h"

#include "reqctx/grpc.h"

#include <algorithm>
#include <chrono>
#include <iterator>

namespace shop {
namespace {

constexpr auto kChangePeriod = std::chrono::milliseconds(200);

grpc::Status not_found(const std::string &what) {
  return {grpc::StatusCode::NOT_FOUND, what + " not found"};
}

} // namespace

FakeInventory::FakeInventory() {
  struct Item {
    const char *sku;
    int32_t available;
    int64_t base_cents;
  };
  for (Item item : {Item{"apple", 120, 45}, Item{"pear", 8, 60},
                    Item{"plum", 40, 30}, Item{"quince", 3, 210},
                    Item{"fig", 25, 95}, Item{"kiwi", 60, 35}}) {
    StockLevel level;
    level.set_sku(item.sku);
    level.set_available(item.available);
    level.set_base_cents(item.base_cents);
    levels_.emplace(item.sku, level);
  }
}

std::vector<std::string> FakeInventory::skus() const {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  out.reserve(levels_.size());
  for (const auto &entry : levels_)
    out.push_back(entry.first);
  return out;
}

grpc::Status FakeInventory::GetStock(grpc::ServerContext * /*context*/,
                                     const StockRequest *request,
                                     StockLevel *reply) {
  std::lock_guard lock(mu_);
  auto it = levels_.find(request->sku());
  if (it == levels_.end())
    return not_found("sku " + request->sku());
  *reply = it->second;
  return grpc::Status::OK;
}

grpc::Status FakeInventory::ListStock(grpc::ServerContext * /*context*/,
                                      const ListStockRequest * /*request*/,
                                      StockList *reply) {
  std::lock_guard lock(mu_);
  for (const auto &entry : levels_)
    *reply->add_levels() = entry.second;
  return grpc::Status::OK;
}

grpc::Status
FakeInventory::WatchStock(grpc::ServerContext *context,
                          const WatchStockRequest * /*request*/,
                          grpc::ServerWriter<StockLevel> *writer) {
  reqctx::Context ctx = reqctx::from_grpc(*context);
  while (reqctx::sleep(ctx, kChangePeriod)) {
    if (!writer->Write(random_change()))
      break;
  }
  return grpc::Status::OK;
}

grpc::Status FakeInventory::Reserve(grpc::ServerContext * /*context*/,
                                    const ReserveRequest *request,
                                    Reservation *reply) {
  std::lock_guard lock(mu_);
  auto it = levels_.find(request->sku());
  if (it == levels_.end())
    return not_found("sku " + request->sku());
  if (it->second.available() < request->quantity())
    return {grpc::StatusCode::FAILED_PRECONDITION, "not enough stock"};
  it->second.set_available(it->second.available() - request->quantity());
  reply->set_reservation_id("r-" + std::to_string(next_reservation_++));
  reply->set_sku(request->sku());
  reply->set_quantity(request->quantity());
  reservations_.emplace(reply->reservation_id(), *reply);
  return grpc::Status::OK;
}

grpc::Status FakeInventory::Release(grpc::ServerContext * /*context*/,
                                    const ReleaseRequest *request,
                                    ReleaseReply * /*reply*/) {
  std::lock_guard lock(mu_);
  auto it = reservations_.find(request->reservation_id());
  if (it == reservations_.end())
    return not_found("reservation " + request->reservation_id());
  StockLevel &level = levels_.at(it->second.sku());
  level.set_available(level.available() + it->second.quantity());
  reservations_.erase(it);
  return grpc::Status::OK;
}

StockLevel FakeInventory::random_change() {
  std::lock_guard lock(mu_);
  auto it = std::next(levels_.begin(),
                      static_cast<long>(rng_() % levels_.size()));
  int32_t delta = rng_() % 3 == 0 ? 5 : -1; // deliveries are rarer
  it->second.set_available(std::max(0, it->second.available() + delta));
  return it->second;
}

} // namespace shop
