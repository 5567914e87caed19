//===--- TokenAlternatives.h - What could have taken the held token ------===//
//
// When a function holds a token and makes a new local context instead of
// using it, the fix is a model `derive[]` function creating that kind of
// context from the held one (grpc::ClientContext::FromServerContext).
// (Token-taking overloads of token-less calls: TokenOverloads.h.)
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_TOKENALTERNATIVES_H
#define CANCELLINT_ANALYSIS_TOKENALTERNATIVES_H

#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace cancellint::analysis {

/// Whether a token of class \p From can be passed where class \p To is
/// expected (the same class or a base of it).
bool canPass(const clang::CXXRecordDecl *From, const clang::CXXRecordDecl *To);

class TokenAlternatives {
public:
  explicit TokenAlternatives(ModelQueries &Queries) : Queries(Queries) {}

  /// The best model `derive[]` function creating a \p Target token from a
  /// \p From token: looked for among the static members of Target (and its
  /// bases) and the functions of its namespace. Exact parameter matches
  /// first, then fewer required arguments, then no cancel handle.
  const clang::FunctionDecl *derivationOf(const clang::CXXRecordDecl *Target,
                                          const clang::CXXRecordDecl *From);

private:
  ModelQueries &Queries;
  /// derive[] functions returning each target class, memoised.
  llvm::DenseMap<const clang::CXXRecordDecl *,
                 std::vector<const clang::FunctionDecl *>>
      Derivers;

  const std::vector<const clang::FunctionDecl *> &
  derivers(const clang::CXXRecordDecl *Target);
  /// The token class parameter \p FD's derive[] entry names takes.
  const clang::CXXRecordDecl *parentClass(const clang::FunctionDecl *FD);
};

} // namespace cancellint::analysis

#endif
