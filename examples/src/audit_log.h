// Appends one line per reservation change to a file, off the request path.
#pragma once

#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>

namespace shop {

class AuditLog {
public:
  explicit AuditLog(const std::string &path);

  void record(const std::string &line);

private:
  std::ofstream out_;
  std::mutex mu_;
  std::condition_variable pending_cv_;
  std::deque<std::string> pending_;
  std::jthread writer_;
};

} // namespace shop
