//===--- LostHandleCheck.h - cancel-lost-handle ---------------------------===//
#ifndef CANCELLINT_CHECKS_LOSTHANDLECHECK_H
#define CANCELLINT_CHECKS_LOSTHANDLECHECK_H

#include "ModelCheck.h"
#include <memory>

namespace cancellint {

/// Cancel handles that are lost: Go-style cancel functions discarded or not
/// used on every path, sources destroyed while work they could stop still
/// runs, registrations destroyed at once, jthreads detached without their
/// stop source.
///
/// Docs: docs/checks/cancel-lost-handle.md
class LostHandleCheck : public ModelCheck {
public:
  LostHandleCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~LostHandleCheck() override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void endTranslationUnit() override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
  void startTranslationUnit() override;

private:
  struct Candidates;
  struct State;
  std::unique_ptr<State> S;

  void checkDerivation(const clang::CallExpr *Call);
  void checkRegistration(const clang::Expr *E);
  void analyseFunction(const clang::Decl *Function, const Candidates &C);
};

} // namespace cancellint

#endif
