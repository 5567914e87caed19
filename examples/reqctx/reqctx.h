// reqctx: request contexts in the style of Go's context package.
//
// A Context carries a deadline and a cancellation signal from a caller to
// everything it starts on behalf of one request. Copies share state, so pass
// it by const reference and derive a child when a sub-operation needs a
// tighter budget:
//
//   auto [ctx, cancel] = reqctx::with_timeout(parent, 200ms);
//   auto status = client.get_stock(ctx, sku, &level);
//   cancel();  // on every path: releases the child's registration
//
// A context must not outlive its request: keep it in locals and parameters,
// never in globals or long-lived objects.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>
#include <utility>

namespace reqctx {

using Clock = std::chrono::system_clock;

enum class Error { none, canceled, deadline_exceeded };

const char *to_string(Error e);

namespace detail {
struct State;
struct Access;
} // namespace detail

class Context {
public:
  /// The background context: no deadline, never cancelled.
  Context();

  /// True once the context was cancelled or its deadline passed.
  bool done() const;
  /// Why the context is done, or Error::none.
  Error err() const;
  /// The absolute deadline; Clock::time_point::max() when there is none.
  Clock::time_point deadline() const;
  /// Time left until the deadline (zero once it passed).
  Clock::duration remaining() const;

private:
  explicit Context(std::shared_ptr<detail::State> state)
      : state_(std::move(state)) {}

  std::shared_ptr<detail::State> state_;
  friend struct detail::Access;
};

/// Cancels the context it was returned with and everything derived from it.
/// Calling it more than once is harmless.
class CancelFunc {
public:
  void operator()() const;

private:
  explicit CancelFunc(std::shared_ptr<detail::State> state)
      : state_(std::move(state)) {}

  std::shared_ptr<detail::State> state_;
  friend struct detail::Access;
};

/// The root of every context tree: never cancelled, no deadline.
Context background();

std::pair<Context, CancelFunc> with_cancel(const Context &parent);
std::pair<Context, CancelFunc> with_deadline(const Context &parent,
                                             Clock::time_point deadline);
std::pair<Context, CancelFunc> with_timeout(const Context &parent,
                                            Clock::duration timeout);

/// A context cancelled when `stop` is requested (for jthread workers).
Context from_stop_token(std::stop_token stop);

/// Sleeps for `d` or until `ctx` is done, whichever comes first. Returns
/// true when the full duration elapsed.
bool sleep(const Context &ctx, Clock::duration d);

/// A root context whose cancellation is decided by `cancelled`, polled by
/// done() and sleep(). For bridges to other libraries' contexts.
Context external(Clock::time_point deadline, std::function<bool()> cancelled);

} // namespace reqctx
