//===--- TokenAlternatives.cpp - What could have taken the held token ----===//
#include "TokenAlternatives.h"
#include "TokenFlow.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace cancellint::analysis {

bool canPass(const CXXRecordDecl *From, const CXXRecordDecl *To) {
  if (!From || !To)
    return false;
  if (From->getCanonicalDecl() == To->getCanonicalDecl())
    return true;
  const CXXRecordDecl *Def = From->getDefinition();
  return Def && Def->isDerivedFrom(To);
}

static const FunctionDecl *asFunction(const NamedDecl *D) {
  D = D->getUnderlyingDecl(); // through using-declarations
  if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
    return FT->getTemplatedDecl();
  return dyn_cast<FunctionDecl>(D);
}

const CXXRecordDecl *TokenAlternatives::parentClass(const FunctionDecl *FD) {
  const model::DeriveSpec *Spec = Queries.derivation(FD);
  if (!Spec || Spec->ParentArg >= FD->getNumParams())
    return nullptr;
  auto Token =
      tokenParameterType(Queries, FD->getParamDecl(Spec->ParentArg)->getType());
  return Token ? Token->Record : nullptr;
}

const std::vector<const FunctionDecl *> &
TokenAlternatives::derivers(const CXXRecordDecl *Target) {
  Target = Target->getCanonicalDecl();
  auto [It, Inserted] = Derivers.try_emplace(Target);
  if (!Inserted)
    return It->second;
  std::vector<const FunctionDecl *> Found;
  auto Consider = [&](const Decl *D) {
    const auto *ND = dyn_cast<NamedDecl>(D);
    const FunctionDecl *FD = ND ? asFunction(ND) : nullptr;
    if (!FD || !Queries.derivation(FD) || !parentClass(FD))
      return;
    auto Result = Queries.tokenHeldBy(FD->getReturnType());
    if (Result && Result->Record &&
        Result->Record->getCanonicalDecl() == Target &&
        !llvm::is_contained(Found, FD->getCanonicalDecl()))
      Found.push_back(FD->getCanonicalDecl());
  };
  // Static factories of the class and its bases.
  llvm::SmallVector<const CXXRecordDecl *, 4> Classes{Target};
  while (!Classes.empty()) {
    const CXXRecordDecl *RD = Classes.pop_back_val()->getDefinition();
    if (!RD)
      continue;
    for (const Decl *D : RD->decls())
      Consider(D);
    for (const CXXBaseSpecifier &B : RD->bases())
      if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
        Classes.push_back(Base);
  }
  // Free functions of its namespace, in every reopening of it.
  if (const auto *NS = dyn_cast<NamespaceDecl>(
          Target->getDeclContext()->getEnclosingNamespaceContext()))
    for (const NamespaceDecl *Part : NS->redecls())
      for (const Decl *D : Part->decls())
        Consider(D);
  auto &Slot = Derivers[Target];
  Slot = std::move(Found);
  return Slot;
}

const FunctionDecl *TokenAlternatives::derivationOf(const CXXRecordDecl *Target,
                                                    const CXXRecordDecl *From) {
  if (!Target || !From)
    return nullptr;
  const FunctionDecl *Best = nullptr;
  auto Rank = [&](const FunctionDecl *FD) {
    const CXXRecordDecl *Parent = parentClass(FD);
    const bool Exact = Parent->getCanonicalDecl() == From->getCanonicalDecl();
    const bool HasHandle = Queries.derivation(FD)->Cancel.Where !=
                           model::CancelHandleLocation::None;
    return std::make_tuple(!Exact, FD->getMinRequiredArguments(), HasHandle);
  };
  for (const FunctionDecl *FD : derivers(Target)) {
    if (!canPass(From, parentClass(FD)))
      continue;
    if (!Best || Rank(FD) < Rank(Best))
      Best = FD;
  }
  return Best;
}

} // namespace cancellint::analysis
