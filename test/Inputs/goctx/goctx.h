// goctx: an in-house, Go-style request context library (test input).
// Declarations only: tests compile against it and never link.
//
// Every way a derived context can hand out its cancel handle is here:
//   with_cancel / with_timeout  -> std::pair<Context, CancelFunc> (second)
//   with_deadline               -> through the CancelFunc* out-parameter
//   on_cancel                   -> returns the CancelFunc itself
//   with_value                  -> derives without a handle
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>

namespace goctx {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

/// Carries a request's cancellation and deadline. Copies share the state.
class Context {
public:
  Context();
  Context(const Context &);
  Context &operator=(const Context &);
  ~Context();

  bool done() const;
  TimePoint deadline() const;
  std::string value(const std::string &key) const;

private:
  struct State;
  State *state_;
};

/// Calling it cancels the context it came with and releases its resources.
using CancelFunc = std::function<void()>;

Context background();
Context todo();

std::pair<Context, CancelFunc> with_cancel(const Context &parent);
std::pair<Context, CancelFunc> with_timeout(const Context &parent,
                                            std::chrono::milliseconds timeout);
Context with_deadline(const Context &parent, TimePoint deadline,
                      CancelFunc *cancel_out);
Context with_value(const Context &parent, std::string key, std::string value);

/// A handle that cancels a context derived from \p parent; the derived
/// context itself is reached through the parent's children.
CancelFunc on_cancel(const Context &parent);

} // namespace goctx
