//===--- Lambdas.cpp - Finding the lambda behind a value -----------------===//
#include "Lambdas.h"
#include "Limits.h"
#include "References.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprConcepts.h"

#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace cancellint::analysis {

const LambdaExpr *lambdaBehind(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    E = ignoreValueWrappers(E);
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L;
    if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = F->getSubExpr();
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() != 1)
        return nullptr;
      E = C->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // std::move(x) / std::forward<T>(x) are casts in disguise.
      if (isValueForwardingCall(Call))
        E = Call->getArg(0);
      else
        return nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

llvm::SmallVector<CapturedEntity, 4> capturesOf(const LambdaExpr *L) {
  return capturesOf(L->getLambdaClass());
}

llvm::SmallVector<CapturedEntity, 4> capturesOf(const CXXRecordDecl *Closure) {
  llvm::SmallVector<CapturedEntity, 4> Out;
  if (!Closure || !Closure->isLambda())
    return Out;
  llvm::SmallPtrSet<const ValueDecl *, 8> Seen;
  bool This = false;
  for (const LambdaCapture &C : Closure->captures()) {
    if (C.capturesThis()) {
      This = true;
      Out.push_back({nullptr, false, false, C.getLocation()});
    } else if (C.capturesVariable()) {
      const ValueDecl *V = C.getCapturedVar();
      const auto *VD = dyn_cast<VarDecl>(V);
      Seen.insert(V);
      Out.push_back({V, C.getCaptureKind() == LCK_ByRef,
                     VD && VD->isInitCapture(), C.getLocation()});
    }
  }
  const CXXMethodDecl *Op = Closure->getLambdaCallOperator();
  if (Closure->getLambdaCaptureDefault() == LCD_None || !Op || !Op->getBody() ||
      !Closure->isDependentContext())
    return Out;
  // A template as written: the implicit captures are the enclosing
  // function's locals the body names (in nested lambdas too), and `this`.
  const bool ByRef = Closure->getLambdaCaptureDefault() == LCD_ByRef;
  llvm::SmallVector<const Stmt *, 32> Work{Op->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    // Operands that are not evaluated capture nothing.
    if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, CXXTypeidExpr,
            RequiresExpr>(S))
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      // Locals of the lambda itself are not captured, nor are globals, nor
      // constants read for their value (not odr-used).
      if (V && V->hasLocalStorage() && !Op->Encloses(V->getDeclContext()) &&
          Ref->isNonOdrUse() == NOUR_None &&
          !V->isUsableInConstantExpressions(V->getASTContext()) &&
          Seen.insert(V).second)
        Out.push_back({V, ByRef, false, Ref->getLocation()});
    } else if (const auto *T = dyn_cast<CXXThisExpr>(S); T && !This) {
      This = true;
      Out.push_back({nullptr, false, false, T->getLocation()});
    }
    // Source order: the first use is where the capture is.
    llvm::SmallVector<const Stmt *, 8> Children(S->child_begin(),
                                                S->child_end());
    Work.append(Children.rbegin(), Children.rend());
  }
  return Out;
}

} // namespace cancellint::analysis
