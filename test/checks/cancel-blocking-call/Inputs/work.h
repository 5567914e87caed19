// Shared by the loop tests: a queue whose pop() waits (so loops calling it
// wait too), the minimal coroutine type and an awaitable.
#pragma once

#include <condition_variable>
#include <coroutine>
#include <deque>
#include <mutex>

class Queue {
public:
  int pop() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return !items_.empty(); });
    int v = items_.front();
    items_.pop_front();
    return v;
  }
  bool empty() const { return items_.empty(); }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<int> items_;
};

void handle(int);

#include "task.h" // test/Inputs/coro: Task, the minimal coroutine type

struct Tick {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
Tick next_tick();
