//===--- DirectCloses.h - Closes that race with an object's handlers -----===//
//
// `acceptor_.close()` completes the pending `async_accept` with
// operation_aborted. Where the close runs on the handler's own executor
// (inside a handler, or posted, dispatched or bound there), the handler
// then sees `is_open()` false. Where it runs on another thread (a public
// `stop()` called by the owner), the handler's `is_open()` read races with
// it, and an aborted completion may still see the object open.
//
// Which functions run "elsewhere" is decided as narrowly as the unit
// allows: a named function (not a lambda) whose name is never taken in
// the unit (no address, no reference inside a lambda or a bind: nothing
// can post it), and whose direct callers in the unit, if any, are such
// functions too. A function with no caller in the unit is public API,
// called from the owner's thread.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_DIRECTCLOSES_H
#define CANCELLINT_ANALYSIS_DIRECTCLOSES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace cancellint::analysis {

class DirectCloses {
public:
  explicit DirectCloses(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  struct Close {
    const clang::CXXMemberCallExpr *Call = nullptr;
    const clang::FunctionDecl *In = nullptr; ///< the function making it
  };
  /// The first `close()` or `cancel()` of the data member \p Field made
  /// from a function that runs outside the object's executor, if any.
  std::optional<Close> of(const clang::FieldDecl *Field);
  /// Every `close()` or `cancel()` of the data member \p Field made in a
  /// named function (a lambda's are left out), wherever it runs.
  llvm::SmallVector<Close, 2> allOf(const clang::FieldDecl *Field);
  /// Whether \p FD itself closes or cancels a data member.
  bool closesAny(const clang::FunctionDecl *FD);

private:
  clang::ASTContext &Ctx;
  bool Scanned = false;
  /// close()/cancel() calls on each data member; In is null inside a lambda.
  llvm::DenseMap<const clang::FieldDecl *, llvm::SmallVector<Close, 2>> Closes;
  /// The named functions calling each function directly.
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 2>>
      Callers;
  /// Functions named other than as the callee of a call in a named
  /// function: their address is taken, or a lambda calls them.
  llvm::DenseSet<const clang::FunctionDecl *> NamedElsewhere;

  void scan();
  bool runsElsewhere(const clang::FunctionDecl *FD, unsigned Depth);
};

} // namespace cancellint::analysis

#endif
