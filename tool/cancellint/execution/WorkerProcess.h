//===--- WorkerProcess.h - One long-lived analysis worker ----------------===//
//
// A worker is this program started in worker mode. It analyses the units it
// is sent one at a time, so the cost of starting a process (loading the
// LLVM and Clang libraries, reading the models) is paid once per worker, not
// once per unit, while a crash or a hang still loses only the unit at hand.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_EXECUTION_WORKERPROCESS_H
#define CANCELLINT_TOOL_EXECUTION_WORKERPROCESS_H

#include "execution/LineChannel.h"

#include <memory>
#include <string>
#include <sys/types.h>

namespace cancellint::tool {

class WorkerProcess {
public:
  /// Starts \p Executable in worker mode. Null, with \p Error set, when it
  /// cannot be started.
  static std::unique_ptr<WorkerProcess> start(const std::string &Executable,
                                              std::string &Error);
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess &) = delete;
  WorkerProcess &operator=(const WorkerProcess &) = delete;

  struct Reply {
    enum Kind { Result, Failed, TimedOut, Interrupted } What = Failed;
    std::string Line;   ///< the result, for Result
    std::string Reason; ///< why not, otherwise: "crashed (Aborted)", ...
    std::string Stderr; ///< the last lines the worker wrote for this unit
  };
  /// Sends one request line and waits for its result, at most
  /// \p TimeoutSeconds (0: no limit). After anything but a Result the
  /// worker is gone and must be replaced.
  Reply analyse(const std::string &RequestLine, unsigned TimeoutSeconds,
                bool (*ShouldStop)());

  pid_t pid() const { return Pid; }
  unsigned unitsAnalysed() const { return Units; }

private:
  WorkerProcess(pid_t Pid, int Socket, std::string ErrorFile)
      : Pid(Pid), Socket(Socket), Channel(Socket),
        ErrorFile(std::move(ErrorFile)) {}
  /// Reaps the process (killing it first when \p Kill) and describes how
  /// it ended.
  std::string finish(bool Kill);

  pid_t Pid;
  int Socket;
  LineChannel Channel;
  std::string ErrorFile; ///< the worker's stdout and stderr
  unsigned Units = 0;
  bool Reaped = false;
};

} // namespace cancellint::tool

#endif
