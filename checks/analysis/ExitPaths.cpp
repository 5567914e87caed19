//===--- ExitPaths.cpp - Path questions on one function's CFG ------------===//
#include "ExitPaths.h"
#include "NoReturn.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

using namespace clang;

namespace cancellint::analysis {

std::unique_ptr<FunctionPaths> FunctionPaths::build(const Decl *D,
                                                    ASTContext &Ctx) {
  Stmt *Body = D ? D->getBody() : nullptr;
  if (!Body)
    return nullptr;
  CFG::BuildOptions Options;
  // Implicit and temporary destructors so that destructors marked
  // [[noreturn]] end paths; lifetime ends so that locals with trivial
  // destructors also show where their life ends.
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddLifetime = true;
  std::unique_ptr<CFG> Graph = CFG::buildCFG(D, Body, &Ctx, Options);
  if (!Graph)
    return nullptr;

  std::unique_ptr<FunctionPaths> Result(new FunctionPaths());
  Result->D = D;
  Result->Ctx = &Ctx;
  Result->Parents = std::make_unique<ParentMap>(Body);
  for (const CFGBlock *B : *Graph) {
    for (unsigned I = 0, N = B->size(); I < N; ++I) {
      auto S = (*B)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      const Stmt *St = S->getStmt();
      Result->StmtPoints.try_emplace(St, CFGPoint{B, I});
      if (const auto *DS = dyn_cast<DeclStmt>(St))
        for (const Decl *Dcl : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(Dcl))
            Result->DeclPoints.try_emplace(VD, CFGPoint{B, I});
    }
  }
  // The CFG splits `T a = x, b = y;` into one synthetic DeclStmt per
  // variable; statements inside the original map to the first of them.
  for (const auto &[Synthetic, Original] : Graph->synthetic_stmts()) {
    auto It = Result->StmtPoints.find(Synthetic);
    if (It != Result->StmtPoints.end())
      Result->StmtPoints.try_emplace(Original, It->second);
  }
  Result->Graph = std::move(Graph);
  return Result;
}

std::optional<CFGPoint> FunctionPaths::pointOf(const Stmt *S) const {
  for (const Stmt *Cur = S; Cur; Cur = Parents->getParent(Cur)) {
    auto It = StmtPoints.find(Cur);
    if (It != StmtPoints.end())
      return It->second;
  }
  return std::nullopt;
}

std::optional<CFGPoint> FunctionPaths::pointOfDecl(const VarDecl *VD) const {
  auto It = DeclPoints.find(VD);
  if (It == DeclPoints.end())
    return std::nullopt;
  return It->second;
}

std::optional<bool> FunctionPaths::search(
    CFGPoint From, const PathStops &Stops,
    llvm::function_ref<Verdict(const CFGBlock &, unsigned,
                               const PathStops::Stop *)>
        OnElement,
    llvm::function_ref<Verdict(const CFGBlock &)> OnBlockEnd) const {
  // The memo: a block entered from its start once is never entered again.
  // The block of From is not marked, so a loop back to it is followed.
  llvm::BitVector Entered(Graph->getNumBlockIDs());
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 32> Work;
  Work.push_back({From.Block, From.Index + 1});
  while (!Work.empty()) {
    auto [B, Start] = Work.pop_back_val();
    bool PathEnded = false;
    for (unsigned I = Start, N = B->size(); I < N && !PathEnded; ++I) {
      if (StepsLeft == 0)
        return std::nullopt;
      --StepsLeft;
      switch (OnElement(*B, I, Stops.find(B, I))) {
      case Verdict::Found:
        return true;
      case Verdict::StopPath:
        PathEnded = true;
        break;
      case Verdict::Continue:
        // Past a noreturn call, throw or noreturn destructor nothing runs.
        PathEnded = endsPath((*B)[I], *Ctx);
        break;
      }
    }
    if (PathEnded || B->hasNoReturnElement())
      continue;
    if (StepsLeft == 0)
      return std::nullopt;
    --StepsLeft;
    switch (OnBlockEnd(*B)) {
    case Verdict::Found:
      return true;
    case Verdict::StopPath:
      continue;
    case Verdict::Continue:
      break;
    }
    // Edges pruned as never taken (a constant condition: endless loops)
    // have no reachable block.
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next || Entered.test(Next->getBlockID()))
        continue;
      Entered.set(Next->getBlockID());
      Work.push_back({Next, 0});
    }
  }
  return false;
}

