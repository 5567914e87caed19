//===--- Lambdas.cpp - Finding the lambda behind a value -----------------===//
#include "Lambdas.h"
#include "References.h"

using namespace clang;

namespace cancellint::analysis {

const LambdaExpr *lambdaBehind(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreValueWrappers(E);
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L;
    if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = F->getSubExpr();
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() != 1)
        return nullptr;
      E = C->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // std::move(x) / std::forward<T>(x) are casts in disguise.
      if (isValueForwardingCall(Call))
        E = Call->getArg(0);
      else
        return nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

} // namespace cancellint::analysis
