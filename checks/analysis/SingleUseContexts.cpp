//===--- SingleUseContexts.cpp - Contexts that serve one call ------------===//
#include "SingleUseContexts.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Limits.h"
#include "StopFlags.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// The variable or member an argument hands over: `&ctx`, `ctx.get()`,
/// `ctx` (a pointer or reference), `this->ctx_`.
const ValueDecl *contextHeldBy(const Expr *Arg) {
  const Expr *E = ignoreValueWrappers(Arg);
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)) {
      E = ignoreValueWrappers(U->getSubExpr());
      continue;
    }
    // ctx.get() on a smart pointer, *ctx through operator*.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
        MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
        MC->getMethodDecl()->getName() == "get" && MC->getNumArgs() == 0) {
      E = ignoreValueWrappers(MC->getImplicitObjectArgument());
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1) {
      E = ignoreValueWrappers(Op->getArg(0));
      continue;
    }
    break;
  }
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
        F && isa<CXXThisExpr>(ignoreValueWrappers(ME->getBase())))
      return StopFlags::canonicalVar(F);
  return nullptr;
}

/// Whether \p S gives \p Var a new context: an assignment, reset() or
/// emplace() on it.
bool renews(const Stmt *S, const ValueDecl *Var) {
  const Expr *Target = nullptr;
  if (const auto *B = dyn_cast<BinaryOperator>(S);
      B && B->getOpcode() == BO_Assign)
    Target = B->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    Target = Op->getArg(0);
  else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
           MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
           (MC->getMethodDecl()->getName() == "reset" ||
            MC->getMethodDecl()->getName() == "emplace"))
    Target = MC->getImplicitObjectArgument();
  if (!Target)
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(ignoreValueWrappers(Target));
  return DRE && DRE->getDecl() == Var;
}


} // namespace

llvm::SmallVector<ContextUse, 1>
SingleUseContexts::usesAt(const Expr *Call) {
  llvm::SmallVector<ContextUse, 1> Out;
  // A call through a callable object (std::function, a lambda, a callback
  // parameter) may only configure the context: what it runs is not known.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Call)
    return Out;
  // A call a template leaves unresolved may call any of the functions its
  // name found; it uses the context when every one of them would.
  llvm::SmallVector<const FunctionDecl *, 4> Callees;
  if (const FunctionDecl *Callee = calleeOf(Call))
    Callees.push_back(Callee);
  else
    Callees = unresolvedCandidates(Call);
  if (Callees.empty())
    return Out;
  const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  for (unsigned I = 0; I < Args.size(); ++I) {
    std::optional<HeldToken> Taken;
    for (const FunctionDecl *Callee : Callees) {
      std::optional<HeldToken> T;
      if (I < Callee->getNumParams())
        T = Queries.tokenHeldBy(Callee->getParamDecl(I)->getType());
      if (!T || !T->Spec->SingleUse || T->How == Holding::Element ||
          !consumes(Callee, I, 0)) {
        Taken.reset();
        break;
      }
      Taken = T;
    }
    if (!Taken)
      continue;
    if (const ValueDecl *Context = contextHeldBy(Args[I]))
      Out.push_back({Call, Callees.front(), Context, *Taken});
  }
  return Out;
}

bool SingleUseContexts::consumes(const FunctionDecl *Callee, unsigned Index,
                                 unsigned Depth) {
  const FunctionDecl *Def = Callee->getDefinition();
  // Not in this unit (a generated stub's method): it makes the call.
  if (!Def || !Def->getBody() || Index >= Def->getNumParams() ||
      Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return true;
  auto [It, Inserted] = Consumes.try_emplace({Def, Index}, false);
  if (!Inserted || Depth >= limits::MaxCallDepth)
    return It->second;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  bool Found = false;
  findEvaluated(Def->getBody(), [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || !isa<CallExpr, CXXConstructExpr>(E))
      return false;
    const FunctionDecl *Inner = calleeOf(E);
    if (!Inner)
      return false;
    const llvm::ArrayRef<const Expr *> Args = parameterArguments(E);
    for (unsigned I = 0; I < Args.size() && !Found; ++I)
      if (contextHeldBy(Args[I]) == Param)
        if (const ParmVarDecl *P = parameterFor(E, I))
          if (std::optional<HeldToken> T = Queries.tokenHeldBy(P->getType());
              T && T->Spec->SingleUse)
            Found = consumes(Inner, I, Depth + 1);
    return Found;
  });
  Consumes[{Def, Index}] = Found;
  return Found;
}

