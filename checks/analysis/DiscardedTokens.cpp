//===--- DiscardedTokens.cpp - Token parameters a function throws away ---===//
#include "DiscardedTokens.h"
#include "BlockingCalls.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Limits.h"
#include "Loops.h"
#include "Parents.h"
#include "References.h"
#include "TokenFlow.h"
#include "llvm/ADT/SmallPtrSet.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;

namespace cancellint::analysis {

/// Whether calling \p FD does nothing: its definition (the template's, for
/// an instantiation) has an empty body, as `olp::core::Unused(Args&&...)
/// {}` and the other helpers of `UNUSED(...)` macros have.
static bool doesNothing(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  return Body && Body->body_empty() && !isa<CXXConstructorDecl>(Def);
}

/// Whether \p Call (resolved or left unresolved by a template) calls only
/// functions that do nothing.
static bool callDoesNothing(const CallExpr *Call) {
  if (const FunctionDecl *Callee = calleeOf(Call))
    return doesNothing(Callee);
  auto Candidates = unresolvedCandidates(Call);
  return !Candidates.empty() && llvm::all_of(Candidates, doesNothing);
}

/// How \p Ref is thrown away, with the expression doing it; nullopt when it
/// is a use.
static std::optional<std::pair<DiscardedToken::Kind, const Expr *>>
discardOf(const DeclRefExpr *Ref, ASTContext &Ctx) {
  const Expr *Cur = Ref;
  for (unsigned Depth = 0; Depth < limits::MaxWrapperDepth; ++Depth) {
    DynTypedNodeList Parents = parentsOf(*Cur, Ctx);
    if (Parents.size() != 1)
      return std::nullopt;
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent)
      return std::nullopt;
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            ExprWithCleanups, CXXBindTemporaryExpr>(Parent)) {
      Cur = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent);
        Cast && Cast->getTypeAsWritten()->isVoidType())
      return std::make_pair(DiscardedToken::CastToVoid, Parent);
    if (const auto *Call = dyn_cast<CallExpr>(Parent);
        Call && Call->getCallee() != Cur && callDoesNothing(Call))
      return std::make_pair(DiscardedToken::EmptyCall, Parent);
    return std::nullopt;
  }
  return std::nullopt;
}

/// Every reference to \p P in \p FD's body and constructor initialisers.
static llvm::SmallVector<const DeclRefExpr *, 4>
referencesTo(const FunctionDecl *FD, const ParmVarDecl *P) {
  llvm::SmallVector<const DeclRefExpr *, 4> Refs;
  auto Add = [&](const Stmt *S) {
    if (!S)
      return;
    DeclRefIndex Index(S);
    llvm::append_range(Refs, Index.refsTo(P));
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Add(Init->getInit());
  Add(FD->getBody());
  return Refs;
}

llvm::SmallVector<DiscardedToken, 1> discardedTokens(const FunctionDecl *FD,
                                                     ModelQueries &Queries) {
  llvm::SmallVector<DiscardedToken, 1> Found;
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isImplicit() ||
      FD->isDefaulted() || FD->isDeleted())
    return Found;
  ASTContext &Ctx = FD->getASTContext();
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    std::optional<HeldToken> Token = tokenParameterType(Queries, P->getType());
    if (!Token || P->isParameterPack())
      continue;
    DiscardedToken D{P, I, *Token, DiscardedToken::Unnamed, nullptr};
    if (P->getName().empty()) {
      Found.push_back(D);
      continue;
    }
    auto Refs = referencesTo(FD, P);
    if (Refs.empty()) {
      // A named parameter nobody reads says nothing on purpose, unless it
      // is marked so.
      if (P->hasAttr<UnusedAttr>()) {
        D.How = DiscardedToken::MaybeUnused;
        Found.push_back(D);
      }
      continue;
    }
    bool All = true;
    for (const DeclRefExpr *Ref : Refs) {
      auto Discard = discardOf(Ref, Ctx);
      if (!Discard) {
        All = false;
        break;
      }
      if (!D.At) {
        D.How = Discard->first;
        D.At = Discard->second;
      }
    }
    if (All)
      Found.push_back(D);
  }
  return Found;
}

bool usesTokenParameter(const FunctionDecl *FD, unsigned Index,
                        ModelQueries &Queries) {
  if (!FD || Index >= FD->getNumParams() || !FD->doesThisDeclarationHaveABody())
    return false;
  const ParmVarDecl *P = FD->getParamDecl(Index);
  if (P->getName().empty() || !tokenParameterType(Queries, P->getType()))
    return false;
  ASTContext &Ctx = FD->getASTContext();
  return llvm::any_of(referencesTo(FD, P), [&](const DeclRefExpr *Ref) {
    return !discardOf(Ref, Ctx);
  });
}

/// Whether \p FD has a parameter written to take a token (not generic
/// plumbing: the template's parameters for an instantiation).
static bool takesToken(const FunctionDecl *FD, ModelQueries &Queries) {
  if (!FD)
    return false;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  return llvm::any_of(FD->parameters(), [&](const ParmVarDecl *P) {
    return !P->isParameterPack() &&
           tokenParameterType(Queries, P->getType()).has_value();
  });
}

