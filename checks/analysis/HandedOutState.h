//===--- HandedOutState.h - Members whose cancellation state goes out ----===//
//
// A class that keeps its cancellation state in a member (a context, a
// stop source) and gives callers a handle to it: `CancelToken()` returns a
// copy of the context, or a token built from a lambda that captured one;
// `token()` returns `source_.get_token()`. Copies share the state, so the
// handles stay tied to the state the member had when they were made, not to
// the member: replacing the member leaves them on the old state.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_HANDEDOUTSTATE_H
#define CANCELLINT_ANALYSIS_HANDEDOUTSTATE_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace cancellint::analysis {

/// A return statement that hands a copy of a member's state to the caller.
struct HandOut {
  const clang::FunctionDecl *Function = nullptr;
  const clang::ReturnStmt *At = nullptr;
};

/// The first member function of \p Field's class, defined in this unit and
/// accepted by \p Considered, that returns a copy of \p Field's state: the
/// member itself by value, the result of a member of it that \p IsGetter
/// accepts (a model token or source getter), a value built from a lambda
/// that captures such a copy by value, or a local initialised from one of
/// these. A lambda that captures `this` reads the member when it runs, so
/// it follows the member and is not a copy.
std::optional<HandOut> handOutOf(
    const clang::FieldDecl *Field,
    llvm::function_ref<bool(const clang::CXXMethodDecl *)> Considered,
    llvm::function_ref<bool(const clang::CXXMethodDecl *)> IsGetter);

} // namespace cancellint::analysis

#endif
