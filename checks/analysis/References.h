//===--- References.h - References to declarations, and where values go --===//
//
// Path questions need the places that use a variable. One walk over a
// function body (lambda bodies included: a capture is a use) indexes every
// DeclRefExpr by the declaration it names, so asking about several
// variables costs one walk, not one per variable.
//
// Following a value up the AST ("what receives the result of this call?")
// skips the nodes that only carry it: parentheses, implicit casts,
// temporaries, cleanups, copies and moves.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_REFERENCES_H
#define CANCELLINT_ANALYSIS_REFERENCES_H

#include "Expressions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

class DeclRefIndex {
public:
  explicit DeclRefIndex(const clang::Stmt *Body);

  /// The references to \p D (a variable, parameter or structured binding),
  /// in source order.
  llvm::ArrayRef<const clang::DeclRefExpr *>
  refsTo(const clang::ValueDecl *D) const;

private:
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::DeclRefExpr *, 4>>
      Refs;
};

/// What receives the value of \p E: the first ancestor that does more than
/// pass it through (see passesValueThrough), and the child of that ancestor
/// on the way from \p E. Parent is empty at the top of the AST.
struct ValueUser {
  clang::DynTypedNode Parent;
  const clang::Expr *Child = nullptr;
};
ValueUser valueUser(const clang::Expr *E, clang::ASTContext &Ctx);

/// The member call made on the object \p Ref names (`v.f()`), if any.
const clang::CXXMemberCallExpr *memberCallOn(const clang::DeclRefExpr *Ref,
                                             clang::ASTContext &Ctx);

/// Whether \p Parent hands on the value of its child \p E unchanged:
/// parentheses, implicit casts, temporaries, cleanups, copy and move
/// constructions, and explicit casts to the same type.
bool passesValueThrough(const clang::Expr *Parent, const clang::Expr *E,
                        const clang::ASTContext &Ctx);

/// Whether the value \p Child computes is dropped by \p Parent: an
/// expression statement (any statement that is not an expression and not a
/// return), a cast to void, or the left side of a comma.
bool discardsValue(const clang::DynTypedNode &Parent,
                   const clang::Expr *Child);

} // namespace cancellint::analysis

#endif
