//===--- TraversalRoots.h - Where clang's walk of a unit reaches a decl ---===//
//
// clang's parent map records the parents that its RecursiveASTVisitor walk
// of the whole unit meets. The walk goes down the declaration contexts of
// namespaces and classes and, at a function, template or variable, into a
// subtree of its own. Those subtrees are the roots of the per-function
// parent indexes (Parents.h): found here from a node's location, without
// walking the unit. Each namespace or class on the way is searched through
// an index of its declarations by where their text lies, built on first
// use and kept for the unit, so that a query costs the logarithm of a
// context's size, not the size: the unit itself holds every function of a
// generated file.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_TRAVERSALROOTS_H
#define CANCELLINT_ANALYSIS_TRAVERSALROOTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclBase.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

/// A subtree of clang's walk: a declaration that is not a namespace or a
/// class, and the declaration the walk reaches it from.
struct TraversalRoot {
  const clang::Decl *Root;
  const clang::Decl *Parent;
};

/// The roots whose source text holds \p Loc: usually one, the function
/// (or function template, class template, variable) written around it.
/// Nodes of a template instantiation lie under the template's root; then
/// come the roots that hold code written there from elsewhere (explicit
/// instantiations, the class template of an out-of-line member).
/// \p Depth bounds the search through classes nested in templates.
llvm::SmallVector<TraversalRoot, 2> rootsAround(clang::SourceLocation Loc,
                                                const clang::ASTContext &Ctx,
                                                unsigned Depth = 0);

/// The declaration clang's walk reaches \p D from when it does so from the
/// declarations of \p D's lexical context, a namespace or a class (so \p D
/// is a root, a namespace or a class on the way to one); null otherwise.
const clang::Decl *contextParent(const clang::Decl *D);

} // namespace cancellint::analysis

#endif
