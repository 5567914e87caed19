//===--- LoopExits.h - Does control go round the loop again? -------------===//
//
// "From this statement, can control go round the enclosing loop again
// without leaving it?", asked on clang's CFG for the places where a done
// signal lands (a switch default, a catch handler, the branch of a stop
// check). Walking forward from there, a path
//   - goes round when it reaches the loop's back edge (a `continue`, the
//     end of the body) and the loop condition does not end the loop in the
//     cancelled state (`while (!token.stop_requested())` does);
//   - leaves when it returns, co_returns, throws out of the loop, breaks or
//     jumps out of it, or calls a noreturn function or destructor (the CFG
//     sends those to the exit block);
//   - ends when the caller says a statement settles the matter (the status
//     is handed on; something the loop condition reads is changed);
//   - continues when it reaches code of the loop past a given region.
// Branches are decided by the caller (usually DoneSignals::onceCancelled),
// so that paths the cancelled state cannot take are not followed. Each walk
// visits every block at most once.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_LOOPEXITS_H
#define CANCELLINT_ANALYSIS_LOOPEXITS_H

#include "ExitPaths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <cstdint>
#include <memory>

namespace cancellint::analysis {

/// CFGs of the functions that hold a candidate, built on first use (by
/// FunctionPaths::build, so every check sees the same CFG: implicit and
/// temporary destructors, noreturn calls and destructors ending paths) and
/// kept for the translation unit.
class FunctionCFGs {
public:
  explicit FunctionCFGs(unsigned MaxBlocks = 4000) : MaxBlocks(MaxBlocks) {}

  /// The CFG of \p FD's body (a function, method, lambda call operator or
  /// coroutine); null when clang cannot build it or it has more than
  /// MaxBlocks blocks (bounded work in an editor).
  const clang::CFG *get(const clang::FunctionDecl *FD);

  /// The block a `case`, `default:` or `catch` label starts, or null.
  const clang::CFGBlock *blockLabelled(const clang::FunctionDecl *FD,
                                       const clang::Stmt *Label);
  /// The block \p Terminator (an if, switch, loop, ...) ends, or null.
  const clang::CFGBlock *blockTerminatedBy(const clang::FunctionDecl *FD,
                                           const clang::Stmt *Terminator);

private:
  struct Entry {
    std::unique_ptr<FunctionPaths> Paths;
    llvm::DenseMap<const clang::Stmt *, const clang::CFGBlock *> Labels;
    llvm::DenseMap<const clang::Stmt *, const clang::CFGBlock *> Terminators;
  };
  unsigned MaxBlocks;
  llvm::DenseMap<const clang::FunctionDecl *, Entry> Cache;

  const Entry *entry(const clang::FunctionDecl *FD);
};

/// The innermost loop whose body holds a statement, without crossing into
/// the function around a lambda, and the function the statement runs in.
struct LoopContext {
  const clang::Stmt *Loop = nullptr; ///< for, while, do or range-for
  const clang::FunctionDecl *Function = nullptr;
};
LoopContext enclosingLoop(clang::ASTContext &Ctx, const clang::Stmt *S);

/// The condition of a for, while or do loop; null for `for (;;)` and
/// range-for.
const clang::Expr *loopCondition(const clang::Stmt *Loop);

/// The condition deciding whether \p Loop goes round again: null for
/// `for (;;)`, range-for and do-while (whose condition is a branch the walk
/// meets on its way).
const clang::Expr *roundCondition(const clang::Stmt *Loop);

/// The first statement evaluated as part of \p S (\p S itself included,
/// in source order, lambda and block bodies excluded: they run elsewhere)
/// that \p Pred accepts, or null. Bounded to a few thousand nodes.
const clang::Stmt *
findEvaluated(const clang::Stmt *S,
              llvm::function_ref<bool(const clang::Stmt *)> Pred);

/// How a walk treats a two-way branch.
enum class Follow : std::uint8_t { Both, TrueOnly, FalseOnly, Neither };

struct WalkRules {
  /// Which edges of a branch on \p Cond to follow; Neither ends the path
  /// as settled. \p LoopCondition when the branch decides whether the loop
  /// being walked goes round again. Unset: both.
  llvm::function_ref<Follow(const clang::Expr *Cond, bool LoopCondition)>
      Branch;
  /// Whether evaluating \p S settles the path. Asked for every expression
  /// of the statements the walk passes (not inside lambda bodies). Unset:
  /// nothing does.
  llvm::function_ref<bool(const clang::Stmt *S)> Ends;
  /// When set, a path reaching code of the loop outside this statement
  /// stops there as "continues".
  const clang::Stmt *Region = nullptr;
};

struct LoopWalk {
  bool GoesRound = false; ///< some path goes round the loop again
  bool Leaves = false;    ///< some path leaves the loop or the function
  bool Ends = false;      ///< some path was settled by WalkRules
  bool Continues = false; ///< some path reached the loop past Region
  /// Where the first path found goes round: its `continue`, or the loop.
  const clang::Stmt *BackEdge = nullptr;
};

/// What the condition of a loop reads, to tell whether a statement may
/// change it (`done = true` in `while (!done)`, `q.pop()` in
/// `while (!q.empty())`, a member call in `while (running())`).
class LoopConditionReads {
public:
  explicit LoopConditionReads(const clang::Stmt *Loop);
  /// Whether evaluating \p S (one expression, not its subexpressions) may
  /// change what the condition reads.
  bool mayChange(const clang::Stmt *S) const;

private:
  llvm::SmallPtrSet<const clang::ValueDecl *, 8> Vars;
  bool CallsMember = false; ///< calls a member function of *this
  bool ReadsOpaque = false; ///< calls free functions or reads globals

  bool touches(const clang::Expr *Target) const;
};

class LoopExits {
public:
  /// Walks forward from \p From, a block inside \p Loop of \p G.
  LoopWalk walk(const clang::CFG &G, const clang::CFGBlock *From,
                const clang::Stmt *Loop, const WalkRules &Rules);

  /// The first expression \p IsTarget accepts that control can reach from
  /// the entry of \p G under \p Rules (Region is ignored), or null.
  static const clang::Stmt *
  firstReachable(const clang::CFG &G, const WalkRules &Rules,
                 llvm::function_ref<bool(const clang::Stmt *)> IsTarget);

private:
  llvm::DenseMap<const clang::Stmt *,
                 std::unique_ptr<llvm::DenseSet<const clang::Stmt *>>>
      Statements;

  /// \p S and every statement below it, memoised.
  const llvm::DenseSet<const clang::Stmt *> &statementsOf(const clang::Stmt *S);
};

} // namespace cancellint::analysis

#endif
