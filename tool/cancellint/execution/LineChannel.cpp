//===--- LineChannel.cpp - Newline-framed messages over a socket ---------===//
#include "execution/LineChannel.h"

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cancellint::tool {

bool LineChannel::send(const std::string &Line) {
  std::string Framed = Line + "\n";
  const char *Data = Framed.data();
  size_t Left = Framed.size();
  while (Left) {
    ssize_t N = ::send(Fd, Data, Left, MSG_NOSIGNAL);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data += N;
    Left -= static_cast<size_t>(N);
  }
  return true;
}

LineChannel::Status LineChannel::receive(
    std::string &Line,
    std::optional<std::chrono::steady_clock::time_point> Deadline,
    bool (*ShouldStop)()) {
  using namespace std::chrono;
  // Only what arrived since the last look can hold the end of the line: a
  // long result line is scanned once, not once per chunk.
  size_t Unscanned = 0;
  while (true) {
    size_t End = Pending.find('\n', Unscanned);
    if (End != std::string::npos) {
      Line = Pending.substr(0, End);
      Pending.erase(0, End + 1);
      return Status::Line;
    }
    // Wake up now and then, so that an interrupt is noticed promptly.
    int WaitMs = 100;
    if (Deadline) {
      auto Left = duration_cast<milliseconds>(*Deadline - steady_clock::now());
      if (Left.count() <= 0)
        return Status::TimedOut;
      WaitMs = static_cast<int>(std::min<long long>(Left.count(), WaitMs));
    }
    if (ShouldStop && ShouldStop())
      return Status::Closed;
    pollfd P{Fd, POLLIN, 0};
    int Ready = ::poll(&P, 1, WaitMs);
    if (Ready < 0 && errno != EINTR)
      return Status::Closed;
    if (Ready <= 0)
      continue;
    char Buffer[65536];
    ssize_t N = ::recv(Fd, Buffer, sizeof Buffer, 0);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return Status::Closed;
    Unscanned = Pending.size();
    Pending.append(Buffer, static_cast<size_t>(N));
  }
}

} // namespace cancellint::tool
