//===--- NoReturn.cpp - Where control never comes back -------------------===//
#include "NoReturn.h"
#include "CallArguments.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

bool isNoReturnCall(const CallExpr *C) {
  if (!C)
    return false;
  if (const FunctionDecl *FD = C->getDirectCallee())
    if (FD->isNoReturn())
      return true;
  const FunctionType *FT = calleeFunctionType(C);
  return FT && FT->getNoReturnAttr();
}

bool neverReturns(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *C = dyn_cast<CallExpr>(S))
    return isNoReturnCall(C);
  return false;
}

bool endsPath(const CFGElement &E, ASTContext &Ctx) {
  if (auto S = E.getAs<CFGStmt>())
    return neverReturns(S->getStmt());
  // Automatic, member, base and temporary destructors alike.
  if (auto D = E.getAs<CFGImplicitDtor>()) {
    const CXXDestructorDecl *Dtor = D->getDestructorDecl(Ctx);
    return Dtor && Dtor->isNoReturn();
  }
  return false;
}

} // namespace cancellint::analysis
