//===--- DependencyRecorder.h - Which files a translation unit read ------===//
#ifndef CANCELLINT_TOOL_EXECUTION_DEPENDENCYRECORDER_H
#define CANCELLINT_TOOL_EXECUTION_DEPENDENCYRECORDER_H

#include <string>
#include <vector>

namespace cancellint::tool {

/// The name of the tool-internal check that records, through preprocessor
/// callbacks, every file the analysed unit entered (system headers too).
/// Only the standalone tool has it: the result cache needs it.
inline constexpr const char *DependencyRecorderCheckName =
    "cancellint-internal-dependencies";

/// The files recorded since the last call, sorted; a worker calls it after
/// each unit it analyses.
std::vector<std::string> takeRecordedDependencies();

} // namespace cancellint::tool

#endif
