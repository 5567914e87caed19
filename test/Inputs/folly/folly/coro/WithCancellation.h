// Test stub of <folly/coro/WithCancellation.h>: co_withCancellation, the
// customisation point that hands a token to an awaitable, with folly's names
// and signatures (the must-use-immediately overloads are left out). Tests
// only compile against it; nothing here links or runs.
#pragma once

#include <folly/CancellationToken.h>

#include <utility>

namespace folly {
namespace coro {

namespace detail {
namespace adl {

/// Default implementation that does not hook the cancellation token.
template <typename Awaitable>
Awaitable &&co_withCancellation(const folly::CancellationToken &,
                                Awaitable &&awaitable) noexcept {
  return static_cast<Awaitable &&>(awaitable);
}

struct WithCancellationFunction {
  template <typename Awaitable>
  auto operator()(const folly::CancellationToken &cancelToken,
                  Awaitable &&awaitable) const noexcept
      -> decltype(co_withCancellation(cancelToken,
                                      static_cast<Awaitable &&>(awaitable))) {
    return co_withCancellation(cancelToken,
                               static_cast<Awaitable &&>(awaitable));
  }
  template <typename Awaitable>
  auto operator()(folly::CancellationToken &&cancelToken,
                  Awaitable &&awaitable) const noexcept
      -> decltype(co_withCancellation(std::move(cancelToken),
                                      static_cast<Awaitable &&>(awaitable))) {
    return co_withCancellation(std::move(cancelToken),
                               static_cast<Awaitable &&>(awaitable));
  }
};

} // namespace adl
} // namespace detail

// FOLLY_DEFINE_CPO(detail::adl::WithCancellationFunction, co_withCancellation)
inline constexpr detail::adl::WithCancellationFunction co_withCancellation{};

} // namespace coro
} // namespace folly
