// An in-house task library (test input): a source, its token, a pool.
#pragma once
#include <functional>

namespace tasks {
class StopToken {
public:
  bool stop_requested() const;
};
class StopSource {
public:
  StopSource();
  StopToken token() const;
  void stop();
};
class Pool {
public:
  void submit(std::function<void()> task);
  void run_inline(std::function<void()> task);
};
} // namespace tasks
