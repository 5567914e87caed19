//===--- Expressions.cpp - Looking through expressions -------------------===//
#include "Expressions.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace cancellint::analysis {

const Expr *ignoreValueWrappers(const Expr *E) {
  while (E) {
    const Expr *Inner = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(Inner))
      Inner = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Inner))
      Inner = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Inner))
      Inner = B->getSubExpr();
    if (Inner == E)
      return E;
    E = Inner;
  }
  return E;
}

bool isValueForwardingCall(const CallExpr *Call) {
  if (!Call || Call->getNumArgs() != 1)
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  const unsigned ID = FD ? FD->getBuiltinID() : 0;
  return ID == Builtin::BImove || ID == Builtin::BIforward ||
         ID == Builtin::BIas_const || ID == Builtin::BImove_if_noexcept;
}

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

llvm::SmallVector<const Expr *, 4> unresolvedConstructionArgs(const Expr *E) {
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *P = dyn_cast<ParenListExpr>(E))
    for (unsigned I = 0; I < P->getNumExprs(); ++I)
      Args.push_back(P->getExpr(I));
  else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(E))
    Args.append(U->arg_begin(), U->arg_end());
  else if (const auto *L = dyn_cast<InitListExpr>(E))
    Args.append(L->inits().begin(), L->inits().end());
  return Args;
}

const Stmt *findEvaluated(const Stmt *S,
                          llvm::function_ref<bool(const Stmt *)> Pred) {
  llvm::SmallVector<const Stmt *, 16> Work{S};
  for (unsigned Steps = 0; !Work.empty() && Steps < 4096; ++Steps) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (Pred(Cur))
      return Cur;
    if (isa<LambdaExpr, BlockExpr>(Cur))
      continue;
    // Source order: push children in reverse.
    llvm::SmallVector<const Stmt *, 8> Children(Cur->child_begin(),
                                                Cur->child_end());
    Work.append(Children.rbegin(), Children.rend());
  }
  return nullptr;
}

} // namespace cancellint::analysis
