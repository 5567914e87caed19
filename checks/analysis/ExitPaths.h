//===--- ExitPaths.h - Path questions on one function's CFG --------------===//
//
// "Is there a path from this statement to the end of V's life (or of the
// function) that never uses V?" is how cancel-lost-handle finds leaked cancel
// handles, as go vet's lostcancel does; "can control get from here to there
// (or to a loop's back-edge) without passing one of these statements?" serves
// the other path-sensitive checks.
//
// A FunctionPaths holds one function's CFG, built only when a check has a
// candidate in that function. The CFG has implicit and temporary destructors
// and lifetime ends, so that destructors marked [[noreturn]] (assertion
// macros) end paths, and so that the end of every local's life is a point on
// the path (a return, break, continue, goto, or a closing brace).
//
// A question marks statements as stops and walks forward from a point. The
// walk is a depth-first search that visits each block at most once (the
// memo), so one question costs at most the function's size; a FunctionPaths
// also caps the total work of all its questions, so a check stays bounded in
// an editor. A question over the cap is answered with std::nullopt, which
// callers treat as "don't know" and stay silent.
//
// Paths end without a finding where control never comes back (NoReturn.h):
// noreturn calls, throw, noreturn destructors; endless loops have no edge
// out in the CFG.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_EXITPATHS_H
#define CANCELLINT_ANALYSIS_EXITPATHS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
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

class FunctionPaths {
public:
  /// Builds the CFG of \p D's body (a function, method, lambda call
  /// operator or block). Null when clang cannot build one.
  static std::unique_ptr<FunctionPaths> build(const clang::Decl *D,
                                              clang::ASTContext &Ctx);

  const clang::CFG &cfg() const { return *Graph; }
  const clang::Decl *decl() const { return D; }
  clang::ParentMap &parents() const { return *Parents; }

  /// The CFG element evaluating \p S, or else the nearest enclosing
  /// statement that is one (a reference inside a lambda body maps to the
  /// lambda). None for statements outside the body.
  std::optional<CFGPoint> pointOf(const clang::Stmt *S) const;
  /// The element declaring \p VD (its DeclStmt, split per variable).
  std::optional<CFGPoint> pointOfDecl(const clang::VarDecl *VD) const;

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

  /// Whether control can get from just after \p From to the back-edge of
  /// \p Loop (the jump that starts its next iteration, continue included)
  /// without meeting a stop.
  std::optional<bool> reachesLoopBackEdge(CFGPoint From,
                                          const clang::Stmt *Loop,
                                          const PathStops &Stops) const;

  /// The total number of CFG elements all questions on one function may
  /// visit together; beyond it they answer std::nullopt.
  static constexpr unsigned long StepBudget = 4'000'000;

private:
  FunctionPaths() = default;

  enum class Verdict : std::uint8_t { Continue, StopPath, Found };
  /// The search shared by all questions: visits elements in path order
  /// from just after \p From, each block at most once. \p OnElement decides
  /// per element, \p OnBlockEnd when control leaves a block through its end.
  /// Returns true when a callback said Found, false when the search ended,
  /// nullopt when over budget.
  std::optional<bool> search(
      CFGPoint From, const PathStops &Stops,
      llvm::function_ref<Verdict(const clang::CFGBlock &, unsigned,
                                 const PathStops::Stop *)>
          OnElement,
      llvm::function_ref<Verdict(const clang::CFGBlock &)> OnBlockEnd) const;

  const clang::Decl *D = nullptr;
  clang::ASTContext *Ctx = nullptr;
  std::unique_ptr<clang::CFG> Graph;
  std::unique_ptr<clang::ParentMap> Parents;
  llvm::DenseMap<const clang::Stmt *, CFGPoint> StmtPoints;
  llvm::DenseMap<const clang::VarDecl *, CFGPoint> DeclPoints;
  llvm::DenseMap<const clang::CFGBlock *, bool> NoReturnBlocks;
  mutable unsigned long StepsLeft = StepBudget;
};

/// The enclosing function (FunctionDecl, lambda call operator or BlockDecl)
/// whose body evaluates \p S; null for statements outside any body
/// (namespace-scope initializers).
const clang::Decl *enclosingFunction(const clang::Stmt *S,
                                     clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
