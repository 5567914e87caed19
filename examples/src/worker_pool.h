// A fixed set of jthreads draining a queue of jobs. Destroying the pool
// asks the workers to stop and waits for them; queued jobs are dropped.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <type_traits>
#include <vector>

namespace shop {

class WorkerPool {
public:
  /// A job receives the stop token of the worker running it.
  using Job = std::function<void(std::stop_token)>;

  explicit WorkerPool(std::size_t threads);
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  void submit(Job job);

  /// Runs `fn()` on a worker; the future is broken if the pool stops first.
  template <typename Fn>
  std::future<std::invoke_result_t<Fn &>> submit_task(Fn fn) {
    using Result = std::invoke_result_t<Fn &>;
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(fn));
    std::future<Result> result = task->get_future();
    submit([task](const std::stop_token &) { (*task)(); });
    return result;
  }

  std::size_t queued() const;

private:
  void run(const std::stop_token &stop);

  mutable std::mutex mu_;
  std::condition_variable_any ready_;
  std::deque<Job> queue_;
  std::vector<std::jthread> workers_; // last: stopped before the queue dies
};

} // namespace shop
