// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// The expired-timer trap (real /usr/include/asio): cancel() and close()
// abort only operations still pending. A completion already queued with
// success runs afterwards; a handler that captured raw `this` and trusts
// its error code alone then works on a cancelled, or destroyed, object.
#include <asio.hpp>
#include <chrono>
#include <memory>

class Heartbeat {
public:
  explicit Heartbeat(asio::io_context &io) : timer_(io) {}
  ~Heartbeat() { timer_.cancel(); }

  void start() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([this](std::error_code ec) {
      if (ec == asio::error::operation_aborted)
        return;
      beat();
      start();
    });
  }
  // CHECK-NOTES: :[[@LINE-7]]:23: warning: completion handler captures raw 'this' and trusts its error code alone: '~Heartbeat' cancels 'timer_', but a completion already queued with success is not cancelled and can run after that, on a destroyed object; test a flag that '~Heartbeat' sets, or capture shared_from_this() [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-8]]:5: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE-13]]:18: note: 'timer_' is cancelled here; a completion already queued is not

private:
  void beat();
  asio::steady_timer timer_;
};

template <typename Clock> class Poller {
public:
  explicit Poller(asio::io_context &io) : socket_(io) {}
  void read() {
    socket_.async_read_some(asio::buffer(buf_),
                            [this](std::error_code ec, std::size_t) {
                              if (ec)
                                return;
                              read();
                            });
  }
  // CHECK-NOTES: :[[@LINE-6]]:29: warning: completion handler captures raw 'this' and trusts its error code alone: 'stop' closes 'socket_', but a completion already queued with success is not cancelled and can run after that, on a cancelled object; test a flag that 'stop' sets, or capture shared_from_this() [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-8]]:5: note: the handler of this 'async_read_some'
  // CHECK-NOTES: :[[@LINE+2]]:5: note: 'socket_' is closed here; a completion already queued is not
  void stop() {
    socket_.close();
  }

private:
  asio::ip::tcp::socket socket_;
  char buf_[64];
};
template class Poller<std::chrono::steady_clock>;

// --- Not flagged.

// The canceller sets a flag the handler tests.
class Flagged {
public:
  explicit Flagged(asio::io_context &io) : timer_(io) {}
  void start() {
    timer_.async_wait([this](std::error_code ec) {
      if (stopped_ || ec)
        return;
      start();
    });
  }
  void stop() {
    stopped_ = true;
    timer_.cancel();
  }

private:
  bool stopped_ = false;
  asio::steady_timer timer_;
};

// The handler keeps its object alive.
class Shared : public std::enable_shared_from_this<Shared> {
public:
  explicit Shared(asio::io_context &io) : timer_(io) {}
  void start() {
    timer_.async_wait([self = shared_from_this()](std::error_code ec) {
      if (ec)
        return;
      self->start();
    });
  }
  void stop() { timer_.cancel(); }

private:
  asio::steady_timer timer_;
};

// Nothing cancels the timer.
class NeverCancelled {
public:
  explicit NeverCancelled(asio::io_context &io) : timer_(io) {}
  void start() {
    timer_.async_wait([this](std::error_code ec) {
      if (ec)
        return;
      start();
    });
  }

private:
  asio::steady_timer timer_;
};

// stop() sets a flag the handler never tests (a client whose shutdown
// stalled: the read completed with success after close() and went on).
class Client {
public:
  explicit Client(asio::io_context &io) : socket_(io) {}
  void read() {
    socket_.async_read_some(asio::buffer(buf_), [this](std::error_code ec, std::size_t) {
      if (ec)
        return;
      read();
    });
  }
  // CHECK-NOTES: :[[@LINE-6]]:49: warning: completion handler captures raw 'this' and trusts its error code alone: 'stop' closes 'socket_', but a completion already queued with success is not cancelled and can run after that, on a cancelled object; test the flag 'stop' sets, or capture shared_from_this() [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-7]]:5: note: the handler of this 'async_read_some'
  // CHECK-NOTES: :[[@LINE+3]]:5: note: 'socket_' is closed here; a completion already queued is not
  void stop() {
    closing_ = true;
    socket_.close();
  }

private:
  bool closing_ = false;
  asio::ip::tcp::socket socket_;
  char buf_[64];
};

// shutdown() stops the event loop after the cancel: run() returns, and a
// queued completion never runs.
class StopsTheLoop {
public:
  explicit StopsTheLoop(asio::io_context &io) : io_(io), timer_(io) {}
  void start() {
    timer_.async_wait([this](std::error_code ec) {
      if (ec)
        return;
      start();
    });
  }
  void shutdown() {
    timer_.cancel();
    io_.stop();
  }

private:
  asio::io_context &io_;
  asio::steady_timer timer_;
};
