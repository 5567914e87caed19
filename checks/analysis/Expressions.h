//===--- Expressions.h - Looking through expressions ---------------------===//
//
// The helpers every analysis uses to see what an expression really is: the
// value under parentheses, casts and temporaries; the variable it names;
// whether a call only hands its argument on (std::move and its kin); and the
// statements evaluated as part of it. Written once, so that every analysis
// looks through the same things.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_EXPRESSIONS_H
#define CANCELLINT_ANALYSIS_EXPRESSIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

/// \p E without parentheses, implicit casts, temporaries and cleanups: the
/// expression whose value \p E carries.
const clang::Expr *ignoreValueWrappers(const clang::Expr *E);

/// Whether \p Call only hands its single argument on as another kind of
/// reference: std::move, std::forward, std::as_const, std::move_if_noexcept.
bool isValueForwardingCall(const clang::CallExpr *Call);

/// The variable \p E names directly (a DeclRefExpr to a VarDecl), or null.
const clang::VarDecl *referencedVar(const clang::Expr *E);

/// The variable or data member \p E names (x, this->x, obj.x), if any.
const clang::ValueDecl *namedDecl(const clang::Expr *E);

/// The object a member call is made on, looking through `->`; null for
/// other calls.
const clang::Expr *objectOfCall(const clang::CallExpr *Call);

/// The arguments of an initializer that template code has not resolved to
/// a constructor call: `(a, b)`, `{a, b}`, `T(a, b)`. Empty otherwise.
llvm::SmallVector<const clang::Expr *, 4>
unresolvedConstructionArgs(const clang::Expr *E);

/// The first statement evaluated as part of \p S (\p S itself included,
/// in source order, lambda and block bodies excluded: they run elsewhere)
/// that \p Pred accepts, or null. Bounded to a few thousand nodes.
const clang::Stmt *
findEvaluated(const clang::Stmt *S,
              llvm::function_ref<bool(const clang::Stmt *)> Pred);

/// The data member of `*this` that \p E names (`x_`, `this->x_`), as the
/// class template declares it; null if \p E names none.
const clang::FieldDecl *memberOfThis(const clang::Expr *E);

/// Whether \p E is an empty value: `{}`, `nullptr`, `NULL`, `0`, `T()`.
bool isEmptyValue(const clang::Expr *E);

} // namespace cancellint::analysis

#endif
