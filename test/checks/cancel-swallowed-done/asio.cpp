// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// Completion handlers that start the next asynchronous operation while
// their error code may say operation_aborted, against standalone asio 1.22.
#include <asio.hpp>
#include <functional>
#include <iostream>
#include <memory>

// The tutorial's Timer.3: the error code is ignored, so cancel() never ends
// the chain.
void print(const asio::error_code & /*e*/, asio::steady_timer *t, int *count) {
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: completion handler 'print' ignores its error code and starts 'async_wait' again, so cancelling the operation does not stop the chain [cancel-swallowed-done]
  if (*count < 5) {
    ++(*count);
    t->expires_at(t->expiry() + asio::chrono::seconds(1));
    t->async_wait(std::bind(print, std::placeholders::_1, t, count));
  }
}

class Ticker {
public:
  explicit Ticker(asio::io_context &io) : timer_(io), socket_(io) {}

  // A bound member function that takes no error code at all.
  void tick() {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'tick' discards its error code and starts 'async_wait' again, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    timer_.expires_after(asio::chrono::seconds(1));
    timer_.async_wait(std::bind(&Ticker::tick, this));
  }

  // The error code is logged, then control falls through to the re-arm.
  void logged() {
    timer_.async_wait([this](const asio::error_code &ec) {
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: completion handler starts 'async_wait' again through 'logged' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
      if (ec)
        std::cerr << "timer: " << ec.message() << "\n";
      timer_.expires_after(asio::chrono::seconds(1));
      logged();
    });
  }

  // Other errors are excluded, operation_aborted is not.
  void onlyEof() {
    socket_.async_read_some(
        asio::buffer(buf_), [this](std::error_code ec, std::size_t n) {
        // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: completion handler starts 'async_read_some' again through 'onlyEof' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
          if (ec == asio::error::eof)
            return;
          consume(n);
          onlyEof();
        });
  }

  // Each read's handler is a new lambda that hands over to onRead, which
  // reads again (a chat server's session): the chain comes back to onRead.
  void firstRead() {
    socket_.async_read_some(asio::buffer(buf_),
                            [this](std::error_code ec, std::size_t n) {
                              onRead(ec, n);
                            });
  }
  void onRead(std::error_code ec, std::size_t n) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'onRead' starts 'async_read_some' again even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    if (ec)
      std::cerr << ec.message() << "\n";
    consume(n);
    socket_.async_read_some(asio::buffer(buf_),
                            [this](std::error_code ec, std::size_t n) {
                              onRead(ec, n);
                            });
  }

  // One more read whose handler ends there is not a chain.
  void drainOnce() {
    socket_.async_read_some(
        asio::buffer(buf_), [this](std::error_code ec, std::size_t n) {
          consume(n);
          socket_.async_read_some(asio::buffer(buf_),
                                  [](std::error_code, std::size_t) {});
        });
  }

  // Errors other than cancellation are logged; cancellation falls through.
  void logsOthers() {
    asio::async_read(socket_, asio::buffer(buf_),
                     [this](const asio::error_code &ec, std::size_t) {
                     // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: completion handler starts 'async_read' again through 'logsOthers' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
                       if (ec && ec != asio::error::operation_aborted)
                         std::cerr << ec.message() << "\n";
                       logsOthers();
                     });
  }

  // A generic lambda forwarding to a member function: the member is the
  // handler that decides.
  void forwarded() {
    timer_.async_wait([this](auto ec) { onTimer(ec); });
  }
  void onTimer(const asio::error_code &ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'onTimer' starts 'async_wait' again through 'forwarded' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    if (ec == asio::error::timed_out)
      return;
    forwarded();
  }

  // --- Not flagged: the handler leaves on error before re-arming.
  void returnsOnError() {
    timer_.async_wait([this](const asio::error_code &ec) {
      if (ec)
        return;
      returnsOnError();
    });
  }

  void rearmsOnSuccess() {
    socket_.async_read_some(asio::buffer(buf_),
                            [this](std::error_code ec, std::size_t n) {
                              if (!ec) {
                                consume(n);
                                rearmsOnSuccess();
                              }
                            });
  }

  void excludesAbort() {
    timer_.async_wait([this](const asio::error_code &ec) {
      if (ec == asio::error::operation_aborted)
        return;
      excludesAbort();
    });
  }

  void rearmsUnlessAborted() {
    timer_.async_wait([this](auto ec) { onTimerChecked(ec); });
  }
  void onTimerChecked(const asio::error_code &ec) {
    if (ec != asio::error::operation_aborted)
      rearmsUnlessAborted();
  }

  // Cancellation handled on purpose: reconnect after a timeout.
  void reconnects() {
    socket_.async_read_some(
        asio::buffer(buf_), [this](std::error_code ec, std::size_t) {
          if (ec == asio::error::operation_aborted) {
            socket_.async_connect(endpoint_, [](std::error_code) {});
            return;
          }
          if (!ec)
            reconnects();
        });
  }

  // The stop flag of asio's own timeout example, checked first.
  void stopFlag() {
    timer_.async_wait(std::bind(&Ticker::checkDeadline, this));
  }
  void checkDeadline() {
    if (stopped_)
      return;
    timer_.expires_after(asio::chrono::seconds(1));
    timer_.async_wait(std::bind(&Ticker::checkDeadline, this));
  }

  // The handler reads the code in a way not evaluated here: it decides.
  void switchesOnCode() {
    timer_.async_wait([this](const asio::error_code &ec) {
      switch (ec.value()) {
      case 0:
        switchesOnCode();
        break;
      default:
        break;
      }
    });
  }

  // A handler that does not start another operation.
  void once() {
    timer_.async_wait([](const asio::error_code &ec) {
      std::cout << ec.message() << "\n";
    });
  }

  // --- Suppressed.
  void suppressed() {
    timer_.async_wait([this](const asio::error_code &) { // NOLINT(cancel-swallowed-done)
      suppressed();
    });
  }

