//===--- Worker.cpp - Analysing one translation unit in this process -----===//
//
// Translation units are analysed in worker processes, one unit at a time:
// a crash, a hang or an out-of-memory in one cannot take the others with
// it, and the driver can report exactly which file failed.
//
//===----------------------------------------------------------------------===//
#include "execution/Worker.h"
#include "Files.h"
#include "JsonText.h"
#include "SourceLines.h"
#include "execution/CheckRunner.h"
#include "execution/DependencyRecorder.h"
#include "execution/LineChannel.h"
#include "execution/OptionsProvider.h"
#include "report/RuleCatalog.h"

#include "CheckOptions.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <set>
#include <cstdlib>
#include <thread>

using namespace clang;
using namespace clang::tidy;

namespace cancellint::tool {

namespace {

/// The one compile command the driver chose for this file.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};

Location locate(SourceLines &Lines, const std::string &BuildDir,
                const tooling::DiagnosticMessage &M) {
  if (M.FilePath.empty())
    return {};
  std::string File = absolutePath(M.FilePath, BuildDir);
  Location L = Lines.locate(File, M.FileOffset);
  for (const tooling::FileByteRange &R : M.Ranges) {
    if (absolutePath(R.FilePath, BuildDir) != File ||
        R.FileOffset > M.FileOffset || M.FileOffset > R.FileOffset + R.Length)
      continue;
    Location End = Lines.locate(File, R.FileOffset + R.Length);
    L.EndLine = End.Line;
    L.EndColumn = End.Column;
    if (Location Start = Lines.locate(File, R.FileOffset);
        Start.Line == L.Line && Start.Column < L.Column)
      L.RangeColumn = Start.Column;
    return L;
  }
  // No range: the token at the place, as clangd marks it.
  if (L.Line) {
    L.EndLine = L.Line;
    L.EndColumn = L.Column + tokenLength(L.LineText, L.Column);
  }
  return L;
}

std::vector<Replacement> fixesOf(SourceLines &Lines, const std::string &BuildDir,
                                 const tooling::DiagnosticMessage &M) {
  std::vector<Replacement> Fixes;
  for (const auto &[FilePath, Replacements] : M.Fix)
    for (const tooling::Replacement &R : Replacements) {
      std::string File = absolutePath(R.getFilePath(), BuildDir);
      Fixes.push_back({File, R.getOffset(), R.getLength(),
                       R.getReplacementText().str(),
                       Lines.locate(File, R.getOffset()),
                       Lines.locate(File, R.getOffset() + R.getLength())});
    }
  return Fixes;
}

/// Test hook: lets the test suite prove that a crashing or hanging
/// translation unit loses nothing else, and see the order and pace of a
/// run. Unused unless the variable is set. ';'-separated KIND:ARG items:
/// crash:, hang: and slow: (one second) for the units whose path contains
/// ARG; record:FILE appends each unit's path to FILE as it starts.
void injectFaultForTesting(const std::string &File) {
  const char *Spec = std::getenv("CANCELLINT_TEST_FAULT");
  if (!Spec)
    return;
  llvm::SmallVector<StringRef> Items;
  StringRef(Spec).split(Items, ';');
  for (StringRef Item : Items) {
    auto [Kind, Arg] = Item.split(':');
    if (Kind == "record") {
      std::error_code EC;
      llvm::raw_fd_ostream(Arg, EC, llvm::sys::fs::OF_Append) << File << "\n";
      continue;
    }
    if (Arg.empty() || !StringRef(File).contains(Arg))
      continue;
    if (Kind == "crash")
      std::abort();
    if (Kind == "hang")
      std::this_thread::sleep_for(std::chrono::hours(1));
    if (Kind == "slow")
      std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

/// The cancel-* checks \p Context enables for \p File, and the models
/// they load: each check reads ModelFiles and Libraries as its own option
/// or the global one, from wherever the configuration came from.
void recordWhatRan(ClangTidyContext &Context, const std::string &File,
                   TranslationUnitResult &Result) {
  Context.setCurrentFile(File);
  const ClangTidyOptions::OptionMap &Options = Context.getOptions().CheckOptions;
  auto Value = [&](llvm::StringRef Check, const cancellint::CheckOption &O) {
    for (const std::string &Key : {(Check + "." + O.Name).str(), O.Name.str()})
      if (auto It = Options.find(Key); It != Options.end())
        return It->getValue().Value;
    return O.Default.str();
  };
  std::set<std::string> Libraries, Files;
  for (const Rule &R : rules()) {
    if (!Context.isCheckEnabled(R.Id))
      continue;
    Result.Checks.push_back(R.Id.str());
    model::ModelConfig Config =
        cancellint::modelConfig(Value(R.Id, cancellint::options::ModelFiles),
                    Value(R.Id, cancellint::options::Libraries), File);
    for (std::string &Name : model::selectedLibraryNames(Config.Libraries))
      Libraries.insert(std::move(Name));
    for (const std::string &F : Config.Files)
      Files.insert(absolutePath(F));
  }
  Result.Libraries.assign(Libraries.begin(), Libraries.end());
  Result.ModelFiles.assign(Files.begin(), Files.end());
}

} // namespace

TranslationUnitResult analyzeTranslationUnit(const AnalysisRequest &Request) {
  TranslationUnitResult Result;
  Result.File = Request.File;
  injectFaultForTesting(Request.File);

  ClangTidyContext Context(makeOptionsProvider(Request),
                           /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                           /*EnableModuleHeadersParsing=*/false,
                           /*ExperimentalCustomChecks=*/false);
  tooling::CompileCommand Command(Request.Directory, Request.File,
                                  Request.CommandLine, /*Output=*/"");
  SingleCommandDatabase Database(Command);
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<ClangTidyError> Errors =
      runChecks(Context, Database, Request.File, FS);

  SourceLines Lines;
  std::string CompilerErrors;
  for (const ClangTidyError &E : Errors) {
    std::string BuildDir =
        E.BuildDirectory.empty() ? Request.Directory : E.BuildDirectory;
    Finding F;
    F.Check = E.DiagnosticName;
    F.Level = E.DiagLevel == ClangTidyError::Error ? "error" : "warning";
    F.Message = E.Message.Message;
    F.Where = locate(Lines, BuildDir, E.Message);
    F.Fixes = fixesOf(Lines, BuildDir, E.Message);
    // A note's fix-it (cancel-blocking-call's token overload) is kept with
    // the note: it changes what the code does, so it is offered for review,
    // not applied with the finding's own fixes.
    for (const tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back({N.Message, locate(Lines, BuildDir, N),
                         fixesOf(Lines, BuildDir, N)});
    if (StringRef(F.Check).starts_with("clang-diagnostic-")) {
      // The compiler's errors are why a TU was not fully analysed; they are
      // reported as a failure of that TU, not as findings.
      if (F.Level != "error")
        continue;
      ++Result.Errors;
      if (!F.Where.File.empty())
        CompilerErrors += F.Where.File + ":" + std::to_string(F.Where.Line) +
                          ":" + std::to_string(F.Where.Column) + ": ";
      CompilerErrors += "error: " + F.Message + "\n";
      continue;
    }
    Result.Findings.push_back(std::move(F));
  }
  if (Result.Errors)
    Result.Failures.push_back(
        {Request.File,
         "does not compile (" + std::to_string(Result.Errors) +
             (Result.Errors == 1 ? " error" : " errors") +
             "); analysed as far as the compiler recovered",
         CompilerErrors});
  sortAndDeduplicate(Result.Findings);
  recordWhatRan(Context, Request.File, Result);
  if (Request.RecordDependencies)
    for (const std::string &File : takeRecordedDependencies())
      Result.Dependencies.push_back(absolutePath(File, Request.Directory));
  return Result;
}

int runWorker(int Fd) {
  LineChannel Channel(Fd);
  std::string Line;
  // One request line in, one result line out, until the driver hangs up.
  while (Channel.receive(Line, std::nullopt) == LineChannel::Status::Line) {
    nlohmann::json J = nlohmann::json::parse(Line, nullptr, false);
    if (J.is_discarded()) {
      llvm::errs() << "cancellint worker: malformed request\n";
      return 2;
    }
    TranslationUnitResult Result = analyzeTranslationUnit(requestFromJson(J));
    if (!Channel.send(jsonText(toJson(Result))))
      return 2;
  }
  return 0;
}

} // namespace cancellint::tool
