// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// Boost 1.74: Boost.Asio completion handlers (boost::system::error_code)
// and Boost.Fiber channel statuses in drain loops.
#include <boost/asio.hpp>
#include <boost/bind/bind.hpp>
#include <boost/fiber/all.hpp>
#include <chrono>
#include <iostream>

namespace net = boost::asio;

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(net::io_context &io) : socket_(io), timer_(io) {}

  void read() {
    socket_.async_read_some(
        net::buffer(buf_), [self = shared_from_this()](
                               boost::system::error_code ec, std::size_t n) {
        // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: completion handler starts 'async_read_some' again through 'read' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
          if (ec)
            std::cerr << "read: " << ec.message() << "\n";
          self->read();
        });
  }

  void readChecked() {
    socket_.async_read_some(
        net::buffer(buf_), [self = shared_from_this()](
                               boost::system::error_code ec, std::size_t) {
          if (ec.failed()) // looked at in a way the check leaves to the code
            return;
          self->readChecked();
        });
  }

  // boost::bind with a placeholder, as in the Boost tutorials.
  void wait() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait(
        boost::bind(&Session::onWait, this, net::placeholders::error));
  }
  void onWait(const boost::system::error_code &ec) {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: completion handler 'onWait' starts 'async_wait' again through 'wait' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    if (ec == net::error::eof)
      return;
    wait();
  }

  void waitChecked() {
    timer_.async_wait(
        boost::bind(&Session::onWaitChecked, this, net::placeholders::error));
  }
  void onWaitChecked(const boost::system::error_code &ec) {
    if (ec == net::error::operation_aborted)
      return;
    waitChecked();
  }

  // The socket closed by cancellation is noticed through is_open().
  void writeLoop() {
    net::async_write(socket_, net::buffer(buf_),
                     [this](const boost::system::error_code &, std::size_t) {
                       if (!socket_.is_open())
                         return;
                       writeLoop();
                     });
  }

private:
  net::ip::tcp::socket socket_;
  net::steady_timer timer_;
  char buf_[256];
};

// --- Boost.Fiber: `closed` is the channel's done value.
void drain(boost::fibers::buffered_channel<int> &ch) {
  int v;
  for (;;) {
    switch (ch.pop_wait_for(v, std::chrono::milliseconds(10))) {
    case boost::fibers::channel_op_status::success:
      std::cout << v << "\n";
      break;
    case boost::fibers::channel_op_status::timeout:
      continue;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done value 'boost::fibers::channel_op_status::closed' falls into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      break;
    }
  }
}

void drainUntilClosed(boost::fibers::buffered_channel<int> &ch) {
  int v;
  for (;;) {
    switch (ch.pop_wait_for(v, std::chrono::milliseconds(10))) {
    case boost::fibers::channel_op_status::success:
      std::cout << v << "\n";
      break;
    case boost::fibers::channel_op_status::closed:
      return;
    default:
      continue;
    }
  }
}

// The documented idiom.
void drainIdiom(boost::fibers::unbuffered_channel<int> &ch) {
  int v;
  while (boost::fibers::channel_op_status::success == ch.pop(v))
    std::cout << v << "\n";
}

void pushUnlessClosed(boost::fibers::buffered_channel<int> &ch) {
  for (int i = 0;; ++i) {
    if (ch.push(i) == boost::fibers::channel_op_status::success) {
      continue;
    } else if (ch.push(i) == boost::fibers::channel_op_status::full) {
      boost::this_fiber::yield();
    } else {
      break;
    }
  }
}
