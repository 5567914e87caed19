//===--- Report.cpp - A finished run, ready to render --------------------===//
#include "report/Report.h"
#include "input/Baseline.h"
#include "report/Fingerprints.h"

#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <tuple>

namespace cancellint::tool {

std::string currentTimeUtc() {
  std::time_t Now = std::time(nullptr);
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long Seconds = 0;
    if (!llvm::StringRef(Epoch).getAsInteger(10, Seconds))
      Now = static_cast<std::time_t>(Seconds);
  }
  std::tm Utc{};
  gmtime_r(&Now, &Utc);
  char Text[32];
  std::strftime(Text, sizeof(Text), "%Y-%m-%dT%H:%M:%SZ", &Utc);
  return Text;
}

void mergeRunContext(RunContext &Into, const RunContext &Part) {
  if (!Part.Known)
    return;
  if (!Into.Known) {
    Into = Part;
    return;
  }
  // ISO 8601 in UTC sorts as text.
  if (!Part.StartTime.empty() &&
      (Into.StartTime.empty() || Part.StartTime < Into.StartTime))
    Into.StartTime = Part.StartTime;
  if (Part.EndTime > Into.EndTime)
    Into.EndTime = Part.EndTime;
  if (Into.GitCommit != Part.GitCommit)
    Into.GitCommit = Into.GitCommit.empty() ? Part.GitCommit
                     : Part.GitCommit.empty()
                         ? Into.GitCommit
                         : Into.GitCommit + " " + Part.GitCommit;
  Into.GitDirty |= Part.GitDirty;
  Into.ChecksKnown |= Part.ChecksKnown;
  Into.Checks.insert(Part.Checks.begin(), Part.Checks.end());
  Into.Libraries.insert(Part.Libraries.begin(), Part.Libraries.end());
  Into.ModelFiles.insert(Part.ModelFiles.begin(), Part.ModelFiles.end());
  for (const auto &[Name, Value] : Part.Options)
    if (auto It = Into.Options.find(Name);
        It != Into.Options.end() && It->second != Value)
      It->second += " | " + Value;
    else
      Into.Options.emplace(Name, Value);
  if (Into.Baseline.empty()) {
    Into.Baseline = Part.Baseline;
    Into.BaselineFindings = Part.BaselineFindings;
  }
  Into.Shards.insert(Part.Shards.begin(), Part.Shards.end());
}

void finalizeReport(RunReport &R, const Baseline *Known) {
  sortAndDeduplicate(R.Findings);
  std::sort(R.Failures.begin(), R.Failures.end(),
            [](const Failure &A, const Failure &B) {
              return std::tie(A.File, A.Reason) < std::tie(B.File, B.Reason);
            });
  R.Failures.erase(std::unique(R.Failures.begin(), R.Failures.end(),
                               [](const Failure &A, const Failure &B) {
                                 return A.File == B.File &&
                                        A.Reason == B.Reason;
                               }),
                   R.Failures.end());
  assignFingerprints(R.Findings, R.SourceRoot);
  if (Known)
    Known->apply(R);
  bool AnyNew = std::any_of(R.Findings.begin(), R.Findings.end(),
                            [](const Finding &F) {
                              return F.BaselineState != Finding::Baseline::Known;
                            });
  R.ExitCode = !R.Failures.empty() ? ExitIncomplete
               : AnyNew            ? ExitFindings
                                   : ExitClean;
}

} // namespace cancellint::tool
