// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT=1
//
// gRPC, asio, Boost.Fiber and Abseil, against their real headers. A gRPC
// handler holds its ServerContext; an asio function holds a cancellation
// slot; Boost.Fiber and Abseil have no tokens, but their waits block a
// function that holds one. (asio 1.22 enables awaitable for clang only when
// told: -DASIO_HAS_CO_AWAIT.)
#include <absl/synchronization/notification.h>
#include <asio.hpp>
#include <boost/fiber/all.hpp>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <stop_token>
#include <thread>

using namespace std::chrono_literals;

bool running = true;

// --- gRPC: the token is the server context.
grpc::Status Stream(grpc::ServerContext *context, grpc::CompletionQueue &cq) {
  void *tag = nullptr;
  bool ok = false;
  cq.Next(&tag, &ok);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'grpc::CompletionQueue::Next' blocks without observing 'context': cancellation cannot interrupt it; use grpc::CompletionQueue::AsyncNext(tag, ok, deadline) [cancel-blocking-call]
  while (running) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never consults 'context': cancellation cannot end it; check 'context->IsCancelled()' in it or pass 'context' to the calls that wait in it [cancel-blocking-call]
    std::this_thread::sleep_for(100ms);
  }
  // Not flagged: the loop asks the context.
  while (!context->IsCancelled())
    std::this_thread::sleep_for(100ms);
  return grpc::Status::OK;
}

// --- asio: synchronous operations cannot observe the slot.
void read_some(asio::cancellation_slot slot, asio::ip::tcp::socket &socket,
               asio::steady_timer &timer) {
  char data[64];
  socket.read_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'asio::basic_stream_socket::read_some' blocks without observing 'slot': cancellation cannot interrupt it; use async_read_some() with bind_cancellation_slot() or cancel_after() [cancel-blocking-call]
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'asio::basic_waitable_timer::wait' blocks without observing 'slot': cancellation cannot interrupt it; use async_wait() with bind_cancellation_slot() or cancel_after() [cancel-blocking-call]
  // Not flagged: an asynchronous operation bound to the slot.
  timer.async_wait(asio::bind_cancellation_slot(slot, [](std::error_code) {}));
}

asio::awaitable<void> ticks(asio::cancellation_slot slot, asio::steady_timer &timer) {
  // Not flagged: each wait is bound to the slot.
  for (;;) {
    timer.expires_after(100ms);
    co_await timer.async_wait(asio::bind_cancellation_slot(slot, asio::use_awaitable));
  }
}

void run_io(std::stop_token st, asio::io_context &io) {
  io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'asio::io_context::run' blocks without observing 'st': cancellation cannot interrupt it; use stop() from a std::stop_callback registered on the token [cancel-blocking-call]
}

void run_io_stoppable(std::stop_token st, asio::io_context &io) {
  std::stop_callback stop(st, [&io] { io.stop(); });
  io.run(); // not flagged: the callback stops it
}

// --- Boost.Fiber: channel operations without a timeout.
void consume(std::stop_token st, boost::fibers::buffered_channel<int> &chan) {
  int value = 0;
  chan.pop(value);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::fibers::buffered_channel::pop' blocks without observing 'st': cancellation cannot interrupt it; use pop_wait_for(value, timeout) [cancel-blocking-call]
  boost::this_fiber::sleep_for(2s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::this_fiber::sleep_for' waits up to 2 s without observing 'st', longer than MaxUncheckedWait (1 s); use a channel pop_wait_for() or condition_variable wait_for() that a close() can end [cancel-blocking-call]
  // Not flagged: bounded, in a loop that checks the token.
  while (!st.stop_requested())
    if (chan.pop_wait_for(value, 100ms) == boost::fibers::channel_op_status::success)
      break;
}

// --- Abseil.
void await_ready(std::stop_token st, absl::Notification &ready) {
  ready.WaitForNotification();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'absl::Notification::WaitForNotification' blocks without observing 'st': cancellation cannot interrupt it; use absl::Notification::WaitForNotificationWithTimeout [cancel-blocking-call]
}
