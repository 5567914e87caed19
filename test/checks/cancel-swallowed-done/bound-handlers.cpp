// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -DBOOST_BIND_GLOBAL_PLACEHOLDERS
//
// The error code is the parameter the bind puts it in: the one bound to the
// first placeholder (std::placeholders::_1, boost::asio::placeholders::error),
// not the first parameter. Only the function the operation completes into
// is the handler; a lambda bound as an argument is a value. Against real
// Boost.Asio 1.74 headers, with boost::bind and std::bind. Shapes from real
// fixed bugs (an accept loop bound as HandleAccept(conn, error)), written
// for this project.
#include <boost/asio.hpp>
#include <boost/bind/bind.hpp>
#include <functional>

using boost::asio::ip::tcp;

struct Connection {
  explicit Connection(boost::asio::io_context &io) : socket(io) {}
  tcp::socket socket;
};

class Server {
public:
  explicit Server(boost::asio::io_context &io) : io_(io), acceptor_(io) {}

  void start() {
    auto *conn = new Connection(io_);
    acceptor_.async_accept(conn->socket,
                           boost::bind(&Server::handleAccept, this, conn,
                                       boost::asio::placeholders::error));
  }
  void stop() { acceptor_.close(); }

  // The error code is the second parameter.
  void handleAccept(Connection *conn, const boost::system::error_code &error) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'handleAccept' starts 'async_accept' again even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    if (error)
      delete conn;
    conn = new Connection(io_);
    acceptor_.async_accept(conn->socket,
                           boost::bind(&Server::handleAccept, this, conn,
                                       boost::asio::placeholders::error));
  }

  // The same with std::bind and _1 in the middle.
  void startTimer() {
    timer_ = std::make_unique<boost::asio::steady_timer>(io_);
    timer_->expires_after(std::chrono::seconds(1));
    timer_->async_wait(std::bind(&Server::onTimer, this, 7, std::placeholders::_1));
  }
  void onTimer(int id, const boost::system::error_code &ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'onTimer' ignores its error code and starts 'async_wait' again, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    timer_->expires_after(std::chrono::seconds(id));
    timer_->async_wait(std::bind(&Server::onTimer, this, id, std::placeholders::_1));
  }

  // === Not reported.

  // The correct fix: the aborted completion is recognised first.
  void handleAcceptFixed(Connection *conn, const boost::system::error_code &error) {
    if (error == boost::asio::error::operation_aborted)
      return;
    if (error)
      delete conn;
    conn = new Connection(io_);
    acceptor_.async_accept(conn->socket,
                           boost::bind(&Server::handleAcceptFixed, this, conn,
                                       boost::asio::placeholders::error));
  }

  // A class-type first parameter is not the error code: the bound state
  // comes first, and the handler tests the real one.
  struct State {
    int attempts = 0;
  };
  void startWithState(State state) {
    timer_->async_wait(std::bind(&Server::onState, this, state, std::placeholders::_1));
  }
  void onState(State state, const boost::system::error_code &ec) {
    if (ec)
      return;
    ++state.attempts;
    startWithState(state);
  }

  // A lambda bound as an argument receives an endpoint, not the error code:
  // only the function the operation completes into is its handler.
  void resolve(tcp::resolver &resolver) {
    resolver.async_resolve(
        "localhost", "80",
        std::bind(&Server::onResolved, this, std::placeholders::_1,
                  std::placeholders::_2, [this](const tcp::endpoint &) {
                    timer_->async_wait([](const boost::system::error_code &) {});
                  }));
  }
  void onResolved(const boost::system::error_code &ec,
                  const tcp::resolver::results_type &,
                  const std::function<void(const tcp::endpoint &)> &then) {
    if (!ec)
      then(tcp::endpoint());
  }

private:
  boost::asio::io_context &io_;
  tcp::acceptor acceptor_;
  std::unique_ptr<boost::asio::steady_timer> timer_;
};

// The same rule in a class template.
template <class Tag> class Acceptor {
public:
  explicit Acceptor(boost::asio::io_context &io) : io_(io), acceptor_(io) {}
  void start() {
    auto *conn = new Connection(io_);
    acceptor_.async_accept(conn->socket,
                           std::bind(&Acceptor::onAccept, this, conn,
                                     std::placeholders::_1));
  }
  void onAccept(Connection *conn, const boost::system::error_code &error) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'onAccept' starts 'async_accept' again through 'start' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    if (error)
      delete conn;
    start();
    // The re-arm goes through start(): reported at the handler.
  }

private:
  boost::asio::io_context &io_;
  tcp::acceptor acceptor_;
};
template class Acceptor<int>;
