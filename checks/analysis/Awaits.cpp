//===--- Awaits.cpp - co_awaits that ignore the coroutine's token --------===//
#include "Awaits.h"
#include "Limits.h"

using namespace clang;

namespace cancellint::analysis {

static const CXXRecordDecl *recordOf(const Expr *E) {
  if (!E || E->isTypeDependent())
    return nullptr;
  QualType T = E->getType().getNonReferenceType();
  return T->getAsCXXRecordDecl();
}

UncancellableAwait uncancellableAwait(const CoawaitExpr *E,
                                      ModelQueries &Queries) {
  if (!E)
    return {};
  // The operand as written; the promise's await_transform may wrap it
  // (co_withCancellation), which changes nothing for these awaitables.
  for (const Expr *Awaited : {E->getOperand(), E->getCommonExpr()})
    if (const CXXRecordDecl *RD = recordOf(Awaited))
      if (const model::AwaitableSpec *Spec =
              Queries.uncancellableAwaitable(RD))
        return {Spec, RD};
  return {};
}

/// The first field of \p RD or of its bases that holds a token by value.
static std::optional<HeldToken> tokenField(const CXXRecordDecl *RD,
                                           ModelQueries &Queries,
                                           unsigned Depth) {
  if (!RD || !RD->hasDefinition() ||
      Depth > limits::MaxBaseDepth)
    return std::nullopt;
  RD = RD->getDefinition();
  for (const FieldDecl *F : RD->fields())
    if (std::optional<HeldToken> T = Queries.tokenHeldBy(F->getType());
        T && T->How == Holding::Value)
      return T;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (std::optional<HeldToken> T =
            tokenField(B.getType()->getAsCXXRecordDecl(), Queries, Depth + 1))
      return T;
  return std::nullopt;
}

std::optional<HeldToken> promiseToken(const FunctionDecl *FD,
                                      ModelQueries &Queries) {
  const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(FD ? FD->getBody()
                                                             : nullptr);
  const VarDecl *Promise = Coro ? Coro->getPromiseDecl() : nullptr;
  if (!Promise || Promise->getType()->isDependentType())
    return std::nullopt;
  return tokenField(Promise->getType()->getAsCXXRecordDecl(), Queries, 0);
}

} // namespace cancellint::analysis
