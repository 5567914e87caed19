//===--- WorkerProcess.cpp - One long-lived analysis worker --------------===//
#include "execution/WorkerProcess.h"
#include "Files.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Signals.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cancellint::tool {

namespace {

/// The file descriptor a worker finds its socket on.
constexpr int WorkerFd = 3;

std::string lastLines(const std::string &Text, unsigned Count) {
  size_t Start = Text.size();
  if (Start && Text[Start - 1] == '\n')
    --Start;
  for (unsigned I = 0; I < Count && Start > 0; ++I) {
    size_t NewLine = Text.rfind('\n', Start - 1);
    if (NewLine == std::string::npos)
      return Text;
    Start = NewLine;
  }
  return Start < Text.size() && Text[Start] == '\n' ? Text.substr(Start + 1)
                                                     : Text.substr(Start);
}

off_t fileSize(const std::string &Path) {
  struct stat St {};
  return ::stat(Path.c_str(), &St) == 0 ? St.st_size : 0;
}

} // namespace

std::unique_ptr<WorkerProcess>
WorkerProcess::start(const std::string &Executable, std::string &Error) {
  llvm::SmallString<128> ErrorPath;
  if (llvm::sys::fs::createTemporaryFile("cancellint", "stderr.txt",
                                         ErrorPath)) {
    Error = "cannot create a temporary file";
    return nullptr;
  }
  std::string ErrorFile(ErrorPath);
  llvm::sys::RemoveFileOnSignal(ErrorFile);
  auto Abandon = [&](std::string Why) {
    removeTemporary(ErrorFile);
    llvm::sys::DontRemoveFileOnSignal(ErrorFile);
    Error = std::move(Why);
    return nullptr;
  };

  // Close-on-exec from birth, so that workers started by other threads at
  // the same moment do not inherit this worker's socket.
  int Sockets[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, Sockets) != 0)
    return Abandon(std::string("cannot create a socket: ") +
                   std::strerror(errno));
  int Mine = Sockets[0], Theirs = Sockets[1];
  if (Theirs == WorkerFd) {
    // dup2 onto itself would keep close-on-exec set.
    Theirs = ::fcntl(Sockets[1], F_DUPFD_CLOEXEC, WorkerFd + 1);
    ::close(Sockets[1]);
  }
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&Actions, 1, ErrorFile.c_str(),
                                   O_WRONLY | O_APPEND, 0);
  posix_spawn_file_actions_adddup2(&Actions, 1, 2);
  posix_spawn_file_actions_adddup2(&Actions, Theirs, WorkerFd);
  std::string FdArg = "--worker-fd=" + std::to_string(WorkerFd);
  char *Argv[] = {const_cast<char *>(Executable.c_str()), FdArg.data(),
                  nullptr};
  pid_t Pid = 0;
  int Spawned =
      ::posix_spawn(&Pid, Executable.c_str(), &Actions, nullptr, Argv, environ);
  posix_spawn_file_actions_destroy(&Actions);
  ::close(Theirs);
  if (Spawned != 0) {
    ::close(Mine);
    return Abandon("cannot start the analysis worker " + Executable + ": " +
                   std::strerror(Spawned));
  }
  return std::unique_ptr<WorkerProcess>(
      new WorkerProcess(Pid, Mine, std::move(ErrorFile)));
}

WorkerProcess::~WorkerProcess() {
  ::close(Socket); // end of input: the worker exits on its own
  if (!Reaped)
    finish(/*Kill=*/false);
  removeTemporary(ErrorFile);
  llvm::sys::DontRemoveFileOnSignal(ErrorFile);
}

std::string WorkerProcess::finish(bool Kill) {
  if (Kill)
    ::kill(Pid, SIGKILL);
  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  Reaped = true;
  if (WIFSIGNALED(Status))
    return std::string("crashed (") + ::strsignal(WTERMSIG(Status)) + ")";
  if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)
    return "analysis failed (exit code " +
           std::to_string(WEXITSTATUS(Status)) + ")";
  return "the analysis worker ended without a result";
}

WorkerProcess::Reply WorkerProcess::analyse(const std::string &RequestLine,
                                            unsigned TimeoutSeconds,
                                            bool (*ShouldStop)()) {
  Reply R;
  off_t ErrorsBefore = fileSize(ErrorFile);
  auto StderrOfThisUnit = [&] {
    std::string All = readTextFile(ErrorFile).value_or("");
    return lastLines(All.substr(std::min<size_t>(All.size(), ErrorsBefore)),
                     20);
  };
  std::optional<std::chrono::steady_clock::time_point> Deadline;
  if (TimeoutSeconds)
    Deadline = std::chrono::steady_clock::now() +
               std::chrono::seconds(TimeoutSeconds);
  ++Units;
  LineChannel::Status S = Channel.send(RequestLine)
                              ? Channel.receive(R.Line, Deadline, ShouldStop)
                              : LineChannel::Status::Closed;
  if (S == LineChannel::Status::Line) {
    R.What = Reply::Result;
    return R;
  }
  if (ShouldStop && ShouldStop()) {
    finish(/*Kill=*/true);
    R.What = Reply::Interrupted;
    return R;
  }
  if (S == LineChannel::Status::TimedOut) {
    finish(/*Kill=*/true);
    R.What = Reply::TimedOut;
    R.Reason = "timed out after " + std::to_string(TimeoutSeconds) + " s";
  } else {
    R.What = Reply::Failed;
    R.Reason = finish(/*Kill=*/false);
  }
  R.Stderr = StderrOfThisUnit();
  return R;
}

} // namespace cancellint::tool
