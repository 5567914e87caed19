// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// Boost 1.74. A handler that re-arms behind a member test is guarded by it
// only as far as the writes to that member allow. A timer class whose
// cancel() empties callback_ and whose start() fills it again gets two
// chains when start() runs before the aborted completion (the shape a
// robotics library fixed by testing `ec != operation_aborted` first). A
// member that only constructors set is a setting, and a callable tested
// for emptiness then is a null test: neither stops the chain.
#include <boost/asio.hpp>
#include <atomic>
#include <functional>

namespace net = boost::asio;
using net::ip::tcp;
using Callback = std::function<void(const boost::system::error_code &)>;

class RepeatingTimer {
public:
  explicit RepeatingTimer(net::io_context &io) : io_(io), timer_(io) {}

  void start(std::chrono::milliseconds period, Callback callback) {
    period_ = period;
    callback_ = callback;
    startInternal();
  }
  void cancel() {
    callback_ = {};
    timer_.cancel();
  }

private:
  void startInternal() {
    timer_.expires_after(period_);
    timer_.async_wait(std::bind(&RepeatingTimer::handleTimer, this,
                                std::placeholders::_1));
  }
  void handleTimer(const boost::system::error_code &ec) {
    if (!callback_)
      return;
    startInternal();
    net::post(io_, std::bind(callback_, ec));
  }
  // CHECK-NOTES: :[[@LINE-6]]:8: warning: completion handler 'handleTimer' is guarded only by 'callback_', which 'start' sets again after 'cancel' resets it: a completion aborted by 'cancel' that runs after 'start' starts 'async_wait' again through 'startInternal', and two chains run; test the error code for operation_aborted first [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-10]]:5: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE-7]]:9: note: the only test before the next operation
  // CHECK-NOTES: :[[@LINE-6]]:5: note: next operation started here
  // CHECK-NOTES: :[[@LINE-20]]:5: note: 'callback_' is reset here
  // CHECK-NOTES: :[[@LINE-25]]:5: note: and set again here, in a function that starts the chain

  net::io_context &io_;
  net::steady_timer timer_;
  std::chrono::milliseconds period_{};
  Callback callback_;
};

// The fix: the aborted completion leaves before anything else.
class FixedRepeatingTimer {
public:
  explicit FixedRepeatingTimer(net::io_context &io) : io_(io), timer_(io) {}

  void start(std::chrono::milliseconds period, Callback callback) {
    period_ = period;
    callback_ = callback;
    startInternal();
  }
  void cancel() {
    callback_ = {};
    timer_.cancel();
  }

private:
  void startInternal() {
    timer_.expires_after(period_);
    timer_.async_wait(std::bind(&FixedRepeatingTimer::handleTimer, this,
                                std::placeholders::_1));
  }
  void handleTimer(const boost::system::error_code &ec) {
    if (!callback_)
      return;
    if (ec != net::error::operation_aborted)
      startInternal();
    net::post(io_, std::bind(callback_, ec));
  }

  net::io_context &io_;
  net::steady_timer timer_;
  std::chrono::milliseconds period_{};
  Callback callback_;
};

// A bool flag that stop() clears and start() sets again: the same race.
class Listener {
public:
  explicit Listener(net::io_context &io) : acceptor_(io), socket_(io) {}

  void start() {
    running_ = true;
    accept();
  }
  void stop() {
    running_ = false;
    acceptor_.close();
  }

private:
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code ec) {
      if (!running_)
        return;
      if (!ec)
        socket_.close();
      accept();
    });
    // CHECK-NOTES: :[[@LINE-7]]:37: warning: completion handler is guarded only by 'running_', which 'start' sets again after 'stop' resets it: a completion aborted by 'stop' that runs after 'start' starts 'async_accept' again through 'accept', and two chains run; test the error code for operation_aborted first [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-8]]:5: note: the handler of this 'async_accept'
    // CHECK-NOTES: :[[@LINE-8]]:11: note: the only test before the next operation
    // CHECK-NOTES: :[[@LINE-5]]:7: note: next operation started here
    // CHECK-NOTES: :[[@LINE-17]]:5: note: 'running_' is reset here
    // CHECK-NOTES: :[[@LINE-22]]:5: note: and set again here, in a function that starts the chain
  }

  tcp::acceptor acceptor_;
  tcp::socket socket_;
  std::atomic<bool> running_{false};
};

