//===--- Locks.h - Which mutexes a function holds, and where -------------===//
//
// "Is this statement run while the function holds mutex M?" asks whether a
// lock wrapper (model lock_wrappers: std::lock_guard, std::unique_lock...)
// built on M without a defer tag is alive there, in an enclosing block, or
// whether M.lock() was called earlier in the same block and not yet
// unlocked. "Which mutexes does a function lock?" lists the same places.
// Mutexes are named by the canonical variable or data member.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_LOCKS_H
#define CANCELLINT_ANALYSIS_LOCKS_H

#include "ModelQueries.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace cancellint::analysis {

/// Whether \p At, in \p Body, runs while \p Mutex is held.
bool mutexHeldAt(const clang::Stmt *Body, const clang::Stmt *At,
                 const clang::ValueDecl *Mutex, ModelQueries &Queries);

/// The mutexes \p Body locks (lambda bodies excluded), each with the
/// statement that locks it, in source order.
llvm::SmallVector<std::pair<const clang::ValueDecl *, const clang::Stmt *>, 2>
mutexesLockedIn(const clang::Stmt *Body, ModelQueries &Queries);

} // namespace cancellint::analysis

#endif
