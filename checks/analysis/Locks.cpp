//===--- Locks.cpp - Which mutexes a function holds, and where -----------===//
#include "Locks.h"
#include "BlockingCalls.h"
#include "Expressions.h"
#include "StopFlags.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <functional>

using namespace clang;

namespace cancellint::analysis {

namespace {

/// std::defer_lock and the like: the wrapper does not lock when built.
bool isDeferTag(const Expr *Arg) {
  const CXXRecordDecl *RD =
      Arg->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "defer_lock_t" || RD->getName() == "try_to_lock_t");
}

/// The mutexes the declaration \p D locks: a lock wrapper built on them.
llvm::SmallVector<const ValueDecl *, 2> lockedByDecl(const Decl *D,
                                                     ModelQueries &Queries) {
  llvm::SmallVector<const ValueDecl *, 2> Out;
  const auto *V = dyn_cast<VarDecl>(D);
  const auto *Init =
      V ? dyn_cast_or_null<CXXConstructExpr>(ignoreValueWrappers(V->getInit()))
        : nullptr;
  if (!Init || !Queries.lockWrapper(Init->getConstructor()->getParent()) ||
      llvm::any_of(Init->arguments(), isDeferTag))
    return Out;
  for (const Expr *A : Init->arguments())
    if (const ValueDecl *M = namedDecl(ignoreValueWrappers(A)))
      Out.push_back(StopFlags::canonicalVar(M));
  return Out;
}

/// The mutex \p S calls lock() (true) or unlock() (false) on, if it does.
std::optional<std::pair<const ValueDecl *, bool>> lockCall(const Stmt *S) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier())
    return std::nullopt;
  const bool Lock = MD->getName() == "lock";
  if (!Lock && MD->getName() != "unlock")
    return std::nullopt;
  const ValueDecl *M = namedDecl(MC->getImplicitObjectArgument());
  if (!M)
    return std::nullopt;
  return std::make_pair(StopFlags::canonicalVar(M), Lock);
}

} // namespace

bool mutexHeldAt(const Stmt *Body, const Stmt *At, const ValueDecl *Mutex,
                 ModelQueries &Queries) {
  bool Found = false, Held = false;
  // Returns whether At was found below S; Guarded: a guard of an enclosing
  // block is alive.
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
            if (llvm::is_contained(lockedByDecl(D, Queries), Mutex))
              Local = true;
        if (auto L = lockCall(Child); L && L->first == Mutex)
          Local = L->second || Guarded;
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

llvm::SmallVector<std::pair<const ValueDecl *, const Stmt *>, 2>
mutexesLockedIn(const Stmt *Body, ModelQueries &Queries) {
  llvm::SmallVector<std::pair<const ValueDecl *, const Stmt *>, 2> Out;
  findEvaluated(Body, [&](const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        for (const ValueDecl *M : lockedByDecl(D, Queries))
          Out.push_back({M, S});
    } else if (auto L = lockCall(S); L && L->second) {
      Out.push_back({L->first, S});
    }
    return false;
  });
  return Out;
}

} // namespace cancellint::analysis
