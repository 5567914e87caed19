//===--- CompileCommands.cpp - Which files to analyse, and how -----------===//
#include "input/CompileCommands.h"
#include "input/CompileDatabaseReader.h"

#include "clang/Driver/Types.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
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
    if (!llvm::sys::fs::exists(BuildPath)) {
      Error = "build directory '" + BuildPath + "' (-p) does not exist";
      return std::nullopt;
    }
    if (!llvm::sys::fs::is_directory(BuildPath)) {
      Error = "'" + BuildPath +
              "' (-p) is not a directory: give the directory that holds "
              "compile_commands.json";
      return std::nullopt;
    }
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

namespace {

/// The arguments that say how the file is compiled, not where the results
/// go: two commands that differ only in their outputs (a library built as
/// static and as shared) analyse the same.
std::vector<std::string> analysedArguments(const CompileCommand &C) {
  static constexpr llvm::StringLiteral WithValue[] = {"-o", "-MF", "-MT",
                                                      "-MQ"};
  static constexpr llvm::StringLiteral Alone[] = {"-MD", "-MMD", "-c"};
  std::vector<std::string> Kept;
  const std::vector<std::string> &Args = C.CommandLine;
  for (size_t I = Args.empty() ? 0 : 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (llvm::is_contained(WithValue, A)) {
      ++I;
      continue;
    }
    bool Joined = llvm::any_of(WithValue, [&](llvm::StringRef P) {
      return P != "-o" && A.starts_with(P); // -MFdeps.d
    });
    if (Joined || llvm::is_contained(Alone, A) || A == C.Filename)
      continue;
    Kept.push_back(A.str());
  }
  return Kept;
}

/// What sets each variant apart: its defines, undefines and standard that
/// not every variant has, else any argument that not every variant has,
/// else what the others have and it lacks ("without -DX").
std::vector<std::string>
variantLabels(const std::vector<std::vector<std::string>> &Arguments,
              const std::vector<std::string> &Directories) {
  auto InAll = [&](const std::string &A) {
    return llvm::all_of(Arguments, [&](const std::vector<std::string> &V) {
      return llvm::is_contained(V, A);
    });
  };
  auto Telling = [](llvm::StringRef A) {
    return A.starts_with("-D") || A.starts_with("-U") ||
           A.starts_with("-std=") || A.starts_with("/D") ||
           A.starts_with("/std:");
  };
  std::vector<std::string> Labels;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    std::vector<std::string> Own, Other, Lacking;
    for (const std::string &A : Arguments[I])
      if (!InAll(A))
        (Telling(A) ? Own : Other).push_back(A);
    for (const std::vector<std::string> &V : Arguments)
      for (const std::string &A : V)
        if (!llvm::is_contained(Arguments[I], A) &&
            !llvm::is_contained(Lacking, A))
          Lacking.push_back(A);
    if (Own.empty())
      Own = Other;
    std::string Prefix;
    if (Own.empty() && !Lacking.empty()) {
      Prefix = "without ";
      Own = Lacking;
    }
    constexpr size_t Shown = 4;
    if (Own.size() > Shown) {
      Own.resize(Shown);
      Own.emplace_back("...");
    }
    std::string Label = Prefix + llvm::join(Own, " ");
    if (Own.empty()) // the same flags in another directory
      Label = "in " + Directories[I];
    Labels.push_back(Label);
  }
  return Labels;
}

} // namespace

std::vector<PlannedCommand> commandsFor(const CompilationDatabase &Database,
                                        const std::string &File) {
  std::vector<PlannedCommand> Planned;
  std::vector<std::vector<std::string>> Arguments;
  std::vector<std::string> Directories;
  for (CompileCommand &Command : Database.getCompileCommands(File)) {
    std::vector<std::string> Args = analysedArguments(Command);
    bool Seen = false;
    for (size_t I = 0; I < Planned.size(); ++I)
      Seen |= Arguments[I] == Args &&
              Directories[I] == Command.Directory;
    if (Seen)
      continue;
    Arguments.push_back(std::move(Args));
    Directories.push_back(Command.Directory);
    bool HasResourceDir = llvm::any_of(Command.CommandLine, [](llvm::StringRef A) {
      return A.starts_with("-resource-dir");
    });
    if (!HasResourceDir && !Command.CommandLine.empty())
      Command.CommandLine.insert(Command.CommandLine.begin() + 1,
                                 std::string("-resource-dir=") +
                                     CANCELLINT_CLANG_RESOURCE_DIR);
    Planned.emplace_back(PlannedCommand{std::move(Command), ""});
  }
  if (Planned.size() > 1) {
    std::vector<std::string> Labels = variantLabels(Arguments, Directories);
    for (size_t I = 0; I < Planned.size(); ++I)
      Planned[I].Variant = Labels[I];
  }
  return Planned;
}

bool compilesCOrCxx(const CompileCommand &Command) {
  namespace types = clang::driver::types;
  types::ID Type = types::TY_INVALID;
  const std::vector<std::string> &Args = Command.CommandLine;
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A == "-x" && I + 1 < Args.size())
      Type = types::lookupTypeForTypeSpecifier(Args[++I].c_str());
    else if (A.starts_with("-x") && A.size() > 2)
      Type = types::lookupTypeForTypeSpecifier(A.drop_front(2).str().c_str());
  }
  if (Type == types::TY_INVALID) {
    llvm::StringRef Ext = llvm::sys::path::extension(Command.Filename);
    Type = types::lookupTypeForExtension(Ext.drop_front());
  }
  return Type == types::TY_INVALID || types::isDerivedFromC(Type);
}

} // namespace cancellint::tool
