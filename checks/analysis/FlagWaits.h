//===--- FlagWaits.h - Can setting a stop flag end this wait? ------------===//
//
// A thread that polls a stop flag stops only when the flag is read again.
// A wait inside its loop delays that until the wait ends, so for every
// blocking call in such a loop the question is: does setting the flag end
// the wait?
//   - a sleep (model `sleep`: sleep_for, usleep) ends only with its time;
//   - a wait that a model `woken_by` call ends (notify_all for a condition
//     variable, close or shutdown for a socket) ends when the setter makes
//     that call on the same object;
//     - if the wait has a predicate, the predicate must read the flag, or
//       the wait goes back to sleep after the wake-up;
//     - if the predicate reads the flag, the setter must write it while
//       holding the wait's mutex: otherwise its notification can come
//       between the predicate's check and the wait, and is lost;
//   - any other wait ends by itself, or never.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_FLAGWAITS_H
#define CANCELLINT_ANALYSIS_FLAGWAITS_H

#include "BlockingCalls.h"
#include "StopFlags.h"
#include "clang/AST/Expr.h"
#include <cstdint>

namespace cancellint::analysis {

struct FlagWait {
  enum Kind : std::uint8_t {
    Woken,              ///< the setter ends the wait
    NotWoken,           ///< nothing the setter does ends it
    PredicateIgnores,   ///< woken, but its predicate does not read the flag
    LostWakeup,         ///< woken, but the flag is written without the mutex
  } What = NotWoken;
  /// Woken and its variants: the setter's call that wakes the wait.
  const clang::CallExpr *Wake = nullptr;
  /// PredicateIgnores: the predicate.
  const clang::Expr *Predicate = nullptr;
  /// LostWakeup: the wait's mutex.
  const clang::ValueDecl *Mutex = nullptr;
  /// Whether the call is a sleep: only its time ends it.
  bool Sleeps = false;
};

/// Whether setting \p Flag ends \p Call, which blocks because of \p B.
FlagWait flagWaitOf(const clang::CallExpr *Call, const BlockingCallee &B,
                    const StopFlag &Flag, StopFlags &Flags);

} // namespace cancellint::analysis

#endif
