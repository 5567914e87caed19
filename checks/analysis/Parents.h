//===--- Parents.h - The parents of an AST node, from its own function ----===//
//
// clang's ASTContext::getParents() builds a parent map for the whole unit
// on first use: about 120 KB per function of the unit, kept to its end,
// for questions that only ever look a few levels up from a statement of the
// function under analysis. parentsOf() answers the same question with the
// same answer from an index of the subtree that clang's walk of the unit
// reaches the node in (TraversalRoots.h): the function, function template
// or class template written around it, with its instantiations, lambda
// bodies and implicit code, indexed as clang's map does. A few recent
// indexes are kept per unit, so memory stays bounded by the largest
// function, not the unit.
//
// Every parent query of the checks and analyses goes through here; none
// asks the ASTContext (or uses a matcher that does: hasAncestor,
// hasParent, isInTemplateInstantiation, isInstantiated, forFunction).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_PARENTS_H
#define CANCELLINT_ANALYSIS_PARENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace cancellint::analysis {

/// The parents of \p Node, as clang's ASTContext::getParents() gives them.
/// Several parents are valid until a query on another function's code.
clang::DynTypedNodeList parentsOf(const clang::DynTypedNode &Node,
                                  clang::ASTContext &Ctx);

template <typename T>
clang::DynTypedNodeList parentsOf(const T &Node, clang::ASTContext &Ctx) {
  return parentsOf(clang::DynTypedNode::create(Node), Ctx);
}

/// Whether an ancestor of \p Node, along any of its parents, satisfies
/// \p Pred: the hasAncestor() matcher's question.
bool anyAncestor(const clang::DynTypedNode &Node,
                 llvm::function_ref<bool(const clang::DynTypedNode &)> Pred,
                 clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
