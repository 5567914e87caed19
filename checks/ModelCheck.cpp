//===--- ModelCheck.cpp - Base of the checks that read the model ---------===//
#include "ModelCheck.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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

/// A relative ModelFiles entry is resolved against the nearest directory,
/// from the analysed file upwards, that holds a .clang-tidy file and the
/// model: a project's .clang-tidy can name "tools/cancel-models/x.json"
/// whatever directory clang-tidy, clangd or cancellint is started from.
/// Otherwise it is relative to the working directory.
static std::string resolveModelPath(const std::string &Path,
                                    llvm::StringRef AnalysedFile) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path) || AnalysedFile.empty())
    return Path;
  llvm::SmallString<256> Dir(AnalysedFile);
  if (llvm::sys::fs::make_absolute(Dir))
    return Path;
  llvm::sys::path::remove_filename(Dir);
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Config(D), Candidate(D);
    llvm::sys::path::append(Config, ".clang-tidy");
    llvm::sys::path::append(Candidate, Path);
    if (llvm::sys::fs::exists(Config) && llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
  }
  return Path;
}

ModelCheck::ModelCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      ModelFiles(Options.getLocalOrGlobal("ModelFiles", "").str()),
      Libraries(Options.getLocalOrGlobal("Libraries", "*").str()) {
  model::ModelConfig Config;
  Config.Libraries = Libraries;
  // clang-tidy uses ';' between list items; a ',' inside a path is rare
  // enough that splitting on it as well keeps "a.json,b.json" working.
  for (const std::string &File : model::splitOptionList(ModelFiles))
    Config.Files.push_back(resolveModelPath(File, Context->getCurrentFile()));
  model::LoadedModel Loaded = model::loadModel(Config);
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
  Options.store(Opts, "ModelFiles", ModelFiles);
  Options.store(Opts, "Libraries", Libraries);
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
