//===--- MemberWrites.cpp - Who clears a member, and who sets it again ---===//
#include "MemberWrites.h"
#include "Expressions.h"
#include "Instantiations.h"
#include "UnitBodies.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// Whether \p RD, or one of its bases, declares a method \p Pred accepts.
template <class Pred> bool hasMethod(const CXXRecordDecl *RD, Pred P) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return false;
  if (llvm::any_of(RD->methods(), P))
    return true;
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &B) {
    return hasMethod(B.getType()->getAsCXXRecordDecl(), P);
  });
}

class Scanner : public UnitBodiesVisitor {
public:
  Scanner(const SourceManager &SM,
          llvm::DenseMap<const FieldDecl *, llvm::SmallVector<MemberWrite, 2>>
              &Writes,
          llvm::DenseSet<const FieldDecl *> &Changed)
      : UnitBodiesVisitor(SM), Writes(Writes), Changed(Changed) {
    // A template's own calls often stay unresolved; its instantiations'
    // functions are the ones whose calls can be followed.
    ShouldVisitTemplateInstantiations = true;
  }

  bool VisitBinaryOperator(const BinaryOperator *B) override {
    if (B->isAssignmentOp())
      if (const FieldDecl *F = memberOfThis(B->getLHS())) {
        changed(F);
        if (B->getOpcode() == BO_Assign)
          record(F, B, B->getRHS());
      }
    return true;
  }
  bool VisitUnaryOperator(const UnaryOperator *U) override {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      if (const FieldDecl *F = memberOfThis(U->getSubExpr()))
        changed(F);
    return true;
  }
  bool VisitCXXOperatorCallExpr(const CXXOperatorCallExpr *Op) override {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!MD || MD->isConst() || Op->getNumArgs() == 0)
      return true;
    if (const FieldDecl *F = memberOfThis(Op->getArg(0))) {
      changed(F);
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        record(F, Op, Op->getArg(1));
    }
    return true;
  }
  bool VisitCXXMemberCallExpr(const CXXMemberCallExpr *Call) override {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || MD->isConst() || isa<CXXConversionDecl>(MD))
      return true;
    const FieldDecl *F = memberOfThis(Call->getImplicitObjectArgument());
    if (!F)
      return true;
    changed(F);
    if (!MD->getIdentifier())
      return true;
    const StringRef Name = MD->getName();
    if ((Name == "reset" || Name == "clear") && Call->getNumArgs() == 0)
      add(F, Call, WrittenValue::Clear);
    else if ((Name == "store" || Name == "exchange") && Call->getNumArgs() > 0)
      record(F, Call, Call->getArg(0));
    return true;
  }
  bool VisitCallExpr(const CallExpr *Call) override {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || isa<CXXOperatorCallExpr, CXXMemberCallExpr>(Call))
      return true;
    for (unsigned I = 0; I < Call->getNumArgs() && I < FD->getNumParams(); ++I) {
      const QualType T = FD->getParamDecl(I)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        if (const FieldDecl *F = memberOfThis(Call->getArg(I)))
          changed(F);
    }
    return true;
  }

private:
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<MemberWrite, 2>> &Writes;
  llvm::DenseSet<const FieldDecl *> &Changed;

  void changed(const FieldDecl *F) {
    if (!isa_and_nonnull<CXXConstructorDecl>(current()))
      Changed.insert(F);
  }
  void add(const FieldDecl *F, const Expr *At, WrittenValue V) {
    if (current())
      Writes[F].push_back({At, current(), V});
  }
  void record(const FieldDecl *F, const Expr *At, const Expr *Value) {
    if (const auto *Lit = dyn_cast<CXXBoolLiteralExpr>(
            Value->IgnoreParenImpCasts()))
      add(F, At, Lit->getValue() ? WrittenValue::True : WrittenValue::False);
    else if (MemberWrites::holdsCallableOrPointer(F))
      add(F, At, isEmptyValue(Value) ? WrittenValue::Clear : WrittenValue::Fill);
  }
};

} // namespace

void MemberWrites::scan() {
  Scanned = true;
  Scanner S(Ctx.getSourceManager(), Writes, ChangedOutsideConstructors);
  S.TraverseDecl(Ctx.getTranslationUnitDecl());
}

llvm::ArrayRef<MemberWrite> MemberWrites::of(const FieldDecl *Field) {
  if (!Scanned)
    scan();
  auto It = Writes.find(fieldAsWritten(Field));
  return It == Writes.end() ? llvm::ArrayRef<MemberWrite>() : It->second;
}

bool MemberWrites::onlyConstructorsChange(const FieldDecl *Field) {
  if (!Scanned)
    scan();
  Field = fieldAsWritten(Field);
  if (Field->getAccess() == AS_public ||
      ChangedOutsideConstructors.contains(Field))
    return false;
  const auto *RD = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!RD || RD->hasFriends())
    return false;
  // A member function defined in another unit may write it.
  return llvm::all_of(RD->methods(), [](const CXXMethodDecl *MD) {
    return MD->isImplicit() || MD->isDefaulted() || MD->isDeleted() ||
           MD->isPureVirtual() || MD->isDefined();
  });
}

std::optional<MemberWrites::Restart> MemberWrites::restartOf(
    const FieldDecl *Field,
    llvm::function_ref<bool(const FunctionDecl *)> Cancels,
    llvm::function_ref<bool(const FunctionDecl *)> StartsChain) {
  auto Opposite = [](WrittenValue A, WrittenValue B) {
    return (A == WrittenValue::Clear && B == WrittenValue::Fill) ||
           (A == WrittenValue::True && B == WrittenValue::False) ||
           (A == WrittenValue::False && B == WrittenValue::True);
  };
  const llvm::ArrayRef<MemberWrite> All = of(Field);
  // Functions of a template as written stand for their instantiations,
  // which are looked at instead.
  auto Analysable = [](const MemberWrite &W) {
    return !W.In->isDependentContext();
  };
  for (const MemberWrite &Reset : All) {
    if (Reset.Value == WrittenValue::Fill || !Analysable(Reset) ||
        !Cancels(Reset.In))
      continue;
    for (const MemberWrite &Set : All)
      if (Analysable(Set) && Set.In != Reset.In &&
          Opposite(Reset.Value, Set.Value) && StartsChain(Set.In))
        return Restart{Reset, Set};
  }
  return std::nullopt;
}

bool MemberWrites::holdsCallableOrPointer(const FieldDecl *Field) {
  const QualType T = Field->getType().getNonReferenceType();
  if (T->isAnyPointerType() || T->isMemberPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  auto IsOperator = [](OverloadedOperatorKind K) {
    return [K](const CXXMethodDecl *MD) {
      return MD->getOverloadedOperator() == K;
    };
  };
  return hasMethod(RD,
                   [](const CXXMethodDecl *MD) {
                     const auto *Conv = dyn_cast<CXXConversionDecl>(MD);
                     return Conv && Conv->getConversionType()->isBooleanType();
                   }) &&
         (hasMethod(RD, IsOperator(OO_Call)) ||
          hasMethod(RD, IsOperator(OO_Arrow)));
}

} // namespace cancellint::analysis
