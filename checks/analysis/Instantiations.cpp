//===--- Instantiations.cpp - Is this code a template instantiation? -----===//
#include "Instantiations.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace cancellint::analysis {

static bool isInstantiation(const Decl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return FD->isTemplateInstantiation();
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    return RD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation ||
           RD->getTemplateSpecializationKind() ==
               TSK_ExplicitInstantiationDefinition ||
           RD->getTemplateSpecializationKind() ==
               TSK_ExplicitInstantiationDeclaration;
  if (const auto *VD = dyn_cast<VarDecl>(D))
    return isTemplateInstantiation(VD->getTemplateSpecializationKind());
  return false;
}

bool isWithinInstantiation(const Decl *D) {
  for (; D; D = dyn_cast_or_null<Decl>(D->getDeclContext())) {
    if (isInstantiation(D))
      return true;
    if (isa<TranslationUnitDecl>(D))
      return false;
  }
  return false;
}

bool isInInstantiatedCode(const Stmt &S, ASTContext &Ctx) {
  return anyAncestor(
      DynTypedNode::create(S),
      [](const DynTypedNode &N) {
        const auto *D = N.get<Decl>();
        return D && isInstantiation(D);
      },
      Ctx);
}

const FieldDecl *fieldAsWritten(const FieldDecl *F) {
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  const CXXRecordDecl *Pattern =
      RD ? RD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || !F->getIdentifier())
    return F;
  for (const FieldDecl *Written : Pattern->fields())
    if (Written->getIdentifier() == F->getIdentifier())
      return Written;
  return F;
}

} // namespace cancellint::analysis
