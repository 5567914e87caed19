// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -DBOOST_BIND_GLOBAL_PLACEHOLDERS
//
// Boost 1.74. A one-shot timer allocated per message, held only by its
// handler and deleted by it, cannot be cancelled: nothing else can reach
// it, so it never completes with operation_aborted, and the next operation
// its handler starts is the deferred work the timer exists for (the shape
// of a router's resend timer). Once the timer is kept where a canceller
// can reach it, the handler is a chain that cancelling does not stop.
#include <boost/asio.hpp>
#include <boost/bind/bind.hpp>
#include <memory>
#include <vector>

namespace net = boost::asio;
using Timer = net::steady_timer;

struct Message {};

class Transports {
public:
  explicit Transports(net::io_context &io) : io_(io) {}

  void postMessage(Message *msg) {
    if (send(msg))
      return;
    auto resendTimer = new Timer(io_);
    resendTimer->expires_after(std::chrono::seconds(5));
    resendTimer->async_wait(boost::bind(&Transports::handleResendTimer, this,
                                        net::placeholders::error, resendTimer,
                                        msg));
  }

  void handleResendTimer(const boost::system::error_code &ec, Timer *timer,
                         Message *msg) {
    postMessage(msg);
    delete timer;
  }

  // The same with a shared timer captured by a lambda.
  void postLater(Message *msg) {
    auto timer = std::make_shared<Timer>(io_);
    timer->expires_after(std::chrono::seconds(5));
    timer->async_wait([this, timer, msg](const boost::system::error_code &) {
      postLater(msg);
    });
  }

  bool send(Message *msg);

private:
  net::io_context &io_;
};

// Kept in a member that stop() cancels: reported.
class TrackedTransports {
public:
  explicit TrackedTransports(net::io_context &io) : io_(io) {}

  void postMessage(Message *msg) {
    auto timer = std::make_shared<Timer>(io_);
    timers_.push_back(timer);
    timer->expires_after(std::chrono::seconds(5));
    timer->async_wait([this, msg](const boost::system::error_code &) {
      postMessage(msg);
    });
    // CHECK-NOTES: :[[@LINE-3]]:23: warning: completion handler ignores its error code and starts 'async_wait' again through 'postMessage', so cancelling the operation does not stop the chain [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: the handler of this 'async_wait'
    // CHECK-NOTES: :[[@LINE-4]]:7: note: next operation started here
  }
  void stop() {
    for (auto &t : timers_)
      t->cancel();
  }

private:
  net::io_context &io_;
  std::vector<std::shared_ptr<Timer>> timers_;
};

// Cancelled where it was made: reported.
void cancelledHere(net::io_context &io, bool abandon) {
  auto *timer = new Timer(io);
  timer->async_wait([&io, abandon](const boost::system::error_code &) {
    cancelledHere(io, abandon);
  });
  // CHECK-NOTES: :[[@LINE-3]]:21: warning: completion handler ignores its error code and starts 'async_wait' again through 'cancelledHere', so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE-4]]:5: note: next operation started here
  if (abandon)
    timer->cancel();
}

// A function template: quiet as in a plain function.
template <class Msg> void postLaterT(net::io_context &io, Msg *msg) {
  auto timer = std::make_shared<Timer>(io);
  timer->expires_after(std::chrono::seconds(5));
  timer->async_wait([&io, timer, msg](const boost::system::error_code &) {
    postLaterT(io, msg);
  });
}
template void postLaterT(net::io_context &, Message *);
