// pricing-server: the Pricing gRPC service, its background machinery, and an
// in-process inventory service to call.
//
//   pricing-server [--port=N] [--audit-log=FILE] [--self-test]
//
// --self-test sends a few requests to the running service and shuts down.
#include "audit_log.h"
#include "fake_inventory.h"
#include "health_reporter.h"
#include "inventory_client.h"
#include "jobs.h"
#include "lease_renewer.h"
#include "log.h"
#include "pricing_service.h"
#include "reqctx/reqctx.h"
#include "stock_cache.h"
#include "stock_watcher.h"
#include "worker_pool.h"

#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <grpcpp/grpcpp.h>
#include <string_view>
#include <thread>

namespace {

using namespace std::chrono_literals;

struct Options {
  int port = 0;
  std::string audit_log;
  bool self_test = false;
};

Options parse_options(int argc, char **argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--port="))
      options.port = std::stoi(std::string(arg.substr(7)));
    else if (arg.starts_with("--audit-log="))
      options.audit_log = arg.substr(12);
    else if (arg == "--self-test")
      options.self_test = true;
    else
      std::fprintf(stderr, "ignoring unknown argument %s\n", argv[i]);
  }
  return options;
}

std::unique_ptr<grpc::Server> serve(grpc::Service *service,
                                    const std::string &address, int *port) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), port);
  builder.RegisterService(service);
  return builder.BuildAndStart();
}

// Logs the cache size now and then, until the process exits.
void start_cache_dumper(const shop::StockCache &cache,
                        std::chrono::seconds every) {
  std::stop_source stop;
  std::thread([&cache, every, token = stop.get_token()] {
    while (!token.stop_requested()) {
      std::this_thread::sleep_for(every);
      shop::log::info("cache: " + std::to_string(cache.size()) + " levels");
    }
  }).detach();
}

bool run_self_test(const std::string &target) {
  auto pricing = shop::Pricing::NewStub(
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
  auto call = [](const char *what, auto &&rpc) {
    grpc::ClientContext rpc_context;
    rpc_context.set_deadline(std::chrono::system_clock::now() + 2s);
    grpc::Status status = rpc(rpc_context);
    std::fprintf(stderr, "self-test %-20s %s %s\n", what,
                 status.ok() ? "ok" : "FAILED", status.error_message().c_str());
    return status.ok();
  };

  shop::QuoteRequest quote_request;
  quote_request.set_sku("pear");
  quote_request.set_quantity(3);
  shop::Quote quote;
  bool ok = call("GetQuote", [&](grpc::ClientContext &c) {
    return pricing->GetQuote(&c, quote_request, &quote);
  });

  shop::BundleRequest bundle_request;
  *bundle_request.add_items() = quote_request;
  shop::QuoteRequest *plums = bundle_request.add_items();
  plums->set_sku("plum");
  plums->set_quantity(12);
  shop::BundleQuote bundle;
  ok &= call("GetBundleQuote", [&](grpc::ClientContext &c) {
    return pricing->GetBundleQuote(&c, bundle_request, &bundle);
  });

  shop::ReserveRequest reserve_request;
  reserve_request.set_sku("apple");
  reserve_request.set_quantity(2);
  shop::Reservation reservation;
  ok &= call("ReserveQuote", [&](grpc::ClientContext &c) {
    return pricing->ReserveQuote(&c, reserve_request, &reservation);
  });

  shop::ReleaseRequest release_request;
  release_request.set_reservation_id(reservation.reservation_id());
  shop::ReleaseReply released;
  ok &= call("ReleaseReservation", [&](grpc::ClientContext &c) {
    return pricing->ReleaseReservation(&c, release_request, &released);
  });

  std::fprintf(stderr,
               "self-test quote %s x%d: %lld cents, bundle: %lld cents\n",
               quote.sku().c_str(), quote.quantity(),
               static_cast<long long>(quote.total_cents()),
               static_cast<long long>(bundle.total_cents()));
  return ok;
}

} // namespace

int main(int argc, char **argv) {
  namespace log = shop::log;
  Options options = parse_options(argc, argv);

  shop::FakeInventory inventory_service;
  int inventory_port = 0;
  auto inventory_server =
      serve(&inventory_service, "127.0.0.1:0", &inventory_port);
  shop::InventoryClient inventory(
      grpc::CreateChannel("127.0.0.1:" + std::to_string(inventory_port),
                          grpc::InsecureChannelCredentials()));

  const std::vector<std::string> skus = inventory_service.skus();
  shop::StockCache cache(5s);
  std::unique_ptr<shop::AuditLog> audit;
  if (!options.audit_log.empty())
    audit = std::make_unique<shop::AuditLog>(options.audit_log);
  shop::WorkerPool pool(4);
  shop::PricingService pricing(inventory, cache, pool, audit.get());
  int port = 0;
  auto pricing_server =
      serve(&pricing, "127.0.0.1:" + std::to_string(options.port), &port);
  if (!pricing_server || port == 0) {
    std::fprintf(stderr, "cannot listen on port %d\n", options.port);
    return 1;
  }
  log::info("pricing service on port " + std::to_string(port));

  shop::StockWatcher watcher(inventory.stub(), cache);
  watcher.start();
  pool.submit([&](std::stop_token stop) {
    shop::keep_cache_warm(std::move(stop), inventory, cache, skus);
  });
  pool.submit([&](std::stop_token stop) {
    shop::reconcile_stock(reqctx::from_stop_token(std::move(stop)), inventory,
                          cache, skus);
  });
  start_cache_dumper(cache, 10s);

  asio::io_context io;
  shop::LeaseRenewer lease(io, "pricing@" + std::to_string(port), 1500ms);
  shop::HealthReporter health(io, cache, pool, 2s);
  lease.start();
  health.start();

  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer grace(io);
  auto shut_down = [&] {
    log::info("shutting down");
    signals.cancel();
    health.stop();
    lease.stop();
    pricing_server->Shutdown(std::chrono::system_clock::now() + 2s);
    // Give pending handlers a moment to drain, then stop the loop.
    grace.expires_after(1s);
    grace.async_wait([&io](const asio::error_code &) { io.stop(); });
  };
  signals.async_wait([&](const asio::error_code &ec, int) {
    if (!ec)
      shut_down();
  });

  int exit_code = 0;
  std::jthread self_test;
  if (options.self_test)
    self_test = std::jthread([&] {
      std::this_thread::sleep_for(300ms); // let the warm-up get going
      if (!run_self_test("127.0.0.1:" + std::to_string(port)))
        exit_code = 1;
      asio::post(io, shut_down);
    });

  io.run();
  if (self_test.joinable())
    self_test.join();
  // Servers first, then the background work.
  inventory_server->Shutdown(std::chrono::system_clock::now() + 1s);
  watcher.stop();
  return exit_code;
}
