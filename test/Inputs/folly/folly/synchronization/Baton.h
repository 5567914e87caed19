// Test stub of <folly/synchronization/Baton.h>: the public names and
// signatures of folly::Baton (and folly::WaitOptions from
// <folly/synchronization/WaitOptions.h>), declarations with minimal bodies.
// Tests only compile against it; nothing here links or runs.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace folly {

// How long to spin before blocking; folly::WaitOptions in folly.
class WaitOptions {
public:
  constexpr std::chrono::nanoseconds spin_max() const noexcept {
    return spin_max_;
  }
  constexpr WaitOptions &spin_max(std::chrono::nanoseconds dur) noexcept {
    spin_max_ = dur;
    return *this;
  }

private:
  std::chrono::nanoseconds spin_max_ = std::chrono::microseconds(2);
};

// A Baton allows a thread to block once and be awoken: post() once, wait()
// once per lifetime.
template <bool MayBlock = true, template <typename> class Atom = std::atomic>
class Baton {
public:
  static WaitOptions wait_options() { return {}; }

  constexpr Baton() noexcept = default;
  Baton(Baton const &) = delete;
  Baton &operator=(Baton const &) = delete;
  ~Baton() noexcept = default;

  bool ready() const noexcept;
  void reset() noexcept;
  void post() noexcept;

  // Blocks until post(); no timeout, no cancellation.
  void wait(const WaitOptions &opt = wait_options()) noexcept;
  bool try_wait() const noexcept;
  template <typename Rep, typename Period>
  bool try_wait_for(const std::chrono::duration<Rep, Period> &timeout,
                    const WaitOptions &opt = wait_options()) noexcept;
  template <typename Clock, typename Duration>
  bool try_wait_until(const std::chrono::time_point<Clock, Duration> &deadline,
                      const WaitOptions &opt = wait_options()) noexcept;

private:
  Atom<std::uint32_t> state_{0};
};

} // namespace folly
