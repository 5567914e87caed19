//===--- LineChannel.h - Newline-framed messages over a socket -----------===//
//
// The driver and its long-lived workers talk over one socket pair: a
// request line goes down, a result line comes back. Lines hold compact
// JSON, which never contains a raw newline.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_EXECUTION_LINECHANNEL_H
#define CANCELLINT_TOOL_EXECUTION_LINECHANNEL_H

#include <chrono>
#include <optional>
#include <string>

namespace cancellint::tool {

class LineChannel {
public:
  explicit LineChannel(int Fd) : Fd(Fd) {}

  /// Writes \p Line and a newline. False when the other end is gone (no
  /// SIGPIPE: a dead worker must not take the driver down).
  bool send(const std::string &Line);

  enum class Status { Line, Closed, TimedOut };
  /// Waits for the next line until \p Deadline (none: wait as long as it
  /// takes). \p Line receives it without its newline.
  Status receive(std::string &Line,
                 std::optional<std::chrono::steady_clock::time_point> Deadline,
                 bool (*ShouldStop)() = nullptr);

private:
  int Fd;
  std::string Pending; ///< bytes read past the last full line
};

} // namespace cancellint::tool

#endif