std::vector<ContextReuse>
SingleUseContexts::reusesIn(const FunctionDecl *FD) {
  std::vector<ContextReuse> Out;
  if (!FD->getBody())
    return Out;
  // Every use in the body, in source order (lambda bodies are their own
  // functions); the CFG is built only for a function that has one.
  std::vector<ContextUse> Uses;
  findEvaluated(FD->getBody(), [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S); E && isa<CallExpr, CXXConstructExpr>(E))
      for (const ContextUse &U : usesAt(E))
        Uses.push_back(U);
    return false;
  });
  if (Uses.empty())
    return Out;
  const FunctionPaths *P = Paths.get(FD);
  if (!P)
    return Out;
  // Where each context is declared or made anew: paths stop there.
  llvm::DenseMap<const ValueDecl *, PathStops> Stops;
  for (const ContextUse &U : Uses) {
    if (Stops.count(U.Context))
      continue;
    PathStops &S = Stops[U.Context];
    if (const auto *VD = dyn_cast<VarDecl>(U.Context))
      if (std::optional<CFGPoint> Decl = P->pointOfDecl(VD))
        S.addSilent(*Decl);
    findEvaluated(FD->getBody(), [&](const Stmt *St) {
      if (renews(St, U.Context))
        if (std::optional<CFGPoint> At = P->pointOf(St))
          S.addSilent(*At);
      return false;
    });
  }
  for (size_t I = 0; I < Uses.size(); ++I) {
    const ContextUse &U = Uses[I];
    std::optional<CFGPoint> At = P->pointOf(U.Call);
    if (!At)
      continue;
    const PathStops &S = Stops[U.Context];
    std::optional<bool> Again = P->reaches(*At, *At, S);
    RepeatedUse[U.Call] = Again && *Again;
    if (isa<FieldDecl>(U.Context)) {
      // A member held by value cannot be made anew; it is judged over the
      // whole unit. Members held through pointers may be renewed anywhere.
      if (std::optional<HeldToken> T = Queries.tokenHeldBy(U.Context->getType());
          T && T->How == Holding::Value)
        MemberUses[U.Context].push_back(U);
      continue;
    }
    if (Again && *Again) {
      Out.push_back({ContextReuse::NextPass, U, {}});
      continue;
    }
    for (size_t J = 0; J < I; ++J) {
      const ContextUse &Earlier = Uses[J];
      if (Earlier.Context != U.Context)
        continue;
      std::optional<CFGPoint> From = P->pointOf(Earlier.Call);
      std::optional<bool> Reached =
          From ? P->reaches(*From, *At, S) : std::nullopt;
      if (Reached && *Reached) {
        Out.push_back({ContextReuse::Second, U, Earlier});
        break;
      }
    }
  }
  return Out;
}

std::vector<std::vector<ContextUse>>
SingleUseContexts::membersUsedTwice() const {
  std::vector<std::vector<ContextUse>> Out;
  for (const auto &[Member, Uses] : MemberUses) {
    std::vector<ContextUse> Sorted = Uses;
    const SourceManager &SM = Member->getASTContext().getSourceManager();
    llvm::sort(Sorted, [&](const ContextUse &A, const ContextUse &B) {
      return SM.isBeforeInTranslationUnit(A.Call->getBeginLoc(),
                                          B.Call->getBeginLoc());
    });
    Sorted.erase(std::unique(Sorted.begin(), Sorted.end(),
                             [](const ContextUse &A, const ContextUse &B) {
                               return A.Call == B.Call;
                             }),
                 Sorted.end());
    if (Sorted.size() > 1 || RepeatedUse.lookup(Sorted.front().Call))
      Out.push_back(std::move(Sorted));
  }
  return Out;
}

} // namespace cancellint::analysis
