#include "reqctx/reqctx.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace reqctx {
namespace detail {

// How often sleep() re-polls signals nobody pushes to us: external
// cancellation probes and the deadlines of ancestors.
constexpr auto kPollPeriod = std::chrono::milliseconds(50);

struct State {
  // Fixed at construction.
  Clock::time_point deadline = Clock::time_point::max();
  std::shared_ptr<State> parent;
  std::function<bool()> cancelled;
  std::unique_ptr<std::stop_callback<std::function<void()>>> on_stop;

  // Guarded by mu.
  std::mutex mu;
  std::condition_variable wake;
  Error err = Error::none;
  std::vector<std::weak_ptr<State>> children;

  Error current() {
    std::lock_guard lock(mu);
    return err;
  }

  Error poll() {
    if (Error e = current(); e != Error::none)
      return e;
    Error found = Error::none;
    if (Clock::now() >= deadline)
      found = Error::deadline_exceeded;
    else if (cancelled && cancelled())
      found = Error::canceled;
    else if (parent)
      found = parent->poll();
    if (found != Error::none)
      finish(found);
    return current();
  }

  void finish(Error e) {
    std::vector<std::shared_ptr<State>> to_finish;
    {
      std::lock_guard lock(mu);
      if (err != Error::none)
        return;
      err = e;
      for (const auto &weak : children)
        if (auto child = weak.lock())
          to_finish.push_back(std::move(child));
      children.clear();
    }
    wake.notify_all();
    for (const auto &child : to_finish)
      child->finish(e);
  }

  void adopt(const std::shared_ptr<State> &child) {
    Error inherited;
    {
      std::lock_guard lock(mu);
      inherited = err;
      if (inherited == Error::none)
        children.push_back(child);
    }
    if (inherited != Error::none)
      child->finish(inherited);
  }

  void forget(const State &child) {
    std::lock_guard lock(mu);
    std::erase_if(children, [&](const std::weak_ptr<State> &weak) {
      auto locked = weak.lock();
      return !locked || locked.get() == &child;
    });
  }

  bool sleep_until(Clock::time_point until) {
    for (;;) {
      if (poll() != Error::none)
        return false;
      auto now = Clock::now();
      if (now >= until)
        return true;
      auto wake_at = std::min({until, deadline, now + kPollPeriod});
      std::unique_lock lock(mu);
      wake.wait_until(lock, wake_at, [this] { return err != Error::none; });
    }
  }
};

struct Access {
  static const std::shared_ptr<State> &state(const Context &ctx) {
    return ctx.state_;
  }
  static Context context(std::shared_ptr<State> state) {
    return Context(std::move(state));
  }
  static CancelFunc cancel(std::shared_ptr<State> state) {
    return CancelFunc(std::move(state));
  }
};

} // namespace detail

using detail::Access;
using detail::State;

namespace {

const std::shared_ptr<State> &background_state() {
  static const auto state = std::make_shared<State>();
  return state;
}

std::pair<Context, CancelFunc> derive(const Context &parent,
                                      Clock::time_point deadline) {
  const auto &parent_state = Access::state(parent);
  auto child = std::make_shared<State>();
  child->deadline = std::min(deadline, parent_state->deadline);
  child->parent = parent_state;
  parent_state->adopt(child);
  return {Access::context(child), Access::cancel(child)};
}

} // namespace

const char *to_string(Error e) {
  switch (e) {
  case Error::none:
    return "none";
  case Error::canceled:
    return "context canceled";
  case Error::deadline_exceeded:
    return "context deadline exceeded";
  }
  return "unknown";
}

Context::Context() : state_(background_state()) {}

bool Context::done() const { return state_->poll() != Error::none; }

Error Context::err() const { return state_->poll(); }

Clock::time_point Context::deadline() const { return state_->deadline; }

Clock::duration Context::remaining() const {
  auto now = Clock::now();
  return state_->deadline > now ? state_->deadline - now
                                : Clock::duration::zero();
}

void CancelFunc::operator()() const {
  state_->finish(Error::canceled);
  if (state_->parent)
    state_->parent->forget(*state_);
}

Context background() { return Access::context(background_state()); }

std::pair<Context, CancelFunc> with_cancel(const Context &parent) {
  return derive(parent, Clock::time_point::max());
}

std::pair<Context, CancelFunc> with_deadline(const Context &parent,
                                             Clock::time_point deadline) {
  return derive(parent, deadline);
}

std::pair<Context, CancelFunc> with_timeout(const Context &parent,
                                            Clock::duration timeout) {
  return derive(parent, Clock::now() + timeout);
}

Context from_stop_token(std::stop_token stop) {
  auto state = std::make_shared<State>();
  std::weak_ptr<State> weak = state;
  state->on_stop = std::make_unique<std::stop_callback<std::function<void()>>>(
      std::move(stop), [weak] {
        if (auto locked = weak.lock())
          locked->finish(Error::canceled);
      });
  return Access::context(std::move(state));
}

Context external(Clock::time_point deadline, std::function<bool()> cancelled) {
  auto state = std::make_shared<State>();
  state->deadline = deadline;
  state->cancelled = std::move(cancelled);
  return Access::context(std::move(state));
}

bool sleep(const Context &ctx, Clock::duration d) {
  return Access::state(ctx)->sleep_until(Clock::now() + d);
}

} // namespace reqctx
