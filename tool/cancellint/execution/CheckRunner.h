//===--- CheckRunner.h - clang-tidy's checks over one translation unit ----===//
#ifndef CANCELLINT_TOOL_EXECUTION_CHECKRUNNER_H
#define CANCELLINT_TOOL_EXECUTION_CHECKRUNNER_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <string>
#include <vector>

namespace cancellint::tool {

/// Runs the checks \p Context enables over \p File, as clang-tidy's
/// runClangTidy does, with one difference: the parser skips the bodies of
/// ordinary (non-template) functions in system headers, which no check
/// reads (every check and shared analysis stops at system headers; the
/// models describe the libraries instead). Template bodies are kept: their
/// instantiations are built from them. With SystemHeaders on, nothing is
/// skipped.
std::vector<clang::tidy::ClangTidyError>
runChecks(clang::tidy::ClangTidyContext &Context,
          const clang::tooling::CompilationDatabase &Database,
          const std::string &File,
          llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS);

} // namespace cancellint::tool

#endif
