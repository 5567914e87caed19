//===--- CallArguments.h - Which parameter an argument initialises -------===//
//
// Calls come in several shapes (free and member calls, member and free
// operator calls, constructions, and calls a template leaves unresolved);
// "which parameter does this argument initialise?" is answered here once.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_CALLARGUMENTS_H
#define CANCELLINT_ANALYSIS_CALLARGUMENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

/// The function \p Call (a CallExpr or CXXConstructExpr) calls, or null for
/// calls through pointers and calls a template leaves unresolved.
const clang::FunctionDecl *calleeOf(const clang::Expr *Call);

/// calleeOf(), and for a call a template leaves unresolved (dependent
/// arguments, such as the lambdas of a template's body) the function its
/// candidates declare when they all share one name: enough to find the call
/// in the model by name, not to match arguments to parameters.
const clang::FunctionDecl *calleeOrCandidate(const clang::Expr *Call);

/// The object an unresolved member call \p Call is made on, written out
/// (`context` in `context.f(...)`); null for other calls and for `this`.
const clang::Expr *unresolvedMemberObject(const clang::Expr *Call);

/// The arguments of \p Call that initialise parameters, in order, without
/// the object argument of member operator calls (`a(b)` on a functor passes
/// only `b`).
llvm::ArrayRef<const clang::Expr *> parameterArguments(const clang::Expr *Call);

/// The parameter argument \p Index of \p Call initialises; null for
/// variadic arguments and unresolved calls.
const clang::ParmVarDecl *parameterFor(const clang::Expr *Call, unsigned Index);

/// The prototype of the function pointer or reference \p Call calls through
/// (`next(ctx, req)` with `void (*next)(Context, Request)`); null for calls
/// of a declared function and for other calls.
const clang::FunctionProtoType *calleePrototype(const clang::Expr *Call);

/// The function type \p Call calls through its callee expression: the
/// function itself, or what a pointer, reference or member pointer to a
/// function points to. Null when the callee's type is not known.
const clang::FunctionType *calleeFunctionType(const clang::CallExpr *Call);

/// The functions an unresolved call in a template may call (all overloads
/// its name found); empty for resolved calls.
llvm::SmallVector<const clang::FunctionDecl *, 4>
unresolvedCandidates(const clang::Expr *Call);

/// Whether \p Call calls a callee of dependent type (a template parameter
/// used as a callable: `next(ctx, req)` with `Next next`).
bool callsDependentCallable(const clang::Expr *Call);

} // namespace cancellint::analysis

#endif
