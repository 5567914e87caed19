//===--- LostHandleCheck.h - cancel-lost-handle ---------------------------===//
#ifndef CANCELLINT_CHECKS_LOSTHANDLECHECK_H
#define CANCELLINT_CHECKS_LOSTHANDLECHECK_H

#include "ModelCheck.h"
#include "analysis/FunctionPaths.h"
#include "analysis/References.h"
#include <memory>

namespace cancellint {

struct HandleDef;

/// Cancel handles that are lost: Go-style cancel functions discarded or not
/// used on every path, sources destroyed while work they could stop still
/// runs, registrations destroyed at once, jthreads detached without their
/// stop source, shared states replaced while handles to them are out,
/// tokens taken from a source that is moved away.
///
/// Docs: docs/checks/cancel-lost-handle.md
class LostHandleCheck : public ModelCheck {
public:
  LostHandleCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~LostHandleCheck() override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void endTranslationUnit() override;
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
  void startTranslationUnit() override;

private:
  struct Candidates;
  struct State;
  std::unique_ptr<State> S;

  void checkDerivation(const clang::CallExpr *Call);
  void checkRegistration(const clang::Expr *E);
  /// What every rule asks about the function it looks at.
  struct FunctionScope {
    const clang::Decl *Function;
    const analysis::FunctionPaths *Paths; ///< null when no CFG could be built
    analysis::DeclRefIndex Refs;
    clang::ASTContext &Ctx;
  };
  void analyseFunction(const clang::Decl *Function, const Candidates &C);
  void checkHandles(const FunctionScope &F, llvm::ArrayRef<HandleDef> Handles);
  void checkSources(
      const FunctionScope &F,
      llvm::ArrayRef<std::pair<const clang::VarDecl *,
                               const model::SourceSpec *>>
          Sources);
  void checkDetaches(
      const FunctionScope &F,
      llvm::ArrayRef<std::pair<const clang::CXXMemberCallExpr *,
                               const model::SourceSpec *>>
          Detaches);
  /// Rule 5.
  void checkReplacedState(const clang::CXXOperatorCallExpr *Assign,
                          const clang::FieldDecl *Field);
  /// Whether a default-constructed \p RD is a new cancellation state.
  bool hasFreshDefault(const clang::CXXRecordDecl *RD);
  /// Rule 8.
  void checkMovedSources(
      const FunctionScope &F,
      llvm::ArrayRef<std::pair<const clang::CXXMemberCallExpr *,
                               const model::SourceSpec *>>
          Getters);
  /// Rule 6; whether it reported.
  bool checkDetachedWork(const FunctionScope &F,
                         const clang::CXXMemberCallExpr *Call);
  /// Whether constructing \p RD starts a thread (a model spawn constructor).
  bool startsThread(const clang::CXXRecordDecl *RD);
  /// Whether \p MD is a source's token_getter or source_getter.
  bool isSourceGetter(const clang::CXXMethodDecl *MD);
};

} // namespace cancellint

#endif
