//===--- Instantiations.h - Is this code a template instantiation? -------===//
//
// Checks analyse templates once, as written. clang's isInstantiated() and
// isInTemplateInstantiation() matchers answer through the parent map, which
// is built for the whole translation unit on first use: on a header-heavy
// file that costs a quarter of a second and tens of MiB before any
// candidate exists. Declarations know their contexts; walking those is free.
// Statements do not: they ask the parent index of their own function.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_INSTANTIATIONS_H
#define CANCELLINT_ANALYSIS_INSTANTIATIONS_H

#include "clang/AST/DeclBase.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace cancellint::analysis {

/// Whether \p D is, or lies inside, an implicit or explicit instantiation
/// of a function or class template.
bool isWithinInstantiation(const clang::Decl *D);

/// Whether \p S lies in an instantiation, as the isInTemplateInstantiation()
/// matcher answers, but through the parent index of \p S's own function
/// (Parents.h): for statements, whose contexts are not known.
bool isInInstantiatedCode(const clang::Stmt &S, clang::ASTContext &Ctx);

/// The field of the template as written that \p F, a field of a class
/// template instantiation, was instantiated from; \p F itself otherwise.
/// Facts collected from templates as written then apply to instantiations.
const clang::FieldDecl *fieldAsWritten(const clang::FieldDecl *F);

/// isWithinInstantiation() as a matcher, without the parent map.
AST_MATCHER(clang::Decl, withinInstantiation) {
  return isWithinInstantiation(&Node);
}

/// For lambdas: whether the lambda's class lies inside an instantiation.
AST_MATCHER(clang::LambdaExpr, lambdaWithinInstantiation) {
  return isWithinInstantiation(Node.getLambdaClass());
}

/// isInInstantiatedCode() as a matcher.
AST_MATCHER(clang::Stmt, inInstantiatedCode) {
  return isInInstantiatedCode(Node, Finder->getASTContext());
}

} // namespace cancellint::analysis

#endif
