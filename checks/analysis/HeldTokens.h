//===--- HeldTokens.h - Which tokens a function holds --------------------===//
//
// "Inside a function that holds a token" is where cancel-blocking-call and
// cancel-unforwarded-context look. A function holds a token when
//   - one of its parameters is, points to or holds a model token
//     (std::stop_token, grpc::ServerContext*, const Context&, ...), which
//     covers the std::stop_token first parameter of a jthread's callable;
//   - it is a lambda's call operator and the lambda captures one;
//   - it is a coroutine that co_awaits an expression yielding one (folly's
//     `co_await folly::coro::co_current_cancellation_token`): its promise
//     carries the token.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_HELDTOKENS_H
#define CANCELLINT_ANALYSIS_HELDTOKENS_H

#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace cancellint::analysis {

struct HeldTokenVar {
  enum Origin { Parameter, Capture, Awaited };
  /// The parameter or captured variable; for Awaited, the local variable
  /// initialised from the co_await, or null when the token is used in place.
  const clang::ValueDecl *Var = nullptr;
  HeldToken Token;
  Origin From = Parameter;
};

class HeldTokens {
public:
  explicit HeldTokens(ModelQueries &Queries) : Queries(Queries) {}

  /// The tokens \p FD holds, in parameter order, then capture order, then
  /// the order of the co_awaits that yield them.
  llvm::ArrayRef<HeldTokenVar> of(const clang::FunctionDecl *FD);

  bool holdsAny(const clang::FunctionDecl *FD) { return !of(FD).empty(); }

  /// Whether \p D is one of the variables \p FD holds a token through.
  bool isHeld(const clang::FunctionDecl *FD, const clang::ValueDecl *D);

private:
  ModelQueries &Queries;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<HeldTokenVar>> Memo;
};

} // namespace cancellint::analysis

#endif
