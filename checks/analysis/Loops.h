//===--- Loops.h - The loop around a statement, and what decides it ------===//
//
// Where a done signal lands inside a loop, the questions are which loop it
// is (enclosingLoop), which condition decides whether it goes round again
// (loopCondition, roundCondition), and whether a statement on the way may
// change what that condition reads (LoopConditionReads: `done = true` in
// `while (!done)`). The walk itself is FunctionPaths::walkLoop.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_LOOPS_H
#define CANCELLINT_ANALYSIS_LOOPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace cancellint::analysis {

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

/// The body of a for, range-for, while or do loop.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

/// The condition deciding whether \p Loop goes round again: null for
/// `for (;;)`, range-for and do-while (whose condition is a branch the walk
/// meets on its way).
const clang::Expr *roundCondition(const clang::Stmt *Loop);

/// Whether \p Loop can never be left: its condition is absent or a constant
/// true, and nothing in its body leaves it (a break of its own, return,
/// co_return, throw, goto, or a noreturn call).
bool hasNoExit(const clang::Stmt *Loop, const clang::ASTContext &Ctx);

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

} // namespace cancellint::analysis

#endif
