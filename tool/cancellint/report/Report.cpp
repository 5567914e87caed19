//===--- Report.cpp - A finished run, ready to render --------------------===//
#include "report/Report.h"
#include "input/Baseline.h"
#include "report/Fingerprints.h"

#include <algorithm>
#include <tuple>

namespace cancellint::tool {

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
