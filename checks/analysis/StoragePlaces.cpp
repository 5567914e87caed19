//===--- StoragePlaces.cpp - Where an assignment or insertion puts a value ===//
#include "StoragePlaces.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

StoragePlace::Kind storageKindOf(const VarDecl *VD) {
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return StoragePlace::ThreadLocal;
  if (VD->isStaticDataMember())
    return StoragePlace::StaticMember;
  if (VD->isStaticLocal())
    return StoragePlace::StaticLocal;
  if (VD->hasGlobalStorage())
    return StoragePlace::Global;
  return StoragePlace::Local;
}

std::optional<StoragePlace> storagePlaceOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return std::nullopt;
      // A reference variable aliases what it was bound to; follow locals
      // bound once to a place (auto& slot = g_map[k]).
      if (VD->getType()->isReferenceType() && VD->hasLocalStorage() &&
          VD->getInit())
        if (auto Bound = storagePlaceOf(VD->getInit()))
          return Bound;
      return StoragePlace{storageKindOf(VD), VD, nullptr};
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return StoragePlace{storageKindOf(VD), VD, nullptr};
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD)
        return std::nullopt;
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return StoragePlace{StoragePlace::Field, FD,
                            dyn_cast<CXXRecordDecl>(FD->getParent())};
      if (!ME->isArrow()) {
        // A sub-object of a place is stored where that place is.
        if (auto Outer = storagePlaceOf(Base))
          return Outer;
      }
      // Through another object's pointer: the field's class owns it.
      return StoragePlace{StoragePlace::Field, FD,
                          dyn_cast<CXXRecordDecl>(FD->getParent())};
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0) {
        E = Op->getArg(0);
        continue;
      }
      return std::nullopt;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // Element access: at(), front(), back(), operator* of a container.
      if (const auto *MD = MC->getMethodDecl())
        if (MD->getIdentifier() &&
            (MD->getName() == "at" || MD->getName() == "front" ||
             MD->getName() == "back")) {
          E = MC->getImplicitObjectArgument();
          continue;
        }
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace cancellint::analysis
