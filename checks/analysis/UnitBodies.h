//===--- UnitBodies.h - A walk over the unit's own function bodies -------===//
//
// Several analyses collect facts in one walk over a translation unit: who
// closes what, who writes which member. They skip system headers, and they
// need to know which named function the visited code runs in; a lambda's
// body runs wherever the lambda is sent, so inside one there is none.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_UNITBODIES_H
#define CANCELLINT_ANALYSIS_UNITBODIES_H

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

class UnitBodiesVisitor : public clang::ConstDynamicRecursiveASTVisitor {
public:
  explicit UnitBodiesVisitor(const clang::SourceManager &SM) : SM(SM) {}

  bool TraverseDecl(const clang::Decl *D) override;
  bool TraverseLambdaExpr(const clang::LambdaExpr *L) override;

protected:
  /// The named function whose body is being visited; null inside a lambda
  /// and outside function bodies.
  const clang::FunctionDecl *current() const {
    return Enclosing.empty() ? nullptr : Enclosing.back();
  }

private:
  const clang::SourceManager &SM;
  llvm::SmallVector<const clang::FunctionDecl *, 8> Enclosing;
};

} // namespace cancellint::analysis

#endif
