//===--- UnforwardedContextCheck.h - cancel-unforwarded-context ----------===//
#ifndef CANCELLINT_CHECKS_UNFORWARDEDCONTEXTCHECK_H
#define CANCELLINT_CHECKS_UNFORWARDEDCONTEXTCHECK_H

#include "ModelCheck.h"
#include "analysis/ContextSummaries.h"
#include "analysis/DiscardedTokens.h"
#include "analysis/TokenAlternatives.h"
#include "analysis/TokenFlow.h"
#include "analysis/TokensInScope.h"
#include "llvm/ADT/DenseSet.h"

namespace cancellint {

/// Inside a function that holds a context or token, finds the calls that
/// could take it but get something unrelated: a fresh root, a new local
/// context or source not tied to it, nothing at all although a
/// token-taking variant exists, a middleware's `next` called with another
/// context, or a token-less callee that starts its own root. Also finds
/// functions that explicitly discard the context they receive while they
/// wait or call down.
///
/// Docs: docs/checks/cancel-unforwarded-context.md
class UnforwardedContextCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
  void startTranslationUnit() override;

private:
  /// What one analysed function has reported already.
  struct Reported {
    llvm::DenseSet<const clang::Expr *> Origins;
    llvm::DenseSet<const clang::VarDecl *> Locals;
  };

  std::optional<analysis::TokensInScope> Holders;
  std::optional<analysis::ContextSummaries> Summaries;
  std::optional<analysis::TokenAlternatives> Alternatives;
  std::optional<analysis::OverrideSets> Overrides;
  llvm::DenseSet<const clang::FunctionDecl *> Analysed;

  void checkFunction(const clang::FunctionDecl *F);
  void checkDiscarded(const clang::FunctionDecl *F);
  void checkCall(analysis::TokenFlow &Flow, const clang::Expr *Call,
                 Reported &Done);
  void checkMiddlewareCall(analysis::TokenFlow &Flow, const clang::Expr *Call,
                           const clang::ParmVarDecl *Next);
  bool checkTokenArgument(analysis::TokenFlow &Flow, const clang::Expr *Call,
                          const analysis::TokenArgument &A, Reported &Done);
  void reportNewLocal(analysis::TokenFlow &Flow, const clang::Expr *Call,
                      const analysis::Provenance &P,
                      const analysis::TokenInScope &H,
                      const clang::FunctionDecl *Derive);
  bool checkTokenVariant(analysis::TokenFlow &Flow, const clang::Expr *Call);
  bool checkCallChain(analysis::TokenFlow &Flow, const clang::Expr *Call);
  void checkBypassedChildren(analysis::TokenFlow &Flow);

  /// The token in scope at \p Call to name for a parameter taking
  /// \p Wanted: a held one that can be passed there, else a local holding
  /// one derived from it, else (when \p AnyWill) the first held one. Empty
  /// when there is none.
  std::string tokenInScope(analysis::TokenFlow &Flow, const clang::Expr *Call,
                           const clang::CXXRecordDecl *Wanted, bool AnyWill);
  std::string describe(const analysis::Provenance &P);
};

} // namespace cancellint

#endif