/// Whether \p Call calls a function taking a token: resolved, or every
/// candidate of a call a template leaves unresolved.
static const FunctionDecl *calleeTakingToken(const Expr *Call,
                                             ModelQueries &Queries) {
  if (worksOnTokenItself(Queries, Call))
    return nullptr;
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call)) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    if (Ctor->isCopyOrMoveConstructor() ||
        Queries.tokenOfRecord(Ctor->getParent()) ||
        Queries.sourceOfRecord(Ctor->getParent()))
      return nullptr;
    return takesToken(Ctor, Queries) ? Ctor : nullptr;
  }
  const auto *CE = dyn_cast<CallExpr>(Call);
  if (!CE || callDoesNothing(CE))
    return nullptr;
  if (const FunctionDecl *Callee = calleeOf(CE))
    return takesToken(Callee, Queries) ? Callee : nullptr;
  auto Candidates = unresolvedCandidates(CE);
  if (!Candidates.empty() &&
      llvm::all_of(Candidates, [&](const FunctionDecl *FD) {
        return takesToken(FD, Queries);
      }))
    return Candidates.front();
  return nullptr;
}

std::optional<DownCall> firstDownCall(const FunctionDecl *FD,
                                      ModelQueries &Queries, double ShortWait) {
  const Stmt *Body = FD ? FD->getBody() : nullptr;
  if (!Body)
    return std::nullopt;
  BlockingCalls Blocking(Queries);
  // Calls inside loops: a short wait repeated by a loop is not short.
  llvm::SmallPtrSet<const Stmt *, 16> InLoops;
  findEvaluated(Body, [&](const Stmt *S) {
    if (const Stmt *LoopBody = loopBody(S))
      findEvaluated(LoopBody, [&](const Stmt *Inner) {
        if (isa<CallExpr>(Inner))
          InLoops.insert(Inner);
        return false;
      });
    return false;
  });
  std::optional<DownCall> Block, Lock, Takes;
  // Source order, lambda bodies excluded.
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  llvm::SmallVector<const Stmt *, 16> Children;
  while (!Work.empty() && !Block) {
    const Stmt *S = Work.pop_back_val();
    if (isa<LambdaExpr>(S))
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (BlockingCallee B = Blocking.blockingCallee(CE)) {
        const WaitBound Bound = Blocking.boundOf(CE, B, FD->getASTContext());
        if (Bound.What != WaitBound::NotBlocking &&
            (Bound.What != WaitBound::Constant || Bound.Seconds > ShortWait ||
             InLoops.contains(CE)))
          Block = DownCall{DownCall::Blocking, CE, B.Callee, nullptr};
      }
    }
    // A lock wrapper on a mutex whose lock the model says blocks; standard
    // mutexes are not such entries: their waits are short by design.
    if (const auto *C = dyn_cast<CXXConstructExpr>(S);
        C && !Lock && C->getNumArgs() > 0)
      if (Blocking.lockedBy(C))
        Lock = DownCall{DownCall::Lock, C, nullptr,
                        namedDecl(C->getArg(0)->IgnoreParenImpCasts())};
    if (!Takes && isa<CallExpr, CXXConstructExpr>(S))
      if (const FunctionDecl *Callee =
              calleeTakingToken(cast<Expr>(S), Queries))
        Takes = DownCall{DownCall::TakesContext, S, Callee, nullptr};
    Children.clear();
    for (const Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    Work.append(Children.rbegin(), Children.rend());
  }
  // The most telling place: a wait the context could have ended, then a
  // call it could have reached.
  if (Block)
    return Block;
  if (Lock && Lock->Mutex)
    return Lock;
  return Takes;
}

/// The function at the top of the hierarchy that \p M overrides (\p M when
/// it overrides nothing), canonical.
static const CXXMethodDecl *rootOf(const CXXMethodDecl *M) {
  for (unsigned Depth = 0;
       Depth < limits::MaxBaseDepth && M->size_overridden_methods() > 0;
       ++Depth)
    M = *M->begin_overridden_methods();
  return M->getCanonicalDecl();
}

llvm::SmallVector<const CXXMethodDecl *, 4>
OverrideSets::siblingsOf(const CXXMethodDecl *M, ASTContext &Ctx) {
  using namespace clang::ast_matchers;
  if (!Built) {
    Built = true;
    for (const BoundNodes &N :
         match(traverse(
                   TK_IgnoreUnlessSpelledInSource,
                   translationUnitDecl(forEachDescendant(
                       cxxMethodDecl(isDefinition(), isVirtual()).bind("m")))),
               Ctx))
      if (const auto *D = N.getNodeAs<CXXMethodDecl>("m"))
        ByRoot[rootOf(D)].push_back(D);
  }
  llvm::SmallVector<const CXXMethodDecl *, 4> Result;
  auto It = ByRoot.find(rootOf(M));
  if (It == ByRoot.end())
    return Result;
  for (const CXXMethodDecl *D : It->second)
    if (D->getCanonicalDecl() != M->getCanonicalDecl())
      Result.push_back(D);
  return Result;
}

} // namespace cancellint::analysis
