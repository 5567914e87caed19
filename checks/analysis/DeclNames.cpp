//===--- DeclNames.cpp - The names models use for declarations -----------===//
#include "DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

static std::string ownName(const NamedDecl *D) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    return Ctor->getParent()->getName().str();
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
    return "~" + Dtor->getParent()->getName().str();
  DeclarationName N = D->getDeclName();
  if (const IdentifierInfo *II = N.getAsIdentifierInfo())
    return II->getName().str();
  if (N.getNameKind() == DeclarationName::CXXOperatorName)
    return N.getAsString();
  return "";
}

std::string spelledName(const NamedDecl *D) {
  std::string Name = ownName(D);
  return Name.empty() ? D->getNameAsString() : Name;
}

/// Prepends the enclosing scopes of \p DC; false if one cannot be named.
static bool qualify(const DeclContext *DC, std::string &Name) {
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name.insert(0, "::").insert(0, NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return false;
      Name.insert(0, "::").insert(0, RD->getName());
    } else if (const auto *ED = dyn_cast<EnumDecl>(DC)) {
      if (!ED->getIdentifier())
        continue;
      Name.insert(0, "::").insert(0, ED->getName());
    } else if (isa<LinkageSpecDecl>(DC) || isa<ExportDecl>(DC)) {
      continue;
    } else {
      return false; // function-local or otherwise unnameable
    }
  }
  return true;
}

std::string modelName(const NamedDecl *D) {
  if (!D)
    return "";
  std::string Name = ownName(D);
  if (Name.empty())
    return "";
  if (!qualify(D->getDeclContext(), Name))
    return "";
  return Name;
}

std::string unscopedEnumeratorName(const EnumConstantDecl *D) {
  const auto *ED = dyn_cast<EnumDecl>(D->getDeclContext());
  if (!ED || ED->isScoped())
    return "";
  std::string Name = D->getName().str();
  if (!qualify(ED->getDeclContext(), Name))
    return "";
  return Name;
}

const CXXRecordDecl *recordNamedBy(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  TemplateName Name;
  if (const auto *D = T->getAs<DeducedTemplateSpecializationType>())
    Name = D->getTemplateName();
  else if (const auto *S = T->getAs<TemplateSpecializationType>())
    Name = S->getTemplateName();
  if (const auto *CT =
          dyn_cast_or_null<ClassTemplateDecl>(Name.getAsTemplateDecl()))
    return CT->getTemplatedDecl();
  return nullptr;
}

const CXXRecordDecl *unresolvedConstructed(const Expr *E) {
  const auto *U = dyn_cast_or_null<CXXUnresolvedConstructExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return U ? recordNamedBy(U->getTypeAsWritten()) : nullptr;
}

const CXXRecordDecl *unresolvedConstructed(const VarDecl *V) {
  const Expr *Init = V ? V->getInit() : nullptr;
  if (!Init)
    return nullptr;
  if (const CXXRecordDecl *RD = unresolvedConstructed(Init))
    return RD;
  // `T v(a, b)` and `T v{a, b}` keep their arguments in a list of no type.
  if (!isa<ParenListExpr, InitListExpr>(Init) ||
      !(V->getType()->isDependentType() ||
        V->getType()->getContainedDeducedType() || Init->isTypeDependent() ||
        Init->isValueDependent()))
    return nullptr;
  return recordNamedBy(V->getType());
}

} // namespace cancellint::analysis
