//===--- CancelHandles.cpp - Where a derived token's cancel handle goes --===//
#include "CancelHandles.h"
#include "Parents.h"
#include "References.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

HandleDestination discardedAt(SourceLocation L) {
  HandleDestination D;
  D.What = HandleDestination::Discarded;
  D.DiscardedAt = L;
  return D;
}

HandleDestination variable(const ValueDecl *Var, const VarDecl *Owner,
                           bool WholeTuple, const Stmt *Write) {
  HandleDestination D;
  D.What = HandleDestination::Variable;
  D.Var = Var;
  D.Owner = Owner;
  D.WholeTuple = WholeTuple;
  D.Write = Write;
  return D;
}

/// A variable of \p Function itself that can be tracked: automatic, not a
/// parameter, not captured from an enclosing function. A reference is
/// tracked only when its own declaration binds it to the handle (the
/// temporary lives as long as the reference); written later, it aliases
/// something else.
bool isTrackable(const VarDecl *VD, const Decl *Function, bool DeclaredHere) {
  if (!VD || !Function || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
    return false;
  if (VD->getType()->isReferenceType() && !DeclaredHere)
    return false;
  return VD->getParentFunctionOrMethod() ==
         Decl::castToDeclContext(Function);
}

/// The left side of an assignment whose right side is \p Child.
const Expr *assignedTo(const DynTypedNode &P, const Expr *Child,
                       const Stmt **Assignment) {
  if (const auto *BO = P.get<BinaryOperator>()) {
    if (BO->getOpcode() == BO_Assign && BO->getRHS() == Child) {
      *Assignment = BO;
      return BO->getLHS();
    }
    return nullptr;
  }
  if (const auto *Op = P.get<CXXOperatorCallExpr>())
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Child) {
      *Assignment = Op;
      return Op->getArg(0);
    }
  return nullptr;
}

/// A call of the shape of std::tie: it returns a class (a tuple) and takes
/// every argument by lvalue reference.
const CallExpr *asTie(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreValueWrappers(E));
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getReturnType()->isRecordType() || Call->getNumArgs() < 2 ||
      FD->getNumParams() != Call->getNumArgs())
    return nullptr;
  for (const ParmVarDecl *P : FD->parameters())
    if (!P->getType()->isLValueReferenceType())
      return nullptr;
  return Call;
}

/// For `f<N>(tuple)` (std::get<N> and its kin): N, when \p Call takes just
/// \p Tuple and its first template argument is an integer.
std::optional<uint64_t> elementIndex(const CallExpr *Call, const Expr *Tuple) {
  if (!Call || Call->getNumArgs() != 1 || Call->getArg(0) != Tuple)
    return std::nullopt;
  const FunctionDecl *FD = Call->getDirectCallee();
  const TemplateArgumentList *Args =
      FD ? FD->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return Args->get(0).getAsIntegral().getZExtValue();
}

/// Element \p I of a pair or tuple type, template argument packs flattened.
QualType elementType(QualType Tuple, unsigned I) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Tuple->getAsCXXRecordDecl());
  if (!Spec)
    return {};
  unsigned N = 0;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    const llvm::ArrayRef<TemplateArgument> Flat =
        Arg.getKind() == TemplateArgument::Pack ? Arg.pack_elements()
                                                : llvm::ArrayRef(Arg);
    for (const TemplateArgument &A : Flat)
      if (N++ == I)
        return A.getKind() == TemplateArgument::Type ? A.getAsType()
                                                     : QualType();
  }
  return {};
}

/// \p E evaluates to the handle itself.
HandleDestination followHandle(const Expr *E, const Decl *Function,
                               ASTContext &Ctx) {
  auto [Parent, Child] = valueUser(E, Ctx);
  if (const auto *VD = Parent.get<VarDecl>())
    return isTrackable(VD, Function, /*DeclaredHere=*/true)
               ? variable(VD, VD, false, nullptr)
               : HandleDestination();
  if (discardsValue(Parent, Child))
    return discardedAt(E->getBeginLoc());
  const Stmt *Assignment = nullptr;
  if (const Expr *Target = assignedTo(Parent, Child, &Assignment)) {
    const VarDecl *VD = referencedVar(Target->IgnoreParenImpCasts());
    if (isTrackable(VD, Function, /*DeclaredHere=*/false))
      return variable(VD, VD, false, Assignment);
  }
  return {};
}

