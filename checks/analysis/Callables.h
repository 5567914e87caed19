//===--- Callables.h - The functions an argument hands over --------------===//
//
// A thread, an executor or an asynchronous operation receives its work as a
// callable: a lambda, `&C::on_timer` bound with `std::bind(..., this, _1)`,
// a plain function. Which functions run as that work is asked by the
// completion-handler rules and by the stop-flag inference alike.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_CALLABLES_H
#define CANCELLINT_ANALYSIS_CALLABLES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

/// The functions \p Arg hands over to be called later: lambdas (their
/// instantiations, for generic ones) and functions named without being
/// called (`std::bind(&C::on_timer, this, _1)`, `&print`).
llvm::SmallVector<const clang::FunctionDecl *, 2>
callablesIn(const clang::Expr *Arg);

} // namespace cancellint::analysis

#endif
