//===--- SingleUseContexts.h - Contexts that serve one call --------------===//
//
// Some contexts serve exactly one call: a grpc::ClientContext holds the
// state of one RPC, gRPC asserts when it sees it a second time, and a
// deadline set on it once has passed for every retry after the first. The
// model marks such token types `single_use`.
//
// A use is a call that receives the context through a parameter taking it
// (`stub->Fetch(&context, req, &resp)`). A call made on the context itself
// (`context.set_deadline(d)`) is not a use, and neither is a call of a
// function of this translation unit that only configures the context and
// passes it to no use of its own (`AddAuthMetadata(&context)`), nor a call
// through a callable object (`std::function`), whose target is unknown.
//
// A context is reused when
//   - control can get from a use back to the same use (the next pass of a
//     loop) or on to another use, without meeting the context's
//     declaration or a new value for it (`ctx = std::make_unique<...>()`);
//   - it is a data member held by value (it cannot be made anew) and it is
//     used at two places, or at one place that control can reach again.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_SINGLEUSECONTEXTS_H
#define CANCELLINT_ANALYSIS_SINGLEUSECONTEXTS_H

#include "FunctionPaths.h"
#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include <cstdint>
#include <vector>

namespace cancellint::analysis {

/// A call that uses a single-use context.
struct ContextUse {
  const clang::Expr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  /// The local, parameter or data member (canonical) holding the context.
  const clang::ValueDecl *Context = nullptr;
  HeldToken Token;
};

struct ContextReuse {
  enum Kind : std::uint8_t {
    NextPass, ///< the same use runs again on the next pass of a loop
    Second,   ///< a later use on the same path
  } What = NextPass;
  ContextUse Use;   ///< the use that reuses the context
  ContextUse First; ///< Second: the use before it
};

class SingleUseContexts {
public:
  SingleUseContexts(ModelQueries &Queries, FunctionPathsCache &Paths)
      : Queries(Queries), Paths(Paths) {}

  /// The reuses of local and parameter contexts in \p FD; its uses of
  /// by-value data members are kept for membersUsedTwice().
  std::vector<ContextReuse> reusesIn(const clang::FunctionDecl *FD);

  /// By-value data members used at more than one place, or at one place
  /// that control reaches again: their uses, in source order.
  std::vector<std::vector<ContextUse>> membersUsedTwice() const;

private:
  ModelQueries &Queries;
  FunctionPathsCache &Paths;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool>
      Consumes;
  llvm::MapVector<const clang::ValueDecl *, std::vector<ContextUse>>
      MemberUses;
  llvm::DenseMap<const clang::Expr *, bool> RepeatedUse;

  /// The single-use contexts \p Call receives.
  llvm::SmallVector<ContextUse, 1> usesAt(const clang::Expr *Call);
  /// Whether the callee's parameter \p Index may use the context it gets:
  /// the callee is not in this unit, or it hands the context to a use.
  bool consumes(const clang::FunctionDecl *Callee, unsigned Index,
                unsigned Depth);
};

} // namespace cancellint::analysis

#endif
