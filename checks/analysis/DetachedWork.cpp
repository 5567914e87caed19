//===--- DetachedWork.cpp - What a detached thread still references ------===//
#include "DetachedWork.h"
#include "CallArguments.h"
#include "Callables.h"
#include "Expressions.h"
#include "Lambdas.h"
#include "Limits.h"
#include "Loops.h"
#include "Parents.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// The arguments a thread object was constructed with, when \p E is the
/// construction (`std::thread(f, a)`, `std::thread{f}`).
llvm::SmallVector<const Expr *, 4> constructionArgs(const Expr *E) {
  llvm::SmallVector<const Expr *, 4> Out;
  E = ignoreValueWrappers(E);
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(E))
    E = ignoreValueWrappers(Cast->getSubExpr());
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(E)) {
    // A move from another thread object: follow it to that object.
    if (C->getConstructor()->isCopyOrMoveConstructor() && C->getNumArgs() == 1)
      return Out;
    Out.append(C->arg_begin(), C->arg_end());
    return Out;
  }
  // In a template, a construction whose arguments are dependent.
  if (E)
    Out = unresolvedConstructionArgs(E);
  return Out;
}

/// The callables that thread objects named by \p Object were made with.
class WorkFinder {
public:
  WorkFinder(const DeclRefIndex &Refs, ASTContext &Ctx) : Refs(Refs), Ctx(Ctx) {}

  /// Appends to \p Out the callables (with the object argument they are
  /// given, for member functions) that started the threads \p Object names.
  void threadsOf(const Expr *Object, unsigned Depth,
                 llvm::SmallVectorImpl<llvm::SmallVector<const Expr *, 4>> &Out) {
    if (Depth > limits::MaxCallDepth)
      return;
    Object = ignoreValueWrappers(Object);
    llvm::SmallVector<const Expr *, 4> Args = constructionArgs(Object);
    if (!Args.empty()) {
      Out.push_back(Args);
      return;
    }
    // std::move(t) and the like.
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Object);
        Call && isValueForwardingCall(Call)) {
      threadsOf(Call->getArg(0), Depth + 1, Out);
      return;
    }
    const VarDecl *Var = referencedVar(Object);
    if (!Var || !Var->hasLocalStorage())
      return;
    if (Var->getInit()) {
      // `for (auto &t : threads)`: the range's elements.
      if (const Expr *Range = rangeOf(Var)) {
        containerThreads(Range, Depth + 1, Out);
        return;
      }
      threadsOf(Var->getInit(), Depth + 1, Out);
    }
    for (const DeclRefExpr *Ref : Refs.refsTo(Var))
      if (const Expr *Assigned = assignedAt(Ref))
        threadsOf(Assigned, Depth + 1, Out);
  }

private:
  const DeclRefIndex &Refs;
  ASTContext &Ctx;

  /// The range a range-for binds \p Var to the elements of.
  const Expr *rangeOf(const VarDecl *Var) {
    const DynTypedNodeList Parents = parentsOf(*Var, Ctx);
    for (const DynTypedNode &P : Parents)
      if (const auto *DS = P.get<DeclStmt>())
        for (const DynTypedNode &Q : parentsOf(*DS, Ctx))
          if (const auto *For = Q.get<CXXForRangeStmt>();
              For && For->getLoopVarStmt() == DS)
            return For->getRangeInit();
    return nullptr;
  }

  /// The value assigned where \p Ref is the left side of `=`.
  const Expr *assignedAt(const DeclRefExpr *Ref) {
    for (const DynTypedNode &P : parentsOf(*Ref, Ctx)) {
      const auto *Op = P.get<CXXOperatorCallExpr>();
      if (Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          ignoreValueWrappers(Op->getArg(0)) == Ref)
        return Op->getArg(1);
    }
    return nullptr;
  }

  /// The threads put into the local container \p Range
  /// (push_back, emplace_back, emplace, insert).
  void containerThreads(const Expr *Range, unsigned Depth,
                        llvm::SmallVectorImpl<llvm::SmallVector<const Expr *, 4>> &Out) {
    const VarDecl *Container = referencedVar(ignoreValueWrappers(Range));
    if (!Container || !Container->hasLocalStorage())
      return;
    for (const DeclRefExpr *Ref : Refs.refsTo(Container)) {
      // `v.push_back(...)`, also unresolved in a template.
      const CallExpr *Call = nullptr;
      std::string Name;
      for (const DynTypedNode &P : parentsOf(*Ref, Ctx)) {
        const Expr *Member = P.get<MemberExpr>();
        if (const auto *ME = P.get<MemberExpr>())
          Name = ME->getMemberNameInfo().getAsString();
        else if (const auto *UME = P.get<UnresolvedMemberExpr>()) {
          Member = UME;
          Name = UME->getMemberNameInfo().getAsString();
        }
        if (Member)
          for (const DynTypedNode &Q : parentsOf(*Member, Ctx))
            Call = Q.get<CallExpr>();
      }
      if (!Call)
        continue;
      if (Name == "emplace_back" || Name == "emplace_front") {
        // The arguments construct the thread.
        llvm::SmallVector<const Expr *, 4> Args(Call->arg_begin(),
                                                Call->arg_end());
        // One argument that builds a thread or names one is followed.
        if (Args.size() == 1 &&
            (!constructionArgs(Args[0]).empty() ||
             referencedVar(ignoreValueWrappers(Args[0]))))
          threadsOf(Args[0], Depth, Out);
        else
          Out.push_back(Args);
      } else if (Name == "push_back" || Name == "push_front" ||
                 Name == "insert" || Name == "emplace") {
        if (Call->getNumArgs() > 0)
          threadsOf(Call->getArg(Call->getNumArgs() - 1), Depth, Out);
      }
    }
  }
};

