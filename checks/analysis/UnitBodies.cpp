//===--- UnitBodies.cpp - A walk over the unit's own function bodies -----===//
#include "UnitBodies.h"

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

bool UnitBodiesVisitor::TraverseDecl(const Decl *D) {
  if (!D ||
      (!isa<TranslationUnitDecl>(D) && SM.isInSystemHeader(D->getLocation())))
    return true;
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (!FD || !FD->doesThisDeclarationHaveABody())
    return ConstDynamicRecursiveASTVisitor::TraverseDecl(D);
  Enclosing.push_back(FD);
  const bool Result = ConstDynamicRecursiveASTVisitor::TraverseDecl(D);
  Enclosing.pop_back();
  return Result;
}

bool UnitBodiesVisitor::TraverseLambdaExpr(const LambdaExpr *L) {
  Enclosing.push_back(nullptr); // a lambda runs wherever it is sent
  const bool Result = ConstDynamicRecursiveASTVisitor::TraverseLambdaExpr(L);
  Enclosing.pop_back();
  return Result;
}

} // namespace cancellint::analysis
