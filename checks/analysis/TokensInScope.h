//===--- TokensInScope.h - Which tokens a function holds ------------------===//
//
// "Inside a function that holds a token" is where cancel-blocking-call and
// cancel-unforwarded-context look. A function holds a token when
//   - one of its parameters is, points to or holds a model token
//     (std::stop_token, grpc::ServerContext*, const Context&, ...), which
//     covers the std::stop_token first parameter of a jthread's callable;
//   - it is a lambda's call operator and the lambda captures one;
//   - it is a coroutine that co_awaits an expression yielding one (folly's
//     `co_await folly::coro::co_current_cancellation_token`): its promise
//     carries the token;
//   - it is a member function (or a lambda capturing `this`) of a
//     per-request object: a class that is neither long-lived (model
//     long_lived_types) nor the owner of a source, with a data member that
//     is or points to a request-scoped token (`CancellationContext
//     context_;` in a per-call helper). One level only: members of members
//     are not followed.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_TOKENSINSCOPE_H
#define CANCELLINT_ANALYSIS_TOKENSINSCOPE_H

#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace cancellint::analysis {

/// A token a function holds, and how it came to hold it.
struct TokenInScope {
  enum Origin { Parameter, Capture, Awaited, Member };
  /// The parameter or captured variable; for Awaited, the local variable
  /// initialised from the co_await, or null when the token is used in place;
  /// for Member, the data member.
  const clang::ValueDecl *Var = nullptr;
  HeldToken Token;
  Origin From = Parameter;
};

class TokensInScope {
public:
  explicit TokensInScope(ModelQueries &Queries) : Queries(Queries) {}

  /// The tokens \p FD holds, in parameter order, then capture order, then
  /// the order of the co_awaits that yield them.
  llvm::ArrayRef<TokenInScope> of(const clang::FunctionDecl *FD);

  bool holdsAny(const clang::FunctionDecl *FD) { return !of(FD).empty(); }

  /// Whether \p D is one of the variables \p FD holds a token through.
  bool isHeld(const clang::FunctionDecl *FD, const clang::ValueDecl *D);

private:
  ModelQueries &Queries;
  void addMemberTokens(const clang::CXXRecordDecl *RD,
                       std::vector<TokenInScope> &Found);
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<TokenInScope>> Memo;
};

} // namespace cancellint::analysis

#endif
