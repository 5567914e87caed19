//===--- ModelCheck.h - Base of the checks that read the model -----------===//
//
// Every cancel-* check needs the same model, configured the same way:
//   ModelFiles  ';'-separated model files (read with getLocalOrGlobal, so one
//               global option serves every check)
//   Libraries   built-in libraries to load (default "*", e.g. "*,-folly")
// A check whose model does not load reports why and matches nothing.
// clang-tidy prints configuration errors; an editor shows only diagnostics
// with a place, so a front-end like cancellint-clangd asks for the error at
// the top of each file as well (showModelErrorsInFiles).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_CHECKS_MODELCHECK_H
#define CANCELLINT_CHECKS_MODELCHECK_H

#include "analysis/ModelQueries.h"
#include "analysis/UnitAnalyses.h"
#include "model/ModelStore.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <optional>
#include <set>

namespace cancellint {

/// Model errors also as a warning at the start of each analysed main file,
/// from one cancel-* check only. For front-ends that would drop
/// configuration errors, which have no source location.
void showModelErrorsInFiles(bool Show);

class ModelCheck : public clang::tidy::ClangTidyCheck {
public:
  ModelCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void onStartOfTranslationUnit() final;
  void onEndOfTranslationUnit() final;
  /// Overriders call this first.
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

protected:
  /// Called only when the model loaded.
  virtual void registerModelMatchers(clang::ast_matchers::MatchFinder *F) = 0;
  virtual void startTranslationUnit() {}
  /// After the last match of the unit, while unit() is still alive.
  virtual void endTranslationUnit() {}

  const model::Model &model() const { return *Model; }
  /// Per translation unit: its memo tables hold AST pointers.
  analysis::ModelQueries &queries() { return *Queries; }
  /// The analyses every check of this unit shares (CFGs and paths).
  analysis::UnitAnalyses &unit(const clang::ASTContext &Ctx);
  /// Whether this is the first finding of kind \p Kind at \p Loc in this
  /// unit: a place reached through several matches (a function and its
  /// instantiations, a handler armed twice) is reported once.
  bool reportOnce(clang::SourceLocation Loc, unsigned Kind = 0);

private:
  /// Whether this check is the one to show a model error in the file: the
  /// first enabled cancel-* check by name, so that it shows once.
  bool showsModelErrors() const;

  clang::tidy::ClangTidyContext *TidyContext;
  std::string ModelFiles;
  std::string Libraries;
  std::string ModelErrors; ///< one per line; empty when the model loaded
  std::shared_ptr<const model::Model> Model;
  std::optional<analysis::ModelQueries> Queries;
  std::shared_ptr<analysis::UnitAnalyses> Unit;
  std::set<std::pair<clang::SourceLocation::UIntTy, unsigned>> Reported;
};

} // namespace cancellint

#endif
