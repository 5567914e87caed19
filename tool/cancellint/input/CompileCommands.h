//===--- CompileCommands.h - Which files to analyse, and how -------------===//
#ifndef CANCELLINT_TOOL_INPUT_COMPILECOMMANDS_H
#define CANCELLINT_TOOL_INPUT_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cancellint::tool {

struct CompileCommandSource {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::string Description; ///< "build/compile_commands.json", "the command line"
};

/// The compilation database for a run: compiler arguments after "--" win,
/// then -p BUILD_DIR, then a compile_commands.json found above the first
/// file. Returns nullopt with \p Error set when none can be had.
std::optional<CompileCommandSource>
loadCompileCommands(const std::optional<std::vector<std::string>> &FixedArgs,
                    const std::string &BuildPath,
                    const std::vector<std::string> &Files, std::string &Error);

/// The command to analyse \p File with: the first the database has, with
/// Clang's resource directory added so builtin headers are found from any
/// install location. Nullopt when the database has none.
std::optional<clang::tooling::CompileCommand>
commandFor(const clang::tooling::CompilationDatabase &Database,
           const std::string &File);

} // namespace cancellint::tool

#endif
