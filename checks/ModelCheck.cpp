//===--- ModelCheck.cpp - Base of the checks that read the model ---------===//
#include "ModelCheck.h"

namespace cancellint {

ModelCheck::ModelCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ModelFiles(Options.getLocalOrGlobal("ModelFiles", "").str()),
      Libraries(Options.getLocalOrGlobal("Libraries", "*").str()) {
  model::ModelConfig Config;
  Config.Libraries = Libraries;
  Config.Files = model::splitOptionList(ModelFiles);
  // clang-tidy uses ';' between list items; a ',' inside a path is rare
  // enough that splitting on it as well keeps "a.json,b.json" working.
  model::LoadedModel Loaded = model::loadModel(Config);
  for (const model::ModelError &E : Loaded.Errors)
    configurationDiag("invalid cancellation model: %0") << E.format();
  Model = std::move(Loaded.Value);
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
  startTranslationUnit();
}

} // namespace cancellint
