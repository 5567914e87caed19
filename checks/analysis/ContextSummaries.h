//===--- ContextSummaries.h - Functions that start their own contexts ----===//
//
// contextcheck's interprocedural rule: a function holding a context calls a
// function that takes none, which creates a fresh root (background(), a
// default-constructed token, a new grpc::ClientContext) and passes it to
// token-taking calls, itself or through further such functions.
//
// Each function of the translation unit is summarised at most once, by one
// walk of its body (TokenFlow), and summaries of callees are reused, so the
// whole is linear in the size of the translation unit. Cycles and chains
// deeper than a small bound summarise to "nothing found"; such an answer is
// kept with the depth it had, so a function is summarised at most once per
// depth and answers do not depend on the order of questions.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_CONTEXTSUMMARIES_H
#define CANCELLINT_ANALYSIS_CONTEXTSUMMARIES_H

#include "Limits.h"
#include "TokenFlow.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <deque>

namespace cancellint::analysis {

class ContextSummaries {
public:
  struct Summary {
    /// The Root or Fresh token created, where it is created.
    Provenance Token;
    /// The function it is created in when that is a callee, else null.
    const clang::FunctionDecl *Next = nullptr;
    /// The call in the summarised function passing it (or calling Next).
    const clang::Expr *Site = nullptr;
  };

  ContextSummaries(ModelQueries &Queries, TokensInScope &Holders)
      : Queries(Queries), Holders(Holders) {}

  /// The definition \p Call reaches that can be summarised: defined in this
  /// translation unit outside system headers, not a virtual dispatch, not a
  /// model function, holding no token (it is checked on its own), and not
  /// returning one (helpers handing out a detached token are deliberate).
  const clang::FunctionDecl *followableCallee(const clang::Expr *Call);

  /// The first fresh root or new context \p FD (a followableCallee) passes
  /// to a token-taking call, directly or through followable callees; null
  /// when there is none. Work inside lambdas does not count: a lambda is
  /// background work in its own scope.
  const Summary *of(const clang::FunctionDecl *FD);

private:
  ModelQueries &Queries;
  TokensInScope &Holders;
  struct Entry {
    const Summary *Result = nullptr;
    /// The depth left when it was computed, if the bound cut it short;
    /// limits::MaxForwardingChain + 1 when it is final.
    unsigned Budget = 0;
  };
  std::deque<Summary> Summaries; ///< stable addresses
  llvm::DenseMap<const clang::FunctionDecl *, Entry> Memo;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  /// Whether the summary being computed met the depth bound.
  bool CutShort = false;
};

} // namespace cancellint::analysis

#endif
