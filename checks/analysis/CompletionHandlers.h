//===--- CompletionHandlers.h - The handler an operation completes into --===//
//
// An asynchronous operation (model `async_operations`) completes into the
// callable passed as its completion token, with the error code first. Which
// function that is, and which of its parameters receives the error code:
//   - `std::bind(&C::on_accept, this, conn, std::placeholders::_1)`,
//     `boost::bind(..., boost::asio::placeholders::error)`: the bound
//     function; the error code is the parameter bound to the first
//     placeholder (none bound: the handler does not receive it). The other
//     bound arguments, lambdas included, are values, not handlers;
//   - `std::bind_front(&C::f, this)`: the first parameter left unbound;
//   - a lambda or a function named without being called (through
//     bind_executor, bind_cancellation_slot and the like): its one
//     parameter of a model `error_code_types` type, if it has exactly one.
// A handler whose error code cannot be found this way is not analysed.
//
// From there, the question the rule asks: which next operation does the
// handler start on a path where its error code may still say "cancelled"
// (DoneSignals decides the branches), directly or through the functions it
// calls, unless a stop flag is tested first; and to which functions does it
// hand the error code (they are handlers too).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_COMPLETIONHANDLERS_H
#define CANCELLINT_ANALYSIS_COMPLETIONHANDLERS_H

#include "DoneSignals.h"
#include "FunctionPaths.h"
#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <utility>

namespace cancellint::analysis {

struct CompletionHandler {
  const clang::FunctionDecl *Function = nullptr; ///< its definition
  /// The parameter receiving the error code; null when the handler does
  /// not receive it.
  const clang::ParmVarDecl *ErrorCode = nullptr;
};

/// The next operation a handler starts.
struct Rearm {
  const clang::Stmt *At = nullptr;
  /// The asynchronous operation called there, or else the function called
  /// there that starts one.
  const clang::FunctionDecl *Started = nullptr;
  const clang::FunctionDecl *Via = nullptr;
  /// The call of the asynchronous operation that is started (at At, or
  /// inside Via).
  const clang::CallExpr *Operation = nullptr;
};

class CompletionHandlers {
public:
  CompletionHandlers(ModelQueries &Queries, DoneSignals &Signals,
                     FunctionPathsCache &Paths)
      : Queries(Queries), Signals(Signals), Paths(Paths) {}

  /// The handlers the call \p Op of an asynchronous operation completes
  /// into.
  llvm::SmallVector<CompletionHandler, 2> handlersOf(const clang::CallExpr *Op);

  struct Chain {
    /// The first next operation started on a path where the error code
    /// may still say "cancelled".
    std::optional<Rearm> Next;
    /// The functions the error code is handed to, with the parameter that
    /// receives it.
    llvm::SmallVector<std::pair<const clang::FunctionDecl *, unsigned>, 2>
        Forwarded;
    /// The first test of the error code the path to Next goes through
    /// (`if (ec) log(ec);` and on), if any.
    const clang::Expr *Tested = nullptr;
    /// When no path starts a next operation: the one a path starts past an
    /// `is_open()` test of a data member, taken as deciding nothing, and
    /// that test (`if (!acceptor_.is_open()) return;`).
    std::optional<Rearm> PastOpenTest;
    const clang::CXXMemberCallExpr *OpenTest = nullptr;
    const clang::FieldDecl *OpenObject = nullptr;
    /// When no path starts a next operation, not even past an `is_open()`
    /// test: the one a path starts past the tests of members as stop flags,
    /// taken as deciding nothing, and the first such test
    /// (`if (!callback_) return;`) with its member.
    std::optional<Rearm> PastGuard;
    const clang::Expr *GuardTest = nullptr;
    const clang::FieldDecl *GuardMember = nullptr;
  };
  Chain chainOf(const clang::FunctionDecl *Handler,
                const clang::ParmVarDecl *ErrorCode);

  /// Whether nothing but the handler of \p Op can reach the object \p Op
  /// runs on, so that nothing can cancel it: a local pointer to a fresh
  /// allocation (`new`, std::make_shared, std::make_unique) that its
  /// function only calls members of (not cancel() or close()) and hands to
  /// the completion token (a bind argument, a lambda capture): a one-shot
  /// timer allocated per message and deleted by its handler.
  bool onlyHandlerHolds(const clang::CallExpr *Op);

  /// Whether starting \p Next can come back to \p Handler or to the
  /// handler of the operation \p Armed: it is that call, or one of its
  /// handlers is (or calls) one of them, or starts an operation that comes
  /// back, a few handlers deep.
  /// A next step that never comes back (a final error reply whose handler
  /// tears down) ends the chain. An operation whose handler is not
  /// followed comes back when it is the same operation as \p Armed.
  bool comesBack(const Rearm &Next, const clang::CallExpr *Armed,
                 const clang::FunctionDecl *Handler);

  /// The call of an asynchronous operation \p FD makes, directly or through
  /// the functions it calls (a few levels deep), or null.
  const clang::CallExpr *startsAsync(const clang::FunctionDecl *FD,
                                     unsigned Depth = 0);

private:
  ModelQueries &Queries;
  DoneSignals &Signals;
  FunctionPathsCache &Paths;
  llvm::DenseMap<const clang::FunctionDecl *, const clang::CallExpr *>
      AsyncStarts;
  llvm::DenseMap<const clang::FunctionDecl *, bool> BehindStopFlag;

  /// The asynchronous operations \p FD starts, directly or through the
  /// functions it calls, on any path.
  llvm::SmallVector<const clang::CallExpr *, 4>
  operationsStartedBy(const clang::FunctionDecl *FD);
  bool comesBack(const clang::CallExpr *Operation, const clang::CallExpr *Armed,
                 llvm::ArrayRef<const clang::FunctionDecl *> Own,
                 unsigned Depth,
                 llvm::SmallPtrSetImpl<const clang::FunctionDecl *> &Seen);

  bool startsOperation(const clang::Stmt *S, unsigned Depth);
  /// Whether every operation \p FD starts lies behind a stop flag test
  /// (`if (!stopping_) acceptor_.async_accept(...)`).
  bool startsOnlyBehindStopFlag(const clang::FunctionDecl *FD);
  /// Whether \p Token is a call of the code base's own wrapper (a function
  /// returning a lambda: `onSuccess(this, &C::onTick)`) whose lambda calls
  /// what it wraps only on paths where its error code says "no error": the
  /// wrapped function never sees a cancelled completion.
  bool wrapperPassesOnlySuccess(const clang::Expr *Token);
  bool isErrorCodeType(clang::QualType T);
};

} // namespace cancellint::analysis

#endif
