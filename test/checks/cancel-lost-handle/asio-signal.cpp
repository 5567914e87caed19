// asio 1.22 enables co_await for clang only with <experimental/coroutine>;
// the two macros select the standard coroutines instead.
// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// asio::cancellation_signal (the real /usr/include/asio) whose slot is bound
// to an asynchronous operation, and registrations of the folly stub alongside.
#include <asio.hpp>

void onTimer(std::error_code);

// "Destruction of the signal invalidates the slot": the pending wait can
// never be cancelled, and its handler slot dangles.
void startWait(asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: cancellation source 'signal' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:20: note: the token of 'signal' is handed to work that keeps running after this statement
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), onTimer));
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'signal' is destroyed here without a cancel request

void postWithSlot(asio::io_context &io) {
  asio::cancellation_signal signal;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: cancellation source 'signal' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:3: note: the token of 'signal' is handed to work that keeps running after this statement
  asio::post(io, [slot = signal.slot()]() mutable { slot.clear(); });
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'signal' is destroyed here without a cancel request

// --- Not flagged.
void emitted(asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), onTimer));
  signal.emit(asio::cancellation_type::terminal);
}

asio::awaitable<void> awaited(asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  // co_await: the wait finishes before the signal goes away.
  co_await timer.async_wait(
      asio::bind_cancellation_slot(signal.slot(), asio::use_awaitable));
}

asio::awaitable<void> notAwaited(asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: cancellation source 'signal' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:20: note: the token of 'signal' is handed to work that keeps running after this statement
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), asio::detached));
  co_return;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'signal' is destroyed here without a cancel request
}

struct Connection {
  asio::steady_timer timer_;
  asio::cancellation_signal cancel_; // kept next to the operation it cancels
  void start() {
    timer_.async_wait(asio::bind_cancellation_slot(cancel_.slot(), onTimer));
  }
  void stop() { cancel_.emit(asio::cancellation_type::all); }
};

void synchronousSlot() {
  asio::cancellation_signal signal;
  asio::cancellation_slot slot = signal.slot();
  (void)slot.is_connected(); // used here only
}

// --- Work drained by running the event loop: run() returns only when the
// wait has completed, so the signal outlives it.
void drained(asio::io_context &io, asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), onTimer));
  io.run();
}

template <int Attempts>
void drainedInTemplate(asio::io_context &io, asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), onTimer));
  io.run();
}
template void drainedInTemplate<1>(asio::io_context &, asio::steady_timer &);

// The loop runs on one path only.
void drainedSometimes(asio::io_context &io, asio::steady_timer &timer, bool wait) {
  asio::cancellation_signal signal;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: cancellation source 'signal' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:20: note: the token of 'signal' is handed to work that keeps running after this statement
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), onTimer));
  if (wait)
    io.run();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'signal' is destroyed here without a cancel request

// run_for() returns when the time is up, whether the wait completed or not.
template <int Attempts>
void runForAWhile(asio::io_context &io, asio::steady_timer &timer) {
  asio::cancellation_signal signal;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: cancellation source 'signal' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:20: note: the token of 'signal' is handed to work that keeps running after this statement
  timer.async_wait(asio::bind_cancellation_slot(signal.slot(), onTimer));
  io.run_for(std::chrono::milliseconds(10));
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'signal' is destroyed here without a cancel request
template void runForAWhile<1>(asio::io_context &, asio::steady_timer &);
