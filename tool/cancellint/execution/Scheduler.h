//===--- Scheduler.h - Running workers in parallel -----------------------===//
#ifndef CANCELLINT_TOOL_EXECUTION_SCHEDULER_H
#define CANCELLINT_TOOL_EXECUTION_SCHEDULER_H

#include "Findings.h"
#include "execution/AnalysisRequest.h"
#include <functional>
#include <string>
#include <vector>

namespace cancellint::tool {

struct SchedulerOptions {
  std::string WorkerExecutable; ///< this program, run in worker mode (--worker-fd)
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 0; ///< per translation unit; 0 = none
  /// Called after each TU (from worker threads, serialised): done, total.
  std::function<void(size_t, size_t, const TranslationUnitResult &)> Progress;
};

/// Analyses every request in its own worker process, at most Jobs at once.
/// Results come back in request order, whatever order workers finish in; a
/// worker that crashes, hangs or fails yields a result with a Failure.
std::vector<TranslationUnitResult>
runWorkers(const std::vector<AnalysisRequest> &Requests,
           const SchedulerOptions &Options);

/// Whether SIGINT or SIGTERM arrived during runWorkers(): the workers were
/// killed and their results must not be reported.
bool wasInterrupted();

} // namespace cancellint::tool

#endif
