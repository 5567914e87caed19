//===--- ConfigurationCheck.h - Configuration mistakes, before any work ---===//
#ifndef CANCELLINT_TOOL_INPUT_CONFIGURATIONCHECK_H
#define CANCELLINT_TOOL_INPUT_CONFIGURATIONCHECK_H

#include "execution/AnalysisRequest.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace cancellint::tool {

struct ConfigurationVerdict {
  unsigned Errors = 0;
  unsigned Warnings = 0;
};

/// Checks the configuration each of \p Files is analysed with (\p Settings
/// holds the options of the run: --checks, --config, --model, ...), the
/// way a worker will read it, and prints each problem to \p OS:
///  - errors: a --config, --config-file or `.clang-tidy` that is not valid
///    YAML or not a configuration, with FILE:LINE:COL; a --checks glob that
///    names no cancel-* check; no cancel-* check enabled for any file; an
///    option value the check would refuse (CheckOptions.h); a model that
///    does not load;
///  - warnings: a cancel-* option key no check reads, with the closest key
///    that one does.
/// Paths are shown relative to \p WorkingDirectory.
ConfigurationVerdict checkConfiguration(const AnalysisRequest &Settings,
                                        const std::vector<std::string> &Files,
                                        const std::string &WorkingDirectory,
                                        llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
