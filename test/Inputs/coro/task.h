// A minimal eager coroutine type for the tests: enough to write co_await,
// co_return and try/catch in a coroutine body.
#pragma once

#include <coroutine>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// An awaitable whose result is \p T.
template <typename T> struct Awaitable {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};
