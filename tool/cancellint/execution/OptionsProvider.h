//===--- OptionsProvider.h - .clang-tidy files, as cancellint reads them -===//
#ifndef CANCELLINT_TOOL_EXECUTION_OPTIONSPROVIDER_H
#define CANCELLINT_TOOL_EXECUTION_OPTIONSPROVIDER_H

#include "execution/AnalysisRequest.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/SourceMgr.h"
#include <functional>
#include <memory>

namespace cancellint::tool {

/// The options for one analysis. `.clang-tidy` files are read as clang-tidy
/// reads them (CheckOptions, HeaderFilterRegex, ...), with one difference:
/// from their `Checks`, only the globs that name cancel-* checks count.
/// A project's `Checks: '-*,bugprone-*'` is for clang-tidy; it must not turn
/// cancellint off, while `-cancel-blocking-call` there still disables that
/// check. --checks and --config apply as given.
///
/// A `.clang-tidy` file that is not valid YAML, or not a configuration, is
/// skipped, as clang-tidy skips it; each problem with it goes to
/// \p Diagnostics (the driver makes them errors before anything is
/// analysed, see input/ConfigurationCheck.h), unknown keys as warnings.
using ConfigDiagnostics = std::function<void(const llvm::SMDiagnostic &)>;
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const AnalysisRequest &Request,
                    ConfigDiagnostics Diagnostics = nullptr);

/// The text of --config or --config-file, if either was given.
std::optional<std::string> commandLineConfig(const AnalysisRequest &Request);

/// The globs of \p Checks that can name a cancel-* check.
std::string cancelGlobsOnly(llvm::StringRef Checks);

} // namespace cancellint::tool

#endif
