//===--- DetachedWork.h - What a detached thread still references --------===//
//
// After detach() nothing waits for a thread: it runs on past the block and
// the object that started it. Whatever its work references must outlive it,
// and nothing does when
//   - its callable captures a local by reference: the local is destroyed at
//     the end of its block while the thread may still use it;
//   - its callable uses `this` and runs a loop with no exit: nothing can
//     stop the thread, so it outlives the object it uses.
// The work is the callable the thread was constructed with: a temporary
// (`std::thread(f).detach()`), a local thread's initializer, or, for a
// thread in a local container (`for (auto &t : threads) t.detach();`), the
// callables put into that container in the same function.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_DETACHEDWORK_H
#define CANCELLINT_ANALYSIS_DETACHEDWORK_H

#include "References.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>

namespace cancellint::analysis {

struct DetachedReference {
  enum Kind : std::uint8_t {
    LocalByReference, ///< Local is captured by reference
    ThisForever,      ///< `this` is used by work that never ends
  } What = LocalByReference;
  const clang::VarDecl *Local = nullptr;
  /// Where the local or `this` is captured.
  clang::SourceLocation CapturedAt;
  /// LocalByReference: the closing brace of the local's block.
  clang::SourceLocation DestroyedAt;
  /// ThisForever: the loop with no exit, and the class of `this`.
  const clang::Stmt *EndlessLoop = nullptr;
  const clang::CXXRecordDecl *Object = nullptr;
};

/// The references of the work detached by \p Detach, in \p Body (the body
/// of the function making the call), that it may outlive.
llvm::SmallVector<DetachedReference, 2>
detachedReferences(const clang::CXXMemberCallExpr *Detach,
                   const clang::Stmt *Body, const DeclRefIndex &Refs,
                   clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
