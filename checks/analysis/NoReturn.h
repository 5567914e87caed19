//===--- NoReturn.h - Where control never comes back ---------------------===//
//
// Paths that end in a call that never returns or a throw do not leak anything the checks track: the process ends, or the exception
// unwinds past every caller that could still use the value. What counts:
//   - calls to functions declared [[noreturn]] / __attribute__((noreturn))
//     (std::exit, std::abort, std::terminate, std::quick_exit and
//     assertion-failure handlers are declared so by the C and C++ libraries),
//     and calls through pointers to noreturn function types;
//   - throw expressions (a rethrow included);
//   - destructors marked [[noreturn]] (assertion and fatal-log macros), which
//     clang's CFG marks when built with implicit and temporary destructors.
// Endless loops need no rule: the CFG prunes the edges that a constant
// condition never takes, so path searches see no way out of them.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_NORETURN_H
#define CANCELLINT_ANALYSIS_NORETURN_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"

namespace cancellint::analysis {

/// Whether \p C calls a function, or through a function type, that never
/// returns.
bool isNoReturnCall(const clang::CallExpr *C);

/// Whether evaluating \p S itself never gives control back: a noreturn call
/// or a throw expression (sub-expressions are not looked into).
bool neverReturns(const clang::Stmt *S);

/// Whether a CFG element ends every path through it: a statement that
/// neverReturns, or a destructor of a type whose destructor is noreturn.
bool endsPath(const clang::CFGElement &E, clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
