//===--- References.cpp - Every reference to a declaration in a body -----===//
#include "References.h"
#include "Limits.h"
#include "Parents.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cancellint::analysis {

DeclRefIndex::DeclRefIndex(const Stmt *Body) {
  // An explicit stack: long operator chains nest deeper than recursion
  // should go.
  llvm::SmallVector<const Stmt *, 64> Work;
  if (Body)
    Work.push_back(Body);
  llvm::SmallVector<const Stmt *, 16> Children;
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      Refs[Ref->getDecl()].push_back(Ref);
    // Children pushed in reverse so that references come out in source
    // order.
    Children.clear();
    for (const Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    Work.append(Children.rbegin(), Children.rend());
  }
}

llvm::ArrayRef<const DeclRefExpr *>
DeclRefIndex::refsTo(const ValueDecl *D) const {
  auto It = Refs.find(D);
  if (It == Refs.end())
    return {};
  return It->second;
}

bool passesValueThrough(const Expr *Parent, const Expr *E,
                        const ASTContext &Ctx) {
  if (isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups,
          MaterializeTemporaryExpr, CXXBindTemporaryExpr, ConstantExpr>(
          Parent))
    return true;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent))
    return !Cast->getType()->isVoidType() &&
           Ctx.hasSameUnqualifiedType(Cast->getType(), E->getType());
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Parent))
    return Ctor->getNumArgs() == 1 && Ctor->getArg(0) == E &&
           (Ctor->getConstructor()->isCopyOrMoveConstructor() ||
            Ctx.hasSameUnqualifiedType(Ctor->getType(), E->getType()));
  return false;
}

ValueUser valueUser(const Expr *E, ASTContext &Ctx) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    const DynTypedNodeList Parents = parentsOf(*E, Ctx);
    if (Parents.empty())
      return {DynTypedNode(), E};
    const auto *P = Parents[0].get<Expr>();
    if (!P || !passesValueThrough(P, E, Ctx))
      return {Parents[0], E};
    E = P;
  }
  return {DynTypedNode(), E};
}

const CXXMemberCallExpr *memberCallOn(const DeclRefExpr *Ref,
                                      ASTContext &Ctx) {
  const Expr *E = Ref;
  for (unsigned Depth = 0; Depth < limits::MaxWrapperDepth; ++Depth) {
    const DynTypedNodeList Parents = parentsOf(*E, Ctx);
    if (Parents.empty())
      return nullptr;
    if (const auto *ME = Parents[0].get<MemberExpr>()) {
      const DynTypedNodeList Callers = parentsOf(*ME, Ctx);
      const auto *Call =
          Callers.empty() ? nullptr : Callers[0].get<CXXMemberCallExpr>();
      return Call && Call->getCallee() == ME ? Call : nullptr;
    }
    const auto *P = Parents[0].get<Expr>();
    if (!P || !isa<ParenExpr, ImplicitCastExpr>(P))
      return nullptr;
    E = P;
  }
  return nullptr;
}

bool discardsValue(const DynTypedNode &Parent, const Expr *Child) {
  if (const auto *Cast = Parent.get<ExplicitCastExpr>())
    return Cast->getType()->isVoidType();
  if (const auto *Comma = Parent.get<BinaryOperator>())
    return Comma->getOpcode() == BO_Comma && Comma->getLHS() == Child;
  const auto *S = Parent.get<Stmt>();
  return S && !isa<Expr, ReturnStmt, CoreturnStmt>(S);
}

} // namespace cancellint::analysis
