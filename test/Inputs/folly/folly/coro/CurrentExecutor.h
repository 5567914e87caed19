// Test stub of <folly/coro/CurrentExecutor.h>: the placeholder objects a
// folly coroutine co_awaits to reach its promise's state, with folly's names
// and shapes. Tests only compile against it; nothing here links or runs.
#pragma once

namespace folly {
namespace coro {

namespace detail {
struct co_current_cancellation_token_ {
  enum class secret_ { token_ };
  explicit constexpr co_current_cancellation_token_(secret_) {}
};
} // namespace detail

using co_current_cancellation_token_t = detail::co_current_cancellation_token_;

// `co_await folly::coro::co_current_cancellation_token` inside a Task yields
// the task's `const folly::CancellationToken&`.
inline constexpr co_current_cancellation_token_t co_current_cancellation_token{
    co_current_cancellation_token_t::secret_::token_};

} // namespace coro
} // namespace folly
