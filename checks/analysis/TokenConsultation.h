//===--- TokenConsultation.h - Where a function consults its token -------===//
//
// One walk over the body of a function that holds a token (TokensInScope.h)
// records its loops, the calls it makes (with the innermost loop around
// each) and whether each loop consults a token. A loop consults a token when
// its condition, body or increment contains
//   - a reference to a held token variable, or to any variable or data
//     member that is or holds a model token (copies and derivations of the
//     held one: `auto child = with_timeout(ctx, 1s)`);
//   - a model done check (stop_requested(), IsCancelled()) on any token;
//   - a reference to a local callable initialised with a lambda that
//     captures a token;
//   - in a coroutine that got its token from co_await (folly), any
//     co_await: its promise hands the token to every awaited operation,
//     except to a model `uncancellable_awaitables` entry (Awaits.h), which
//     ignores it;
//   - a read of a stop flag the function polls, or a call of its accessor.
// Lambdas written inside the loop count too: handing the token to work the
// loop starts is passing it on. Loops and calls inside those lambdas belong
// to the lambdas' own call operators and are not recorded here.
//
// The walk is linear in the size of the body; each node updates at most
// the loops enclosing it. It stops after limits::MaxFunctionScanNodes nodes
// (generated code), and says so: an editor must not wait on one huge
// function.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_TOKENCONSULTATION_H
#define CANCELLINT_ANALYSIS_TOKENCONSULTATION_H

#include "BlockingCalls.h"
#include "Limits.h"
#include "StopFlags.h"
#include "TokensInScope.h"
#include "clang/AST/Stmt.h"
#include <cstdint>
#include <vector>

namespace cancellint::analysis {

struct ScannedLoop {
  enum Shape : std::uint8_t {
    Infinite,        ///< for(;;), while(true), do ... while(true)
    ConditionDriven, ///< while (running_), for (; !done; )
    Counted,         ///< for (init; cond; step): a trip count
    RangeFor,        ///< for (x : range): bounded by the range
    AtMostOnce,      ///< do ... while(false), while(false)
  };
  const clang::Stmt *Loop = nullptr;
  int Parent = -1; ///< the enclosing loop in this function, or -1
  Shape Kind = ConditionDriven;
  bool Consults = false;
  /// The first blocking call or co_await directly inside (not in lambdas).
  const clang::Stmt *FirstWait = nullptr;
};

struct ScannedCall {
  const clang::CallExpr *Call = nullptr;
  int Loop = -1; ///< the innermost enclosing loop, or -1
};

struct ScannedAwait {
  const clang::CoawaitExpr *Await = nullptr;
  int Loop = -1; ///< the innermost enclosing loop, or -1
};

struct FunctionScan {
  /// In source order: every loop comes after the loops enclosing it.
  std::vector<ScannedLoop> Loops;
  /// Calls with a known callee, in source order.
  std::vector<ScannedCall> Calls;
  /// co_awaits, in source order.
  std::vector<ScannedAwait> Awaits;
  /// A registration (std::stop_callback) receiving a token, or a link
  /// called on a token (slot.assign(handler)): a callback registered on the
  /// token can wake any wait of the function.
  const clang::Expr *Registration = nullptr;

  /// The walk stopped at limits::MaxFunctionScanNodes: the facts above are
  /// incomplete.
  bool Truncated = false;
};

/// The stop flags a function polls (StopFlags.h): reading one of them, or
/// calling its accessor, consults it as a token is consulted.
struct PolledFlags {
  llvm::ArrayRef<const StopFlag *> Flags;
  StopFlags &Inference;
};

/// Scans the body of \p FD, which holds the tokens \p Held (and polls the
/// stop flags \p Polled, when given).
FunctionScan scanTokenConsultation(const clang::FunctionDecl *FD,
                                   llvm::ArrayRef<TokenInScope> Held,
                                   ModelQueries &Queries,
                                   BlockingCalls &Blocking,
                                   const PolledFlags *Polled = nullptr);

} // namespace cancellint::analysis

#endif
