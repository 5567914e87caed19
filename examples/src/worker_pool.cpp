#include "worker_pool.h"

#include "log.h"

#include <exception>
#include <string>

namespace shop {

WorkerPool::WorkerPool(std::size_t threads) {
  workers_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i)
    workers_.emplace_back([this](const std::stop_token &stop) { run(stop); });
}

void WorkerPool::submit(Job job) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
}

std::size_t WorkerPool::queued() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void WorkerPool::run(const std::stop_token &stop) {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mu_);
      // Returns false when stop was requested before a job arrived.
      if (!ready_.wait(lock, stop, [this] { return !queue_.empty(); }))
        return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      job(stop);
    } catch (const std::exception &e) {
      log::warn(std::string("background job failed: ") + e.what());
    }
  }
}

} // namespace shop
