//===--- TokenOverloads.cpp - The overload that also takes a token -------===//
#include "TokenOverloads.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace cancellint::analysis {

/// Whether parameters \p A and \p B can be the same parameter of two
/// overloads. Parameters of templates are compared only when neither type
/// depends on a template parameter.
static bool sameParameter(const ParmVarDecl *A, const ParmVarDecl *B) {
  const QualType TA = A->getType();
  const QualType TB = B->getType();
  if (TA->isDependentType() || TB->isDependentType())
    return TA->isReferenceType() == TB->isReferenceType();
  return TA.getCanonicalType() == TB.getCanonicalType();
}

std::optional<TokenOverload> tokenOverloadOf(const FunctionDecl *Callee,
                                             ModelQueries &Queries) {
  if (!Callee || !Callee->getDeclName())
    return std::nullopt;
  const FunctionDecl *Plain = Callee->getTemplateInstantiationPattern()
                                  ? Callee->getTemplateInstantiationPattern()
                                  : Callee;
  const DeclContext *Scope = Callee->getDeclContext()->getRedeclContext();
  std::optional<TokenOverload> Found;
  for (const NamedDecl *ND : Scope->lookup(Callee->getDeclName())) {
    const FunctionDecl *C = ND->getAsFunction();
    if (!C || C->getCanonicalDecl() == Plain->getCanonicalDecl() ||
        C->getCanonicalDecl() == Callee->getCanonicalDecl() ||
        C->getNumParams() != Plain->getNumParams() + 1)
      continue;
    for (unsigned K = 0; K < C->getNumParams(); ++K) {
      std::optional<HeldToken> T =
          Queries.tokenHeldBy(C->getParamDecl(K)->getType());
      if (!T || (T->How != Holding::Value && T->How != Holding::Reference))
        continue;
      bool Same = true;
      for (unsigned I = 0; I < Plain->getNumParams() && Same; ++I)
        Same = sameParameter(Plain->getParamDecl(I),
                             C->getParamDecl(I < K ? I : I + 1));
      if (!Same)
        continue;
      if (Found)
        return std::nullopt; // ambiguous: no single place for the token
      Found = TokenOverload{C, K, *T};
    }
  }
  return Found;
}

} // namespace cancellint::analysis
