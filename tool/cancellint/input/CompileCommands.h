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

/// One way the database compiles a file.
struct PlannedCommand {
  clang::tooling::CompileCommand Command;
  /// What tells it apart from the file's other commands ("-DASIO_STANDALONE
  /// -std=c++20"); empty when the file has one.
  std::string Variant;
};

/// The commands to analyse \p File with: every distinct one the database
/// has (the same flags with other output files count once), with Clang's
/// resource directory added so builtin headers are found from any install
/// location. Empty when the database has none.
std::vector<PlannedCommand>
commandsFor(const clang::tooling::CompilationDatabase &Database,
            const std::string &File);

/// Whether \p Command compiles C, C++ or Objective-C, by its -x or else
/// its file's extension; an extension Clang does not know counts as C or
/// C++. Assembler (.s, .S), for one, does not.
bool compilesCOrCxx(const clang::tooling::CompileCommand &Command);

} // namespace cancellint::tool

#endif
