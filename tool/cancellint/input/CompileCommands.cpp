//===--- CompileCommands.cpp - Which files to analyse, and how -----------===//
#include "input/CompileCommands.h"
#include "input/CompileDatabaseReader.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace cancellint::tool {

std::optional<CompileCommandSource>
loadCompileCommands(const std::optional<std::vector<std::string>> &FixedArgs,
                    const std::string &BuildPath,
                    const std::vector<std::string> &Files, std::string &Error) {
  if (FixedArgs) {
    llvm::SmallString<256> Cwd;
    if (std::error_code EC = llvm::sys::fs::current_path(Cwd)) {
      Error = "cannot determine the working directory: " + EC.message();
      return std::nullopt;
    }
    return CompileCommandSource{
        std::make_unique<FixedCompilationDatabase>(Cwd.str(), *FixedArgs),
        "the compiler arguments after --"};
  }
  std::string LoadError;
  if (!BuildPath.empty()) {
    std::string JsonPath = BuildPath + "/compile_commands.json";
    if (!llvm::sys::fs::exists(JsonPath)) {
      Error = "no compile_commands.json in '" + BuildPath +
              "' (generate one with CMAKE_EXPORT_COMPILE_COMMANDS=ON or bear)";
      return std::nullopt;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(JsonPath, /*IsText=*/true);
    if (!Buffer) {
      Error = "cannot read '" + JsonPath + "': " + Buffer.getError().message();
      return std::nullopt;
    }
    auto DB = parseCompileCommands((*Buffer)->getBuffer(), JsonPath, LoadError);
    if (!DB) {
      // The first line for the summary, then one located line per problem.
      Error = "cannot read '" + JsonPath + "': invalid compilation database\n" +
              LoadError;
      return std::nullopt;
    }
    // Files not listed (headers, new files) borrow the flags of a neighbour.
    return CompileCommandSource{inferMissingCompileCommands(std::move(DB)),
                                BuildPath + "/compile_commands.json"};
  }
  if (!Files.empty()) {
    auto DB = CompilationDatabase::autoDetectFromSource(Files.front(), LoadError);
    if (DB)
      return CompileCommandSource{inferMissingCompileCommands(std::move(DB)),
                                  "a compile_commands.json above " +
                                      Files.front()};
  }
  Error = "no compilation database: pass -p <build-dir> (a directory with "
          "compile_commands.json) or compiler arguments after '--'";
  return std::nullopt;
}

std::optional<CompileCommand> commandFor(const CompilationDatabase &Database,
                                         const std::string &File) {
  std::vector<CompileCommand> Commands = Database.getCompileCommands(File);
  if (Commands.empty())
    return std::nullopt;
  CompileCommand Command = Commands.front();
  bool HasResourceDir = false;
  for (const std::string &Arg : Command.CommandLine)
    if (llvm::StringRef(Arg).starts_with("-resource-dir"))
      HasResourceDir = true;
  if (!HasResourceDir && !Command.CommandLine.empty())
    Command.CommandLine.insert(Command.CommandLine.begin() + 1,
                               std::string("-resource-dir=") +
                                   CANCELLINT_CLANG_RESOURCE_DIR);
  return Command;
}

} // namespace cancellint::tool
