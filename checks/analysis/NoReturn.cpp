//===--- NoReturn.cpp - Where control never comes back -------------------===//
#include "NoReturn.h"
#include "CallArguments.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

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

bool isNoReturnBlock(const CFGBlock &B, ASTContext &Ctx) {
  if (B.hasNoReturnElement())
    return true;
  for (const CFGElement &E : B)
    if (endsPath(E, Ctx))
      return true;
  return false;
}

/// Whether \p S contains a break that leaves the loop or switch being
/// searched (breaks inside nested loops and switches leave those instead).
static bool containsOwnBreak(const Stmt *S) {
  if (!S)
    return false;
  if (isa<BreakStmt>(S))
    return true;
  if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt, LambdaExpr>(
          S))
    return false;
  for (const Stmt *Child : S->children())
    if (containsOwnBreak(Child))
      return true;
  return false;
}

static bool alwaysTrue(const Expr *Cond, const ASTContext &Ctx) {
  if (!Cond)
    return true;
  if (Cond->isValueDependent())
    return false;
  bool Value = false;
  return Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value;
}

bool isEndlessLoop(const Stmt *Loop, const ASTContext &Ctx) {
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return alwaysTrue(W->getCond(), Ctx) && !containsOwnBreak(W->getBody());
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return alwaysTrue(D->getCond(), Ctx) && !containsOwnBreak(D->getBody());
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return alwaysTrue(F->getCond(), Ctx) && !containsOwnBreak(F->getBody());
  return false; // a range-for ends when its range does
}

} // namespace cancellint::analysis
