//===--- Lambdas.h - Finding the lambda behind a value -------------------===//
#ifndef CANCELLINT_ANALYSIS_LAMBDAS_H
#define CANCELLINT_ANALYSIS_LAMBDAS_H

#include "clang/AST/ExprCXX.h"

namespace cancellint::analysis {

/// The lambda \p E evaluates to, looking through temporaries, conversions
/// and wrapping constructors (std::function<...>(lambda), std::move(lambda)).
const clang::LambdaExpr *lambdaBehind(const clang::Expr *E);

} // namespace cancellint::analysis

#endif
