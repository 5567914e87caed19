//===--- FunctionPaths.h - Path questions on one function's CFG ----------===//
//
// Every path-sensitive rule asks its question here, on one CFG per function
// and through one search:
//   - "is there a path from this statement to the end of V's life (or of the
//     function) that never uses V?" finds leaked cancel handles, as go vet's
//     lostcancel does (pathsAvoiding);
//   - "can control get from here to there without passing one of these
//     statements?" (reaches);
//   - "from here, in the cancelled state, does control go round the
//     enclosing loop again, or leave it?" finds swallowed done signals
//     (walkLoop);
//   - "which is the first statement of a kind that control can reach from
//     the entry?" finds a handler's next operation (firstReachable).
//
// The CFG is built only when a check has a candidate in the function, once
// per translation unit for all checks (FunctionPathsCache). It has implicit
// and temporary destructors and lifetime ends, so that destructors marked
// [[noreturn]] (assertion macros) end paths, and so that the end of every
// local's life is a point on the path (a return, break, continue, goto, or a
// closing brace).
//
// The search is a depth-first walk that enters each block at most once (the
// memo), so one question costs at most the function's size; a FunctionPaths
// also caps the total work of all its questions, so a check stays bounded in
// an editor. A question over the cap is answered with std::nullopt, which
// callers treat as "don't know" and stay silent.
//
// One noreturn rule for every question: control never comes back from a
// noreturn call, a throw expression or a noreturn destructor (NoReturn.h), so
// a path ends there; each question says what such an end means (no leak; the
// loop is left). Endless loops need no rule: the CFG has no edge out of them.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_FUNCTIONPATHS_H
#define CANCELLINT_ANALYSIS_FUNCTIONPATHS_H

#include "Limits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace cancellint::analysis {

/// A place in a function's CFG: element Index of Block.
struct CFGPoint {
  const clang::CFGBlock *Block = nullptr;
  unsigned Index = 0;
};

/// Statements where path searches stop. A silent stop ends the path without
/// a result (a use of the watched variable); a reported stop ends it and is
/// returned by the search (the variable is overwritten there). Where both
/// fall on one CFG element, the silent stop wins: a use there is a use.
class PathStops {
public:
  void addSilent(CFGPoint P) { Stops[key(P)] = Stop{nullptr, 0, false}; }
  void addReported(CFGPoint P, const clang::Stmt *S, unsigned Tag) {
    Stops.try_emplace(key(P), Stop{S, Tag, true});
  }

  struct Stop {
    const clang::Stmt *S;
    unsigned Tag;
    bool Reported;
  };
  const Stop *find(const clang::CFGBlock *B, unsigned Index) const {
    auto It = Stops.find({B->getBlockID(), Index});
    return It == Stops.end() ? nullptr : &It->second;
  }

private:
  static std::pair<unsigned, unsigned> key(CFGPoint P) {
    return {P.Block->getBlockID(), P.Index};
  }
  llvm::DenseMap<std::pair<unsigned, unsigned>, Stop> Stops;
};

/// Where a path found by FunctionPaths::pathsAvoiding ends.
struct PathEnd {
  enum Kind : std::uint8_t {
    Stopped,      ///< at a reported stop (At, Tag)
    LifetimeEnd,  ///< the watched variable's life ends; At is the return,
                  ///< break, continue, goto or compound statement doing it
    FunctionExit, ///< the function's exit, with no end of life on the way
  } What = FunctionExit;
  const clang::Stmt *At = nullptr;
  unsigned Tag = 0;
};

/// How a loop walk treats a two-way branch.
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

/// What the paths of a loop walk do.
struct LoopWalk {
  bool GoesRound = false; ///< some path goes round the loop again
  bool Leaves = false;    ///< some path leaves the loop or the function
  bool Ends = false;      ///< some path was settled by WalkRules
  bool Continues = false; ///< some path reached the loop past Region
  /// Where the first path found goes round: its `continue`, or the loop.
  const clang::Stmt *BackEdge = nullptr;
};

class FunctionPaths {
public:
  /// Builds the CFG of \p D's body (a function, method, lambda call
  /// operator or block). Null when clang cannot build one.
  static std::unique_ptr<FunctionPaths> build(const clang::Decl *D,
                                              clang::ASTContext &Ctx);

  const clang::CFG &cfg() const { return *Graph; }
  const clang::Decl *decl() const { return D; }

