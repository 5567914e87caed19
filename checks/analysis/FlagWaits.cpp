//===--- FlagWaits.cpp - Can setting a stop flag end this wait? ----------===//
#include "FlagWaits.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Lambdas.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <functional>

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

/// Whether \p At, in \p Body, runs while a lock guard on \p Mutex is alive
/// (`std::lock_guard<std::mutex> g(m_);` earlier in an enclosing block), or
/// after `m_.lock()` in the same block.
bool heldAt(const Stmt *Body, const Stmt *At, const ValueDecl *Mutex) {
  bool Found = false, Held = false;
  // Returns whether At was found below S; Guarded says whether a guard
  // of an enclosing block is alive.
  std::function<bool(const Stmt *, bool)> Visit = [&](const Stmt *S,
                                                      bool Guarded) {
    if (!S)
      return false;
    if (S == At) {
      Found = true;
      Held = Guarded;
      return true;
    }
    if (isa<LambdaExpr>(S))
      return false;
    if (const auto *C = dyn_cast<CompoundStmt>(S)) {
      bool Local = Guarded;
      for (const Stmt *Child : C->body()) {
        if (Visit(Child, Local))
          return true;
        if (const auto *DS = dyn_cast<DeclStmt>(Child))
          for (const Decl *D : DS->decls())
            if (const auto *V = dyn_cast<VarDecl>(D))
              if (const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
                      ignoreValueWrappers(V->getInit())))
                for (const Expr *A : Init->arguments())
                  if (const ValueDecl *N = namedDecl(ignoreValueWrappers(A));
                      N && StopFlags::canonicalVar(N) == Mutex)
                    Local = true;
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Child))
          if (const CXXMethodDecl *MD = MC->getMethodDecl();
              MD && MD->getIdentifier() &&
              namedDecl(MC->getImplicitObjectArgument()) &&
              StopFlags::canonicalVar(
                  namedDecl(MC->getImplicitObjectArgument())) == Mutex) {
            if (MD->getName() == "lock")
              Local = true;
            else if (MD->getName() == "unlock")
              Local = Guarded;
          }
      }
      return false;
    }
    for (const Stmt *Child : S->children())
      if (Visit(Child, Guarded))
        return true;
    return false;
  };
  Visit(Body, false);
  return Found && Held;
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
  for (const CallExpr *Wake : Flag.Wakes) {
    const FunctionDecl *Callee = Wake->getDirectCallee();
    if (Callee && Callee->getIdentifier() &&
        llvm::is_contained(B.Spec->WokenBy, Callee->getName()) &&
        actedOn(Wake) == Object) {
      Out.Wake = Wake;
      break;
    }
  }
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
    if (Mutex && Body && !heldAt(Body, Flag.SetAt, Mutex) &&
        !heldAt(Body, Out.Wake, Mutex)) {
      Out.What = FlagWait::LostWakeup;
      Out.Mutex = Mutex;
    }
  }
  return Out;
}

} // namespace cancellint::analysis