// Nothing sets the flag again: stop() ends the chain for good.
class OneShotListener {
public:
  explicit OneShotListener(net::io_context &io) : acceptor_(io), socket_(io) {
    accept();
  }
  void stop() {
    stopping_ = true;
    acceptor_.close();
  }

private:
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code ec) {
      if (stopping_)
        return;
      if (!ec)
        socket_.close();
      accept();
    });
  }

  tcp::acceptor acceptor_;
  tcp::socket socket_;
  bool stopping_ = false;
};

// Only the constructor sets these: a setting and a null test.
class Ticker {
public:
  Ticker(net::io_context &io, Callback onTick, bool enabled)
      : timer_(io), onTick_(std::move(onTick)), enabled_(enabled) {}

  void start() { arm(); }
  void cancel() { timer_.cancel(); }

private:
  void arm() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([this](boost::system::error_code ec) {
      if (!onTick_)
        return;
      onTick_(ec);
      arm();
    });
    // CHECK-NOTES: :[[@LINE-6]]:23: warning: completion handler starts 'async_wait' again through 'arm' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-7]]:5: note: the handler of this 'async_wait'
    // CHECK-NOTES: :[[@LINE-7]]:11: note: 'onTick_' is tested here, but only constructors set it: it does not stop the chain
    // CHECK-NOTES: :[[@LINE-5]]:7: note: next operation started here
  }
  void armEnabled() {
    timer_.async_wait(std::bind(&Ticker::onEnabled, this,
                                std::placeholders::_1));
  }
  void onEnabled(boost::system::error_code ec) {
    if (!enabled_)
      return;
    armEnabled();
  }
  // CHECK-NOTES: :[[@LINE-5]]:8: warning: completion handler 'onEnabled' ignores its error code and starts 'async_wait' again through 'armEnabled', so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-9]]:5: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE-6]]:9: note: 'enabled_' is tested here, but only constructors set it: it does not stop the chain
  // CHECK-NOTES: :[[@LINE-5]]:5: note: next operation started here

  net::steady_timer timer_;
  Callback onTick_;
  bool enabled_;
};

// The same timer as a class template: reported once, at the template.
template <class Clock> class BasicRepeatingTimer {
public:
  explicit BasicRepeatingTimer(net::io_context &io) : timer_(io) {}

  void start(Callback callback) {
    callback_ = callback;
    startInternal();
  }
  void cancel() {
    callback_ = nullptr;
    timer_.cancel();
  }

private:
  void startInternal() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([this](const boost::system::error_code &ec) {
      if (!callback_)
        return;
      startInternal();
      callback_(ec);
    });
    // CHECK-NOTES: :[[@LINE-6]]:23: warning: completion handler is guarded only by 'callback_', which 'start' sets again after 'cancel' resets it: a completion aborted by 'cancel' that runs after 'start' starts 'async_wait' again through 'startInternal', and two chains run; test the error code for operation_aborted first [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-7]]:5: note: the handler of this 'async_wait'
    // CHECK-NOTES: :[[@LINE-7]]:11: note: the only test before the next operation
    // CHECK-NOTES: :[[@LINE-6]]:7: note: next operation started here
    // CHECK-NOTES: :[[@LINE-17]]:5: note: 'callback_' is reset here
    // CHECK-NOTES: :[[@LINE-22]]:5: note: and set again here, in a function that starts the chain
  }

  net::basic_waitable_timer<Clock> timer_;
  Callback callback_;
};

template class BasicRepeatingTimer<std::chrono::steady_clock>;
template class BasicRepeatingTimer<std::chrono::system_clock>;

// The fix, as a class template: not reported.
template <class Clock> class FixedBasicRepeatingTimer {
public:
  explicit FixedBasicRepeatingTimer(net::io_context &io) : timer_(io) {}

  void start(Callback callback) {
    callback_ = callback;
    startInternal();
  }
  void cancel() {
    callback_ = nullptr;
    timer_.cancel();
  }

private:
  void startInternal() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([this](const boost::system::error_code &ec) {
      if (ec == net::error::operation_aborted || !callback_)
        return;
      startInternal();
      callback_(ec);
    });
  }

  net::basic_waitable_timer<Clock> timer_;
  Callback callback_;
};

template class FixedBasicRepeatingTimer<std::chrono::steady_clock>;