  /// The CFG element evaluating \p S, or else the nearest enclosing
  /// statement that is one (a reference inside a lambda body maps to the
  /// lambda). None for statements outside the body.
  std::optional<CFGPoint> pointOf(const clang::Stmt *S) const;
  /// The element declaring \p VD (its DeclStmt, split per variable).
  std::optional<CFGPoint> pointOfDecl(const clang::VarDecl *VD) const;
  /// The block a `case`, `default:` or `catch` label starts, or null.
  const clang::CFGBlock *blockLabelled(const clang::Stmt *Label) const;
  /// The block \p Terminator (an if, switch, loop, ...) ends, or null.
  const clang::CFGBlock *blockTerminatedBy(const clang::Stmt *Terminator) const;

  /// Every way control can go on from just after \p From without meeting a
  /// stop: ends of \p Watched's life (when given), reported stops met, and
  /// the function's exit when reached with \p Watched still alive (or when
  /// nothing is watched). Sorted by source position.
  std::optional<std::vector<PathEnd>>
  pathsAvoiding(CFGPoint From, const PathStops &Stops,
                const clang::VarDecl *Watched) const;

  /// Whether control can get from just after \p From to \p To without
  /// meeting a stop.
  std::optional<bool> reaches(CFGPoint From, CFGPoint To,
                              const PathStops &Stops) const;

  /// Walks forward from the start of \p From, a block inside \p Loop:
  /// a path goes round when it reaches the loop's back edge (a `continue`,
  /// the end of the body) and the loop condition does not end the loop
  /// under \p Rules; it leaves when it returns, throws, breaks or jumps out
  /// of the loop, or never comes back; it ends where \p Rules settle it.
  /// Unknown (over budget): nothing found.
  LoopWalk walkLoop(const clang::CFGBlock *From, const clang::Stmt *Loop,
                    const WalkRules &Rules) const;

  /// The first expression \p IsTarget accepts that control can reach from
  /// the entry under \p Rules (Region is ignored), or null.
  const clang::Stmt *
  firstReachable(const WalkRules &Rules,
                 llvm::function_ref<bool(const clang::Stmt *)> IsTarget) const;

private:
  FunctionPaths() = default;

  enum class Step : std::uint8_t { Continue, StopPath, Found };
  /// What a question does at each point of the search. Every callback may
  /// be unset: enter and pass everything, follow every edge, and end the
  /// path silently where control never comes back.
  struct Visitor {
    /// Control enters \p B from \p Pred (null for the start block).
    llvm::function_ref<Step(const clang::CFGBlock &B,
                            const clang::CFGBlock *Pred)>
        Enter;
    /// Element \p I of \p B, with the stop placed there, if any.
    llvm::function_ref<Step(const clang::CFGBlock &B, unsigned I)> Element;
    /// The path ends where control never comes back.
    llvm::function_ref<Step()> NoReturn;
    /// Control leaves \p B through its end: which successors to follow
    /// (appended to \p Next); StopPath settles the path instead.
    llvm::function_ref<Step(const clang::CFGBlock &B,
                            llvm::SmallVectorImpl<const clang::CFGBlock *> &Next)>
        Leave;
  };
  /// The search every question shares: visits elements in path order from
  /// element \p Start of \p From (a start at 0 enters the block), entering
  /// each block at most once. Returns true when a callback said Found, false
  /// when the search ended, nullopt when over budget.
  std::optional<bool> search(const clang::CFGBlock *From, unsigned Start,
                             const Visitor &V) const;

  const clang::Decl *D = nullptr;
  clang::ASTContext *Ctx = nullptr;
  std::unique_ptr<clang::CFG> Graph;
  /// For pointOf(), on first need.
  mutable std::unique_ptr<clang::ParentMap> Parents;
  llvm::DenseMap<const clang::Stmt *, CFGPoint> StmtPoints;
  llvm::DenseMap<const clang::VarDecl *, CFGPoint> DeclPoints;
  llvm::DenseMap<const clang::Stmt *, const clang::CFGBlock *> Labels;
  llvm::DenseMap<const clang::Stmt *, const clang::CFGBlock *> Terminators;
  mutable unsigned long StepsLeft = limits::PathSearchSteps;
};

/// The FunctionPaths of the functions that hold a candidate, built on first
/// use and kept for the translation unit, for every check.
class FunctionPathsCache {
public:
  /// The paths of \p D's body (its definition's, for a function); null when
  /// clang cannot build its CFG or it is over limits::MaxCfgBlocks.
  const FunctionPaths *get(const clang::Decl *D);

private:
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<FunctionPaths>> Cache;
};

/// The enclosing function (FunctionDecl, lambda call operator or BlockDecl)
/// whose body evaluates \p S; null for statements outside any body
/// (namespace-scope initializers).
const clang::Decl *enclosingFunction(const clang::Stmt *S,
                                     clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