private:
  void consume(std::size_t);
  asio::steady_timer timer_;
  asio::ip::tcp::socket socket_;
  asio::ip::tcp::endpoint endpoint_;
  char buf_[512];
  bool stopped_ = false;
};

// asio's echo server accepts again whatever the outcome: closing the
// acceptor never ends this chain.
class Server {
public:
  explicit Server(asio::io_context &io) : acceptor_(io) {}
  void doAccept() {
    acceptor_.async_accept([this](std::error_code ec, asio::ip::tcp::socket s) {
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: completion handler starts 'async_accept' again through 'doAccept' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
      if (!ec)
        serve(std::move(s));
      doAccept();
    });
  }
  void doAcceptChecked() {
    acceptor_.async_accept([this](std::error_code ec, asio::ip::tcp::socket s) {
      if (ec)
        return;
      serve(std::move(s));
      doAcceptChecked();
    });
  }

private:
  void serve(asio::ip::tcp::socket);
  asio::ip::tcp::acceptor acceptor_;
};

// Member handlers named before their out-of-line definitions: the error
// code the body reads is the definition's parameter.
class Listener {
public:
  explicit Listener(asio::io_context &io) : acceptor_(io) {}
  void run();
  void runUnchecked();

private:
  void onAccept(std::error_code ec, asio::ip::tcp::socket s);
  void onAcceptUnchecked(std::error_code ec, asio::ip::tcp::socket s);
  asio::ip::tcp::acceptor acceptor_;
};

void Listener::run() {
  acceptor_.async_accept(std::bind_front(&Listener::onAccept, this));
}
void Listener::runUnchecked() {
  acceptor_.async_accept(std::bind_front(&Listener::onAcceptUnchecked, this));
}
void Listener::onAccept(std::error_code ec, asio::ip::tcp::socket s) {
  if (ec)
    return;
  run();
}
void Listener::onAcceptUnchecked(std::error_code ec, asio::ip::tcp::socket s) {
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: completion handler 'onAcceptUnchecked' starts 'async_accept' again through 'runUnchecked' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
  if (!ec)
    s.close();
  runUnchecked();
}

