//===--- Spawns.cpp - Work that keeps running after its statement --------===//
#include "Spawns.h"
#include "DeclNames.h"
#include "Lambdas.h"
#include "Limits.h"
#include "Parents.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

/// The spawn a constructor of \p Class is, for a construction that a
/// template leaves unresolved: any of its constructors the model names.
static const model::SpawnSpec *spawnBy(const CXXRecordDecl *Class,
                                       ModelQueries &Queries) {
  if (!Class || !Class->hasDefinition())
    return nullptr;
  for (const CXXConstructorDecl *C : Class->ctors())
    if (const model::SpawnSpec *Spec = Queries.spawn(C))
      return Spec;
  return nullptr;
}

std::optional<SpawnSite> enclosingSpawn(const Stmt *S, ModelQueries &Queries,
                                        ASTContext &Ctx) {
  DynTypedNode Cur = DynTypedNode::create(*S);
  for (unsigned Depth = 0; Depth < limits::MaxParentSteps; ++Depth) {
    const DynTypedNodeList Parents = parentsOf(Cur, Ctx);
    if (Parents.empty())
      return std::nullopt;
    const DynTypedNode &P = Parents[0];
    if (const auto *Call = P.get<CallExpr>()) {
      if (Call->getCallee() != Cur.get<Expr>())
        if (const model::SpawnSpec *Spec =
                Queries.spawn(Call->getDirectCallee()))
          return SpawnSite{Call, Spec};
    } else if (const auto *Ctor = P.get<CXXConstructExpr>()) {
      if (const model::SpawnSpec *Spec = Queries.spawn(Ctor->getConstructor()))
        return SpawnSite{Ctor, Spec};
    } else if (const auto *U = P.get<CXXUnresolvedConstructExpr>()) {
      // In a template: `std::thread([&] { ... })`.
      if (const model::SpawnSpec *Spec =
              spawnBy(unresolvedConstructed(U), Queries))
        return SpawnSite{U, Spec};
    } else if (const auto *V = P.get<VarDecl>();
               V && V->getInit() == Cur.get<Expr>()) {
      // In a template: `std::thread t([&] { ... });`.
      if (const model::SpawnSpec *Spec =
              spawnBy(unresolvedConstructed(V), Queries))
        return SpawnSite{V->getInit(), Spec};
    } else if (const auto *D = P.get<Decl>()) {
      // Out of lambda bodies (their call operator and closure class sit
      // between the body and the LambdaExpr) and local declarations; any
      // other declaration ends the search.
      const auto *Method = dyn_cast<CXXMethodDecl>(D);
      const auto *Class = dyn_cast<CXXRecordDecl>(D);
      if (!isa<VarDecl>(D) && !(Method && Method->getParent()->isLambda()) &&
          !(Class && Class->isLambda()))
        return std::nullopt;
    }
    Cur = P;
  }
  return std::nullopt;
}

bool isReferenceCaptureForSpawn(const DeclRefExpr *Ref, ModelQueries &Queries,
                                ASTContext &Ctx) {
  const Expr *E = Ref;
  for (;;) {
    const DynTypedNodeList Parents = parentsOf(*E, Ctx);
    if (Parents.empty())
      return false;
    if (const auto *Cast = Parents[0].get<ImplicitCastExpr>()) {
      E = Cast;
      continue;
    }
    const auto *Lambda = Parents[0].get<LambdaExpr>();
    if (!Lambda)
      return false;
    for (const CapturedEntity &C : capturesOf(Lambda))
      if (C.Var == Ref->getDecl() && C.ByReference)
        return enclosingSpawn(Lambda, Queries, Ctx).has_value();
    return false;
  }
}

/// Whether \p E is (part of) the operand of co_await or co_yield.
static bool isAwaited(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Cur = DynTypedNode::create(*E);
  for (unsigned Depth = 0; Depth < limits::MaxParentSteps; ++Depth) {
    const DynTypedNodeList Parents = parentsOf(Cur, Ctx);
    if (Parents.empty() || !Parents[0].get<Expr>())
      return false;
    if (Parents[0].get<CoroutineSuspendExpr>() ||
        Parents[0].get<DependentCoawaitExpr>())
      return true;
    Cur = Parents[0];
  }
  return false;
}


static bool isJoin(const MemberExpr *ME, const model::SpawnSpec &Spec) {
  const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
  return Method && Method->getIdentifier() && Method->getName() == Spec.Join;
}

/// Whether \p Body calls the join member of an object of class \p Class.
static bool joinsAnyOf(const Stmt *Body, const CXXRecordDecl *Class,
                       const model::SpawnSpec &Spec) {
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
      if (const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()))
        if (isJoin(Member, Spec) && Call->getRecordDecl() &&
            Call->getRecordDecl()->getCanonicalDecl() ==
                Class->getCanonicalDecl())
          return true;
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
  }
  return false;
}

bool workOutlivesFunction(const SpawnSite &Site, const Stmt *Body,
                          const DeclRefIndex &Refs, ASTContext &Ctx) {
  if (isAwaited(Site.Spawn, Ctx))
    return false;
  if (Site.Spec->Join.empty())
    return true;
  auto [Parent, Child] = valueUser(Site.Spawn, Ctx);
  // std::thread(work).join(): joined at once.
  if (const auto *ME = Parent.get<MemberExpr>())
    return !isJoin(ME, *Site.Spec);
  const auto *Object = Parent.get<VarDecl>();
  // thread = std::thread(work): the object assigned to.
  if (const auto *Op = Parent.get<CXXOperatorCallExpr>())
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Child)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        Object = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Object || !Object->hasLocalStorage()) {
    const CXXRecordDecl *Class = Site.Spawn->getType()->getAsCXXRecordDecl();
    return !Class || !joinsAnyOf(Body, Class, *Site.Spec);
  }
  for (const DeclRefExpr *Ref : Refs.refsTo(Object))
    if (const CXXMemberCallExpr *Call = memberCallOn(Ref, Ctx))
      if (isJoin(cast<MemberExpr>(Call->getCallee()), *Site.Spec))
        return false;
  return true;
}

} // namespace cancellint::analysis
