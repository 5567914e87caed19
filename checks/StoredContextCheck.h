//===--- StoredContextCheck.h - cancel-stored-context --------------------===//
#ifndef CANCELLINT_CHECKS_STOREDCONTEXTCHECK_H
#define CANCELLINT_CHECKS_STOREDCONTEXTCHECK_H

#include "ModelCheck.h"
#include "analysis/SingleUseContexts.h"
#include "analysis/StoragePlaces.h"
#include "llvm/Support/Regex.h"

namespace cancellint {

/// Finds request-scoped tokens and contexts kept in places that outlive the
/// request: static and thread storage, and data members of long-lived
/// classes (services, pools, caches, registries).
///
/// Docs: docs/checks/cancel-stored-context.md
class StoredContextCheck : public ModelCheck {
public:
  StoredContextCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  /// Template instantiations would only repeat their pattern's findings.
  /// Skipping them in traversal costs nothing, where an "is this inside an
  /// instantiation" matcher would build a parent map of the whole AST.
  std::optional<clang::TraversalKind> getCheckTraversalKind() const override {
    return clang::TK_IgnoreUnlessSpelledInSource;
  }

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
  void startTranslationUnit() override { SingleUse.reset(); }
  void endTranslationUnit() override;

private:
  struct Carried; // what a stored value carries: a token, or a lambda capturing one

  std::string LongLivedClassPattern;
  std::string StoringMethods;
  llvm::Regex LongLivedName;

  std::optional<Carried> requestTokenCarriedBy(const clang::Expr *E);
  /// Why values stored in \p P outlive a request; empty if they need not.
  std::string whyLongLived(const analysis::StoragePlace &P,
                           const clang::NamedDecl *&ReasonDecl,
                           std::string &ReasonNote);
  /// Whether \p RD (or a base) has a data member holding a source, other
  /// than \p Except.
  bool ownsSource(const clang::CXXRecordDecl *RD,
                  const clang::Decl *Except = nullptr);
  bool isProcessWideToken(const clang::Expr *Value);
  bool isConstantRootToken(const clang::VarDecl *VD,
                           const analysis::HeldToken &T);

  /// Single-use contexts (grpc::ClientContext) reused, per unit.
  std::optional<analysis::SingleUseContexts> SingleUse;

  void checkVariable(const clang::VarDecl *VD);
  void checkSingleUse(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);
  /// \p Loc is where to report, \p Store the whole storing expression.
  void checkStore(const clang::Expr *Target, const clang::Expr *Value,
                  clang::SourceLocation Loc, clang::SourceRange Store,
                  const clang::ASTContext &Ctx);
};

} // namespace cancellint

#endif