std::optional<std::vector<PathEnd>>
FunctionPaths::pathsAvoiding(CFGPoint From, const PathStops &Stops,
                             const VarDecl *Watched) const {
  std::vector<PathEnd> Ends;
  auto EndsLife = [&](const CFGElement &E) -> const Stmt * {
    if (!Watched)
      return nullptr;
    if (auto Dtor = E.getAs<CFGAutomaticObjDtor>())
      if (Dtor->getVarDecl() == Watched)
        return Dtor->getTriggerStmt();
    if (auto Life = E.getAs<CFGLifetimeEnds>())
      if (Life->getVarDecl() == Watched)
        return Life->getTriggerStmt();
    return nullptr;
  };
  const std::optional<bool> Done = search(
      From, Stops,
      [&](const CFGBlock &B, unsigned I, const PathStops::Stop *S) {
        if (S) {
          if (S->Reported)
            Ends.push_back({PathEnd::Stopped, S->S, S->Tag});
          return Verdict::StopPath;
        }
        if (const Stmt *Trigger = EndsLife(B[I])) {
          Ends.push_back({PathEnd::LifetimeEnd, Trigger, 0});
          return Verdict::StopPath;
        }
        return Verdict::Continue;
      },
      [&](const CFGBlock &B) {
        if (&B != &Graph->getExit())
          return Verdict::Continue;
        Ends.push_back({PathEnd::FunctionExit, nullptr, 0});
        return Verdict::StopPath;
      });
  if (!Done)
    return std::nullopt;

  // Deterministic order: by position, then kind; one entry per place.
  const SourceManager &SM = Ctx->getSourceManager();
  auto Loc = [](const PathEnd &E) {
    return E.At ? E.At->getEndLoc() : SourceLocation();
  };
  llvm::sort(Ends, [&](const PathEnd &A, const PathEnd &B) {
    const SourceLocation LA = Loc(A), LB = Loc(B);
    if (LA != LB)
      return LA.isValid() && LB.isValid()
                 ? SM.isBeforeInTranslationUnit(LA, LB)
                 : LB.isInvalid();
    return A.What < B.What;
  });
  Ends.erase(std::unique(Ends.begin(), Ends.end(),
                         [](const PathEnd &A, const PathEnd &B) {
                           return A.What == B.What && A.At == B.At;
                         }),
             Ends.end());
  return Ends;
}

std::optional<bool> FunctionPaths::reaches(CFGPoint From, CFGPoint To,
                                           const PathStops &Stops) const {
  return search(
      From, Stops,
      [&](const CFGBlock &B, unsigned I, const PathStops::Stop *S) {
        if (&B == To.Block && I == To.Index)
          return Verdict::Found;
        return S ? Verdict::StopPath : Verdict::Continue;
      },
      [](const CFGBlock &) { return Verdict::Continue; });
}

std::optional<bool>
FunctionPaths::reachesLoopBackEdge(CFGPoint From, const Stmt *Loop,
                                   const PathStops &Stops) const {
  return search(
      From, Stops,
      [](const CFGBlock &, unsigned, const PathStops::Stop *S) {
        return S ? Verdict::StopPath : Verdict::Continue;
      },
      [&](const CFGBlock &B) {
        // Clang marks the block that jumps back to a loop's head (the
        // increment of a for, the transition block of a while or do).
        return B.getLoopTarget() == Loop ? Verdict::Found : Verdict::Continue;
      });
}

const Decl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  // Bounded: statement nesting rarely exceeds a few hundred levels.
  for (unsigned Depth = 0; !Parents.empty() && Depth < 1024; ++Depth) {
    const DynTypedNode &P = Parents[0];
    if (const auto *L = P.get<LambdaExpr>())
      return L->getCallOperator();
    if (const auto *FD = P.get<FunctionDecl>())
      return FD;
    if (const auto *BD = P.get<BlockDecl>())
      return BD;
    if (const auto *ND = P.get<Decl>())
      if (isa<TranslationUnitDecl, NamespaceDecl, RecordDecl>(ND))
        return nullptr;
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

} // namespace cancellint::analysis
