#include "log.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace shop::log {
namespace {

std::mutex stderr_mutex;

// The request this thread is working for, for the "budget" column.
thread_local reqctx::Context current_request;

void write(const char *level, std::string_view message) {
  std::string budget = "-";
  if (current_request.deadline() != reqctx::Clock::time_point::max()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        current_request.remaining());
    budget = std::to_string(left.count()) + "ms";
  }
  std::lock_guard lock(stderr_mutex);
  std::fprintf(stderr, "%-5s budget=%-7s %.*s\n", level, budget.c_str(),
               static_cast<int>(message.size()), message.data());
}

} // namespace

void bind_request(const reqctx::Context &ctx) { current_request = ctx; }

void info(std::string_view message) { write("info", message); }
void warn(std::string_view message) { write("warn", message); }

} // namespace shop::log
