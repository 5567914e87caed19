//===--- DirectCloses.cpp - Closes that race with an object's handlers ---===//
#include "DirectCloses.h"
#include "Expressions.h"
#include "Instantiations.h"
#include "Limits.h"
#include "UnitBodies.h"

#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

const FunctionDecl *canonical(const FunctionDecl *FD) {
  return FD ? FD->getCanonicalDecl() : nullptr;
}

/// The data member whose `close()` or `cancel()` \p Call is, or null.
const FieldDecl *isCloseOfMember(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  if (!MD || !MD->getIdentifier() ||
      (MD->getName() != "close" && MD->getName() != "cancel"))
    return nullptr;
  const auto *Object = dyn_cast<MemberExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return Object ? dyn_cast<FieldDecl>(Object->getMemberDecl()) : nullptr;
}

class Scanner : public UnitBodiesVisitor {
public:
  Scanner(const SourceManager &SM,
          llvm::DenseMap<const FieldDecl *,
                         llvm::SmallVector<DirectCloses::Close, 2>> &Closes,
          llvm::DenseMap<const FunctionDecl *,
                         llvm::SmallVector<const FunctionDecl *, 2>> &Callers,
          llvm::DenseSet<const FunctionDecl *> &NamedElsewhere)
      : UnitBodiesVisitor(SM), Closes(Closes), Callers(Callers),
        NamedElsewhere(NamedElsewhere) {}

  bool VisitCallExpr(const CallExpr *Call) override {
    if (const Expr *Callee = Call->getCallee())
      DirectCallees.insert(Callee->IgnoreParenImpCasts());
    return true;
  }
  bool VisitCXXMemberCallExpr(const CXXMemberCallExpr *Call) override {
    if (const FieldDecl *Field = isCloseOfMember(Call))
      Closes[Field].push_back({Call, current()});
    return true;
  }
  bool VisitDeclRefExpr(const DeclRefExpr *E) override {
    named(E, E->getDecl());
    return true;
  }
  bool VisitMemberExpr(const MemberExpr *E) override {
    named(E, E->getMemberDecl());
    return true;
  }

private:
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<DirectCloses::Close, 2>>
      &Closes;
  llvm::DenseMap<const FunctionDecl *,
                 llvm::SmallVector<const FunctionDecl *, 2>> &Callers;
  llvm::DenseSet<const FunctionDecl *> &NamedElsewhere;
  llvm::SmallPtrSet<const Expr *, 32> DirectCallees;

  void named(const Expr *E, const ValueDecl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD)
      return;
    if (DirectCallees.contains(E) && current())
      Callers[canonical(FD)].push_back(current());
    else
      NamedElsewhere.insert(canonical(FD));
  }
};

} // namespace

void DirectCloses::scan() {
  Scanned = true;
  Scanner S(Ctx.getSourceManager(), Closes, Callers, NamedElsewhere);
  S.TraverseDecl(Ctx.getTranslationUnitDecl());
}

bool DirectCloses::runsElsewhere(const FunctionDecl *FD, unsigned Depth) {
  if (!FD || Depth > limits::MaxCallDepth ||
      NamedElsewhere.contains(canonical(FD)))
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && MD->getParent()->isLambda())
    return false;
  auto It = Callers.find(canonical(FD));
  if (It == Callers.end())
    return true; // public API: called from the owner's thread
  for (const FunctionDecl *Caller : It->second)
    if (canonical(Caller) == canonical(FD) || !runsElsewhere(Caller, Depth + 1))
      return false;
  return true;
}

std::optional<DirectCloses::Close> DirectCloses::of(const FieldDecl *Field) {
  if (!Scanned)
    scan();
  auto It = Closes.find(fieldAsWritten(Field));
  if (It == Closes.end())
    return std::nullopt;
  for (const Close &C : It->second)
    if (runsElsewhere(C.In, 0))
      return C;
  return std::nullopt;
}

llvm::SmallVector<DirectCloses::Close, 2>
DirectCloses::allOf(const FieldDecl *Field) {
  if (!Scanned)
    scan();
  llvm::SmallVector<Close, 2> Out;
  auto It = Closes.find(fieldAsWritten(Field));
  if (It != Closes.end())
    for (const Close &C : It->second)
      if (C.In)
        Out.push_back(C);
  return Out;
}

bool DirectCloses::closesAny(const FunctionDecl *FD) {
  // Its own body, not the scan: in a class template's instantiation the
  // object's type is known even where the template's is dependent.
  const Stmt *Body = FD->getBody();
  return Body && findEvaluated(Body, [](const Stmt *S) {
           const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
           return Call && isCloseOfMember(Call);
         });
}

} // namespace cancellint::analysis
