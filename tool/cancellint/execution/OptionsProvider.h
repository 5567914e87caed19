//===--- OptionsProvider.h - .clang-tidy files, as cancellint reads them -===//
#ifndef CANCELLINT_TOOL_EXECUTION_OPTIONSPROVIDER_H
#define CANCELLINT_TOOL_EXECUTION_OPTIONSPROVIDER_H

#include "execution/AnalysisRequest.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <memory>

namespace cancellint::tool {

/// The options for one analysis. `.clang-tidy` files are read as clang-tidy
/// reads them (CheckOptions, HeaderFilterRegex, ...), with one difference:
/// from their `Checks`, only the globs that name cancel-* checks count.
/// A project's `Checks: '-*,bugprone-*'` is for clang-tidy; it must not turn
/// cancellint off, while `-cancel-blocking-call` there still disables that
/// check. --checks and --config apply as given.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const AnalysisRequest &Request);

/// The globs of \p Checks that can name a cancel-* check.
std::string cancelGlobsOnly(llvm::StringRef Checks);

} // namespace cancellint::tool

#endif
