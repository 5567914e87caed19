//===--- HandedOutState.cpp - Members whose cancellation state goes out --===//
#include "HandedOutState.h"
#include "Expressions.h"
#include "Instantiations.h"
#include "Lambdas.h"
#include "Limits.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// Follows a value back to the member it copies, through locals and the
/// lambdas that capture them.
class CopyTracer {
public:
  CopyTracer(const FieldDecl *Field,
             llvm::function_ref<bool(const CXXMethodDecl *)> IsGetter)
      : Field(fieldAsWritten(Field)), IsGetter(IsGetter) {}

  /// Whether the value of \p E shares the member's state.
  bool copies(const Expr *E, unsigned Depth = 0) const {
    if (!E || Depth > limits::MaxCopySteps)
      return false;
    E = ignoreValueWrappers(E);
    if (memberOfThis(E) == Field)
      return true;
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      return copies(Cast->getSubExpr(), Depth + 1);
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      return IsGetter(Call->getMethodDecl()) &&
             memberOfThis(Call->getImplicitObjectArgument()) == Field;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      return llvm::any_of(Construct->arguments(), [&](const Expr *Arg) {
        return copies(Arg, Depth + 1);
      });
    // In a template, a lambda argument leaves the construction unresolved.
    if (const auto Args = unresolvedConstructionArgs(E); !Args.empty())
      return llvm::any_of(
          Args, [&](const Expr *Arg) { return copies(Arg, Depth + 1); });
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return llvm::any_of(capturesOf(Lambda), [&](const CapturedEntity &C) {
        return !C.ByReference && copiesInto(C.Var, Depth + 1);
      });
    if (const VarDecl *Var = referencedVar(E))
      return copiesInto(Var, Depth + 1);
    return false;
  }

private:
  const FieldDecl *Field;
  llvm::function_ref<bool(const CXXMethodDecl *)> IsGetter;

  /// A local (or an init-capture) initialised with a copy.
  bool copiesInto(const ValueDecl *D, unsigned Depth) const {
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
           !Var->getType()->isReferenceType() && copies(Var->getInit(), Depth);
  }
};

} // namespace

std::optional<HandOut>
handOutOf(const FieldDecl *Field,
          llvm::function_ref<bool(const CXXMethodDecl *)> Considered,
          llvm::function_ref<bool(const CXXMethodDecl *)> IsGetter) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class)
    return std::nullopt;
  const CopyTracer Tracer(Field, IsGetter);
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Definition = nullptr;
    if (!Considered(Method) || !Method->hasBody(Definition))
      continue;
    // Lambdas in the body return to whoever calls them, not to the caller.
    const Stmt *Return = findEvaluated(Definition->getBody(), [&](const Stmt *S) {
      const auto *R = dyn_cast<ReturnStmt>(S);
      return R && Tracer.copies(R->getRetValue());
    });
    if (Return)
      return HandOut{Definition, cast<ReturnStmt>(Return)};
  }
  return std::nullopt;
}

} // namespace cancellint::analysis
