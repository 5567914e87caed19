//===--- DiscardedTokens.h - Token parameters a function throws away -----===//
//
// A function that receives a context and says, in code, that it will not
// use it: the parameter is unnamed, or every use of it is a cast to void,
// or an argument of a call that does nothing (the `UNUSED(...)` macros
// expand to `(void)(x)` or to a call of an empty function template), or it
// is `[[maybe_unused]]` and never named. Such a function cuts the chain of
// cancellation on purpose; whether that matters depends on what else it
// does: the places where it waits or calls down (a model blocking call,
// a lock the model says blocks, a call of a function that takes a context)
// are what a context could have reached. A standard mutex is not such a
// lock: its waits are short by design.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_DISCARDEDTOKENS_H
#define CANCELLINT_ANALYSIS_DISCARDEDTOKENS_H

#include "ModelQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>

namespace cancellint::analysis {

/// A token parameter its function explicitly discards.
struct DiscardedToken {
  enum Kind : std::uint8_t {
    Unnamed,     ///< the parameter has no name
    CastToVoid,  ///< `(void)ctx`, `static_cast<void>(ctx)`, `UNUSED(ctx)`
    EmptyCall,   ///< passed only to a function that does nothing
    MaybeUnused, ///< `[[maybe_unused]]` and never named
  };
  const clang::ParmVarDecl *Param = nullptr;
  unsigned Index = 0; ///< the parameter's position
  HeldToken Token;
  Kind How = Unnamed;
  /// The discarding expression (its macro expansion when written through
  /// one); null for Unnamed and MaybeUnused.
  const clang::Expr *At = nullptr;
};

/// The token parameters of \p FD's definition that it explicitly discards.
llvm::SmallVector<DiscardedToken, 1>
discardedTokens(const clang::FunctionDecl *FD, ModelQueries &Queries);

/// Whether \p FD's parameter \p Index is a token its body uses: named and
/// referenced other than to discard it.
bool usesTokenParameter(const clang::FunctionDecl *FD, unsigned Index,
                        ModelQueries &Queries);

/// A place where a function waits or calls down: what a context it holds
/// could have reached.
struct DownCall {
  enum Kind : std::uint8_t {
    Blocking,     ///< a model (or annotated) blocking call
    Lock,         ///< a lock wrapper on a mutex whose lock the model says
                  ///< blocks (`lock()` called directly is a Blocking call)
    TakesContext, ///< a call of a function with a token parameter
  };
  Kind What = Blocking;
  const clang::Stmt *At = nullptr;
  const clang::FunctionDecl *Callee = nullptr; ///< Blocking, TakesContext
  const clang::ValueDecl *Mutex = nullptr;     ///< Lock
};

/// The most telling place where \p FD's body waits or calls down (lambda
/// bodies excluded: they run elsewhere): its first blocking call (one
/// bounded by at most \p ShortWait seconds does not count), else its
/// first blocking lock, else its first call of a function taking a token;
/// none when it does neither. Calls that do nothing (the discarding ones)
/// do not count.
std::optional<DownCall> firstDownCall(const clang::FunctionDecl *FD,
                                      ModelQueries &Queries,
                                      double ShortWait);

/// The definitions, in one translation unit, of the overrides of each
/// virtual function, keyed by the canonical declaration of the function
/// they override at the top of the hierarchy. Built on first use.
class OverrideSets {
public:
  /// The other definitions overriding what \p M overrides (\p M excluded),
  /// the definition of the overridden function itself included.
  llvm::SmallVector<const clang::CXXMethodDecl *, 4>
  siblingsOf(const clang::CXXMethodDecl *M, clang::ASTContext &Ctx);

private:
  bool Built = false;
  llvm::DenseMap<const clang::CXXMethodDecl *,
                 llvm::SmallVector<const clang::CXXMethodDecl *, 4>>
      ByRoot;
};

} // namespace cancellint::analysis

#endif
