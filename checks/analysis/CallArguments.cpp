//===--- CallArguments.cpp - Which parameter an argument initialises -----===//
#include "CallArguments.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

const FunctionDecl *calleeOf(const Expr *Call) {
  if (const auto *C = dyn_cast_or_null<CallExpr>(Call))
    return C->getDirectCallee();
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(Call))
    return C->getConstructor();
  return nullptr;
}

const FunctionDecl *calleeOrCandidate(const Expr *Call) {
  if (const FunctionDecl *FD = calleeOf(Call))
    return FD;
  const llvm::SmallVector<const FunctionDecl *, 4> Candidates =
      unresolvedCandidates(Call);
  if (Candidates.empty())
    return nullptr;
  for (const FunctionDecl *FD : Candidates)
    if (FD->getDeclName() != Candidates.front()->getDeclName() ||
        FD->getDeclContext()->getPrimaryContext() !=
            Candidates.front()->getDeclContext()->getPrimaryContext())
      return nullptr;
  return Candidates.front();
}

const Expr *unresolvedMemberObject(const Expr *Call) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  const auto *Member =
      C ? dyn_cast_or_null<UnresolvedMemberExpr>(C->getCallee()->IgnoreParens())
        : nullptr;
  return Member && !Member->isImplicitAccess() ? Member->getBase() : nullptr;
}

/// Whether argument 0 of \p Call is the object a member operator is called
/// on rather than a parameter.
static bool firstArgumentIsObject(const CallExpr *Call) {
  if (!isa<CXXOperatorCallExpr>(Call))
    return false;
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  return MD && MD->isImplicitObjectMemberFunction();
}

llvm::ArrayRef<const Expr *> parameterArguments(const Expr *Call) {
  if (const auto *C = dyn_cast_or_null<CallExpr>(Call)) {
    const llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    return firstArgumentIsObject(C) ? Args.drop_front() : Args;
  }
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(Call))
    return {C->getArgs(), C->getNumArgs()};
  return {};
}

const ParmVarDecl *parameterFor(const Expr *Call, unsigned Index) {
  const FunctionDecl *FD = calleeOf(Call);
  if (!FD || Index >= FD->getNumParams())
    return nullptr;
  return FD->getParamDecl(Index);
}

const FunctionProtoType *calleePrototype(const Expr *Call) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C || C->getDirectCallee() || !C->getCallee() ||
      C->getCallee()->isTypeDependent())
    return nullptr;
  return dyn_cast_or_null<FunctionProtoType>(calleeFunctionType(C));
}

const FunctionType *calleeFunctionType(const CallExpr *Call) {
  if (!Call || !Call->getCallee())
    return nullptr;
  const QualType T = Call->getCallee()->getType();
  const QualType Pointee = T->getPointeeType(); // through pointers, references
  return (Pointee.isNull() ? T : Pointee)->getAs<FunctionType>();
}

llvm::SmallVector<const FunctionDecl *, 4>
unresolvedCandidates(const Expr *Call) {
  llvm::SmallVector<const FunctionDecl *, 4> Result;
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C || C->getDirectCallee())
    return Result;
  const auto *Overloads =
      dyn_cast_or_null<OverloadExpr>(C->getCallee()->IgnoreParenImpCasts());
  if (!Overloads)
    return Result;
  for (const NamedDecl *D : Overloads->decls()) {
    D = D->getUnderlyingDecl();
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      D = FT->getTemplatedDecl();
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      Result.push_back(FD);
  }
  return Result;
}

bool callsDependentCallable(const Expr *Call) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C || C->getDirectCallee() || !C->getCallee())
    return false;
  const Expr *Callee = C->getCallee()->IgnoreParenImpCasts();
  if (isa<OverloadExpr>(Callee))
    return false;
  return Callee->isTypeDependent();
}

} // namespace cancellint::analysis
