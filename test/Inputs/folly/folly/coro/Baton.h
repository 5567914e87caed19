// Test stub of <folly/coro/Baton.h>: folly::coro::Baton with folly's names
// and signatures. As folly says of it: "As a primitive, this is not
// cancellation-aware": `co_await baton` suspends until post(), whatever the
// awaiting coroutine's token says. Tests only compile against it; nothing
// here links or runs.
#pragma once

#include <atomic>
#include <coroutine>

namespace folly {
namespace coro {

class Baton {
public:
  class WaitOperation;

  explicit Baton(bool initiallySignalled = false) noexcept
      : state_(initiallySignalled ? static_cast<void *>(this) : nullptr) {}
  ~Baton();

  bool ready() const noexcept;

  // Asynchronously wait for the Baton to enter the signalled state.
  [[nodiscard]] WaitOperation operator co_await() const noexcept;

  void post() noexcept;
  void reset() noexcept;

  class WaitOperation {
  public:
    explicit WaitOperation(const Baton &baton) noexcept : baton_(baton) {}
    bool await_ready() const noexcept { return baton_.ready(); }
    bool await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept {
      awaitingCoroutine_ = awaitingCoroutine;
      return baton_.waitImpl(this);
    }
    void await_resume() noexcept {}

  protected:
    friend class Baton;
    const Baton &baton_;
    std::coroutine_handle<> awaitingCoroutine_;
    WaitOperation *next_ = nullptr;
  };

private:
  bool waitImpl(WaitOperation *awaiter) const noexcept;
  mutable std::atomic<void *> state_;
};

inline Baton::WaitOperation Baton::operator co_await() const noexcept {
  return Baton::WaitOperation{*this};
}

} // namespace coro
} // namespace folly
