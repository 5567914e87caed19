//===--- UnitAnalyses.h - What all checks of a unit share ----------------===//
//
// Some analyses answer the same question for every check: the CFG of a
// function and the paths through it. They are computed once per translation
// unit and shared by the checks that analyse it (ModelCheck::unit()), so
// that a function with candidates for three checks has one CFG, and the
// path budget is one budget; the stop flags of the unit are inferred once.
//
// The checks of one unit find their shared state by the unit's ASTContext;
// it lives from the first check's first question to the last check's end of
// the unit. Editors analyse several units at once, on several threads: each
// has its own ASTContext, so each has its own state.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_UNITANALYSES_H
#define CANCELLINT_ANALYSIS_UNITANALYSES_H

#include "FunctionPaths.h"
#include "ModelQueries.h"
#include "StopFlags.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace cancellint::analysis {

struct UnitAnalyses {
  FunctionPathsCache Paths;

  /// The stop flags of the unit as \p M describes its libraries, inferred
  /// on first use.
  StopFlags &stopFlags(const model::Model &M, clang::ASTContext &Ctx);

  /// The state of the unit \p Ctx belongs to, created on first use; the
  /// caller keeps it alive while it analyses that unit.
  static std::shared_ptr<UnitAnalyses> of(const clang::ASTContext &Ctx);

private:
  /// Per model (a check may be configured with models of its own).
  struct ModelState {
    std::unique_ptr<ModelQueries> Queries;
    std::unique_ptr<StopFlags> Flags;
  };
  llvm::DenseMap<const model::Model *, ModelState> ByModel;
};

} // namespace cancellint::analysis

#endif