/// The closing brace of the block that declares \p Var in \p Body.
SourceLocation blockEnd(const VarDecl *Var, const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *C = dyn_cast<CompoundStmt>(S))
      for (const Stmt *Child : C->body())
        if (const auto *DS = dyn_cast<DeclStmt>(Child))
          for (const Decl *D : DS->decls())
            if (D == Var)
              return C->getRBracLoc();
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return {};
}

/// The class whose `this` the lambda \p L captures.
const CXXRecordDecl *classOfThis(const LambdaExpr *L) {
  for (const DeclContext *DC = L->getLambdaClass()->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC); RD && !RD->isLambda())
      return RD;
  return nullptr;
}

/// The loop with no exit in the body of \p FD, if any.
const Stmt *endlessLoopIn(const FunctionDecl *FD, const ASTContext &Ctx) {
  if (!FD || !FD->getBody())
    return nullptr;
  return findEvaluated(FD->getBody(), [&](const Stmt *S) {
    return isa<WhileStmt, DoStmt, ForStmt>(S) && hasNoExit(S, Ctx);
  });
}

} // namespace

llvm::SmallVector<DetachedReference, 2>
detachedReferences(const CXXMemberCallExpr *Detach, const Stmt *Body,
                   const DeclRefIndex &Refs, ASTContext &Ctx) {
  llvm::SmallVector<DetachedReference, 2> Out;
  llvm::SmallVector<llvm::SmallVector<const Expr *, 4>, 2> Threads;
  WorkFinder(Refs, Ctx).threadsOf(Detach->getImplicitObjectArgument(), 0,
                                  Threads);
  llvm::SmallPtrSet<const VarDecl *, 4> Seen;
  for (const llvm::SmallVector<const Expr *, 4> &Args : Threads) {
    if (Args.empty())
      continue;
    // The callable comes first; for a member function, the object next.
    const Expr *Callable = Args.front();
    if (const auto *L = dyn_cast_or_null<LambdaExpr>(
            ignoreValueWrappers(Callable))) {
      for (const CapturedEntity &C : capturesOf(L)) {
        if (C.capturesThis()) {
          if (const Stmt *Loop = endlessLoopIn(L->getCallOperator(), Ctx))
            Out.push_back({DetachedReference::ThisForever, nullptr, C.Loc,
                           SourceLocation(), Loop, classOfThis(L)});
          continue;
        }
        if (!C.ByReference)
          continue;
        const auto *Var = dyn_cast<VarDecl>(C.Var);
        if (!Var || !Var->hasLocalStorage() || !Seen.insert(Var).second)
          continue;
        const SourceLocation End = blockEnd(Var, Body);
        if (End.isValid())
          Out.push_back({DetachedReference::LocalByReference, Var, C.Loc, End,
                         nullptr, nullptr});
      }
      continue;
    }
    // `std::thread(&Worker::run, this)`: the member's own loop.
    for (const FunctionDecl *F : callablesIn(Callable)) {
      const auto *MD = dyn_cast<CXXMethodDecl>(F);
      if (!MD || MD->isStatic() || Args.size() < 2 ||
          !isa<CXXThisExpr>(ignoreValueWrappers(Args[1])))
        continue;
      const FunctionDecl *Def = MD->getDefinition() ? MD->getDefinition() : MD;
      if (const Stmt *Loop = endlessLoopIn(Def, Ctx))
        Out.push_back({DetachedReference::ThisForever, nullptr,
                       Args[1]->getBeginLoc(), {}, Loop, MD->getParent()});
    }
  }
  return Out;
}

} // namespace cancellint::analysis
