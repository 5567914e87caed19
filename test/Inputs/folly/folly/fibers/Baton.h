// Test stub of <folly/fibers/Baton.h>: folly::fibers::Baton with folly's
// names and signatures, and the free operator co_await folly declares for it
// (detail::BatonAwaitableWaiter), which ignores the awaiting coroutine's
// token. Fibers, timeouts and futexes are left out. Tests only compile
// against it; nothing here links or runs.
#pragma once

#include <chrono>
#include <coroutine>

namespace folly {
namespace fibers {

class Baton {
public:
  class Waiter {
  public:
    virtual void post() = 0;
    virtual ~Waiter() {}
  };

  Baton() noexcept;
  ~Baton() noexcept = default;

  bool ready() const;
  void setWaiter(Waiter &waiter);

  // Puts the active fiber to sleep, or the thread when there is none.
  void wait();
  template <typename Rep, typename Period>
  bool try_wait_for(const std::chrono::duration<Rep, Period> &timeout);

  void post();
  void reset();
};

namespace detail {
class BatonAwaitableWaiter : public Baton::Waiter {
public:
  explicit BatonAwaitableWaiter(Baton &baton) : baton_(baton) {}
  void post() override { h_(); }
  bool await_ready() const noexcept { return baton_.ready(); }
  void await_resume() {}
  void await_suspend(std::coroutine_handle<> h) {
    h_ = h;
    baton_.setWaiter(*this);
  }

private:
  std::coroutine_handle<> h_;
  Baton &baton_;
};
} // namespace detail

inline detail::BatonAwaitableWaiter /* implicit */ operator co_await(
    Baton &baton) {
  return detail::BatonAwaitableWaiter(baton);
}

} // namespace fibers
} // namespace folly
