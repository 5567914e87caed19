//===--- Expressions.cpp - Looking through expressions -------------------===//
#include "Expressions.h"
#include "Instantiations.h"
#include "Limits.h"

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
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxBodyNodes;
       ++Steps) {
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

/// The data member of `*this` that \p E names, if it names one.
const FieldDecl *memberOfThis(const Expr *E) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts()
                                                  : nullptr);
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
  return F ? fieldAsWritten(F) : nullptr;
}

/// Whether \p E is an empty value: `{}`, `nullptr`, `NULL`, `T()`.
bool isEmptyValue(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, CXXScalarValueInitExpr>(E))
      return true;
    if (const auto *IL = dyn_cast<IntegerLiteral>(E))
      return IL->getValue().isZero();
    if (const auto *Init = dyn_cast<InitListExpr>(E))
      return Init->getNumInits() == 0;
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = C->getSubExpr();
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 0)
        return true;
      if (CE->getNumArgs() != 1)
        return false;
      E = CE->getArg(0);
      if (E->getType()->isNullPtrType())
        return true;
    } else {
      return false;
    }
  }
  return false;
}

const Expr *objectOfCall(const CallExpr *Call) {
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    return M->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
        Op->getNumArgs() > 0)
      return Op->getArg(0);
  return nullptr;
}

const ValueDecl *namedDecl(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl, BindingDecl>(DRE->getDecl()) ? DRE->getDecl() : nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

} // namespace cancellint::analysis
