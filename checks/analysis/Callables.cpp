//===--- Callables.cpp - The functions an argument hands over ------------===//
#include "Callables.h"
#include "Limits.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace cancellint::analysis {

llvm::SmallVector<const FunctionDecl *, 2> callablesIn(const Expr *Arg) {
  llvm::SmallVector<const FunctionDecl *, 2> Out;
  llvm::SmallPtrSet<const Expr *, 8> Callees;
  llvm::SmallVector<const Stmt *, 16> Work{Arg};
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxExpressionNodes;
       ++Steps) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      const CXXRecordDecl *Class = L->getLambdaClass();
      if (const FunctionTemplateDecl *T =
              Class->getDependentLambdaCallOperator()) {
        for (const FunctionDecl *Spec : T->specializations())
          Out.push_back(Spec);
      } else {
        Out.push_back(L->getCallOperator());
      }
      continue; // its body runs later, as the work
    }
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const Expr *Callee = Call->getCallee())
        Callees.insert(Callee->IgnoreParenImpCasts());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
          FD && !Callees.count(DRE))
        Out.push_back(FD);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Out;
}

} // namespace cancellint::analysis