/// \p Call returns a pair or tuple whose element 1 is the handle.
HandleDestination followTuple(const CallExpr *Call, const Decl *Function,
                              ASTContext &Ctx) {
  auto [Parent, Child] = valueUser(Call, Ctx);
  if (const auto *DD = Parent.get<DecompositionDecl>()) {
    if (DD->bindings().size() < 2 ||
        !isTrackable(DD, Function, /*DeclaredHere=*/true))
      return {};
    const BindingDecl *Handle = DD->bindings()[1];
    if (!Handle->isReferenced())
      return discardedAt(Handle->getLocation());
    return variable(Handle, DD, false, nullptr);
  }
  if (const auto *VD = Parent.get<VarDecl>())
    return isTrackable(VD, Function, /*DeclaredHere=*/true)
               ? variable(VD, VD, /*WholeTuple=*/true, nullptr)
               : HandleDestination();
  if (const auto *ME = Parent.get<MemberExpr>()) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (Field && Field->getFieldIndex() == 0)
      return discardedAt(ME->getMemberLoc());
    if (Field && Field->getFieldIndex() == 1)
      return followHandle(ME, Function, Ctx);
    return {};
  }
  if (auto Index = elementIndex(Parent.get<CallExpr>(), Child)) {
    const auto *Get = Parent.get<CallExpr>();
    if (*Index == 0)
      return discardedAt(Get->getBeginLoc());
    return *Index == 1 ? followHandle(Get, Function, Ctx)
                       : HandleDestination();
  }
  if (discardsValue(Parent, Child))
    return discardedAt(Call->getBeginLoc());
  const Stmt *Assignment = nullptr;
  const Expr *Target = assignedTo(Parent, Child, &Assignment);
  if (!Target)
    return {};
  if (const VarDecl *VD = referencedVar(Target->IgnoreParenImpCasts()))
    return isTrackable(VD, Function, /*DeclaredHere=*/false)
               ? variable(VD, VD, /*WholeTuple=*/true, Assignment)
               : HandleDestination();
  const CallExpr *Tie = asTie(Target);
  if (!Tie)
    return {};
  const Expr *Slot = Tie->getArg(1)->IgnoreParenImpCasts();
  const VarDecl *VD = referencedVar(Slot);
  if (!VD)
    return {};
  if (isTrackable(VD, Function, /*DeclaredHere=*/false))
    return variable(VD, VD, false, Assignment);
  // A namespace-scope object of another type than the handle swallows it
  // (std::ignore); one of the handle's type keeps it (not tracked).
  const QualType Handle = elementType(Call->getType(), 1);
  if (!VD->hasLocalStorage() && !Handle.isNull() &&
      !Ctx.hasSameUnqualifiedType(VD->getType(), Handle))
    return discardedAt(Slot->getBeginLoc());
  return {};
}

HandleDestination followOutArg(const CallExpr *Call, unsigned Index,
                               const Decl *Function) {
  const FunctionDecl *FD = Call->getDirectCallee();
  // Operator calls of members count the object as argument 0.
  const unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(FD)
          ? 1
          : 0;
  if (!FD || Index + Offset >= Call->getNumArgs() ||
      Index >= FD->getNumParams())
    return {};
  const Expr *Arg = Call->getArg(Index + Offset)->IgnoreParenImpCasts();
  if (const auto *Addr = dyn_cast<UnaryOperator>(Arg);
      Addr && Addr->getOpcode() == UO_AddrOf)
    Arg = Addr->getSubExpr()->IgnoreParenImpCasts();
  else if (!FD->getParamDecl(Index)->getType()->isReferenceType())
    return {}; // a pointer from elsewhere: the handle lands there
  const VarDecl *VD = referencedVar(Arg);
  if (isTrackable(VD, Function, /*DeclaredHere=*/false))
    return variable(VD, VD, false, Call);
  return {};
}

} // namespace

HandleDestination locateCancelHandle(const CallExpr *Call,
                                     const model::CancelHandleLocation &Where,
                                     const Decl *Function, ASTContext &Ctx) {
  switch (Where.Where) {
  case model::CancelHandleLocation::None:
    return {};
  case model::CancelHandleLocation::SecondOfResult:
    return followTuple(Call, Function, Ctx);
  case model::CancelHandleLocation::Result:
    return followHandle(Call, Function, Ctx);
  case model::CancelHandleLocation::OutArg:
    return followOutArg(Call, Where.ArgIndex, Function);
  }
  return {};
}

HandleRef classifyHandleRef(
    const DeclRefExpr *Ref, const HandleDestination &Dest,
    llvm::function_ref<bool(const CallExpr *, unsigned)> IsHandleOutArg,
    ASTContext &Ctx) {
  // Up through what keeps it an lvalue of the variable.
  const Expr *E = Ref;
  DynTypedNode Parent;
  auto Up = [&] {
    for (;;) {
      const DynTypedNodeList Ps = parentsOf(*E, Ctx);
      Parent = Ps.empty() ? DynTypedNode() : Ps[0];
      const auto *Cast = Parent.get<ImplicitCastExpr>();
      if (Parent.get<ParenExpr>() ||
          (Cast && (Cast->getCastKind() == CK_NoOp ||
                    Cast->getCastKind() == CK_DerivedToBase))) {
        E = Parent.get<Expr>();
        continue;
      }
      return;
    }
  };
  Up();
  if (const auto *BO = Parent.get<BinaryOperator>();
      BO && BO->getOpcode() == BO_Assign && BO->getLHS() == E)
    return {HandleRef::Write, BO};
  if (const auto *Op = Parent.get<CXXOperatorCallExpr>();
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      Op->getArg(0) == E)
    return {HandleRef::Write, Op};
  if (const auto *Addr = Parent.get<UnaryOperator>();
      Addr && Addr->getOpcode() == UO_AddrOf) {
    E = Addr;
    Up();
  }
  if (const auto *Call = Parent.get<CallExpr>()) {
    for (unsigned I = 0, N = Call->getNumArgs(); I < N; ++I)
      if (Call->getArg(I) == E && IsHandleOutArg(Call, I))
        return {HandleRef::Write, Call};
    // std::tie(..., v, ...) = value overwrites v.
    if (asTie(Call)) {
      auto [User, Child] = valueUser(Call, Ctx);
      const Stmt *Assignment = nullptr;
      if (const auto *Op = User.get<CXXOperatorCallExpr>();
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(0) == Child)
        Assignment = Op;
      if (Assignment)
        return {HandleRef::Write, Assignment};
    }
  }
  if (Dest.WholeTuple) {
    if (const auto *ME = Parent.get<MemberExpr>()) {
      const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (ME->getBase() == E && Field && Field->getFieldIndex() == 0)
        return {HandleRef::OtherPart, ME};
    }
    if (auto Index = elementIndex(Parent.get<CallExpr>(), E); Index && *Index == 0)
      return {HandleRef::OtherPart, Parent.get<CallExpr>()};
  }
  return {HandleRef::Use, Ref};
}

} // namespace cancellint::analysis
