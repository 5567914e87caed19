// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// Boost 1.74. Handlers armed through the code base's own wrapper, a
// function that returns a lambda calling its member-pointer argument. The
// function named in the wrapper's arguments is the handler; when the
// wrapper's lambda calls it only on success, no cancelled completion
// reaches it.
#include <boost/asio.hpp>

namespace net = boost::asio;
using boost::system::error_code;

// Forwards the error code: onTick receives operation_aborted.
template <class C, class... A>
auto forward(C *c, void (C::*f)(const error_code &, A...), A... a) {
  return [c, f, a...](const error_code &ec) { (c->*f)(ec, a...); };
}

// Calls the wrapped function only when the operation succeeded.
template <class C> auto onSuccess(C *c, void (C::*f)()) {
  return [c, f](const error_code &ec) {
    if (ec)
      return;
    (c->*f)();
  };
}

// The same with a generic lambda and a callable.
template <class F> auto whenOk(F f) {
  return [f](auto ec) {
    if (!ec)
      f();
  };
}

class Ticker {
public:
  explicit Ticker(net::io_context &io) : timer_(io) {}
  void stop() { timer_.cancel(); }

  void arm() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait(forward(this, &Ticker::onTick, 3));
  }
  void onTick(const error_code &ec, int n) {
    arm();
  }
  // CHECK-NOTES: :[[@LINE-3]]:8: warning: completion handler 'onTick' ignores its error code and starts 'async_wait' again through 'arm', so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-6]]:5: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE-4]]:5: note: next operation started here

  void armOnSuccess() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait(onSuccess(this, &Ticker::onSuccessTick));
  }
  void onSuccessTick() { armOnSuccess(); }

  void armWhenOk() {
    timer_.async_wait(whenOk([this] { armWhenOk(); }));
  }

private:
  net::steady_timer timer_;
};

// A class template: the same two.
template <class Tag> class BasicTicker {
public:
  explicit BasicTicker(net::io_context &io) : timer_(io) {}
  void stop() { timer_.cancel(); }

  void arm() {
    timer_.async_wait(forward(this, &BasicTicker::onTick, 3));
  }
  void onTick(const error_code &ec, int n) {
    arm();
  }
  // CHECK-NOTES: :[[@LINE-3]]:8: warning: completion handler 'onTick' ignores its error code and starts 'async_wait' again through 'arm', so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-6]]:5: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE-4]]:5: note: next operation started here

  void armOnSuccess() {
    timer_.async_wait(onSuccess(this, &BasicTicker::onSuccessTick));
  }
  void onSuccessTick() { armOnSuccess(); }

private:
  net::steady_timer timer_;
};
template class BasicTicker<int>;
template class BasicTicker<long>;
