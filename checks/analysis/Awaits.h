//===--- Awaits.h - co_awaits that ignore the coroutine's token ----------===//
//
// A coroutine's promise may carry a cancellation token and hand it to what
// the coroutine awaits (folly's TaskPromise wraps every awaitable in
// co_withCancellation(cancelToken_, ...)). An awaitable that ignores that
// token (folly::coro::Baton: "as a primitive, this is not
// cancellation-aware") keeps the coroutine suspended however often it is
// cancelled. Which awaitables ignore it is the model's closed list
// (`uncancellable_awaitables`): nothing is assumed of the others.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_AWAITS_H
#define CANCELLINT_ANALYSIS_AWAITS_H

#include "ModelQueries.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

namespace cancellint::analysis {

struct UncancellableAwait {
  const model::AwaitableSpec *Spec = nullptr;
  /// The class the entry names, or a class derived from it.
  const clang::CXXRecordDecl *Record = nullptr;
  explicit operator bool() const { return Spec != nullptr; }
};

/// The model entry that makes \p E ignore the coroutine's token: that of
/// its operand's class (`co_await baton`), or else of the awaiter the
/// operand's `operator co_await` returns.
UncancellableAwait uncancellableAwait(const clang::CoawaitExpr *E,
                                      ModelQueries &Queries);

/// The token the promise of \p FD, a coroutine, carries: a data member of
/// the promise class (or of a base) that is a model token
/// (folly::coro::TaskPromiseBase::cancelToken_). Empty when \p FD is no
/// coroutine or its promise holds none: cancelling it then means nothing
/// the model knows.
std::optional<HeldToken> promiseToken(const clang::FunctionDecl *FD,
                                      ModelQueries &Queries);

} // namespace cancellint::analysis

#endif
