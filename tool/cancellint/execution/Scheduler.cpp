//===--- Scheduler.cpp - Running workers in parallel ---------------------===//
#include "execution/Scheduler.h"
#include "JsonText.h"
#include "execution/Parallel.h"
#include "execution/WorkerProcess.h"

#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>

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


/// A job: one worker process at a time, replaced when it dies, recycled
/// now and then so that whatever a unit leaves behind cannot pile up.
class Job {
public:
  explicit Job(const SchedulerOptions &Options) : Options(Options) {}

  TranslationUnitResult run(const AnalysisRequest &Request) {
    auto Start = std::chrono::steady_clock::now();
    TranslationUnitResult Result = analyse(Request);
    Result.Seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    return Result;
  }

  ~Job() { stopWorker(); }

private:
  TranslationUnitResult analyse(const AnalysisRequest &Request) {
    TranslationUnitResult Result;
    Result.File = Request.File;
    auto Fail = [&](std::string Reason, std::string Details) {
      Result.Failures.push_back(
          {Request.File, std::move(Reason), std::move(Details)});
      return Result;
    };
    if (Worker && Worker->unitsAnalysed() >= UnitsPerWorker)
      stopWorker();
    if (!Worker) {
      std::string Error;
      Worker = WorkerProcess::start(Options.WorkerExecutable, Error);
      if (!Worker)
        return Fail(Error, "");
      Slot.emplace(Worker->pid());
    }
    WorkerProcess::Reply Reply = Worker->analyse(
        jsonText(toJson(Request)), Options.TimeoutSeconds, wasInterrupted);
    if (Reply.What != WorkerProcess::Reply::Result) {
      stopWorker();
      return Fail(Reply.Reason, Reply.Stderr);
    }
    nlohmann::json J = nlohmann::json::parse(Reply.Line, nullptr, false);
    if (J.is_discarded())
      return Fail("the analysis worker wrote no result", "");
    return resultFromJson(J);
  }

  void stopWorker() {
    Slot.reset();
    Worker.reset();
  }

  /// Enough to make start-up cost vanish, few enough to bound the memory a
  /// long run could accumulate in one process.
  static constexpr unsigned UnitsPerWorker = 64;
  const SchedulerOptions &Options;
  std::unique_ptr<WorkerProcess> Worker;
  std::optional<WorkerSlot> Slot;
};

} // namespace

bool wasInterrupted() { return Interrupted.load(); }

std::vector<TranslationUnitResult>
runWorkers(const std::vector<AnalysisRequest> &Requests,
           const SchedulerOptions &Options) {
  llvm::sys::SetInterruptFunction(killRunningWorkers);
  std::vector<TranslationUnitResult> Results(Requests.size());
  size_t Done = 0;
  std::mutex ProgressMutex;
  forEachItem(
      Requests.size(), Options.Jobs,
      [&] {
        return [&, J = std::make_unique<Job>(Options)](size_t I) {
          Results[I] = J->run(Requests[I]);
          std::scoped_lock Lock(ProgressMutex);
          ++Done;
          if (Options.Progress)
            Options.Progress(Done, Requests.size(), Results[I]);
        };
      },
      wasInterrupted);
  return Results;
}

} // namespace cancellint::tool
