//===--- TokenOverloads.h - The overload that also takes a token ---------===//
//
// Many APIs offer a cancellable overload next to the plain one, with one
// more parameter, the token: condition_variable_any::wait(lock, pred) and
// wait(lock, stop_token, pred). Such overloads are found from the overload
// set, without a model: same name, same scope, the same parameters with one
// token parameter (by value or reference) inserted.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_TOKENOVERLOADS_H
#define CANCELLINT_ANALYSIS_TOKENOVERLOADS_H

#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include <optional>

namespace cancellint::analysis {

struct TokenOverload {
  const clang::FunctionDecl *Overload = nullptr;
  unsigned TokenParam = 0; ///< where the token goes in the argument list
  HeldToken Token;         ///< the token the parameter takes
};

/// The overload of \p Callee that takes a token in addition to its own
/// parameters, if there is exactly one place such an overload puts it.
std::optional<TokenOverload> tokenOverloadOf(const clang::FunctionDecl *Callee,
                                             ModelQueries &Queries);

} // namespace cancellint::analysis

#endif
