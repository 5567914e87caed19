//===--- PerUnit.h - State kept for as long as a unit's ASTContext lives --===//
//
// Some indexes serve every helper that has the ASTContext, including
// matchers that run before a check's first callback, so they cannot live
// in a check. perUnit<T>(Ctx) finds (or makes) the T of that context; it is
// freed with the context, so a context allocated later at the same address
// starts afresh.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_PERUNIT_H
#define CANCELLINT_ANALYSIS_PERUNIT_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <mutex>

namespace cancellint::analysis {

/// The T of \p Ctx, default-constructed on first use. A unit is analysed by
/// one thread, so T needs no lock of its own.
template <typename T> T &perUnit(const clang::ASTContext &Ctx) {
  using Registry = llvm::DenseMap<const clang::ASTContext *, std::unique_ptr<T>>;
  // Never destroyed: a context freed during exit, after static destructors
  // have run, still finds the registry to leave.
  static auto *Lock = new std::mutex;
  static auto *Units = new Registry;
  std::scoped_lock Guard(*Lock);
  std::unique_ptr<T> &Slot = (*Units)[&Ctx];
  if (!Slot) {
    Slot = std::make_unique<T>();
    Ctx.AddDeallocation(
        [](void *Unit) {
          std::scoped_lock Guard(*Lock);
          Units->erase(static_cast<const clang::ASTContext *>(Unit));
        },
        const_cast<clang::ASTContext *>(&Ctx));
  }
  return *Slot;
}

} // namespace cancellint::analysis

#endif
