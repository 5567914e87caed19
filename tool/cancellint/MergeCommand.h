//===--- MergeCommand.h - `cancellint merge`: SARIF of shards as one -----===//
#ifndef CANCELLINT_TOOL_MERGECOMMAND_H
#define CANCELLINT_TOOL_MERGECOMMAND_H

#include <string>
#include <vector>

namespace cancellint::tool {

/// `cancellint merge A.sarif B.sarif... -o all.sarif`: the report one run
/// over all the shards' translation units would have written, byte for
/// byte. Returns the exit code such a run would have had, or 2 on error.
int runMerge(const std::vector<std::string> &Inputs,
             const std::string &OutputPath);

} // namespace cancellint::tool

#endif
