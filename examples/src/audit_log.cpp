#include "audit_log.h"

#include <chrono>

namespace shop {

AuditLog::AuditLog(const std::string &path) : out_(path, std::ios::app) {
  writer_ = std::jthread([this](std::stop_token stop) {
    while (!stop.stop_requested()) {
      std::unique_lock lock(mu_);
      pending_cv_.wait(lock, [this] { return !pending_.empty(); });
      std::deque<std::string> batch;
      batch.swap(pending_);
      lock.unlock();
      for (const std::string &line : batch)
        out_ << line << '\n';
      out_.flush();
    }
  });
}

void AuditLog::record(const std::string &line) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  {
    std::lock_guard lock(mu_);
    pending_.push_back(std::to_string(now.count()) + ' ' + line);
  }
  pending_cv_.notify_one();
}

} // namespace shop
