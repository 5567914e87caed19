//===--- DependencyRecorder.cpp - Which files a translation unit read ----===//
//
// The compiler's own dependency output cannot be used: ClangTool strips
// every -M* argument from compile commands, -Xclang ones included.
//
//===----------------------------------------------------------------------===//
#include "execution/DependencyRecorder.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>

using namespace clang;

namespace cancellint::tool {

static llvm::StringSet<> &dependencySet() {
  static llvm::StringSet<> Files;
  return Files;
}

std::vector<std::string> takeRecordedDependencies() {
  std::vector<std::string> Files;
  for (const auto &Entry : dependencySet())
    Files.push_back(Entry.getKey().str());
  dependencySet().clear();
  std::sort(Files.begin(), Files.end());
  return Files;
}

namespace {

class Recorder : public PPCallbacks {
public:
  explicit Recorder(const SourceManager &SM) : SM(SM) {}

  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind, FileID) override {
    if (Reason != EnterFile)
      return;
    if (auto File = SM.getFileEntryRefForID(SM.getFileID(Loc)))
      dependencySet().insert(File->getName());
  }

private:
  const SourceManager &SM;
};

class DependencyRecorderCheck : public tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *) override {
    PP->addPPCallbacks(std::make_unique<Recorder>(SM));
  }
};

class InternalModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<DependencyRecorderCheck>(DependencyRecorderCheckName);
  }
};

} // namespace

} // namespace cancellint::tool

static clang::tidy::ClangTidyModuleRegistry::Add<
    cancellint::tool::InternalModule>
    X("cancellint-internal", "What the standalone cancellint needs inside.");