// The function the handler calls tests a stop flag before it accepts again
// (Crow's server): stopping sets the flag and closes the acceptor.
class FlaggedServer {
public:
  explicit FlaggedServer(asio::io_context &io) : acceptor_(io) {}
  void doAccept() {
    if (!shuttingDown_)
      acceptor_.async_accept(
          [this](std::error_code ec, asio::ip::tcp::socket s) {
            if (!ec)
              s.close();
            doAccept();
          });
  }
  void doAcceptUnflagged() {
    if (accepted_ > 1000)
      std::cout << "busy\n";
    acceptor_.async_accept(
        [this](std::error_code ec, asio::ip::tcp::socket s) {
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: completion handler starts 'async_accept' again through 'doAcceptUnflagged' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
          if (!ec)
            s.close();
          doAcceptUnflagged();
        });
  }
  // A null test of a pointer is no stop flag (Beast's http_crawl).
  void doAcceptNullTested(const char *host) {
    if (!host)
      return;
    acceptor_.async_accept(
        [this, host](std::error_code ec, asio::ip::tcp::socket s) {
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: completion handler starts 'async_accept' again through 'doAcceptNullTested' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
          if (!ec)
            s.close();
          doAcceptNullTested(host);
        });
  }
  void stop() {
    shuttingDown_ = true;
    acceptor_.close();
  }

private:
  asio::ip::tcp::acceptor acceptor_;
  bool shuttingDown_ = false;
  int accepted_ = 0;
};

// --- A chain through other operations: each resolve leads to a connect,
// whose handler resolves the next host (Beast's http_crawl).
class Crawler {
public:
  explicit Crawler(asio::io_context &io) : resolver_(io), socket_(io) {}
  void next() {
    resolver_.async_resolve("example.com", "80",
                            std::bind(&Crawler::onResolve, this,
                                      std::placeholders::_1,
                                      std::placeholders::_2));
  }
  void onResolve(std::error_code ec, asio::ip::tcp::resolver::results_type results) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'onResolve' starts 'async_connect', which leads back to 'async_resolve' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    if (ec)
      std::cerr << ec.message() << "\n";
    asio::async_connect(socket_, results,
                        [this](std::error_code, const asio::ip::tcp::endpoint &) {
                        // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: completion handler ignores its error code and starts 'async_resolve' through 'next', which leads back to 'async_connect', so cancelling the operation does not stop the chain [cancel-swallowed-done]
                          next();
                        });
  }

  // --- A final error reply, then teardown: no chain to stop.
  void onRead(std::error_code ec, std::size_t) {
    if (ec) {
      asio::async_write(socket_, asio::buffer(reply_),
                        [this](std::error_code, std::size_t) { socket_.close(); });
      return;
    }
  }

  // The same through helpers, after a write of its own: the error page's
  // write is another operation, whose handler tears down (a proxy's
  // "send request upstream, else reply 500").
  void sendRequest() {
    asio::async_write(socket_, asio::buffer(reply_),
                      [this](std::error_code ec, std::size_t) {
                        if (ec)
                          proxyError(ec.message());
                        else
                          handover();
                      });
  }
  void proxyError(const std::string &what) { sendErrorPage(what); }
  void sendErrorPage(const std::string &what) {
    asio::async_write(socket_, asio::buffer(reply_),
                      std::bind(&Crawler::onErrorPageSent, this,
                                std::placeholders::_1));
  }
  void onErrorPageSent(std::error_code) { teardown(); }
  void handover();
  void teardown();

private:
  asio::ip::tcp::resolver resolver_;
  asio::ip::tcp::socket socket_;
  std::string reply_ = "HTTP/1.1 500 Internal Server Error\r\n\r\n";
};
