//===--- Worker.h - Analysing one translation unit in this process -------===//
#ifndef CANCELLINT_TOOL_EXECUTION_WORKER_H
#define CANCELLINT_TOOL_EXECUTION_WORKER_H

#include "Findings.h"
#include "execution/AnalysisRequest.h"

namespace cancellint::tool {

/// Runs the enabled cancel-* checks over one translation unit through
/// clang-tidy's library API, so every check exists once for all front-ends.
TranslationUnitResult analyzeTranslationUnit(const AnalysisRequest &Request);

/// The entry point of a worker process: analyses each request line read
/// from the socket \p Fd and answers with a result line, until the driver
/// closes it. Returns the process exit code.
int runWorker(int Fd);

} // namespace cancellint::tool

#endif
