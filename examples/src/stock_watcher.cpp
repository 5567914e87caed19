#include "stock_watcher.h"

#include "log.h"
#include "reqctx/reqctx.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <grpcpp/client_context.h>
#include <mutex>

namespace shop {
namespace {

constexpr auto kSnapshotTimeout = std::chrono::seconds(2);
constexpr auto kMinBackoff = std::chrono::milliseconds(100);
constexpr auto kMaxBackoff = std::chrono::milliseconds(5000);

} // namespace

void StockWatcher::start() {
  thread_ =
      std::jthread([this](std::stop_token stop) { run(std::move(stop)); });
}

void StockWatcher::stop() {
  thread_.request_stop();
  if (thread_.joinable())
    thread_.join();
}

void StockWatcher::run(std::stop_token stop) {
  std::mutex mu;
  std::condition_variable_any pause;
  auto backoff = kMinBackoff;
  while (!stop.stop_requested()) {
    if (load_snapshot(stop)) {
      follow_changes(stop);
      backoff = kMinBackoff;
    }
    // Interruptible pause before reconnecting.
    std::unique_lock lock(mu);
    pause.wait_for(lock, stop, backoff, [] { return false; });
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
}

bool StockWatcher::load_snapshot(std::stop_token stop) {
  grpc::ClientContext rpc;
  rpc.set_deadline(std::chrono::system_clock::now() + kSnapshotTimeout);
  std::stop_callback cancel_on_stop(stop, [&rpc] { rpc.TryCancel(); });
  StockList snapshot;
  grpc::Status status =
      inventory_.ListStock(&rpc, ListStockRequest(), &snapshot);
  if (!status.ok()) {
    if (!stop.stop_requested())
      log::warn("stock snapshot: " + status.error_message());
    return false;
  }
  reqctx::Context ctx = reqctx::from_stop_token(stop);
  for (const StockLevel &level : snapshot.levels())
    cache_.put(level, ctx);
  return true;
}

void StockWatcher::follow_changes(std::stop_token stop) {
  grpc::ClientContext rpc;
  std::stop_callback(stop, [&rpc] { rpc.TryCancel(); });
  auto changes = inventory_.WatchStock(&rpc, WatchStockRequest());
  StockLevel level;
  while (!stop.stop_requested() && changes->Read(&level))
    cache_.invalidate(level.sku());
  grpc::Status status = changes->Finish();
  if (!status.ok() && !stop.stop_requested())
    log::warn("stock changes: " + status.error_message());
}

} // namespace shop
