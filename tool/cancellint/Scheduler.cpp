//===--- Scheduler.cpp - Running workers in parallel ---------------------===//
#include "Scheduler.h"
#include "Files.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>

namespace cancellint::tool {

namespace {

/// Running workers, so that an interrupted run (SIGINT, SIGTERM) takes them
/// down too. Lock-free: the interrupt handler runs in signal context.
constexpr unsigned MaxWorkers = 256;
std::atomic<llvm::sys::procid_t> RunningWorkers[MaxWorkers];

std::atomic<bool> Interrupted{false};

void killRunningWorkers() {
  Interrupted.store(true);
  for (auto &Pid : RunningWorkers)
    if (llvm::sys::procid_t P = Pid.load())
      ::kill(P, SIGKILL);
}

struct WorkerSlot {
  explicit WorkerSlot(llvm::sys::procid_t Pid) {
    for (auto &S : RunningWorkers) {
      llvm::sys::procid_t Empty = 0;
      if (S.compare_exchange_strong(Empty, Pid)) {
        Slot = &S;
        return;
      }
    }
  }
  ~WorkerSlot() {
    if (Slot)
      Slot->store(0);
  }
  std::atomic<llvm::sys::procid_t> *Slot = nullptr;
};


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

class TempFile {
public:
  explicit TempFile(const char *Suffix) {
    llvm::SmallString<128> P;
    if (!llvm::sys::fs::createTemporaryFile("cancellint", Suffix, P)) {
      Path = std::string(P);
      llvm::sys::RemoveFileOnSignal(Path);
    }
  }
  ~TempFile() {
    if (!Path.empty()) {
      removeTemporary(Path);
      llvm::sys::DontRemoveFileOnSignal(Path);
    }
  }
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
  std::string Path;
};

TranslationUnitResult runOne(const AnalysisRequest &Request,
                             const SchedulerOptions &Options) {
  TranslationUnitResult Result;
  Result.File = Request.File;
  auto Fail = [&](std::string Reason, std::string Details) {
    Result.Failures.push_back(
        {Request.File, std::move(Reason), std::move(Details)});
    return Result;
  };
  TempFile RequestFile(".request.json"), ResultFile(".result.json"),
      ErrorFile(".stderr.txt");
  if (RequestFile.Path.empty() || ResultFile.Path.empty() ||
      ErrorFile.Path.empty())
    return Fail("cannot create temporary files", "");
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(RequestFile.Path, EC);
    if (EC)
      return Fail("cannot write " + RequestFile.Path + ": " + EC.message(),
                  "");
    Out << toJson(Request).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string RequestArg = "--analyze-tu=" + RequestFile.Path;
  std::string ResultArg = "--result=" + ResultFile.Path;
  llvm::StringRef Args[] = {Options.WorkerExecutable, RequestArg, ResultArg};
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(ErrorFile.Path),
      llvm::StringRef(ErrorFile.Path)};
  std::string ErrMsg;
  bool ExecutionFailed = false;
  llvm::sys::ProcessInfo Child = llvm::sys::ExecuteNoWait(
      Options.WorkerExecutable, Args, std::nullopt, Redirects,
      /*MemoryLimit=*/0, &ErrMsg, &ExecutionFailed);
  bool TimedOut = false;
  int RC = -1;
  std::optional<WorkerSlot> Tracked;
  if (!ExecutionFailed)
    Tracked.emplace(Child.Pid);
  if (!ExecutionFailed) {
    // Poll rather than ExecuteAndWait's timeout: that one rests on a
    // process-wide SIGALRM, which another thread may receive instead.
    auto Deadline = std::chrono::steady_clock::now() +
                    std::chrono::seconds(Options.TimeoutSeconds);
    while (true) {
      llvm::sys::ProcessInfo Done = llvm::sys::Wait(
          Child, /*SecondsToWait=*/0, &ErrMsg, nullptr, /*Polling=*/true);
      if (Done.Pid != 0) {
        RC = Done.ReturnCode;
        break;
      }
      if (Options.TimeoutSeconds &&
          std::chrono::steady_clock::now() >= Deadline) {
        TimedOut = true;
        ::kill(Child.Pid, SIGKILL);
        RC = llvm::sys::Wait(Child, std::nullopt, &ErrMsg).ReturnCode;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  std::string Stderr = lastLines(readTextFile(ErrorFile.Path).value_or(""), 20);
  if (ExecutionFailed)
    return Fail("cannot start the analysis worker: " + ErrMsg, "");
  if (TimedOut)
    return Fail("timed out after " + std::to_string(Options.TimeoutSeconds) +
                    " s",
                Stderr);
  if (RC == -2)
    return Fail("crashed (" + ErrMsg + ")", Stderr);
  if (RC != 0)
    return Fail("analysis failed (exit code " + std::to_string(RC) + ")",
                Stderr);
  std::string Text = readTextFile(ResultFile.Path).value_or("");
  nlohmann::json J = nlohmann::json::parse(Text, nullptr, false);
  if (J.is_discarded())
    return Fail("the analysis worker wrote no result", Stderr);
  return resultFromJson(J);
}

} // namespace

bool wasInterrupted() { return Interrupted.load(); }

std::vector<TranslationUnitResult>
runWorkers(const std::vector<AnalysisRequest> &Requests,
           const SchedulerOptions &Options) {
  llvm::sys::SetInterruptFunction(killRunningWorkers);
  std::vector<TranslationUnitResult> Results(Requests.size());
  std::atomic<size_t> Next{0};
  size_t Done = 0;
  std::mutex ProgressMutex;
  auto Work = [&] {
    for (size_t I = Next++; I < Requests.size() && !Interrupted; I = Next++) {
      Results[I] = runOne(Requests[I], Options);
      std::scoped_lock Lock(ProgressMutex);
      ++Done;
      if (Options.Progress)
        Options.Progress(Done, Requests.size(), Results[I]);
    }
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(Options.Jobs,
                                                  Requests.size()));
  std::vector<std::thread> Threads;
  for (unsigned I = 1; I < Jobs; ++I)
    Threads.emplace_back(Work);
  Work();
  for (std::thread &T : Threads)
    T.join();
  return Results;
}

} // namespace cancellint::tool
