//===--- DependencyScan.h - Which files a unit includes, before analysis -===//
//
// --diff analyses only the units a change can reach. When the result cache
// has no record of what a unit includes, clang's dependency scanner finds
// out: it only preprocesses (minimised) sources, a small fraction of the
// cost of analysing them.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_EXECUTION_DEPENDENCYSCAN_H
#define CANCELLINT_TOOL_EXECUTION_DEPENDENCYSCAN_H

#include "execution/AnalysisRequest.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace cancellint::tool {

using Dependencies = std::optional<std::vector<std::string>>;

/// The files each of \p Requests includes (absolute paths, the main file
/// too), scanned on \p Jobs threads. Nullopt for a unit that could not be
/// scanned: it may then include anything.
std::vector<Dependencies>
scanDependencies(const std::vector<const AnalysisRequest *> &Requests,
                 unsigned Jobs);

/// The prerequisites of a Makefile rule as clang writes it ("out.o: a.cpp
/// b\ c.h \<newline> d.h"), unescaped.
std::vector<std::string> parseMakeDependencies(llvm::StringRef Rule);

} // namespace cancellint::tool

#endif
