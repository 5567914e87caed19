//===--- HeldTokens.cpp - Which tokens a function holds ------------------===//
#include "HeldTokens.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace cancellint::analysis {

llvm::ArrayRef<HeldTokenVar> HeldTokens::of(const FunctionDecl *FD) {
  if (!FD)
    return {};
  FD = FD->getCanonicalDecl();
  auto [It, Inserted] = Memo.try_emplace(FD);
  if (!Inserted)
    return It->second;
  std::vector<HeldTokenVar> Found;
  const FunctionDecl *Def = FD->getDefinition() ? FD->getDefinition() : FD;
  for (const ParmVarDecl *P : Def->parameters())
    if (auto T = Queries.tokenHeldBy(P->getType()))
      Found.push_back({P, *T, HeldTokenVar::Parameter});
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
        Found.push_back({Var, *T, HeldTokenVar::Capture});
  }
  // Re-find: the map may have grown while we were computing.
  auto &Slot = Memo[FD];
  Slot = std::move(Found);
  return Slot;
}

bool HeldTokens::isHeld(const FunctionDecl *FD, const ValueDecl *D) {
  for (const HeldTokenVar &H : of(FD))
    if (H.Var == D)
      return true;
  return false;
}

} // namespace cancellint::analysis
