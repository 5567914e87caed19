//===--- Lambdas.h - Finding the lambda behind a value -------------------===//
#ifndef CANCELLINT_ANALYSIS_LAMBDAS_H
#define CANCELLINT_ANALYSIS_LAMBDAS_H

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace cancellint::analysis {

/// The lambda \p E evaluates to, looking through temporaries, conversions
/// and wrapping constructors (std::function<...>(lambda), std::move(lambda)).
const clang::LambdaExpr *lambdaBehind(const clang::Expr *E);

/// A variable, or `this`, that a lambda captures.
struct CapturedEntity {
  const clang::ValueDecl *Var = nullptr; ///< null for `this`
  bool ByReference = false;
  bool Init = false; ///< an init-capture (`[t = src.get_token()]`)
  clang::SourceLocation Loc;
  bool capturesThis() const { return !Var; }
};

/// What \p L captures, explicitly or implicitly. In a template as written,
/// clang lists only the explicit captures: a lambda with a capture default
/// (`[&]`, `[=]`) names the rest in its body, and every instantiation
/// lists them. They are read from the body here, so that a template is
/// analysed as its instantiations would be.
llvm::SmallVector<CapturedEntity, 4> capturesOf(const clang::LambdaExpr *L);
/// The same, from the lambda's class.
llvm::SmallVector<CapturedEntity, 4>
capturesOf(const clang::CXXRecordDecl *Closure);

} // namespace cancellint::analysis

#endif
