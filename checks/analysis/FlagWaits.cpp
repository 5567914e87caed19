//===--- FlagWaits.cpp - Can setting a stop flag end this wait? ----------===//
#include "FlagWaits.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Lambdas.h"
#include "Locks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// The object a wait or wake call acts on: the object of a member call, or
/// the first argument of a free function (pthread_cond_wait(&cv, &m),
/// shutdown(fd, how)), canonical.
const ValueDecl *actedOn(const CallExpr *Call) {
  const Expr *Obj = objectOfCall(Call);
  if (!Obj && isa<CallExpr>(Call) && !isa<CXXMemberCallExpr>(Call)) {
    const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
    Obj = Args.empty() ? nullptr : Args.front();
  }
  if (!Obj)
    return nullptr;
  Obj = ignoreValueWrappers(Obj);
  if (const auto *U = dyn_cast<UnaryOperator>(Obj);
      U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref))
    Obj = ignoreValueWrappers(U->getSubExpr());
  const ValueDecl *D = namedDecl(Obj);
  return D ? StopFlags::canonicalVar(D) : nullptr;
}

/// The mutex a `std::unique_lock<M> lk(m)` argument of the wait holds.
const ValueDecl *mutexOf(const CallExpr *Call) {
  for (const Expr *Arg : parameterArguments(Call)) {
    const VarDecl *Lock = referencedVar(ignoreValueWrappers(Arg));
    const auto *Init = Lock ? dyn_cast_or_null<CXXConstructExpr>(
                                  ignoreValueWrappers(Lock->getInit()))
                            : nullptr;
    if (!Init || Init->getNumArgs() == 0)
      continue;
    if (const ValueDecl *M = namedDecl(ignoreValueWrappers(Init->getArg(0))))
      return StopFlags::canonicalVar(M);
  }
  return nullptr;
}

/// The predicate argument of a wait: a callable that is not the lock.
const Expr *predicateOf(const CallExpr *Call) {
  for (const Expr *Arg : parameterArguments(Call))
    if (lambdaBehind(Arg))
      return Arg;
  return nullptr;
}

} // namespace

FlagWait flagWaitOf(const CallExpr *Call, const BlockingCallee &B,
                    const StopFlag &Flag, StopFlags &Flags) {
  FlagWait Out;
  if (!B.Spec)
    return Out; // an annotated function: nothing known wakes it
  Out.Sleeps = B.Spec->Sleeps;
  if (B.Spec->WokenBy.empty())
    return Out;
  const ValueDecl *Object = actedOn(Call);
  if (!Object)
    return Out;
  // Any call of the setter that the model says wakes the wait, on the
  // waited-on object: notify_all(), or a code base's own (`runcond.set()`).
  auto Wakes = [&](const Stmt *S) {
    const auto *Wake = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Wake ? Wake->getDirectCallee() : nullptr;
    return Callee && Callee->getIdentifier() &&
           llvm::is_contained(B.Spec->WokenBy, Callee->getName()) &&
           actedOn(Wake) == Object;
  };
  for (const CallExpr *Wake : Flag.Wakes)
    if (Wakes(Wake)) {
      Out.Wake = Wake;
      break;
    }
  if (!Out.Wake && Flag.Setter && Flag.Setter->getBody())
    Out.Wake =
        cast_or_null<CallExpr>(findEvaluated(Flag.Setter->getBody(), Wakes));
  if (!Out.Wake)
    return Out;
  Out.What = FlagWait::Woken;
  if (const Expr *Pred = predicateOf(Call)) {
    if (!Flags.reads(Pred, Flag)) {
      Out.What = FlagWait::PredicateIgnores;
      Out.Predicate = Pred;
      return Out;
    }
    // The predicate reads the flag: the setter must hold the wait's mutex
    // when it writes the flag or when it wakes the wait; otherwise the
    // wake-up can fall between the predicate's check and the wait.
    const ValueDecl *Mutex = mutexOf(Call);
    const Stmt *Body = Flag.Setter->getBody();
    if (Mutex && Body &&
        !mutexHeldAt(Body, Flag.SetAt, Mutex, Flags.queries()) &&
        !mutexHeldAt(Body, Out.Wake, Mutex, Flags.queries())) {
      Out.What = FlagWait::LostWakeup;
      Out.Mutex = Mutex;
    }
  }
  return Out;
}

} // namespace cancellint::analysis
