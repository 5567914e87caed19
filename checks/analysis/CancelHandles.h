//===--- CancelHandles.h - Where a derived token's cancel handle goes ----===//
//
// Go-style APIs hand out a cancel function with every derived context
// (model derive[] entries with a `cancel` location): the second element of a
// returned pair or tuple, the returned value itself, or an out-parameter.
// Whoever receives the handle must call it, or the derived context lives
// until its parent is cancelled (go vet's lostcancel). This analysis follows
// one derive call to the place that keeps the handle:
//   - a local variable or structured binding of the calling function
//     (declared with it, assigned, written through `&v` or `std::tie`), which
//     path questions can then track;
//   - nowhere: the handle is dropped (`.first` only, `std::ignore`, an unused
//     binding, a discarded call);
//   - somewhere the function does not own (returned, stored in a member or
//     global, passed on, wrapped by a scope guard): not tracked.
// Element access is recognised by shape, not by name: a field of index 0 or
// 1, a function template taking the tuple with a leading index argument
// (std::get<N>), a call returning a tuple of references to its arguments on
// the left of `=` (std::tie).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_CANCELHANDLES_H
#define CANCELLINT_ANALYSIS_CANCELHANDLES_H

#include "../model/Model.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <cstdint>

namespace cancellint::analysis {

struct HandleDestination {
  enum Kind : std::uint8_t {
    Untracked, ///< returned, stored elsewhere, passed on
    Discarded, ///< dropped at DiscardedAt
    Variable,  ///< kept in Var
  } What = Untracked;
  clang::SourceLocation DiscardedAt;
  /// The variable or structured binding holding the handle.
  const clang::ValueDecl *Var = nullptr;
  /// The variable whose life is the handle's: Var itself, or the
  /// decomposition a binding belongs to.
  const clang::VarDecl *Owner = nullptr;
  /// Var holds the whole pair or tuple; only element 1 is the handle.
  bool WholeTuple = false;
  /// The statement writing Var (an assignment, or the call writing an
  /// out-parameter); null when Owner's declaration does.
  const clang::Stmt *Write = nullptr;
};

/// Where the handle of \p Call, found at \p Where, goes. Only variables
/// local to \p Function (not captured, not static, not references to
/// elsewhere) are reported as Variable.
HandleDestination locateCancelHandle(const clang::CallExpr *Call,
                                     const model::CancelHandleLocation &Where,
                                     const clang::Decl *Function,
                                     clang::ASTContext &Ctx);

/// How a reference to a handle variable touches it.
struct HandleRef {
  enum Kind : std::uint8_t {
    Use,       ///< reads, calls, passes, captures, returns, moves it
    Write,     ///< overwrites it (Statement: the assignment or the call)
    OtherPart, ///< reads only element 0 of a WholeTuple variable
  } What = Use;
  const clang::Stmt *Statement = nullptr;
};

/// Classifies \p Ref, a reference to the handle variable of \p Dest.
/// \p IsHandleOutArg tells whether argument I of a call writes a cancel
/// handle there (a derive entry with `cancel: "arg:I"`).
HandleRef classifyHandleRef(
    const clang::DeclRefExpr *Ref, const HandleDestination &Dest,
    llvm::function_ref<bool(const clang::CallExpr *, unsigned)> IsHandleOutArg,
    clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
