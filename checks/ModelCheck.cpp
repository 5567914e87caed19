//===--- ModelCheck.cpp - Base of the checks that read the model ---------===//
#include "ModelCheck.h"
#include "CheckOptions.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <set>

namespace cancellint {

static std::atomic<bool> ModelErrorsInFiles{false};

void showModelErrorsInFiles(bool Show) { ModelErrorsInFiles = Show; }

/// The names of the checks built on ModelCheck, as they are constructed.
struct ModelCheckNames {
  std::mutex Lock;
  std::set<std::string> Names;
};
static ModelCheckNames &modelCheckNames() {
  static ModelCheckNames Registry;
  return Registry;
}

ModelCheck::ModelCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      ModelFiles(Options
                     .getLocalOrGlobal(options::ModelFiles.Name,
                                       options::ModelFiles.Default)
                     .str()),
      Libraries(Options
                    .getLocalOrGlobal(options::Libraries.Name,
                                      options::Libraries.Default)
                    .str()) {
  model::LoadedModel Loaded = model::loadModel(
      modelConfig(ModelFiles, Libraries, Context->getCurrentFile()));
  for (const model::ModelError &E : Loaded.Errors) {
    configurationDiag("invalid cancellation model: %0") << E.format();
    ModelErrors += (ModelErrors.empty() ? "" : "\n") + E.format();
  }
  Model = std::move(Loaded.Value);
  ModelCheckNames &Registry = modelCheckNames();
  std::scoped_lock Guard(Registry.Lock);
  Registry.Names.insert(Name.str());
}

bool ModelCheck::showsModelErrors() const {
  ModelCheckNames &Registry = modelCheckNames();
  std::scoped_lock Guard(Registry.Lock);
  for (const std::string &Other : Registry.Names) {
    if (Other == getID())
      return true;
    if (TidyContext->isCheckEnabled(Other))
      return false;
  }
  return true;
}

namespace {
/// Reports the model errors at the start of the main file once it is
/// entered.
class ModelErrorReporter : public clang::PPCallbacks {
public:
  ModelErrorReporter(const clang::SourceManager &SM,
                     std::function<void(clang::SourceLocation)> Report)
      : SM(SM), Report(std::move(Report)) {}
  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind, clang::FileID) override {
    if (Done || Reason != EnterFile || SM.getFileID(Loc) != SM.getMainFileID())
      return;
    Done = true;
    Report(SM.getLocForStartOfFile(SM.getMainFileID()));
  }

private:
  const clang::SourceManager &SM;
  std::function<void(clang::SourceLocation)> Report;
  bool Done = false;
};
} // namespace

void ModelCheck::registerPPCallbacks(const clang::SourceManager &SM,
                                     clang::Preprocessor *PP,
                                     clang::Preprocessor *) {
  if (ModelErrors.empty() || !ModelErrorsInFiles || !showsModelErrors())
    return;
  PP->addPPCallbacks(std::make_unique<ModelErrorReporter>(
      SM, [this](clang::SourceLocation Start) {
        diag(Start, "the cancellation model does not load, so the cancel-* "
                    "checks are off: %0")
            << ModelErrors;
      }));
}

void ModelCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, options::ModelFiles.Name, ModelFiles);
  Options.store(Opts, options::Libraries.Name, Libraries);
}

void ModelCheck::registerMatchers(clang::ast_matchers::MatchFinder *Finder) {
  if (Model)
    registerModelMatchers(Finder);
}

void ModelCheck::onStartOfTranslationUnit() {
  if (!Model)
    return;
  Queries.emplace(*Model);
  Unit.reset();
  Reported.clear();
  startTranslationUnit();
}

void ModelCheck::onEndOfTranslationUnit() {
  if (!Model)
    return;
  endTranslationUnit();
  Unit.reset();
}

analysis::UnitAnalyses &ModelCheck::unit(const clang::ASTContext &Ctx) {
  if (!Unit)
    Unit = analysis::UnitAnalyses::of(Ctx);
  return *Unit;
}

bool ModelCheck::reportOnce(clang::SourceLocation Loc, unsigned Kind) {
  return Reported.insert({Loc.getRawEncoding(), Kind}).second;
}

} // namespace cancellint
