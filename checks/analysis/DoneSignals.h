//===--- DoneSignals.h - Where done signals go, what code makes of them --===//
//
// A done signal is a model done_values entry (grpc::StatusCode::CANCELLED,
// absl::StatusCode::kCancelled, asio::error::operation_aborted,
// boost::fibers::channel_op_status::closed, ...) arriving as a value the
// code must look at, or a model done check (stop_requested()) turning true.
// This file answers, without any library name of its own:
//   - which done values an enum has, and which of them a switch or an
//     if/else-if chain over it has no branch of their own for;
//   - what a branch condition evaluates to once the operation was cancelled
//     (`ec` is operation_aborted, `token.stop_requested()` is true), or
//     that the code decides on the cancellation in a way not evaluated here
//     (a stop flag, `ec.failed()`, `!status.ok()`);
//   - whether a statement hands the done signal on (`finish(status)`).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_DONESIGNALS_H
#define CANCELLINT_ANALYSIS_DONESIGNALS_H

#include "FunctionPaths.h"
#include "ModelQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <optional>
#include <vector>

namespace cancellint::analysis {

/// Where a done signal sits while the code looks at it.
struct DoneCarrier {
  /// The status, error code or caught exception variable; null when the
  /// signal is a temporary (`switch (chan.pop(v))`).
  const clang::ValueDecl *Var = nullptr;
  /// The expression the signal was switched on; a condition comparing the
  /// same expression again is read as looking at the signal.
  const clang::Expr *Subject = nullptr;
  /// The carrier converts to true when it holds an error (error codes).
  bool TruthyOnError = false;
  /// The carrier is a status whose `ok()` says "no error" (grpc::Status,
  /// absl::Status): once it holds a done value, `ok()` is false.
  bool OkMeansSuccess = false;
};

/// What a condition evaluates to once cancellation has happened.
enum class Verdict : std::uint8_t {
  True,
  False,
  Unknown,
  /// The condition looks at the cancellation (or at a flag that stop
  /// requests set) in a way not evaluated here: the code decides itself.
  Decided,
};

class DoneSignals {
public:
  DoneSignals(ModelQueries &Queries, clang::ASTContext &Ctx)
      : Queries(Queries), Ctx(Ctx) {}

  /// The done enumerators of the enum \p T is (through typedefs), in
  /// declaration order; empty for other types.
  llvm::ArrayRef<const clang::EnumConstantDecl *>
  doneEnumerators(clang::QualType T);
  llvm::ArrayRef<const clang::EnumConstantDecl *>
  doneEnumerators(const clang::EnumDecl *ED);

  /// The done values of the enum \p S switches on that have no case of
  /// their own: they go to the default branch, or past the switch.
  std::vector<const clang::EnumConstantDecl *>
  doneValuesWithoutCase(const clang::SwitchStmt *S);

  /// An if/else-if chain testing one subject for equality with enumerators
  /// of an enum that has done values, ending in a plain `else`.
  struct ElseChain {
    const clang::IfStmt *Last = nullptr; ///< the if whose else is final
    const clang::Expr *Subject = nullptr;
    /// Done values no condition of the chain tests: they reach the else.
    std::vector<const clang::EnumConstantDecl *> Unhandled;
  };
  /// The chain starting at \p First (not itself an else-if), if it is one.
  std::optional<ElseChain> elseChain(const clang::IfStmt *First);

  /// What \p Cond evaluates to once cancellation happened and \p C holds
  /// the done signal. A branch taken because the signal is a done value or
  /// a done check is true (`if (ec == operation_aborted)`,
  /// `if (token.stop_requested())`) is Decided: the code handles the
  /// cancellation on purpose there. In a loop condition those are True,
  /// and a stop flag is Unknown, not Decided: the flag may belong to
  /// something else than this operation.
  Verdict onceCancelled(const clang::Expr *Cond, const DoneCarrier &C,
                        bool LoopCondition = false);

  /// Whether \p E (after parentheses and implicit casts) calls a model done
  /// check: `token.stop_requested()`, `ctx->IsCancelled()`.
  bool isDoneCheckCall(const clang::Expr *E);

  /// Whether \p S passes \p Var itself (not a member of it, not to an
  /// operator) to a function that can stop the loop with it:
  /// `finish(status)`, `done(std::move(ec))`. A variable initialised from
  /// another (`auto code = s.error_code()`) counts as that one too. The
  /// callee must be able to act: it never returns, its result decides
  /// control (it returns a value), or it may throw. Logging is not
  /// handling: a void function that cannot throw (noexcept, or a body of
  /// this unit that neither throws nor calls what may; functions of system
  /// headers report, they do not stop loops) does not count.
  bool handsOn(const clang::Stmt *S, const clang::ValueDecl *Var);

  /// The variable \p E reads through members, member calls without
  /// arguments and dereferences (`s.error_code()` -> s); null otherwise.
  static const clang::ValueDecl *rootVariable(const clang::Expr *E);

private:
  ModelQueries &Queries;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::EnumDecl *,
                 std::vector<const clang::EnumConstantDecl *>>
      DoneByEnum;
  llvm::DenseMap<const clang::FunctionDecl *, bool> MayThrow;

  /// Whether calling \p FD can end the loop around the call.
  bool canStopLoop(const clang::FunctionDecl *FD);
  bool mayThrow(const clang::FunctionDecl *FD, unsigned Depth);

  bool sameSubject(const clang::Expr *A, const clang::Expr *B) const;
  bool mentions(const clang::Expr *E, const DoneCarrier &C) const;
  Verdict comparison(const clang::Expr *E, const DoneCarrier &C,
                     bool LoopCondition);
  bool containsDoneCheck(const clang::Stmt *S, unsigned Depth);
  /// The enumerators the condition of a chain link tests against
  /// \p Subject (set on first use); false when it is not such a test.
  bool chainTests(const clang::Expr *Cond, const clang::Expr *&Subject,
                  std::vector<const clang::EnumConstantDecl *> &Tested);
};

/// The edges of a branch a walk in the cancelled state follows, given what
/// the branch condition evaluates to then: only the one it takes, or none
/// when the code decides on the cancellation itself (Decided).
Follow branchesFor(Verdict V);

/// The enumerator or constant \p E names, looking through parentheses,
/// implicit conversions and the implicit error_code/error_condition
/// constructions of `ec == asio::error::operation_aborted`.
const clang::ValueDecl *namedConstant(const clang::Expr *E);

/// Whether \p E reads a stop flag: a bool (or a bool-returning call without
/// arguments) read from a member, a global, a lambda capture or a
/// parameter passed by reference or pointer, which another handler or
/// thread can set (`stopped_`, `running_.load()`, `!socket_.is_open()`).
bool readsStopFlag(const clang::Expr *E);

/// The data member of `*this` that \p E reads as a stop flag
/// (readsStopFlag), or null: `running_` in `if (!running_)`, `callback_` in
/// `if (!callback_)`.
const clang::FieldDecl *stopFlagMember(const clang::Expr *E);

} // namespace cancellint::analysis

#endif
