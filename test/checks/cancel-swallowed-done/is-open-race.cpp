// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -DBOOST_BIND_GLOBAL_PLACEHOLDERS
//
// Boost 1.74. An accept handler that decides from acceptor_.is_open() alone
// whether to accept again is sound only where nothing closes the acceptor
// from another thread: close() then completes the queued accept with
// operation_aborted, and the handler's is_open() read races with it (the
// shape a TLS RPC server fixed by testing `ec != operation_aborted` first).
#include <boost/asio.hpp>
#include <boost/bind/bind.hpp>
#include <memory>

namespace net = boost::asio;
using net::ip::tcp;

class RpcServer {
public:
  explicit RpcServer(net::io_context &io) : acceptor_(io), socket_(io) {}

  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code ec) {
      // CHECK-NOTES: :[[@LINE-1]]:37: warning: completion handler decides from 'acceptor_.is_open()' alone to start 'async_accept' again through 'accept', but 'stop' closes 'acceptor_' outside the handler's executor: a completion aborted by that close can still see 'acceptor_' open, and the read races with the close; test the error code for operation_aborted first [cancel-swallowed-done]
      // CHECK-NOTES: :[[@LINE-2]]:5: note: the handler of this 'async_accept'
      if (acceptor_.is_open())
        // CHECK-NOTES: :[[@LINE-1]]:11: note: the only test before the next operation
        accept();
        // CHECK-NOTES: :[[@LINE-1]]:9: note: next operation started here
      (void)ec;
    });
  }

  // Public: called from the owner's thread, not from a handler.
  void stop() {
    acceptor_.close();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'acceptor_' is closed here, in a function that nothing in this file runs on the handler's executor
  }

private:
  tcp::acceptor acceptor_;
  tcp::socket socket_;
};

// A class template, with the handler bound by boost::bind.
template <typename Protocol> class Listener {
public:
  explicit Listener(net::io_context &io) : acceptor_(io), socket_(io) {}

  void start() {
    acceptor_.async_accept(
        socket_, boost::bind(&Listener::onAccept, this, net::placeholders::error));
  }
  void onAccept(const boost::system::error_code &ec) {
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: completion handler 'onAccept' decides from 'acceptor_.is_open()' alone to start 'async_accept' again through 'start', but 'shutdown' closes 'acceptor_' outside the handler's executor: a completion aborted by that close can still see 'acceptor_' open, and the read races with the close; test the error code for operation_aborted first [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the handler of this 'async_accept'
    if (!acceptor_.is_open())
      // CHECK-NOTES: :[[@LINE-1]]:10: note: the only test before the next operation
      return;
    if (ec)
      logError();
    start();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: next operation started here
  }
  void shutdown() {
    acceptor_.close();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'acceptor_' is closed here, in a function that nothing in this file runs on the handler's executor
  }
  void logError();

private:
  net::ip::tcp::acceptor acceptor_;
  net::ip::tcp::socket socket_;
};
template class Listener<tcp>;

// --- Not flagged.

// The close is posted to the acceptor's executor: it runs between
// handlers, and the aborted completion sees is_open() false.
class PostedStop {
public:
  explicit PostedStop(net::io_context &io) : acceptor_(io), socket_(io) {}
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code) {
      if (acceptor_.is_open())
        accept();
    });
  }
  void stop() {
    net::post(acceptor_.get_executor(), [this] { acceptor_.close(); });
  }

private:
  tcp::acceptor acceptor_;
  tcp::socket socket_;
};

// The close runs in a function that a handler calls.
class ClosedByHandler {
public:
  explicit ClosedByHandler(net::io_context &io)
      : acceptor_(io), socket_(io), timer_(io) {}
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code) {
      if (acceptor_.is_open())
        accept();
    });
  }
  void expireLater() {
    timer_.async_wait(boost::bind(&ClosedByHandler::onExpired, this,
                                  net::placeholders::error));
  }
  void onExpired(const boost::system::error_code &) { closeAll(); }
  void closeAll() { acceptor_.close(); }

private:
  tcp::acceptor acceptor_;
  tcp::socket socket_;
  net::steady_timer timer_;
};

// The fix: operation_aborted is tested first.
class TestsAbortedFirst {
public:
  explicit TestsAbortedFirst(net::io_context &io) : acceptor_(io), socket_(io) {}
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code ec) {
      if (ec == net::error::operation_aborted)
        return;
      if (acceptor_.is_open())
        accept();
    });
  }
  void stop() { acceptor_.close(); }

private:
  tcp::acceptor acceptor_;
  tcp::socket socket_;
};

// Nothing in this file closes the acceptor.
class NeverClosedHere {
public:
  explicit NeverClosedHere(net::io_context &io) : acceptor_(io), socket_(io) {}
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code) {
      if (acceptor_.is_open())
        accept();
    });
  }

private:
  tcp::acceptor acceptor_;
  tcp::socket socket_;
};
