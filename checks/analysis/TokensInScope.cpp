//===--- TokensInScope.cpp - Which tokens a function holds ----------------===//
#include "TokensInScope.h"
#include "Lambdas.h"
#include "Limits.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cancellint::analysis {

/// The co_await \p E is, looking through the conversions and the copy that
/// initialise a variable from it.
static const CoawaitExpr *awaitIn(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    E = E->IgnoreImplicit();
    if (const auto *A = dyn_cast<CoawaitExpr>(E))
      return A;
    const auto *C = dyn_cast<CXXConstructExpr>(E);
    if (!C || C->getNumArgs() != 1)
      return nullptr;
    E = C->getArg(0);
  }
  return nullptr;
}

/// Adds the tokens the coroutine body \p Body co_awaits, in source order.
/// Lambdas inside are other functions and are not looked into.
static void addAwaitedTokens(const Stmt *Body, ModelQueries &Queries,
                             std::vector<TokenInScope> &Found) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  llvm::SmallPtrSet<const CoawaitExpr *, 4> Bound;
  std::vector<TokenInScope> Awaited;
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const CoawaitExpr *A = awaitIn(VD->getInit()))
            if (auto T = Queries.tokenHeldBy(A->getType())) {
              Awaited.push_back({VD, *T, TokenInScope::Awaited});
              Bound.insert(A);
            }
    } else if (const auto *A = dyn_cast<CoawaitExpr>(S); A && !Bound.count(A)) {
      if (auto T = Queries.tokenHeldBy(A->getType()))
        Awaited.push_back({nullptr, *T, TokenInScope::Awaited});
    }
    // Children pushed in reverse, so the walk visits them in source order.
    const size_t First = Work.size();
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
    std::reverse(Work.begin() + First, Work.end());
  }
  Found.insert(Found.end(), Awaited.begin(), Awaited.end());
}

/// The class whose members \p FD reaches through `this`: its own, or for
/// a lambda capturing `this`, the enclosing one.
static const CXXRecordDecl *objectOf(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic() || isa<CXXConstructorDecl, CXXDestructorDecl>(MD))
    return nullptr;
  const CXXRecordDecl *RD = MD->getParent();
  if (!RD->isLambda())
    return RD;
  if (!RD->getLambdaCaptureDefault() &&
      !llvm::any_of(RD->captures(),
                    [](const LambdaCapture &C) { return C.capturesThis(); }))
    return nullptr;
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *Outer = dyn_cast<CXXRecordDecl>(DC);
        Outer && !Outer->isLambda())
      return Outer;
  return nullptr;
}

void TokensInScope::addMemberTokens(const CXXRecordDecl *RD,
                                    std::vector<TokenInScope> &Found) {
  if (!RD->hasDefinition() || Queries.isLongLivedByModel(RD, nullptr))
    return;
  // A class owning a source (a worker with its jthread) keeps its own
  // lifetime token: not a request's.
  // (A context that is token and source at once is the request's.)
  for (const FieldDecl *F : RD->fields())
    if (Queries.sourceHeldBy(F->getType()) &&
        !Queries.tokenHeldBy(F->getType()))
      return;
  for (const FieldDecl *F : RD->fields()) {
    std::optional<HeldToken> T = Queries.tokenHeldBy(F->getType());
    if (T && T->Spec->Scope == model::TokenScope::Request &&
        T->How != Holding::Element)
      Found.push_back({F, *T, TokenInScope::Member});
  }
}

llvm::ArrayRef<TokenInScope> TokensInScope::of(const FunctionDecl *FD) {
  if (!FD)
    return {};
  FD = FD->getCanonicalDecl();
  auto [It, Inserted] = Memo.try_emplace(FD);
  if (!Inserted)
    return It->second;
  std::vector<TokenInScope> Found;
  const FunctionDecl *Def = FD->getDefinition() ? FD->getDefinition() : FD;
  // A parameter a macro declared (gmock's ACTION_P gives every action
  // `arg0`...`arg9`) is not a token the user's code holds.
  for (const ParmVarDecl *P : Def->parameters())
    if (P->getLocation().isMacroID())
      continue;
    else if (auto T = Queries.tokenHeldBy(P->getType()))
      Found.push_back({P, *T, TokenInScope::Parameter});
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def);
      MD && MD->getParent()->isLambda()) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
    FieldDecl *ThisCapture = nullptr;
    MD->getParent()->getCaptureFields(Captures, ThisCapture);
    // DenseMap order is not stable; keep source order for determinism.
    std::vector<std::pair<const ValueDecl *, FieldDecl *>> Ordered(
        Captures.begin(), Captures.end());
    llvm::sort(Ordered, [](const auto &A, const auto &B) {
      return A.second->getFieldIndex() < B.second->getFieldIndex();
    });
    for (const auto &[Var, Field] : Ordered)
      if (auto T = Queries.tokenHeldBy(Var->getType()))
        Found.push_back({Var, *T, TokenInScope::Capture});
    // In a template as written, `[&]` and `[=]` have no fields yet for
    // what they capture implicitly.
    for (const CapturedEntity &C : capturesOf(MD->getParent()))
      if (C.Var && !Captures.count(C.Var))
        if (auto T = Queries.tokenHeldBy(C.Var->getType()))
          Found.push_back({C.Var, *T, TokenInScope::Capture});
  }
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Def->getBody()))
    addAwaitedTokens(Coro->getBody(), Queries, Found);
  if (const CXXRecordDecl *Object = objectOf(Def))
    addMemberTokens(Object, Found);
  // Re-find: the map may have grown while we were computing.
  auto &Slot = Memo[FD];
  Slot = std::move(Found);
  return Slot;
}

bool TokensInScope::isHeld(const FunctionDecl *FD, const ValueDecl *D) {
  for (const TokenInScope &H : of(FD))
    if (H.Var == D)
      return true;
  return false;
}

} // namespace cancellint::analysis
