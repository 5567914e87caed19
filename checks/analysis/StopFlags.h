//===--- StopFlags.h - Home-grown stop flags, inferred -------------------===//
//
// Most C++ code does not cancel with a token. It cancels with a flag: an
// `std::atomic<bool> m_shutdown` that the destructor sets before it joins
// the thread, a `bool stop_` that stop() sets before notify_all(), an enum
// state that close() moves to Stopping. To the checks, such a flag is a
// token: the loop that polls it is the work it cancels.
//
// A member, global or static variable of type bool, std::atomic<bool>,
// std::atomic_flag, an enum (atomic or not), or a code base's own
// lock-protected holder of one (a class template with get() and set(): SEMS's
// AmSharedVar<bool>) is a stop flag when both
// halves of a stop request are seen in the translation unit:
//   - the setter: some function writes a value to it and also signals the
//     thread: it is a destructor, or it joins, notifies, cancels, closes or
//     stops something (`m_shutdown = true; m_thread.join();`); or the write
//     is inside a callback registered on a token (std::stop_callback);
//   - the reader: a loop's condition, or an `if` that leaves a loop, is
//     ended by that value (`while (!m_shutdown)`, `if (stopping()) break;`),
//     in a function that runs as a thread: the callable handed to a thread,
//     jthread or executor (model spawns), or a function it calls.
// A variable that is only read, or only written, is a setting, not a stop
// request. A zero-argument member function that returns the flag
// (`bool should_stop() const { return stop_; }`) stands for it.
//
// One walk over the unit's own function bodies (not system headers)
// collects writes, loop reads, accessors, thread entries and direct calls;
// templates and their instantiations are folded onto the template's own
// declarations, so a member read in an instantiation is the same flag.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_STOPFLAGS_H
#define CANCELLINT_ANALYSIS_STOPFLAGS_H

#include "ModelQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cancellint::analysis {

/// A value a flag can hold: a bool, or an enumerator.
struct FlagValue {
  const clang::EnumConstantDecl *Enumerator = nullptr; ///< null: a bool
  bool Bool = false;
  bool operator==(const FlagValue &O) const {
    return Enumerator == O.Enumerator && (Enumerator || Bool == O.Bool);
  }
};

struct StopFlag {
  /// The member or variable (the template's own member for members of an
  /// instantiated class template).
  const clang::ValueDecl *Var = nullptr;
  /// The value the setter writes: the one that ends the polling loops.
  FlagValue Stop;
  /// The write, the function that makes it, and what that function does to
  /// the thread: its join/notify/cancel call (null in a destructor that
  /// does none of them).
  const clang::Expr *SetAt = nullptr;
  const clang::FunctionDecl *Setter = nullptr;
  const clang::CallExpr *Signal = nullptr;
  /// Signal joins the thread (join(), pthread_join).
  bool SignalJoins = false;
  /// A model's stop_flags entry names it.
  bool Declared = false;
  /// The wake-up calls the setter makes (notify_all on a condition
  /// variable, close on a socket), on the objects they name.
  llvm::SmallVector<const clang::CallExpr *, 2> Wakes;
};

/// The accessors and readers of a flag, resolved for one expression.
class StopFlags {
public:
  StopFlags(ModelQueries &Queries, clang::ASTContext &Ctx);
  ~StopFlags();

  /// The flags whose value ends a loop of \p FD, when \p FD runs as a
  /// thread (or is called from one); in order of first appearance.
  llvm::ArrayRef<const StopFlag *> polledBy(const clang::FunctionDecl *FD);

  /// The flag \p E reads directly: a member or variable reference, a
  /// load(), a conversion, or a call of an accessor. Null otherwise.
  const StopFlag *readBy(const clang::Expr *E);

  /// Whether evaluating \p S (lambda bodies included: a predicate is a
  /// lambda) reads \p F.
  bool reads(const clang::Stmt *S, const StopFlag &F);

  /// The functions whose loops poll \p F (on a thread).
  llvm::ArrayRef<const clang::FunctionDecl *> pollersOf(const StopFlag &F);

  /// The flags \p FD sets as their setter.
  llvm::SmallVector<const StopFlag *, 1> setBy(const clang::FunctionDecl *FD);

  ModelQueries &queries();

  /// The canonical declaration for \p D: for members of class template
  /// instantiations, the template's own member.
  static const clang::ValueDecl *canonicalVar(const clang::ValueDecl *D);

private:
  struct Facts;
  std::unique_ptr<Facts> Data;
  unsigned AccessorDepth = 0;
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const StopFlag *, 1>>
      Polled;
  llvm::DenseMap<const StopFlag *,
                 llvm::SmallVector<const clang::FunctionDecl *, 1>>
      Pollers;
};

} // namespace cancellint::analysis

#endif
